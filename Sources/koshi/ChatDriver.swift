import KoshiKit

/// Runs a session over a line source and writes the advisor's turns as text or JSON lines.
/// Everything the advisor decides comes from `Session`; this is only the I/O around it.
struct ChatDriver {
    /// The session, once its knowledge is there (see `KnowledgeInBackground`).
    private var current: Session?
    private let loading: (knowledge: KnowledgeInBackground, opening: Turn, language: Language)?
    let format: OutputFormat
    /// `--export FILE` (and whether `--force` was given): written when the session ends.
    let exportAtEnd: (path: String, force: Bool)?
    let clock: @Sendable () -> Timestamp
    var style: TextRenderer.Style = .plain
    /// The columns to wrap at, asked before every reply so that a resized terminal is followed.
    var width: () -> Int = { 0 }
    let output = Terminal.standardOutput

    init(session: Session, format: OutputFormat, exportAtEnd: (String, Bool)?, clock: @escaping @Sendable () -> Timestamp) {
        current = session
        loading = nil
        self.format = format
        self.exportAtEnd = exportAtEnd.map { (path: $0.0, force: $0.1) }
        self.clock = clock
    }

    /// A driver that greets with `opening` at once and starts the session when the knowledge
    /// loading in the background is needed, at the first line.
    init(loading knowledge: KnowledgeInBackground, opening: Turn, language: Language, format: OutputFormat,
         exportAtEnd: (String, Bool)?, clock: @escaping @Sendable () -> Timestamp) {
        current = nil
        loading = (knowledge, opening, language)
        self.format = format
        self.exportAtEnd = exportAtEnd.map { (path: $0.0, force: $0.1) }
        self.clock = clock
    }

    /// Holds the conversation until the input ends or the person quits; returns the exit status.
    mutating func run(_ source: inout some LineSource, interactive: Bool) -> Int32 {
        Terminal.ignoreBrokenPipes()
        defer { source.close() }
        if current != nil {
            write(current!.opening())
        } else if let loading {
            writeGreeting(loading.opening)
        }
        var quit = false
        var waiting = false
        while !quit && !output.isClosed {
            // One `ready` each time koshi starts to wait; a skipped line does not end the wait.
            if format == .jsonl, !waiting { output.write(EventEncoder.ready.serialized + "\n") }
            waiting = true
            loading?.knowledge.start()
            switch source.next(prompt: "> ") {
            case .end:
                quit = true
            case .interrupted:
                continue
            case .line(let bytes):
                if !interactive, isSkipped(bytes) { continue }
                waiting = false
                guard startSession() else { return 2 }
                let turn = session.respond(toBytes: bytes)
                write(turn)
                for effect in turn.effects {
                    switch effect {
                    case .export(let path, let force):
                        write(export(to: path, force: force, source: &source, interactive: interactive))
                    case .quit:
                        quit = true
                    }
                }
            }
        }
        guard startSession() else { return 2 }
        if interactive { write(Turn(events: [.message(session.knowledge.text(.goodbye, session.language))])) }
        guard let (path, force) = exportAtEnd else { return 0 }
        let result = SummaryFile.write(summary(for: path), to: path, force: force)
        if case .failure(let problem) = result {
            Terminal.standardError.write("koshi: could not write the summary to \(path): \(problem.reason)\n")
            return 1
        }
        return 0
    }

    /// The session; only valid after `startSession()`.
    private var session: Session {
        get { current! }
        set { current = newValue }
    }

    /// Makes sure the session exists, waiting for the knowledge if it is still loading; false
    /// (with a message) if it could not be loaded.
    private mutating func startSession() -> Bool {
        guard current == nil, let loading else { return true }
        do {
            var session = Session(knowledge: try loading.knowledge.wait(), language: loading.language)
            _ = session.opening()  // already shown; this keeps it in the transcript
            current = session
            return true
        } catch {
            Terminal.standardError.write("koshi: the knowledge base is not valid: \(error)\n")
            return false
        }
    }

    /// The greeting, shown before the knowledge is there: it is plain text, so it needs none.
    private func writeGreeting(_ turn: Turn) {
        var text = ""
        for case .message(let message) in turn.events {
            switch format {
            case .jsonl: text += EventEncoder.encode(.message(message)).serialized + "\n"
            case .text: for line in DisplayWidth.wrap(message, width: width()) { text += line + "\n" }
            }
        }
        output.write(text)
    }

    /// A line in a script or pipe that is not a turn: blank, or a `#` comment.
    func isSkipped(_ bytes: [UInt8]) -> Bool {
        let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        return first == nil || first == UInt8(ascii: "#")
    }

    func summary(for path: String) -> String {
        let summary = Summary(state: session.state, knowledge: session.knowledge, time: clock().iso8601)
        let writer = SummaryWriter(knowledge: session.knowledge)
        return path.lowercased().hasSuffix(".json") ? writer.json(summary).pretty() + "\n" : writer.markdown(summary)
    }

    mutating func export(to path: String, force: Bool, source: inout some LineSource, interactive: Bool) -> Turn {
        let knowledge = session.knowledge, language = session.language
        if SummaryFile.formatProblem(path) != nil {
            return session.notice(.error(knowledge.text(.exportFormat, language, ["path": path])))
        }
        var force = force
        if !force, SummaryFile.exists(path) {
            if interactive, source.confirm(knowledge.text(.exportConfirm, language, ["path": path])) {
                force = true
            } else {
                return session.notice(.error(knowledge.text(.exportExists, language, ["path": path])))
            }
        }
        switch SummaryFile.write(summary(for: path), to: path, force: force) {
        case .success:
            return session.notice(.message(knowledge.text(.exportDone, language, ["path": path])))
        case .failure(let problem):
            return session.notice(.error(knowledge.text(.exportFailed, language, ["path": path, "reason": problem.reason])))
        }
    }

    func write(_ turn: Turn) {
        var text = ""
        switch format {
        case .jsonl:
            for event in turn.events { text += EventEncoder.encode(event).serialized + "\n" }
        case .text:
            let renderer = TextRenderer(knowledge: session.knowledge, style: style, width: width())
            for line in renderer.text(turn, language: session.language) { text += line + "\n" }
        }
        if !text.isEmpty { output.write(text) }
    }
}
