import Foundation
import Testing
@testable import KoshiKit

/// Parses a transcript that must be valid.
private func parsed(_ text: String, name: String = "t.koshi", language: Language = .ja) throws -> Transcript {
    try Transcript.parse(text, name: name, defaultLanguage: language).get()
}

/// The problem a transcript that must be invalid has.
private func problem(_ text: String, name: String = "bad.koshi") -> String? {
    switch Transcript.parse(text, name: name, defaultLanguage: .ja) {
    case .success: nil
    case .failure(let problem): problem.description
    }
}

/// A runner over the built-in knowledge whose `/export` writes nothing and says what it was asked.
private let runner = TranscriptRunner(knowledge: knowledge) { _, path, force, time in
    .message("exported \(path) force=\(force) at \(time)")
}

private func run(_ text: String, name: String = "t.koshi") throws -> TranscriptRunner.Outcome {
    runner.run(try parsed(text, name: name))
}

@Suite("Transcripts: the format")
struct TranscriptParsingTests {
    @Test("each marker becomes its expectation, on its own line number")
    func markers() throws {
        let transcript = try parsed("""
            # a comment
            > 腰が痛い
            = exact line
            ~ part of a line
            / ^a [rR]egex$
            ! never this
            ? present low_back_pain
            """)
        #expect(transcript.turns.count == 2)
        let turn = transcript.turns[1]
        #expect(turn.input == "腰が痛い")
        #expect(turn.line == 2)
        #expect(turn.expectations == [
            .init(kind: .exact("exact line"), line: 3),
            .init(kind: .substring("part of a line"), line: 4),
            .init(kind: .pattern("^a [rR]egex$"), line: 5),
            .init(kind: .absentText("never this"), line: 6),
            .init(kind: .assertion(.present(["low_back_pain"])), line: 7),
        ])
    }

    @Test("every assertion parses", arguments: [
        ("present fever night_pain", Transcript.Assertion.present(["fever", "night_pain"])),
        ("present", .present([])),
        ("absent fever", .absent(["fever"])),
        ("unknown chest_pain", .unknown(["chest_pain"])),
        ("values age=45 duration_days=14 pain_intensity=5", .values(["age": 45, "duration_days": 14, "pain_intensity": 5])),
        ("values", .values([:])),
        ("question age duration", .question(["age", "duration"])),
        ("question", .noQuestion),
        ("no-question", .noQuestion),
        ("disposition doctor-soon", .disposition("doctor-soon")),
        ("no-recommendation", .noRecommendation),
        ("reasons fever", .reasons(["fever"])),
        ("reasons", .reasons([])),
        ("advice stay-active while-waiting", .advice(["stay-active", "while-waiting"])),
        ("error", .error(nil)),
        ("error already exists", .error("already exists")),
    ])
    func assertions(text: String, expected: Transcript.Assertion) throws {
        let transcript = try parsed("> x\n? " + text)
        #expect(transcript.turns[1].expectations.map(\.kind) == [.assertion(expected)])
    }

    @Test("an assertion written back reads as the same assertion", arguments: [
        Transcript.Assertion.present(["fever"]), .absent(["fever", "trauma"]), .unknown([]), .values(["age": 3]),
        .question(["age"]), .noQuestion, .disposition("self-care"), .noRecommendation, .reasons(["age", "duration"]),
        .advice(["stay-active"]), .error(nil), .error("no command"),
    ])
    func writtenRoundTrip(assertion: Transcript.Assertion) throws {
        let transcript = try parsed("> x\n? " + assertion.written)
        #expect(transcript.turns[1].expectations.first?.kind == .assertion(assertion))
    }

    @Test("settings: @lang and @now; without them the default language and time")
    func settings() throws {
        let set = try parsed("@lang en\n@now 2026-02-03T04:05:06Z\n> hi", language: .ja)
        #expect(set.language == .en)
        #expect(set.time == "2026-02-03T04:05:06Z")
        let unset = try parsed("> hi", language: .en)
        #expect(unset.language == .en)
        #expect(unset.time == Transcript.defaultTime)
    }

    @Test("expectations before the first line are about the greeting")
    func greeting() throws {
        let transcript = try parsed("~ こんにちは\n\n# then\n> 腰が痛い\n? present low_back_pain")
        #expect(transcript.turns[0].input == nil)
        #expect(transcript.turns[0].expectations == [.init(kind: .substring("こんにちは"), line: 1)])
        #expect(transcript.turns[1].expectations.map(\.line) == [5])
    }

    @Test("Windows line ends are read like Unix ones")
    func carriageReturns() throws {
        // In Swift "\r\n" is one Character, so splitting on the Character "\n" never splits it.
        let transcript = try parsed("@lang en\r\n> my back hurts\r\n= exact\r\n")
        #expect(transcript.language == .en)
        #expect(transcript.turns.count == 2)
        #expect(transcript.turns.last?.input == "my back hurts")
        #expect(transcript.turns.last?.expectations.map(\.kind) == [.exact("exact")])
        #expect(transcript.turns.last?.expectations.map(\.line) == [3])
    }

    @Test("a line that cannot be read is a problem with its file and line", arguments: [
        ("> x\n@lang fr", "bad.koshi:2: @lang must be ja or en"),
        ("@now yesterday", "bad.koshi:1: @now must look like 2026-01-01T00:00:00Z"),
        ("# ok\n\n@colour on", "bad.koshi:3: unknown setting '@colour on'; settings are @lang, @region and @now"),
        ("@lang", "bad.koshi:1: unknown setting '@lang'; settings are @lang, @region and @now"),
        ("> x\n? says no.such-text", "bad.koshi:2: '? says' takes a text id of texts.kb; 'no.such-text' is none"),
        ("> x\nhello", "bad.koshi:2: expected '> line', '= text', '~ text', '/ regex', '! text', '? assertion', '@setting' or '# comment'"),
        ("> x\n=no space", "bad.koshi:2: expected '> line', '= text', '~ text', '/ regex', '! text', '? assertion', '@setting' or '# comment'"),
        ("> x\n* star", "bad.koshi:2: unknown marker '*'"),
        ("> x\n/ (unclosed", "bad.koshi:2: '(unclosed' is not a valid regular expression"),
        ("> x\n? ", "bad.koshi:2: an empty assertion"),
        ("> x\n> y\n? frobnicate fever", "bad.koshi:3: unknown assertion 'frobnicate'; use present, absent, unknown, values, question, no-question, asks, disposition, when, no-recommendation, reasons, advice, says or error"),
        ("> x\n? disposition urgent", "bad.koshi:2: '? disposition' takes one of emergency, doctor-soon, in-person, self-care"),
        ("> x\n? disposition", "bad.koshi:2: '? disposition' takes one of emergency, doctor-soon, in-person, self-care"),
        ("> x\n? values age=forty", "bad.koshi:2: '? values' takes age=N, duration_days=N, pain_intensity=N"),
        ("> x\n? values weight=60", "bad.koshi:2: '? values' takes age=N, duration_days=N, pain_intensity=N"),
        ("", "bad.koshi:1: the transcript has no lines to say and nothing to check"),
        ("# only a comment\n@lang en\n", "bad.koshi:1: the transcript has no lines to say and nothing to check"),
    ])
    func badLines(text: String, expected: String) {
        #expect(problem(text) == expected)
    }

    @Test("every transcript in Tests/Transcripts parses")
    func shippedTranscriptsParse() throws {
        // The shipped transcripts are replayed by `koshi test`; here only their syntax is checked,
        // so that a typo in one is caught by `swift test` too.
        let folder = #filePath.split(separator: "/").dropLast(2).joined(separator: "/")
        let files = try TranscriptFiles.list("/" + folder + "/Transcripts")
        #expect(files.count >= 32)
        for file in files {
            let text = try TranscriptFiles.read(file)
            if case .failure(let problem) = Transcript.parse(text, name: file, defaultLanguage: .ja) {
                Issue.record("\(problem)")
            }
        }
    }
}

