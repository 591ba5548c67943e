/// Folds text so that the ways of writing one word meet: NFKC (full and half width), lower case,
/// hiragana onto katakana, long-vowel and wave marks, runs of a repeated character, and spaces
/// between Japanese characters. Knowledge synonyms and user lines go through the same folding.
///
/// Wave marks between digits are kept (3〜4日 is a range, not 34日), and digits are never collapsed.
public enum Normalizer {
    public static func normalize(_ text: String) -> NormalizedText {
        var folder = Folder(original: Array(text.utf8))
        var offset: Int32 = 0
        for scalar in text.unicodeScalars {
            let width = Int32(UTF8.width(scalar))
            folder.fold(scalar.value, start: offset, end: offset + width)
            offset += width
        }
        return folder.result
    }

    /// The folded form of a knowledge word, as scalar values (no map back: it is not shown).
    public static func key(_ text: String) -> [UInt32] {
        var folder = Folder(original: [], tracksOrigins: false)
        for scalar in text.unicodeScalars { folder.fold(scalar.value, start: 0, end: 0) }
        return folder.result.scalars
    }

    static let longVowelMark: UInt32 = 0x30FC
    static let waveDash: UInt32 = 0x301C
    static let space: UInt32 = 0x20
    static let hyphen: UInt32 = 0x2D
    static let emDash: UInt32 = 0x2014

    static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isASCIILetter(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }
    /// Japanese and other wide scripts, where spaces carry no meaning.
    static func isWide(_ c: UInt32) -> Bool { c >= 0x2E80 }

    static func isSmallKana(_ c: UInt32) -> Bool {
        switch c {
        case 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6: true
        default: false
        }
    }
}

/// The folding state over one line: what was emitted last, and whether a space is pending.
private struct Folder {
    var result: NormalizedText
    var pendingSpace: (start: Int32, end: Int32)?
    var runLength = 0

    /// Whether to keep the map back to the original, which only user lines need.
    let tracksOrigins: Bool

    init(original: [UInt8], tracksOrigins: Bool = true) {
        result = NormalizedText(original: original, scalars: [], starts: [], ends: [])
        self.tracksOrigins = tracksOrigins
        // One folded scalar per source scalar, mostly: count them rather than the bytes, which
        // for Japanese would reserve three times what is needed.
        let scalars = original.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        result.scalars.reserveCapacity(scalars)
        if tracksOrigins {
            result.starts.reserveCapacity(scalars)
            result.ends.reserveCapacity(scalars)
        }
    }

    private mutating func append(_ scalar: UInt32, start: Int32, end: Int32) {
        if tracksOrigins {
            result.append(scalar, start: start, end: end)
        } else {
            result.scalars.append(scalar)
        }
    }

    /// A hyphen with a space on each side is a dash ("no accident - my back is tight"), which
    /// ends a clause; one inside a word (light-headed) or before a number (-3) stays a hyphen.
    private mutating func foldSpacedHyphen() {
        let count = result.scalars.count
        guard count >= 2, result.scalars[count - 1] == Normalizer.hyphen, result.scalars[count - 2] == Normalizer.space else { return }
        result.scalars[count - 1] = Normalizer.emDash
    }

    private mutating func removeLast() {
        result.scalars.removeLast()
        if tracksOrigins {
            result.starts.removeLast()
            result.ends.removeLast()
        }
    }

    mutating func fold(_ scalar: UInt32, start: Int32, end: Int32) {
        if scalar < 0x80 || (scalar >= 0x3041 && scalar <= 0x30FA) || (scalar >= 0x4E00 && scalar <= 0x9FFF) {
            emit(scalar, start: start, end: end)
        } else if let expansion = CompatibilityFolds.table[scalar] {
            for part in expansion { emit(part, start: start, end: end) }
        } else {
            emit(scalar, start: start, end: end)
        }
    }

