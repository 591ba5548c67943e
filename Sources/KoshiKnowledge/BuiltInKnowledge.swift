import KoshiKit

/// The knowledge base shipped in the repository's Knowledge/ folder, compiled into the binary.
public enum BuiltInKnowledge {
    /// The canonical concept list (Tests/Eval/concepts.tsv) as the build found it.
    public static let canonicalConcepts: [CanonicalConcepts.Entry] = CanonicalConcepts.parse(embeddedCanonicalConceptsTSV)

    /// The shipped files, as if read from Knowledge/.
    public static var files: [KnowledgeFile] {
        embeddedKnowledgeFiles.map { KnowledgeFile(name: $0.name, text: $0.text) }
    }

    /// The opening turn in `language` for `region`, as `Session.opening` makes it from the shipped
    /// knowledge, but worked out when koshi was built: the greeting is then out before any
    /// knowledge is read. (Without it, the knowledge did not load: the texts alone greet.)
    public static func opening(_ language: Language, region: Region) -> Turn {
        guard let messages = embeddedOpening(language.rawValue, region.rawValue) else {
            return Session.opening(texts: Knowledge.texts(of: files), services: [:], language: language)
        }
        return Turn(events: messages.map { .message($0) })
    }

    /// The shipped knowledge, loaded in full from its files, with every synonym and example (for
    /// checks and tools).
    public static func load() throws(KnowledgeLoadError) -> Knowledge {
        try Knowledge(files: files)
    }

    /// The shipped knowledge for a session: the lexicon comes from the snapshot made at build
    /// time, which is what makes start-up fast; without one it is compiled as `load()` does.
    public static func compiled() throws(KnowledgeLoadError) -> Knowledge {
        guard let bytes = LexiconSnapshot.bytes(fromHex: embeddedLexiconSnapshot), !bytes.isEmpty,
              let lexicon = LexiconSnapshot.decode(bytes) else { return try load() }
        return try Knowledge(files: files, lexicon: lexicon)
    }
}

extension KnowledgeCheck {
    /// `koshi kb check`: every problem of the knowledge base in `files`, checked against the
    /// canonical concept list compiled in with the shipped knowledge.
    public static func run(_ files: [KnowledgeFile]) -> [KnowledgeProblem] {
        run(files, canonical: BuiltInKnowledge.canonicalConcepts)
    }

    /// What `--knowledge` loads: the knowledge in `files` if `kb check` finds nothing wrong.
    public static func load(_ files: [KnowledgeFile]) -> Result<Knowledge, KnowledgeLoadError> {
        load(files, canonical: BuiltInKnowledge.canonicalConcepts)
    }
}