@Suite("Transcripts: replaying")
struct TranscriptRunnerTests {
    @Test("a transcript that matches what koshi says passes, and --update leaves it as it is")
    func passing() throws {
        let text = """
            # A fever makes it doctor-soon once the emergency signs are ruled out.
            @lang en
            ~ Hello, I'm koshi.
            > my lower back hurts and I have a fever
            ? present low_back_pain fever
            ? question saddle_numbness bladder_bowel_dysfunction both_legs_affected chest_pain
            ! See a doctor soon
            > none of those
            ? absent saddle_numbness bladder_bowel_dysfunction both_legs_affected chest_pain
            ? question very_unwell
            > no
            ? absent very_unwell
            ? disposition doctor-soon
            ? reasons fever
            ? advice while-waiting
            = == Be seen by a doctor today ==
            ~ Why: fever ("fever")

            """
        let outcome = try run(text)
        #expect(outcome.failure == nil)
        #expect(outcome.passed)
        #expect(outcome.updated == text)
    }

    @Test("a wrong assertion fails with a diff naming the file and line, the line typed and what koshi did")
    func failingAssertion() throws {
        let outcome = try run("""
            @lang en
            > my lower back hurts
            ? present low_back_pain
            ? disposition self-care
            """, name: "Tests/Transcripts/wrong.koshi")
        #expect(!outcome.passed)
        #expect(outcome.failure == """
            Tests/Transcripts/wrong.koshi:4: expected '? disposition self-care', got '? no-recommendation'
            --- expected
            +++ koshi said
              > my lower back hurts
            - ? disposition self-care
            + ? no-recommendation
            """)
    }

    @Test("a wrong text line fails with the reply from that point on")
    func failingText() throws {
        let hint = knowledge.text(.hintUnreadRemaining, .en)
        var session = Session(knowledge: knowledge, language: .en)
        _ = session.respond(to: "my lower back hurts")
        let question = session.respond(to: "the weather is lovely").events.compactMap { event -> String? in
            if case .question(_, _, let text) = event { return text }
            return nil
        }.first ?? ""
        let outcome = try run("""
            @lang en
            > my lower back hurts
            > the weather is lovely
            = I don't understand.
            """, name: "weather.koshi")
        #expect(outcome.failure == """
            weather.koshi:4: the reply has no such line
            --- expected
            +++ koshi said
              > the weather is lovely
            - = I don't understand.
            + \(hint)
            + \(question)
            """)
    }

    @Test("a forbidden text that appears fails, quoting the line that has it")
    func failingAbsentText() throws {
        let outcome = try run("@lang en\n> my lower back hurts\n! First, to be safe", name: "never.koshi")
        let question = knowledge.questions.first { $0.id == "emergency-signs" }!.text[.en]
        #expect(outcome.failure == """
            never.koshi:3: the reply should not say 'First, to be safe'
            --- expected
            +++ koshi said
              > my lower back hurts
            - ! First, to be safe
            + \(question)
            """)
    }

    @Test("only the first failure is reported, but --update rewrites every failing line and nothing else")
    func update() throws {
        let outcome = try run("""
            # Keep this comment.
            @lang en
            > my lower back hurts
            ? present fever
            ? question fever
            ~ First, to be safe
            ! First, to be safe
            = a line koshi never says
            > none of those
            ? absent saddle_numbness bladder_bowel_dysfunction both_legs_affected chest_pain
            ? disposition emergency
            ? error

            """, name: "update.koshi")
        #expect(outcome.failure?.hasPrefix("update.koshi:4: expected '? present fever', got '? present low_back_pain'\n") == true)
        // A wrong assertion becomes what koshi did; a text line with no reply line left to stand
        // for it, and an error that did not happen, are dropped; a forbidden text that koshi says
        // stays, for a person to reconsider.
        #expect(outcome.updated == """
            # Keep this comment.
            @lang en
            > my lower back hurts
            ? present low_back_pain
            ? question saddle_numbness bladder_bowel_dysfunction both_legs_affected chest_pain
            ~ First, to be safe
            ! First, to be safe
            > none of those
            ? absent saddle_numbness bladder_bowel_dysfunction both_legs_affected chest_pain
            ? no-recommendation

            """)
    }

    @Test("after --update the transcript passes")
    func updateThenPass() throws {
        let text = """
            @lang ja
            > 3日前から腰が痛くて、熱もあります
            ? present low_back_pain
            ? values duration_days=4
            ? question fever
            > ないです
            ? question very_unwell
            > ないです
            ? disposition self-care
            ? reasons trauma
            = 【様子をみる（セルフケア）】

            """
        let first = try run(text, name: "again.koshi")
        #expect(!first.passed)
        #expect(first.updated != text)
        let second = try run(first.updated, name: "again.koshi")
        #expect(second.failure == nil, "\(second.failure ?? "")")
        #expect(second.failure == nil)
        #expect(second.updated == first.updated)
        #expect(first.updated.contains("? present low_back_pain fever\n? values duration_days=3\n"))
        // A wrong text line becomes the remaining reply line most like it.
        #expect(first.updated.contains("? disposition doctor-soon\n? reasons fever\n= 【今日のうちに医療機関を受診】\n"))
    }

    @Test("/quit ends the conversation: it passes as the last line, and a line after it fails")
    func quit() throws {
        let last = try run("@lang en\n> my lower back hurts\n> /quit\n? no-question\n? present\n")
        #expect(last.passed)
        let after = try run("@lang en\n> /quit\n> my lower back hurts\n? present low_back_pain\n", name: "quit.koshi")
        #expect(after.failure == "quit.koshi:3: a line after the session ended with /quit")
        let exit = try run("@lang en\n> /exit\n> hello\n", name: "exit.koshi")
        #expect(exit.failure == "exit.koshi:3: a line after the session ended with /quit")
    }

    @Test("/export goes to the exporter with its path, --force and the transcript's @now; its reply is checked")
    func export() throws {
        let outcome = try run("""
            @lang en
            @now 2026-05-06T07:08:09Z
            > /export a summary.md
            = exported a summary.md force=false at 2026-05-06T07:08:09Z
            > /export b.json --force
            = exported b.json force=true at 2026-05-06T07:08:09Z
            > /export
            ? error Usage: /export FILE
            """)
        #expect(outcome.failure == nil)
    }

    @Test("the reply is checked in order: a text line must come after the one matched before it")
    func order() throws {
        let ordered = try run("@lang en\n> my back hurts and I have a fever\n~ low back pain\n~ First, to be safe\n")
        #expect(ordered.passed)
        let reversed = try run("@lang en\n> my back hurts and I have a fever\n~ First, to be safe\n~ low back pain\n", name: "order.koshi")
        #expect(reversed.failure?.hasPrefix("order.koshi:4: the reply has no such line after the ones already matched") == true)
    }
}

/// The shipped transcripts, found the way `koshi test` finds them.
private enum TranscriptFiles {
    static func list(_ folder: String) throws -> [String] {
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder)
        return names.filter { $0.hasSuffix(".koshi") }.map { folder + "/" + $0 }.sorted()
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}
