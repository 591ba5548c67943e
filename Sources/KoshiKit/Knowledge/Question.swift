/// A value koshi asks for besides concepts.
public enum ValueSlot: String, Sendable, CaseIterable, Codable {
    case age
    case duration
    case painIntensity = "pain_intensity"
}

/// The order in which follow-up questions are asked.
public enum QuestionStage: String, Sendable, CaseIterable, Comparable {
    case emergency
    case doctorSoon = "doctor-soon"
    case values
    case inPerson = "in-person"
    case context

    public static func < (a: QuestionStage, b: QuestionStage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// When a follow-up question applies (CONTRACT.md): after a finding (how a fall happened, after a
/// fall), or after findings together with an age and a pain score (a sudden onset with a pain of 7
/// or more, at 50 or over).
public struct FollowUpCondition: Sendable, Hashable {
    /// Any of these present (`after`).
    public var afterAny: [ConceptID] = []
    /// All of these present (`after-all`), with the age and pain score below when given.
    public var afterAll: [ConceptID] = []
    public var minimumAge: Int?
    public var minimumPain: Int?
}

/// How soon the person is told to act: the `when` of CONTRACT.md.
public enum Timeframe: String, Sendable, CaseIterable, Codable {
    case now
    case today
    case withinDays = "within-days"
    case withinWeeks = "within-weeks"
    case review

    /// Higher is sooner.
    public var urgency: Int {
        switch self {
        case .now: 4
        case .today: 3
        case .withinDays: 2
        case .withinWeeks: 1
        case .review: 0
        }
    }
}

/// A follow-up question, in both languages, and what it asks about.
public struct Question: Sendable, Identifiable {
    public var id: QuestionID
    public var asks: [Topic]
    public var stage: QuestionStage
    public var text: LocalizedText
    /// When the question is a follow-up, the context that makes it apply: asked only then.
    public var followUp: FollowUpCondition?
    public var file: String
    public var line: Int

    /// Whether the question asks about more than one thing at once.
    public var isGrouped: Bool { asks.count > 1 }
}
