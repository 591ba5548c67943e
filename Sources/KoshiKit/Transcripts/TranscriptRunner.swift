/// Replays transcripts in-process against one loaded knowledge base: every turn goes through
/// the same `Session` as the REPL, and its reply is rendered as plain text, unwrapped.
public struct TranscriptRunner: Sendable {
    /// What a transcript's `/export` does; the test command writes into a temporary folder.
    public typealias Exporter = @Sendable (_ session: Session, _ path: String, _ force: Bool, _ time: String) -> AdvisorEvent

    /// The outcome of one transcript.
    public struct Outcome: Sendable {
        public var name: String
        /// The first difference, as a readable diff; nil when the transcript passed.
        public var failure: String?
        /// The file rewritten with today's replies where they differ (for `--update`).
        public var updated: String
        public var passed: Bool { failure == nil }
    }

    let knowledge: Knowledge
    let exporter: Exporter

    public init(knowledge: Knowledge, exporter: @escaping Exporter) {
        self.knowledge = knowledge
        self.exporter = exporter
    }

    public func run(_ transcript: Transcript) -> Outcome {
        var session = Session(knowledge: knowledge, language: transcript.language, region: transcript.region)
        session.setToday(Timestamp(iso8601: transcript.time).map { CivilDate($0) })
        var firstFailure: String?
        var replacements: [Int: String?] = [:]
        var ended = false
        for turn in transcript.turns {
            var reply: KoshiKit.Turn
            if let input = turn.input {
                if ended {
                    firstFailure = firstFailure ?? "\(transcript.name):\(turn.line): a line after the session ended with /quit"
                    break
                }
                reply = session.respond(to: input)
            } else {
                reply = session.opening()
            }
            for effect in reply.effects {
                switch effect {
                case .export(let path, let force):
                    let event = exporter(session, path, force, transcript.time)
                    reply.events += session.notice(event).events
                case .quit:
                    ended = true
                }
            }
            let lines = TextRenderer(knowledge: knowledge).text(reply, language: session.language)
            let texts = TextLookup(knowledge: knowledge, language: session.language, region: session.region)
            let check = TurnCheck(expectations: turn.expectations, events: reply.events, lines: lines, texts: texts)
            for (line, replacement) in check.replacements { replacements[line] = replacement }
            if firstFailure == nil, let failure = check.firstFailure {
                firstFailure = diff(transcript, turn: turn, failure: failure, lines: lines)
            }
        }
        var updated: [String] = []
        for (index, line) in transcript.lines.enumerated() {
            if let replacement = replacements[index + 1] {
                if let replacement { updated.append(replacement) }
            } else {
                updated.append(line)
            }
        }
        return Outcome(name: transcript.name, failure: firstFailure, updated: updated.joined(separator: "\n") + "\n")
    }

    private func diff(_ transcript: Transcript, turn: Transcript.Turn, failure: TurnCheck.Failure, lines: [String]) -> String {
        var out = ["\(transcript.name):\(failure.expectation.line): \(failure.reason)"]
        out.append("--- expected")
        out.append("+++ koshi said")
        out.append("  " + (turn.input.map { "> " + $0 } ?? "(the greeting)"))
        out.append("- " + transcript.lines[failure.expectation.line - 1])
        for line in failure.actual { out.append("+ " + line) }
        return out.joined(separator: "\n")
    }
}

/// The expectations of one turn checked against its reply, with what `--update` would write.
struct TurnCheck {
    struct Failure {
        var expectation: Transcript.Expectation
        var reason: String
        /// The reply as it is, for the diff.
        var actual: [String]
    }

    var firstFailure: Failure?
    /// File line → its new text, or nil to drop it.
    var replacements: [Int: String?] = [:]

    init(expectations: [Transcript.Expectation], events: [AdvisorEvent], lines: [String], texts: TextLookup) {
        var cursor = 0
        var reply = Reply(events: events)
        reply.texts = texts
        for expectation in expectations {
            switch expectation.kind {
            case .exact, .substring, .pattern:
                if let found = lines.indices.dropFirst(cursor).first(where: { matches(expectation.kind, lines[$0]) }) {
                    cursor = found + 1
                } else {
                    // --update puts the remaining line most like the expected one in its place.
                    let remaining = Array(lines.indices.dropFirst(cursor))
                    let closest = remaining.max { similarity(expectation.kind, lines[$0]) < similarity(expectation.kind, lines[$1]) }
                    fail(expectation, "the reply has no such line" + (cursor > 0 ? " after the ones already matched" : ""),
                         actual: Array(lines.dropFirst(cursor)), replacement: closest.map { "= " + lines[$0] })
                    if let closest { cursor = closest + 1 }
                }
            case .absentText(let text):
                // Kept by --update: a line that must never be said is for a person to reconsider.
                if let line = lines.first(where: { $0.contains(text) }) {
                    fail(expectation, "the reply should not say '\(text)'", actual: [line],
                         replacement: "! " + text)
                }
            case .assertion(let assertion):
                let actual = reply.actual(like: assertion)
                if !reply.satisfies(assertion) {
                    fail(expectation, "expected '? \(assertion.written)', got '? \(actual?.written ?? "nothing")'",
                         actual: ["? " + (actual?.written ?? "(nothing)")], replacement: actual.map { "? " + $0.written })
                }
            }
        }
    }

