import Testing
@testable import KoshiKit

@Suite("Values: ages, durations and intensities")
struct QuantitiesTests {
    func values(_ line: String, asked: [Topic] = []) -> [ValueSlot: Int] {
        knowledge.reader.read(line, asked: asked).values.compactMapValues(\.value)
    }

    @Test("Japanese durations with Arabic, full-width and kanji numerals and counter variants", arguments: [
        ("三日前から", 3), ("二週間くらい", 14), ("半年前から", 183), ("一年半続いています", 548), ("１ヵ月", 30),
        ("1ヶ月", 30), ("1か月", 30), ("1カ月", 30), ("3週間", 21), ("数日", 3), ("昨日から", 1), ("十五日", 15),
        ("2〜3日", 3), ("2、3日前から", 3), ("5日です", 5), ("1年半", 548), ("ひと月ほど", 30),
    ])
    func japaneseDurations(line: String, days: Int) {
        #expect(values(line, asked: [.slot(.duration)])[.duration] == days)
    }

    @Test("English durations", arguments: [
        ("a couple of weeks", 14), ("since yesterday", 1), ("four months", 120), ("on and off for two years", 730),
        ("a day", 1), ("for 3 days", 3), ("2-3 weeks", 21), ("two or three days", 3), ("a year and a half", 548),
        ("a few days", 3), ("twenty-one days", 21), ("1,000 days", 1000), ("2,3 days", 3),
    ])
    func englishDurations(line: String, days: Int) {
        #expect(values(line, asked: [.slot(.duration)])[.duration] == days)
    }

    @Test("units glued to their number, and the fortnight", arguments: [("back pain 2wks", 14), ("pain for 3days", 3), ("for a fortnight", 14)])
    func gluedUnits(line: String, days: Int) {
        #expect(values(line, asked: [.slot(.duration)])[.duration] == days)
    }

    @Test("a negative score is no score, its out-of-ten included")
    func negativeScore() {
        #expect(values("pain -3/10", asked: [.slot(.painIntensity)])[.painIntensity] == nil)
        #expect(values("pain 3/10", asked: [.slot(.painIntensity)])[.painIntensity] == 3)
    }

    @Test("ages named without 歳, and whose age it is", arguments: [
        ("還暦です", 60), ("年齢は62です", 62), ("I turned 70 last month", 70), ("I'm a 62-year-old man", 62),
    ])
    func namedAges(line: String, age: Int) {
        #expect(values(line)[.age] == age)
    }

    @Test("not the speaker's age, nor a duration", arguments: ["My 3-year-old jumped on my back", "a 10 year old dog", "昭和35年生まれです"])
    func notAnAgeNorADuration(line: String) {
        #expect(values(line)[.age] == nil)
        #expect(values(line)[.duration] == nil)
    }

    @Test("pain scores a few words after the pain, after a scale's anchor, and kanji words that are not numbers", arguments: [
        ("The pain is about a 6", 6), ("pain level 5", 5), ("一番痛いのを10とすると8です", 8),
    ])
    func painScores(line: String, score: Int) {
        #expect(values(line)[.painIntensity] == score)
    }

    @Test("how far along a pregnancy, or how long since a birth, is not how long it has hurt", arguments: [
        ("妊娠6ヶ月です。ここ2週間ほど腰が重だるいです", 14), ("産後4ヶ月です。10日前くらいから腰がつらいです", 10),
        ("I had my baby 5 months ago and my back started aching 2 weeks ago", 14), ("I'm six months pregnant and my back has hurt for a week", 7),
    ])
    func lifeEventsAreNotDurations(line: String, days: Int) {
        #expect(values(line)[.duration] == days)
    }

    @Test("a duration next to another finding is that finding's, unless the finding starts the pain", arguments: [
        ("lower back ache, I had prostate cancer 5 yrs ago", nil), ("ステロイドを3年飲んでいます", nil), ("I fell 3 days ago and my back hurts", 3),
        ("3日前に転んでから腰が痛い", 3), ("I had cancer 5 years ago and my back has hurt for a week", 7),
        ("デスクワークで、1週間前から腰が重いです", 7),
    ] as [(String, Int?)])
    func durationsNextToOtherFindings(line: String, days: Int?) {
        #expect(values(line)[.duration] == days)
    }

    @Test("how soon something happens, or how long a massage helps, is not how long it has hurt", arguments: [
        ("整体でほぐしてもらっても二、三日で元通りです", nil), ("1週間ほどで治ると思ったのに、まだ痛い", nil),
        ("the massage helps for like a day and then it's back to square one", nil),
        ("my back has hurt for 3 weeks and massage helps for a day", 21), ("2週間くらいです", 14),
        ("マッサージに行くとその場は楽になるんですが、二日もすると元通りです", nil),
    ] as [(String, Int?)])
    func spansThatAreNotThePains(line: String, days: Int?) {
        #expect(values(line)[.duration] == days)
    }

