import Foundation
import Testing

/// The events of a `--format jsonl` run, each line parsed as another program would parse it.
private func events(_ stdout: String) throws -> [[String: Any]] {
    try stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(line)")
    }
}

private func types(_ events: [[String: Any]]) -> [String] {
    events.map { $0["type"] as? String ?? "(none)" }
}

/// A script with every kind of line: sentences, a comment, blank lines, commands.
private let script = """
    my lower back hurts
    # a comment is not a turn

    none of those
    /why
    /bogus
       
    # another comment
    no
    no

    """
/// The lines of `script` that are turns (not blank, not comments), and those that are not commands.
private let turns = ["my lower back hurts", "none of those", "/why", "/bogus", "no", "no"]
private let sentences = turns.filter { !$0.hasPrefix("/") }

@Suite("The JSON-lines stream")
struct StreamTests {
    @Test("every stdout line is one JSON object with a type")
    func everyLineIsAnEvent() throws {
        let result = try Koshi.run(["--format", "jsonl", "--lang", "en"], input: script)
        #expect(result.stdout.hasSuffix("\n"))
        let all = try events(result.stdout)
        #expect(all.count > 10)
        let known: Set = ["message", "findings", "question", "recommendation", "error", "ready"]
        for event in all {
            #expect(known.contains(event["type"] as? String ?? ""), "\(event)")
        }
    }

    @Test("exactly one ready each time koshi waits: one at the start, then one after each line that is a turn")
    func oneReadyPerWait() throws {
        let result = try Koshi.run(["--format", "jsonl", "--lang", "en", "--script", "-"], input: script)
        let kinds = types(try events(result.stdout))
        #expect(kinds.filter { $0 == "ready" }.count == 1 + turns.count)
        #expect(kinds.last == "ready", "koshi was waiting when the input ended")
        #expect(zip(kinds, kinds.dropFirst()).allSatisfy { !($0 == "ready" && $1 == "ready") }, "\(kinds)")
    }

    @Test("exactly one findings event for each line that is not a command, and none for commands")
    func oneFindingsPerSentence() throws {
        let result = try Koshi.run(["--format", "jsonl", "--lang", "en", "--script", "-"], input: script)
        let all = try events(result.stdout)
        #expect(types(all).filter { $0 == "findings" }.count == sentences.count)
        // Between two readies is the reply to one turn; the greeting comes before the first.
        var replies: [[String]] = [[]]
        for kind in types(all) {
            if kind == "ready" { replies.append([]) } else { replies[replies.count - 1].append(kind) }
        }
        let answered = replies.dropFirst().filter { !$0.isEmpty }
        #expect(answered.count == turns.count)
        for (turn, reply) in zip(turns, answered) {
            #expect(reply.filter { $0 == "findings" }.count == (turn.hasPrefix("/") ? 0 : 1), "\(turn): \(reply)")
        }
    }

    @Test("the events carry CONTRACT.md's fields")
    func fields() throws {
        let result = try Koshi.run(["--format", "jsonl", "--lang", "en"], input: "my back hurts and I have a fever\n/nope\nnone of those\nno\n")
        let all = try events(result.stdout)
        let findings = try #require(all.first { $0["type"] as? String == "findings" })
        #expect(Set(findings["present"] as? [String] ?? []) == ["low_back_pain", "fever"])
        #expect(findings["absent"] as? [String] == [])
        #expect(findings["values"] as? [String: Int] == [:])
        let question = try #require(all.first { $0["type"] as? String == "question" })
        #expect(question["concepts"] as? [String] == ["saddle_numbness", "bladder_bowel_dysfunction", "both_legs_affected", "chest_pain"])
        #expect((question["text"] as? String)?.hasPrefix("First, to be safe") == true)
        let error = try #require(all.first { $0["type"] as? String == "error" })
        #expect((error["message"] as? String)?.contains("/nope") == true)
        let recommendation = try #require(all.first { $0["type"] as? String == "recommendation" })
        #expect(recommendation["disposition"] as? String == "doctor-soon")
        #expect(recommendation["reasons"] as? [String] == ["fever"])
        #expect((recommendation["advice"] as? [String])?.contains("while-waiting") == true)
        #expect((recommendation["text"] as? String)?.hasPrefix("== Be seen by a doctor today ==") == true)
        #expect(recommendation["when"] as? String == "today")
        let greeting = try #require(all.first)
        #expect(greeting["type"] as? String == "message")
        #expect((greeting["text"] as? String)?.hasPrefix("Hello, I'm koshi.") == true)
        let values = try events(try Koshi.run(["--format", "jsonl"], input: "45歳、2週間前から、痛みは6です\n").stdout)
        let stated = try #require(values.first { $0["type"] as? String == "findings" })
        #expect(stated["values"] as? [String: Int] == ["age": 45, "duration_days": 14, "pain_intensity": 6])
    }

