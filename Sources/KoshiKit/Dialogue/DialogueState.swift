/// A finding as the conversation holds it: its status and the line that said so.
public struct RecordedFinding: Sendable, Hashable {
    public var status: FindingStatus
    /// The number of the user's line (from 1) that gave this status.
    public var line: Int
    /// The user's words that said it.
    public var evidence: String
    /// The whole clause that decided it, or the reply that answered its question, as typed: what
    /// the summary and /why quote.
    public var quote = ""
    /// The question the line answered, when it asked about this finding: a bare "no" is quoted
    /// with the question it answered.
    public var question: AskedQuestion?
    /// Recorded as unknown because the replies to its question did not answer it: unlike an
    /// "I don't know", this may be a sign the person described in words koshi does not know.
    public var unanswered = false
    /// Unknown from a line that was not answering its question (「熱はないかも」, "not sure if I
    /// have a fever"): the question is still put, since asking may settle it.
    public var openUntilAsked = false
    /// Unknown because the person said it with a hedge ("I think my bum is numb"), not because
    /// they said they do not know.
    public var hedged = false
}

/// What the conversation knows of a red flag, for the summary and /why (issue 16).
public enum FindingState: String, Sendable, CaseIterable {
    /// The person said it is there.
    case stated
    /// The person said it is not.
    case denied
    /// The person could not say ("not sure", a hedge).
    case unknown
    /// Asked, but no reply answered it.
    case notUnderstood = "not-understood"
    /// Never asked, never said.
    case notAsked = "not-asked"
}

/// A value as the conversation holds it; `value` is nil when the person does not know it.
public struct RecordedValue: Sendable, Hashable {
    public var value: Int?
    public var line: Int
    public var evidence: String
    public var slot: ValueSlot?
}

/// One line of the conversation, as said.
public struct TranscriptEntry: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable { case user, advisor }
    public var role: Role
    public var text: String
    /// A command (/why, /summary), or what koshi said in reply to one: not conversation.
    public var isCommand = false

    public init(role: Role, text: String, isCommand: Bool = false) {
        self.role = role
        self.text = text
        self.isCommand = isCommand
    }
}

/// A question as it was put: what it asked, in the order shown (its items are numbered so), and
/// in which words, so that no question is ever put twice in the same words.
public struct AskedQuestion: Sendable, Hashable {
    public enum Wording: String, Sendable {
        /// The question's own text, the first time.
        case first
        /// The items of a grouped question not settled yet, listed afresh, the first time they are asked.
        case part
        /// What a reply left open, asked again once, with a hint that "no" alone is fine.
        case remaining
        /// Asked again after explaining its items to a person who asked what they meant.
        case plain
        /// One sign the person could not say yes or no to, in concrete everyday words.
        case concrete
        /// What the person described inside a question back, to confirm.
        case confirm
        /// Which of the items, after a bare yes to the group.
        case which
    }

    public var id: QuestionID
    public var asks: [Topic]
    public var wording: Wording
    /// The person's words to confirm (`confirm`).
    public var quoted: String?

    public init(id: QuestionID, asks: [Topic], wording: Wording, quoted: String? = nil) {
        self.id = id
        self.asks = asks
        self.wording = wording
        self.quoted = quoted
    }
}

/// Everything the conversation has established, as a value: a turn is `state + line -> state`,
/// so `/reset`, `/why`, transcripts and tests need nothing else.
public struct DialogueState: Sendable {
    public var language: Language
    /// Where the person is: the emergency numbers and services that replies name.
    public var region: Region
    /// Today, as the driver's clock says: what onsets and review points are counted from; nil
    /// where no clock was given (review points are then said in weeks, not dates).
    public var today: CivilDate?
    /// The person writes for someone else (a carer), who is the patient: said once, kept for the
    /// session, so that "he's 78" is the patient's age.
    public var patientIsSomeoneElse = false
    public var findings: [ConceptID: RecordedFinding] = [:]
    public var values: [ValueSlot: RecordedValue] = [:]
    /// The question waiting for an answer, if any.
    public var pending: AskedQuestion?
    /// Every question put, in order.
    public var asked: [AskedQuestion] = []
    /// How many questions have held each topic.
    public var timesAsked: [Topic: Int] = [:]
    /// What the next question must be before any other: the open items of a reply, asked again
    /// once; the items a question back asked about; which item, after a bare yes.
    public var reask: AskedQuestion?
    /// Descriptions given inside a question back, to confirm one by one.
    public var toConfirm: [LineFinding] = []
    /// Signs asked about once more in concrete words.
    public var concretelyAsked: Set<ConceptID> = []
    /// Groups a bare yes answered: at least one of each applies, which is not known yet.
    public var atLeastOneOf: [[ConceptID]] = []
    /// The last recommendation given, if any.
    public var recommendation: Recommendation?
    /// A recommendation withdrawn because later lines undid its basis, until a new one is given.
    public var withdrawn: Recommendation?
    /// Every recommendation given, with the line that led to it: how it changed.
    public var recommendationHistory: [(line: Int, recommendation: Recommendation)] = []
    /// Every value as it was recorded, in order: what changed during the session (4 days, later 2).
    public var valueHistory: [RecordedValue] = []
    public var transcript: [TranscriptEntry] = []
    /// How many of the user's lines were not commands.
    public var lineCount = 0
    /// The first line that said something koshi understood: the complaint in the user's words.
    public var complaint: String?

