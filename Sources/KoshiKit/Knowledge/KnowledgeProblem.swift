/// Something wrong with a knowledge base, pointing at the file and line at fault.
public struct KnowledgeProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// A knowledge base that could not be loaded, with every problem found.
public struct KnowledgeLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [KnowledgeProblem]

    public var description: String {
        guard let first = problems.first else { return "the knowledge base could not be loaded" }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more; run 'koshi kb check')" : ""
        return "\(first)\(more)"
    }
}
