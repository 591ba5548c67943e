import Foundation
import Testing

/// What the third black-box round found (`/work/blackbox/round3/FINDINGS.md`, by its numbers),
/// each run on the real binary. The history findings (15, 22) need a terminal: `HistoryTests`.
@Suite("Hostile input, black-box round 3")
struct HostileInputRound3Tests {
    /// The shipped knowledge folder.
    static let knowledgeFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Knowledge").standardized.path

    /// Runs `command` with `sh -c`, the arguments after it as "$0", "$1"…; its stdout is returned.
    static func shell(_ command: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command] + arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: 9

    @Test("9: --knowledge on a base that kb check rejects (it loads, but has no concepts) runs no session: one line, status 2")
    func knowledgeThatFailsTheCheck() throws {
        let folder = try TestFolder("round3")
        let kb = try folder.makeFolder("kb")
        for name in KnowledgeBaseCheckTests.neededFiles { try folder.write("", to: "kb/\(name)") }
        try folder.write("[knowledge]\nversion: 1\n", to: "kb/manifest.kb")
        try folder.write(String(contentsOfFile: Self.knowledgeFolder + "/texts.kb", encoding: .utf8), to: "kb/texts.kb")
        let checked = try Koshi.run(["kb", "check", kb])
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("canonical concept 'saddle_numbness' is missing"), "\(checked.stdout)")
        let result = try Koshi.run(["--knowledge", kb, "--lang", "en", "--format", "jsonl"],
                                   input: "my back hurts, I cannot pee and my groin is numb\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "no session was held")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("koshi: the knowledge base is not valid: "), "\(result.stderr)")
        #expect(result.stderr.contains("more; see 'koshi kb check \(kb)')"), "\(result.stderr)")
    }

