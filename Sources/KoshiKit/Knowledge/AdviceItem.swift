/// One piece of the plan: what it says, whom it is for, why it would be given to this person,
/// and where it comes from.
public struct AdviceItem: Sendable, Identifiable {
    /// What backs an item: a guideline, or only the article's view, which research has not confirmed.
    public enum Evidence: String, Sendable, CaseIterable { case guideline, article }

    public var id: AdviceID
    public var title: LocalizedText
    /// The item's text; `{name}` placeholders are the region's services (regions.kb).
    public var text: LocalizedText
    /// Concept ids this item addresses; empty when it helps everyone (`helps: all`).
    public var helps: Set<ConceptID>
    /// `helps` in the order written: the first one present gives the item its `why`.
    public var helpsInOrder: [ConceptID] = []
    public var dispositions: Set<Disposition>
    public var sources: [SourceID]
    public var evidence: Evidence = .article
    /// Given only when one of these is present (`when-any`).
    public var whenAny: [ConceptID] = []
    /// Never given when one of these is present (`unless-any`).
    public var unlessAny: [ConceptID] = []
    /// Given only in one of these situations (`situation`).
    public var situations: [SituationID] = []
    /// Never given in any of these situations (`unless-situation`).
    public var unlessSituations: [SituationID] = []
    /// Why it is given, when neither a situation nor what it `helps` says it (`why.ja`, `why.en`).
    public var why: LocalizedText?
    public var file: String
    public var line: Int

    public var helpsEveryone: Bool { helps.isEmpty }

    /// The text with the region's services filled in: every driver that shows an item (the plan,
    /// the summary) should use this, not `text` itself.
    public func text(_ language: Language, services: [String: String]) -> String {
        Knowledge.fill(text[language], services)
    }
}

/// A work that rules and advice cite: a section of the article, or a guideline.
public struct Source: Sendable, Identifiable {
    public enum Kind: String, Sendable { case article, guideline }
    public var id: SourceID
    public var kind: Kind
    public var title: LocalizedText
    /// A short name for citations, such as "NICE NG59", or the article's section by its heading.
    public var shortTitle: LocalizedText?
    /// The article's section number, such as `5.3`.
    public var section: String?
    public var file: String
    public var line: Int

    /// How a citation of this source reads to a person: a guideline's short name, or the article's
    /// section by its title (「記事「正しい座り方・立ち方を意識する」」), never a bare section number.
    public func citation(_ language: Language) -> String {
        if let shortTitle { return shortTitle[language] }
        guard kind == .article else { return title[language] }
        return language == .ja ? "記事「\(title.ja)」" : "the article, \"\(title.en)\""
    }
}
