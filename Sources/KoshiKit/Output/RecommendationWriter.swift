/// Writes a recommendation for a person: the disposition in plain words, the findings that
/// decided it, the plan with each item's source, and the signs that should bring them back.
public struct RecommendationWriter: Sendable {
    let knowledge: Knowledge
    let language: Language

    public init(knowledge: Knowledge, language: Language) {
        self.knowledge = knowledge
        self.language = language
    }

    /// The region's services, to fill the texts' placeholders.
    func services(_ region: Region) -> [String: String] {
        knowledge.regions[region]?.placeholders(language) ?? [:]
    }

    /// The headline: what to do and how soon, in the region's words (「今日のうちに医療機関を」).
    public func headline(_ recommendation: Recommendation, region: Region) -> String {
        knowledge.text(.init(headline: recommendation.when), language, services(region))
    }

    public func text(_ recommendation: Recommendation, state: DialogueState, changed: Bool) -> String {
        let d = recommendation.disposition
        let services = services(state.region)
        var parts: [String] = []
        if changed { parts.append(knowledge.text(.recommendationChanged, language)) }
        parts.append("【" + headline(recommendation, region: state.region) + "】")
        // Red flags the person could not rule out are named, never passed over as "no signs".
        let unknownFlags = knowledge.concepts.filter { $0.group == .redFlag && state.status(of: $0.id) == .unknown }
        if d == .doctorSoon, recommendation.when == .today {
            parts.append(knowledge.text(.detailToday, language, services))
        } else {
            parts.append(knowledge.text(.init(dispositionDetail: d), language, services))
        }
        let reasons = recommendation.reasons.map { reason(for: $0, state: state) }
        if reasons.isEmpty {
            parts.append(knowledge.text(.reasonsNone, language))
        } else {
            var why = knowledge.text(.reasonsHeading, language) + "\n" + reasons.map { "・" + $0 }.joined(separator: "\n")
            if let rule = knowledge.rules.first(where: { $0.id == recommendation.rule }) {
                why += "\n" + Knowledge.fill(rule.explanation[language], services)
            }
            parts.append(why)
        }
        if d != .emergency, !unknownFlags.isEmpty {
            parts.append(knowledge.text(.reasonsUnknownFlags, language, ["flags": knowledge.list(unknownFlags.map { $0.label[language] }, language)]))
        }
        let plan = recommendation.advice.compactMap { id in knowledge.advice.first { $0.id == id } }
        if !plan.isEmpty {
            parts.append(knowledge.text(.planHeading, language) + "\n" + plan.map { "・" + adviceLine($0) }.joined(separator: "\n"))
        }
        parts.append(knowledge.text(.init(safetyNet: d), language, services))
        return parts.joined(separator: "\n")
    }

    /// A reason in words: the concept's label and what the person said, or a value.
    public func reason(for topic: Topic, state: DialogueState) -> String {
        guard case .concept(let id) = topic else {
            guard case .slot(let slot) = topic, let value = state.values[slot]?.value else { return knowledge.label(topic, language) }
            return knowledge.text(.init(slot: slot), language) + ": " + knowledge.value(slot, value, language)
        }
        let label = knowledge.label(id, language)
        guard let evidence = state.findings[id]?.evidence, !evidence.isEmpty else { return label }
        return knowledge.text(.quotedFinding, language, ["label": label, "words": evidence])
    }

    public func adviceLine(_ item: AdviceItem) -> String {
        "\(item.title[language]): \(item.text[language]) (\(citations(item)))"
    }

    public func citations(_ item: AdviceItem) -> String {
        item.sources.compactMap { knowledge.sources[$0]?.citation(language) }.joined(separator: ", ")
    }
}
