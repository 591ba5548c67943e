/// A line of the summary's clinical header (`[summary-row]` in summary.kb): what the clinician
/// reads it as, and the findings and values that fill it, in order. A row with nothing said is
/// left out of the summary.
public struct SummaryRow: Sendable {
    public var id: String
    public var label: LocalizedText
    /// Findings shown when the person stated, denied or hedged them.
    public var concepts: [ConceptID]
    /// Of those, the ones shown only when stated: a denial of them says nothing the row is about
    /// (that massage's relief is not short says nothing of what was tried).
    public var onlyStated: Set<ConceptID> = []
    /// Values shown when given, with what was said before when they changed.
    public var values: [ValueSlot]
    /// Whether the row gives the onset date: today less the duration, when both are known.
    public var showsOnset: Bool
    /// Whether the row says that someone else (a carer) asks for the patient, when so.
    public var showsSpokenFor = false
    public var file: String
    public var line: Int
}

/// Reading the summary's header rows.
extension KnowledgeBuilder {
    mutating func readSummaryRow(_ record: KnowledgeRecord) {
        var slots: [ValueSlot] = []
        for (item, line) in record.list("values") {
            guard let slot = ValueSlot(rawValue: item) else {
                problems.append(record.problem("'\(item)' is not a value slot: " + ValueSlot.allCases.map(\.rawValue).joined(separator: ", "), line: line))
                continue
            }
            slots.append(slot)
        }
        for key in ["onset", "spoken-for"] {
            if let value = record.value(key), value != "yes", value != "no" { problems.append(record.problem("'\(key)' must be yes or no")) }
        }
        let onlyStated = record.list("only-stated").map { ConceptID($0.item) }
        let concepts = record.list("concepts").map { ConceptID($0.item) }
        for id in onlyStated where !concepts.contains(id) {
            problems.append(record.problem("'only-stated' names '\(id)', which 'concepts' does not list"))
        }
        summaryRows.append(SummaryRow(id: record.id, label: localized(record, "label"), concepts: concepts, onlyStated: Set(onlyStated),
                                      values: slots, showsOnset: record.value("onset") == "yes", showsSpokenFor: record.value("spoken-for") == "yes",
                                      file: record.file, line: record.line))
    }
}

extension KnowledgeCheck {
    /// Every concept a header row names must be a finding the reader records: not unknown, and
    /// not a building block. A missing canonical concept (`canonical`) is left to the check that
    /// says so, so that one missing concept is one problem.
    static func summaryRowProblems(_ knowledge: Knowledge, canonical: Set<String>) -> [KnowledgeProblem] {
        let recorded = knowledge.concepts.filter(\.group.isRecorded).map(\.id.rawValue)
        var problems: [KnowledgeProblem] = []
        for row in knowledge.summaryRows {
            for id in row.concepts {
                guard let concept = knowledge.concept(id) else {
                    if !canonical.contains(id.rawValue) {
                        problems.append(KnowledgeProblem(file: row.file, line: row.line,
                                                         message: "summary row '\(row.id)' names unknown concept '\(id)'" + suggestion(id.rawValue, recorded)))
                    }
                    continue
                }
                guard !concept.group.isRecorded else { continue }
                problems.append(KnowledgeProblem(file: row.file, line: row.line,
                                                 message: "summary row '\(row.id)' names '\(id)', a building block that is never a finding"))
            }
        }
        return problems
    }
}
