import Testing
@testable import KoshiKit

@Suite("The recommendation: time frame, place, and a plan that fits the screen")
struct RecommendationTextTests {
    @Test("each opening gets the disposition and the `when` of CONTRACT.md's table, in its headline",
          arguments: Openings.all.map { $0.opening })
    func whenFollowsTheTable(opening: String) throws {
        let expected = try #require(Openings.all.first { $0.opening == opening })
        for region in Region.allCases {
            let consultation = Consultation(opening, expected.language, region: region)
            let recommendation = try #require(consultation.recommendation, "\(opening) got no recommendation")
            #expect(recommendation.disposition == expected.disposition, "\(opening)")
            #expect(recommendation.when == expected.when, "\(opening)")
            let headline = knowledge.text(.init(headline: recommendation.when), expected.language,
                                          knowledge.regions[region]?.placeholders(expected.language) ?? [:])
            #expect(consultation.text.contains(headline), "\(opening): the headline of \(recommendation.when)")
        }
    }

    @Test("every `when` is the one its disposition allows (CONTRACT.md)")
    func whenByDisposition() {
        let allowed: [Disposition: Set<Timeframe>] = [
            .emergency: [.now], .doctorSoon: [.today, .withinDays], .inPerson: [.withinWeeks], .selfCare: [.review],
        ]
        for rule in knowledge.rules { #expect(allowed[rule.disposition]?.contains(rule.when) == true, "\(rule.id)") }
    }

    @Test("the first plan fits in 20 rows at 80 columns", arguments: Openings.all.map { $0.opening })
    func fitsTheScreen(opening: String) throws {
        let expected = try #require(Openings.all.first { $0.opening == opening })
        for region in Region.allCases {
            let consultation = Consultation(opening, expected.language, region: region)
            let rows = consultation.rows(width: 80)
            #expect(rows.count <= 20, "\(region) \(opening): \(rows.count) rows\n\(rows.joined(separator: "\n"))")
            #expect(rows.allSatisfy { DisplayWidth.of($0) <= 80 })
        }
    }

    @Test("English never uses 【】, Japanese frames the headline with them")
    func noLenticularBracketsInEnglish() {
        for (opening, language, _, _) in Openings.all {
            let text = Consultation(opening, language, region: language == .ja ? .jp : .gb).text
            if language == .en { #expect(!text.contains("【") && !text.contains("】"), "\(opening)") }
            if language == .ja { #expect(text.contains("【"), "\(opening)") }
        }
    }

    @Test("GB never hears 119 or #7119, and hears 999 and 111", arguments: Openings.all.map { $0.opening })
    func gbNumbers(opening: String) throws {
        let expected = try #require(Openings.all.first { $0.opening == opening })
        var consultation = Consultation(opening, expected.language, region: .gb)
        let text = consultation.text + consultation.say("/plan").text + consultation.say("/why").text
        #expect(!text.contains("119"), "\(opening)")
        #expect(text.contains("999"), "\(opening)")
        #expect(text.contains("111"), "\(opening)")
    }

    @Test("no region but JP names 接骨院 or 整体", arguments: [Region.gb, .us, .au, .intl])
    func bodyworkOnlyInJapan(region: Region) {
        for (opening, language, _, _) in Openings.all {
            var consultation = Consultation(opening, language, region: region)
            var text = consultation.text + consultation.say("/plan").text
            for question in ["整体でいい？", "which doctor should I see?", "should I see a chiropractor?", "何科？"] {
                text += consultation.say(question).text
            }
            #expect(!text.contains("接骨院") && !text.contains("整体") && !text.contains("柔道整復"), "\(region) \(opening)")
        }
    }

    @Test("a fever or a past cancer is not sent to orthopaedics")
    func placeForTheReason() throws {
        let fever = Consultation("昨日から腰が痛くて熱があります。45歳、痛みは5", .ja, region: .jp)
        #expect(fever.text.contains("今日のうちに内科を受診"), "\(fever.text)")
        let cancer = Consultation("I had cancer five years ago and my back has ached for 3 weeks, I'm 58, pain 4", .en, region: .gb)
        #expect(cancer.text.contains("Please see your cancer team"), "\(cancer.text)")
        let pregnantFever = Consultation("I'm 30 weeks pregnant, my back hurts and I have a fever since yesterday, I'm 31, pain 5", .en, region: .gb)
        #expect(pregnantFever.text.contains("your midwife or maternity unit"), "\(pregnantFever.text)")
        let fall = Consultation("81歳です。昨日庭で転んでから腰が痛い。痛みは6", .ja, region: .jp)
        #expect(fall.text.contains("今日のうちに整形外科を受診"), "\(fall.text)")
    }

    @Test("the review point is dated from the onset: two weeks and six weeks", arguments: [
        (Region.jp, Language.ja, "12月20日までにはっきりよくならない、1月17日までに治まらない"),
        (.gb, .en, "If it isn't clearly better by 20 December, isn't gone by 17 January"),
        (.us, .en, "If it isn't clearly better by December 20, isn't gone by January 17"),
    ])
    func datedReview(region: Region, language: Language, expected: String) {
        let opening = language == .ja ? "今日から腰が痛いです。35歳、痛みは3" : "my back started hurting today, I'm 35, pain 3"
        let consultation = Consultation(opening, language, region: region)
        #expect(consultation.recommendation?.when == .review)
        #expect(consultation.text.contains(expected), "\(consultation.text)")
    }

    @Test("past the second week only the sixth is dated; without a clock, the review is in weeks")
    func reviewWithoutDates() {
        let later = Consultation("my back has hurt for 20 days, I'm 35, pain 3", .en, region: .gb)
        #expect(later.text.contains("If it isn't gone by 28 December"), "\(later.text)")
        let clockless = Consultation("my back has hurt for 5 days, I'm 35, pain 3", .en, region: .gb, today: nil)
        #expect(clockless.text.contains("two weeks after it began"), "\(clockless.text)")
    }

    @Test("self-care and in-person reassure once; emergencies and doctor-soon do not")
    func reassurance() {
        let line = knowledge.text(.reassurance, .en)
        for (opening, disposition, _) in Openings.english {
            let text = Consultation(opening, .en).text
            let count = text.components(separatedBy: line).count - 1
            #expect(count == (disposition == .selfCare || disposition == .inPerson ? 1 : 0), "\(opening)")
        }
    }

    @Test("each item in the plan says whether a guideline backs it or it is the article's view")
    func evidenceShown() {
        let text = Consultation("my lower back has ached for 5 days, I'm 35, pain 4, I sit at a desk all day", .en).text
        #expect(text.contains(knowledge.text(.planGuideline, .en)))
        #expect(text.contains(knowledge.text(.planArticle, .en)))
        #expect(text.contains("Since you sit for long hours:") || text.contains("(since you sit for long hours)"), "\(text)")
    }

    @Test("/plan shows every item with its text and sources; before a recommendation it says there is none")
    func planCommand() {
        var empty = Session(knowledge: knowledge, language: .en)
        #expect(empty.respond(to: "/plan").events == [.message(knowledge.text(.planNone, .en))])
        var consultation = Consultation("my lower back has ached for 5 days, I'm 35, pain 4, I sit at a desk all day", .en, region: .gb)
        let plan = consultation.say("/plan").text
        for id in consultation.recommendation?.advice ?? [] {
            let item = knowledge.advice.first { $0.id == id }!
            #expect(plan.contains(item.title.en), "\(id)")
            #expect(plan.contains(String(item.text(.en, services: knowledge.regions[.gb]!.placeholders(.en)).prefix(30))), "\(id)")
        }
        #expect(plan.contains("Sources: NICE NG59"))
        #expect(plan.contains("the article, \"Breaks and stretches during desk work\""))
    }

    @Test("an update says what changed, not the whole plan again")
    func updateShowsChanges() throws {
        var consultation = Consultation("my lower back has ached for 5 days, I'm 35, pain 4", .en, region: .gb)
        #expect(consultation.recommendation?.disposition == .selfCare)
        let (turn, _) = consultation.say("I also sit at a desk all day and I'm stressed")
        let (updated, text) = try #require(Consultation.recommendation(in: turn))
        #expect(updated.disposition == .selfCare)
        #expect(text.contains(knowledge.text(.planAdded, .en)), "\(text)")
        #expect(text.contains("Get up once an hour"))
        #expect(!text.contains("Keep moving as much as you can"), "an item already given is not repeated")
        #expect(!text.contains(knowledge.text(.reassurance, .en)))
        #expect(DisplayWidth.wrap(text, width: 80).count < consultation.rows().count)
    }

    @Test("the carer hook: a plan for the person spoken for says so")
    func carerHook() {
        let consultation = Consultation("my lower back has ached for 5 days, I'm 35, pain 4", .en)
        let writer = RecommendationWriter(knowledge: knowledge, language: .en, personSpokenFor: LocalizedText(ja: "お母さま", en: "your mum"))
        #expect(writer.plan(consultation.session.state).contains("This plan is for your mum."))
    }
}
