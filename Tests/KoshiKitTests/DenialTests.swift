import Testing
@testable import KoshiKit
import KoshiKnowledge

@Suite("Denials as people say them: dialects, casual speech, parts said to be fine, forms")
struct DenialTests {
    @Test("regional and casual negatives deny the mention before them", arguments: [
        ("あしも しびれとらん", ["-leg_numbness"]),
        ("熱も出んし", ["-fever"]),
        ("熱はねぇ", ["-fever"]),
        ("胸は痛くなか", ["-chest_pain"]),
        ("足はしびれでねぇし熱も出でねぇ", ["-leg_numbness", "-fever"]),
        ("しびれてへん", ["-leg_numbness"]),
        ("転んだりもしてないし", ["-trauma"]),
        ("転んだわけでもないのに", ["-trauma"]),
        ("熱も出ず", ["-fever"]),
    ])
    func regionalNegatives(line: String, expected: [String]) {
        #expect(reported(line) == Set(expected))
    }

    @Test("look-alikes of the short negatives are no denial", arguments: [
        ("腰が痛いやん", ["low_back_pain"]),
        ("腰が痛いねぇ", ["low_back_pain"]),
        ("昨日からずっと腰が痛い", ["low_back_pain"]),
        ("腰のここらへんが痛い", ["low_back_pain"]),
        ("腰が痛くてしびれもひどい、さんざんです", ["low_back_pain", "leg_numbness"]),
        ("最近よく眠れません", ["poor_sleep"]),
        ("腰痛が治らへん", ["low_back_pain"]),
        // The regional forms of a stem that says the pain stays are no denial either.
        ("腰の痛みが止まらん", ["low_back_pain"]), ("腰の痛みが取れねぇ", ["low_back_pain"]),
        ("熱があってガタガタ震えが止まらん", ["fever", "very_unwell"]),
        // A dash ends the denials before it: the back that follows is stated.
        ("No numbness, no fever, no accident - my back just stays tight", ["low_back_pain", "-leg_numbness", "-fever", "-trauma"]),
        ("no accident — my back is tight", ["low_back_pain", "-trauma"]),
    ])
    func lookAlikes(line: String, expected: [String]) {
        #expect(reported(line) == Set(expected))
    }

    @Test("a body part said to be fine denies what could be wrong with it", arguments: [
        ("股のへんは普通やで", ["-saddle_numbness"]),
        ("足は両方ともなんともない", ["-both_legs_affected", "-leg_numbness", "-leg_weakness"]),
        ("legs are fine", ["-both_legs_affected", "-leg_numbness", "-leg_weakness"]),
        ("peeing ok", ["-bladder_bowel_dysfunction"]),
        ("寝てるときは平気", ["-night_pain"]),
        ("ちなみに腰は全く問題なしです", ["-low_back_pain"]),
        ("nothing in the legs", ["-leg_numbness"]),
    ])
    func fineParts(line: String, expected: [String]) {
        #expect(reported(line) == Set(expected))
    }

    @Test("one side said to be fine leaves the other side's finding standing")
    func oneSideFine() {
        #expect(reported("左足だけしびれて、右足は大丈夫です") == ["leg_numbness", "-both_legs_affected"])
        #expect(reported("only hurts when I sit too long, fine in bed") == ["-night_pain"])
    }

    @Test("a bare no before a clause of its own answers; never before a clause still denies")
    func englishNo() {
        #expect(reported("no its the first time") == ["-recurrent"])
        #expect(reported("never been told I have thin bones") == ["-osteoporosis"])
        #expect(reported("I can't walk far without my leg going numb") == ["daily_life_impact", "leg_numbness"])
    }

    @Test("a form's item and its answer", arguments: [
        ("熱：なし", ["-fever"]), ("fever: no", ["-fever"]), ("numbness - none", ["-leg_numbness"]),
        ("熱:なし、しびれ:なし、腰痛:あり", ["-fever", "-leg_numbness", "low_back_pain"]),
    ])
    func formAnswers(line: String, expected: [String]) {
        #expect(reported(line) == Set(expected))
    }

    @Test("a complaint denied as never before is the first episode")
    func firstEpisode() {
        #expect(reported("今まで腰痛なんて一度もなったことないのに") == ["-recurrent"])
        #expect(reported("She's never had back problems in her life") == ["-recurrent"])
        #expect(reported("I've never had cancer") == ["-cancer_history"])
    }

    @Test("a sensation without a part is about the part spoken of last, when it is felt")
    func topicPart() {
        #expect(reported("腰が痛いです。今朝から特にズキズキします") == ["low_back_pain"])
        #expect(reported("朝は腰が固まってて痛い。お風呂で温まると痛みを感じなくなります").contains("low_back_pain"))
        #expect(!reported("腰も痛い。測ってみたら椅子の座面が傾いていました").contains("pelvic_misalignment"))
        #expect(reported("The back pain's gone, but both his legs are extremely weak").contains("-low_back_pain"))
    }

    @Test("not denials: assertions, frequency, relief, the worst ever")
    func notDenials() {
        #expect(reported("腰痛が治らない") == ["low_back_pain"])
        #expect(reported("トイレが近い") == [])
        #expect(reported("しばれるから腰にくるわ") == ["cold_exposure", "low_back_pain"])
        #expect(!reported("温まると痛みを感じなくなる").contains { $0.hasPrefix("-") })
        #expect(reported("腰自体には痛みはありません") == ["-low_back_pain"])
    }
}
