/// Turns parsed records into knowledge values, collecting every structural problem: unknown
/// kinds and keys, missing texts, bad values, and references to ids that do not exist.
struct KnowledgeBuilder {
    var problems: [KnowledgeProblem] = []
    var version: String?
    var concepts: [Concept] = []
    var cues: [Cue] = []
    var inflections: [Inflection] = []
    var questions: [Question] = []
    var rules: [TriageRule] = []
    var advice: [AdviceItem] = []
    var situations: [Situation] = []
    /// What each concept the advice helps says of the person, for an item's `why` (`[because ID]`).
    var becauses: [ConceptID: LocalizedText] = [:]
    var referrals: [Referral] = []
    var sources: [Source] = []
    var texts: [String: LocalizedText] = [:]
    var intents: [Intent] = []
    var regions: [Region: RegionServices] = [:]
    var summaryRows: [SummaryRow] = []
    /// Whether to read synonyms, cue words and examples; not when the lexicon was compiled before.
    var readsWords = true

    mutating func read(_ files: [KnowledgeFile]) {
        var records: [KnowledgeRecord] = []
        for file in files {
            let parsed = KnowledgeParser.parse(file, skipsWords: !readsWords)
            records += parsed.records
            problems += parsed.problems
        }
        if files.isEmpty {
            problems.append(KnowledgeProblem(file: "(knowledge)", line: 0, message: "no .kb files found"))
            return
        }
        var seen: [String: KnowledgeRecord] = [:]
        for record in records {
            guard let kind = RecordKind(rawValue: record.kind) else {
                problems.append(record.problem("unknown record kind '\(record.kind)'" + suggestion(record.kind, RecordKind.allCases.map(\.rawValue))))
                continue
            }
            let identity = "\(record.kind) \(record.id)"
            if let earlier = seen[identity] {
                problems.append(record.problem("\(record.kind) '\(record.id)' is defined twice (first at \(earlier.file):\(earlier.line))"))
                continue
            }
            seen[identity] = record
            problems += kind.schema.problems(in: record)
            switch kind {
            case .knowledge: version = record.value("version")
            case .source: readSource(record)
            case .concept: readConcept(record)
            case .cue: readCue(record)
            case .inflection: readInflection(record)
            case .question: readQuestion(record)
            case .rule: readRule(record)
            case .advice: readAdvice(record)
            case .situation: readSituation(record)
            case .because: becauses[ConceptID(record.id)] = localized(record, "")
            case .referral: readReferral(record)
            case .intent: readIntent(record)
            case .region: readRegion(record)
            case .text: readText(record)
            case .summaryRow: readSummaryRow(record)
            }
        }
        if version == nil {
            problems.append(KnowledgeProblem(file: files.first?.name ?? "(knowledge)", line: 1,
                                             message: "the knowledge base has no '[knowledge]' record with a version"))
        }
        checkReferences(records)
        checkAdviceReferences(records)
        for phrase in Phrase.allCases where texts[phrase.rawValue] == nil {
            problems.append(KnowledgeProblem(file: files.first { $0.name.hasSuffix("texts.kb") }?.name ?? files[0].name, line: 1,
                                             message: "text '\(phrase.rawValue)' that koshi needs is missing"))
        }
    }

    // MARK: Records

    mutating func localized(_ record: KnowledgeRecord, _ key: String, required: Bool = true) -> LocalizedText {
        let prefix = key.isEmpty ? "" : key + "."
        let ja = record.value(prefix + "ja"), en = record.value(prefix + "en")
        if required {
            for (language, value) in [("ja", ja), ("en", en)] where value?.isEmpty ?? true {
                let name = prefix + language
                problems.append(record.problem("\(record.kind) '\(record.id)' has no \(name) text" +
                                               (ja == nil && en == nil ? "" : " (the other language has one)")))
                _ = name
            }
        }
        return LocalizedText(ja: ja ?? en ?? "", en: en ?? ja ?? "")
    }

    private mutating func readSource(_ record: KnowledgeRecord) {
        guard let kind = Source.Kind(rawValue: record.value("kind") ?? "") else {
            problems.append(record.problem("source '\(record.id)' needs 'kind: article' or 'kind: guideline'"))
            return
        }
        if kind == .article, record.value("section") == nil {
            problems.append(record.problem("article source '\(record.id)' needs a 'section'"))
        }
        let shortTitle = record.value("cite.ja") == nil && record.value("cite.en") == nil ? nil : localized(record, "cite")
        sources.append(Source(id: SourceID(record.id), kind: kind, title: localized(record, "title"), shortTitle: shortTitle,
                              section: record.value("section"), file: record.file, line: record.line))
    }

