/// One file of a knowledge base, by name and content.
public struct KnowledgeFile: Sendable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// One `key: value` line of a record.
public struct KnowledgeField: Sendable {
    /// The whole key as written, such as `label.ja` or `combine`.
    public var key: String
    public var value: String
    public var line: Int
}

/// A `[kind id]` block of a knowledge file and its fields, in the order written.
public struct KnowledgeRecord: Sendable {
    public var kind: String
    public var id: String
    public var file: String
    public var line: Int
    public var fields: [KnowledgeField]

    /// Every field with this key, in order.
    public func fields(_ key: String) -> [KnowledgeField] {
        fields.filter { $0.key == key }
    }

    /// The single value of a key, if given.
    public func value(_ key: String) -> String? {
        fields.first { $0.key == key }?.value
    }

    /// The items of a list key, over all its lines, with the line of each.
    public func list(_ key: String) -> [(item: String, line: Int)] {
        var items: [(item: String, line: Int)] = []
        for field in fields where field.key == key {
            for piece in field.value.utf8.split(separator: UInt8(ascii: ",")) {
                var from = piece.startIndex, to = piece.endIndex
                while from < to, piece[from] == 0x20 || piece[from] == 0x09 { from = piece.index(after: from) }
                while to > from, piece[piece.index(before: to)] == 0x20 || piece[piece.index(before: to)] == 0x09 {
                    to = piece.index(before: to)
                }
                if from < to { items.append((String(decoding: piece[from..<to], as: UTF8.self), field.line)) }
            }
        }
        return items
    }

    public func problem(_ message: String, line: Int? = nil) -> KnowledgeProblem {
        KnowledgeProblem(file: file, line: line ?? self.line, message: message)
    }
}

/// Reads the record syntax of `Knowledge/README.md`: comments, `[kind id]` headers, `key: value`.
/// It works on UTF-8 bytes, because it runs at every start-up over the whole knowledge base.
public enum KnowledgeParser {
    /// Parses a file; `skipsWords` leaves out the word lists (synonyms, cue words, examples),
    /// which a session does not need when its lexicon comes from a snapshot.
    public static func parse(_ file: KnowledgeFile, skipsWords: Bool = false) -> (records: [KnowledgeRecord], problems: [KnowledgeProblem]) {
        var records: [KnowledgeRecord] = []
        var problems: [KnowledgeProblem] = []
        var text = file.text
        text.withUTF8 { bytes in
            var lineNumber = 0
            // A byte order mark (Notepad writes one) is not part of the first line.
            var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while lineStart <= bytes.count {
                // LF, CR LF (whose CR is trimmed as a space) and a lone CR each end a line, as in scripts and transcripts.
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A,
                      bytes[lineEnd] != 0x0D || (lineEnd + 1 < bytes.count && bytes[lineEnd + 1] == 0x0A) {
                    lineEnd += 1
                }
                lineNumber += 1
                defer { lineStart = lineEnd + 1 }
                var from = lineStart, to = lineEnd
                while from < to, isSpace(bytes[from]) { from += 1 }
                while to > from, isSpace(bytes[to - 1]) { to -= 1 }
                if from == to || bytes[from] == UInt8(ascii: "#") { continue }
                func problem(_ message: String) {
                    problems.append(KnowledgeProblem(file: file.name, line: lineNumber, message: message))
                }
                // Texts reach the terminal: an escape sequence in one would be run there, not shown.
                if let control = (from..<to).first(where: { isControl(bytes, at: $0) }) {
                    let value = bytes[control] == 0xC2 ? bytes[control + 1] : bytes[control]
                    problem("a control character (U+\(hex4(value))) is not allowed in a knowledge file")
                    continue
                }
                if bytes[from] == UInt8(ascii: "[") {
                    guard bytes[to - 1] == UInt8(ascii: "]") else {
                        problem("a record header must end with ']'")
                        continue
                    }
                    let words = string(bytes, from + 1, to - 1).split(separator: " ")
                    let kind = words.first.map(String.init) ?? ""
                    let id = words.count > 1 ? String(words[1]) : ""
                    if kind.isEmpty || words.count > 2 || !(kind == "knowledge" || isIdentifier(id)) {
                        problem("a record header is '[kind id]' with an id of a-z, 0-9, '_', '-', '.'")
                    }
                    records.append(KnowledgeRecord(kind: kind, id: id, file: file.name, line: lineNumber, fields: []))
                    continue
                }
                guard let colon = (from..<to).first(where: { bytes[$0] == UInt8(ascii: ":") }) else {
                    problem("expected 'key: value' or '[kind id]'")
                    continue
                }
                var keyEnd = colon, valueStart = colon + 1
                while keyEnd > from, isSpace(bytes[keyEnd - 1]) { keyEnd -= 1 }
                if skipsWords, let kind = records.last?.kind, isWordList(kind: kind, key: UnsafeBufferPointer(rebasing: bytes[from..<keyEnd])) {
                    continue
                }
                while valueStart < to, isSpace(bytes[valueStart]) { valueStart += 1 }
                let key = string(bytes, from, keyEnd)
                guard isIdentifier(key) else {
                    problem("'\(key)' is not a valid key")
                    continue
                }
                guard !records.isEmpty else {
                    problem("'\(key)' comes before any '[kind id]' header")
                    continue
                }
                records[records.count - 1].fields.append(
                    KnowledgeField(key: key, value: string(bytes, valueStart, to), line: lineNumber))
            }
        }
        return (records, problems)
    }

    /// C0 controls but tab, DEL, and the C1 controls (U+0080–U+009F, two bytes in UTF-8).
    private static func isControl(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x20 { return byte != 0x09 }
        if byte == 0x7F { return true }
        return byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
    }

    private static func hex4(_ value: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "00" + String(digits[Int(value >> 4)]) + String(digits[Int(value & 0xF)])
    }

    /// Keys that hold words for the lexicon or examples for `kb check`.
    private static func isWordList(kind: String, key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard kind == "concept" || kind == "cue" else { return false }
        let text = String(decoding: key, as: UTF8.self)
        switch text {
        case "ja", "en", "chars", "absent.ja", "absent.en": return true
        default: return kind == "concept" && (text.hasPrefix("example.") || text.hasPrefix("negated.") || text.hasPrefix("counter."))
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<max(from, to)]), as: UTF8.self)
    }

    static func isIdentifier(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D || byte == 0x2E
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
