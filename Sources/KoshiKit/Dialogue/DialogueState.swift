/// A finding as the conversation holds it: its status and the line that said so.
public struct RecordedFinding: Sendable, Hashable {
    public var status: FindingStatus
    /// The number of the user's line (from 1) that gave this status.
    public var line: Int
    /// The user's words that said it.
    public var evidence: String
    /// Recorded as unknown because the replies to its question did not answer it: unlike an
    /// "I don't know", this may be a sign the person described in words koshi does not know.
    public var unanswered = false
    /// Unknown from a line that was not answering its question (「熱はないかも」, "not sure if I
    /// have a fever"): the question is still put, since asking may settle it.
    public var openUntilAsked = false
}

/// A value as the conversation holds it; `value` is nil when the person does not know it.
public struct RecordedValue: Sendable, Hashable {
    public var value: Int?
    public var line: Int
    public var evidence: String
}

/// One line of the conversation, as said.
public struct TranscriptEntry: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable { case user, advisor }
    public var role: Role
    public var text: String
}

/// Everything the conversation has established, as a value: a turn is `state + line -> state`,
/// so `/reset`, `/why`, transcripts and tests need nothing else.
public struct DialogueState: Sendable {
    public var language: Language
    /// Where the person is: the emergency numbers and services that replies name.
    public var region: Region
    public var findings: [ConceptID: RecordedFinding] = [:]
    public var values: [ValueSlot: RecordedValue] = [:]
    /// The question waiting for an answer, if any.
    public var pendingQuestion: QuestionID?
    /// Every question asked, by id, in order.
    public var askedQuestions: [QuestionID] = []
    /// The last recommendation given, if any.
    public var recommendation: Recommendation?
    /// A recommendation withdrawn because later lines undid its basis, until a new one is given.
    public var withdrawn: Recommendation?
    public var transcript: [TranscriptEntry] = []
    /// How many of the user's lines were not commands.
    public var lineCount = 0
    /// The first line that said something koshi understood: the complaint in the user's words.
    public var complaint: String?
    /// Replies in a row that left the pending question unanswered.
    public var unansweredReplies = 0
    /// Grouped questions whose replies did not answer them: their items are asked one at a time.
    public var setAside: Set<QuestionID> = []

    public init(language: Language, region: Region? = nil) {
        self.language = language
        self.region = region ?? (language == .ja ? .jp : .intl)
    }

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

    /// Records what a line said, in reply to a question about `asked` (or to none); later lines
    /// override earlier ones.
    mutating func record(_ reading: LineReading, line: Int, asked: [Topic]) {
        for finding in reading.findings {
            let open = finding.status == .unknown && !asked.contains(.concept(finding.concept))
            // A doubt in passing does not undo what an earlier line settled.
            if open, let earlier = findings[finding.concept], earlier.status != .unknown { continue }
            findings[finding.concept] = RecordedFinding(status: finding.status, line: line, evidence: finding.evidence,
                                                        openUntilAsked: open)
        }
        for (slot, value) in reading.values {
            // "I don't know" does not erase a value that was given before, nor does one said in passing.
            if value.value == nil || !value.replacesEarlier, values[slot]?.value != nil { continue }
            values[slot] = RecordedValue(value: value.value, line: line, evidence: value.evidence)
        }
    }
}
