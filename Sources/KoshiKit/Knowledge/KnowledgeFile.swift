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
        fields(key).flatMap { field in
            field.value.split(separator: ",").map { (String($0).trimmed, field.line) }
        }.filter { !$0.item.isEmpty }
    }

    public func problem(_ message: String, line: Int? = nil) -> KnowledgeProblem {
        KnowledgeProblem(file: file, line: line ?? self.line, message: message)
    }
}

/// Reads the record syntax of `Knowledge/README.md`: comments, `[kind id]` headers, `key: value`.
public enum KnowledgeParser {
    public static func parse(_ file: KnowledgeFile) -> (records: [KnowledgeRecord], problems: [KnowledgeProblem]) {
        var records: [KnowledgeRecord] = []
        var problems: [KnowledgeProblem] = []
        var lineNumber = 0
        for rawLine in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    problems.append(.init(file: file.name, line: lineNumber, message: "a record header must end with ']'"))
                    continue
                }
                let words = line.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                let kind = words.first.map(String.init) ?? ""
                let id = words.count > 1 ? String(words[1]) : ""
                if kind.isEmpty || words.count > 2 || !(kind == "knowledge" || isIdentifier(id)) {
                    problems.append(.init(file: file.name, line: lineNumber,
                                          message: "a record header is '[kind id]' with an id of a-z, 0-9, '_', '-', '.'"))
                }
                records.append(KnowledgeRecord(kind: kind, id: id, file: file.name, line: lineNumber, fields: []))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(.init(file: file.name, line: lineNumber, message: "expected 'key: value' or '[kind id]'"))
                continue
            }
            let key = String(line[..<colon]).trimmed
            let value = String(line[line.index(after: colon)...]).trimmed
            guard isIdentifier(key) else {
                problems.append(.init(file: file.name, line: lineNumber, message: "'\(key)' is not a valid key"))
                continue
            }
            guard !records.isEmpty else {
                problems.append(.init(file: file.name, line: lineNumber, message: "'\(key)' comes before any '[kind id]' header"))
                continue
            }
            records[records.count - 1].fields.append(KnowledgeField(key: key, value: value, line: lineNumber))
        }
        return (records, problems)
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
