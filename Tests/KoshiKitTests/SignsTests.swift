import Testing
@testable import KoshiKit
import KoshiKnowledge

@Suite("Signs told in people's words: temperatures, both legs, the newer emergency signs")
struct SignsTests {
    @Test("a temperature is a fever from 37.5 °C (99.5 °F), and denies one below", arguments: [
        ("測ったら38.6℃でした", ["fever"]), ("熱が八度五分あります", ["fever"]), ("temp of 101F", ["fever"]),
        ("Took my temp tonight: 38.3", ["fever"]), ("熱は測ったら36度9分やった", ["-fever"]), ("2.5キロ歩いた", []),
        ("I weigh 38.5 kg", []), ("熱は6度8分", ["-fever"]), ("熱は8度", ["fever"]), ("今朝は6度で寒かった", []),
    ])
    func temperatures(line: String, expected: [String]) {
        #expect(reported(line) == Set(expected))
    }

    @Test("both legs told one side at a time", arguments: [
        ("右足がしびれてたんやけど、きのうから左もしびれてきた", true),
        ("my left leg went numb last week and now my right one's going too", true),
        ("足がしびれる、両方", true),
        ("左足はお尻から膝裏までピリピリ、右足は何ともありません", false),
        ("右の腰が痛くて、左足がしびれる", false),
    ])
    func bothSides(line: String, both: Bool) {
        #expect(reported(line).contains("both_legs_affected") == both, "\(reported(line))")
    }

    @Test("the four newer emergency signs and what they are not", arguments: [
        ("脚立の上から落ちて、腰を強く打ちました", "major_trauma", true), ("台所で滑って転びました", "major_trauma", false),
        ("急に腰に激痛が走って、お腹も痛いし冷や汗が出る", "aortic_warning", true), ("お腹が痛いです", "aortic_warning", false),
        ("右足に力が入らなくて立てない", "worsening_weakness", true), ("腰が痛くて立てません", "worsening_weakness", false),
        ("temp of 39 and shivering uncontrollably", "very_unwell", true), ("bit of a temperature, 37.5, otherwise fine", "very_unwell", false),
        ("屋根の雪下ろしで屋根から落っこちた", "major_trauma", true), ("my back has hurt since I slipped on the stairs", "pain_on_movement", false),
        ("it hurts going down the stairs", "pain_on_movement", true),
    ])
    func newerSigns(line: String, concept: String, present: Bool) {
        #expect(read(line).contains(concept) == present, "\(read(line))")
    }

    @Test("pain down a leg, a foot that drags, urine that will not come, said as people say them", arguments: [
        ("pain from my lower back down my right leg", ["low_back_pain", "leg_numbness"]),
        ("shooting pain from my lower back down the back of my right leg to the calf", ["low_back_pain", "leg_numbness"]),
        ("my back hurts, down my right leg", ["low_back_pain", "leg_numbness"]),
        ("my left foot has started dragging and catching on the stairs", ["leg_weakness"]),
        ("No pain down my legs", ["-leg_numbness"]),
        ("My wife had numbness all down her leg, mine's just a sore lower back", ["low_back_pain"]),
        ("両脚ではなく、右足だけしびれます", ["leg_numbness", "-both_legs_affected"]),
        ("尿意はあるのに、いざトイレに行くと出ないのです", ["bladder_bowel_dysfunction"]),
        ("熱は出ないです", ["-fever"]), ("腰が重うて、かないません", ["low_back_pain"]),
        ("右足の指先までビリビリしびれが走る腰痛です", ["leg_numbness", "low_back_pain"]), ("指先がしびれます", ["arm_numbness"]),
        ("痛くて家事もほとんどできていません", ["daily_life_impact"]),
        ("I haven't been able to go to work or even do the dishes", ["daily_life_impact"]),
        ("I'm unable to feel my bottom", ["saddle_numbness"]), ("I have not been able to feel my legs", ["both_legs_affected"]),
        ("I can't get to the toilet in time", ["bladder_bowel_dysfunction"]), ("I haven't been able to sleep", ["poor_sleep"]),
    ] as [(String, Set<String>)])
    func downTheLeg(line: String, expected: Set<String>) {
        #expect(reported(line) == expected, "\(reported(line))")
    }
}
