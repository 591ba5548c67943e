import Foundation
import Testing

/// Characters that change how text is laid out or ordered without being seen: line and paragraph
/// separators, the bidi embeddings, overrides and isolates, and the direction marks; and those
/// that show nothing at all (black-box round 3): zero-width space, a byte order mark inside a
/// text, soft hyphen, word joiner, invisible operators, Hangul filler, Mongolian vowel separator.
private let invisibles: [Unicode.Scalar] = [0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                            0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
                                            0x200B, 0xFEFF, 0x00AD, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x3164, 0x180E].map { Unicode.Scalar($0)! }

/// The first such character, or a control character other than a newline, in what koshi wrote.
private func firstRawInvisible(_ text: String) -> Unicode.Scalar? {
    text.unicodeScalars.first { invisibles.contains($0) || ($0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value))) }
}

/// Every one of them, in text a person could type or a file name could hold.
private let allInvisibles = String(String.UnicodeScalarView(invisibles))

@Suite("Invisible layout characters are shown escaped wherever koshi echoes them")
struct EscapingTests {
    @Test("in error messages about arguments: koshi's own and ArgumentParser's",
          arguments: [["--export", "a\u{2028}b\u{202E}c.txt"], ["--lang", "x\u{200F}y"], ["--script", "/nonexistent/\u{2029}\u{2066}x"],
                      ["--knowledge", "/nonexistent/\u{061C}kb"], ["--script", "a\u{200B}b\u{FEFF}c\u{00AD}d\u{2060}.txt"]])
    func errorMessages(arguments: [String]) throws {
        let result = try Koshi.run(arguments)
        #expect(result.status == 2)
        #expect(firstRawInvisible(result.stderr) == nil, "\(result.stderr.debugDescription)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        let shown = arguments[1].unicodeScalars.map { invisibles.contains($0) ? "\\u{\(String($0.value, radix: 16, uppercase: true))}" : String($0) }.joined()
        #expect(result.stderr.contains(shown), "\(result.stderr)")
    }

    @Test("in the chat: a file name in /export's reply, /why and /summary")
    func chatText() throws {
        let folder = try TestFolder("escaping")
        let input = "my back hurts \u{2028}a lot\u{2029} \u{200E}x\u{200F}y\u{061C}\n/export \(folder.path)/a\u{2028}b.txt\n/why\n/summary\n"
        let result = try Koshi.run(["--lang", "en"], input: input)
        #expect(result.status == 0)
        #expect(firstRawInvisible(result.stdout) == nil, "\(result.stdout.debugDescription)")
        #expect(result.stdout.contains("a\\u{2028}b.txt"), "\(result.stdout)")
    }

    @Test("in the Markdown summary (as other control characters are), while the JSON summary keeps what was typed")
    func summaries() throws {
        let folder = try TestFolder("escaping")
        let line = "my back hurts \u{2028}a lot\u{2029} \u{200E}x\u{200F}y\u{061C}"
        let markdown = try Koshi.run(["--lang", "en", "--export", folder.file("s.md")], input: line + "\n")
        #expect(markdown.status == 0)
        let text = try #require(folder.read("s.md"))
        #expect(firstRawInvisible(text) == nil, "\(text.debugDescription)")
        // As the Markdown shows any other control character: the replacement character.
        #expect(text.contains("“my back hurts \u{FFFD}a lot\u{FFFD} \u{FFFD}x\u{FFFD}y\u{FFFD}” (line 1)"), "\(text)")
        _ = try Koshi.run(["--lang", "en", "--export", folder.file("s.json")], input: line + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("s.json")))) as? [String: Any])
        let transcript = try #require(object["transcript"] as? [[String: Any]])
        #expect(transcript.contains { $0["text"] as? String == line })
    }

    @Test("in koshi test: a failing transcript's diff and its file name")
    func transcriptDiff() throws {
        let folder = try TestFolder("escaping")
        let transcript = try folder.write("@lang en\n> my back \u{2028}hurts\u{200F}\n= nothing like \(allInvisibles)this\n", to: "t\u{202E}x.koshi")
        let result = try Koshi.run(["test", transcript])
        #expect(result.status == 1)
        #expect(firstRawInvisible(result.stdout) == nil, "\(result.stdout.debugDescription)")
        #expect(result.stdout.contains("t\\u{202E}x.koshi"), "\(result.stdout)")
        #expect(result.stdout.contains("\\u{2028}"), "\(result.stdout)")
    }

    @Test("in kb check: a knowledge file's name")
    func knowledgeFileName() throws {
        let folder = try TestFolder("escaping")
        _ = try folder.makeFolder("kb")
        try folder.write([0xFF], to: "kb/\u{202E}x\u{2028}.kb")
        let result = try Koshi.run(["kb", "check", folder.file("kb")])
        #expect(result.status == 1)
        #expect(firstRawInvisible(result.stdout) == nil, "\(result.stdout.debugDescription)")
        #expect(result.stdout.contains("\\u{202E}x\\u{2028}.kb:1: it is not valid UTF-8 text"), "\(result.stdout)")
    }
}
