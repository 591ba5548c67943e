/// Makes any input safe to read, keep and show: invalid UTF-8 becomes U+FFFD, and control
/// characters and terminal escape sequences are removed so that nothing typed can reach the
/// terminal or an exported file raw.
public enum InputSanitizer {
    /// Longer lines are cut here: a megabyte is far beyond anything typed, and keeps memory bounded.
    public static let maximumLineBytes = 1 << 20

    /// The text of a line read as bytes, and whether the bytes were valid UTF-8.
    public static func decode(_ bytes: [UInt8]) -> (text: String, wasValid: Bool) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
        return (String(decoding: bytes, as: UTF8.self), false)
    }

    /// The line without control characters or escape sequences (tabs become spaces), trimmed,
    /// and what was wrong with it.
    public static func clean(_ line: String) -> (line: String, problems: [Phrase]) {
        var problems: [Phrase] = []
        var text = line
        if text.utf8.count > maximumLineBytes {
            var cut = String.UnicodeScalarView()
            var bytes = 0
            for scalar in text.unicodeScalars {
                bytes += UTF8.width(scalar)
                if bytes > maximumLineBytes { break }
                cut.append(scalar)
            }
            text = String(cut)
            problems.append(.inputTooLong)
        }
        guard text.unicodeScalars.contains(where: isUnsafe) else { return (text.trimmed, problems) }
        var kept = String.UnicodeScalarView()
        var removed = false
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\t" {
                kept.append(" ")
            } else if scalar.value == 0x1B {
                removed = true
                skipEscapeSequence(&iterator)
            } else if scalar.value == 0x9B {
                // The one-character CSI: its parameters and final letter go with it ("31m").
                removed = true
                while let next = iterator.next(), !(0x40...0x7E).contains(next.value) {}
            } else if isUnsafe(scalar) {
                removed = true
            } else {
                kept.append(scalar)
            }
        }
        if removed { problems.append(.inputControlCharacters) }
        return (String(kept).trimmed, problems)
    }

    /// Text with any character that must not be shown raw (`mustBeEscaped`) replaced by U+FFFD,
    /// for echoing in a reply or a document.
    public static func visible(_ text: String) -> String {
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if mustBeEscaped(scalar) { shown.append(contentsOf: "\u{FFFD}".unicodeScalars) } else { shown.append(scalar) }
        }
        return String(shown)
    }

    /// Text with any character that must not be shown raw written as Swift writes it, `\u{1B}`
    /// or `\u{2028}`, so that it shows what it was: for messages that name a file or quote a
    /// line. `keeping` lists the characters left as they are (a newline in a multi-line text).
    public static func escaped(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: mustBeEscaped) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if mustBeEscaped(scalar), !keeping.contains(scalar) {
                shown.append(contentsOf: ("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}").unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    /// What must not reach a terminal or a document raw: everything `isUnsafe` removes from
    /// input, and the characters that change how text is laid out or ordered without being
    /// seen, which `clean` keeps because they are part of what was typed (the JSON export gives
    /// them back): the line and paragraph separators, the direction marks (LRM, RLM, ALM), and
    /// the format characters and fillers that show nothing at all, so that `a<U+200B>.txt`
    /// cannot pass for `a.txt` (zero-width space, soft hyphen, word joiner and the invisible
    /// operators, a byte order mark inside a text, the Hangul fillers, the Mongolian vowel
    /// separator, the interlinear annotation marks, tags). Kept as they are: the zero-width
    /// joiner and non-joiner and the variation selectors, which hold emoji and some scripts
    /// together and never stand alone in what a person types.
    public static func mustBeEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2028, 0x2029, 0x200E, 0x200F, 0x061C: true
        case 0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x2060...0x2064, 0x206A...0x206F,
             0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0001, 0xE0020...0xE007F: true
        default: isUnsafe(scalar)
        }
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Skips the rest of an escape sequence: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), or ESC + one.
    private static func skipEscapeSequence(_ iterator: inout String.UnicodeScalarView.Iterator) {
        guard let kind = iterator.next() else { return }
        switch kind {
        case "[":
            while let next = iterator.next(), !(0x40...0x7E).contains(next.value) {}
        case "]", "P", "_", "^":
            var previous: Unicode.Scalar = " "
            while let next = iterator.next() {
                if next.value == 0x07 || (previous.value == 0x1B && next == "\\") { break }
                previous = next
            }
        default:
            break
        }
    }
}
