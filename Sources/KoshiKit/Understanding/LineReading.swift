/// Whether a concept was stated, denied, or left open ("I don't know").
public enum FindingStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case present
    case absent
    case unknown
}

/// A concept as one line states it, with the words that stated it.
public struct LineFinding: Sendable, Hashable {
    public var concept: ConceptID
    public var status: FindingStatus
    /// The words of the line that said it, as typed.
    public var evidence: String
    /// The whole clause that decided it, as typed, its negation included and the break words
    /// around it left out (「熱はないです」, "I don't have a fever"); for an answer to a question,
    /// the reply. Empty where only `evidence` is known.
    public var clause = ""
    /// Where it was said, for the clause to be quoted once the line is read.
    var span: QuoteSpan?
    /// Unknown because it was said with a hedge ("I think my bum is numb"), not denied or doubted.
    public var hedged = false

    /// What a summary quotes for it: the clause, or the words where no clause is known.
    public var quote: String { clause.isEmpty ? evidence : clause }
}

/// A value as one line states it; `nil` when the person said they do not know.
public struct LineValue: Sendable, Hashable {
    public var value: Int?
    public var evidence: String
    /// Whether it may replace a value given before: not when it was said in passing, about
    /// something that may not be the pain (「昨日からお腹の調子が悪い」).
    public var replacesEarlier = true
}

/// A short answer to the question just asked.
public enum Answer: String, Sendable, Hashable {
    case yes
    case no
    case unknown
}

/// Everything koshi understood from one line: the findings, the values and the kind of answer.
public struct LineReading: Sendable {
    public var findings: [LineFinding] = []
    public var values: [ValueSlot: LineValue] = [:]
    public var answer: Answer?
    /// The line names some items of a grouped question and means "only these" (`熱だけ`).
    public var saysOnly = false
    /// How the line replies to the question just asked, beyond its findings.
    public var reply = QuestionReply()
    /// What the line asks about the advice (intents.kb): "can I go after work?", 「救急車て大げさ？」.
    public var intents: [String] = []
    /// Whether the line asks a question (a question mark, ですか).
    public var isQuestion = false
    /// The person writes for someone else, who is the patient (「母のことで相談です」, "my husband
    /// has had back problems for years"): the session keeps this and passes it back in
    /// `ReadingContext.patientIsSomeoneElse`.
    public var speaksForSomeoneElse = false

    /// Whether anything in the line could be placed.
    public var isUnderstood: Bool { !findings.isEmpty || !values.isEmpty }

    public var present: [ConceptID] { findings.filter { $0.status == .present }.map(\.concept) }
    public var absent: [ConceptID] { findings.filter { $0.status == .absent }.map(\.concept) }
    public var unknown: [ConceptID] { findings.filter { $0.status == .unknown }.map(\.concept) }
}

/// How a line replies to the question just asked, beyond what its findings say.
public struct QuestionReply: Sendable, Hashable {
    /// The person asked about the question instead of answering (「①ってどういう意味？」, "wdym"):
    /// the items they asked about, in the question's order (all of them when none was named).
    public var askedBackAbout: [ConceptID] = []
    /// Items the person described inside a question back ("like my bum goes numb from sitting…
    /// is that it?"): to confirm, not to take as said.
    public var toConfirm: [LineFinding] = []
    /// A bare yes to a grouped question: at least one item applies, and which is not said.
    public var atLeastOne = false
    /// The items of the question the line answered (stated, denied or left open).
    public var addressed: Set<ConceptID> = []

    public var asksBack: Bool { !askedBackAbout.isEmpty }
}
