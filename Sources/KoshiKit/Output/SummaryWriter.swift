/// Writes a summary three ways: plain text for the terminal (`/summary`), Markdown for a person,
/// JSON for programs. Each says the same record (`Summary`).
public struct SummaryWriter: Sendable {
    let knowledge: Knowledge

    public init(knowledge: Knowledge) {
        self.knowledge = knowledge
    }

    /// The summary as the terminal shows it for `/summary`: the header rows, the findings by
    /// state, the values, the recommendation.
    public func text(_ summary: Summary) -> String {
        let l = summary.language
        let style = SummaryStyle(knowledge: knowledge, language: l)
        func line(_ phrase: Phrase, _ value: String) -> String { knowledge.text(phrase, l) + ": " + value }
        var lines: [String] = [knowledge.text(.summaryTitle, l)]
        if let complaint = summary.complaint { lines.append(line(.summaryComplaint, complaint)) }
        for row in summary.header { lines.append("・" + row.label + ": " + style.row(row, quoting: .words)) }
        let open = style.open(summary)
        lines.append(line(.summaryPresent, style.labels(summary.present)))
        lines.append(line(.summaryAbsent, style.labels(summary.absent)))
        lines.append(line(.summaryUnknown, list(open.unknown, l)))
        lines.append(line(.summaryNotUnderstood, list(open.notUnderstood, l)))
        lines.append(line(.summaryNotAsked, list(open.notAsked, l)))
        let values = summary.values.map { knowledge.text(.init(slot: $0.slot), l) + " " + style.amount($0.value, $0.slot) }
        lines.append(line(.summaryValues, list(values, l)))
        lines.append(line(.summaryDisposition, summary.dispositionText ?? knowledge.text(.summaryNoDisposition, l)))
        if !summary.reasons.isEmpty { lines.append(line(.summaryReasons, knowledge.list(summary.reasons.map(\.label), l))) }
        if !summary.plan.isEmpty { lines.append(line(.summaryPlan, knowledge.list(summary.plan.map(\.title), l))) }
        return lines.joined(separator: "\n")
    }

    /// The summary as Markdown, with every piece of user text escaped.
    public func markdown(_ summary: Summary) -> String {
        SummaryMarkdown(knowledge: knowledge, summary: summary).write()
    }

    /// The summary as JSON (CONTRACT.md's exported summary, and more: README, "The exported summary").
    public func json(_ summary: Summary) -> JSON {
        SummaryJSON(knowledge: knowledge, summary: summary).object()
    }

    private func list(_ items: [String], _ language: Language) -> String {
        items.isEmpty ? knowledge.text(.none, language) : knowledge.list(items, language)
    }
}
