/// Reads the dialogue state for a summary: each finding with its state and the person's words,
/// the values and what they were before, the header rows, the transcript with its line numbers.
struct SummaryFacts {
    let state: DialogueState
    let knowledge: Knowledge
    /// Each question put, numbered in the order put (1, 2, …), and the transcript entry that put it.
    let questionNumbers: [AskedQuestion: Int]
    let questionEntries: [Int: Int]
    let followUps: FollowUps
    var language: Language { state.language }

    init(state: DialogueState, knowledge: Knowledge) {
        self.state = state
        self.knowledge = knowledge
        followUps = FollowUps(knowledge: knowledge)
        // A question's entry is the next of koshi's lines in its words (in either language, as
        // /lang may have changed them); no question is put twice in the same words.
        var numbers: [AskedQuestion: Int] = [:], entries: [Int: Int] = [:]
        var next = 0
        for question in state.asked {
            let texts = Language.allCases.map { QuestionText(knowledge: knowledge, language: $0).text(question) }
            guard let index = state.transcript[next...].firstIndex(where: { $0.role == .advisor && texts.contains($0.text) }) else { continue }
            numbers[question] = numbers.count + 1
            entries[index] = numbers.count
            next = index + 1
        }
        questionNumbers = numbers
        questionEntries = entries
    }

    /// The quote of a recorded finding: its clause (or reply), its line, the question it answered.
    func quote(_ finding: RecordedFinding) -> Summary.Quote {
        var quote = Summary.Quote(words: finding.quote.isEmpty ? finding.evidence : finding.quote, line: finding.line)
        if let question = finding.question {
            let items = question.asks.compactMap(\.concept)
            quote.questionItems = items.map(\.rawValue)
            quote.question = items.map { knowledge.label($0, language) }
            quote.questionNumber = questionNumbers[question]
        }
        return quote
    }

    func finding(_ concept: Concept) -> Summary.Finding {
        let recorded = state.findings[concept.id]
        let inGroup = recorded == nil && state.atLeastOneOf.contains { $0.contains(concept.id) }
        let findingState = state.findingState(of: concept.id)
        return Summary.Finding(id: concept.id.rawValue, label: concept.label[language], group: concept.group,
                               state: findingState, quote: recorded.map(quote), inGroupSaidYes: inGroup,
                               contextNotMet: findingState == .notAsked && !followUps.applies(.concept(concept.id), in: state))
    }

    /// Every reported finding that was said or asked about, and every red flag.
    func reportedFindings() -> [Summary.Finding] {
        knowledge.concepts.filter { concept in
            concept.group.isReported && (concept.group == .redFlag || state.findings[concept.id] != nil
                || (state.timesAsked[.concept(concept.id)] ?? 0) > 0)
        }.map(finding)
    }

    /// The history findings said (history.kb).
    func historyFindings() -> [Summary.Finding] {
        knowledge.concepts.filter { $0.group == .history && state.findings[$0.id] != nil }.map(finding)
    }

    /// Each value given, with the values given before it when it changed.
    func values() -> [Summary.Value] {
        ValueSlot.allCases.compactMap { slot in
            guard let recorded = state.values[slot] else { return nil }
            let history = state.valueHistory.filter { $0.slot == slot }
            var earlier: [Summary.Value.Earlier] = []
            for entry in history where entry.value != recorded.value && earlier.last?.value != entry.value {
                earlier.append(.init(value: entry.value, line: entry.line))
            }
            return Summary.Value(slot: slot, value: recorded.value, quote: Summary.Quote(words: recorded.evidence, line: recorded.line),
                                 earlier: earlier)
        }
    }

    /// The header rows of summary.kb that something was said for.
    func header(values: [Summary.Value]) -> [Summary.HeaderRow] {
        knowledge.summaryRows.compactMap { row in
            let rowValues = row.values.compactMap { slot in values.first { $0.slot == slot } }
            let onset = row.showsOnset ? onset(values) : nil
            let spokenFor = row.showsSpokenFor ? spokenFor() : nil
            let findings = row.concepts.compactMap { knowledge.concept($0) }.filter(\.group.isRecorded).map(finding).filter {
                $0.state == .stated || (!row.onlyStated.contains(ConceptID($0.id)) && [.denied, .unknown].contains($0.state))
            }
            guard !rowValues.isEmpty || onset != nil || !findings.isEmpty || spokenFor != nil else { return nil }
            return Summary.HeaderRow(id: row.id, label: row.label[language], spokenFor: spokenFor, values: rowValues, onset: onset,
                                     findings: findings)
        }
    }

    /// The first of the person's lines that says they write for someone else (「母のことで相談です」),
    /// read again as the session first read it: the state keeps only that it was said.
    func spokenFor() -> Summary.Quote? {
        guard state.patientIsSomeoneElse else { return nil }
        for entry in transcript() {
            guard let line = entry.line else { continue }
            if knowledge.reader.read(entry.text, context: ReadingContext(today: state.today)).speaksForSomeoneElse {
                return Summary.Quote(words: entry.text, line: line)
            }
        }
        return nil
    }

    /// Today less the duration, when the clock and the duration are both known.
    func onset(_ values: [Summary.Value]) -> Summary.Onset? {
        guard let today = state.today, let days = values.first(where: { $0.slot == .duration })?.value else { return nil }
        return Summary.Onset(date: today.adding(days: -days), daysAgo: days)
    }

    /// The transcript, the person's lines numbered as quotes count them (commands are not lines).
    func transcript() -> [Summary.Entry] {
        var line = 0
        return state.transcript.enumerated().map { index, entry in
            let counts = entry.role == .user && !entry.isCommand
            if counts { line += 1 }
            return Summary.Entry(role: entry.role, text: entry.text, isCommand: entry.isCommand, line: counts ? line : nil,
                                 question: questionEntries[index])
        }
    }

    /// The person's line numbered `number`, as typed.
    func userLine(_ number: Int) -> String? {
        transcript().first { $0.line == number }?.text
    }
}
