import Foundation
import Testing
@testable import KoshiKit

/// The golden summaries beside the tests (Tests/Golden), rewritten when RECORD_SNAPSHOTS is set.
private func golden(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name)
}

/// The lines where `got` first differs from `want`, for a failure a person can read.
private func lineDiff(_ want: String, _ got: String) -> String {
    let a = want.components(separatedBy: "\n"), b = got.components(separatedBy: "\n")
    guard let first = (0..<max(a.count, b.count)).first(where: { $0 >= a.count || $0 >= b.count || a[$0] != b[$0] }) else { return "" }
    let want = first < a.count ? a[first] : "(end)", got = first < b.count ? b[first] : "(end)"
    return "line \(first + 1):\n- \(want)\n+ \(got)"
}

private func checkGolden(_ name: String, _ markdown: String) throws {
    let file = golden(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(markdown.utf8).write(to: file)
        return
    }
    let want = try String(contentsOf: file, encoding: .utf8)
    #expect(want == markdown, "\(name) differs (RECORD_SNAPSHOTS=1 swift test rewrites it after review)\n\(lineDiff(want, markdown))")
}

@Suite("Summary: the Markdown, golden")
struct SummaryMarkdownGoldenTests {
    @Test("an English history with medicines, a reply not understood, a /why and a changed pain score, as Markdown")
    func english() throws {
        var session = summarySession(.en, [SummaryHeaderTests.history, "none of those", "no", "no", "it's the first time and I can still work",
                                           "I sit at a desk all day"], today: CivilDate(year: 2026, month: 3, day: 4))
        _ = session.respond(to: "/why")
        _ = session.respond(to: "the pain is about a 6 out of 10")
        _ = session.respond(to: "actually more like 7 out of 10 when I stand up")
        try checkGolden("summary-en.md", summaryWriter.markdown(summary(session)))
    }

    @Test("a Japanese sciatica with a question back and bare noes, that turns urgent with a fever said later, as Markdown")
    func japanese() throws {
        let session = summarySession(.ja, ["3日前にかがんだ瞬間に腰が痛くなりました。右のお尻から太ももにかけて痛いです",
                                           "①の『股・陰部』ってどういう意味ですか？", "いいえ", "ない", "ないです", "ないです", "45歳の女性です。痛みは6くらい",
                                           "あと、昨日から熱もあります", "いいえ"],
                                     today: CivilDate(year: 2026, month: 3, day: 4))
        try checkGolden("summary-ja.md", summaryWriter.markdown(summary(session)))
    }

    @Test("the Markdown puts the recommendation, the header and the red flags before the plan and the transcript")
    func order() throws {
        let markdown = summaryWriter.markdown(summary(summarySession(.en, inPersonLines)))
        let headings = ["## Recommendation", "## History at a glance", "## Red flags", "## What the person was told", "## Transcript"]
        let positions = try headings.map { try #require(markdown.range(of: $0)?.lowerBound, "\($0)") }
        #expect(positions == positions.sorted())
    }
}

@Suite("Summary: escaping what the person typed")
struct SummaryEscapingTests {
    /// A state written by hand, because a session already strips control characters from input:
    /// the writer must be safe on its own.
    func hostileState() -> DialogueState {
        var state = DialogueState(language: .en)
        let text = "*bold* _it_ [link](http://x) #1 | <script>\u{1B}[31mred\u{07}"
        state.complaint = text
        state.transcript = [TranscriptEntry(role: .user, text: text)]
        state.findings["fever"] = RecordedFinding(status: .present, line: 1, evidence: "a | b\nc")
        state.lineCount = 1
        return state
    }

    @Test("Markdown specials in user text are escaped, so they show as typed")
    func markdownSpecials() {
        let markdown = summaryWriter.markdown(Summary(state: hostileState(), knowledge: knowledge, time: nil))
        let escaped = ##"\*bold\* \_it\_ \[link\](http://x) #1 \| \<script\>"##
        #expect(markdown.contains("**: “" + escaped))
        #expect(markdown.contains("- **Person (line 1)**: " + escaped))
        #expect(!markdown.contains("*bold*"))
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("[link]("))
    }

    @Test("control characters never reach the Markdown file")
    func markdownControlCharacters() {
        let markdown = summaryWriter.markdown(Summary(state: hostileState(), knowledge: knowledge, time: nil))
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(markdown.contains("\u{FFFD}\\[31mred\u{FFFD}"))
    }

    @Test("a table cell keeps to its row: a pipe is escaped and a line break becomes a space")
    func markdownTableCell() {
        let markdown = summaryWriter.markdown(Summary(state: hostileState(), knowledge: knowledge, time: nil))
        #expect(markdown.contains("| fever | yes | “a \\| b c” (line 1) |"))
    }

    @Test("the JSON escapes control characters and gives back exactly what was typed")
    func jsonControlCharacters() throws {
        let record = Summary(state: hostileState(), knowledge: knowledge, time: nil)
        let compact = summaryWriter.json(record).serialized
        #expect(!compact.unicodeScalars.contains { $0.value < 0x20 })
        #expect(compact.contains(#"\u001b[31mred\u0007"#))
        let object = try parsedJSON(record)
        #expect(object["complaint"] as? String == hostileState().complaint)
        let transcript = try #require(object["transcript"] as? [[String: Any]])
        #expect(transcript.first?["text"] as? String == hostileState().complaint)
    }
}

@Suite("Summary: /summary on the terminal")
struct SummaryTerminalTests {
    @Test("/summary gives the complaint, the header rows with the person's words, the findings by state and the values")
    func terminalText() {
        let text = summaryWriter.text(summary(summarySession(.en, inPersonLines)))
        #expect(text.hasPrefix("Back pain consultation summary (koshi)\n"))
        #expect(text.contains("\nThe complaint in the person's own words: my lower back has ached for 8 weeks and I sit at a desk all day\n"))
        #expect(text.contains("\n・Duration: 56 days “8 weeks”\n"))
        #expect(text.contains("\nUnknown: none\nAsked, answer not understood: none\nNot asked: none\n"), "the follow-ups nothing led to are not open")
        #expect(text.contains("\nValues: age 40 years old, how long it has hurt 56 days, pain intensity 5/10\n"))
        #expect(text.contains("\nRecommendation: Not urgent, but have it looked at in person\n"))
        #expect(text.contains("\nPlan: ") && text.contains("Sit well"))
    }
}
