/// Reading the records of the plan: advice items, the situations they are fitted to, what each
/// concept says of the person (`because`), and where doctor-soon sends people (`referral`).
extension KnowledgeBuilder {
    mutating func readAdvice(_ record: KnowledgeRecord) {
        let helps = record.list("helps").map(\.item)
        var dispositions: Set<Disposition> = []
        for (item, line) in record.list("for") {
            if let d = Disposition(rawValue: item) { dispositions.insert(d) } else {
                problems.append(record.problem("'\(item)' is not a disposition", line: line))
            }
        }
        if helps.isEmpty { problems.append(record.problem("advice '\(record.id)' helps nothing: give 'helps' (concept ids or 'all')")) }
        let evidence = AdviceItem.Evidence(rawValue: record.value("evidence") ?? "")
        if evidence == nil {
            problems.append(record.problem("advice '\(record.id)' needs 'evidence: guideline' or 'evidence: article'",
                                           line: record.fields("evidence").first?.line))
        }
        let concepts = helps.filter { $0 != "all" }.map(ConceptID.init)
        advice.append(AdviceItem(id: AdviceID(record.id), title: localized(record, "title"), text: localized(record, "text"),
                                 helps: Set(concepts), helpsInOrder: concepts, dispositions: dispositions,
                                 sources: record.list("source").map { SourceID($0.item) }, evidence: evidence ?? .article,
                                 whenAny: record.list("when-any").map { ConceptID($0.item) },
                                 unlessAny: record.list("unless-any").map { ConceptID($0.item) },
                                 situations: record.list("situation").map { SituationID($0.item) },
                                 unlessSituations: record.list("unless-situation").map { SituationID($0.item) },
                                 why: optionalText(record, "why"), file: record.file, line: record.line))
    }

    mutating func readSituation(_ record: KnowledgeRecord) {
        var numbers: [String: Int] = [:]
        for key in ["recent-days", "pain-at-least", "duration-at-most", "age-at-least"] {
            guard let field = record.fields(key).first else { continue }
            if let number = Int(field.value), number >= 0 { numbers[key] = number } else {
                problems.append(record.problem("'\(key)' must be a whole number", line: field.line))
            }
        }
        let any = record.list("any").map { ConceptID($0.item) }
        if any.isEmpty && numbers.filter({ $0.key != "recent-days" }).isEmpty {
            problems.append(record.problem("situation '\(record.id)' has no condition (any, pain-at-least, duration-at-most, age-at-least)"))
        }
        if numbers["recent-days"] != nil, any.isEmpty {
            problems.append(record.problem("'recent-days' limits 'any', which situation '\(record.id)' does not give",
                                           line: record.fields("recent-days").first?.line))
        }
        situations.append(Situation(id: SituationID(record.id), label: localized(record, "label"), why: localized(record, "why"),
                                    anyPresent: any, recentDays: numbers["recent-days"], painAtLeast: numbers["pain-at-least"],
                                    durationAtMost: numbers["duration-at-most"], ageAtLeast: numbers["age-at-least"],
                                    file: record.file, line: record.line))
    }

    mutating func readReferral(_ record: KnowledgeRecord) {
        let service = record.value("to") ?? ""
        if !RegionServices.serviceKeys.contains(service) {
            problems.append(record.problem("referral '\(record.id)' needs 'to', one of the region's services: "
                                           + RegionServices.serviceKeys.joined(separator: ", ") + suggestion(service, RegionServices.serviceKeys),
                                           line: record.fields("to").first?.line))
        }
        if record.list("any").isEmpty { problems.append(record.problem("referral '\(record.id)' has no 'any'")) }
        referrals.append(Referral(id: record.id, anyPresent: record.list("any").map { ConceptID($0.item) },
                                  unlessAny: record.list("unless-any").map { ConceptID($0.item) }, service: service,
                                  file: record.file, line: record.line))
    }

    /// Every id the plan's records name must exist, and no item may be given without a reason
    /// the person can recognise: each concept an item helps says why (`[because ID]`), unless
    /// the item gives its own `why`.
    mutating func checkAdviceReferences(_ records: [KnowledgeRecord]) {
        let conceptIDs = Set(concepts.map(\.id.rawValue)), sourceIDs = Set(sources.map(\.id.rawValue))
        let situationIDs = Set(situations.map(\.id.rawValue))
        func check(_ record: KnowledgeRecord, _ items: [(item: String, line: Int)], _ kind: String, _ known: Set<String>,
                   allowing extra: Set<String> = []) {
            for (id, line) in items where !known.contains(id) && !extra.contains(id) {
                problems.append(record.problem("unknown \(kind) '\(id)'" + suggestion(id, Array(known)), line: line))
            }
        }
        for record in records {
            switch record.kind {
            case "advice":
                if record.list("source").isEmpty { problems.append(record.problem("advice '\(record.id)' has no source")) }
                check(record, record.list("source"), "source", sourceIDs)
                check(record, record.list("helps"), "concept", conceptIDs, allowing: ["all"])
                check(record, record.list("when-any") + record.list("unless-any"), "concept", conceptIDs)
                check(record, record.list("situation") + record.list("unless-situation"), "situation", situationIDs)
                guard record.value("why.ja") == nil && record.value("why.en") == nil else { continue }
                for (id, line) in record.list("helps") where id != "all" && conceptIDs.contains(id) && becauses[ConceptID(id)] == nil {
                    problems.append(record.problem("advice '\(record.id)' helps '\(id)', which has no '[because \(id)]' to say why, "
                                                   + "and the item has no 'why'", line: line))
                }
            case "intent":
                check(record, record.list("source"), "source", sourceIDs)
                check(record, record.list("in-situation"), "situation", situationIDs)
            case "situation", "referral":
                check(record, record.list("any") + record.list("unless-any"), "concept", conceptIDs)
            case "because":
                check(record, [(record.id, record.line)], "concept", conceptIDs)
            default:
                break
            }
        }
    }
}
