import ArgumentParser
import KoshiKit
import KoshiKnowledge

/// A chat as the command line asks for it, and running it. `Koshi` parses into this with
/// ArgumentParser; `quickParse` reads the common invocations without it, because building the
/// parser's command tree is the largest part of start-up (see README, Performance). Both read
/// the options by one table, `ChatOption.all`.
struct Chat: Equatable {
    var lang: Language?
    var region: Region?
    var knowledge: String?
    var format: OutputFormat = .text
    var script: String?
    var export: String?
    var force = false
    var noHistory = false
    var now: String?

    /// Reads arguments made only of the chat's own options with valid values, by the table of
    /// `ChatOption`; nil for anything else (help, version, subcommands, a mistake), which
    /// ArgumentParser then handles and explains.
    static func quickParse<Arguments: Collection<String>>(_ arguments: Arguments) -> Chat? {
        // What each option was given, as ArgumentParser collects it: the last value of an option
        // given twice wins, and values are judged only then, all together. An array, not a
        // dictionary: a handful at most, and no hashing set up at start-up.
        var given: [(option: ChatOption, value: String)] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            // '--' ends the options; anything after it would be an argument the chat does not take.
            if argument == "--" {
                guard rest.isEmpty else { return nil }
                break
            }
            var flag = argument
            var value: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                // ArgumentParser reads `--name=` as `--name`: its value, if any, comes next.
                value = equals == argument.index(before: argument.endIndex) ? nil : String(argument[argument.index(after: equals)...])
            }
            guard let option = ChatOption.named(flag) else { return nil }
            if option.takesValue {
                // The next argument is the value unless it looks like an option ('-' alone is a
                // value: stdin).
                if value == nil, let next = rest.first, !next.hasPrefix("-") || next == "-" {
                    value = rest.popFirst()
                }
            } else if value != nil {
                return nil
            }
            guard let value = value ?? (option.takesValue ? nil : "") else { return nil }
            given.removeAll { $0.option.name == option.name }
            given.append((option, value))
        }
        // Judged in the table's order, as `Koshi` judges them.
        let ordered = ChatOption.all.compactMap { option in given.first { $0.option.name == option.name } }
        return try? reading(ordered).get()
    }

    /// The chat that `given` options ask for (each with its value, `""` for a flag), or the first
    /// problem with them, in one line.
    static func reading(_ given: [(option: ChatOption, value: String)]) -> Result<Chat, ChatProblem> {
        var chat = Chat()
        for (option, value) in given {
            if let problem = option.read(value, &chat) { return .failure(ChatProblem(message: problem)) }
        }
        if let problem = chat.problem { return .failure(ChatProblem(message: problem)) }
        return .success(chat)
    }

    /// What is wrong with these options together, in one line, or nil.
    var problem: String? {
        if let export {
            if let problem = SummaryFile.formatProblem(export) { return "--export \(export): \(problem)" }
            if let problem = SummaryFile.lengthProblem(export) { return "--export \(export): \(problem)" }
            if let problem = SummaryFile.writabilityProblem(export, force: force) { return "--export \(export): \(problem)" }
        }
        return nil
    }

    /// The language of replies: `--lang`, or the locale's (`environment` reads a variable).
    func language(in environment: (String) -> String?) -> Language {
        lang ?? Language.fromLocale(environment)
    }

    /// Where the person is: `--region`, or the locale's territory, or what the language suggests.
    func region(in environment: (String) -> String?) -> Region {
        region ?? Region.fromLocale(environment, language: language(in: environment))
    }

    func run() throws {
        let language = language(in: Terminal.variable)
        let region = region(in: Terminal.variable)
        let clock: @Sendable () -> Timestamp = { [now] in
            now.flatMap(Timestamp.init(iso8601:)) ?? Terminal.currentTime()
        }
        let typedByHand = script == nil && format == .text && Terminal.isInteractive
        var driver: ChatDriver
        if knowledge == nil {
            // The built-in base was checked when it was built: greet at once, load meanwhile. A
            // person typing leaves time to build the spelling index too; a script would wait for it.
            driver = ChatDriver(loading: KnowledgeInBackground {
                                    let knowledge = try BuiltInKnowledge.compiled()
                                    if typedByHand { knowledge.lexicon.prepareSpelling() }
                                    return knowledge
                                },
                                opening: BuiltInKnowledge.opening(language, region: region), language: language, region: region, format: format,
                                exportAtEnd: export.map { ($0, force) }, clock: clock)
        } else {
            // Another base may be broken: load it first, so that a problem is reported before anything else.
            driver = ChatDriver(session: Session(knowledge: try KnowledgeLocation.load(directory: knowledge), language: language, region: region),
                                format: format, exportAtEnd: export.map { ($0, force) }, clock: clock)
        }
        let status: Int32
        // A script or a pipe, unlike a person at the terminal, is ended by a signal (see below).
        var unattended = true
        if let script {
            guard var reader = script == "-" ? PlainLineReader.standardInput() : PlainLineReader(path: script) else {
                throw CommandFailure(message: "cannot read script '\(script)': \(Terminal.lastErrorDescription())")
            }
            // A script must be UTF-8 text, as a transcript must: a UTF-16 or Shift_JIS file is refused
            // before anything is said, rather than read as garbage. (Not stdin: a program may wait
            // for the greeting before it writes.)
            if script != "-", let problem = reader.encodingProblemAtStart() {
                throw CommandFailure(message: "cannot read script '\(script)': it \(problem)")
            }
            reader.requiresUTF8 = true
            var source = export == nil ? reader : PlainLineReader.endingOnSignals(reader)
            driver.skipsComments = true
            status = driver.run(&source, interactive: false)
        } else if format == .text, Terminal.isInteractive {
            unattended = false
            driver.style = Terminal.wantsColour ? .colour : .plain
            driver.width = Terminal.columns
            if let editor = LineEditor(history: noHistory ? nil : LineEditor.defaultHistoryPath()) {
                var source = editor
                status = driver.run(&source, interactive: true)
            } else {
                // Still a chat, only without editing keys and history: say so once, and why.
                let reason = LineEditor.unavailability ?? "libedit did not start"
                Terminal.standardError.write("koshi: line editing is off (\(reason)); lines are read as typed\n")
                var source = PlainLineReader.prompting()
                status = driver.run(&source, interactive: true)
            }
        } else {
            var source = export == nil ? PlainLineReader.standardInput() : PlainLineReader.endingOnSignals(.standardInput())
            status = driver.run(&source, interactive: false)
        }
        // Ended by a signal: the summary is written, and the status still says what happened.
        if unattended, export != nil, status == 0, SessionSignals.signal != 0 {
            throw ExitCode(128 + SessionSignals.signal)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Why the chat's options cannot be taken, in one line for a person.
struct ChatProblem: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
