/// A conversation with koshi: the one entry point that the REPL, scripts, `koshi test` and the
/// exporter all drive. `respond(to:)` takes a line and returns the advisor's turn; the state
/// is a value, and nothing here touches a terminal or a file.
public struct Session: Sendable {
    public let knowledge: Knowledge
    public internal(set) var state: DialogueState
    let planner: QuestionPlanner

    public init(knowledge: Knowledge, language: Language, region: Region? = nil) {
        self.knowledge = knowledge
        self.state = DialogueState(language: language, region: region)
        self.planner = QuestionPlanner(knowledge: knowledge)
    }

    public var language: Language { state.language }
    public var region: Region { state.region }

    /// Sets today's date, from the driver's clock.
    public mutating func setToday(_ today: CivilDate?) {
        state.today = today
    }

    /// What koshi says before the first line.
    public mutating func opening() -> Turn {
        say(Session.opening(texts: knowledge.texts, services: knowledge.regions[region]?.placeholders(language) ?? [:], language: language))
    }

    /// The greeting, from the texts and the region's services alone (its emergency number and
    /// name), for a driver that shows it while the knowledge loads.
    public static func opening(texts: [String: LocalizedText], services: [String: String], language: Language) -> Turn {
        let disclaimer = Knowledge.text(.disclaimer, language, services, in: texts)
        return Turn(events: [.message(Knowledge.text(.greeting, language, in: texts) + "\n" + disclaimer)])
    }

    /// The advisor's reply to one line the user typed (or a script holds).
    public mutating func respond(to input: String) -> Turn {
        let (line, problems) = InputSanitizer.clean(input)
        var turn = Turn(events: problems.map { .error(knowledge.text($0, language)) })
        if let command = Self.commandWord(line) {
            state.transcript.append(TranscriptEntry(role: .user, text: line, isCommand: true))
            turn.events += self.command(command, arguments: line, &turn.effects)
            return say(turn, command: true)
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
        say(Turn(events: [event]), command: true)
    }

    /// Adds what the advisor said to the transcript; what answers a command is marked so.
    private mutating func say(_ turn: Turn, command: Bool = false) -> Turn {
        for event in turn.events {
            switch event {
            case .message(let text), .question(_, _, let text), .recommendation(_, let text, _), .error(let text):
                state.transcript.append(TranscriptEntry(role: .advisor, text: text, isCommand: command))
            case .findings:
                break
            }
        }
        return turn
    }

    func summary(of reading: LineReading) -> LineSummary {
        let reported = reading.findings.filter { knowledge.concept($0.concept)?.group.isReported ?? false }
        func concepts(_ status: FindingStatus) -> [ConceptID] { reported.filter { $0.status == status }.map(\.concept) }
        return LineSummary(present: concepts(.present), absent: concepts(.absent), unknown: concepts(.unknown),
                           values: reading.values.compactMapValues(\.value), matched: reported)
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
        case .plan:
            return [.message(RecommendationWriter(knowledge: knowledge, language: language).plan(state))]
        case .summary:
            return [.message(SummaryWriter(knowledge: knowledge).text(Summary(state: state, knowledge: knowledge, time: nil)))]
        case .export:
            let force = arguments.contains("--force") || arguments.contains("-f")
            let path = arguments.filter { $0 != "--force" && $0 != "-f" }.joined(separator: " ")
            guard !path.isEmpty else { return [.error(knowledge.text(.exportUsage, language))] }
            effects.append(.export(path: path, force: force))
            return []
        case .reset:
            let today = state.today
            state = DialogueState(language: state.language, region: state.region)
            state.today = today
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
    case plan = "/plan"
    case export = "/export"
    case reset = "/reset"
    case lang = "/lang"
    case region = "/region"
    case quit = "/quit"
    case exit = "/exit"
}
