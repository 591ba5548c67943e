import Foundation
import Testing
@testable import KoshiKit

/// A session fed `lines`, as a script would feed it, on `today` when given.
func summarySession(_ language: Language, _ lines: [String], today: CivilDate? = nil) -> Session {
    var session = Session(knowledge: knowledge, language: language)
    session.setToday(today)
    _ = session.opening()
    for line in lines { _ = session.respond(to: line) }
    return session
}

let summaryTime = "2026-03-04T05:06:07Z"
let summaryWriter = SummaryWriter(knowledge: knowledge)

func summary(_ session: Session, time: String? = summaryTime) -> Summary {
    Summary(state: session.state, knowledge: knowledge, time: time)
}

/// The JSON summary, read back with Foundation as another program would read it.
func parsedJSON(_ summary: Summary) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(summaryWriter.json(summary).pretty().utf8))
    return try #require(object as? [String: Any])
}

/// The clause the reader quotes for `concept` in `line`.
private func clause(_ line: String, _ concept: ConceptID, asked: [Topic] = []) -> String? {
    knowledge.reader.read(line, asked: asked).findings.first { $0.concept == concept }?.quote
}

/// Eight weeks of desk-work back pain, every sign denied: in-person.
let inPersonLines = ["my lower back has ached for 8 weeks and I sit at a desk all day", "none of those", "no", "no", "I'm 40", "5"]

/// The emergency signs twice unreadable, a fever left unsure, the rest never asked.
let openLines = ["my lower back hurts and I'm not sure if I have a fever", "qwerty", "asdf zxcv"]

@Suite("Summary: every finding with its state and the words that decided it")
struct SummaryFindingTests {
    @Test("the quote is the whole clause, its negation included, without the break words around it")
    func clauseQuotes() {
        #expect(clause("腰が痛いけど、熱はないです", "fever") == "熱はないです")
        #expect(clause("腰が痛いけど、熱はないです", "low_back_pain") == "腰が痛い")
        #expect(clause("my back hurts but I don't have a fever", "fever") == "I don't have a fever")
        #expect(clause("腰が痛くて、胸は痛くありません", "chest_pain") == "胸は痛くありません")
        #expect(clause("I have no chest pain but my back aches", "chest_pain") == "I have no chest pain")
    }

    @Test("a break word that holds the end of the predicate keeps it, and leaves the joining particle out")
    func predicateEnds() {
        #expect(clause("整体に月2回通っていますが、2〜3日で元通りです", "hands_on_treatment") == "整体に月2回通っています")
        #expect(clause("熱があって、食欲がない", "fever") == "熱があって")
        #expect(clause("腰が重くて、熱もあります", "low_back_pain") == "腰が重くて")
        #expect(clause("腰が痛いので、仕事を休みました", "low_back_pain") == "腰が痛い")
        #expect(clause("腰が痛いですが熱はありません", "low_back_pain") == "腰が痛いです")
    }

    @Test("a clause too long to read at a glance is cut at the pauses around the finding, with an ellipsis")
    func longClauseIsCut() throws {
        let line = "I have had a lot of trouble at work with my manager and my colleagues over many months, with the long commute "
            + "on the train every single morning, and now I have a fever as well"
        let quote = try #require(clause(line, "fever"))
        #expect(quote == "…and now I have a fever as well")
    }

    @Test("a bare answer quotes the reply and names the question it answered")
    func answerNamesItsQuestion() throws {
        let record = summary(summarySession(.en, ["my lower back hurts", "no"]))
        let saddle = try #require(record.findings.first { $0.id == "saddle_numbness" })
        #expect(saddle.state == .denied)
        #expect(saddle.quote?.words == "no")
        #expect(saddle.quote?.line == 2)
        #expect(saddle.quote?.questionNumber == 1)
        #expect(saddle.quote?.questionItems == ["saddle_numbness", "bladder_bowel_dysfunction", "both_legs_affected", "chest_pain"])
        let markdown = summaryWriter.markdown(record)
        #expect(markdown.contains("| chest pain | no | “no” (line 2, answering question 1) |"))
        #expect(markdown.contains("- **koshi (question 1)**: First, to be safe"))
    }

