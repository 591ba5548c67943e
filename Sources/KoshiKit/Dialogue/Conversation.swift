/// A line of the conversation: read it against the question just put, settle what the reply left
/// open (CONTRACT.md's safety rules), then ask the next question or recommend.
extension Session {
    mutating func converse(_ line: String) -> [AdvisorEvent] {
        state.lineCount += 1
        let question = state.pending
        let reading = knowledge.reader.read(line, context: state.readingContext())
        state.record(reading, line: state.lineCount, question: question)
        if reading.isUnderstood, state.complaint == nil { state.complaint = line }
        var events: [AdvisorEvent] = [.findings(summary(of: reading))]
        state.pending = nil
        guard reading.isUnderstood || question != nil || !reading.intents.isEmpty || state.recommendation != nil else {
            // Nothing understood and nothing asked. Before the first question, the screening
            // starts anyway after the hint: whatever the trouble is, the red flags are asked
            // about, not waited for. Later, a hint and the conversation stays as it was.
            events.append(.message(knowledge.text(.hintUnplaced, language)))
            guard state.asked.isEmpty, case .ask(let next)? = planner.next(state) else { return events }
            events.append(put(next))
            return events
        }
        if let question { events += settle(question, reading, line: line) }
        if let listening = listen(reading) { return events + listening }
        return events + proceed()
    }

    /// What the reply to `question` left to settle: a question back is explained and asked again;
    /// a bare yes to a group is asked "which"; open items are asked once more, and after that
    /// noted as not understood (rules.kb: not ruled out).
    private mutating func settle(_ question: AskedQuestion, _ reading: LineReading, line: String) -> [AdvisorEvent] {
        let reply = reading.reply
        let writer = QuestionText(knowledge: knowledge, language: language)
        if reply.asksBack || (reply.addressed.isEmpty && !reading.intents.isEmpty) || (reading.isQuestion && reply.addressed.isEmpty) {
            var events = reply.askedBackAbout.compactMap { writer.explanation(.concept($0)) }.map(AdvisorEvent.message)
            if !reply.asksBack { events.append(.message(intentAnswers(reading.intents, before: true) ?? knowledge.text(.hintBackToQuestion, language))) }
            state.toConfirm += reply.toConfirm.filter { !state.isAnswered(.concept($0.concept)) }
            let confirming = Set(state.toConfirm.map(\.concept))
            let open = question.asks.filter { !state.isAnswered($0) && !($0.concept.map(confirming.contains) ?? false) }
            if !open.isEmpty {
                let wording: AskedQuestion.Wording = reply.asksBack && question.wording != .plain ? .plain : .remaining
                state.reask = AskedQuestion(id: QuestionID(wording.rawValue), asks: open, wording: wording)
            }
            return events
        }
        if reply.atLeastOne {
            let items = question.asks.compactMap(\.concept)
            state.atLeastOneOf.append(items)
            // An emergency is recommended at once, and "which" asked after it for the record.
            if !items.allSatisfy(knowledge.emergencySigns.contains) {
                state.reask = AskedQuestion(id: QuestionID("which"), asks: question.asks, wording: .which)
            }
            return []
        }
        let open = question.asks.filter { !state.isAnswered($0) }
        guard !open.isEmpty, question.wording != .which, knowledge.stage(of: question) != .context else { return [] }
        if open.allSatisfy({ (state.timesAsked[$0] ?? 0) < 2 }) {
            state.reask = planner.remaining(open, state)
            return [.message(knowledge.text(reading.isUnderstood ? .hintNotedRemaining : .hintUnreadRemaining, language))]
        }
        state.markNotUnderstood(open, line: state.lineCount, evidence: line)
        // A value left unknown (the age, a pain score) is no warning sign: say only that it is noted.
        return [.message(knowledge.text(open.contains(where: \.isConcept) ? .hintNotedNotUnderstood : .answerUnread, language))]
    }

    /// Asks the next question or recommends.
    mutating func proceed() -> [AdvisorEvent] {
        guard let next = planner.next(state) else { return [.message(knowledge.text(.hintUnplaced, language))] }
        switch next {
        case .ask(let question):
            var events: [AdvisorEvent] = []
            if let given = state.recommendation {
                // What was said undoes the basis of the advice: withdraw it until the questions are answered.
                state.withdrawn = given
                state.recommendation = nil
                events.append(.message(knowledge.text(.recommendationWithdrawn, language)))
            }
            return events + [put(question)]
        case .recommend(let assessment):
            var events = recommend(assessment)
            // A yes to the emergency signs without saying which: the emergency first, then which,
            // for the record.
            if let group = state.atLeastOneOf.first, state.pending == nil {
                events.append(put(AskedQuestion(id: QuestionID("which"), asks: group.map(Topic.concept), wording: .which)))
            }
            return events
        }
    }

    /// Puts a question: it is now the one waiting for an answer.
    mutating func put(_ question: AskedQuestion) -> AdvisorEvent {
        if state.reask == question { state.reask = nil }
        if question.wording == .confirm, !state.toConfirm.isEmpty { state.toConfirm.removeFirst() }
        state.ask(question)
        return .question(id: question.id, concepts: question.asks, text: QuestionText(knowledge: knowledge, language: language).text(question))
    }

    private mutating func recommend(_ assessment: TriagePolicy.Assessment) -> [AdvisorEvent] {
        let recommendation = Advice(knowledge: knowledge).recommendation(for: assessment, state: state)
        let writer = RecommendationWriter(knowledge: knowledge, language: language)
        if let previous = state.recommendation, previous == recommendation {
            return [.message(knowledge.text(.recommendationUnchanged, language,
                                            ["disposition": writer.headline(recommendation, region: state.region)]))]
        }
        let earlier = state.recommendation ?? state.withdrawn
        // Told to act sooner or later is a change, as much as another disposition is.
        let changed = earlier.map { $0.disposition != recommendation.disposition || $0.when != recommendation.when } ?? false
        let sameDisposition = state.recommendation.map { $0.disposition == recommendation.disposition && $0.when == recommendation.when } ?? false
        state.recommendation = recommendation
        state.withdrawn = nil
        state.recommendationHistory.append((state.lineCount, recommendation))
        var text = writer.text(recommendation, state: state, changed: changed)
        if sameDisposition { text = knowledge.text(.recommendationUpdated, language) + "\n" + text }
        return [.recommendation(recommendation, text: text, changed: changed)]
    }
}

extension Knowledge {
    func stage(of question: AskedQuestion) -> QuestionStage? {
        questions.first { $0.id == question.id }?.stage
    }
}
