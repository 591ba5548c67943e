import Foundation
import Testing
@testable import KoshiKit

/// A session fed `lines`, as a script would feed it.
private func session(_ language: Language, _ lines: [String]) -> Session {
    var session = Session(knowledge: knowledge, language: language)
    _ = session.opening()
    for line in lines { _ = session.respond(to: line) }
    return session
}

/// Eight weeks of desk-work back pain: in-person, with values and absent findings, and a plan
/// drawn from the article.
private let inPerson = session(.en, [
    "my lower back has ached for 8 weeks and I sit at a desk all day",
    "none of those",
    "no",
    "no",
    "I'm 40, pain about 4",
])

/// The same with the doctor-soon signs answered "not sure": unknown red flags are not ruled out,
/// so it ends doctor-soon rather than in-person (CONTRACT.md).
private let withUnknowns = session(.en, [
    "my lower back has ached for 8 weeks and I sit at a desk all day",
    "none of those",
    "not sure",
    "no",
    "I'm 40, pain about 4",
])

private let time = "2026-03-04T05:06:07Z"
private let writer = SummaryWriter(knowledge: knowledge)

private func summary(_ session: Session, time: String? = time) -> Summary {
    Summary(state: session.state, knowledge: knowledge, time: time)
}

/// The JSON summary, read back with Foundation as another program would read it.
private func parsedJSON(_ summary: Summary) throws -> [String: Any] {
    let text = writer.json(summary).pretty()
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
}

private let redFlags = knowledge.concepts.filter { $0.group == .redFlag }.map(\.id)

@Suite("Summary: what the export says")
struct SummaryTests {
    @Test("the session behind these tests ends in-person, with the findings the tests expect")
    func premise() {
        let state = inPerson.state
        #expect(state.recommendation?.disposition == .inPerson)
        #expect(state.status(of: "fever") == .absent)
        #expect(withUnknowns.state.status(of: "fever") == .unknown)
        #expect(withUnknowns.state.recommendation?.disposition == .doctorSoon)
        #expect(state.status(of: "chest_pain") == .absent)
        #expect(state.isPresent("desk_work"))
    }

    @Test("the Markdown has the time, the knowledge base version, the language and the disclaimer")
    func markdownHeader() {
        let markdown = writer.markdown(summary(inPerson))
        #expect(markdown.hasPrefix("# Back pain consultation summary (koshi)\n"))
        #expect(markdown.contains("- Made at: 2026-03-04T05:06:07Z\n"))
        #expect(markdown.contains("- Knowledge base version: \(knowledge.version)\n"))
        #expect(markdown.contains("- Language: en\n"))
        #expect(markdown.contains("> Note: koshi does not diagnose."))
    }

    @Test("the Markdown quotes the complaint in the person's words")
    func markdownComplaint() {
        let markdown = writer.markdown(summary(inPerson))
        #expect(markdown.contains("## The complaint in the person's own words\n\n> my lower back has ached for 8 weeks and I sit at a desk all day\n"))
    }

    @Test("the Markdown lists findings present, absent and unknown, each with the words and line behind it")
    func markdownFindings() {
        let markdown = writer.markdown(summary(withUnknowns))
        #expect(markdown.contains("**Present**\n\n- low back pain (“lower back has ached”, line 1)\n- desk work, long hours sitting (“at a desk”, line 1)\n"))
        #expect(markdown.contains("\n- chest pain (“none of those”, line 2)\n"))
        #expect(markdown.contains("**Unknown**\n\n"))
        #expect(markdown.contains("\n- fever (“not sure”, line 3)\n"))
        let present = markdown.range(of: "**Present**")!.lowerBound
        let absent = markdown.range(of: "**Absent**")!.lowerBound
        let unknown = markdown.range(of: "**Unknown**")!.lowerBound
        #expect(present < absent && absent < unknown)
    }

    @Test("the Markdown gives the values with the words they came from")
    func markdownValues() {
        let markdown = writer.markdown(summary(inPerson))
        #expect(markdown.contains("**Values**\n\n- age: 40 years old (“I'm 40”)\n- how long it has hurt: 56 days (“8 weeks”)\n"))
    }

    @Test("the Markdown has a row for every red flag with its answer, and 'not asked' for those never asked")
    func markdownRedFlags() {
        let markdown = writer.markdown(summary(withUnknowns))
        #expect(markdown.contains("| Sign | Answer |\n|---|---|\n"))
        for id in redFlags {
            let label = Markdown.escape(knowledge.label(id, .en), inTable: true)
            let answer = switch inPerson.state.status(of: id) {
            case .present?: "yes"
            case .absent?: "no"
            case .unknown?: "not known"
            case nil: "not asked"
            }
            #expect(markdown.contains("\n| \(label) | \(answer)"), "\(id)")
        }
        #expect(markdown.contains("| chest pain | no (“none of those”) |"))
        #expect(markdown.contains("| fever | not known (“not sure”) |"))
        let fresh = writer.markdown(summary(session(.en, ["my back hurts"])))
        #expect(fresh.contains("| fever | not asked |"))
    }

