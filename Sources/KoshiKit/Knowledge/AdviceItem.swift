/// One piece of the self-care plan, the findings it helps and where it comes from.
public struct AdviceItem: Sendable, Identifiable {
    public var id: AdviceID
    public var title: LocalizedText
    public var text: LocalizedText
    /// Concept ids this item addresses; empty when it helps everyone (`helps: all`).
    public var helps: Set<ConceptID>
    public var dispositions: Set<Disposition>
    public var sources: [SourceID]
    public var file: String
    public var line: Int

    public var helpsEveryone: Bool { helps.isEmpty }
}

/// A work that rules and advice cite: a section of the article, or a guideline.
public struct Source: Sendable, Identifiable {
    public enum Kind: String, Sendable { case article, guideline }
    public var id: SourceID
    public var kind: Kind
    public var title: LocalizedText
    /// A short name for citations, such as "NICE NG59"; the title when not given.
    public var shortTitle: LocalizedText?
    /// The article's section number, such as `5.3`.
    public var section: String?
    public var file: String
    public var line: Int

    /// How a citation of this source reads: "article §5.3", or a guideline's short name.
    public func citation(_ language: Language) -> String {
        if let section { return "\(language == .ja ? "記事" : "article") §\(section)" }
        return (shortTitle ?? title)[language]
    }
}
