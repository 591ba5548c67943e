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

/// A follow-up question, in both languages, and what it asks about.
public struct Question: Sendable, Identifiable {
    public var id: QuestionID
    public var asks: [Topic]
    public var stage: QuestionStage
    public var text: LocalizedText
    public var file: String
    public var line: Int

    /// Whether the question asks about more than one thing at once.
    public var isGrouped: Bool { asks.count > 1 }
}
