import Testing
@testable import KoshiKit

@Suite("Answers to what people ask about the plan")
struct IntentAnswerTests {
    /// The role-played questions of issue 15, and more, with the intent each must reach.
    static let questions: [(line: String, language: Language, intent: String)] = [
        ("整体でいい？", .ja, "bodywork"),
        ("内科？", .ja, "department"),
        ("何科に行けばいいですか？", .ja, "department"),
        ("can I still drive for work tho?", .en, "driving"),
        ("can I still go for a run?", .en, "exercise"),
        ("is there owt I can take for it?", .en, "painkillers"),
        ("could it be my kidneys?", .en, "serious"),
        ("Do you think it's come back?", .en, "serious"),
        ("ロキソニンを飲んでも効きません", .ja, "painkillers"),
        ("I took ibuprofen and it helped", .en, "painkillers"),
        ("温めたほうがいい？冷やしたほうがいい？", .ja, "heat-or-ice"),
        ("should I use heat or ice?", .en, "heat-or-ice"),
        ("いつ治りますか？", .ja, "how-long"),
        ("how long will it last?", .en, "how-long"),
        ("仕事に行ってもいい？", .ja, "work"),
        ("should I go to work tomorrow?", .en, "work"),
        ("がんじゃないですよね？", .ja, "serious"),
        ("マッサージに行ってもいいですか？", .ja, "bodywork"),
        ("should I see a chiropractor?", .en, "bodywork"),
        ("which doctor should I see?", .en, "department"),
        ("when should I come back?", .en, "come-back"),
        ("また来たほうがいい？", .ja, "come-back"),
    ]

    @Test("each question reaches its intent", arguments: questions.map(\.line))
    func reachesItsIntent(line: String) throws {
        let question = try #require(Self.questions.first { $0.line == line })
        #expect(knowledge.reader.read(line).intents.contains(question.intent), "\(line): \(knowledge.reader.read(line).intents)")
    }

    @Test("after a recommendation, no question gets the parse-error template or 'I can't answer'",
          arguments: [Disposition.doctorSoon, .inPerson, .selfCare])
    func answeredAfterARecommendation(disposition: Disposition) throws {
        for (line, language, _) in Self.questions {
            let opening = try #require(Openings.all.first { $0.disposition == disposition && $0.language == language })
            var consultation = Consultation(opening.opening, language, region: language == .ja ? .jp : .gb)
            #expect(consultation.recommendation?.disposition == disposition)
            let text = consultation.say(line).text
            #expect(!text.contains(knowledge.text(.hintUnplaced, language)), "\(line): \(text)")
            #expect(!text.contains(String(knowledge.text(.listeningCannotAnswer, language).prefix(12))), "\(line): \(text)")
            #expect(!text.isEmpty)
        }
    }

    @Test("before a recommendation, a question is heard and the screening goes on")
    func answeredBefore() {
        var chat = Conversation(.en)
        chat.say("my back hurts")
        chat.say("is there owt I can take for it?")
        let said = chat.last.events.compactMap { if case .message(let text) = $0 { text } else { nil } }
        #expect(said.contains(knowledge.intents.first { $0.id == "painkillers" }!.beforeRecommendation!.en))
        #expect(chat.question != nil)
    }

    @Test("a question koshi cannot answer says so plainly, naming who can")
    func cannotAnswer() {
        var consultation = Consultation("my lower back has ached for 5 days, I'm 35, pain 4", .en, region: .gb)
        let text = consultation.say("what should I cook for dinner?").text
        #expect(text.contains("Sorry, I can't answer that one. Please ask a pharmacist about medicines"), "\(text)")
    }

    @Test("painkillers in pregnancy: never the NSAIDs everyone else is told about")
    func painkillersInPregnancy() {
        var consultation = Consultation("妊娠28週です。1週間前から腰が痛いです。32歳、痛みは4", .ja)
        #expect(consultation.recommendation?.disposition == .selfCare)
        let text = consultation.say("痛み止めは飲んでもいい？").text
        #expect(text.contains("医師の指示がない限り使わないでください"), "\(text)")
        #expect(!text.contains("が役立ちます"), "\(text)")
    }

    @Test("an emergency's answers never soften it")
    func emergencyRestated() {
        for intent in knowledge.intents {
            guard let answer = intent.answers[.emergency] else { continue }
            #expect(answer.en.contains("{emergency}") || intent.id == "thanks", "\(intent.id)")
        }
    }

    @Test("every intent answers each disposition and the time before one")
    func everyIntentAnswersEveryDisposition() {
        for intent in knowledge.intents {
            #expect(intent.beforeRecommendation != nil, "\(intent.id)")
            for disposition in Disposition.allCases { #expect(intent.answers[disposition] != nil, "\(intent.id) \(disposition)") }
        }
    }
}
