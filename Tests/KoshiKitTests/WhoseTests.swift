import Testing
@testable import KoshiKit
import KoshiKnowledge

@Suite("Whose it is: the speaker, or the person a carer writes for")
struct WhoseTests {
    func reading(_ line: String, carer: Bool = false) -> LineReading {
        knowledge.reader.read(line, context: ReadingContext(patientIsSomeoneElse: carer))
    }

    @Test("a relative's complaint, and nothing of the speaker's, makes the relative the patient", arguments: [
        "父が腰が痛いと言ってます、78です", "my mum is 82 and her back hurts", "78歳の母のことで相談です。腰が痛いと言っています",
        "My husband has had back problems for years",
    ])
    func carerLines(line: String) {
        let read = reading(line)
        #expect(read.speaksForSomeoneElse)
        #expect(read.present.contains("low_back_pain"))
    }

    @Test("the patient's age, not the carer's nor a child's")
    func ages() {
        #expect(reading("my mum is 82 and her back hurts").values[.age]?.value == 82)
        #expect(reading("父が腰が痛いと言ってます、78です").values[.age]?.value == 78)
        #expect(reading("78歳の母のことで相談です。腰が痛いと言っています").values[.age]?.value == 78)
        #expect(reading("I'm 45 and my dad is 78, his back hurts").values[.age]?.value == 78)
        #expect(reading("2歳の息子がいるんですけど、腰が痛いです").values[.age] == nil)
        #expect(reading("2歳は息子の年です笑 わたしは36です").values[.age]?.value == 36)
        #expect(reading("I've got a 2 year old I carry around all day and my back hurts").values[.age] == nil)
        #expect(reading("he's 78", carer: true).values[.age]?.value == 78)
    }

    @Test("other people's findings stay theirs")
    func otherPeople() {
        #expect(reading("my son has the same").findings.isEmpty)
        #expect(reading("母が胃がんでした").findings.isEmpty)
        #expect(!reading("母が胃がんでした").speaksForSomeoneElse)
        #expect(reading("My coworker got a fever and said his back hurt, should I worry?").findings.isEmpty)
        let dad = reading("Dad's 68, searing pain in his back. His own dad died of cancer.")
        #expect(dad.present.contains("low_back_pain") && !dad.present.contains("cancer_history"))
    }

    @Test("the speaker who has something too is the patient")
    func speakerToo() {
        let read = reading("主人がぎっくり腰になりまして、その看病で私もすっかり疲れております。")
        #expect(!read.speaksForSomeoneElse)
        #expect(Set(read.present.map(\.rawValue)) == ["fatigue"])
    }
}