    @Test("--script FILE and --script - skip the same comments and blank lines; piped lines skip blanks only")
    func scriptModes() throws {
        let file = NSTemporaryDirectory() + "koshi-stream-\(UUID().uuidString).txt"
        try Data(script.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let fromFile = try Koshi.run(["--format", "jsonl", "--lang", "en", "--script", file])
        let dash = try Koshi.run(["--format", "jsonl", "--lang", "en", "--script", "-"], input: script)
        #expect(dash.stdout == fromFile.stdout)
        // Piped, a line that starts with # is something typed: 「#7119に電話すべき？」.
        let piped = try events(try Koshi.run(["--format", "jsonl", "--lang", "en"], input: script).stdout)
        #expect(types(piped).filter { $0 == "findings" }.count == sentences.count + 2)
        let hashTag = try events(try Koshi.run(["--format", "jsonl", "--lang", "ja"], input: "#7119に電話すべき？腰痛がひどい\n").stdout)
        #expect(types(hashTag).filter { $0 == "findings" }.count == 1)
        // A line of full-width spaces is blank: no turn, and no second ready for it.
        let blank = try events(try Koshi.run(["--format", "jsonl", "--lang", "ja"], input: "腰痛\n\u{3000}\n\u{3000}\u{3000}\n").stdout)
        #expect(types(blank).filter { $0 == "ready" }.count == 2)
        for result in [fromFile, dash] {
            #expect(!result.stdout.contains("comment"))
            let all = try events(result.stdout)
            #expect(types(all).filter { $0 == "findings" }.count == sentences.count)
            #expect(!all.contains { ($0["text"] as? String)?.hasPrefix("Sorry, I couldn't place that") == true },
                    "a comment or blank line was read as a turn")
        }
    }

    @Test("the text format skips a script's comments and blank lines too")
    func textSkips() throws {
        let result = try Koshi.run(["--lang", "en", "--script", "-"], input: "# just a comment\n\n   \nmy back hurts\n")
        #expect(!result.stdout.contains("Sorry, I couldn't place that"))
        #expect(result.stdout.contains("First, to be safe"))
    }

    @Test("the stream ends at end of input with status 0 and nothing on stderr")
    func endsAtEOF() throws {
        for input in ["", "my back hurts\n", "my back hurts", "none of those\n/quit\nnever read\n"] {
            let result = try Koshi.run(["--format", "jsonl"], input: input)
            #expect(result.status == 0, "\(input)")
            #expect(result.stderr.isEmpty, "\(input): \(result.stderr)")
            #expect(types(try events(result.stdout)).last == "ready", "\(input)")
        }
        let unterminated = try events(try Koshi.run(["--format", "jsonl", "--lang", "en"], input: "my back hurts").stdout)
        #expect(types(unterminated).filter { $0 == "findings" }.count == 1, "a last line without a newline is still a turn")
        let quit = try events(try Koshi.run(["--format", "jsonl", "--lang", "en"], input: "my back hurts\n/quit\nnone of those\n").stdout)
        #expect(types(quit).filter { $0 == "findings" }.count == 1, "nothing after /quit is read")
    }

