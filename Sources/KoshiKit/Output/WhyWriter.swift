/// Explains the reasoning so far: each finding and the words that decided it, the rule that
/// decided, and what is still open (not known, asked but not understood, not asked), from the
/// same record as the summary, so that /why and /summary never disagree.
public struct WhyWriter: Sendable {
    let knowledge: Knowledge
    let language: Language

    public init(knowledge: Knowledge, language: Language) {
        self.knowledge = knowledge
        self.language = language
    }

    public func text(_ state: DialogueState) -> String {
        let summary = Summary(state: state, knowledge: knowledge, time: nil)
        var parts: [String] = []
        let said = summary.findings.filter { state.findings[ConceptID($0.id)] != nil }
        if said.isEmpty && summary.values.isEmpty {
            parts.append(knowledge.text(.whyNothingYet, language))
        } else {
            let lines = said.map(line) + summary.values.map(line)
            parts.append(knowledge.text(.whyFindingsHeading, language) + "\n" + lines.map { "・" + $0 }.joined(separator: "\n"))
        }
        if !said.isEmpty || !summary.values.isEmpty, let decision = decision(state) { parts += decision }
        let open = SummaryStyle(knowledge: knowledge, language: language).open(summary)
        for (heading, labels) in [(Phrase.whyUnknownHeading, open.unknown), (.whyNotUnderstoodHeading, open.notUnderstood),
                                  (.whyNotAskedHeading, open.notAsked)] where !labels.isEmpty {
            parts.append(knowledge.text(heading, language) + " " + knowledge.list(labels, language))
        }
        return parts.joined(separator: "\n")
    }

    /// 「・発熱：なし（3行目「熱はないです」）」: the state and the words that decided it.
    private func line(_ finding: Summary.Finding) -> String {
        let status: FindingStatus = switch finding.state {
        case .stated: .present
        case .denied: .absent
        default: .unknown
        }
        return knowledge.text(.whyFinding, language, [
            "label": finding.label, "status": knowledge.text(.init(status: status), language),
            "line": String(finding.quote?.line ?? 0), "words": finding.quote?.words ?? "",
        ])
    }

    private func line(_ value: Summary.Value) -> String {
        knowledge.text(.whyFinding, language, [
            "label": knowledge.text(.init(slot: value.slot), language),
            "status": SummaryStyle(knowledge: knowledge, language: language).amount(value.value, value.slot),
            "line": String(value.quote.line), "words": value.quote.words,
        ])
    }

    /// The rule that decides so far, and whether a recommendation waits for more answers.
    private func decision(_ state: DialogueState) -> [String]? {
        let policy = TriagePolicy(knowledge: knowledge)
        guard let assessment = policy.assess(state), let rule = knowledge.rules.first(where: { $0.id == assessment.rule }) else { return nil }
        let sources = rule.sources.compactMap { knowledge.sources[$0]?.citation(language) }.joined(separator: ", ")
        var parts = [knowledge.text(state.recommendation == nil ? .whyRuleSoFar : .whyRule, language, [
            "disposition": knowledge.text(.init(headline: rule.when), language, knowledge.regions[state.region]?.placeholders(language) ?? [:]),
            "rule": rule.explanation[language], "sources": sources,
        ])]
        if state.recommendation == nil { parts.append(knowledge.text(.whyNotYet, language)) }
        return parts
    }
}
