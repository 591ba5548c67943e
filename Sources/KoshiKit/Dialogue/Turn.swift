/// Something the advisor says, as the event stream of CONTRACT.md names it.
public enum AdvisorEvent: Sendable, Hashable {
    case message(String)
    /// What one user line said.
    case findings(LineSummary)
    case question(id: QuestionID, concepts: [Topic], text: String)
    case recommendation(Recommendation, text: String, changed: Bool)
    case error(String)
}

/// The findings event's content: what one line said, with the words behind each finding.
public struct LineSummary: Sendable, Hashable {
    public var present: [ConceptID]
    public var absent: [ConceptID]
    public var unknown: [ConceptID]
    public var values: [ValueSlot: Int]
    public var matched: [LineFinding]
}

/// Work a turn leaves to its driver, because the engine does no I/O.
public enum TurnEffect: Sendable, Hashable {
    /// Write the summary to `path`; `force` allows replacing an existing file.
    case export(path: String, force: Bool)
    case quit
}

/// The advisor's whole reply to one line.
public struct Turn: Sendable, Hashable {
    public var events: [AdvisorEvent] = []
    public var effects: [TurnEffect] = []

    public init(events: [AdvisorEvent] = [], effects: [TurnEffect] = []) {
        self.events = events
        self.effects = effects
    }
}