    @Test("durations in kana", arguments: [("いっしゅうかん", 7), ("にしゅうかんまえから", 14), ("はんとしくらい", 183)])
    func kanaDurations(line: String, days: Int) {
        #expect(values(line, asked: [.slot(.duration)])[.duration] == days)
    }

    @Test("a number before the last mention of pain is not read as its score (found by the fuzzer)")
    func numberBeforePain() {
        #expect(values("3 pain")[.painIntensity] == nil)
        #expect(values("2 pains and pain")[.painIntensity] == nil)
    }

    @Test("a kanji numeral inside a word is no number", arguments: ["痛みは一時的です", "腰痛で一度も病院に行ったことがない", "痛みは一番ひどい時で"])
    func kanjiWordsAreNotNumbers(line: String) {
        #expect(values(line)[.painIntensity] == nil)
    }

    @Test("a duration counts when it was asked for or the line is about the body")
    func durationsAboutThePain() {
        #expect(values("3日前から腰が痛い")[.duration] == 3)
        #expect(values("my back has hurt since yesterday")[.duration] == 1)
        #expect(values("my stomach has been upset since yesterday")[.duration] == nil)
    }

    @Test("a duration said in passing fills an empty slot but never replaces one given before")
    func passingDurations() {
        var state = DialogueState(language: .ja)
        state.record(knowledge.reader.read("6週間前から腰が痛い"), line: 1, question: nil)
        state.record(knowledge.reader.read("昨日からお腹の調子が悪い"), line: 2, question: nil)
        #expect(state.values[.duration]?.value == 42)
        state.record(knowledge.reader.read("いや、腰痛は3週間前からです"), line: 3, question: nil)
        #expect(state.values[.duration]?.value == 21)
    }

    @Test("a named day counts only as the start of something", arguments: ["today", "昨日は仕事を休みました", "I went out yesterday"])
    func namedDays(line: String) {
        #expect(values(line, asked: [.slot(.duration)])[.duration] == nil)
    }

    @Test("how often is not how long", arguments: ["every few months", "once every 3 years", "数年おきに", "2日おきに"])
    func frequencies(line: String) {
        #expect(values(line, asked: [.slot(.duration)])[.duration] == nil)
    }

    @Test("kana units and day counts", arguments: [("２しゅうかん", 14), ("みっかまえから", 3), ("とおかほど", 10)])
    func kanaUnits(line: String, days: Int) {
        #expect(values(line, asked: [.slot(.duration)])[.duration] == days)
    }

    @Test("rates and dates are not durations", arguments: ["1日中座っています", "1日8時間座る", "3月5日から", "2020年に", "twice a day", "I sit 8 hours a day"])
    func notDurations(line: String) {
        #expect(values(line, asked: [.slot(.duration)])[.duration] == nil)
    }

    @Test("ages", arguments: [("62歳です", 62), ("I'm 62", 62), ("六十二歳", 62), ("I am 45 years old", 45), ("aged 70", 70), ("a 30-year-old", 30)])
    func ages(line: String, age: Int) {
        #expect(values(line)[.age] == age)
    }

    @Test("intensities", arguments: [("7/10", 7), ("seven out of ten", 7), ("10段階で7", 7), ("痛みは7くらい", 7), ("pain is 6", 6)])
    func intensities(line: String, pain: Int) {
        #expect(values(line)[.painIntensity] == pain)
    }

    @Test("a bare number answers the slots asked, in order")
    func bareNumbersInContext() {
        let asked: [Topic] = [.slot(.age), .slot(.duration), .slot(.painIntensity)]
        #expect(values("32歳 1週間 3", asked: asked) == [.age: 32, .duration: 7, .painIntensity: 3])
        #expect(values("28 a week 3", asked: asked) == [.age: 28, .duration: 7, .painIntensity: 3])
        #expect(values("60", asked: [.slot(.age)]) == [.age: 60])
        #expect(values("8", asked: [.slot(.painIntensity)]) == [.painIntensity: 8])
        #expect(values("60") == [:])
    }

    @Test("I don't know is remembered as unknown for the slots asked")
    func unknownValues() {
        let reading = knowledge.reader.read("わかりません", asked: [.slot(.age), .slot(.duration)])
        #expect(reading.values[.age] == LineValue(value: nil, evidence: "わかりません"))
        #expect(reading.values[.duration]?.value == nil)
        #expect(reading.values[.duration] != nil)
    }
}
