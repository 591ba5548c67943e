import ArgumentParser
import KoshiKit
import KoshiKnowledge

/// A chat as the command line asks for it, and running it. `Koshi` parses into this with
/// ArgumentParser; `quickParse` reads the common invocations without it, because building the
/// parser's command tree is the largest part of start-up (see README, Performance).
struct Chat: Equatable {
    var lang: Language?
    var knowledge: String?
    var format: OutputFormat = .text
    var script: String?
    var export: String?
    var force = false
    var noHistory = false
    var now: String?

    /// Reads arguments made only of the chat's own options with valid values; nil for anything
    /// else (help, version, subcommands, a mistake), which ArgumentParser then handles and explains.
    static func quickParse<Arguments: Collection<String>>(_ arguments: Arguments) -> Chat? {
        var chat = Chat()
        var seen: [String] = []  // a handful at most; a Set would cost a hashing setup at start-up
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            switch name {
            case "--force": if value != nil { return nil }; chat.force = true
            case "--no-history": if value != nil { return nil }; chat.noHistory = true
            case "--lang", "--format", "--script", "--export", "--knowledge", "--now":
                guard let given = value ?? rest.popFirst(), !given.isEmpty, value != nil || !given.hasPrefix("-") || given == "-" else { return nil }
                switch name {
                case "--lang": guard let language = Language(rawValue: given) else { return nil }; chat.lang = language
                case "--format": guard let format = OutputFormat(rawValue: given) else { return nil }; chat.format = format
                case "--script": chat.script = given
                case "--export": chat.export = given
                case "--knowledge": chat.knowledge = given
                default: chat.now = given
                }
            default:
                return nil
            }
        }
        return chat.problem == nil ? chat : nil
    }

    /// What is wrong with these options, in one line, or nil.
    var problem: String? {
        if let now, Timestamp(iso8601: now) == nil { return "--now must look like 2026-01-31T09:00:00Z" }
        if let export {
            if let problem = SummaryFile.formatProblem(export) { return "--export \(export): \(problem)" }
            if let problem = SummaryFile.lengthProblem(export) { return "--export \(export): \(problem)" }
            if let problem = SummaryFile.writabilityProblem(export, force: force) { return "--export \(export): \(problem)" }
        }
        return nil
    }

    var language: Language { lang ?? Language.fromLocale(Terminal.variable) }

    func run() throws {
        let language = self.language
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
                                opening: BuiltInKnowledge.opening(language), language: language, format: format,
                                exportAtEnd: export.map { ($0, force) }, clock: clock)
        } else {
            // Another base may be broken: load it first, so that a problem is reported before anything else.
            driver = ChatDriver(session: Session(knowledge: try KnowledgeLocation.load(directory: knowledge), language: language),
                                format: format, exportAtEnd: export.map { ($0, force) }, clock: clock)
        }
        let status: Int32
        // A script or a pipe, unlike a person at the terminal, is ended by a signal (see below).
        var unattended = true
        if let script {
            guard let reader = script == "-" ? PlainLineReader.standardInput() : PlainLineReader(path: script) else {
                throw CommandFailure(message: "cannot read script '\(script)': \(Terminal.lastErrorDescription())")
            }
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
