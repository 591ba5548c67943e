import KoshiKit

/// One option of the chat: its name, whether it takes a value, how that value is read into a
/// `Chat`, and its help. `ChatOption.all` is the one table of the chat's options: `Chat.quickParse`
/// reads the command line by it without ArgumentParser (for start-up speed), and `Koshi` declares
/// each option to ArgumentParser with this help, value name and completion, and reads the values
/// it collects through the same `read`. Adding an option is adding an entry here, the property
/// that declares it in `Koshi`, and the field of `Chat` it sets; `ChatOptionTableTests` checks
/// that the two readings agree.
struct ChatOption: Sendable {
    /// The long name without its dashes: `lang` for `--lang`.
    let name: String
    /// How help shows the value (`ja|en`, `FILE`), or nil for a flag, which takes no value.
    let valueName: String?
    let help: String
    /// What shells offer for the value in completion.
    var completion: Completion = .none
    /// Options for tests, left out of help.
    var isHidden = false
    /// Puts the value (`""` for a flag) into the chat, or says in one line why it cannot.
    let read: @Sendable (_ value: String, _ chat: inout Chat) -> String?

    enum Completion: Sendable {
        case none
        case choices([String])
        case file(extensions: [String])
        case directory
    }

    var flag: String { "--" + name }
    var takesValue: Bool { valueName != nil }

    /// What `--name` followed by a value that is not one of `choices` is told.
    static func choose(_ name: String, _ choices: [String], _ value: String) -> String {
        "--\(name) \(value): choose one of \(choices.joined(separator: ", "))"
    }
}

extension ChatOption {
    static let lang = ChatOption(
        name: "lang", valueName: "ja|en",
        help: "Language of the advisor's replies (default: from LC_ALL, LC_MESSAGES, LANG).",
        completion: .choices(Language.allCases.map(\.rawValue))
    ) { value, chat in
        guard let language = Language(rawValue: value) else { return choose("lang", Language.allCases.map(\.rawValue), value) }
        chat.lang = language
        return nil
    }

    static let knowledge = ChatOption(
        name: "knowledge", valueName: "DIR", help: "Use the knowledge base in DIR instead of the built-in one.",
        completion: .directory
    ) { value, chat in
        chat.knowledge = value
        return nil
    }

    static let region = ChatOption(
        name: "region", valueName: "JP|GB|US|AU|INTL",
        help: "Where you are, for the emergency numbers and services named (default: from the territory of LC_ALL, "
            + "LC_MESSAGES, LANG; otherwise JP for Japanese replies, INTL for English).",
        completion: .choices(Region.allCases.map(\.rawValue))
    ) { value, chat in
        guard let region = Region(named: value) else { return choose("region", Region.allCases.map(\.rawValue), value) }
        chat.region = region
        return nil
    }

    static let format = ChatOption(
        name: "format", valueName: "text|jsonl", help: "What the advisor writes: readable text (the default) or one JSON event a line.",
        completion: .choices(OutputFormat.allCases.map(\.rawValue))
    ) { value, chat in
        guard let format = OutputFormat(rawValue: value) else { return choose("format", OutputFormat.allCases.map(\.rawValue), value) }
        chat.format = format
        return nil
    }

    static let script = ChatOption(
        name: "script", valueName: "FILE", help: "Read the user's lines from FILE ('-' for stdin); '#' lines are comments.",
        completion: .file(extensions: [])
    ) { value, chat in
        chat.script = value
        return nil
    }

    static let export = ChatOption(
        name: "export", valueName: "FILE", help: "When the session ends, write its summary to FILE (.md or .json).",
        completion: .file(extensions: ["md", "json"])
    ) { value, chat in
        chat.export = value
        return nil
    }

    static let force = ChatOption(name: "force", valueName: nil, help: "Let --export replace an existing file.") { _, chat in
        chat.force = true
        return nil
    }

    static let noHistory = ChatOption(name: "no-history", valueName: nil, help: "Keep no line history on disk.") { _, chat in
        chat.noHistory = true
        return nil
    }

    static let now = ChatOption(
        name: "now", valueName: "TIME", help: "Fix the time written in summaries (ISO 8601, UTC), for tests.", isHidden: true
    ) { value, chat in
        guard Timestamp(iso8601: value) != nil else { return "--now must look like 2026-01-31T09:00:00Z" }
        chat.now = value
        return nil
    }

    /// Every option of the chat, in the order help lists them.
    static let all: [ChatOption] = [lang, region, knowledge, format, script, export, force, noHistory, now]

    /// The option named by `--name`, if the chat has one.
    static func named(_ flag: String) -> ChatOption? {
        all.first { $0.flag == flag }
    }
}
