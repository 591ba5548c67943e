import KoshiKit

/// Runs a session over a line source and writes the advisor's turns as text or JSON lines.
/// Everything the advisor decides comes from `Session`; this is only the I/O around it.
struct ChatDriver {
    /// The session, once its knowledge is there (see `KnowledgeInBackground`).
    private var current: Session?
    private let loading: (knowledge: KnowledgeInBackground, opening: Turn, language: Language, region: Region)?
    let format: OutputFormat
    /// `--export FILE` (and whether `--force` was given): written when the session ends.
    let exportAtEnd: (path: String, force: Bool)?
    let clock: @Sendable () -> Timestamp
    var style: TextRenderer.Style = .plain
    /// Whether `#` lines are comments: in a `--script` they are, typed or piped lines are turns.
    var skipsComments = false
    /// The columns to wrap at, asked before every reply so that a resized terminal is followed.
    var width: () -> Int = { 0 }
    let output = Terminal.standardOutput

    init(session: Session, format: OutputFormat, exportAtEnd: (String, Bool)?, clock: @escaping @Sendable () -> Timestamp) {
        current = session
        current?.setToday(Terminal.localDate(clock()))
        loading = nil
        self.format = format
        self.exportAtEnd = exportAtEnd.map { (path: $0.0, force: $0.1) }
        self.clock = clock
    }

    /// A driver that greets with `opening` at once and starts the session when the knowledge
    /// loading in the background is needed, at the first line.
    init(loading knowledge: KnowledgeInBackground, opening: Turn, language: Language, region: Region, format: OutputFormat,
         exportAtEnd: (String, Bool)?, clock: @escaping @Sendable () -> Timestamp) {
        current = nil
        loading = (knowledge, opening, language, region)
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
        // Once stdout cannot be written, the session goes on only for a summary still to be
        // written: then every line is read into it; otherwise there is nothing left to do.
        while !quit && (!output.isClosed || exportAtEnd != nil) {
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
                let turn = current!.respond(toBytes: bytes)
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
        var status: Int32 = 0
        if let problem = source.readFailure {
            Terminal.standardError.write("koshi: cannot read the input: \(problem)\n")
            status = 2
        }
        // A reader that went away (`| head -1`) is a normal end; a full disk is not.
        if let problem = output.problem {
            Terminal.standardError.write("koshi: cannot write the output: \(problem)\n")
            status = max(status, 1)
        }
        guard let (path, force) = exportAtEnd else { return status }
        // The path was checked before the session; a file there now appeared meanwhile, and
        // nobody confirmed replacing it: the summary goes beside it, and the status stays 0.
        switch SummaryFile.write(summary(for: path), to: path, force: force, besideIfTaken: true) {
        case .failure(let problem):
            Terminal.standardError.write("koshi: could not write the summary to \(Terminal.printable(path)): \(problem.reason)\n")
            return max(status, 1)
        case .success(let written) where written != path:
            // With --force too: a folder, FIFO or link is never replaced, and the summary never lost.
            let what = SummaryFile.otherThanFile(path).map { "is \($0) now, not a file, and" } ?? "appeared during the session and"
            Terminal.standardError.write("koshi: \(Terminal.printable(path)) \(what) was left as it was; "
                                         + "the summary was written to \(Terminal.printable(written))\n")
        case .success:
            break
        }
        return status
    }

    /// The session, to read; only valid after `startSession()`. Changes go through `current!`
    /// itself: a setter here would copy the session for every turn, and with it the transcript,
    /// which made a long script slow down line by line.
    private var session: Session { current! }

    /// Makes sure the session exists, waiting for the knowledge if it is still loading; false
    /// (with a message) if it could not be loaded.
    private mutating func startSession() -> Bool {
        guard current == nil, let loading else { return true }
        do {
            var session = Session(knowledge: try loading.knowledge.wait(), language: loading.language, region: loading.region)
            _ = session.opening()  // already shown; this keeps it in the transcript
            session.setToday(Terminal.localDate(clock()))
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

    /// A line in a script or pipe that is not a turn: blank (full-width spaces too, as a Japanese
    /// keyboard types them), or in a `--script`, a `#` comment. Piped lines that start with `#`
    /// are what someone typed (「#7119に電話すべき？」), so they are turns.
    func isSkipped(_ bytes: [UInt8]) -> Bool {
        // Invisible characters (zero-width space, word joiner, byte order mark) count as blank.
        var scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.lazy
            .filter { !$0.properties.isWhitespace && $0.properties.generalCategory != .format && $0 != "\u{3164}" }.makeIterator()
        guard let first = scalars.next() else { return true }
        return skipsComments && first == "#"
    }

    func summary(for path: String) -> String {
        let summary = Summary(state: session.state, knowledge: session.knowledge, time: clock().iso8601)
        let writer = SummaryWriter(knowledge: session.knowledge)
        return path.lowercased().hasSuffix(".json") ? writer.json(summary).pretty() + "\n" : writer.markdown(summary)
    }

    mutating func export(to path: String, force: Bool, source: inout some LineSource, interactive: Bool) -> Turn {
        let knowledge = session.knowledge, language = session.language
        if SummaryFile.formatProblem(path) != nil {
            return current!.notice(.error(knowledge.text(.exportFormat, language, ["path": path])))
        }
        if let problem = SummaryFile.lengthProblem(path) {
            return current!.notice(.error(knowledge.text(.exportFailed, language, ["path": path, "reason": problem])))
        }
        // A folder, FIFO or link is never replaced, so --force is no way out: said at once.
        if let what = SummaryFile.otherThanFile(path) {
            return current!.notice(.error(knowledge.text(.exportFailed, language,
                                                         ["path": path, "reason": SummaryFile.notAFileReason(what) + "; choose another name"])))
        }
        var force = force
        if !force, SummaryFile.exists(path) {
            // The question is a prompt, which no renderer escapes: the path is escaped here.
            if interactive, source.confirm(knowledge.text(.exportConfirm, language, ["path": Terminal.printable(path)])) {
                force = true
            } else {
                return current!.notice(.error(knowledge.text(.exportExists, language, ["path": path])))
            }
        }
        switch SummaryFile.write(summary(for: path), to: path, force: force, besideIfTaken: true) {
        case .success(let written) where written != path:
            // Something appeared between the check above and the write: kept, and said so.
            let kept = current!.notice(.error(SummaryFile.otherThanFile(path).map {
                knowledge.text(.exportFailed, language, ["path": path, "reason": SummaryFile.notAFileReason($0)])
            } ?? knowledge.text(.exportExists, language, ["path": path])))
            let done = current!.notice(.message(knowledge.text(.exportDone, language, ["path": written])))
            return Turn(events: kept.events + done.events)
        case .success:
            return current!.notice(.message(knowledge.text(.exportDone, language, ["path": path])))
        case .failure(let problem):
            return current!.notice(.error(knowledge.text(.exportFailed, language, ["path": path, "reason": problem.reason])))
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
