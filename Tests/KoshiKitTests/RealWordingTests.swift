import Testing
@testable import KoshiKit

/// What the round-9 role-played patients typed (Tests/Eval/probes/round-9): each case failed on the
/// build they tried, most of them on the safe side of the line no longer.
@Suite("Real wording: degree words, dialect negatives, hedges after the fact, denials said after")
struct RealWordingTests {
    let emergency: [Topic] = ["saddle_numbness", "bladder_bowel_dysfunction", "both_legs_affected", "chest_pain"].map { .concept($0) }

    @Test("passing water that fails, in dialect and with a word of degree between, is a sign", arguments: [
        "おしっこが全然出えへん", "おしっこが出えへんねん", "小便が出らんとよ", "昨日からしょんべんが出ねぇんだ", "おしっこが全然出ない",
        "おしっこがまったく出ません",
    ])
    func voidingFails(line: String) {
        #expect(reported(line).contains("bladder_bowel_dysfunction"), "\(line)")
    }

    @Test("a word of degree is dropped only where no word takes it in", arguments: [
        ("熱は全然出ない", "-fever"), ("拭いても紙の感じがあんまりしないです", "saddle_numbness"), ("ほとんど歩かない", "lack_of_exercise"),
        ("熱はあんまりない", "-fever"),
    ])
    func degreeWords(line: String, expected: String) {
        #expect(read(line).contains(expected), "\(line)")
    }

    @Test("a simile describes: 「しめつけられるみたいに痛い」 is chest pain, not a hedge")
    func simile() {
        #expect(reported("胸もしめつけられるみたいに痛いんよ").contains("chest_pain"))
        #expect(reported("熱があるみたい").contains("?fever"))
    }

    @Test("not known, not measured, or said to be unsure afterwards: open, never present or absent", arguments: [
        "熱はちょっと測ってないからわからないです", "熱っぽい気はするけど、まだ測ってないのでわからないです", "熱はわからない",
        "熱はあるけど、よくわからない", "I thought I had a temperature but I'm not sure", "not sure about fever",
        "haven't taken my temperature so I don't know",
    ])
    func hedgedFever(line: String) {
        #expect(reported(line) == ["?fever"], "\(line)")
    }

    @Test("what is not known about something else leaves a finding as it was", arguments: [
        ("腰が痛いけど、原因はわからない", "low_back_pain"), ("my back hurts, not sure why", "low_back_pain"),
        ("my back hurts but I don't know", "low_back_pain"), ("トイレで拭いても紙の感触がわからない", "saddle_numbness"),
    ])
    func doubtElsewhere(line: String, expected: String) {
        #expect(reported(line).contains(expected), "\(line)")
    }

    @Test("English denied after the mention, and what is not such a denial", arguments: [
        ("chest pain is not there", ["-chest_pain"]), ("fever and chest pain are not there", ["-fever", "-chest_pain"]),
        ("the numbness went away", ["-leg_numbness"]), ("my back hurts and chest pain is not there", ["low_back_pain", "-chest_pain"]),
        ("the numbness hasn't gone", ["leg_numbness"]),
    ] as [(String, Set<String>)])
    func deniedAfter(line: String, expected: Set<String>) {
        #expect(reported(line) == expected, "\(line)")
    }

    @Test("legs that have gone numb are numb")
    func goneNumb() {
        #expect(reported("my lower back hurts and both my legs have gone numb since this morning").isSuperset(of: ["low_back_pain", "both_legs_affected"]))
    }

    @Test("a carer passes on a no, and blanket noes with an ok or a thank God", arguments: [
        "母に聞いたらないそうです", "本人はないって言ってます", "ないとのことです", "oh ok nah none of that", "ah no, none of them thank God",
        "she reckons none of those", "bugger all of that",
    ])
    func passedOnNo(line: String) {
        #expect(reported(line, asked: emergency) == ["-saddle_numbness", "-bladder_bowel_dysfunction", "-both_legs_affected", "-chest_pain"], "\(line)")
    }

    @Test("a yes to one item stands with a negative that describes it")
    func yesWithDescription() {
        #expect(read("はい、あります。拭いても紙の感じがあんまりしないです", asked: [.concept("saddle_numbness")]).contains("saddle_numbness"))
        #expect(read("はい、あります。でも痛くはないです", asked: [.concept("saddle_numbness")]).contains("saddle_numbness"))
    }

    @Test("a hedged choice never undoes the sign the same line states")
    func hedgedChoiceWithStatement() {
        #expect(read("②かも。きのうトイレ間に合わなくて漏らした", asked: emergency).contains("bladder_bowel_dysfunction"))
    }

    @Test("an ordinary fall, asked whether it was a crash or a fall from a height, is no major trauma", arguments: [
        "いいえ、台所で滑って尻もちです", "いいえ　だいどころで　すべって　しりもち　です", "たかいところからではありません",
    ])
    func ordinaryFall(line: String) {
        let said = reported(line, asked: [.concept("major_trauma")])
        #expect(!said.contains("major_trauma") && said.contains("-major_trauma"), "\(line): \(said)")
    }