    @Test("each red flag is stated, denied, unknown, asked but not understood, or not asked")
    func everyState() {
        let record = summary(summarySession(.en, openLines))
        let states = Dictionary(uniqueKeysWithValues: record.redFlags.map { ($0.id, $0.state) })
        #expect(states["fever"] == .unknown)
        for id in ["saddle_numbness", "bladder_bowel_dysfunction", "both_legs_affected", "chest_pain"] { #expect(states[id] == .notUnderstood, "\(id)") }
        for id in ["leg_numbness", "trauma", "cancer_history", "osteoporosis"] { #expect(states[id] == .notAsked, "\(id)") }
        // Every sign asked is denied; the follow-ups whose context never came up are not asked.
        let denied = summary(summarySession(.en, inPersonLines))
        #expect(denied.redFlags.allSatisfy { $0.state == .denied || ($0.state == .notAsked && $0.contextNotMet) })
        #expect(denied.redFlags.filter { $0.state == .denied }.count >= 14)
        #expect(denied.present.map(\.id) == ["low_back_pain", "desk_work"])
    }

    @Test("a follow-up sign nothing led to is not asked by design, apart from the signs still to ask")
    func followUpsNothingLedTo() throws {
        let object = try parsedJSON(summary(summarySession(.en, inPersonLines)))
        let findings = try #require(object["findings"] as? [String: [String]])
        #expect(findings["not_asked"] == [])
        #expect(Set(findings["not_applicable"] ?? []) == ["major_trauma", "aortic_warning", "worsening_weakness", "very_unwell"])
        let markdown = summaryWriter.markdown(summary(summarySession(.en, inPersonLines)))
        #expect(markdown.contains("| fever with feeling very unwell (shivering fits, confusion, breathlessness) | not asked (nothing led to it) |  |"))
        let fever = summary(summarySession(.en, ["my lower back hurts and I have a fever"]))
        #expect(fever.redFlags.first { $0.id == "very_unwell" }?.contextNotMet == false, "with a fever, how unwell is still to ask")
    }

    @Test("the JSON's findings are CONTRACT.md's lists and not_understood and not_asked, each red flag in exactly one")
    func jsonFindingLists() throws {
        let object = try parsedJSON(summary(summarySession(.en, openLines)))
        let findings = try #require(object["findings"] as? [String: [String]])
        #expect(findings["present"] == ["low_back_pain"])
        #expect(findings["absent"] == [])
        #expect(findings["unknown"] == ["fever"])
        #expect(findings["not_understood"] == ["saddle_numbness", "bladder_bowel_dysfunction", "both_legs_affected", "chest_pain"])
        let lists = ["present", "absent", "unknown", "not_understood", "not_asked", "not_applicable"].flatMap { findings[$0] ?? [] }
        let redFlags = knowledge.concepts.filter { $0.group == .redFlag }.map(\.id.rawValue)
        for id in redFlags { #expect(lists.filter { $0 == id }.count == 1, "\(id)") }
        let fever = try #require((object["red_flags"] as? [[String: Any]])?.first { $0["id"] as? String == "fever" })
        #expect(fever["state"] as? String == "unknown")
        #expect((fever["quote"] as? [String: Any])?["words"] as? String == "my lower back hurts and I'm not sure if I have a fever")
    }

    @Test("every absent finding in the JSON is a denial by the person: its quote, read again, denies it",
          arguments: [
              (Language.en, inPersonLines),
              (.en, ["my back hurts but I don't have a fever", "none of those", "no numbness, no weakness, nothing else", "no", "45, 3 days"]),
              (.ja, ["3日前から腰が痛いけど、熱はないです", "いいえ", "どれもないです", "ない", "45歳です"]),
              (.ja, ["腰が痛い", "①の『股・陰部』ってどういう意味ですか？", "ないです", "しびれはないです。ほかもない", "ありません"]),
          ])
    func absentFindingsAreDenials(language: Language, lines: [String]) throws {
        let object = try parsedJSON(summary(summarySession(language, lines)))
        let absent = try #require((object["findings"] as? [String: [String]])?["absent"])
        #expect(!absent.isEmpty)
        let details = try #require(object["finding_details"] as? [[String: Any]])
        for id in absent {
            let detail = try #require(details.first { $0["id"] as? String == id })
            let quote = try #require(detail["quote"] as? [String: Any], "\(id)")
            let words = try #require(quote["words"] as? String)
            let asked = (quote["question_items"] as? [String] ?? []).map { Topic.concept(ConceptID($0)) }
            let reread = knowledge.reader.read(words, asked: asked).findings.first { $0.concept.rawValue == id }
            #expect(reread?.status == .absent, "\(id): “\(words)” does not deny it")
            #expect(!words.hasSuffix("?") && !words.hasSuffix("？"), "\(id): a question back is no answer")
        }
    }

    @Test("/summary, /why and the export list the same unknown, not-understood and not-asked red flags")
    func sameOpenFlagsEverywhere() throws {
        var session = summarySession(.en, openLines)
        let why = text(session.respond(to: "/why"))
        let terminal = text(session.respond(to: "/summary"))
        let object = try parsedJSON(summary(session))
        let findings = try #require(object["findings"] as? [String: [String]])
        let redFlags = knowledge.concepts.filter { $0.group == .redFlag }
        func labels(_ key: String) -> Set<String> {
            Set((findings[key] ?? []).map { knowledge.label(ConceptID($0), .en) })
        }
        // A label is listed when it stands whole between the list's separators ("fever" is not
        // listed by "fever with feeling very unwell").
        func listed(_ text: String, after heading: String) -> Set<String> {
            let line = text.split(separator: "\n").first { $0.hasPrefix(heading) }.map { String($0.dropFirst(heading.count)) } ?? ""
            return Set(redFlags.map { $0.label[.en] }.filter { line.contains(" " + $0 + ",") || line.hasSuffix(" " + $0) })
        }
        #expect(!labels("not_asked").isEmpty && !labels("not_understood").isEmpty && !labels("unknown").isEmpty)
        #expect(listed(why, after: "Still unknown:") == labels("unknown"))
        #expect(listed(terminal, after: "Unknown:") == labels("unknown"))
        #expect(listed(why, after: "Asked, but I could not read the answer:") == labels("not_understood"))
        #expect(listed(terminal, after: "Asked, answer not understood:") == labels("not_understood"))
        #expect(listed(why, after: "Not asked yet:") == labels("not_asked"))
        #expect(listed(terminal, after: "Not asked:") == labels("not_asked"))
    }

    private func text(_ turn: Turn) -> String {
        turn.events.compactMap { if case .message(let text) = $0 { text } else { nil } }.joined(separator: "\n")
    }
}

@Suite("Summary: the clinical header")
struct SummaryHeaderTests {
    static let history = "I'm a 45 year old woman. My lower back has hurt on the right side for 4 days, since a day of gardening. "
        + "Sitting makes it worse and ibuprofen helped. I'm on warfarin for atrial fibrillation"

    @Test("the header reads who, onset, site and side, what makes it worse or better, what was tried and regular medicines")
    func headerRows() throws {
        let record = summary(summarySession(.en, [Self.history], today: CivilDate(year: 2026, month: 3, day: 4)))
        let rows = Dictionary(uniqueKeysWithValues: record.header.map { ($0.id, $0) })
        #expect(rows["who"]?.values.first?.value == 45)
        #expect(rows["who"]?.findings.map(\.id) == ["sex_female"])
        #expect(rows["onset"]?.onset == Summary.Onset(date: CivilDate(year: 2026, month: 2, day: 28), daysAgo: 4))
        #expect(rows["onset"]?.findings.map(\.id) == ["onset_activity"])
        #expect(rows["site"]?.findings.map(\.id) == ["low_back_pain", "side_right"])
        #expect(rows["worse-better"]?.findings.map(\.id) == ["worse_with", "better_with"])
        #expect(rows["worse-better"]?.findings.first?.quote?.words == "Sitting makes it worse and ibuprofen helped")
        #expect(rows["treatments"]?.findings.map(\.id) == ["painkiller"])
        #expect(rows["conditions"]?.findings.map(\.id) == ["blood_thinner", "other_condition"])
        let markdown = summaryWriter.markdown(record)
        #expect(markdown.contains("- **Onset**: around 2026-02-28 (4 days ago); what they were doing when it began"))
        #expect(markdown.contains("- **Worse or better with**: something makes it worse, something eases it “Sitting makes it worse and ibuprofen helped” (line 1)\n"))
    }

    @Test("the header says when a carer asks for the patient, and a pregnancy, each with its line")
    func carerAndPregnancy() throws {
        let carer = summary(summarySession(.ja, ["78歳の母のことで相談です。昨日、家の中で転んでから腰が痛いと言っています"]))
        let who = try #require(carer.header.first { $0.id == "who" })
        #expect(who.spokenFor?.line == 1)
        #expect(who.values.first?.value == 78)
        #expect(summaryWriter.markdown(carer).contains("- **どなたか**: ご家族など、ご本人以外の方が代わりに相談 「78歳の母のことで相談です。"))
        let pregnant = summary(summarySession(.en, ["I'm 28 weeks pregnant and my lower back aches"]))
        #expect(pregnant.header.first { $0.id == "who" }?.findings.map(\.id) == ["pregnancy"])
        #expect(pregnant.header.first { $0.id == "who" }?.spokenFor == nil)
    }

    @Test("what was not said is not in the header")
    func nothingInvented() {
        let record = summary(summarySession(.en, ["my back hurts"]))
        #expect(record.header.map(\.id) == ["site"])
        #expect(record.history.isEmpty)
        let markdown = summaryWriter.markdown(record)
        #expect(!markdown.contains("**Who**") && !markdown.contains("**Onset**") && !markdown.contains("**Treatments"))
    }

    @Test("the Japanese header reads the same things from Japanese words")
    func japaneseHeader() {
        let record = summary(summarySession(.ja, ["45歳の女性です。3日前に庭仕事をしてから右の腰が痛く、ロキソニンを飲むと楽になります。ワーファリンを飲んでいます"],
                                            today: CivilDate(year: 2026, month: 3, day: 4)))
        let ids = Set(record.header.flatMap(\.findings).map(\.id))
        #expect(ids.isSuperset(of: ["sex_female", "onset_activity", "side_right", "better_with", "painkiller", "blood_thinner"]))
        #expect(record.header.first { $0.id == "onset" }?.onset?.date == CivilDate(year: 2026, month: 3, day: 1))
    }

    @Test("a value that changed keeps what was said before, with its line")
    func valueHistory() throws {
        let record = summary(summarySession(.en, ["my lower back hurts", "no", "no", "no", "I'm 40, 4 days, 5", "no",
                                                  "actually the pain is more like 7 out of 10"]))
        let pain = try #require(record.value(.painIntensity))
        #expect(pain.value == 7)
        #expect(pain.earlier == [.init(value: 5, line: 5)])
        #expect(summaryWriter.markdown(record).contains("- **Pain (0–10)**: 7/10 “7 out of 10” (line 7); said earlier: 5/10 (line 5)\n"))
    }

    @Test("a history said with a hedge is not known, not stated")
    func hedgedHistory() throws {
        let record = summary(summarySession(.en, ["my back hurts and I might be on blood thinners"]))
        let thinner = try #require(record.history.first { $0.id == "blood_thinner" })
        #expect(thinner.state == .unknown)
        #expect(summaryWriter.markdown(record).contains("blood thinners (anticoagulant or antiplatelet) (not known)"))
    }
}

@Suite("Summary: the recommendation as given, and the transcript")
struct SummaryRecommendationTests {
    @Test("an emergency gives the instruction and the safety net, and no empty plan")
    func emergency() throws {
        let record = summary(summarySession(.ja, ["腰が痛くて、尿が出にくいです"]))
        let given = try #require(record.recommendation)
        #expect(given.disposition == .emergency && given.when == .now && given.region == .jp)
        #expect(given.instruction == knowledge.text(.detailEmergency, .ja, RecommendationWriter(knowledge: knowledge, language: .ja).services(.jp)))
        #expect(given.safetyNet == knowledge.text(.safetyNetEmergency, .ja, RecommendationWriter(knowledge: knowledge, language: .ja).services(.jp)))
        #expect(given.plan.isEmpty)
        let markdown = summaryWriter.markdown(record)
        #expect(markdown.contains("## お伝えしたこと\n\n**\(given.headline)**\n\nいますぐ 119番に電話して"))
        #expect(markdown.contains("**悪化したときの目安（お伝えしたもの）**: 待っている間に"))
        #expect(!markdown.contains("**プラン**"))
    }

    @Test("a recommendation that changed keeps each one with the line that led to it")
    func changes() throws {
        let session = summarySession(.en, inPersonLines + ["oh and I've had a fever since yesterday", "no"])
        let record = summary(session)
        #expect(record.changes.map(\.disposition) == [.inPerson, .doctorSoon])
        #expect(record.changes.last?.line == 8)
        #expect(record.changes.last?.said == "no")
        #expect(record.findings.first { $0.id == "fever" }?.quote?.line == 7)
        let object = try parsedJSON(record)
        let history = try #require(object["recommendation_history"] as? [[String: Any]])
        #expect(history.map { $0["disposition"] as? String } == ["in-person", "doctor-soon"])
        #expect(summaryWriter.markdown(record).contains("- after line 8 (“no”): Be seen by a doctor today (`doctor-soon`, `today`)"))
    }

    @Test("commands and their replies are marked as commands, and the person's lines numbered without them")
    func commandsInTranscript() throws {
        var session = summarySession(.en, ["my lower back hurts"])
        _ = session.respond(to: "/why")
        _ = session.respond(to: "none of those")
        let object = try parsedJSON(summary(session))
        let transcript = try #require(object["transcript"] as? [[String: Any]])
        let why = try #require(transcript.firstIndex { $0["text"] as? String == "/why" })
        #expect(transcript[why]["command"] as? Bool == true && transcript[why]["line"] == nil)
        #expect(transcript[why + 1]["role"] as? String == "advisor" && transcript[why + 1]["command"] as? Bool == true)
        #expect(transcript.first { $0["text"] as? String == "none of those" }?["line"] as? Int == 2)
        let markdown = summaryWriter.markdown(summary(session))
        #expect(markdown.contains("- **Person (command)**: /why\n- **koshi (reply to a command)**: What I know so far:"))
    }

    @Test("the JSON has CONTRACT.md's fields: disposition, when, region, reasons, findings, values, advice, transcript")
    func contractFields() throws {
        let object = try parsedJSON(summary(summarySession(.en, inPersonLines)))
        #expect(object["disposition"] as? String == "in-person")
        #expect(object["when"] as? String == "within-weeks")
        #expect(object["region"] as? String == "INTL")
        #expect(object["reasons"] as? [String] == ["duration"])
        #expect(object["values"] as? [String: Int] == ["age": 40, "duration_days": 56, "pain_intensity": 5])
        #expect(object["language"] as? String == "en")
        #expect(object["knowledge_version"] as? String == knowledge.version)
        #expect(object["time"] as? String == summaryTime)
        let advice = try #require(object["advice"] as? [[String: Any]])
        let sitting = try #require(advice.first { $0["id"] as? String == "sitting-posture" })
        #expect(sitting["section"] as? String == "5.1")
        #expect((sitting["text"] as? String)?.hasPrefix("Sit right back in your chair") == true)
        let transcript = try #require(object["transcript"] as? [[String: Any]])
        #expect(transcript.allSatisfy { ["user", "advisor"].contains($0["role"] as? String) && $0["text"] is String })
        #expect((object["disclaimer"] as? String)?.hasPrefix("Note: koshi does not diagnose.") == true)
    }

    @Test("before any recommendation the JSON's disposition, when and reasons are empty")
    func noRecommendationYet() throws {
        let object = try parsedJSON(summary(summarySession(.ja, ["腰が痛い"]), time: nil))
        #expect(object["disposition"] is NSNull && object["when"] is NSNull && object["recommendation"] is NSNull)
        #expect(object["reasons"] as? [String] == [])
        #expect(object["time"] is NSNull)
        #expect(object["region"] as? String == "JP")
        #expect(summaryWriter.markdown(summary(summarySession(.en, ["my back hurts"]))).contains("## Recommendation\n\nNo recommendation yet.\n"))
    }
}
