/// What the passes need to know of each concept, looked up by id: its group, what it combines
/// into, what it implies, and the few flags that change how it is read (concepts.kb's keys).
struct ConceptTable: Sendable {
    /// A concept built from others: `components` mentioned together, the last one deciding.
    struct Combination: Sendable {
        var concept: ConceptID
        var components: [ConceptID]
        /// Whether its parts are still reported on their own (`combine-keeping`).
        var keepsParts = false
    }

    let groups: [ConceptID: ConceptGroup]
    /// Concepts that mark when the pain began (`marks-onset`).
    let onsetMarkers: Set<ConceptID>
    /// Senses that take the part after them (`part-after`): "down my" leg.
    let partAfter: Set<ConceptID>
    /// Concepts with time spans of their own (`owns-durations`).
    let durationOwners: Set<ConceptID>
    /// Histories that stay true once said (`lasting`): "gone now" does not undo them.
    let lasting: Set<ConceptID>
    let implications: [ConceptID: [ConceptID]]
    let combinationsByHead: [ConceptID: [Combination]]
    /// Combinations whose parts may lie in different clauses of the line (`combine-across-clauses`).
    let combinationsAcrossClauses: [Combination]
    /// Combinations of findings stated anywhere in a line (`combine-findings`).
    let combinationsOfFindings: [Combination]
    /// The concepts that are parts of combinations spanning clauses.
    let spanningParts: Set<ConceptID>
    /// Sensations that take a body part (pain, numbness…): another one between a part and a
    /// sensation claims the part first ("my back hurts and I can't feel my bottom").
    let partTaking: Set<ConceptID>
    /// The building blocks each combined concept is made of: a mention of one of them names it.
    let components: [ConceptID: Set<ConceptID>]
    /// The building blocks that make one concept only (voiding trouble: the bladder sign; numbness
    /// makes several), and that concept.
    let soleWhole: [ConceptID: ConceptID]
    /// Concepts after whose mention a small number is a score on their scale (`scale`).
    let scales: [ConceptID: ValueSlot]
    /// What a part (or a time, a movement) said to be fine denies (`fine-denies`).
    let fineDenies: [ConceptID: [ConceptID]]
    /// Concepts made by one-side findings said of both sides (`both-sides-of`): the concept, and
    /// the one-side findings.
    let bothSides: [ConceptID: [ConceptID]]
    /// The one-side findings of `bothSides`.
    var oneSideFindings: Set<ConceptID> { Set(bothSides.values.flatMap { $0 }) }
    /// What an event said as past and over is instead (`when-past`).
    let whenPast: [ConceptID: ConceptID]
    /// The concept a complaint denied with "never before" denies instead (`denied-by-never`).
    let deniedByNever: ConceptID?
    /// What the part denies when it names one side (`fine-one-side`).
    let fineOneSide: [ConceptID: [ConceptID]]

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
            for components in concept.combinationsKeepingParts where components.count >= 2 {
                combinations[components.last!, default: []].append(Combination(concept: concept.id, components: components, keepsParts: true))
            }
            if let scale = concept.scale { scales[concept.id] = scale }
        }
        self.groups = groups
        self.implications = implications
        self.combinationsByHead = combinations
        self.scales = scales
        fineDenies = Dictionary(uniqueKeysWithValues: concepts.filter { !$0.fineDenies.isEmpty }.map { ($0.id, $0.fineDenies) })
        whenPast = Dictionary(uniqueKeysWithValues: concepts.compactMap { concept in concept.whenPast.map { (concept.id, $0) } })
        deniedByNever = concepts.first(where: \.deniedByNever)?.id
        bothSides = Dictionary(uniqueKeysWithValues: concepts.filter { !$0.bothSidesOf.isEmpty }.map { ($0.id, $0.bothSidesOf) })
        fineOneSide = Dictionary(uniqueKeysWithValues: concepts.filter { !$0.fineDenies.isEmpty }.map { ($0.id, $0.fineOneSide) })
        onsetMarkers = Set(concepts.filter(\.marksOnset).map(\.id))
        durationOwners = Set(concepts.filter(\.ownsDurations).map(\.id))
        partAfter = Set(concepts.filter(\.partAfter).map(\.id))
        lasting = Set(concepts.filter(\.lasting).map(\.id))
        combinationsAcrossClauses = concepts.flatMap { concept in
            concept.combinationsAcrossClauses.filter { $0.count >= 2 }.map { Combination(concept: concept.id, components: $0) }
        }
        var components: [ConceptID: Set<ConceptID>] = [:]
        for combination in combinations.values.joined() { components[combination.concept, default: []].formUnion(combination.components) }
        self.components = components
        var wholes: [ConceptID: Set<ConceptID>] = [:]
        for (whole, parts) in components { for part in parts { wholes[part, default: []].insert(whole) } }
        soleWhole = wholes.compactMapValues { $0.count == 1 ? $0.first : nil }
        spanningParts = Set(combinationsAcrossClauses.flatMap(\.components))
        combinationsOfFindings = concepts.flatMap { concept in
            concept.combinationsOfFindings.filter { $0.count >= 2 }.map { Combination(concept: concept.id, components: $0) }
        }
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
