import Foundation
import Testing

/// Whole sessions of the real binary, one for each disposition and `when` of CONTRACT.md's table,
/// each followed by /plan, /why and the questions people ask. Red flags are all answered "no".
private let sessions: [(language: String, lines: [String], disposition: String, when: String)] = [
    ("en", ["my back hurts and I can't pee"], "emergency", "now"),
    ("en", ["my back hurts and I have a fever, since yesterday, I'm 45, pain 5"], "doctor-soon", "today"),
    ("en", ["I'm 81 and I fell in the garden yesterday, now my back hurts, pain 6"], "doctor-soon", "today"),
    ("en", ["my back hurts and my right leg is numb, for a week, I'm 45, pain 7"], "doctor-soon", "within-days"),
    ("en", ["I had cancer five years ago and my back has ached for 3 weeks, I'm 58, pain 4"], "doctor-soon", "within-days"),
    ("en", ["my back keeps coming back every few months, this time for 10 days, I'm 40, pain 5"], "in-person", "within-weeks"),
    ("en", ["my lower back has ached for 5 days, I'm 35, pain 4, I sit at a desk all day"], "self-care", "review"),
    ("ja", ["腰が痛くて、尿が出なくなりました"], "emergency", "now"),
    ("ja", ["昨日から腰が痛くて熱があります。45歳、痛みは5"], "doctor-soon", "today"),
    ("ja", ["右脚がしびれて腰が痛い。1週間前から。45歳、痛みは7"], "doctor-soon", "within-days"),
    ("ja", ["腰痛を何度もくり返しています。今回は10日前から。40歳、痛みは5"], "in-person", "within-weeks"),
    ("ja", ["妊娠28週です。1週間前から腰が痛いです。32歳、痛みは4"], "self-care", "review"),
]

private func script(_ session: (language: String, lines: [String], disposition: String, when: String)) -> String {
    let no = session.language == "ja" ? "いいえ" : "no"
    let questions = session.language == "ja"
        ? ["整体でいい？", "何科？", "痛み止めは飲んでもいい？", "いつ治りますか？", "救急車は大げさ？"]
        : ["is there owt I can take for it?", "can I still drive for work tho?", "which doctor should I see?", "is it serious?"]
    return (session.lines + Array(repeating: no, count: 6) + ["/plan", "/why"] + questions).joined(separator: "\n") + "\n"
}

private func recommendations(_ stdout: String) throws -> [[String: Any]] {
    try stdout.split(separator: "\n").compactMap { line in
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return object["type"] as? String == "recommendation" ? object : nil
    }
}

@Suite("Advice in the region's words, from the real binary")
struct RegionAdviceTests {
    @Test("--region GB never prints 119 or #7119, and prints 999 and 111", arguments: sessions.indices)
    func gbNumbers(index: Int) throws {
        let session = sessions[index]
        for format in ["text", "jsonl"] {
            let result = try Koshi.run(["--region", "GB", "--lang", session.language, "--format", format], input: script(session))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("119"), "\(session.lines[0]) (\(format)) printed 119")
            #expect(result.stdout.contains("999"), "\(session.lines[0]) (\(format))")
            #expect(result.stdout.contains("111"), "\(session.lines[0]) (\(format))")
        }
    }

    @Test("the greeting names no region's numbers")
    func greeting() throws {
        for region in ["GB", "US", "AU", "INTL"] {
            let result = try Koshi.run(["--region", region, "--lang", "en"], input: "")
            #expect(!result.stdout.contains("119"), "\(region)")
        }
    }

    @Test("every recommendation event has the `when` of CONTRACT.md's table", arguments: sessions.indices)
    func whenFollowsTheTable(index: Int) throws {
        let session = sessions[index]
        for region in ["JP", "GB", "US", "AU", "INTL"] {
            let result = try Koshi.run(["--region", region, "--lang", session.language, "--format", "jsonl"], input: script(session))
            let given = try recommendations(result.stdout)
            #expect(!given.isEmpty, "\(session.lines[0]): no recommendation")
            for event in given {
                let disposition = event["disposition"] as? String, when = event["when"] as? String
                #expect(disposition == session.disposition && when == session.when, "\(session.lines[0]) in \(region): \(event)")
                let allowed = ["emergency": ["now"], "doctor-soon": ["today", "within-days"], "in-person": ["within-weeks"],
                               "self-care": ["review"]][disposition ?? ""] ?? []
                #expect(allowed.contains(when ?? ""), "\(event)")
            }
        }
    }

    @Test("no region but JP names 接骨院 or 整体", arguments: ["GB", "US", "AU", "INTL"])
    func bodyworkOnlyInJapan(region: String) throws {
        for session in sessions {
            let result = try Koshi.run(["--region", region, "--lang", session.language], input: script(session))
            #expect(!result.stdout.contains("接骨院") && !result.stdout.contains("整体"), "\(region): \(session.lines[0])")
        }
    }

    @Test("a pregnancy never gets an NSAID item, in any region", arguments: ["JP", "GB", "US", "AU", "INTL"])
    func pregnancyNoNSAID(region: String) throws {
        for opening in ["I'm 28 weeks pregnant and my back has hurt for a week, I'm 32, pain 4",
                        "I'm 20 weeks pregnant, I threw my back out this morning, I'm 29, pain 8"] {
            let result = try Koshi.run(["--region", region, "--lang", "en", "--format", "jsonl"],
                                       input: ([opening] + Array(repeating: "no", count: 6)).joined(separator: "\n") + "\n")
            let given = try recommendations(result.stdout)
            #expect(!given.isEmpty, "\(opening)")
            for event in given {
                let advice = event["advice"] as? [String] ?? []
                #expect(!advice.contains("pain-relief") && !advice.contains("pain-relief-older"), "\(advice)")
                #expect(advice.contains("pregnancy-warning-signs") && advice.contains("pregnancy-pain-relief"), "\(advice)")
            }
        }
    }

    @Test("a day-one acute patient with pain 8 gets no desk or posture item")
    func acuteDayOne() throws {
        let input = ["I threw my back out this morning lifting a box, I sit at a desk all day and slouch, I'm 40, pain 8"]
            + Array(repeating: "no", count: 6)
        let result = try Koshi.run(["--region", "GB", "--lang", "en", "--format", "jsonl"], input: input.joined(separator: "\n") + "\n")
        let given = try recommendations(result.stdout)
        #expect(!given.isEmpty)
        for event in given {
            let advice = Set(event["advice"] as? [String] ?? [])
            #expect(advice.isDisjoint(with: ["sitting-posture", "standing-posture", "walking-habits", "desk-breaks", "desk-stretches"]),
                    "\(advice)")
            #expect(advice.contains("acute-position"))
        }
    }
}