    private mutating func readConcept(_ record: KnowledgeRecord) {
        guard let group = ConceptGroup(rawValue: record.value("group") ?? "") else {
            problems.append(record.problem("concept '\(record.id)' needs a group: " + ConceptGroup.allCases.map(\.rawValue).joined(separator: ", ")))
            return
        }
        let label = localized(record, "label", required: group.isRecorded)
        var examples: [ConceptExample] = []
        for language in Language.allCases where readsWords {
            for (key, expectation) in [("example", ConceptExample.Expectation.present), ("negated", .absent), ("counter", .notPresent)] {
                for field in record.fields("\(key).\(language.rawValue)") {
                    examples.append(ConceptExample(sentence: field.value, language: language, expectation: expectation, line: field.line))
                }
            }
        }
        let combinations = record.fields("combine").map { field in
            field.value.split(separator: "+").map { ConceptID(String($0).trimmed) }
        }
        let spanning = record.fields("combine-across-clauses").map { field in
            field.value.split(separator: "+").map { ConceptID(String($0).trimmed) }
        }
        let keeping = record.fields("combine-keeping").map { field in
            field.value.split(separator: "+").map { ConceptID(String($0).trimmed) }
        }
        let ofFindings = record.fields("combine-findings").map { field in
            field.value.split(separator: "+").map { ConceptID(String($0).trimmed) }
        }
        concepts.append(Concept(id: ConceptID(record.id), group: group, label: label,
                                synonyms: synonyms(record, prefix: ""), absentSynonyms: synonyms(record, prefix: "absent."),
                                combinations: combinations, combinationsKeepingParts: keeping, combinationsAcrossClauses: spanning, combinationsOfFindings: ofFindings, implies: record.list("implies").map { ConceptID($0.item) },
                                examples: examples, file: record.file, line: record.line,
                                marksOnset: record.value("marks-onset") == "yes",
                                ownsDurations: record.value("owns-durations") == "yes",
                                lasting: record.value("lasting") == "yes",
                                scale: record.value("scale").flatMap(ValueSlot.init(rawValue:)),
                                item: optionalText(record, "item"), explanation: optionalText(record, "explain"),
                                reask: optionalText(record, "reask"),
                                fineDenies: record.list("fine-denies").map { ConceptID($0.item) },
                                fineOneSide: record.list("fine-one-side").map { ConceptID($0.item) }))
        concepts[concepts.count - 1].bothSidesOf = record.list("both-sides-of").map { ConceptID($0.item) }
        concepts[concepts.count - 1].whenPast = record.value("when-past").map(ConceptID.init)
        concepts[concepts.count - 1].deniedByNever = record.value("denied-by-never") == "yes"
        concepts[concepts.count - 1].partAfter = record.value("part-after") == "yes"
        if let text = record.value("temperature-from") {
            if let threshold = Double(text), (30...45).contains(threshold) { concepts[concepts.count - 1].temperatureFrom = threshold } else {
                problems.append(record.problem("'temperature-from' must be a body temperature in °C", line: record.fields("temperature-from").first?.line))
            }
        }
        if let scale = record.value("scale"), ValueSlot(rawValue: scale) == nil {
            problems.append(record.problem("'scale' must be a value slot: " + ValueSlot.allCases.map(\.rawValue).joined(separator: ", "),
                                           line: record.fields("scale").first?.line))
        }
    }

    /// A text in both languages when the record gives one (and a problem when it gives only one).
    mutating func optionalText(_ record: KnowledgeRecord, _ key: String) -> LocalizedText? {
        guard record.value(key + ".ja") != nil || record.value(key + ".en") != nil else { return nil }
        return localized(record, key)
    }

    func synonyms(_ record: KnowledgeRecord, prefix: String) -> [Synonym] {
        guard readsWords else { return [] }
        return Language.allCases.flatMap { language in
            record.list(prefix + language.rawValue).map { item, line in
                let isStem = item.hasSuffix("*")
                return Synonym(text: isStem ? String(item.dropLast()) : item, language: language, isStem: isStem,
                               file: record.file, line: line)
            }
        }
    }

    private mutating func readCue(_ record: KnowledgeRecord) {
        guard let role = CueRole(rawValue: record.value("role") ?? "") else {
            problems.append(record.problem("cue '\(record.id)' needs a role: " + CueRole.allCases.map(\.rawValue).joined(separator: ", ")))
            return
        }
        var words = synonyms(record, prefix: "")
        for field in record.fields("chars") where readsWords {
            for char in field.value.split(separator: " ") {
                words.append(Synonym(text: String(char), language: .ja, isStem: false, isCharacter: true, file: record.file, line: field.line))
            }
        }
        if words.isEmpty && readsWords { problems.append(record.problem("cue '\(record.id)' has no words")) }
        var value = 0.0
        if let text = record.value("value") {
            if let number = Double(text), number.isFinite { value = number } else {
                problems.append(record.problem("'value' must be a number", line: record.fields("value").first?.line))
            }
        }
        let after = record.list("after").map(\.item)
        if after.contains(where: { $0.count != 1 }) { problems.append(record.problem("'after' lists single kana")) }
        cues.append(Cue(id: record.id, role: role, words: words, value: value, after: after, file: record.file, line: record.line))
    }

