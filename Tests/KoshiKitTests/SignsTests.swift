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
    ])
    func newerSigns(line: String, concept: String, present: Bool) {
        #expect(reported(line).contains(concept) == present, "\(reported(line))")
    }
}
