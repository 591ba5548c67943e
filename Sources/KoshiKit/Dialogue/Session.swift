/// A conversation with koshi: the one entry point that the REPL, scripts, `koshi test` and the
/// exporter all drive. `respond(to:)` takes a line and returns the advisor's turn; the state
/// is a value, and nothing here touches a terminal or a file.
public struct Session: Sendable {
    public let knowledge: Knowledge
    public private(set) var state: DialogueState
    let planner: QuestionPlanner

    public init(knowledge: Knowledge, language: Language, region: Region? = nil) {
        self.knowledge = knowledge
        self.state = DialogueState(language: language, region: region)
        self.planner = QuestionPlanner(knowledge: knowledge)
    }

    public var language: Language { state.language }
    public var region: Region { state.region }

    /// How many unreadable answers a question gets before it is recorded as unknown.
    static let attemptsPerQuestion = 2

    /// What koshi says before the first line.
    public mutating func opening() -> Turn {
        say(Session.opening(texts: knowledge.texts, language: language))
    }

    /// The greeting, from the texts alone, for a driver that shows it while the knowledge loads.
    public static func opening(texts: [String: LocalizedText], language: Language) -> Turn {
        Turn(events: [.message(Knowledge.text(.greeting, language, in: texts) + "\n" + Knowledge.text(.disclaimer, language, in: texts))])
    }

    /// The advisor's reply to one line the user typed (or a script holds).
    public mutating func respond(to input: String) -> Turn {
        let (line, problems) = InputSanitizer.clean(input)
        var turn = Turn(events: problems.map { .error(knowledge.text($0, language)) })
        if let command = Self.commandWord(line) {
            turn.events += self.command(command, arguments: line, &turn.effects)
            return say(turn)
        }
        // A line that was only control characters is still a line: it gets its findings event.
        guard !line.isEmpty || !problems.isEmpty else { return say(turn) }
        state.transcript.append(TranscriptEntry(role: .user, text: line))
        turn.events += converse(line)
        return say(turn)
    }

    /// The reply to a line that arrived as bytes that may not be valid UTF-8.
    public mutating func respond(toBytes bytes: [UInt8]) -> Turn {
        let (text, wasValid) = InputSanitizer.decode(bytes)
        var turn = respond(to: text)
        if !wasValid { turn.events.insert(.error(knowledge.text(.inputInvalidUTF8, language)), at: 0) }
        return turn
    }

    /// A turn of the driver's own (an export's outcome), kept in the transcript like any other.
    public mutating func notice(_ event: AdvisorEvent) -> Turn {
        say(Turn(events: [event]))
    }

    /// Adds what the advisor said to the transcript.
    private mutating func say(_ turn: Turn) -> Turn {
        for event in turn.events {
            switch event {
            case .message(let text), .question(_, _, let text), .recommendation(_, let text, _), .error(let text):
                state.transcript.append(TranscriptEntry(role: .advisor, text: text))
            case .findings:
                break
            }
        }
        return turn
    }

    // MARK: Conversation

    private mutating func converse(_ line: String) -> [AdvisorEvent] {
        state.lineCount += 1
        let pending = state.pendingQuestion.flatMap { id in knowledge.questions.first { $0.id == id } }
        let reading = knowledge.reader.read(line, asked: pending?.asks ?? [])
        state.record(reading, line: state.lineCount, asked: pending?.asks ?? [])
        if reading.isUnderstood, state.complaint == nil { state.complaint = line }
        var events: [AdvisorEvent] = [.findings(summary(of: reading))]

        guard reading.isUnderstood || pending != nil else {
            // Nothing understood and nothing asked. Before the first question, the screening
            // starts anyway after the hint: whatever the trouble is, the red flags are asked
            // about, not waited for. Later, a hint and the conversation stays as it was.
            events.append(.message(knowledge.text(.hintUnplaced, language)))
            guard state.askedQuestions.isEmpty, state.recommendation == nil, case .ask(let id)? = planner.next(state) else { return events }
            events.append(ask(id))
            return events
        }
        var next = planner.next(state)
        if let pending, case .ask(pending.id)? = next {
            // The reply left the question unanswered (unreadable, or about something else), so
            // the same question would come again, word for word, as often as the reply misses.
            state.unansweredReplies += 1
            if pending.isGrouped {
                // Its items one at a time: each short question is easier to answer.
                state.setAside.insert(pending.id)
                events.append(.message(knowledge.text(reading.isUnderstood ? .answerNotedOneByOne : .answerOneByOne, language)))
            } else if state.unansweredReplies < Self.attemptsPerQuestion {
                let hint: Phrase = reading.isUnderstood ? .answerNotedAskAgain
                    : pending.asks.contains(where: \.isConcept) ? .answerYesNo : .hintUnplaced
                events.append(.message(knowledge.text(hint, language)))
                events.append(questionEvent(pending))
                return events
            } else {
                // Asked twice and still not answered: note it as unknown and go on rather than
                // ask forever. The triage rules treat such a red flag as not ruled out.
                for topic in pending.asks where !state.isAnswered(topic) {
                    switch topic {
                    case .concept(let id):
                        state.findings[id] = RecordedFinding(status: .unknown, line: state.lineCount, evidence: line, unanswered: true)
                    case .slot(let slot):
                        state.values[slot] = RecordedValue(value: nil, line: state.lineCount, evidence: line)
                    }
                }
                events.append(.message(knowledge.text(reading.isUnderstood ? .answerNotedUnknown : .answerUnread, language)))
            }
            next = planner.next(state)
        }
        state.unansweredReplies = 0
        switch next {
        case .ask(let id)?:
            if let given = state.recommendation {
                // What was said undoes the basis of the advice: withdraw it until the questions are answered.
                state.withdrawn = given
                state.recommendation = nil
                events.append(.message(knowledge.text(.recommendationWithdrawn, language)))
            }
            events.append(ask(id))
        case .recommend(let assessment)?:
            state.pendingQuestion = nil
            let recommendation = Advice(knowledge: knowledge).recommendation(for: assessment, state: state)
            if let previous = state.recommendation, previous == recommendation {
                events.append(.message(knowledge.text(.recommendationUnchanged, language,
                                                      ["disposition": knowledge.text(.init(disposition: recommendation.disposition), language)])))
            } else if let previous = state.recommendation, previous.disposition == recommendation.disposition {
                // Same disposition, new reasons or plan: say it again, as an update.
                state.recommendation = recommendation
                let text = knowledge.text(.recommendationUpdated, language) + "\n"
                    + RecommendationWriter(knowledge: knowledge, language: language).text(recommendation, state: state, changed: false)
                events.append(.recommendation(recommendation, text: text, changed: false))
            } else {
                let earlier = state.recommendation ?? state.withdrawn
                let changed = earlier.map { $0.disposition != recommendation.disposition } ?? false
                state.recommendation = recommendation
                state.withdrawn = nil
                let text = RecommendationWriter(knowledge: knowledge, language: language).text(recommendation, state: state, changed: changed)
                events.append(.recommendation(recommendation, text: text, changed: changed))
            }
        case nil:
            events.append(.message(knowledge.text(.hintUnplaced, language)))
        }
        return events
    }

