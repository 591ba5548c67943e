/// How a key may appear in a record of the knowledge base.
enum KeyShape: Sendable {
    /// Once, with one value: `group: red_flag`.
    case single
    /// Comma-separated items; the key may repeat to add more: `ja: 熱, 発熱`.
    case list
    /// One value a line, as many lines as needed: `example.ja: …`, `combine: a + b`.
    case repeated
}

/// The kinds of record a knowledge file holds, `[kind id]`.
enum RecordKind: String, CaseIterable, Sendable {
    case knowledge, source, concept, cue, inflection, question, rule, advice, situation, because, intent, region, referral, text
    case summaryRow = "summary-row"

    /// The keys a record of this kind may hold, and how each may appear. A key written with a
    /// trailing `.*` stands for one key per language (`label.ja`, `label.en`).
    var schema: RecordSchema {
        switch self {
        case .knowledge:
            RecordSchema(["version": .single, "title.*": .single])
        case .source:
            RecordSchema(["kind": .single, "title.*": .single, "cite.*": .single, "section": .single, "url": .single])
        case .concept:
            RecordSchema(["group": .single, "label.*": .single, "*": .list, "absent.*": .list,
                          "combine": .repeated, "combine-keeping": .repeated, "combine-across-clauses": .repeated, "combine-findings": .repeated, "implies": .list,
                          "marks-onset": .single, "when-past": .single, "denied-by-never": .single, "temperature-from": .single, "both-sides-of": .list, "fine-denies": .list, "fine-one-side": .list, "owns-durations": .single, "part-after": .single, "lasting": .single, "scale": .single,
                          "item.*": .single, "explain.*": .single, "reask.*": .single,
                          "example.*": .repeated, "negated.*": .repeated, "counter.*": .repeated, "triage": .single])
        case .cue:
            RecordSchema(["role": .single, "*": .list, "chars": .list, "value": .single, "after": .list])
        case .inflection:
            RecordSchema(["replace": .list, "with": .list, "after": .list, "shift": .list])
        case .question:
            RecordSchema(["asks": .list, "stage": .single, "text.*": .single, "after": .list, "after-all": .list, "from-age": .single,
                          "from-pain": .single])
        case .rule:
            RecordSchema(["disposition": .single, "any": .list, "any-unanswered": .list, "onset-age-below": .single,
                          "onset-age-above": .single, "duration-at-least": .single, "otherwise": .single,
                          "requires": .list, "source": .list, "explain.*": .single, "when": .single, "with": .list,
                          "any-unknown": .list, "any-affirmed": .list])
        case .advice:
            RecordSchema(["title.*": .single, "text.*": .single, "helps": .list, "for": .list, "source": .list,
                          "evidence": .single, "when-any": .list, "unless-any": .list, "situation": .list,
                          "unless-situation": .list, "why.*": .single])
        case .situation:
            RecordSchema(["label.*": .single, "why.*": .single, "any": .list, "recent-days": .single, "pain-at-least": .single,
                          "duration-at-most": .single, "age-at-least": .single])
        case .because:
            RecordSchema(["*": .single])
        case .referral:
            RecordSchema(["any": .list, "unless-any": .list, "to": .single])
        case .intent:
            RecordSchema(["*": .list, "concepts": .list, "before.*": .single, "source": .list, "in-situation": .single, "in-situation.*": .single, "emergency.*": .single, "doctor-soon.*": .single,
                          "in-person.*": .single, "self-care.*": .single])
        case .region:
            RecordSchema(["name.*": .single, "emergency-number": .single, "emergency.*": .single, "advice-line.*": .single, "doctor.*": .single,
                          "urgent-care.*": .single, "emergency-department.*": .single, "specialist.*": .single,
                          "practitioner.*": .single, "pharmacist.*": .single, "locales": .list,
                          "internal-medicine.*": .single, "cancer-team.*": .single, "maternity.*": .single,
                          "in-person-note.*": .single, "bodywork.*": .single, "nsaids.*": .single, "date-format.*": .single])
        case .text:
            RecordSchema(["*": .single])
        case .summaryRow:
            RecordSchema(["label.*": .single, "concepts": .list, "only-stated": .list, "values": .list, "onset": .single,
                          "spoken-for": .single])
        }
    }
}

/// The keys of one kind of record: which exist, and which are single values, lists or
/// repeated lines. Validation reads this; nothing else knows a record's keys.
struct RecordSchema: Sendable {
    private let shapes: [String: KeyShape]

    /// Keys as written in `RecordKind.schema`; `*` expands to each language code.
    init(_ declared: [String: KeyShape]) {
        var shapes: [String: KeyShape] = [:]
        for (key, shape) in declared {
            if key == "*" {
                for language in Language.allCases { shapes[language.rawValue] = shape }
            } else if key.hasSuffix(".*") {
                for language in Language.allCases { shapes[key.dropLast() + language.rawValue] = shape }
            } else {
                shapes[key] = shape
            }
        }
        self.shapes = shapes
    }

    func shape(of key: String) -> KeyShape? { shapes[key] }

    var keys: [String] { shapes.keys.sorted() }

    /// Unknown keys and single keys given twice, each pointing at its line.
    func problems(in record: KnowledgeRecord) -> [KnowledgeProblem] {
        var problems: [KnowledgeProblem] = []
        var seen: Set<String> = []
        for field in record.fields {
            guard let shape = shapes[field.key] else {
                problems.append(record.problem("unknown key '\(field.key)' in \(record.kind)" + suggestion(field.key, keys),
                                               line: field.line))
                continue
            }
            if shape == .single, !seen.insert(field.key).inserted {
                problems.append(record.problem("'\(field.key)' is given twice", line: field.line))
            }
        }
        return problems
    }
}