    @Test("それは opens a clause of its own: 「体重は変わらん、それはないわ」 denies the weight loss")
    func thatOneNo() {
        #expect(reported("体重は変わらん、それはないわ").contains("-weight_loss"))
        #expect(reported("それはないわ。動いたときが痛いんよ", asked: [.concept("night_pain")]).isSuperset(of: ["-night_pain", "pain_on_movement"]))
    }

    @Test("able to work, with how well between, is no impact on daily life")
    func ableToWork() {
        #expect(reported("仕事はふつうにできてます").contains("-daily_life_impact"))
        #expect(reported("仕事が普通にできない").contains("daily_life_impact"))
    }

    @Test("a sudden pain and a sweat in one line are the aorta's warning; a sweat alone is nothing")
    func suddenAndSweaty() {
        #expect(reported("lower back killing me rn ngl. came on sudden like an hour ago. kinda sick to my stomach and sweaty").contains("aortic_warning"))
        #expect(!reported("I got sweaty at the gym and my back hurts").contains("aortic_warning"))
    }

    @Test("world Englishes and carers: foot drop, both leg, motion, private parts, last night", arguments: [
        ("his left foot is slapping when he walks, he cant lift his toes", "leg_weakness"),
        ("both leg also numb already since this morning", "both_legs_affected"),
        ("its only the left leg", "-both_legs_affected"),
        ("no problem in private parts, urine and motion are normal", "-bladder_bowel_dysfunction"),
        ("no problem in private parts, urine and motion are normal", "-saddle_numbness"),
    ])
    func worldEnglish(line: String, expected: String) {
        #expect(reported(line).contains(expected), "\(line): \(reported(line))")
    }

    @Test("a fever since last night is no pain at night; an adverb between part and feeling joins them")
    func timesAndAdverbs() {
        #expect(!reported("i am having fever from yesterday night, 102").contains("night_pain"))
        #expect(!reported("no problem in private parts, urine and motion are normal").contains("-pain_on_movement"))
    }

    @Test("a question chooses nothing, and what it says of the item asked about settles nothing")
    func questionsSettleNothing() {
        #expect(reported("both legs at once? or just one?", asked: emergency).isEmpty)
        #expect(reported("③ってどういう意味ですか？右だけなんですけど", asked: emergency).isEmpty)
    }

    @Test("ages as carers and older people give them", arguments: [
        ("I am 72 years of age", 72), ("a man of 70 years of age", 70), ("hes 45, his back went at work on thursday", 45),
    ])
    func ages(line: String, age: Int) {
        #expect(knowledge.reader.read(line).values[.age]?.value == age, "\(line)")
    }

    @Test("a sense that makes one sign only answers a grouped question; weight lost on a diet is explained")
    func unambiguousAndExplained() {
        #expect(reported("its slow to start and not much comes out", asked: emergency) == ["bladder_bowel_dysfunction"])
        #expect(reported("I've lost a bit of weight but I've been dieting").contains("-weight_loss"))
        #expect(reported("ダイエットしてないのに痩せた").contains("weight_loss"))
    }

    @Test("English words that only insist are dropped too: \"can't really feel the toilet paper\"")
    func englishDegree() {
        #expect(reported("since this morning I can't really feel the toilet paper when I wipe").contains("saddle_numbness"))
        #expect(reported("I don't really have a fever") == ["-fever"])
    }

    @Test("still at work is no impact on daily life; off work often is; massage that does not stop it coming back is also recurrence")
    func workAndRecurrence() {
        #expect(reported("still going to work fine").contains("-daily_life_impact"))
        #expect(reported("もう何年も繰り返してる、もんでもろたらその日は楽やのに次の日には元通り、仕事で重いもん持たれへんから休みがちや")
            == ["recurrent", "returns_after_massage", "daily_life_impact"])
    }

    @Test("Kansai あかん, the back blamed, しか…ない, and ちゃんと as a word of degree", arguments: [
        ("腰がもうあかん", ["low_back_pain"]), ("自転車でこけました", ["trauma"]), ("膝がカクッとなる", ["leg_weakness"]),
        ("しびれは右足しかない", ["leg_numbness", "-both_legs_affected"]),
    ] as [(String, Set<String>)])
    func westernWords(line: String, expected: Set<String>) {
        #expect(reported(line) == expected, "\(line): \(reported(line))")
    }

    @Test("fine at a time, and an only that turns the pain away from it", arguments: [
        ("fine when I'm lying down, only hurts when I bend", ["-night_pain", "pain_on_movement"]),
        ("my back hurts only at night", ["low_back_pain", "night_pain"]), ("夜だけ痛い", ["night_pain"]),
    ] as [(String, Set<String>)])
    func fineAtATime(line: String, expected: Set<String>) {
        #expect(reported(line) == expected, "\(line): \(reported(line))")
    }

    @Test("a carer's age in brackets: 「父(72)が」")
    func bracketAge() {
        let reading = knowledge.reader.read("父（72）が腰を痛めました")
        #expect(reading.values[.age]?.value == 72)
    }
}
