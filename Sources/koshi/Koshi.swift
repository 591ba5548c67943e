import ArgumentParser
import KoshiKit
import KoshiKnowledge

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

    /// The chat these options ask for.
    var chat: Chat {
        Chat(lang: common.lang, knowledge: common.knowledge, format: format, script: script, export: export, force: force,
             noHistory: noHistory, now: now)
    }

    mutating func validate() throws {
        if let problem = chat.problem { throw ValidationError(problem) }
    }

    func run() throws {
        try chat.run()
    }
}

/// Options shared by the chat and `koshi test`.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Language of the advisor's replies (default: from LC_ALL, LC_MESSAGES, LANG).", valueName: "ja|en"))
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("Use the knowledge base in DIR instead of the built-in one.", valueName: "DIR"))
    var knowledge: String?

    var language: Language { lang ?? Language.fromLocale(Terminal.variable) }

    func loadKnowledge() throws -> Knowledge {
        try KnowledgeLocation.load(directory: knowledge)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case jsonl
}

extension Language: ExpressibleByArgument {}
