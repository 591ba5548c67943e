/// Binds the line to the question just asked: a yes, no or "I don't know" answers its items;
/// numbered items (「④です」, "the first and the third") name them.
struct AnswerPass: LinePass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        let findings = reading.findings.inOrder
        reading.answer = AnswerWords(line: line).answer(hasFindings: !findings.isEmpty)
        bindNumberedItems(&reading, findings: findings)
        bindAnswer(&reading, findings: findings + reading.answerFindings)
    }

    /// The grouped questions number their items, so 「④です」 or "number 2 and 4" names them.
    private func bindNumberedItems(_ reading: inout LineUnderReading, findings: [LineFinding]) {
        let items = reading.context.askedConceptList
        // "only the second one", "the first and the third": ordinals name the items, and the "one"
        // after them is no number.
        guard items.count > 1, findings.isEmpty else { return }
        let ordinals = Ordinals.read(in: reading.line)
        let numbers = ordinals.isEmpty ? reading.bareNumbers : ordinals
        guard !numbers.isEmpty, numbers.allSatisfy({ (1...items.count).contains($0.value) }) else { return }
        for mention in numbers {
            reading.answerFindings.append(LineFinding(concept: items[mention.value - 1], status: .present,
                                                      evidence: reading.line.original(mention.range)))
        }
    }

    private func bindAnswer(_ reading: inout LineUnderReading, findings: [LineFinding]) {
        let line = reading.line
        let answerWords = line.tokens.first { [.yes, .no, .unknown, .negation, .without].contains($0.role) }
            .map { line.original($0.range) } ?? ""
        let askedConcepts = reading.context.askedConceptList
        if !askedConcepts.isEmpty {
            let named = findings.filter { askedConcepts.contains($0.concept) }
            if named.isEmpty {
                let status: FindingStatus? = switch reading.answer {
                case .yes: .present
                case .no: .absent
                case .unknown: .unknown
                case nil: nil
                }
                if let status {
                    for concept in askedConcepts {
                        reading.answerFindings.append(LineFinding(concept: concept, status: status, evidence: answerWords))
                    }
                }
            } else if askedConcepts.count > 1, reading.answer != .unknown, named.contains(where: { $0.status == .present }) {
                // Naming some items of a grouped question says the others do not apply.
                let namedIDs = Set(named.map(\.concept))
                for concept in askedConcepts where !namedIDs.contains(concept) {
                    reading.answerFindings.append(LineFinding(concept: concept, status: .absent, evidence: line.original(0..<line.scalars.count)))
                }
            }
        }
        // "年齢は50歳、期間はよくわからない": an "I don't know" anywhere leaves the slots it did not fill unknown.
        if reading.answer == .unknown || line.tokens.contains(where: { $0.role == .unknown }) {
            for topic in reading.context.asked {
                if case .slot(let slot) = topic, reading.values[slot] == nil {
                    reading.values[slot] = LineValue(value: nil, evidence: answerWords)
                }
            }
        }
    }
}

/// "only the second one", "the first and the third": English ordinals, which number the items of
/// a grouped question.
enum Ordinals {
    static func read(in line: ScannedLine) -> [QuantityMention] {
        let ordinals = line.lexicon.cueWords[.ordinal]
        guard !ordinals.isEmpty else { return [] }
        var found: [QuantityMention] = []
        var start: Int?
        let scalars = line.scalars
        for i in 0...scalars.count {
            if i < scalars.count, scalars[i].isWordCharacter {
                if start == nil { start = i }
                continue
            }
            guard let wordStart = start else { continue }
            start = nil
            if i - wordStart <= 8, let value = ordinals.value(of: Array(scalars[wordStart..<i])) {
                found.append(QuantityMention(kind: .bare, value: Int(value), range: wordStart..<i))
            }
        }
        return found
    }
}
