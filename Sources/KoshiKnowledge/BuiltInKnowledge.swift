import KoshiKit

/// The knowledge base shipped in the repository's Knowledge/ folder, compiled into the binary.
public enum BuiltInKnowledge {
    /// The shipped files, as if read from Knowledge/.
    public static var files: [KnowledgeFile] {
        embeddedKnowledgeFiles.map { KnowledgeFile(name: $0.name, text: $0.text) }
    }

    /// The shipped knowledge, loaded; it is checked in CI, so a failure here is a build defect.
    public static func load() throws(KnowledgeLoadError) -> Knowledge {
        try Knowledge(files: files)
    }
}