    @Test("the Markdown gives the disposition, its id and its reasons")
    func markdownDisposition() {
        let markdown = writer.markdown(summary(inPerson))
        #expect(markdown.contains("## Recommendation\n\n**Not urgent, but have it looked at in person** (`in-person`)\n\nReasons:\n\n- how long it has hurt (“8 weeks”, line 1)\n"))
    }

    @Test("the Markdown gives the plan, each item with its sources, the article's by section")
    func markdownPlan() {
        let markdown = writer.markdown(summary(inPerson))
        let advice = inPerson.state.recommendation?.advice ?? []
        #expect(advice.contains("sitting-posture"))
        for id in advice {
            let title = knowledge.advice.first { $0.id == id }!.title[.en]
            #expect(markdown.contains("- **\(Markdown.escape(title))**: "), "\(id)")
        }
        #expect(markdown.contains("- **Sit well**: Sit right back in your chair"))
        #expect(markdown.contains(#" (the article, "How you sit and stand")\#n"#))
        #expect(markdown.contains(#" (the article, "Breaks and stretches during desk work", the article, "Everyday habits that keep it from coming back")\#n"#))
    }

    @Test("the Markdown ends with the whole conversation, both sides")
    func markdownTranscript() {
        let markdown = writer.markdown(summary(inPerson))
        let transcript = markdown.components(separatedBy: "## Transcript\n\n").last ?? ""
        #expect(transcript.hasPrefix("- **koshi**: Hello, I'm koshi."))
        #expect(transcript.contains("- **Person**: my lower back has ached for 8 weeks and I sit at a desk all day\n"))
        #expect(transcript.contains("- **Person**: none of those\n- **koshi**: Next, do any of these apply?"))
        #expect(transcript.contains("- **Person**: I'm 40, pain about 4\n- **koshi**: \\== Not urgent: book an appointment to have it looked at ==  \n"))
        let userLines = transcript.components(separatedBy: "\n- **Person**: ").count - 1
        #expect(userLines == 5)
    }

    @Test("before any recommendation the Markdown says there is none yet")
    func markdownWithoutRecommendation() {
        let markdown = writer.markdown(summary(session(.en, ["my back hurts"])))
        #expect(markdown.contains("## Recommendation\n\nNo recommendation yet.\n"))
        #expect(markdown.contains("## Plan\n\n- none\n"))
    }

    @Test("a summary made without a clock has no time line")
    func markdownWithoutTime() {
        #expect(!writer.markdown(summary(inPerson, time: nil)).contains("Made at"))
    }

    @Test("the Japanese Markdown is in Japanese")
    func japaneseMarkdown() {
        let ja = session(.ja, ["3日前から腰が痛くて、熱もあります", "どれもありません", "いいえ"])
        let markdown = writer.markdown(summary(ja))
        #expect(markdown.hasPrefix("# 腰痛の相談のまとめ（koshi）\n"))
        #expect(markdown.contains("- 作成日時: 2026-03-04T05:06:07Z\n"))
        #expect(markdown.contains("(`doctor-soon`)"))
        #expect(markdown.contains("- 発熱 (“熱”, 1行目)\n"))
        #expect(markdown.contains("| 発熱 | あり (“熱”) |"))
        #expect(markdown.contains("| がんの既往 | 未確認 |"))
        #expect(markdown.contains("- **ご本人**: どれもありません\n"))
        #expect(markdown.contains("> ※ koshi は診断をするものではありません。"))
    }

