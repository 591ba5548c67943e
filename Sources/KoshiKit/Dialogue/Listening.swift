/// After a recommendation koshi keeps listening (CONTRACT.md): a new finding or a correction works
/// the advice out again; a question about it is answered from intents.kb for the disposition and
/// region given; what it cannot answer it says so plainly, and an emergency is restated, never
/// softened.
extension Session {
    /// The reply when the line leaves the recommendation as it is; nil when it changes it (or
    /// there is none), and the conversation goes on.
    mutating func listen(_ reading: LineReading) -> [AdvisorEvent]? {
        guard let current = state.recommendation, state.reask == nil, state.toConfirm.isEmpty, state.pending == nil else { return nil }
        guard case .recommend(let assessment)? = planner.next(state),
              Advice(knowledge: knowledge).recommendation(for: assessment, state: state) == current else { return nil }
        if let answers = intentAnswers(reading.intents, before: false) { return [.message(answers)] }
        let restate = current.disposition == .emergency
            ? "\n" + knowledge.text(.listeningRestate, language, placeholders(["headline": headline(current)])) : ""
        if reading.isQuestion { return [.message(knowledge.text(.listeningCannotAnswer, language, placeholders()) + restate)] }
        if reading.isUnderstood {
            return [.message(knowledge.text(.recommendationUnchanged, language, ["disposition": headline(current)]))]
        }
        return [.message(knowledge.text(.listeningNoted, language, placeholders()) + restate)]
    }

    /// The answers of the intents a line asks about: for the recommendation given, or, `before`
    /// one is given, what can be said already. Nil when none has an answer.
    func intentAnswers(_ intents: [String], before: Bool) -> String? {
        let answers = intents.compactMap { id -> String? in
            guard let intent = knowledge.intents.first(where: { $0.id == id }) else { return nil }
            let text = before ? intent.beforeRecommendation : state.recommendation.flatMap { answer(intent, for: $0) }
            return text.map { Knowledge.fill($0[language], placeholders(recommendationPlaceholders)) }
        }
        return answers.isEmpty ? nil : answers.joined(separator: "\n")
    }

    /// An intent's answer for the recommendation given: the answer of a situation that holds
    /// (painkillers in pregnancy), else the disposition's; an emergency's always.
    func answer(_ intent: Intent, for recommendation: Recommendation) -> LocalizedText? {
        if recommendation.disposition != .emergency, let (situation, text) = intent.situationAnswer,
           Advice(knowledge: knowledge).situations(state).contains(situation) {
            return text
        }
        return intent.answers[recommendation.disposition]
    }

    /// What an answer may say of the recommendation given: `{headline}`, `{place}` (where to go,
    /// named for the reason) and `{review}` (the review point of self-care, dated when it can be).
    var recommendationPlaceholders: [String: String] {
        guard let recommendation = state.recommendation else { return ["headline": "", "place": "", "review": ""] }
        let writer = RecommendationWriter(knowledge: knowledge, language: language)
        return ["headline": headline(recommendation), "place": writer.place(recommendation, state: state),
                "review": writer.review(recommendation, state: state).joined(separator: " ")]
    }

    /// The region's services for texts, and any more given.
    func placeholders(_ more: [String: String] = [:]) -> [String: String] {
        var values = knowledge.regions[state.region]?.placeholders(language) ?? [:]
        for (key, value) in more { values[key] = value }
        return values
    }

    func headline(_ recommendation: Recommendation) -> String {
        RecommendationWriter(knowledge: knowledge, language: language).headline(recommendation, region: state.region)
    }
}
