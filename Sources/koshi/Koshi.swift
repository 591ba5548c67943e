import ArgumentParser
import KoshiKit

/// `koshi`: the chat, with `test` and `kb` as subcommands.
struct Koshi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "koshi",
        abstract: "A terminal advisor for low back pain (腰痛), in Japanese or English.",
        discussion: """
            Describe your back pain as you would to a clinician; koshi asks what it needs, screens \
            for warning signs, and recommends self-care with a plan or an in-person visit, saying why. \
            koshi does not diagnose. Nothing leaves your machine.

            With a terminal, koshi is an interactive chat (type /help inside). Without one, or with \
            --script, it reads one line per turn. --format jsonl writes one JSON event per line.
            """,
        version: "koshi 0.1.0",
        subcommands: [TestCommand.self, KnowledgeCommand.self]
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("What the advisor writes: readable text or one JSON event a line.", valueName: "text|jsonl"))
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Read the user's lines from FILE ('-' for stdin); '#' lines are comments.", valueName: "FILE"))
    var script: String?

    @Option(name: .long, help: ArgumentHelp("When the session ends, write its summary to FILE (.md or .json).", valueName: "FILE"))
    var export: String?

    @Flag(name: .long, help: "Let --export replace an existing file.")
    var force = false

    @Flag(name: .customLong("no-history"), help: "Keep no line history on disk.")
    var noHistory = false

    @Option(name: .long, help: ArgumentHelp("Fix the time written in summaries (ISO 8601, UTC), for tests.", visibility: .hidden))
    var now: String?

    mutating func validate() throws {
        if let now, Timestamp(iso8601: now) == nil {
            throw ValidationError("--now must look like 2026-01-31T09:00:00Z")
        }
        if let export {
            if let problem = SummaryFile.formatProblem(export) { throw ValidationError("--export \(export): \(problem)") }
            if let problem = SummaryFile.writabilityProblem(export, force: force) { throw ValidationError("--export \(export): \(problem)") }
        }
    }

    func run() throws {
        let knowledge = try common.loadKnowledge()
        let language = common.language
        let clock: @Sendable () -> Timestamp = { [now] in
            now.flatMap(Timestamp.init(iso8601:)) ?? Terminal.currentTime()
        }
        var driver = ChatDriver(session: Session(knowledge: knowledge, language: language), format: format,
                                exportAtEnd: export.map { ($0, force) }, clock: clock)
        let status: Int32
        if let script {
            guard let reader = script == "-" ? PlainLineReader.standardInput() : PlainLineReader(path: script) else {
                throw CommandFailure(message: "cannot read script '\(script)': \(Terminal.lastErrorDescription())")
            }
            var source = reader
            status = driver.run(&source, interactive: false)
        } else if format == .text, Terminal.isInteractive, let editor = LineEditor(history: noHistory ? nil : LineEditor.defaultHistoryPath()) {
            var source = editor
            driver.style = Terminal.wantsColour ? .colour : .plain
            driver.width = Terminal.columns
            status = driver.run(&source, interactive: true)
        } else {
            var source = PlainLineReader.standardInput()
            status = driver.run(&source, interactive: false)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Options shared by the chat and `koshi test`.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Language of the advisor's replies (default: from LC_ALL, LC_MESSAGES, LANG).", valueName: "ja|en"))
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("Use the knowledge base in DIR instead of the built-in one.", valueName: "DIR"))
    var knowledge: String?

    var language: Language { lang ?? Language.fromLocale(Terminal.environment) }

    func loadKnowledge() throws -> Knowledge {
        try KnowledgeLocation.load(directory: knowledge)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case jsonl
}

extension Language: ExpressibleByArgument {}