    private mutating func emit(_ scalar: UInt32, start: Int32, end: Int32) {
        var c = scalar
        if c >= 0x41 && c <= 0x5A {
            c += 0x20
        } else if c >= 0x370 && c < 0x530, let s = Unicode.Scalar(c), s.properties.isUppercase,
                  let lower = s.properties.lowercaseMapping.unicodeScalars.first {
            c = lower.value
        } else if (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E {
            c += 0x60
        }
        switch c {
        case 0x2018, 0x2019, 0x201B, 0x2032:
            c = 0x27
        case 0x201C, 0x201D, 0x2033:
            c = 0x22
        default:
            break
        }
        switch c {
        case 0x3099, 0x309A:
            composeMark(c, end: end)
            return
        case Normalizer.longVowelMark:
            extendLast(to: end)
            return
        case Normalizer.waveDash, 0x7E:
            guard let last = result.scalars.last, Normalizer.isDigit(last) else {
                extendLast(to: end)
                return
            }
            c = Normalizer.waveDash
        case 0x00...0x1F, 0x7F...0x9F, 0x20, 0x2000...0x200B, 0x2028, 0x2029, 0x3000, 0xFEFF:
            if !result.scalars.isEmpty && pendingSpace == nil { pendingSpace = (start, end) }
            return
        case 0x0300...0x036F:
            extendLast(to: end)
            return
        default:
            break
        }
        if let space = pendingSpace {
            pendingSpace = nil
            foldSpacedHyphen()
            // Spaces matter between English words, and around numbers (35歳 10日 3 is three values).
            if let last = result.scalars.last,
               (!Normalizer.isWide(last) && !Normalizer.isWide(c)) || Normalizer.isDigit(last) || Normalizer.isDigit(c) {
                append(Normalizer.space, start: space.start, end: space.end)
                runLength = 1
            }
        }
        if let last = result.scalars.last, last == c, !Normalizer.isDigit(c) {
            runLength += 1
            if Normalizer.isSmallKana(c) || runLength >= 3 {
                if runLength == 3 && !Normalizer.isSmallKana(c) { removeLast() }
                extendLast(to: end)
                return
            }
        } else {
            runLength = 1
        }
        append(c, start: start, end: end)
    }

    /// Joins a voiced or semi-voiced mark to the kana before it (half-width ｶﾞ is カ + U+3099).
    private mutating func composeMark(_ mark: UInt32, end: Int32) {
        if let last = result.scalars.last, let composed = CompatibilityFolds.composition(last, mark) {
            result.scalars[result.scalars.count - 1] = composed
        }
        extendLast(to: end)
    }

    private mutating func extendLast(to end: Int32) {
        guard tracksOrigins, !result.ends.isEmpty else { return }
        result.ends[result.ends.count - 1] = end
    }
}

/// The generated compatibility table, read once on first use.
enum CompatibilityFolds {
    /// Parsed by hand from the generated hex text: `code:replacement+replacement` entries.
    static let table: [UInt32: [UInt32]] = {
        var table: [UInt32: [UInt32]] = [:]
        table.reserveCapacity(3200)
        var key: UInt32 = 0, value: UInt32 = 0
        var values: [UInt32] = []
        var readingKey = true
        func finish() {
            if !readingKey {
                values.append(value)
                table[key] = values
            }
            key = 0
            value = 0
            values = []
            readingKey = true
        }
        for byte in compatibilityFoldsHex.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                let digit = UInt32(byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : byte - UInt8(ascii: "A") + 10)
                if readingKey { key = key << 4 | digit } else { value = value << 4 | digit }
            case UInt8(ascii: ":"):
                readingKey = false
            case UInt8(ascii: "+"):
                values.append(value)
                value = 0
            default:
                finish()
            }
        }
        finish()
        return table
    }()

    static let compositions: [UInt64: UInt32] = {
        var map: [UInt64: UInt32] = [:]
        for entry in kanaCompositions {
            map[UInt64(entry.base) << 32 | UInt64(entry.mark)] = entry.composed
        }
        return map
    }()

    static func composition(_ base: UInt32, _ mark: UInt32) -> UInt32? {
        compositions[UInt64(base) << 32 | UInt64(mark)]
    }
}