    @Test("9: --knowledge on a copy of the shipped base, which kb check passes, still holds a session")
    func shippedKnowledgeStillLoads() throws {
        let folder = try TestFolder("round3")
        try FileManager.default.copyItem(atPath: Self.knowledgeFolder, toPath: folder.file("kb"))
        let result = try Koshi.run(["--knowledge", folder.file("kb"), "--lang", "en", "--format", "jsonl"], input: "my back hurts\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try jsonEvents(result.stdout, ofType: "findings").count == 1)
    }

    // MARK: 10

    static let japaneseLines = "腰が痛いです\nどれもありません\n"

    /// The same two lines in another encoding, as a Windows editor or iconv writes them.
    static func encoded(_ encoding: String) -> [UInt8] {
        let units = Array(japaneseLines.utf16)
        switch encoding {
        case "UTF-16LE with BOM": return [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16BE with BOM": return [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "UTF-32LE with BOM":
            return [0xFF, 0xFE, 0, 0] + japaneseLines.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
        default:  // Shift_JIS: 腰が痛いです / どれもありません
            return [0x8D, 0x98, 0x82, 0xAA, 0x92, 0xC9, 0x82, 0xA2, 0x82, 0xC5, 0x82, 0xB7, 0x0A,
                    0x82, 0xC7, 0x82, 0xEA, 0x82, 0xE0, 0x82, 0xA0, 0x82, 0xE8, 0x82, 0xDC, 0x82, 0xB9, 0x82, 0xF1, 0x0A]
        }
    }

    @Test("10: a script in UTF-16, UTF-32 or Shift_JIS is refused before anything is said: one line, status 2",
          arguments: ["UTF-16LE with BOM", "UTF-16BE with BOM", "UTF-32LE with BOM", "Shift_JIS"])
    func scriptNotUTF8(encoding: String) throws {
        let folder = try TestFolder("round3")
        let script = try folder.write(Self.encoded(encoding), to: "script.txt")
        let result = try Koshi.run(["--lang", "en", "--script", script])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        let said = encoding.hasPrefix("UTF-16") ? "it is UTF-16 text" : encoding.hasPrefix("UTF-32") ? "it is UTF-32 text"
            : "it is not UTF-8 text (Shift_JIS or another encoding)"
        #expect(result.stderr == "koshi: cannot read script '\(script)': \(said); save it as UTF-8\n")
    }

    @Test("10: a line further on that is not UTF-8 ends the script there: said on stderr, status 2; a UTF-8 BOM is fine")
    func scriptNotUTF8FurtherOn() throws {
        let folder = try TestFolder("round3")
        // Past the first block koshi reads (64 KB), so that only the line itself can tell.
        let comments = String(repeating: "# a comment to fill the first block of the script\n", count: 2_000)
        let script = try folder.write([0xEF, 0xBB, 0xBF] + Array((comments + "my back hurts\n").utf8) + Self.encoded("Shift_JIS"), to: "late.txt")
        let result = try Koshi.run(["--lang", "en", "--format", "jsonl", "--script", script])
        #expect(result.status == 2)
        #expect(try jsonEvents(result.stdout, ofType: "findings").count == 1, "the lines before it were answered")
        #expect(result.stderr == "koshi: cannot read the input: line 2002 of the script is not UTF-8 text "
                + "(Shift_JIS or another encoding); save it as UTF-8\n")
        let marked = try folder.write([0xEF, 0xBB, 0xBF] + Array(Self.japaneseLines.utf8), to: "bom.txt")
        let accepted = try Koshi.run(["--format", "jsonl", "--script", marked])
        #expect(accepted.status == 0)
        #expect(try jsonEvents(accepted.stdout, ofType: "findings").count == 2)
    }

    // MARK: 13

    @Test("13: koshi test | head removes its temporary folder though its reader went away")
    func testRunIntoClosedPipe() throws {
        let folder = try TestFolder("round3")
        _ = try folder.makeFolder("tmp")
        _ = try folder.makeFolder("tr")
        for i in 1...120 {
            try folder.write("@lang en\n> my back hurts\n= wrong \(i)\n> /export out.json\n> no\n= wrong\n", to: "tr/t\(i).koshi")
        }
        // SIGPIPE as a shell leaves it: this test process ignores it, and koshi would inherit that.
        let status = try Self.shell("TMPDIR=\"$1\" env --default-signal=PIPE \"$0\" test \"$2\" | head -c 100 >/dev/null; echo done",
                                    [Koshi.binary.path, folder.file("tmp"), folder.file("tr")])
        #expect(status == "done\n")
        #expect(folder.names(in: "tmp").isEmpty, "left behind: \(folder.names(in: "tmp"))")
    }

    // MARK: 14

    @Test("14: with --export --force, a folder, FIFO or link put at the path during the session is left; the summary goes beside it",
          arguments: ["folder", "fifo", "link"])
    func forcedExportTargetReplaced(kind: String) throws {
        let folder = try TestFolder("round3")
        let path = try folder.write("old\n", to: "s.json")
        try folder.write("someone else's\n", to: "other.json")
        let session = try LiveSession(["--lang", "en", "--export", path, "--force"], saying: "my back hurts")
        try FileManager.default.removeItem(atPath: path)
        switch kind {
        case "folder": _ = try folder.makeFolder("s.json")
        case "fifo": #expect(mkfifo(path, 0o600) == 0)
        default: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder.file("other.json"))
        }
        let (status, stderr) = try session.finish()
        #expect(status == 0, "\(stderr)")
        let what = ["folder": "a folder", "fifo": "a FIFO", "link": "a symbolic link"][kind]!
        #expect(stderr == "koshi: \(path) is \(what) now, not a file, and was left as it was; the summary was written to \(folder.file("s-1.json"))\n")
        let summary = try #require(FileManager.default.contents(atPath: folder.file("s-1.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: summary) as? [String: Any])
        #expect((object["transcript"] as? [[String: Any]])?.contains { $0["text"] as? String == "my back hurts" } == true)
        #expect(folder.read("other.json") == "someone else's\n", "nothing was written through the link")
    }

    // MARK: 16

