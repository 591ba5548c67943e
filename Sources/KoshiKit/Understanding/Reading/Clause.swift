/// How a mention is asserted: denied or not, and how sure the speaker is.
struct Assertion: Sendable, Hashable {
    var negated = false
    var uncertain = false
    /// Said as an opinion (と思う, I think): a statement is open, a denial stands.
    var opinion = false
    /// 「熱があるかどうか分からない」, "not sure if I have a fever": open, whichever way it is put.
    var doubtful = false

    /// Whether a statement is left open only by a hedge: said, but not for sure.
    func isHedgedStatement(absentWord: Bool) -> Bool {
        !doubtful && negated == absentWord && (uncertain || opinion)
    }

    /// The status of a finding so asserted; `absentWord` when the word itself says absent (平熱).
    /// `strict` for a red flag, which an opinion leaves open ("I think I had a temperature"); for
    /// other findings an opinion is the person's account ("I think my pelvis is tilted").
    func status(absentWord: Bool, strict: Bool = true) -> FindingStatus {
        let denied = negated != absentWord
        // A hedge never makes a finding present (CONTRACT.md): "I think I had a temperature" and
        // 「熱があるかもしれない」 leave it open. A strong one leaves a denial open too (「たぶんない」,
        // "probably not"); an opinion does not (「ないと思います」 is a no).
        if doubtful || uncertain { return .unknown }
        if opinion, strict { return denied ? .absent : .unknown }
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