    @Test("the JSON has CONTRACT.md's fields")
    func json() throws {
        let object = try parsedJSON(summary(inPerson))
        #expect(object["disposition"] as? String == "in-person")
        #expect(object["reasons"] as? [String] == ["duration"])
        let findings = try #require(object["findings"] as? [String: [String]])
        #expect(findings["present"] == ["low_back_pain", "desk_work"])
        #expect(Set(findings["absent"] ?? []) == ["saddle_numbness", "bladder_bowel_dysfunction", "both_legs_affected", "chest_pain",
                                                  "leg_numbness", "leg_weakness", "fever", "weight_loss", "night_pain",
                                                  "trauma", "cancer_history", "osteoporosis", "steroid_use", "immunosuppression"])
        #expect(findings["unknown"] == [])
        #expect(object["values"] as? [String: Int] == ["age": 40, "duration_days": 56, "pain_intensity": 4])
        #expect(object["language"] as? String == "en")
        #expect(object["knowledge_version"] as? String == knowledge.version)
        #expect(object["time"] as? String == time)
        #expect((object["disclaimer"] as? String)?.hasPrefix("Note: koshi does not diagnose.") == true)
    }

    @Test("each advice item in the JSON has its id, text and article section")
    func jsonAdvice() throws {
        let object = try parsedJSON(summary(inPerson))
        let advice = try #require(object["advice"] as? [[String: Any]])
        #expect(advice.map { $0["id"] as? String } == (inPerson.state.recommendation?.advice ?? []).map { Optional.some($0.rawValue) })
        let sitting = try #require(advice.first { $0["id"] as? String == "sitting-posture" })
        #expect((sitting["text"] as? String)?.hasPrefix("Sit right back in your chair") == true)
        #expect(sitting["section"] as? String == "5.1")
        let active = try #require(advice.first { $0["id"] as? String == "stay-active" })
        #expect(active["section"] is NSNull, "stay-active cites guidelines only")
        #expect(active["text"] as? String == knowledge.advice.first { $0.id == "stay-active" }?.text[.en])
    }

    @Test("the JSON transcript is the conversation as role and text")
    func jsonTranscript() throws {
        let object = try parsedJSON(summary(inPerson))
        let transcript = try #require(object["transcript"] as? [[String: String]])
        #expect(transcript.allSatisfy { Set($0.keys) == ["role", "text"] })
        #expect(transcript.allSatisfy { $0["role"] == "user" || $0["role"] == "advisor" })
        #expect(transcript.filter { $0["role"] == "user" }.map { $0["text"] } == [
            "my lower back has ached for 8 weeks and I sit at a desk all day", "none of those", "no", "no", "I'm 40, pain about 4",
        ])
        #expect(transcript.first?["role"] == "advisor")
        #expect(transcript.first?["text"]?.hasPrefix("Hello, I'm koshi.") == true)
        #expect(transcript.last?["text"]?.hasPrefix("== Not urgent: book an appointment to have it looked at ==") == true)
    }

    @Test("before any recommendation the JSON's disposition is null and its reasons and advice empty")
    func jsonWithoutRecommendation() throws {
        let object = try parsedJSON(summary(session(.ja, ["腰が痛い"]), time: nil))
        #expect(object["disposition"] is NSNull)
        #expect(object["reasons"] as? [String] == [])
        #expect(object["advice"] as? [Any] != nil && (object["advice"] as? [Any])?.isEmpty == true)
        #expect(object["language"] as? String == "ja")
        #expect(object["time"] is NSNull)
        #expect(object["values"] as? [String: Int] == [:])
    }

    @Test("a value the person does not know is null in the JSON and 'not known' in the Markdown")
    func unknownValue() throws {
        let unsure = session(.en, ["my lower back aches", "none", "none", "none", "no idea"])
        #expect(unsure.state.values[.age] != nil && unsure.state.values[.age]?.value == nil)
        let object = try parsedJSON(summary(unsure))
        let values = try #require(object["values"] as? [String: Any])
        #expect(values["age"] is NSNull)
        #expect(writer.markdown(summary(unsure)).contains("- age: not known (“no idea”)\n"))
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
        let markdown = writer.markdown(Summary(state: hostileState(), knowledge: knowledge, time: nil))
        let escaped = ##"\*bold\* \_it\_ \[link\](http://x) #1 \| \<script\>"##
        #expect(markdown.contains("> " + escaped))
        #expect(markdown.contains("- **Person**: " + escaped))
        #expect(!markdown.contains("*bold*"))
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("[link]("))
    }

    @Test("control characters never reach the Markdown file")
    func markdownControlCharacters() {
        let markdown = writer.markdown(Summary(state: hostileState(), knowledge: knowledge, time: nil))
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(markdown.contains("\u{FFFD}\\[31mred\u{FFFD}"))
    }

    @Test("a table cell keeps to its row: a pipe is escaped and a line break becomes a space")
    func markdownTableCell() {
        let markdown = writer.markdown(Summary(state: hostileState(), knowledge: knowledge, time: nil))
        #expect(markdown.contains("| fever | yes (“a \\| b c”) |"))
    }

    @Test("the JSON escapes control characters and gives back exactly what was typed")
    func jsonControlCharacters() throws {
        let summary = Summary(state: hostileState(), knowledge: knowledge, time: nil)
        let compact = writer.json(summary).serialized
        #expect(!compact.unicodeScalars.contains { $0.value < 0x20 })
        #expect(compact.contains(#"\u001b[31mred\u0007"#))
        let object = try parsedJSON(summary)
        #expect(object["complaint"] as? String == hostileState().complaint)
        let transcript = try #require(object["transcript"] as? [[String: String]])
        #expect(transcript == [["role": "user", "text": hostileState().complaint!]])
    }

    @Test("the /summary text quotes the complaint and counts what is known")
    func terminalText() {
        let text = writer.text(summary(inPerson))
        #expect(text.hasPrefix("Back pain consultation summary (koshi)\n"))
        #expect(text.contains("\nThe complaint in the person's own words: my lower back has ached for 8 weeks and I sit at a desk all day\n"))
        #expect(text.contains("\nValues: age 40 years old, how long it has hurt 56 days, pain intensity 4/10\n"))
        #expect(text.contains("\nRecommendation: Not urgent, but have it looked at in person\n"))
        #expect(text.contains("\nPlan: Keep moving as much as you can, "))
        #expect(text.contains(", Sit well, "))
    }
}
