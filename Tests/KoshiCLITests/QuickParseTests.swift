import Testing
@testable import koshi

@Suite("The quick reading of chat arguments agrees with ArgumentParser")
struct QuickParseTests {
    @Test("common invocations read the same both ways", arguments: [
        [], ["--format", "jsonl"], ["--lang", "en", "--format", "jsonl"], ["--format=jsonl", "--lang=ja"],
        ["--script", "visit.txt"], ["--script", "-"], ["--no-history"], ["--knowledge", "Knowledge"],
        ["--now", "2026-01-01T00:00:00Z", "--lang", "en"], ["--export", "/tmp/koshi-quick-parse-test.md", "--force"],
    ])
    func agrees(arguments: [String]) throws {
        let quick = try #require(Chat.quickParse(arguments))
        #expect(quick == (try koshi.Koshi.parse(arguments)).chat)
    }

    @Test("anything else is left to ArgumentParser, which explains it", arguments: [
        ["--help"], ["-h"], ["--version"], ["test", "x"], ["kb", "check"], ["--verbose"], ["--format", "xml"],
        ["--lang"], ["--lang", "fr"], ["--format", "jsonl", "--format", "text"], ["--force=yes"], ["--now", "yesterday"],
        ["--export", "summary.txt"], ["--script", "--format"], ["extra"],
    ])
    func fallsBack(arguments: [String]) {
        #expect(Chat.quickParse(arguments) == nil)
    }
}
