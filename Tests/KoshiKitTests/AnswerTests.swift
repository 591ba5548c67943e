import Testing
@testable import KoshiKit

/// Replies to a grouped question as people give them (issue 12): a reply answers only what it
/// addresses, in every form of blanket answer, with numbered choices only where the line is made
/// of them, and never a finding out of a question back or a hedge.
@Suite("Answers: replies to the question just asked")
struct GroupReplyTests {
    let emergency: [Topic] = ["saddle_numbness", "bladder_bowel_dysfunction", "both_legs_affected", "chest_pain"].map { .concept($0) }
    let none: Set<String> = ["-saddle_numbness", "-bladder_bowel_dysfunction", "-both_legs_affected", "-chest_pain"]

    @Test("blanket replies close the whole group, also when more text follows", arguments: [
        "どれもないと思います", "いずれもありません", "ほかはないです", "全部ない", "ないっす", "特にないっす", "いえ、どれも",
        "none of that", "no to all of those I think", "nothing like that", "nah none of those", "nope, none",
        "none of those, but my back is killing me", "うーん、特にないかな", "うーん、ないかな",
    ])
    func blanketNo(line: String) {
        #expect(reported(line, asked: emergency).isSuperset(of: none), "\(line)")
    }

    @Test("numbered choices, each with its own polarity", arguments: [
        ("1と3", ["saddle_numbness", "both_legs_affected"]), ("1 and 3", ["saddle_numbness", "both_legs_affected"]),
        ("3 and 4 no", ["-both_legs_affected", "-chest_pain"]), ("1はある、2はない", ["saddle_numbness", "-bladder_bowel_dysfunction"]),
        ("②だけ", ["bladder_bowel_dysfunction", "-saddle_numbness", "-both_legs_affected", "-chest_pain"]),
        ("only the first one", ["saddle_numbness", "-bladder_bowel_dysfunction", "-both_legs_affected", "-chest_pain"]),
        ("no to 1 and 2", ["-saddle_numbness", "-bladder_bowel_dysfunction"]),
        ("no to 2, 3 and 4", ["-bladder_bowel_dysfunction", "-both_legs_affected", "-chest_pain"]),
        ("no to 1, yes to 2", ["-saddle_numbness", "bladder_bowel_dysfunction"]),
        ("1, 2 no, 3 yes", ["-saddle_numbness", "-bladder_bowel_dysfunction", "both_legs_affected"]),
        ("2と3はない、4はある", ["-bladder_bowel_dysfunction", "-both_legs_affected", "chest_pain"]),
    ] as [(String, Set<String>)])
    func choices(line: String, expected: Set<String>) {
        #expect(read(line, asked: emergency) == expected, "\(line)")
    }

    @Test("a choice before a dash is a choice; an only that limits something else closes nothing")
    func choiceBeforeDash() {
        #expect(read("2 yes - I have to strain and only a dribble comes out", asked: emergency) == ["bladder_bowel_dysfunction"])
        #expect(read("②だけ", asked: emergency).contains("-chest_pain"))
    }

    @Test("each item of a group answered in its own words: first time, no massage, still managing")
    func ownWords() {
        let inPerson: [Topic] = ["recurrent", "returns_after_massage", "daily_life_impact"].map { .concept($0) }
        #expect(read("first time really, haven't had a massage, I'm still working fine", asked: inPerson)
            == ["-recurrent", "-returns_after_massage", "-hands_on_treatment", "-daily_life_impact"])
        #expect(read("no it's the first time, not had a massage, still managing everything", asked: inPerson)
            == ["-recurrent", "-returns_after_massage", "-hands_on_treatment", "-daily_life_impact"])
    }

    @Test("a number inside a sentence is a number, not a choice", arguments: ["今年3回目です", "5くらい", "about 2 weeks", "3日前から"])
    func numbersInSentences(line: String) {
        let items = Set(emergency.compactMap(\.concept?.rawValue))
        #expect(read(line, asked: emergency).allSatisfy { !items.contains($0.trimmingPrefix(while: { "-?".contains($0) }).description) }, "\(line)")
    }

    @Test("a question back answers nothing and names the items it asks about")
    func questionBack() {
        let saddle = knowledge.reader.read("①の『股・陰部』ってどういう意味ですか？", asked: emergency)
        #expect(saddle.findings.isEmpty)
        #expect(saddle.reply.askedBackAbout == ["saddle_numbness"])
        let mixed = knowledge.reader.read("3 and 4 no. 1 and 2 wdym exactly lol", asked: emergency)
        #expect(Set(mixed.findings.map { "\($0.status == .absent ? "-" : "")\($0.concept)" }) == ["-both_legs_affected", "-chest_pain"])
        #expect(mixed.reply.askedBackAbout == ["saddle_numbness", "bladder_bowel_dysfunction"])
        let legs = knowledge.reader.read("both legs at the same time, or just one?", asked: emergency)
        #expect(legs.findings.isEmpty && legs.reply.askedBackAbout == ["both_legs_affected"])
    }

    @Test("a description inside a question back is to confirm, not a yes")
    func descriptionToConfirm() {
        let reading = knowledge.reader.read("I'd have to ask her, do you mean numb around her bottom?", asked: emergency)
        #expect(!reading.findings.contains { $0.status == .present })
        #expect(reading.reply.asksBack)
    }

    @Test("a choice of an item the line also asks about is to confirm; an ordinal past the last item is no choice")
    func choiceAskedAbout() {
        let asked = knowledge.reader.read("1… what counts as numb around there?", asked: emergency)
        #expect(!asked.findings.contains { $0.status == .present })
        #expect(asked.reply.toConfirm.map(\.concept) == ["saddle_numbness"])
        let answered = knowledge.reader.read("3 yes. what does 1 mean?", asked: emergency)
        #expect(answered.findings.contains { $0.concept == "both_legs_affected" && $0.status == .present })
        // Four items: "the fifth" reads as no choice, and nothing breaks.
        #expect(knowledge.reader.read("the fifth", asked: emergency).findings.allSatisfy { $0.status != .present })
    }

    @Test("a hedged reply leaves the items open: never present, and 'probably not' is no no")
    func hedges() {
        #expect(read("probably not", asked: [.concept("osteoporosis")]) == ["?osteoporosis"])
        #expect(read("idk about osteoporosis… probably not?", asked: [.concept("osteoporosis")]).allSatisfy { !$0.hasPrefix("osteo") })
        #expect(read("わからないです", asked: emergency) == ["?saddle_numbness", "?bladder_bowel_dysfunction", "?both_legs_affected", "?chest_pain"])
    }
}