    /// Asks a question: it is now the one waiting for an answer.
    private mutating func ask(_ id: Question.ID) -> AdvisorEvent {
        state.pendingQuestion = id
        state.askedQuestions.append(id)
        return questionEvent(knowledge.questions.first { $0.id == id }!)
    }

    private func questionEvent(_ question: Question) -> AdvisorEvent {
        .question(id: question.id, concepts: question.asks, text: question.text[language])
    }

    private func summary(of reading: LineReading) -> LineSummary {
        let reported = reading.findings.filter { knowledge.concept($0.concept)?.group.isReported ?? false }
        func concepts(_ status: FindingStatus) -> [ConceptID] { reported.filter { $0.status == status }.map(\.concept) }
        return LineSummary(present: concepts(.present), absent: concepts(.absent), unknown: concepts(.unknown),
                           values: reading.values.compactMapValues(\.value),
                           matched: reported)
    }

    // MARK: Commands

    /// The command a line starts with, folded (／ｈｅｌｐ from a Japanese input method is /help),
    /// or nil when the line is not a command.
    static func commandWord(_ line: String) -> String? {
        let first = line.prefix { $0 != " " && $0 != "\u{3000}" }
        let folded = Normalizer.normalize(String(first)).folded
        return folded.hasPrefix("/") ? folded : nil
    }

    private mutating func command(_ name: String, arguments line: String, _ effects: inout [TurnEffect]) -> [AdvisorEvent] {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        let arguments = Array(words.dropFirst())
        switch Command(rawValue: name) {
        case .help:
            return [.message(knowledge.text(.commandHelp, language))]
        case .why:
            return [.message(WhyWriter(knowledge: knowledge, language: language).text(state))]
        case .summary:
            return [.message(SummaryWriter(knowledge: knowledge).text(Summary(state: state, knowledge: knowledge, time: nil)))]
        case .export:
            let force = arguments.contains("--force") || arguments.contains("-f")
            let path = arguments.filter { $0 != "--force" && $0 != "-f" }.joined(separator: " ")
            guard !path.isEmpty else { return [.error(knowledge.text(.exportUsage, language))] }
            effects.append(.export(path: path, force: force))
            return []
        case .reset:
            state = DialogueState(language: state.language, region: state.region)
            return [.message(knowledge.text(.resetDone, language))]
        case .lang:
            guard arguments.count == 1, let language = Language(rawValue: arguments[0].lowercased()) else {
                return [.error(knowledge.text(.languageUsage, language))]
            }
            state.language = language
            return [.message(knowledge.text(.languageChanged, language))]
        case .region:
            guard arguments.count == 1, let region = Region(named: arguments[0]) else {
                return [.error(knowledge.text(.regionUsage, language))]
            }
            state.region = region
            return [.message(knowledge.text(.regionChanged, language, ["region": region.rawValue]))]
        case .quit, .exit:
            effects.append(.quit)
            return []
        case nil:
            let known = Command.allCases.map(\.rawValue)
            let near = nearest(name, known)
            let hint = near.map { knowledge.text(.suggestion, language, ["name": $0]) } ?? ""
            return [.error(knowledge.text(.commandUnknown, language, ["command": InputSanitizer.visible(name), "suggestion": hint]))]
        }
    }
}

/// The slash commands of a session.
public enum Command: String, CaseIterable, Sendable {
    case help = "/help"
    case why = "/why"
    case summary = "/summary"
    case export = "/export"
    case reset = "/reset"
    case lang = "/lang"
    case region = "/region"
    case quit = "/quit"
    case exit = "/exit"
}