    @Test("a conversation over pipes: each event is flushed, so koshi answers one line at a time")
    func pipeConversation() throws {
        let (process, input, output) = try startStream()
        defer { if process.isRunning { process.terminate() } }
        var reader = EventReader(descriptor: output.fileHandleForReading.fileDescriptor)

        let greeting = try reader.untilReady()
        #expect(types(greeting) == ["message", "ready"])

        input.fileHandleForWriting.write(Data("my lower back hurts\n".utf8))
        let first = try reader.untilReady()
        #expect(types(first) == ["findings", "question", "ready"])
        #expect(first[0]["present"] as? [String] == ["low_back_pain"])

        input.fileHandleForWriting.write(Data("/why\n".utf8))
        #expect(types(try reader.untilReady()) == ["message", "ready"])

        input.fileHandleForWriting.write(Data("none of those\n".utf8))
        let second = try reader.untilReady()
        #expect(types(second) == ["findings", "question", "ready"])
        #expect(second[1]["concepts"] as? [String] == ["leg_numbness", "leg_weakness", "fever", "weight_loss", "night_pain"])

        try input.fileHandleForWriting.close()
        #expect(try reader.rest().isEmpty, "nothing more after the input ends")
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }
}

extension StreamTests {
    @Test("libedit is loaded only for a chat at a terminal: not for the stream, before or after a turn")
    func noLineEditorOverPipes() throws {
        let (process, input, output) = try startStream()
        defer { if process.isRunning { process.terminate() } }
        var reader = EventReader(descriptor: output.fileHandleForReading.fileDescriptor)
        func mappedFiles() throws -> String {
            try String(contentsOfFile: "/proc/\(process.processIdentifier)/maps", encoding: .utf8)
        }

        _ = try reader.untilReady()
        let atStart = try mappedFiles()
        #expect(atStart.contains("libc.so"), "the maps were not read")
        #expect(!atStart.contains("libedit"))
        input.fileHandleForWriting.write(Data("my lower back hurts\n".utf8))
        _ = try reader.untilReady()
        #expect(!(try mappedFiles()).contains("libedit"))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// `koshi --format jsonl --lang en` running over pipes, as another program would hold it.
private func startStream() throws -> (process: Process, input: Pipe, output: Pipe) {
    let process = Process()
    process.executableURL = Koshi.binary
    process.arguments = ["--format", "jsonl", "--lang", "en"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    return (process, input, output)
}

/// Reads JSON lines from a pipe as they come, never waiting longer than a timeout, so that a
/// koshi that does not flush fails the test instead of hanging it.
private struct EventReader {
    struct Timeout: Error, CustomStringConvertible {
        var received: String
        var description: String { "no ready event within the timeout; received so far: \(received)" }
    }

    let descriptor: Int32
    var timeout: Int32 = 10_000
    var pending: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The events up to and including the next `ready`.
    mutating func untilReady() throws -> [[String: Any]] {
        var found: [[String: Any]] = []
        while true {
            let line = try nextLine()
            guard let line else { throw Timeout(received: "\(found) (end of output)") }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            found.append(object)
            if object["type"] as? String == "ready" { return found }
        }
    }

    /// Everything until the end of output.
    mutating func rest() throws -> [String] {
        var lines: [String] = []
        while let line = try nextLine() { lines.append(line) }
        return lines
    }

    /// The next line, or nil at the end of output; throws if none arrives in time.
    private mutating func nextLine() throws -> String? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { throw Timeout(received: String(decoding: pending, as: UTF8.self)) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 {
                defer { pending = [] }
                return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self)
            }
            pending += buffer[0..<count]
        }
    }
}
