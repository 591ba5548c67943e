/// A conversation written by hand for `koshi test`, read at a glance:
///
///     # A fever makes it doctor-soon.
///     @lang ja
///     > 腰痛があります
///     ? question saddle_numbness bladder_bowel_dysfunction both_legs_affected chest_pain
///     > 熱があります
///     ? present fever
///     ? disposition doctor-soon
///     ~ できるだけ早めに医療機関を
///
/// `> ` is the user's line; the lines after it are what the advisor must say in reply, each a
/// line of its reply in order (`= exact`, `~ substring`, `/ regular expression`, `! never this`),
/// or an assertion on its events (`? present|absent|unknown|values|question|disposition|reasons
/// |advice|error …`). Expectations before the first `>` are about the greeting. `#` comments;
/// `@lang ja|en` and `@now 2026-01-01T00:00:00Z` set the session.
public struct Transcript: Sendable {
    /// One expectation and the line of the file it is on.
    public struct Expectation: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case exact(String)
            case substring(String)
            case pattern(String)
            case absentText(String)
            case assertion(Assertion)
        }
        public var kind: Kind
        public var line: Int
    }

    /// A check on the events of a turn.
    public enum Assertion: Sendable, Hashable {
        case present([String])
        case absent([String])
        case unknown([String])
        case values([String: Int])
        case question([String])
        case noQuestion
        case disposition(String)
        case noRecommendation
        case reasons([String])
        case advice([String])
        case error(String?)
        /// How soon the recommendation says to act.
        case when(String)
        /// The id of the question put.
        case asks(String)
        /// The reply holds the text of texts.kb with this id, filled in as the session fills it:
        /// what is said is asserted without pinning its wording.
        case says(String)
    }

    /// The user's line (nil for the greeting) and what must follow it.
    public struct Turn: Sendable {
        public var input: String?
        public var line: Int
        public var expectations: [Expectation]
    }

    public var name: String
    public var language: Language
    public var region: Region?
    public var time: String
    public var turns: [Turn]
    /// The file as written, a line each, so that `--update` can rewrite only what changed.
    public var lines: [String]

    public static let defaultTime = "2026-01-01T00:00:00Z"

    /// Reads a transcript; a line it cannot read is a problem with its line number.
    public static func parse(_ text: String, name: String, defaultLanguage: Language) -> Result<Transcript, KnowledgeProblem> {
        var transcript = Transcript(name: name, language: defaultLanguage, region: nil, time: defaultTime,
                                    turns: [Turn(input: nil, line: 0, expectations: [])], lines: [])
        // "\r\n" is one Character in Swift, so Windows line ends must be named to be split.
        transcript.lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if transcript.lines.last == "" { transcript.lines.removeLast() }
        for (index, raw) in transcript.lines.enumerated() {
            let number = index + 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            func problem(_ message: String) -> Result<Transcript, KnowledgeProblem> {
                .failure(KnowledgeProblem(file: name, line: number, message: message))
            }
            if line.trimmed.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix(">") {
                transcript.turns.append(Turn(input: String(line.dropFirst()).trimmed, line: number, expectations: []))
                continue
            }
            if line.hasPrefix("@") {
                let words = line.dropFirst().split(separator: " ", maxSplits: 1).map { String($0).trimmed }
                switch (words.first, words.count > 1 ? words[1] : nil) {
                case ("lang", let value?):
                    guard let language = Language(rawValue: value) else { return problem("@lang must be ja or en") }
                    transcript.language = language
                case ("region", let value?):
                    guard let region = Region(named: value) else { return problem("@region must be one of " + Region.allCases.map(\.rawValue).joined(separator: ", ")) }
                    transcript.region = region
                case ("now", let value?):
                    guard Timestamp(iso8601: value) != nil else { return problem("@now must look like 2026-01-01T00:00:00Z") }
                    transcript.time = value
                default:
                    return problem("unknown setting '\(line)'; settings are @lang, @region and @now")
                }
                continue
            }
            guard let marker = line.first, line.count >= 2, line.dropFirst().first == " " else {
                return problem("expected '> line', '= text', '~ text', '/ regex', '! text', '? assertion', '@setting' or '# comment'")
            }
            let body = String(line.dropFirst(2))
            let kind: Expectation.Kind
            switch marker {
            case "=": kind = .exact(body)
            case "~": kind = .substring(body)
            case "!": kind = .absentText(body)
            case "/":
                do { _ = try Regex(body) } catch { return problem("'\(body)' is not a valid regular expression") }
                kind = .pattern(body)
            case "?":
                switch parseAssertion(body) {
                case .success(let assertion): kind = .assertion(assertion)
                case .failure(let message): return problem(message.reason)
                }
            default:
                return problem("unknown marker '\(marker)'")
            }
            transcript.turns[transcript.turns.count - 1].expectations.append(Expectation(kind: kind, line: number))
        }
        // An empty file, or one of comments only, checks nothing: passing it would say otherwise.
        guard transcript.turns.contains(where: { $0.input != nil || !$0.expectations.isEmpty }) else {
            return .failure(KnowledgeProblem(file: name, line: 1, message: "the transcript has no lines to say and nothing to check"))
        }
        return .success(transcript)
    }

    struct AssertionProblem: Error { var reason: String }

    static func parseAssertion(_ text: String) -> Result<Assertion, AssertionProblem> {
        let words = text.split(separator: " ").map(String.init)
        guard let name = words.first else { return .failure(AssertionProblem(reason: "an empty assertion")) }
        let rest = Array(words.dropFirst())
        switch name {
        case "present": return .success(.present(rest))
        case "absent": return .success(.absent(rest))
        case "unknown": return .success(.unknown(rest))
        case "question": return .success(rest.isEmpty ? .noQuestion : .question(rest))
        case "no-question": return .success(.noQuestion)
        case "no-recommendation": return .success(.noRecommendation)
        case "reasons": return .success(.reasons(rest))
        case "advice": return .success(.advice(rest))
        case "error": return .success(.error(rest.isEmpty ? nil : rest.joined(separator: " ")))
        case "asks":
            guard rest.count == 1 else { return .failure(AssertionProblem(reason: "'? asks' takes one question id")) }
            return .success(.asks(rest[0]))
        case "says":
            guard rest.count == 1 else { return .failure(AssertionProblem(reason: "'? says' takes one text id of texts.kb")) }
            guard Phrase(rawValue: rest[0]) != nil else {
                return .failure(AssertionProblem(reason: "'? says' takes a text id of texts.kb; '\(rest[0])' is none"))
            }
            return .success(.says(rest[0]))
        case "when":
            guard rest.count == 1, Timeframe(rawValue: rest[0]) != nil else {
                return .failure(AssertionProblem(reason: "'? when' takes one of " + Timeframe.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            return .success(.when(rest[0]))
        case "disposition":
            guard rest.count == 1, Disposition(rawValue: rest[0]) != nil else {
                return .failure(AssertionProblem(reason: "'? disposition' takes one of " + Disposition.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            return .success(.disposition(rest[0]))
        case "values":
            var values: [String: Int] = [:]
            for pair in rest {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let number = Int(parts[1]), ["age", "duration_days", "pain_intensity"].contains(String(parts[0])) else {
                    return .failure(AssertionProblem(reason: "'? values' takes age=N, duration_days=N, pain_intensity=N"))
                }
                values[String(parts[0])] = number
            }
            return .success(.values(values))
        default:
            return .failure(AssertionProblem(reason: "unknown assertion '\(name)'; use present, absent, unknown, values, question, "
                                             + "no-question, asks, disposition, when, no-recommendation, reasons, advice, says or error"))
        }
    }
}

extension Transcript.Assertion {
    /// The assertion as written in a transcript.
    public var written: String {
        switch self {
        case .present(let ids): (["present"] + ids).joined(separator: " ")
        case .absent(let ids): (["absent"] + ids).joined(separator: " ")
        case .unknown(let ids): (["unknown"] + ids).joined(separator: " ")
        case .values(let values): (["values"] + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        case .question(let ids): (["question"] + ids).joined(separator: " ")
        case .noQuestion: "no-question"
        case .disposition(let d): "disposition \(d)"
        case .noRecommendation: "no-recommendation"
        case .reasons(let ids): (["reasons"] + ids).joined(separator: " ")
        case .advice(let ids): (["advice"] + ids).joined(separator: " ")
        case .error(let text): text.map { "error \($0)" } ?? "error"
        case .when(let when): "when \(when)"
        case .asks(let id): "asks \(id)"
        case .says(let id): "says \(id)"
        }
    }
}
