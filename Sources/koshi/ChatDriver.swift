import KoshiKit

/// Runs a session over a line source and writes the advisor's turns as text or JSON lines.
/// Everything the advisor decides comes from `Session`; this is only the I/O around it.
struct ChatDriver {
    var session: Session
    let format: OutputFormat
    /// `--export FILE` (and whether `--force` was given): written when the session ends.
    let exportAtEnd: (path: String, force: Bool)?
    let clock: @Sendable () -> Timestamp
    var style: TextRenderer.Style = .plain
    /// The columns to wrap at, asked before every reply so that a resized terminal is followed.
    var width: () -> Int = { 0 }
    let output = Terminal.standardOutput

    init(session: Session, format: OutputFormat, exportAtEnd: (String, Bool)?, clock: @escaping @Sendable () -> Timestamp) {
        self.session = session
        self.format = format
        self.exportAtEnd = exportAtEnd.map { (path: $0.0, force: $0.1) }
        self.clock = clock
    }

    /// Holds the conversation until the input ends or the person quits; returns the exit status.
    mutating func run(_ source: inout some LineSource, interactive: Bool) -> Int32 {
        Terminal.ignoreBrokenPipes()
        defer { source.close() }
        write(session.opening())
        var quit = false
        var waiting = false
        while !quit && !output.isClosed {
            // One `ready` each time koshi starts to wait; a skipped line does not end the wait.
            if format == .jsonl, !waiting { output.write(EventEncoder.ready.serialized + "\n") }
            waiting = true
            switch source.next(prompt: "> ") {
            case .end:
                quit = true
            case .interrupted:
                continue
            case .line(let bytes):
                if !interactive, isSkipped(bytes) { continue }
                waiting = false
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
        if interactive { write(Turn(events: [.message(session.knowledge.text(.goodbye, session.language))])) }
        guard let (path, force) = exportAtEnd else { return 0 }
        let result = SummaryFile.write(summary(for: path), to: path, force: force)
        if case .failure(let problem) = result {
            Terminal.standardError.write("koshi: could not write the summary to \(path): \(problem.reason)\n")
            return 1
        }
        return 0
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
