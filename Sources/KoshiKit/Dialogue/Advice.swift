/// Fits the plan to the person: the advice items for the disposition that help what they
/// reported, most relevant first, then the items that help everyone.
struct Advice {
    let knowledge: Knowledge

    /// At most this many items that help a finding, so the plan stays one a person can follow.
    static let fittedLimit = 6

    func recommendation(for assessment: TriagePolicy.Assessment, state: DialogueState) -> Recommendation {
        Recommendation(disposition: assessment.disposition, when: assessment.when, reasons: assessment.reasons, rule: assessment.rule,
                       advice: plan(for: assessment.disposition, state: state).map(\.id))
    }

    func plan(for disposition: Disposition, state: DialogueState) -> [AdviceItem] {
        let present = Set(state.findings.filter { $0.value.status == .present }.map(\.key))
        let candidates = knowledge.advice.filter { $0.dispositions.contains(disposition) }
        var scored: [(index: Int, item: AdviceItem, relevance: Int)] = []
        for (index, item) in candidates.enumerated() {
            let relevance = item.helps.intersection(present).count
            if relevance > 0 { scored.append((index, item, relevance)) }
        }
        scored.sort { $0.relevance != $1.relevance ? $0.relevance > $1.relevance : $0.index < $1.index }
        let fitted = scored.prefix(Self.fittedLimit).sorted { $0.index < $1.index }.map(\.item)
        return fitted + candidates.filter(\.helpsEveryone)
    }
}
