/// What the passes need to know of each concept, looked up by id: its group, what it combines
/// into, what it implies, and the few flags that change how it is read (concepts.kb's keys).
struct ConceptTable: Sendable {
    /// A concept built from others: `components` mentioned together, the last one deciding.
    struct Combination: Sendable {
        var concept: ConceptID
        var components: [ConceptID]
    }

    let groups: [ConceptID: ConceptGroup]
    /// Concepts that mark when the pain began (`marks-onset`).
    let onsetMarkers: Set<ConceptID>
    /// Concepts with time spans of their own (`owns-durations`).
    let durationOwners: Set<ConceptID>
    /// Histories that stay true once said (`lasting`): "gone now" does not undo them.
    let lasting: Set<ConceptID>
    let implications: [ConceptID: [ConceptID]]
    let combinationsByHead: [ConceptID: [Combination]]
    /// Combinations whose parts may lie in different clauses of the line (`combine-across-clauses`).
    let combinationsAcrossClauses: [Combination]
    /// The concepts that are parts of combinations spanning clauses.
    let spanningParts: Set<ConceptID>
    /// Sensations that take a body part (pain, numbness…): another one between a part and a
    /// sensation claims the part first ("my back hurts and I can't feel my bottom").
    let partTaking: Set<ConceptID>
    /// The building blocks each combined concept is made of: a mention of one of them names it.
    let components: [ConceptID: Set<ConceptID>]
    /// Concepts after whose mention a small number is a score on their scale (`scale`).
    let scales: [ConceptID: ValueSlot]

    init(concepts: [Concept]) {
        var groups: [ConceptID: ConceptGroup] = [:]
        var implications: [ConceptID: [ConceptID]] = [:]
        var combinations: [ConceptID: [Combination]] = [:]
        var scales: [ConceptID: ValueSlot] = [:]
        for concept in concepts {
            groups[concept.id] = concept.group
            if !concept.implies.isEmpty { implications[concept.id] = concept.implies }
            for components in concept.combinations where !components.isEmpty {
                combinations[components.last!, default: []].append(Combination(concept: concept.id, components: components))
            }
            if let scale = concept.scale { scales[concept.id] = scale }
        }
        self.groups = groups
        self.implications = implications
        self.combinationsByHead = combinations
        self.scales = scales
        onsetMarkers = Set(concepts.filter(\.marksOnset).map(\.id))
        durationOwners = Set(concepts.filter(\.ownsDurations).map(\.id))
        lasting = Set(concepts.filter(\.lasting).map(\.id))
        combinationsAcrossClauses = concepts.flatMap { concept in
            concept.combinationsAcrossClauses.filter { $0.count >= 2 }.map { Combination(concept: concept.id, components: $0) }
        }
        var components: [ConceptID: Set<ConceptID>] = [:]
        for combination in combinations.values.joined() { components[combination.concept, default: []].formUnion(combination.components) }
        self.components = components
        spanningParts = Set(combinationsAcrossClauses.flatMap(\.components))
        partTaking = Set(combinations.filter { _, list in
            list.contains { $0.components.dropLast().contains { groups[$0] == .part } }
        }.keys)
    }

    func isReported(_ concept: ConceptID) -> Bool { groups[concept]?.isReported == true }
    /// Whether the line's findings include it: reported, or history for the summary.
    func isRecorded(_ concept: ConceptID) -> Bool { groups[concept]?.isRecorded == true }
    func isPart(_ concept: ConceptID) -> Bool { groups[concept] == .part }
    func isSense(_ concept: ConceptID) -> Bool { groups[concept] == .sense }
}
