import KoshiKit

/// CONTRACT.md's safety rules, checked after every turn of a fuzzed session (issue 12):
/// no self-care or in-person advice while a red flag is open; no finding made absent by a line
/// that said no such thing; no finding made present by a question back.
struct DialogueInvariants {
    let knowledge: Knowledge

    /// `before` is the state the line was read in; `turn` what koshi replied.
    func check(line: String, before: DialogueState, after: DialogueState, turn: Turn, _ v: inout Violations) {
        let asked = before.pending?.asks ?? []
        let reading = knowledge.reader.read(line, context: before.readingContext())
        for event in turn.events {
            switch event {
            case .recommendation(let recommendation, _, _):
                checkNoOpenRedFlag(recommendation, after, &v)
            case .findings(let summary):
                checkAbsentWasSaid(summary, line: line, &v)
                if reading.reply.asksBack {
                    // An item the line asks about is not stated by it; another item it answers
                    // ("3 yes, what does 1 mean?") may be.
                    let stated = summary.present.filter { reading.reply.askedBackAbout.contains($0) }
                    v.expect(stated.isEmpty, "question-back-present", "a question back made \(stated) present: \(shown(line))")
                }
            default:
                break
            }
        }
    }

    /// Unknown red flags never end in self-care or in-person.
    private func checkNoOpenRedFlag(_ recommendation: Recommendation, _ state: DialogueState, _ v: inout Violations) {
        guard recommendation.disposition == .selfCare || recommendation.disposition == .inPerson else { return }
        let open = knowledge.concepts.filter { $0.group == .redFlag && state.findings[$0.id]?.status == .unknown }.map(\.id)
        v.expect(open.isEmpty, "advice-with-open-red-flag", "\(recommendation.disposition.rawValue) while \(open) is unknown")
    }

    /// A line's absent finding comes from something in it that denies: a negation, a no, a word
    /// that itself says absent (平熱), or a take-back.
    private func checkAbsentWasSaid(_ summary: LineSummary, line: String, _ v: inout Violations) {
        guard !summary.absent.isEmpty else { return }
        v.expect(knowledge.reader.holdsDenial(line), "absent-without-denial", "\(summary.absent) absent from a line with no denial: \(shown(line))")
    }
}
