/// Terminal display width, counted in cells: East Asian wide and fullwidth characters take two,
/// combining marks and controls none. Pure, so that wrapping is the same in tests and terminals.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return cells(first.value)
    }

    static func cells(_ c: UInt32) -> Int {
        switch c {
        case 0x00..<0x20, 0x7F..<0xA0, 0x0300...0x036F, 0x200B...0x200F, 0x3099...0x309A, 0xFE00...0xFE0F:
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The text broken into lines of at most `width` cells: English breaks at spaces, Japanese
    /// between any two characters, except that closing punctuation (「、」「。」「）」) never starts a
    /// line and opening brackets never end one. Where a 「、」 would start a line, the character
    /// before it moves down with it (追い出し), so no line passes the edge.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line: [Substring] = []
            var lineWidth = 0
            func breakLine(carrying count: Int) {
                let carried = Array(line.suffix(count))
                line.removeLast(count)
                lines.append(trailingSpacesRemoved(line.joined()))
                line = carried
                lineWidth = of(carried.joined())
            }
            for piece in pieces(of: paragraph) {
                let pieceWidth = of(piece)
                let isSpace = isSpace(piece)
                if lineWidth + pieceWidth > width, lineWidth > 0, !isSpace {
                    breakLine(carrying: isClosing(piece) ? carriedBeforeClosing(line, adding: pieceWidth, width: width)
                                                         : trailingOpenings(line))
                }
                if lineWidth == 0 && isSpace { continue }
                if pieceWidth > width {
                    for char in piece {
                        if lineWidth + of(char) > width, lineWidth > 0 { breakLine(carrying: 0) }
                        line.append(Substring(String(char)))
                        lineWidth += of(char)
                    }
                } else {
                    line.append(piece)
                    lineWidth += pieceWidth
                }
            }
            lines.append(trailingSpacesRemoved(line.joined()))
        }
        return lines
    }

    /// How many pieces at the end of a line move down with a closing mark that does not fit: the
    /// closing marks already there, the character before them and any opening bracket before
    /// that, as long as something stays on the line and the carried run fits the next one. None
    /// (the mark then starts the line) when that cannot be done.
    private static func carriedBeforeClosing(_ line: [Substring], adding markWidth: Int, width: Int) -> Int {
        var count = 0, carriedWidth = markWidth
        while count < line.count - 1 {
            let piece = line[line.count - 1 - count]
            if isSpace(piece) { return 0 }
            carriedWidth += of(piece)
            if carriedWidth > width { return 0 }
            count += 1
            if !isClosing(piece) {
                // …and an opening bracket just before it comes too, rather than end the line.
                while count < line.count - 1, isOpening(line[line.count - 1 - count]) {
                    carriedWidth += of(line[line.count - 1 - count])
                    if carriedWidth > width { return 0 }
                    count += 1
                }
                return count
            }
        }
        return 0
    }

    /// The opening brackets at the end of a line (「「」「（」), which move down to the next.
    private static func trailingOpenings(_ line: [Substring]) -> Int {
        var count = 0
        while count < line.count - 1, isOpening(line[line.count - 1 - count]) { count += 1 }
        return count
    }

    private static func isSpace(_ piece: Substring) -> Bool {
        piece.allSatisfy { $0 == " " }
    }

    /// Words with ASCII letters stay whole; every other character stands alone.
    private static func pieces(of text: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        func isWordCharacter(_ c: Character) -> Bool { c.isASCII && c != " " }
        while index < text.endIndex {
            let char = text[index]
            if isWordCharacter(char) {
                var end = index
                while end < text.endIndex, isWordCharacter(text[end]) { end = text.index(after: end) }
                if start < index { pieces.append(text[start..<index]) }
                pieces.append(text[index..<end])
                index = end
                start = end
            } else {
                if start < index { pieces.append(text[start..<index]) }
                let next = text.index(after: index)
                pieces.append(text[index..<next])
                index = next
                start = next
            }
        }
        return pieces
    }

    private static func isClosing(_ piece: Substring) -> Bool {
        guard piece.count == 1, let c = piece.first else { return false }
        return "、。，．）」』】〕！？ー…・,.)!?:;".contains(c)
    }

    private static func isOpening(_ piece: Substring) -> Bool {
        guard piece.count == 1, let c = piece.first else { return false }
        return "「『（【〔［｛〈《(".contains(c)
    }

    private static func trailingSpacesRemoved(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
