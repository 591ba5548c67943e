/// The recommendation as the person was given it, in the summary's words: what to do and how soon
/// in the region's words, the reasons with the person's words, the safety net and the plan; and
/// every recommendation given during the session, with the line that led to it.
struct GivenRecommendation {
    let state: DialogueState
    let knowledge: Knowledge
    let facts: SummaryFacts
    var language: Language { state.language }

    func current() -> Summary.Given? {
        guard let recommendation = state.recommendation else { return nil }
        let writer = RecommendationWriter(knowledge: knowledge, language: language)
        let services = writer.services(state.region)
        let d = recommendation.disposition
        return Summary.Given(disposition: d, when: recommendation.when, region: state.region, rule: recommendation.rule.rawValue,
                             headline: writer.headline(recommendation, region: state.region),
                             dispositionText: knowledge.text(.init(disposition: d), language),
                             instruction: writer.detail(recommendation, state: state),
                             review: writer.review(recommendation, state: state).joined(separator: "\n"),
                             safetyNet: knowledge.text(.init(safetyNet: d), language, services),
                             reasons: recommendation.reasons.map(reason), plan: recommendation.advice.compactMap { planItem($0, services) })
    }

    /// Every recommendation given, in order, with the person's line that led to it.
    func changes() -> [Summary.Change] {
        let writer = RecommendationWriter(knowledge: knowledge, language: language)
        return state.recommendationHistory.map { line, recommendation in
            Summary.Change(line: line, said: facts.userLine(line) ?? "", disposition: recommendation.disposition,
                           when: recommendation.when, headline: writer.headline(recommendation, region: state.region))
        }
    }

    private func reason(_ topic: Topic) -> Summary.Reason {
        switch topic {
        case .concept(let id):
            return Summary.Reason(id: id.rawValue, label: knowledge.label(id, language), value: nil,
                                  quote: state.findings[id].map(facts.quote))
        case .slot(let slot):
            let value = state.values[slot]
            return Summary.Reason(id: slot.rawValue, label: knowledge.text(.init(slot: slot), language), value: value?.value,
                                  quote: value.map { Summary.Quote(words: $0.evidence, line: $0.line) })
        }
    }

    private func planItem(_ id: AdviceID, _ services: [String: String]) -> Summary.PlanItem? {
        knowledge.advice.first { $0.id == id }.map { advice in
            let sources = advice.sources.compactMap { knowledge.sources[$0] }
            return Summary.PlanItem(id: advice.id.rawValue, title: advice.title[language], text: advice.text(language, services: services),
                                    citations: sources.map { $0.citation(language) },
                                    articleSection: sources.first { $0.kind == .article }?.section)
        }
    }
}
