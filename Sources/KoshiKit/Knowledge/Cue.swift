/// What a cue word does to the meaning of the mentions around it.
public enum CueRole: String, Sendable, CaseIterable {
    case negation
    case assertion
    case uncertain
    /// Whether it is so, the speaker cannot say (かどうか, not sure if): neither stated nor denied.
    case doubt
    /// A supposition (仮に, what if): the rest of its clause states nothing.
    case hypothetical
    /// A supposition that counts only where a clause begins (もし), never matched inside one.
    case hypotheticalOpening = "hypothetical-opening"
    case question
    case clauseBreak = "clause-break"
    case sentenceEnd = "sentence-end"
    case coordinator
    case conjunction
    case yes
    case no
    case unknown
    case only
    /// Words that carry no content in a short answer: です, 特に, I, think, so.
    case filler
    case blocker
    /// Someone other than the speaker (父が, my mum): what follows in the clause is theirs.
    case someoneElse = "someone-else"
    /// The speaker (私, I): what follows is the speaker's again.
    case speaker
    /// 今はない, gone now: a clause with only this takes back what the clause before stated.
    case takeBack = "take-back"
    /// Real English words: never taken for a typo of a synonym (`fewer` is not `fever`).
    case word
}

/// A group of words with one role in the lexicon: negation, clause breaks, answers and so on.
public struct Cue: Sendable, Identifiable {
    public var id: String
    public var role: CueRole
    public var words: [Synonym]
    public var file: String
    public var line: Int
}
