import KoshiKit
import KoshiTestSupport

/// Checks whole sessions: every line (commands included) goes through `respond(toBytes:)`, and
/// every reply must hold to CONTRACT.md: exactly one findings event per line that is not a
/// command, nothing raw from the input in any text, JSON events that parse back to the same
/// text, plain rendering free of control characters, and summaries that stay well formed.
struct SessionProbe {
    let knowledge: Knowledge
    /// How much slower than a release build this one may be (debug builds are ~10×, sanitizers more).
    var slowness = 1.0

    /// Far above what any line should take (a 1 MB line takes about half a second in release),
    /// so that only runaway, superlinear work trips it.
    static func allowedSeconds(_ bytes: Int, slowness: Double) -> Double {
        slowness * (1.0 + 5.0 * Double(bytes) / 1e6)
    }

    /// What a session did, for the summary line.
    struct Tally {
        var turns = 0
        var commands = 0
        var recommendations = 0
        var slowestSeconds = 0.0
        var slowestBytes = 0
    }

    func check(_ lines: [[UInt8]], language: Language, tally: inout Tally, _ v: inout Violations) {
        var session = Session(knowledge: knowledge, language: language)
        checkTurn(session.opening(), expectedFindings: 0...0, language: language, &v)
        let invariants = DialogueInvariants(knowledge: knowledge)
        for bytes in lines {
            let before = session.state
            let start = Monotonic.now()
            let turn = session.respond(toBytes: bytes)
            let seconds = Monotonic.now() - start
            if seconds > tally.slowestSeconds { (tally.slowestSeconds, tally.slowestBytes) = (seconds, bytes.count) }
            let allowed = Self.allowedSeconds(bytes.count, slowness: slowness)
            v.expect(seconds < allowed, "slow-turn",
                     "a line of \(bytes.count) bytes took \(Int(seconds * 1e3)) ms (allowed \(Int(allowed * 1e3)) ms)")
            tally.turns += 1
            let line = InputSanitizer.clean(InputSanitizer.decode(bytes).text).line
            let isCommand = Self.isCommand(line)
            if isCommand { tally.commands += 1 }
            // A line left empty by cleaning may or may not count as a line; any other must.
            let expected = isCommand ? 0...0 : line.isEmpty ? 0...1 : 1...1
            checkTurn(turn, expectedFindings: expected, language: session.language, &v)
            if !isCommand { invariants.check(line: line, before: before, after: session.state, turn: turn, &v) }
            if String(validating: bytes, as: UTF8.self) == nil {
                v.expect(turn.events.first.map(Self.isError) ?? false, "session-invalid-utf8", "no error event first for invalid UTF-8")
            }
            tally.recommendations += turn.events.filter(Self.isRecommendation).count
            for effect in turn.effects {
                switch effect {
                case .export(let path, _):
                    v.expect(!path.isEmpty && firstUnshowable(path, allowingNewline: false) == nil, "session-export-path",
                             "export path \(shown(path))")
                case .quit:
                    checkSummary(session, &v)
                    session = Session(knowledge: knowledge, language: language)
                }
            }
        }
        checkSummary(session, &v)
    }

    private func checkTurn(_ turn: Turn, expectedFindings: ClosedRange<Int>, language: Language, _ v: inout Violations) {
        let findings = turn.events.filter { if case .findings = $0 { return true } else { return false } }.count
        v.expect(expectedFindings.contains(findings), "findings-once", "\(findings) findings events where \(expectedFindings) were due")
        for event in turn.events {
            for text in Self.texts(of: event) {
                if let bad = firstUnshowable(text, allowingNewline: true) {
                    v.expect(false, "event-text", "U+\(String(bad.value, radix: 16)) in \(shown(text))")
                }
            }
            checkJSON(event, &v)
        }
        for line in TextRenderer(knowledge: knowledge).text(turn, language: language) {
            if let bad = firstUnshowable(line, allowingNewline: false) {
                v.expect(false, "rendered-text", "U+\(String(bad.value, radix: 16)) in \(shown(line))")
            }
        }
    }

    /// The event as one JSON line: no raw control characters, parses, and says the same text.
    private func checkJSON(_ event: AdvisorEvent, _ v: inout Violations) {
        let line = EventEncoder.encode(event).serialized
        v.expect(!line.utf8.contains { $0 < 0x20 }, "json-line", "raw control character in \(shown(line))")
        guard let object = ParsedJSON.parse(line), case .object = object else {
            v.expect(false, "json-parse", "does not parse as an object: \(shown(line))")
            return
        }
        let (type, text) = Self.typeAndText(of: event)
        v.expect(object["type"]?.string == type, "json-type", "type is \(object["type"]?.string ?? "missing"), not \(type)")
        if let text {
            let key = type == "error" ? "message" : "text"
            let parsed = object[key]?.string ?? ""
            v.expect(parsed == text, "json-text", "\(key) does not parse back to the same text: \(difference(text, parsed))")
        }
    }

    /// The summary of the session so far, as `/summary`, `--export x.md` and `x.json` write it.
    private func checkSummary(_ session: Session, _ v: inout Violations) {
        let summary = Summary(state: session.state, knowledge: knowledge, time: "2026-01-01T00:00:00Z")
        let writer = SummaryWriter(knowledge: knowledge)
        for (format, text) in [("text", writer.text(summary)), ("markdown", writer.markdown(summary))] {
            if let bad = firstUnshowable(text, allowingNewline: true) {
                v.expect(false, "summary-\(format)", "U+\(String(bad.value, radix: 16)) in the summary")
            }
        }
        let json = writer.json(summary).pretty()
        v.expect(ParsedJSON.parse(json) != nil, "summary-json", "the JSON summary does not parse")
        for entry in session.state.transcript where entry.role == .user {
            if let bad = firstUnshowable(entry.text, allowingNewline: false) {
                v.expect(false, "transcript", "U+\(String(bad.value, radix: 16)) kept in the transcript: \(shown(entry.text))")
            }
        }
    }

    /// A command is a line whose first word, folded (so ／ is /), starts with a slash.
    static func isCommand(_ line: String) -> Bool {
        let first = line.prefix { $0 != " " && $0 != "\u{3000}" }
        return Normalizer.normalize(String(first)).folded.hasPrefix("/")
    }

    static func texts(of event: AdvisorEvent) -> [String] {
        switch event {
        case .message(let text), .question(_, _, let text), .recommendation(_, let text, _), .error(let text): [text]
        case .findings(let summary): summary.matched.map(\.evidence)
        }
    }

    static func typeAndText(of event: AdvisorEvent) -> (type: String, text: String?) {
        switch event {
        case .message(let text): ("message", text)
        case .findings: ("findings", nil)
        case .question(_, _, let text): ("question", text)
        case .recommendation(_, let text, _): ("recommendation", text)
        case .error(let text): ("error", text)
        }
    }

    static func isError(_ event: AdvisorEvent) -> Bool {
        if case .error = event { return true }
        return false
    }

    static func isRecommendation(_ event: AdvisorEvent) -> Bool {
        if case .recommendation = event { return true }
        return false
    }
}