    public init(language: Language, region: Region? = nil) {
        self.language = language
        self.region = region ?? (language == .ja ? .jp : .intl)
    }

    /// The ids of the questions put, in order.
    public var askedQuestions: [QuestionID] { asked.map(\.id) }

    /// Whether a concept or value slot has been answered, including "I don't know".
    public func isAnswered(_ topic: Topic) -> Bool {
        switch topic {
        case .concept(let id): findings[id].map { !$0.openUntilAsked } ?? false
        case .slot(let slot): values[slot] != nil
        }
    }

    public func status(of concept: ConceptID) -> FindingStatus? {
        findings[concept]?.status
    }

    public func isPresent(_ concept: ConceptID) -> Bool {
        findings[concept]?.status == .present
    }

    /// What the conversation knows of a concept: stated, denied, unknown, not understood, not asked.
    public func findingState(of concept: ConceptID) -> FindingState {
        guard let finding = findings[concept] else {
            return (timesAsked[.concept(concept)] ?? 0) > 0 && pending?.asks.contains(.concept(concept)) != true ? .notUnderstood : .notAsked
        }
        switch finding.status {
        case .present: return .stated
        case .absent: return .denied
        case .unknown: return finding.unanswered ? .notUnderstood : .unknown
        }
    }

    /// Records what a line said, in reply to `question` (or to none); later lines override
    /// earlier ones.
    mutating func record(_ reading: LineReading, line: Int, question: AskedQuestion?) {
        let asked = question?.asks ?? []
        for finding in reading.findings {
            let open = finding.status == .unknown && !asked.contains(.concept(finding.concept))
            // A doubt in passing does not undo what an earlier line settled.
            if open, let earlier = findings[finding.concept], earlier.status != .unknown { continue }
            var status = finding.status
            // Asked a second time in concrete words, a sign the person still says only with a hedge
            // ("I think so", 「気がします」) is taken as there: the safer reading (rules.kb).
            if question?.wording == .concrete, finding.hedged, asked.contains(.concept(finding.concept)) { status = .present }
            findings[finding.concept] = RecordedFinding(status: status, line: line, evidence: finding.evidence, quote: finding.quote,
                                                        question: asked.contains(.concept(finding.concept)) ? question : nil,
                                                        openUntilAsked: open, hedged: finding.hedged && status == .unknown)
        }
        for (slot, value) in reading.values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            // "I don't know" does not erase a value that was given before, nor does one said in passing.
            if value.value == nil || !value.replacesEarlier, values[slot]?.value != nil { continue }
            values[slot] = RecordedValue(value: value.value, line: line, evidence: value.evidence, slot: slot)
            valueHistory.append(values[slot]!)
        }
        // A group said yes to is settled once an item of it is named, or every one denied.
        if reading.speaksForSomeoneElse { patientIsSomeoneElse = true }
        let settled = atLeastOneOf.filter { group in
            group.contains { findings[$0]?.status == .present } || group.allSatisfy { findings[$0]?.status == .absent }
        }
        atLeastOneOf.removeAll(where: settled.contains)
    }

    /// What the reader needs to read the next line in this conversation.
    public func readingContext() -> ReadingContext {
        ReadingContext(asked: pending?.asks ?? [], patientIsSomeoneElse: patientIsSomeoneElse, today: today,
                       presentBefore: Set(findings.filter { $0.value.status == .present }.keys))
    }

    /// Notes that a question is put.
    mutating func ask(_ question: AskedQuestion) {
        pending = question
        asked.append(question)
        for topic in question.asks { timesAsked[topic, default: 0] += 1 }
        if question.wording == .concrete { concretelyAsked.formUnion(question.asks.compactMap(\.concept)) }
    }

    /// Notes topics a question asked and no reply answered: unknown, and not ruled out.
    mutating func markNotUnderstood(_ topics: [Topic], line: Int, evidence: String) {
        for topic in topics where !isAnswered(topic) {
            switch topic {
            case .concept(let id):
                findings[id] = RecordedFinding(status: .unknown, line: line, evidence: evidence, quote: evidence,
                                               question: asked.last { $0.asks.contains(topic) }, unanswered: true)
            case .slot(let slot): values[slot] = RecordedValue(value: nil, line: line, evidence: evidence, slot: slot)
            }
        }
    }
}