    private mutating func readInflection(_ record: KnowledgeRecord) {
        let endings = record.list("replace").map(\.item), replacements = record.list("with").map(\.item)
        if endings.isEmpty || replacements.isEmpty {
            problems.append(record.problem("inflection '\(record.id)' needs 'replace' and 'with'"))
        }
        var shift: [Character: Character] = [:]
        for (pair, line) in record.list("shift") {
            let sides = pair.split(separator: ">").map { $0.trimmed }
            guard sides.count == 2, sides[0].count == 1, sides[1].count == 1 else {
                problems.append(record.problem("a shift is 'a>b', one kana each side", line: line))
                continue
            }
            shift[Character(sides[0])] = Character(sides[1])
        }
        let after = record.list("after").map(\.item)
        if after.contains(where: { $0.count != 1 }) { problems.append(record.problem("'after' lists single kana")) }
        inflections.append(Inflection(id: record.id, endings: endings, replacements: replacements,
                                      after: after.isEmpty ? nil : Set(after.compactMap(\.first)), shift: shift,
                                      file: record.file, line: record.line))
    }

    private mutating func readText(_ record: KnowledgeRecord) {
        texts[record.id] = localized(record, "")
    }

    // MARK: References

    /// Every id a record names must exist; each problem points at the line that names it.
    private mutating func checkReferences(_ records: [KnowledgeRecord]) {
        let conceptIDs = Set(concepts.map(\.id.rawValue))
        let sourceIDs = Set(sources.map(\.id.rawValue))
        func check(_ record: KnowledgeRecord, _ items: [(item: String, line: Int)], _ kind: String, _ known: Set<String>,
                   allowing extra: Set<String> = []) {
            for (id, line) in items where !known.contains(id) && !extra.contains(id) {
                problems.append(record.problem("unknown \(kind) '\(id)'" + suggestion(id, Array(known)), line: line))
            }
        }
        let slots = Set(ValueSlot.allCases.map(\.rawValue))
        for record in records {
            switch record.kind {
            case "concept":
                // `combine: massage` alone is allowed: any stated mention of that building block
                // names the concept (history.kb's hands-on treatment); the others take two.
                let fields = record.fields("combine").map { ($0, 1) }
                    + (record.fields("combine-keeping") + record.fields("combine-across-clauses") + record.fields("combine-findings")).map { ($0, 2) }
                for (field, least) in fields {
                    let parts = field.value.split(separator: "+").map { String($0).trimmed }
                    if parts.count < least || parts.contains(where: \.isEmpty) {
                        problems.append(record.problem("a combination needs two or more concepts joined by '+'", line: field.line))
                    }
                    check(record, parts.filter { !$0.isEmpty }.map { ($0, field.line) }, "concept", conceptIDs)
                }
                check(record, record.list("implies") + record.fields("when-past").map { ($0.value, $0.line) }, "concept", conceptIDs)
                check(record, record.list("fine-denies") + record.list("fine-one-side") + record.list("both-sides-of"), "concept", conceptIDs)
            case "question":
                if record.list("asks").isEmpty {
                    problems.append(record.problem("question '\(record.id)' asks nothing and can never be asked"))
                }
                check(record, record.list("asks"), "concept", conceptIDs, allowing: slots)
                check(record, record.list("after") + record.list("after-all"), "concept", conceptIDs)
            case "intent":
                check(record, record.list("concepts"), "concept", conceptIDs)
            case "rule":
                check(record, record.list("any"), "concept", conceptIDs)
                check(record, record.list("any-unanswered"), "concept", conceptIDs)
                check(record, record.list("any-unknown"), "concept", conceptIDs)
                check(record, record.list("any-affirmed"), "concept", conceptIDs)
                check(record, record.list("with"), "concept", conceptIDs)
                let requirements = record.list("requires").filter { !$0.item.hasPrefix("group:") }
                check(record, requirements, "concept", conceptIDs, allowing: slots)
                for (item, line) in record.list("requires") where item.hasPrefix("group:")
                    && ConceptGroup(rawValue: String(item.dropFirst(6))) == nil {
                    problems.append(record.problem("unknown group '\(item.dropFirst(6))'", line: line))
                }
                if record.list("source").isEmpty { problems.append(record.problem("rule '\(record.id)' has no source")) }
                check(record, record.list("source"), "source", sourceIDs)
            default:
                break
            }
        }
    }
}

/// " (did you mean 'x'?)" for the known name closest to a misspelt one, or "".
func suggestion(_ name: String, _ known: [String]) -> String {
    nearest(name, known).map { " (did you mean '\($0)'?)" } ?? ""
}

/// The known name closest to a misspelt one, within a third of its length.
func nearest(_ name: String, _ known: [String]) -> String? {
    let target = Array(name.unicodeScalars.map(\.value))
    var best: (String, Int)?
    for candidate in known {
        let limit = max(2, target.count / 3)
        let distance = SpellingCorrector.distance(target, Array(candidate.unicodeScalars.map(\.value)), limit: limit)
        if distance <= limit, best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    return best?.0
}
