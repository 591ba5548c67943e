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

    // The chat's options: each declared from its entry in ChatOption's table, as text, and read
    // into a Chat by that table in `validate`, as `Chat.quickParse` reads them.
    @Option(name: .customLong(ChatOption.lang.name), help: ChatOption.lang.argumentHelp, completion: ChatOption.lang.completionKind)
    var lang: String?

    @Option(name: .customLong(ChatOption.region.name), help: ChatOption.region.argumentHelp, completion: ChatOption.region.completionKind)
    var region: String?

    @Option(name: .customLong(ChatOption.knowledge.name), help: ChatOption.knowledge.argumentHelp,
            completion: ChatOption.knowledge.completionKind)
    var knowledge: String?

    @Option(name: .customLong(ChatOption.format.name), help: ChatOption.format.argumentHelp, completion: ChatOption.format.completionKind)
    var format: String?

    @Option(name: .customLong(ChatOption.script.name), help: ChatOption.script.argumentHelp, completion: ChatOption.script.completionKind)
    var script: String?

    @Option(name: .customLong(ChatOption.export.name), help: ChatOption.export.argumentHelp, completion: ChatOption.export.completionKind)
    var export: String?

    @Flag(name: .customLong(ChatOption.force.name), help: ChatOption.force.argumentHelp)
    var force = false

    @Flag(name: .customLong(ChatOption.noHistory.name), help: ChatOption.noHistory.argumentHelp)
    var noHistory = false

    @Option(name: .customLong(ChatOption.now.name), help: ChatOption.now.argumentHelp)
    var now: String?

    /// What each option of the table was given, in the table's order; a flag given is `""`.
    var given: [(option: ChatOption, value: String)] {
        let values: [String: String?] = [
            ChatOption.lang.name: lang, ChatOption.region.name: region, ChatOption.knowledge.name: knowledge, ChatOption.format.name: format,
            ChatOption.script.name: script, ChatOption.export.name: export, ChatOption.force.name: force ? "" : nil,
            ChatOption.noHistory.name: noHistory ? "" : nil, ChatOption.now.name: now,
        ]
        return ChatOption.all.compactMap { option in (values[option.name] ?? nil).map { (option, $0) } }
    }

    /// The chat these options ask for.
    var chat: Chat {
        get throws(ChatProblem) { try Chat.reading(given).get() }
    }

    mutating func validate() throws {
        do {
            _ = try chat
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        try chat.run()
    }
}

extension ChatOption {
    /// The option's help as ArgumentParser shows it.
    var argumentHelp: ArgumentHelp {
        ArgumentHelp(help, valueName: valueName, visibility: isHidden ? .hidden : .default)
    }

    /// What the shells' completion scripts offer for the value.
    var completionKind: CompletionKind? {
        switch completion {
        case .none: nil
        case .choices(let choices): .list(choices)
        case .file(let extensions): .file(extensions: extensions)
        case .directory: .directory
        }
    }
}

enum OutputFormat: String, CaseIterable {
    case text
    case jsonl
}


extension Language: ExpressibleByArgument {}
