/// What the reader needs besides the line: the question it may answer.
public struct ReadingContext: Sendable {
    /// What the question just asked asks about, in its order (empty when none was asked).
    public var asked: [Topic]

    public init(asked: [Topic] = []) {
        self.asked = asked
    }

    var askedConcepts: Set<ConceptID> { Set(asked.compactMap(\.concept)) }
    var askedConceptList: [ConceptID] { asked.compactMap(\.concept) }
}