    @Test("16: /export to a folder, FIFO or link says it is not a file, and does not offer --force, which could not help",
          arguments: ["folder", "fifo", "link"])
    func exportCommandToNotAFile(kind: String) throws {
        let folder = try TestFolder("round3")
        let path = folder.file("dir.json")
        switch kind {
        case "folder": _ = try folder.makeFolder("dir.json")
        case "fifo": #expect(mkfifo(path, 0o600) == 0)
        default:
            try folder.write("keep\n", to: "target.json")
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder.file("target.json"))
        }
        let result = try Koshi.run(["--lang", "en"], input: "my back hurts\n/export \(path)\n/export \(path) --force\nnone of those\n")
        #expect(result.status == 0)
        let what = ["folder": "a folder", "fifo": "a FIFO", "link": "a symbolic link"][kind]!
        let said = "! Could not write \(path) (it is \(what), not a file; choose another name). The conversation goes on.\n"
        #expect(result.stdout.components(separatedBy: said).count - 1 == 2, "\(result.stdout)")
        #expect(!result.stdout.contains("--force"), "\(result.stdout)")
        #expect(result.stdout.contains("Next, do any of these apply?"), "the session went on")
        if kind == "link" { #expect(folder.read("target.json") == "keep\n") }
    }

    // MARK: 17

    @Test("17: help, version, kb check and a passing koshi test say so and exit 1 when stdout cannot be written",
          arguments: [["--help"], ["--version"], ["kb", "check"], ["kb", "check", "--help"], ["test", "PASSING"]])
    func fullStdout(arguments: [String]) throws {
        let folder = try TestFolder("round3")
        let passing = try folder.write("@lang en\n> /quit\n", to: "pass.koshi")
        let arguments = arguments.map { $0 == "PASSING" ? passing : $0 }
        let output = try Self.shell("\"$0\" \"$@\" >/dev/full 2>\"$ERR\"; echo $?", [Koshi.binary.path] + arguments,
                                    environment: ["ERR": folder.file("err")])
        #expect(output == "1\n")
        #expect(folder.read("err") == "koshi: cannot write the output: No space left on device\n")
        // And a reader that goes away early is a normal end for help.
        _ = try Self.shell("{ env --default-signal=PIPE \"$0\" --help; echo $? >\"$1\"; } | head -c 1 >/dev/null",
                           [Koshi.binary.path, folder.file("status")])
        #expect(folder.read("status") == "0\n")
    }

    // MARK: 18

    @Test("18: a huge bad argument is echoed cut to its first 80 characters and '…', on one short line",
          arguments: ["--lang", "--region=", "--export", "--script", "--knowledge", "test", "kb check", "--"])
    func hugeArgumentCut(option: String) throws {
        let huge = String(repeating: "a", count: 120_000)
        let arguments: [String] = switch option {
        case "--region=": ["--region=" + huge]
        case "kb check": ["kb", "check", huge]
        case "--": ["--" + huge]
        case "--export": ["--export", huge + ".md"]
        default: [option, huge]
        }
        let result = try Koshi.run(arguments, input: "x\n")
        #expect(result.status == 2)
        #expect(result.stderr.utf8.count < 400, "\(result.stderr.prefix(300))")
        #expect(result.stderr.split(separator: "\n").count == 1)
        // "--aaa…" is cut as a whole: its dashes are two of the 80.
        #expect(result.stderr.contains(String(repeating: "a", count: option == "--" ? 78 : 80) + "…"), "\(result.stderr.prefix(300))")
        #expect(!result.stderr.contains(String(repeating: "a", count: 81)))
    }

    // MARK: 19

