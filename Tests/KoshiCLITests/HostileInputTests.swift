import Foundation
import Testing

/// A folder of files for one test, removed when the test ends.
private final class Files {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "koshi-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes `bytes` to a file in the folder and returns its path.
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }
}

/// The events of a `--format jsonl` run; every stdout line must parse as one JSON object.
private func events(_ stdout: String) throws -> [[String: Any]] {
    try stdout.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
    }
}

private func count(_ type: String, in events: [[String: Any]]) -> Int {
    events.filter { $0["type"] as? String == type }.count
}

/// The first character on stdout that must never reach a terminal raw: C0 and C1 controls
/// (ESC, BEL, CSI…) and DEL; a newline ends a line and is allowed.
private func firstRawControl(_ stdout: String) -> Unicode.Scalar? {
    stdout.unicodeScalars.first { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
}

/// Hostile pieces that a person could paste or a file could hold.
private let escapeSequences = [
    "\u{1B}[31mred\u{1B}[0m", "\u{1B}[2J\u{1B}[H", "\u{1B}]0;pwned\u{07}", "\u{1B}]8;;http://example.com\u{1B}\\link\u{1B}]8;;\u{1B}\\",
    "\u{1B}P1$r\u{1B}\\", "\u{9B}31m", "\u{1B}[?1049h", "bell\u{07}", "back\u{08}space", "\u{1B}",
]

@Suite("Hostile input to the real binary")
struct HostileInputTests {
    // Piped, as typed: a `--script` that is not UTF-8 text is refused instead (HostileInputRound3Tests).
    @Test("invalid UTF-8 piped in is answered with a clear error and the line is still read", arguments: ["text", "jsonl"])
    func invalidUTF8(format: String) throws {
        let bytes = Array("腰が痛い".utf8) + [0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x0A] + Array("no\n".utf8)
        let result = try Koshi.run(["--lang", "en", "--format", format], inputBytes: bytes)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(firstRawControl(result.stdout) == nil)
        if format == "jsonl" {
            let all = try events(result.stdout)
            #expect(count("error", in: all) == 1)
            #expect(count("findings", in: all) == 2)
            let findings = try #require(all.first { $0["type"] as? String == "findings" })
            #expect(findings["present"] as? [String] == ["low_back_pain"])
        } else {
            #expect(result.stdout.contains("! "))
        }
    }

    @Test("NUL and control characters are dropped, said so, and never written back", arguments: ["text", "jsonl"])
    func controlCharacters(format: String) throws {
        let files = try Files()
        // No CR among them: a CR ends a line, as LF does (LineEndingTests).
        let line: [UInt8] = Array("my\u{00}back\u{01}hurts\u{7F}".utf8) + [0x0B, 0x0C] + Array("\u{85}and\tI have a fever".utf8)
        let script = try files.write(line + [0x0A], to: "controls.txt")
        let result = try Koshi.run(["--lang", "en", "--format", format, "--script", script])
        #expect(result.status == 0)
        #expect(firstRawControl(result.stdout) == nil, "\(result.stdout.debugDescription)")
        if format == "jsonl" {
            let all = try events(result.stdout)
            #expect(count("findings", in: all) == 1)
            #expect(count("error", in: all) == 1)
        }
    }

    @Test("terminal escape sequences are never echoed raw", arguments: ["text", "jsonl"])
    func escapeSequencesAreNotEchoed(format: String) throws {
        let files = try Files()
        let input = escapeSequences.map { "my back hurts \($0) and \($0)I have a fever" }
            + escapeSequences.map { "/\($0)help" } + escapeSequences.map { "/export \(files.folder)/\($0)x.md" } + ["/why", "/summary"]
        for language in ["ja", "en"] {
            let result = try Koshi.run(["--lang", language, "--format", format], input: input.joined(separator: "\n") + "\n")
            #expect(result.status == 0)
            #expect(!result.stdout.utf8.contains(0x1B), "ESC on stdout (\(format), \(language))")
            #expect(firstRawControl(result.stdout) == nil, "(\(format), \(language))")
            if format == "jsonl" {
                let all = try events(result.stdout)
                #expect(count("findings", in: all) == escapeSequences.count)
            }
        }
    }

    @Test("a line of more than a megabyte is answered, with a clear message that it was cut", arguments: ["text", "jsonl"])
    func megabyteLine(format: String) throws {
        let long = String(repeating: "my back hurts and I have a fever. ", count: 33_000)
        #expect(long.utf8.count > 1 << 20)
        let started = Date()
        let result = try Koshi.run(["--lang", "en", "--format", format], input: long + "\nno\n")
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        if format == "jsonl" {
            let all = try events(result.stdout)
            #expect(count("error", in: all) == 1)
            #expect(count("findings", in: all) == 2, "the long line and the next are both answered")
            let findings = try #require(all.first { $0["type"] as? String == "findings" })
            #expect((findings["present"] as? [String] ?? []).contains("fever"))
        } else {
            #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("! ") })
        }
    }

    @Test("a binary file piped in ends normally with valid UTF-8 and no controls on stdout; as a script it is refused",
          arguments: ["text", "jsonl"])
    func binaryScript(format: String) throws {
        let files = try Files()
        // A fixed xorshift sequence: the same "binary file" every run, so a failure reproduces.
        var state: UInt32 = 2_463_534_242
        let bytes = (0..<200_000).map { _ -> UInt8 in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
        let result = try Koshi.run(["--format", format], inputBytes: bytes)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(firstRawControl(result.stdout) == nil)
        if format == "jsonl" { _ = try events(result.stdout) }
        let script = try files.write(bytes, to: "binary.bin")
        let refused = try Koshi.run(["--format", format, "--script", script])
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("koshi: cannot read script '\(script)': it is "), "\(refused.stderr)")
        #expect(refused.stderr.hasSuffix("; save it as UTF-8\n"), "\(refused.stderr)")
    }

    @Test("an empty script: the greeting, one ready, status 0")
    func emptyScript() throws {
        let files = try Files()
        let script = try files.write([], to: "empty.txt")
        let result = try Koshi.run(["--format", "jsonl", "--script", script])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let all = try events(result.stdout)
        #expect(all.map { $0["type"] as? String ?? "" } == ["message", "ready"])
    }

    @Test("a script of only commands: no findings, one ready per command")
    func onlyCommands() throws {
        let files = try Files()
        let commands = ["/help", "/why", "/summary", "/lang en", "/reset", "/bogus", "/lang fr", "/export"]
        let script = try files.write(commands.joined(separator: "\n") + "\n", to: "commands.txt")
        let result = try Koshi.run(["--format", "jsonl", "--script", script])
        #expect(result.status == 0)
        let all = try events(result.stdout)
        #expect(count("findings", in: all) == 0)
        #expect(count("ready", in: all) == 1 + commands.count)
        #expect(count("error", in: all) == 3, "unknown command, unknown language, /export without a file")
    }

    @Test("a closed stdout ends koshi cleanly: status 0, no crash, no backtrace", arguments: ["text", "jsonl"])
    func closedStandardOutput(format: String) throws {
        let files = try Files()
        let lines = (0..<3_000).map { $0 % 2 == 0 ? "my lower back hurts" : "/help" }
        let script = try files.write(lines.joined(separator: "\n") + "\n", to: "long.txt")
        let status = files.folder + "/status", stderr = files.folder + "/stderr"
        let command = "{ \"$0\" --format \(format) --script \"$1\" 2>\"$2\"; echo $? >\"$3\"; } | head -1"
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command, Koshi.binary.path, script, stderr, status]
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        let code = try String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let errors = try String(contentsOfFile: stderr, encoding: .utf8)
        #expect(code == "0")
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("/export to a place that cannot be written: an error event, and the session goes on",
          arguments: ["/dev/full", "/proc/koshi-summary.md", "/nonexistent-folder/summary.md"])
    func exportCannotBeWritten(path: String) throws {
        let result = try Koshi.run(["--lang", "en", "--format", "jsonl"], input: "my back hurts\n/export \(path)\nI have a fever\n")
        #expect(result.status == 0)
        let all = try events(result.stdout)
        let error = try #require(all.first { $0["type"] as? String == "error" })
        #expect((error["message"] as? String ?? "").contains(path))
        #expect(count("findings", in: all) == 2, "the line after the export was answered")
        #expect(count("ready", in: all) == 4)
    }

    @Test("a knowledge base that is missing, empty or malformed: one clear line on stderr, status 2",
          arguments: ["missing", "empty", "malformed", "not-utf8", "a-file"])
    func badKnowledgeBase(kind: String) throws {
        let files = try Files()
        let folder = files.folder + "/kb"
        switch kind {
        case "missing": break
        case "empty": try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        case "a-file": _ = try files.write("not a folder", to: "kb")
        default:
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            let bytes: [UInt8] = kind == "malformed" ? Array("[concept fever\ngroup red_flag\n".utf8) : [0xFF, 0xFE, 0x00, 0x5B]
            _ = try files.write(bytes, to: "kb/concepts.kb")
        }
        let result = try Koshi.run(["--knowledge", folder, "--format", "jsonl"], input: "my back hurts\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("koshi: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("an output that fails (a full disk) is said on stderr, the summary still holds every line, status 1")
    func fullOutput() throws {
        let files = try Files()
        let summary = files.folder + "/s.json"
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "printf 'my back hurts\\nno\\nno\\nI am 40\\n' | \"$0\" --lang en --export \"$1\" >/dev/full 2>\"$2\"; echo $? >\"$3\"",
                           Koshi.binary.path, summary, files.folder + "/stderr", files.folder + "/status"]
        try shell.run()
        shell.waitUntilExit()
        #expect(try String(contentsOfFile: files.folder + "/status", encoding: .utf8).hasPrefix("1"))
        let errors = try String(contentsOfFile: files.folder + "/stderr", encoding: .utf8)
        #expect(errors == "koshi: cannot write the output: No space left on device\n")
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any])
        let transcript = try #require(exported["transcript"] as? [[String: Any]])
        #expect(transcript.filter { $0["role"] as? String == "user" }.count == 4, "lines were lost with the output")
    }

    @Test("a script that cannot be read to its end: one clear line, status 2")
    func unreadableScript() throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        let files = try Files()
        shell.arguments = ["-c", "\"$0\" --script - < \"$1\" >/dev/null 2>\"$2\"; echo $? >\"$3\"",
                           Koshi.binary.path, files.folder, files.folder + "/stderr", files.folder + "/status"]
        try shell.run()
        shell.waitUntilExit()
        #expect(try String(contentsOfFile: files.folder + "/status", encoding: .utf8).hasPrefix("2"))
        #expect(try String(contentsOfFile: files.folder + "/stderr", encoding: .utf8) == "koshi: cannot read the input: Is a directory\n")
    }

    @Test("an argument with a newline or an escape sequence: one line, shown escaped, status 2",
          arguments: ["--script", "--lang", "--knowledge"])
    func controlCharactersInArguments(option: String) throws {
        let result = try Koshi.run([option, "a\nb\u{1B}[2J"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(firstRawControl(result.stderr.replacingOccurrences(of: "\n", with: "")) == nil)
        #expect(result.stderr.contains("a\\u{A}b\\u{1B}[2J"), "\(result.stderr)")
    }

    @Test("koshi test: an export never leaves the test's own folder, whatever path the transcript names")
    func testExportsStayInside() throws {
        let files = try Files()
        let victim = try files.write("keep me\n", to: "victim.md")
        let transcript = try files.write("""
            @lang en
            > my back hurts
            > /export \(victim) --force
            > /export ../../../../../../\(files.folder)/victim.md --force
            """, to: "t.koshi")
        _ = try Koshi.run(["test", transcript])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
    }

    @Test("koshi test and kb check skip what is not a regular file: a FIFO does not hang them")
    func fifosAreSkipped() throws {
        let files = try Files()
        try FileManager.default.createDirectory(atPath: files.folder + "/t", withIntermediateDirectories: false)
        _ = try files.write("@lang en\n> my back hurts\n? present low_back_pain\n", to: "t/ok.koshi")
        #expect(mkfifo(files.folder + "/t/pipe.koshi", 0o600) == 0)
        let tested = try Koshi.run(["test", files.folder + "/t"])
        #expect(tested.stdout.contains("1 passed, 0 failed"), "\(tested.stdout)")
        try FileManager.default.createDirectory(atPath: files.folder + "/kb", withIntermediateDirectories: false)
        #expect(mkfifo(files.folder + "/kb/pipe.kb", 0o600) == 0)
        let checked = try Koshi.run(["kb", "check", files.folder + "/kb"])
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("pipe.kb:1: cannot read it: it is not a regular file"), "\(checked.stdout)")
    }

    @Test("kb check: a control character in a knowledge file is a problem, and is shown escaped")
    func controlCharactersInKnowledge() throws {
        let files = try Files()
        try FileManager.default.createDirectory(atPath: files.folder + "/kb", withIntermediateDirectories: false)
        _ = try files.write("[text greeting]\nja: こんにちは\u{1B}[2J\nen: Hello\n", to: "kb/texts.kb")
        _ = try files.write([0xFF, 0xFE], to: "kb/broken.kb")
        let checked = try Koshi.run(["kb", "check", files.folder + "/kb"])
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("texts.kb:2: a control character (U+001B) is not allowed"), "\(checked.stdout)")
        #expect(checked.stdout.contains("broken.kb:1: it is not valid UTF-8 text"), "\(checked.stdout)")
        #expect(firstRawControl(checked.stdout) == nil)
    }

    @Test("SIGTERM to a piped session with --export: the summary is written, the status says 143")
    func terminatedPipeKeepsItsSummary() throws {
        let files = try Files()
        let summary = files.folder + "/s.json"
        let process = Process()
        process.executableURL = Koshi.binary
        process.arguments = ["--lang", "en", "--format", "jsonl", "--export", summary]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("my back hurts\n".utf8))
        // Wait until the line was answered (its question and the next ready), then stop koshi.
        var seen = Data()
        while seen.split(separator: UInt8(ascii: "\n")).filter({ $0.contains(UInt8(ascii: "y")) && String(decoding: $0, as: UTF8.self).contains("ready") }).count < 2 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any])
        let transcript = try #require(exported["transcript"] as? [[String: Any]])
        #expect(transcript.contains { $0["text"] as? String == "my back hurts" })
    }

    @Test("a Japanese line cut at a megabyte is not called invalid UTF-8; a byte order mark and an 8-bit CSI go quietly")
    func cutsAndMarks() throws {
        let files = try Files()
        let long = try files.write(String(repeating: "腰", count: 400_000) + "\n", to: "long.txt")
        let cut = try events(try Koshi.run(["--format", "jsonl", "--lang", "en", "--script", long]).stdout)
        let errors = cut.filter { $0["type"] as? String == "error" }.compactMap { $0["message"] as? String }
        #expect(errors.count == 1, "only the cut is reported: \(errors)")
        #expect(!errors.contains { $0.contains("UTF-8") })
        let marked = try files.write([0xEF, 0xBB, 0xBF] + Array("# a comment\nmy back hurts\n".utf8), to: "bom.txt")
        #expect(count("findings", in: try events(try Koshi.run(["--format", "jsonl", "--lang", "en", "--script", marked]).stdout)) == 1)
        let csi = try events(try Koshi.run(["--format", "jsonl", "--lang", "en"], input: "\u{9B}31mback pain\n").stdout)
        #expect(csi.first { $0["type"] as? String == "findings" }?["present"] as? [String] == ["low_back_pain"])
    }

    @Test("koshi test: an empty transcript fails, and --update keeps a transcript's permissions")
    func transcriptFiles() throws {
        let files = try Files()
        let empty = try files.write("", to: "empty.koshi")
        let tested = try Koshi.run(["test", empty])
        #expect(tested.status == 1)
        #expect(tested.stdout.contains("no lines to say and nothing to check"), "\(tested.stdout)")
        let wrong = try files.write("@lang en\n> my back hurts\n? present fever\n", to: "wrong.koshi")
        #expect(chmod(wrong, 0o644) == 0)
        _ = try Koshi.run(["test", "--update", wrong])
        var info = stat()
        #expect(stat(wrong, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o644)
        #expect(try String(contentsOfFile: wrong, encoding: .utf8).contains("? present low_back_pain"))
    }

    @Test("koshi test does not follow a link to a folder, reads no file over 64 MB, and takes a byte order mark")
    func testFolderEdges() throws {
        let files = try Files()
        try FileManager.default.createDirectory(atPath: files.folder + "/t", withIntermediateDirectories: false)
        _ = try files.write([0xEF, 0xBB, 0xBF] + Array("@lang en\n> my back hurts\n? present low_back_pain\n".utf8), to: "t/marked.koshi")
        #expect(symlink("/proc", files.folder + "/t/proc") == 0)
        let tested = try Koshi.run(["test", files.folder + "/t"])
        #expect(tested.stdout.hasSuffix("1 passed, 0 failed\n"), "\(tested.stdout)")
        let huge = files.folder + "/huge.koshi"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 65 << 20) == 0)
        let refused = try Koshi.run(["test", huge])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("larger than 64 MB"), "\(refused.stdout)")
    }

    @Test("an argument that is not valid UTF-8 is refused, not silently changed")
    func invalidUTF8Argument() throws {
        let files = try Files()
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" --export \"$(printf 'r\\377.md')\" </dev/null >/dev/null 2>\"$1\"; echo $? >\"$2\"",
                           Koshi.binary.path, files.folder + "/stderr", files.folder + "/status"]
        shell.currentDirectoryURL = URL(fileURLWithPath: files.folder)
        try shell.run()
        shell.waitUntilExit()
        #expect(try String(contentsOfFile: files.folder + "/status", encoding: .utf8).hasPrefix("2"))
        #expect(try String(contentsOfFile: files.folder + "/stderr", encoding: .utf8).contains("is not valid UTF-8"))
        #expect(!FileManager.default.fileExists(atPath: files.folder + "/r\u{FFFD}.md"))
    }

    @Test("a line of invisible characters is blank: no turn, no second ready")
    func invisibleLines() throws {
        let all = try events(try Koshi.run(["--format", "jsonl", "--lang", "en"], input: "back pain\n\u{200B}\n\u{FEFF}\u{2060}\n").stdout)
        #expect(count("findings", in: all) == 1)
        #expect(count("ready", in: all) == 2)
    }
}
