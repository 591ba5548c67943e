import Testing
@testable import KoshiKit
import KoshiKnowledge

@Suite("Time as people say it: the calendar from today, ranges, time off, earlier episodes")
struct TimeTests {
    /// Wednesday 5 March 2025.
    let today = CivilDate(year: 2025, month: 3, day: 5)

    func duration(_ line: String, today: CivilDate? = nil) -> Int? {
        knowledge.reader.read(line, context: ReadingContext(today: today)).values[.duration]?.value
    }

    @Test("a civil date knows its weekday and counts back to a past one")
    func civilDate() {
        #expect(today.weekday == 3)
        #expect(today.daysSince(weekday: 1) == 2)
        #expect(today.daysSince(weekday: 3) == 7)
        #expect(CivilDate(year: 2024, month: 12, day: 31).dayNumber + 65 == today.dayNumber + 1)
    }

    @Test("a weekday, a season or a month is an onset only with today's date")
    func calendar() {
        #expect(duration("Done my back in Monday", today: today) == 2)
        #expect(duration("Done my back in Monday") == nil)
        #expect(duration("先週の月曜から腰が痛い", today: today) == 9)
        #expect(duration("夏ぐらいから腰が痛い", today: today) == 277)
        #expect(duration("my back has hurt since September", today: today) == 185)
    }

    @Test("ranges and halves said in kana and kanji", arguments: [
        ("二三日前から腰が痛い", 3), ("2か月半前から腰が痛い", 75), ("2かげつはん前から腰が痛い", 75),
    ])
    func ranges(line: String, days: Int) {
        #expect(duration(line) == days)
    }

    @Test("the day of an event that starts the pain")
    func dayOfTheEvent() {
        #expect(duration("I threw my back out this morning") == 0)
        #expect(duration("昨日ぎっくり腰になった") == 1)
    }

    @Test("time off and an earlier episode's time are no duration of this pain")
    func notThisPain() {
        #expect(duration("I had to take two days off work, my back hurts") == nil)
        #expect(duration("ぎっくり腰は3年前にやった、今回は昨日からです") == 1)
    }

    @Test("events past and over state nothing of the present pain")
    func pastEvents() {
        #expect(reported("I slipped on the ice last winter") == [])
        // A fall ten years ago is no fall of this pain (a history such as a cancer still lasts).
        #expect(reported("I had a bad fall ten years ago but it's all healed") == [])
        #expect(reported("去年の冬に凍った道で転んだことはあるけど、今回のとは関係ないと思います") == [])
        #expect(reported("3年前に転んでから腰が痛いです") == ["trauma", "low_back_pain"])
        #expect(reported("ぎっくり腰は3年前にやったことある").contains("recurrent"))
        // That episode's back pain is over too; the pain of this one takes the back spoken of.
        #expect(reported("鼻をかんだ瞬間に背中がビキッと来ました。ぎっくり腰は3年前にやったことあるけど、腰は全く問題なしです").contains("-low_back_pain"))
        #expect(reported("去年ぎっくり腰をやったけど、それは治りました。今回はじわじわ痛くなってきた感じです")
            .isSuperset(of: ["low_back_pain", "recurrent"]))
    }
}
