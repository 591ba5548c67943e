/// The summary as JSON: CONTRACT.md's fields first (disposition, when, region, reasons, findings,
/// values, advice, transcript, language, knowledge version), then the record behind them. Each
/// field is described in the README ("The exported summary").
struct SummaryJSON {
    let knowledge: Knowledge
    let summary: Summary

    func object() -> JSON {
        let given = summary.recommendation
        var members: [(String, JSON)] = [
            ("disposition", given.map { .string($0.disposition.rawValue) } ?? .null),
            ("when", given.map { .string($0.when.rawValue) } ?? .null),
            ("region", .string(summary.region.rawValue)),
            ("reasons", .strings(summary.reasons.map(\.id))),
            ("findings", findings()),
            ("values", values()),
            ("advice", .array(summary.plan.map(advice))),
            ("transcript", .array(summary.transcript.map(entry))),
            ("language", .string(summary.language.rawValue)),
            ("knowledge_version", .string(summary.knowledgeVersion)),
        ]
        members += [
            ("time", summary.time.map(JSON.string) ?? .null),
            ("today", summary.today.map { .string(SummaryStyle.date($0)) } ?? .null),
            ("complaint", summary.complaint.map(JSON.string) ?? .null),
            ("disposition_text", summary.dispositionText.map(JSON.string) ?? .null),
            ("recommendation", given.map(recommendation) ?? .null),
            ("recommendation_history", .array(summary.changes.map(change))),
        ]
        members += [
            ("header", .array(summary.header.map(row))),
            ("red_flags", .array(summary.redFlags.map(finding))),
            ("finding_details", .array(summary.findings.map(finding))),
            ("history", .array(summary.history.map(finding))),
            ("value_details", .array(summary.values.map(value))),
            ("disclaimer", .string(summary.disclaimer)),
        ]
        return .object(members)
    }

    /// CONTRACT.md's lists, and the states beyond them: each reported finding is in one list.
    private func findings() -> JSON {
        func ids(_ list: [Summary.Finding]) -> JSON { .strings(list.map(\.id)) }
        let groups = summary.findings.filter(\.inGroupSaidYes).map(\.id)
        return .object([
            ("present", ids(summary.present)), ("absent", ids(summary.absent)), ("unknown", ids(summary.unknown)),
            ("not_understood", ids(summary.notUnderstood)), ("not_asked", ids(summary.notAsked.filter { !$0.inGroupSaidYes && !$0.contextNotMet })),
            ("not_applicable", ids(summary.notAsked.filter(\.contextNotMet))), ("at_least_one_of", .strings(groups)),
        ])
    }

    private static func key(_ slot: ValueSlot) -> String { slot == .duration ? "duration_days" : slot.rawValue }

    private func values() -> JSON {
        .object(summary.values.map { (Self.key($0.slot), $0.value.map(JSON.int) ?? .null) })
    }

    private func quote(_ quote: Summary.Quote?) -> JSON {
        guard let quote else { return .null }
        return .object([("words", .string(quote.words)), ("line", .int(quote.line)),
                        ("question", quote.questionNumber.map(JSON.int) ?? .null), ("question_items", .strings(quote.questionItems))])
    }

    private func finding(_ finding: Summary.Finding) -> JSON {
        let status: JSON = switch finding.state {
        case .stated: .string(FindingStatus.present.rawValue)
        case .denied: .string(FindingStatus.absent.rawValue)
        case .unknown, .notUnderstood: .string(FindingStatus.unknown.rawValue)
        case .notAsked: .null
        }
        return .object([("id", .string(finding.id)), ("label", .string(finding.label)), ("group", .string(finding.group.rawValue)),
                        ("state", .string(finding.state.rawValue)), ("status", status), ("quote", quote(finding.quote)),
                        ("in_group_said_yes", .bool(finding.inGroupSaidYes)), ("context_not_met", .bool(finding.contextNotMet))])
    }

    private func value(_ value: Summary.Value) -> JSON {
        .object([("slot", .string(value.slot.rawValue)), ("key", .string(Self.key(value.slot))), ("value", value.value.map(JSON.int) ?? .null),
                 ("quote", quote(value.quote.words.isEmpty ? nil : value.quote)),
                 ("earlier", .array(value.earlier.map { .object([("value", $0.value.map(JSON.int) ?? .null), ("line", .int($0.line))]) }))])
    }

    private func row(_ row: Summary.HeaderRow) -> JSON {
        let style = SummaryStyle(knowledge: knowledge, language: summary.language)
        return .object([
            ("id", .string(row.id)), ("label", .string(row.label)), ("spoken_for", quote(row.spokenFor)),
            ("values", .strings(row.values.map { Self.key($0.slot) })),
            ("onset", row.onset.map { .object([("date", .string(SummaryStyle.date($0.date))), ("days_ago", .int($0.daysAgo))]) } ?? .null),
            ("findings", .strings(row.findings.map(\.id))),
            ("text", .string(style.row(row, quoting: .none))),
        ])
    }

    private func recommendation(_ given: Summary.Given) -> JSON {
        .object([
            ("disposition", .string(given.disposition.rawValue)), ("when", .string(given.when.rawValue)),
            ("region", .string(given.region.rawValue)), ("rule", .string(given.rule)), ("headline", .string(given.headline)),
            ("disposition_text", .string(given.dispositionText)), ("instruction", .string(given.instruction)),
            ("review", given.review.isEmpty ? .null : .string(given.review)), ("safety_net", .string(given.safetyNet)),
            ("reasons", .array(given.reasons.map { reason in
                .object([("id", .string(reason.id)), ("label", .string(reason.label)), ("value", reason.value.map(JSON.int) ?? .null),
                         ("quote", quote(reason.quote))])
            })),
            ("advice", .strings(given.plan.map(\.id))),
        ])
    }

    private func change(_ change: Summary.Change) -> JSON {
        .object([("line", .int(change.line)), ("said", .string(change.said)), ("disposition", .string(change.disposition.rawValue)),
                 ("when", .string(change.when.rawValue)), ("headline", .string(change.headline))])
    }

    private func advice(_ item: Summary.PlanItem) -> JSON {
        .object([("id", .string(item.id)), ("title", .string(item.title)), ("text", .string(item.text)),
                 ("section", item.articleSection.map(JSON.string) ?? .null), ("sources", .strings(item.citations))])
    }

    private func entry(_ entry: Summary.Entry) -> JSON {
        var members: [(String, JSON)] = [("role", .string(entry.role.rawValue)), ("text", .string(entry.text)), ("command", .bool(entry.isCommand))]
        if let line = entry.line { members.append(("line", .int(line))) }
        if let number = entry.question { members.append(("question", .int(number))) }
        return .object(members)
    }
}