    @Test("19: zero-width space, BOM, soft hyphen and word joiner are shown escaped in messages and replies, replaced in Markdown",
          arguments: [0x200B, 0xFEFF, 0x00AD, 0x2060] as [UInt32])
    func invisibleFormatCharacters(code: UInt32) throws {
        let folder = try TestFolder("round3")
        let character = String(Character(Unicode.Scalar(code)!))
        let escaped = "\\u{\(String(code, radix: 16, uppercase: true))}"
        try folder.write("my back hurts\n", to: "a.txt")
        let missing = try Koshi.run(["--script", folder.file("a\(character).txt")])
        #expect(missing.status == 2)
        #expect(missing.stderr == "koshi: cannot read script '\(folder.file("a\(escaped).txt"))': No such file or directory\n")
        let chat = try Koshi.run(["--lang", "en", "--export", folder.file("s.md")],
                                 input: "my back\(character) hurts\n/export \(folder.file("b\(character).md"))\n/why\n")
        #expect(chat.status == 0)
        #expect(!chat.stdout.contains(character), "\(chat.stdout)")
        #expect(chat.stdout.contains("b\(escaped).md"), "\(chat.stdout)")
        let markdown = try #require(folder.read("s.md"))
        #expect(!markdown.contains(character))
        #expect(markdown.contains("“my back\u{FFFD} hurts” (line 1)"), "\(markdown)")
    }

    // MARK: 20

    @Test("20: kb check takes a .kb that starts with a UTF-8 BOM or ends its lines with CR alone, and blames a missing [knowledge] on manifest.kb")
    func knowledgeFileMarksAndBlame() throws {
        let folder = try TestFolder("round3")
        var outputs: [String: String] = [:]
        for (name, manifest) in [("none", nil), ("plain", "[knowledge]\nversion: 1\n"), ("bom", "\u{FEFF}[knowledge]\nversion: 1\n"),
                                 ("cr", "[knowledge]\rversion: 1\r"), ("crlf", "[knowledge]\r\nversion: 1\r\n")] as [(String, String?)] {
            _ = try folder.makeFolder(name)
            for file in KnowledgeBaseCheckTests.neededFiles { try folder.write("", to: "\(name)/\(file)") }
            if let manifest { try folder.write(manifest, to: "\(name)/manifest.kb") }
            let checked = try Koshi.run(["kb", "check", folder.file(name)])
            #expect(checked.status == 1)
            outputs[name] = checked.stdout.replacingOccurrences(of: folder.file(name) + "/", with: "")
        }
        let none = try #require(outputs["none"])
        #expect(none.contains("manifest.kb:1: the knowledge base has no '[knowledge]' record with a version\n"), "\(none)")
        #expect(!none.contains("advice.kb:1: the knowledge base has no '[knowledge]'"))
        let plain = try #require(outputs["plain"])
        #expect(!plain.contains("[knowledge]"), "\(plain)")
        #expect(!plain.contains("manifest.kb"), "\(plain)")
        for name in ["bom", "cr", "crlf"] { #expect(outputs[name] == plain, "\(name): \(outputs[name] ?? "")") }
    }

    // MARK: 21

    @Test("21: the rest of an over-long line is skipped fast: 200 MB on one line costs little more than its first megabyte")
    func overlongLineSkippedFast() throws {
        let folder = try TestFolder("round3")
        let megabyte = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        #expect(FileManager.default.createFile(atPath: folder.file("long.txt"), contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.file("long.txt")))
        for _ in 0..<200 { try handle.write(contentsOf: megabyte) }
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        try folder.write(megabyte + [UInt8(ascii: "a"), 0x0A], to: "short.txt")
        func seconds(_ script: String) throws -> Double {
            let started = Date()
            let result = try Koshi.run(["--lang", "en", "--format", "jsonl", "--script", folder.file(script)])
            #expect(result.status == 0)
            #expect(try jsonEvents(result.stdout, ofType: "error").count == 1, "the cut is said once")
            return Date().timeIntervalSince(started)
        }
        let short = try seconds("short.txt"), long = try seconds("long.txt")
        // Skipping 199 MB byte by byte took seconds (8 s and more in a debug build); by blocks it takes milliseconds.
        #expect(long - short < 3, "a 1 MB line took \(short) s, a 200 MB one \(long) s")
    }
}
