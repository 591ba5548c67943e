/// An id of the knowledge base, wrapped so that the compiler keeps one kind from standing in for
/// another: a question id is never taken for a concept id, nor either for a text to show.
public protocol KnowledgeID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String {
    init(rawValue: String)
}

extension KnowledgeID {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A concept of `concepts.kb` or `body.kb`: `fever`, `saddle_numbness`, `lower_back`.
public struct ConceptID: KnowledgeID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A follow-up question of `questions.kb`: `emergency-signs`, `fever`.
public struct QuestionID: KnowledgeID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A triage rule of `rules.kb`: `emergency-cauda-equina`.
public struct RuleID: KnowledgeID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// An item of the plan in `advice.kb`: `keep-moving`.
public struct AdviceID: KnowledgeID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A work cited in `sources.kb`: `nice-ng59`, `article-5.1`.
public struct SourceID: KnowledgeID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// What a question asks about and what a decision rests on: a concept, or a value slot.
public enum Topic: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    case concept(ConceptID)
    case slot(ValueSlot)

    /// The concept or slot a stream or file names: a slot's name, or else a concept id.
    public init(named name: String) {
        self = ValueSlot(rawValue: name).map(Topic.slot) ?? .concept(ConceptID(name))
    }

    public init(stringLiteral value: String) { self.init(named: value) }

    public var concept: ConceptID? {
        if case .concept(let id) = self { return id }
        return nil
    }

    public var isConcept: Bool { concept != nil }

    public var description: String {
        switch self {
        case .concept(let id): id.rawValue
        case .slot(let slot): slot.rawValue
        }
    }
}

/// A situation of `advice.kb` that a plan is fitted to: `acute-onset`, `pregnancy`.
public struct SituationID: KnowledgeID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
