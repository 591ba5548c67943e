import Foundation
import Testing

/// Three turns, each ending its own way: lone CR (old Mac files), CR LF (Windows), LF.
private let mixedEndings = "my back hurts\rnone of those\r\nno\n"

@Suite("Line endings: LF, CR LF and a lone CR each end a line")
struct LineEndingTests {
    @Test("a --script file with CR, CR LF or mixed line endings is read line by line",
          arguments: ["\r", "\r\n", "mixed"])
    func scriptLineEndings(ending: String) throws {
        let folder = try TestFolder("endings")
        let text = ending == "mixed" ? mixedEndings : ["my back hurts", "none of those", "no"].map { $0 + ending }.joined()
        let script = try folder.write(text, to: "visit.txt")
        let result = try Koshi.run(["--lang", "en", "--format", "jsonl", "--script", script])
        #expect(result.status == 0)
        #expect(try jsonEvents(result.stdout, ofType: "findings").count == 3, "\(result.stdout)")
        #expect(try jsonEvents(result.stdout, ofType: "error").isEmpty, "a CR was left in a line: \(result.stdout)")
    }

    @Test("piped input with CR-only line endings is read line by line, and a comment ends at its CR")
    func pipedLineEndings() throws {
        let piped = try Koshi.run(["--lang", "en", "--format", "jsonl"], input: "my back hurts\rnone of those\rno\r")
        #expect(try jsonEvents(piped.stdout, ofType: "findings").count == 3, "\(piped.stdout)")
        let scripted = try Koshi.run(["--lang", "en", "--format", "jsonl", "--script", "-"], input: "# a comment\rmy back hurts\r")
        #expect(try jsonEvents(scripted.stdout, ofType: "findings").count == 1, "\(scripted.stdout)")
    }

    @Test("CR LF split across two reads is one line end, not two")
    func lineEndAcrossReads() throws {
        let folder = try TestFolder("endings")
        // The CR is the last byte of koshi's first 64 KiB read and the LF the first of the next.
        let first = "/help" + String(repeating: " ", count: (1 << 16) - 6) + "\r"
        #expect(first.utf8.count == 1 << 16)
        let script = try folder.write(first + "\nmy back hurts\r\n", to: "long.txt")
        let result = try Koshi.run(["--lang", "en", "--format", "jsonl", "--script", script])
        let kinds = try jsonEvents(result.stdout).compactMap { $0["type"] as? String }
        #expect(kinds.filter { $0 == "ready" }.count == 3, "one ready at the start and one after each of the two lines: \(kinds)")
        #expect(kinds.filter { $0 == "findings" }.count == 1)
    }

    @Test("koshi test reads transcripts with CR or CR LF line endings", arguments: ["\r", "\r\n", "mixed"])
    func transcriptLineEndings(ending: String) throws {
        let folder = try TestFolder("endings")
        let lines = ["@lang en", "> my back hurts", "? present low_back_pain", "> none of those", "? absent saddle_numbness bladder_bowel_dysfunction both_legs_affected chest_pain"]
        let text = ending == "mixed"
            ? "@lang en\r> my back hurts\r\n? present low_back_pain\n> none of those\r? absent saddle_numbness bladder_bowel_dysfunction both_legs_affected chest_pain\r\n"
            : lines.map { $0 + ending }.joined()
        let transcript = try folder.write(text, to: "t.koshi")
        let result = try Koshi.run(["test", transcript])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("1 passed, 0 failed\n"), "\(result.stdout)")
    }

    @Test("koshi test --update keeps a transcript's CR LF line endings")
    func updateKeepsLineEndings() throws {
        let folder = try TestFolder("endings")
        let transcript = try folder.write("@lang en\r\n> my back hurts\r\n? present fever\r\n", to: "t.koshi")
        _ = try Koshi.run(["test", "--update", transcript])
        let updated = try #require(folder.read("t.koshi"))
        #expect(updated.contains("? present low_back_pain\r\n"), "\(updated.debugDescription)")
        #expect(!updated.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(updated.debugDescription)")
    }
}
