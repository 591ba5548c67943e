/// Chooses what to do next: recommend now, or ask the question that matters most. A question
/// matters when its answer could make the triage more urgent or is required before the current
/// disposition may be given; the earliest stage goes first, then the question covering the most
/// of what matters. Nothing already answered is ever asked again.
public struct QuestionPlanner: Sendable {
    public enum Step: Sendable, Hashable {
        case ask(Question.ID)
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
        var matters = policy.topicsThatCouldRaise(above: assessment?.disposition)
        if let assessment { matters.formUnion(policy.requiredTopics(assessment.rule, knowledge: knowledge)) }
        matters = matters.filter { !state.isAnswered($0) }
        if let question = bestQuestion(state, covering: matters) { return .ask(question.id) }
        if let assessment, let question = tailoringQuestion(state, for: assessment.disposition) { return .ask(question.id) }
        return assessment.map(Step.recommend)
    }

    /// The open question of the earliest stage that covers the most of `topics`.
    func bestQuestion(_ state: DialogueState, covering topics: Set<Topic>) -> Question? {
        guard !topics.isEmpty else { return nil }
        var best: (question: Question, covered: Int)?
        for question in knowledge.questions where question.stage != .context && !state.setAside.contains(question.id) {
            guard question.asks.allSatisfy({ !state.isAnswered($0) }) else { continue }
            let covered = question.asks.filter(topics.contains).count
            guard covered > 0 else { continue }
            if let current = best {
                if question.stage > current.question.stage { continue }
                if question.stage == current.question.stage && covered <= current.covered { continue }
            }
            best = (question, covered)
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
