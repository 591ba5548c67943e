/// Binds a line to the question just asked (CONTRACT.md, safety rules): a reply answers only what
/// it addresses. Its statements answer the items they name; numbered choices name items with
/// their polarity; a blanket reply (「どれもない」, "none of those", 「ほかはない」, "only the first")
/// closes the items not named; a bare yes to a grouped question says only that one applies; a
/// question back answers nothing and asks for the items to be explained.
struct AnswerPass: LinePass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        let findings = reading.findings.inOrder
        let items = reading.context.askedConceptList
        reading.answer = AnswerWords(line: line).answer(hasFindings: !findings.isEmpty, singleItem: items.count == 1)
        if !items.isEmpty { bind(&reading, items: items, findings: findings) }
        markUnknownSlots(&reading)
    }

    private func bind(_ reading: inout LineUnderReading, items: [ConceptID], findings: [LineFinding]) {
        let line = reading.line
        let sentences = ReplySentence.split(line)
        var reply = QuestionReply()
        let questionBack = QuestionBack(line: line, items: items, concepts: line.concepts)
        var backSentences: [ReplySentence] = []
        for sentence in sentences where questionBack.isQuestionBack(sentence, reading: reading) {
            backSentences.append(sentence)
            for item in questionBack.items(askedAbout: sentence, reading: reading) where !reply.askedBackAbout.contains(item) {
                reply.askedBackAbout.append(item)
            }
        }
        reply.askedBackAbout = items.filter(reply.askedBackAbout.contains)
        var statuses: [ConceptID: LineFinding] = [:]
        var unsettled: [ConceptID] = []
        for finding in findings + reading.askedMentions where items.contains(finding.concept) {
            // A description inside a question back is to confirm, not a yes.
            if reply.asksBack, finding.status == .present {
                if !reply.toConfirm.contains(where: { $0.concept == finding.concept }) { reply.toConfirm.append(finding) }
            } else if reply.askedBackAbout.contains(finding.concept) {
                // 「③ってどういう意味ですか？右だけなんですけど」: what is said of the item asked
                // about settles nothing until it has been explained and answered.
                unsettled.append(finding.concept)
            } else if !reading.askedMentions.contains(finding) {
                statuses[finding.concept] = finding
            }
        }
        var only = saysOnly(reading, items: items)
        if items.count > 1 {
            let chooser = ChoiceReader(line: line, itemCount: items.count)
            // "both legs at once? or just one?": a question chooses nothing.
            for sentence in sentences where !sentence.endsInQuestion && !backSentences.contains(where: { $0.text == sentence.text }) {
                guard let (choices, saysOnly) = chooser.choices(in: sentence) else { continue }
                only = only || saysOnly
                for choice in choices {
                    var chosen = LineFinding(concept: items[choice.item - 1], status: choice.status, evidence: line.original(choice.range))
                    chosen.clause = replyQuote(sentences, at: choice.range.lowerBound, line)
                    // "1… what counts as numbness?": a choice of an item the line also asks about
                    // is to be confirmed, as a description inside a question back is.
                    if chosen.status == .present, reply.askedBackAbout.contains(chosen.concept) {
                        if !reply.toConfirm.contains(where: { $0.concept == chosen.concept }) { reply.toConfirm.append(chosen) }
                    } else if statuses[chosen.concept]?.status != .present {
                        // 「②かも。きのう漏らした」: a hedged or denied choice never undoes the
                        // sign the same line states plainly; the safer reading stands.
                        statuses[chosen.concept] = chosen
                    }
                }
            }
        }
        let answersSomething = backSentences.count < sentences.count
        closeUnnamed(items, &statuses, &reply, only: only, reading: reading, answersSomething: answersSomething)
        for item in items {
            guard let finding = statuses[item], !findings.contains(finding) else { continue }
            reading.answerFindings.append(finding)
        }
        reply.addressed = Set(statuses.keys)
        // What a question back describes is to be confirmed, not taken as said.
        for described in reply.toConfirm { reading.findings.remove(described.concept) }
        for concept in unsettled { reading.findings.remove(concept) }
        reading.reply = reply
    }

    /// How near an only-word stands to the item it limits, in characters: 「熱だけ」, "only the numbness".
    static let onlyReach = 16

    /// Whether an only-word says the items named are the only ones: it stands next to a stated
    /// item of the question (「熱だけあります」), not inside some other phrase ("only a dribble
    /// comes out" closes nothing).
    private func saysOnly(_ reading: LineUnderReading, items: [ConceptID]) -> Bool {
        let named = reading.findings.inOrderWithPositions
            .filter { items.contains($0.finding.concept) && $0.finding.status == .present }.map(\.position)
        return reading.line.tokens.contains { token in
            token.role == .only && named.contains { abs($0 - token.range.lowerBound) <= Self.onlyReach }
        }
    }

    /// What the reply says of the items it does not name: a blanket no, "only these", "the rest
    /// no", or a bare answer to the question as a whole.
    private func closeUnnamed(_ items: [ConceptID], _ statuses: inout [ConceptID: LineFinding], _ reply: inout QuestionReply,
                              only: Bool, reading: LineUnderReading, answersSomething: Bool) {
        let line = reading.line
        let confirming = Set(reply.toConfirm.map(\.concept))
        let unnamed = items.filter { statuses[$0] == nil && !reply.askedBackAbout.contains($0) && !confirming.contains($0) }
        guard !unnamed.isEmpty, answersSomething else { return }
        let word = line.tokens.first { [.yes, .no, .unknown, .negation, .without, .allItems, .otherItems, .only].contains($0.role) }
        let words = word.map { line.original($0.range) } ?? ""
        let named = statuses.values.contains { $0.status == .present }
        let blanket = Blanket(line: line)
        var status: FindingStatus?
        if only && named {
            status = .absent
        } else if let said = blanket.status() {
            status = said
        } else if statuses.isEmpty {
            // A bare answer is about the question as a whole; beside named items ("no to 1 and 2",
            // "no, but I have a fever") it is about those, and the rest stay open.
            switch reading.answer {
            case .no: status = .absent
            case .unknown: status = .unknown
            case .yes where items.count == 1: status = .present
            case .yes: reply.atLeastOne = !named
            case nil: break
            }
        }
        guard let status, !reply.asksBack || status != .present else { return }
        // The quote is the sentence that answers for the unnamed items: 「ほかもない」 rather than
        // the 「しびれはないです」 before it.
        let priorities: [[CueRole]] = [[.allItems, .otherItems, .only], [.yes, .no, .unknown], [.negation, .without]]
        let answering = priorities.lazy.compactMap { roles in line.tokens.first { $0.role.map(roles.contains) ?? false } }.first
        let quoted = replyQuote(ReplySentence.split(line), at: answering?.range.lowerBound, line)
        for item in unnamed {
            statuses[item] = LineFinding(concept: item, status: status, evidence: words)
            statuses[item]?.clause = quoted
        }
    }

    /// The reply a summary quotes for an answer: the sentence that holds the answer's words at
    /// `position`, or the whole line when it has no such words.
    private func replyQuote(_ sentences: [ReplySentence], at position: Int?, _ line: ScannedLine) -> String {
        let whole = 0..<line.scalars.count
        let sentence = position.flatMap { p in sentences.first { $0.text.contains(p) } }?.text ?? whole
        var start = sentence.lowerBound, end = sentence.upperBound
        while start < end, line.scalars[start].isClauseEdge { start += 1 }
        while end > start, line.scalars[end - 1].isClauseEdge { end -= 1 }
        return start < end ? line.quote(start..<end, around: (position ?? start)..<(position ?? start)) : ""
    }

    /// "年齢は50歳、期間はよくわからない": an "I don't know" anywhere leaves the slots it did not fill unknown.
    private func markUnknownSlots(_ reading: inout LineUnderReading) {
        let line = reading.line
        guard reading.answer == .unknown || line.tokens.contains(where: { $0.role == .unknown }) else { return }
        let words = line.tokens.first { [.yes, .no, .unknown, .negation].contains($0.role) }.map { line.original($0.range) } ?? ""
        for topic in reading.context.asked {
            if case .slot(let slot) = topic, reading.values[slot] == nil {
                reading.values[slot] = LineValue(value: nil, evidence: words)
            }
        }
    }
}
