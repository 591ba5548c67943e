/// Fits the plan to the person: the items of the disposition whose conditions hold (advice.kb:
/// `when-any`, `unless-any`, `situation`, `unless-situation`) and that help what they reported,
/// guideline-backed items first, and for each the clause that ties it to what they said.
struct Advice {
    let knowledge: Knowledge

    /// At most this many items that help a finding, so the plan stays one a person can follow.
    static let fittedLimit = 6

    func recommendation(for assessment: TriagePolicy.Assessment, state: DialogueState) -> Recommendation {
        Recommendation(disposition: assessment.disposition, when: assessment.when, reasons: assessment.reasons, rule: assessment.rule,
                       advice: plan(for: assessment.disposition, state: state).map(\.item.id))
    }

    /// The situations that hold for the person now.
    func situations(_ state: DialogueState) -> Set<SituationID> {
        Set(knowledge.situations.filter { $0.holds(in: state) }.map(\.id))
    }

    /// The plan: items for a situation, for a finding, and for everyone (in the order of advice.kb), then
    /// the items that help what the person reported (most relevant first, at most `fittedLimit`);
    /// guideline-backed items before the article's views.
    func plan(for disposition: Disposition, state: DialogueState) -> [PlannedItem] {
        let present = Set(state.findings.filter { $0.value.status == .present }.map(\.key))
        let holding = situations(state)
        var ranked: [(index: Int, tier: Int, relevance: Int, item: AdviceItem)] = []
        for (index, item) in knowledge.advice.enumerated() where item.dispositions.contains(disposition) {
            guard item.whenAny.isEmpty || item.whenAny.contains(where: present.contains),
                  !item.unlessAny.contains(where: present.contains),
                  item.situations.isEmpty || item.situations.contains(where: holding.contains),
                  !item.unlessSituations.contains(where: holding.contains) else { continue }
            let relevance = item.helps.intersection(present).count
            guard item.helpsEveryone || relevance > 0 else { continue }
            // Items for a situation, for a finding they are given only with (`when-any`), and for
            // everyone keep the order of the file, which puts the most pressing first (what to do
            // while waiting, the warning signs of pregnancy, then the first days' plan).
            let tier = !item.situations.isEmpty || !item.whenAny.isEmpty || item.helpsEveryone ? 0 : 1
            ranked.append((index, tier, relevance, item))
        }
        let fitted = ranked.filter { $0.tier == 1 }.sorted { $0.relevance != $1.relevance ? $0.relevance > $1.relevance : $0.index < $1.index }
            .prefix(Self.fittedLimit)
        let chosen = ranked.filter { $0.tier == 0 } + fitted
        let ordered = chosen.sorted { a, b in
            if a.item.evidence != b.item.evidence { return a.item.evidence == .guideline }
            if a.tier != b.tier { return a.tier < b.tier }
            return a.index < b.index
        }
        return ordered.map { PlannedItem(item: $0.item, why: why($0.item, present: present, holding: holding)) }
    }

    /// The items of a recommendation as given, each with its clause, in the order given.
    func planned(_ ids: [AdviceID], state: DialogueState) -> [PlannedItem] {
        let present = Set(state.findings.filter { $0.value.status == .present }.map(\.key))
        let holding = situations(state)
        return ids.compactMap { id in
            knowledge.advice.first { $0.id == id }.map { PlannedItem(item: $0, why: why($0, present: present, holding: holding)) }
        }
    }

    /// Why an item is given: the situation it is for, else the first thing it helps that the
    /// person said, else its own `why`; nil for the few items for everyone.
    func why(_ item: AdviceItem, present: Set<ConceptID>, holding: Set<SituationID>) -> LocalizedText? {
        if let id = item.situations.first(where: holding.contains), let situation = knowledge.situations.first(where: { $0.id == id }) {
            return situation.why
        }
        for concept in item.helpsInOrder + item.whenAny where present.contains(concept) {
            if let because = knowledge.becauses[concept] { return because }
        }
        return item.why
    }
}

/// An advice item as given to one person: the item, and the clause that ties it to what they said
/// (「一日中座っているとのことなので」), or nil for the few items given to everyone.
public struct PlannedItem: Sendable {
    public var item: AdviceItem
    public var why: LocalizedText?
}
