/// Where koshi sends the person, from most to least urgent.
public enum Disposition: String, Sendable, CaseIterable, Comparable, Codable {
    case emergency
    case doctorSoon = "doctor-soon"
    case inPerson = "in-person"
    case selfCare = "self-care"

    /// Higher is more urgent.
    public var urgency: Int {
        switch self {
        case .emergency: 3
        case .doctorSoon: 2
        case .inPerson: 1
        case .selfCare: 0
        }
    }

    public static func < (a: Disposition, b: Disposition) -> Bool { a.urgency < b.urgency }
}

/// What must be asked about or stated before a disposition may be recommended.
public enum Requirement: Sendable, Hashable {
    case group(ConceptGroup)
    case concept(ConceptID)
    case slot(ValueSlot)
}

/// One way a rule matches.
public enum RuleCondition: Sendable, Hashable {
    /// Any of these concepts is present.
    case anyPresent([ConceptID])
    /// Any of these concepts was asked about and the replies did not answer it (see
    /// `RecordedFinding.unanswered`): a sign that could not be ruled out.
    case anyUnanswered([ConceptID])
    /// Any of these concepts is open: the person could not say (a hedge, "I don't know") or the
    /// replies did not answer it.
    case anyUnknown([ConceptID])
    /// The person said yes to a grouped question of these concepts without saying which: at least
    /// one of them applies.
    case anyAffirmed([ConceptID])
    /// The pain began before this age (age minus duration, in years).
    case onsetAgeBelow(Int)
    /// The pain began after this age.
    case onsetAgeAbove(Int)
    /// The pain has lasted at least this many days.
    case durationAtLeast(Int)
    /// Always: the fallback.
    case otherwise
}

/// A triage rule of the knowledge base: when it matches, what it recommends, and why.
public struct TriageRule: Sendable, Identifiable {
    public var id: RuleID
    public var disposition: Disposition
    public var conditions: [RuleCondition]
    /// Concepts that must all be present too for the rule to match (`with`): a past cancer with a
    /// numb leg, not either alone.
    public var alsoRequired: [ConceptID] = []
    /// How soon the person is told to act.
    public var when: Timeframe
    public var requires: [Requirement]
    public var sources: [SourceID]
    public var explanation: LocalizedText
    public var file: String
    public var line: Int
}