    private mutating func fail(_ expectation: Transcript.Expectation, _ reason: String, actual: [String], replacement: String?) {
        if firstFailure == nil { firstFailure = Failure(expectation: expectation, reason: reason, actual: actual) }
        replacements[expectation.line] = .some(replacement)
    }

    /// How alike an expected text and a line are: the characters they share, in proportion.
    private func similarity(_ kind: Transcript.Expectation.Kind, _ line: String) -> Double {
        let expected: String = switch kind {
        case .exact(let text), .substring(let text), .pattern(let text), .absentText(let text): text
        case .assertion: ""
        }
        var counts: [Character: Int] = [:]
        for char in expected { counts[char, default: 0] += 1 }
        var shared = 0
        for char in line where (counts[char] ?? 0) > 0 {
            counts[char]! -= 1
            shared += 1
        }
        return Double(shared) / Double(max(expected.count, line.count, 1))
    }

    private func matches(_ kind: Transcript.Expectation.Kind, _ line: String) -> Bool {
        switch kind {
        case .exact(let text): line == text
        case .substring(let text): line.contains(text)
        case .pattern(let pattern): (try? Regex(pattern)).map { line.contains($0) } ?? false
        default: false
        }
    }
}

/// The texts of texts.kb as a session fills them in, for `? says`.
struct TextLookup {
    let knowledge: Knowledge
    let language: Language
    let region: Region

    /// The text with the region's services filled in, as the pieces between the placeholders
    /// that only a turn fills ({place}, {date}): any words may stand there.
    func pieces(_ id: String) -> [Substring]? {
        guard let phrase = Phrase(rawValue: id) else { return nil }
        let text = knowledge.text(phrase, language, knowledge.regions[region]?.placeholders(language) ?? [:])
        return text.split(separator: /\{[a-z0-9-]+\}/, omittingEmptySubsequences: true)
    }

    /// Whether `said` holds the text: its pieces in order.
    func says(_ id: String, in said: String) -> Bool? {
        guard let pieces = pieces(id) else { return nil }
        var rest = said[...]
        for piece in pieces {
            guard let found = rest.firstRange(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}

/// The events of a reply, seen the way assertions ask about them.
private struct Reply {
    var findings: LineSummary?
    var question: [String]?
    var questionID: String?
    var recommendation: Recommendation?
    var errors: [String] = []
    /// Everything the reply says, event by event.
    var said: [String] = []
    var texts: TextLookup?

    init(events: [AdvisorEvent]) {
        for event in events {
            switch event {
            case .message(let text), .question(_, _, let text), .recommendation(_, let text, _), .error(let text): said.append(text)
            case .findings: break
            }
            switch event {
            case .findings(let summary): findings = summary
            case .question(let id, let concepts, _): question = concepts.map(\.description); questionID = id.rawValue
            case .recommendation(let recommendation, _, _): self.recommendation = recommendation
            case .error(let message): errors.append(message)
            case .message: break
            }
        }
    }

    func satisfies(_ assertion: Transcript.Assertion) -> Bool {
        switch assertion {
        case .present(let ids): Set(ids) == Set(findings?.present.map(\.rawValue) ?? [])
        case .absent(let ids): Set(ids) == Set(findings?.absent.map(\.rawValue) ?? [])
        case .unknown(let ids): Set(ids) == Set(findings?.unknown.map(\.rawValue) ?? [])
        case .values(let values): values == stated
        case .question(let ids): question.map(Set.init) == Set(ids)
        case .noQuestion: question == nil
        case .disposition(let d): recommendation?.disposition.rawValue == d
        case .noRecommendation: recommendation == nil
        case .reasons(let ids): recommendation.map { Set($0.reasons.map(\.description)) } == Set(ids)
        case .advice(let ids): recommendation.map { Set(ids).isSubset(of: $0.advice.map(\.rawValue)) } ?? false
        case .error(let text): errors.contains { text == nil || $0.contains(text!) }
        case .when(let when): recommendation?.when.rawValue == when
        case .asks(let id): questionID == id
        case .says(let id): said.contains { texts?.says(id, in: $0) == true }
        }
    }

    /// The assertion of the same kind that the reply does satisfy, for diffs and `--update`.
    func actual(like assertion: Transcript.Assertion) -> Transcript.Assertion? {
        switch assertion {
        case .present: .present(findings?.present.map(\.rawValue) ?? [])
        case .absent: .absent(findings?.absent.map(\.rawValue) ?? [])
        case .unknown: .unknown(findings?.unknown.map(\.rawValue) ?? [])
        case .values: .values(stated)
        case .question, .noQuestion: question.map(Transcript.Assertion.question) ?? .noQuestion
        case .disposition, .noRecommendation: recommendation.map { .disposition($0.disposition.rawValue) } ?? .noRecommendation
        case .reasons: recommendation.map { .reasons($0.reasons.map(\.description)) }
        case .advice: recommendation.map { .advice($0.advice.map(\.rawValue)) }
        case .when: recommendation.map { .when($0.when.rawValue) }
        case .asks: questionID.map { .asks($0) }
        case .says: nil
        case .error: errors.first.map { _ in .error(nil) }
        }
    }

    var stated: [String: Int] {
        var values: [String: Int] = [:]
        if let age = findings?.values[.age] { values["age"] = age }
        if let days = findings?.values[.duration] { values["duration_days"] = days }
        if let pain = findings?.values[.painIntensity] { values["pain_intensity"] = pain }
        return values
    }
}
