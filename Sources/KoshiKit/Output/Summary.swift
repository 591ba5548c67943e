/// A conversation's summary, for the person to keep or to hand to a clinician: the complaint,
/// the findings, the red flags and how each was answered, the values, the disposition and its
/// reasons, the plan, the transcript, the disclaimer, and the knowledge base's version.
public struct Summary: Sendable {
    public struct Item: Sendable, Hashable {
        public var id: String
        public var label: String
        public var status: FindingStatus?
        public var evidence: String?
        public var line: Int?
    }

    public struct PlanItem: Sendable, Hashable {
        public var id: String
        public var title: String
        public var text: String
        /// How the sources read when cited, such as "article §5.3" or "NICE NG59".
        public var citations: [String]
        /// The article section the item comes from, if it comes from the article.
        public var articleSection: String?
    }

    public var language: Language
    public var knowledgeVersion: String
    /// When the summary was made, ISO 8601 in UTC; nil where no clock was given.
    public var time: String?
    public var complaint: String?
    public var present: [Item]
    public var absent: [Item]
    public var unknown: [Item]
    public var values: [(slot: ValueSlot, value: Int?, evidence: String)]
    public var redFlags: [Item]
    public var disposition: Disposition?
    public var dispositionText: String?
    public var reasons: [Item]
    public var plan: [PlanItem]
    public var transcript: [TranscriptEntry]
    public var disclaimer: String

    public init(state: DialogueState, knowledge: Knowledge, time: String?) {
        let language = state.language
        self.language = language
        knowledgeVersion = knowledge.version
        self.time = time
        complaint = state.complaint
        func item(_ id: ConceptID) -> Item {
            let finding = state.findings[id]
            return Item(id: id.rawValue, label: knowledge.label(id, language), status: finding?.status, evidence: finding?.evidence,
                        line: finding?.line)
        }
        let reported = knowledge.concepts.filter { $0.group.isReported && state.findings[$0.id] != nil }.map(\.id)
        present = reported.filter { state.findings[$0]?.status == .present }.map(item)
        absent = reported.filter { state.findings[$0]?.status == .absent }.map(item)
        unknown = reported.filter { state.findings[$0]?.status == .unknown }.map(item)
        values = ValueSlot.allCases.compactMap { slot in
            state.values[slot].map { (slot, $0.value, $0.evidence) }
        }
        redFlags = knowledge.concepts.filter { $0.group == .redFlag }.map { item($0.id) }
        let recommendation = state.recommendation
        disposition = recommendation?.disposition
        dispositionText = recommendation.map { knowledge.text(.init(disposition: $0.disposition), language) }
        reasons = (recommendation?.reasons ?? []).map { topic in
            guard case .concept(let id) = topic else {
                guard case .slot(let slot) = topic, let value = state.values[slot] else {
                    return Item(id: topic.description, label: knowledge.label(topic, language), status: nil, evidence: nil, line: nil)
                }
                return Item(id: slot.rawValue, label: knowledge.text(.init(slot: slot), language), status: .present,
                            evidence: value.evidence, line: value.line)
            }
            return item(id)
        }
        let services = knowledge.regions[state.region]?.placeholders(language) ?? [:]
        plan = (recommendation?.advice ?? []).compactMap { id in
            knowledge.advice.first { $0.id == id }.map { advice in
                let sources = advice.sources.compactMap { knowledge.sources[$0] }
                return PlanItem(id: advice.id.rawValue, title: advice.title[language], text: advice.text(language, services: services),
                                citations: sources.map { $0.citation(language) },
                                articleSection: sources.first { $0.kind == .article }?.section)
            }
        }
        transcript = state.transcript
        disclaimer = knowledge.text(.disclaimer, language, services)
    }
}
