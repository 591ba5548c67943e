/// Reading the records of the conversation: questions, rules, intents and regions.
extension KnowledgeBuilder {
    mutating func readQuestion(_ record: KnowledgeRecord) {
        guard let stage = QuestionStage(rawValue: record.value("stage") ?? "") else {
            problems.append(record.problem("question '\(record.id)' needs a stage: " + QuestionStage.allCases.map(\.rawValue).joined(separator: ", ")))
            return
        }
        let asks = record.list("asks").map { item, _ in
            Topic(named: item)
        }
        var followUp: FollowUpCondition?
        let after = record.list("after").map { ConceptID($0.item) }, afterAll = record.list("after-all").map { ConceptID($0.item) }
        if !after.isEmpty || !afterAll.isEmpty {
            var numbers: [Int?] = []
            for key in ["from-age", "from-pain"] {
                let value = record.value(key)
                if let value, Int(value) == nil { problems.append(record.problem("'\(key)' must be a whole number")) }
                numbers.append(value.flatMap { Int($0) })
            }
            followUp = FollowUpCondition(afterAny: after, afterAll: afterAll, minimumAge: numbers[0], minimumPain: numbers[1])
        }
        questions.append(Question(id: QuestionID(record.id), asks: asks, stage: stage, text: localized(record, "text"),
                                  followUp: followUp, file: record.file, line: record.line))
    }

    mutating func readRule(_ record: KnowledgeRecord) {
        guard let disposition = Disposition(rawValue: record.value("disposition") ?? "") else {
            problems.append(record.problem("rule '\(record.id)' needs a disposition: " + Disposition.allCases.map(\.rawValue).joined(separator: ", ")))
            return
        }
        var conditions: [RuleCondition] = []
        let any = record.list("any").map { ConceptID($0.item) }
        if !any.isEmpty { conditions.append(.anyPresent(any)) }
        let unanswered = record.list("any-unanswered").map { ConceptID($0.item) }
        if !unanswered.isEmpty { conditions.append(.anyUnanswered(unanswered)) }
        let unknown = record.list("any-unknown").map { ConceptID($0.item) }
        if !unknown.isEmpty { conditions.append(.anyUnknown(unknown)) }
        let affirmed = record.list("any-affirmed").map { ConceptID($0.item) }
        if !affirmed.isEmpty { conditions.append(.anyAffirmed(affirmed)) }
        let numbered: [(String, (Int) -> RuleCondition)] = [
            ("onset-age-below", RuleCondition.onsetAgeBelow), ("onset-age-above", RuleCondition.onsetAgeAbove),
            ("duration-at-least", RuleCondition.durationAtLeast),
        ]
        for (key, make) in numbered {
            guard let field = record.fields(key).first else { continue }
            if let number = Int(field.value) { conditions.append(make(number)) } else {
                problems.append(record.problem("'\(key)' must be a whole number", line: field.line))
            }
        }
        if record.value("otherwise") == "yes" { conditions.append(.otherwise) }
        if conditions.isEmpty {
            problems.append(record.problem("rule '\(record.id)' has no condition (any, any-unanswered, any-unknown, any-affirmed, "
                                           + "onset-age-below, onset-age-above, duration-at-least, otherwise)"))
        }
        let when = Timeframe(rawValue: record.value("when") ?? "")
        if when == nil {
            problems.append(record.problem("rule '\(record.id)' needs 'when': " + Timeframe.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let requires = record.list("requires").map { item, _ -> Requirement in
            if item.hasPrefix("group:"), let group = ConceptGroup(rawValue: String(item.dropFirst(6))) { return .group(group) }
            if let slot = ValueSlot(rawValue: item) { return .slot(slot) }
            return .concept(ConceptID(item))
        }
        rules.append(TriageRule(id: RuleID(record.id), disposition: disposition, conditions: conditions,
                                alsoRequired: record.list("with").map { ConceptID($0.item) }, when: when ?? .review, requires: requires,
                                sources: record.list("source").map { SourceID($0.item) }, explanation: localized(record, "explain"),
                                file: record.file, line: record.line))
    }

    mutating func readIntent(_ record: KnowledgeRecord) {
        var answers: [Disposition: LocalizedText] = [:]
        for disposition in Disposition.allCases {
            if let text = optionalText(record, disposition.rawValue) { answers[disposition] = text }
        }
        let words = synonyms(record, prefix: "")
        let concepts = record.list("concepts").map { ConceptID($0.item) }
        if words.isEmpty, concepts.isEmpty, readsWords { problems.append(record.problem("intent '\(record.id)' has no words")) }
        var situationAnswer: (SituationID, LocalizedText)?
        if let situation = record.value("in-situation") {
            situationAnswer = (SituationID(situation), localized(record, "in-situation"))
        } else if optionalText(record, "in-situation") != nil {
            problems.append(record.problem("intent '\(record.id)' has an 'in-situation' answer but no 'in-situation' to say when"))
        }
        intents.append(Intent(id: record.id, words: words, answers: answers, beforeRecommendation: optionalText(record, "before"),
                              situationAnswer: situationAnswer, sources: record.list("source").map { SourceID($0.item) },
                              concepts: concepts, file: record.file, line: record.line))
    }

    mutating func readRegion(_ record: KnowledgeRecord) {
        guard let region = Region(rawValue: record.id.uppercased()) else {
            problems.append(record.problem("region '\(record.id)' is not one of " + Region.allCases.map(\.rawValue).joined(separator: ", ")))
            return
        }
        guard let number = record.value("emergency-number") else {
            problems.append(record.problem("region '\(record.id)' needs an 'emergency-number'"))
            return
        }
        var names: [String: LocalizedText] = [:]
        for key in ["name"] + RegionServices.serviceKeys {
            names[key] = optionalText(record, key)
        }
        regions[region] = RegionServices(region: region, emergencyNumber: number, names: names)
    }
}
