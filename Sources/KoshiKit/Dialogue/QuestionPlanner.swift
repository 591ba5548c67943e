/// Chooses what to do next: recommend now, or put the question that matters most. First what a
/// reply left to settle (a description to confirm, the items asked again, a sign to ask in
/// concrete words); then the question of the earliest stage that covers the most of what could
/// make the triage more urgent or must be known before the current disposition may be given.
/// No question is put twice in the same words, and nothing answered is asked again.
public struct QuestionPlanner: Sendable {
    public enum Step: Sendable, Hashable {
        case ask(AskedQuestion)
        case recommend(TriagePolicy.Assessment)
    }

    let knowledge: Knowledge
    let policy: TriagePolicy

    public init(knowledge: Knowledge) {
        self.knowledge = knowledge
        policy = TriagePolicy(knowledge: knowledge)
    }

    public func next(_ state: DialogueState) -> Step? {
        let assessment = policy.assess(state)
        if let assessment, assessment.disposition == .emergency { return .recommend(assessment) }
        if let step = settling(state) { return .ask(step) }
        var matters = policy.topicsThatCouldRaise(above: assessment, state)
        if let assessment { matters.formUnion(policy.requiredTopics(assessment.rule, knowledge: knowledge, state)) }
        matters = matters.filter { !state.isAnswered($0) }
        if let question = bestQuestion(state, covering: matters) { return .ask(question) }
        // Topics put once already and still open, which no unasked question covers: once more,
        // in other words.
        let open = matters.filter { (state.timesAsked[$0] ?? 0) == 1 }
        if !open.isEmpty { return .ask(remaining(knowledge.order(Array(open)), state)) }
        if let assessment, let question = tailoringQuestion(state, for: assessment.disposition) {
            return .ask(AskedQuestion(id: question.id, asks: question.asks, wording: .first))
        }
        return assessment.map(Step.recommend)
    }

    /// What the last replies left to settle before anything else.
    func settling(_ state: DialogueState) -> AskedQuestion? {
        if let described = state.toConfirm.first {
            return AskedQuestion(id: QuestionID("confirm." + described.concept.rawValue), asks: [.concept(described.concept)],
                                 wording: .confirm, quoted: described.evidence)
        }
        if let reask = state.reask { return reask }
        // A sign the person could not say yes or no to: once more in concrete words (CONTRACT.md).
        // Every emergency sign so; another red flag only when it was said with a hedge ("might've
        // had a temp, didn't check"), which asking plainly often settles, and not after a plain
        // "not sure" to a whole group, which five more questions would not.
        let emergency = Set(knowledge.emergencySigns)
        for concept in knowledge.emergencySigns + knowledge.redFlags where !state.concretelyAsked.contains(concept) {
            guard let finding = state.findings[concept], finding.status == .unknown, !finding.openUntilAsked,
                  emergency.contains(concept) || finding.hedged, knowledge.concept(concept)?.reask != nil else { continue }
            return AskedQuestion(id: QuestionID("concrete." + concept.rawValue), asks: [.concept(concept)], wording: .concrete)
        }
        return nil
    }

    /// The open topics of a question asked again: a question of the base that asks exactly them and
    /// has not been put, or else the items listed afresh.
    func remaining(_ topics: [Topic], _ state: DialogueState) -> AskedQuestion {
        let asked = Set(state.askedQuestions)
        if let question = knowledge.questions.first(where: { Set($0.asks) == Set(topics) && !asked.contains($0.id) && $0.followUp == nil }) {
            return AskedQuestion(id: question.id, asks: question.asks, wording: .first)
        }
        if topics.count == 1, case .concept(let id) = topics[0], knowledge.concept(id)?.reask != nil, !state.concretelyAsked.contains(id) {
            return AskedQuestion(id: QuestionID("concrete." + id.rawValue), asks: topics, wording: .concrete)
        }
        return AskedQuestion(id: QuestionID("remaining"), asks: topics, wording: .remaining)
    }

    /// The unasked question of the earliest stage that covers the most of `topics`. A grouped
    /// question some of whose items are settled already offers the rest, listed afresh: one
    /// question for them, not one each.
    func bestQuestion(_ state: DialogueState, covering topics: Set<Topic>) -> AskedQuestion? {
        guard !topics.isEmpty else { return nil }
        var best: (question: AskedQuestion, stage: QuestionStage, covered: Int)?
        for question in knowledge.questions where question.stage != .context {
            if let condition = question.followUp, !policy.followUps.holds(condition, in: state) { continue }
            let open = question.asks.filter { !state.isAnswered($0) && (state.timesAsked[$0] ?? 0) == 0 }
            let candidate: AskedQuestion
            if open.count == question.asks.count {
                candidate = AskedQuestion(id: question.id, asks: question.asks, wording: .first)
            } else if question.isGrouped, open.count >= 2, open.allSatisfy(\.isConcept) {
                candidate = AskedQuestion(id: QuestionID(question.id.rawValue + ".rest"), asks: open, wording: .part)
            } else {
                continue
            }
            let covered = candidate.asks.filter(topics.contains).count
            guard covered > 0 else { continue }
            if let current = best {
                if question.stage > current.stage { continue }
                // Of two that cover as much, the one that asks more at once (the pain score with
                // the age): one question instead of two.
                if question.stage == current.stage
                    && (covered < current.covered || (covered == current.covered && candidate.asks.count <= current.question.asks.count)) { continue }
            }
            best = (candidate, question.stage, covered)
        }
        return best?.question
    }

    /// One question about daily life to fit the plan, when nothing of it is known yet.
    func tailoringQuestion(_ state: DialogueState, for disposition: Disposition) -> Question? {
        guard disposition == .selfCare || disposition == .inPerson else { return nil }
        let contextKnown = state.findings.contains { id, finding in
            finding.status == .present && knowledge.concept(id)?.group == .context
        }
        let askedContext = state.askedQuestions.contains { id in knowledge.questions.first { $0.id == id }?.stage == .context }
        guard !contextKnown, !askedContext else { return nil }
        return knowledge.questions.first { question in
            question.stage == .context && question.asks.allSatisfy { !state.isAnswered($0) }
        }
    }
}

extension Knowledge {
    /// The signs that decide an emergency on their own, in the order of the knowledge base.
    var emergencySigns: [ConceptID] {
        var signs: [ConceptID] = []
        for rule in rules where rule.disposition == .emergency && rule.alsoRequired.isEmpty {
            for case .anyPresent(let concepts) in rule.conditions { signs += concepts.filter { !signs.contains($0) } }
        }
        return signs
    }

    /// The red flags, in the order of the knowledge base.
    var redFlags: [ConceptID] { concepts.filter { $0.group == .redFlag }.map(\.id) }

    /// Topics in the order the knowledge base lists them: concepts first, then value slots.
    func order(_ topics: [Topic]) -> [Topic] {
        let position = Dictionary(concepts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return topics.sorted { a, b in
            switch (a, b) {
            case (.concept(let x), .concept(let y)): (position[x] ?? 0) < (position[y] ?? 0)
            case (.concept, .slot): true
            case (.slot, .concept): false
            case (.slot(let x), .slot(let y)): ValueSlot.allCases.firstIndex(of: x)! < ValueSlot.allCases.firstIndex(of: y)!
            }
        }
    }
}
