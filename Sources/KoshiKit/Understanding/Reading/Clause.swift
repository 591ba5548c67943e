/// How a mention is asserted: denied or not, and how sure the speaker is.
struct Assertion: Sendable, Hashable {
    var negated = false
    var uncertain = false
    /// 「熱があるかどうか分からない」, "not sure if I have a fever": open, whichever way it is put.
    var doubtful = false

    /// The status of a finding so asserted; `absentWord` when the word itself says absent (平熱).
    func status(absentWord: Bool) -> FindingStatus {
        let denied = negated != absentWord
        if doubtful { return .unknown }
        if uncertain { return denied ? .unknown : .present }
        return denied ? .absent : .present
    }
}

/// What a mention does in its line: states something of the person, or only seems to.
enum MentionMode: Sendable, Hashable {
    /// Said of the person (or the person spoken for).
    case stated
    /// Asked about: a question states nothing ("do I have a fever?").
    case asked
    /// Supposed: 「もし熱が出たら」, "what if it's cancer".
    case supposed
    /// Someone else's: 「父が肺がんでした」, "my mum died of cancer".
    case someoneElse
    /// An event of a time past and over: 「去年の冬に転んだことはある」, "slipped on the ice last winter".
    case past
}

/// A mention of a concept within a clause.
struct Mention: Sendable {
    /// The token's index in the line.
    var token: Int
    var concept: ConceptID
    var isSense: Bool
    var assertion = Assertion()
    var mode = MentionMode.stated
    /// Said once, as part of a combination (「両足がしびれる」 is not also 「しびれ」).
    var consumed = false
}

/// One clause of a line: its tokens and mentions, and what the passes decided about them.
struct Clause: Sendable {
    /// The clause's tokens, as indices into the line's tokens.
    var tokens: Range<Int>
    /// Where the clause begins and ends in the folded text.
    var start: Int
    var end: Int
    /// Whether its sentence ends as a question (with ？ or ですか).
    var endsInQuestion: Bool
    var mentions: [Mention] = []
    /// The concepts its mentions combine into (see `CombinationPass`).
    var combinations: [CombinedMention] = []
    /// How many clauses of the line, up to this one, mention something: the clause a take-back
    /// in a clause of no mentions refers to.
    var number = 0

    /// Whether every mention's mode is `mode`, or the clause has none.
    func allMentions(are mode: MentionMode) -> Bool { mentions.allSatisfy { $0.mode == mode } }
}

/// A concept that mentions in one clause make together: 「腰が痛い」 is low back pain.
struct CombinedMention: Sendable {
    var concept: ConceptID
    /// The assertion of the mention that decides (the last component).
    var assertion: Assertion
    var absentWord: Bool
    /// The folded range from the first component to the last.
    var range: Range<Int>
    var mode: MentionMode
}
