/// Explains the reasoning so far: each finding and the line it came from, the rule that decided,
/// and what is still unknown.
public struct WhyWriter: Sendable {
    let knowledge: Knowledge
    let language: Language

    public init(knowledge: Knowledge, language: Language) {
        self.knowledge = knowledge
        self.language = language
    }

    public func text(_ state: DialogueState) -> String {
        var parts: [String] = []
        let findings = knowledge.concepts.filter { $0.group.isReported && state.findings[$0.id] != nil }
        if findings.isEmpty && state.values.isEmpty {
            parts.append(knowledge.text(.whyNothingYet, language))
        } else {
            var lines: [String] = []
            for concept in findings {
                let finding = state.findings[concept.id]!
                lines.append(knowledge.text(.whyFinding, language, [
                    "label": concept.label[language], "status": knowledge.text(.init(status: finding.status), language),
                    "line": String(finding.line), "words": finding.evidence,
                ]))
            }
            for slot in ValueSlot.allCases {
                guard let value = state.values[slot] else { continue }
                lines.append(knowledge.text(.whyFinding, language, [
                    "label": knowledge.text(.init(slot: slot), language),
                    "status": value.value.map { knowledge.value(slot, $0, language) }
                        ?? knowledge.text(.init(status: .unknown), language),
                    "line": String(value.line), "words": value.evidence,
                ]))
            }
            parts.append(knowledge.text(.whyFindingsHeading, language) + "\n" + lines.map { "・" + $0 }.joined(separator: "\n"))
        }
        let policy = TriagePolicy(knowledge: knowledge)
        let saidSomething = !findings.isEmpty || !state.values.isEmpty
        if saidSomething, let assessment = policy.assess(state), let rule = knowledge.rules.first(where: { $0.id == assessment.rule }) {
            let sources = rule.sources.compactMap { knowledge.sources[$0]?.citation(language) }.joined(separator: ", ")
            parts.append(knowledge.text(state.recommendation == nil ? .whyRuleSoFar : .whyRule, language, [
                "disposition": knowledge.text(.init(headline: rule.when), language, knowledge.regions[state.region]?.placeholders(language) ?? [:]),
                "rule": rule.explanation[language], "sources": sources,
            ]))
            if state.recommendation == nil { parts.append(knowledge.text(.whyNotYet, language)) }
        }
        let open = openTopics(state)
        if !open.isEmpty {
            parts.append(knowledge.text(.whyUnknownHeading, language) + " " + knowledge.list(open, language))
        }
        return parts.joined(separator: "\n")
    }

    /// Red flags and values not yet answered, and those answered "I don't know".
    func openTopics(_ state: DialogueState) -> [String] {
        var open: [String] = []
        for concept in knowledge.concepts where concept.group == .redFlag && state.findings[concept.id]?.status ?? .unknown == .unknown {
            open.append(concept.label[language])
        }
        for slot in [ValueSlot.age, .duration] where state.values[slot]?.value == nil {
            open.append(knowledge.text(.init(slot: slot), language))
        }
        return open
    }
}
