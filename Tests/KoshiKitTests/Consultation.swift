@testable import KoshiKit

/// A whole consultation for the plan's tests: an opening line that gives age, duration and pain,
/// then "no" to every question until koshi recommends.
struct Consultation {
    var session: Session
    var recommendation: Recommendation?
    var text = ""

    init(_ opening: String, _ language: Language = .en, region: Region? = nil, today: CivilDate? = CivilDate(year: 2026, month: 12, day: 6),
         answers: [String] = []) {
        session = Session(knowledge: knowledge, language: language, region: region)
        session.setToday(today)
        _ = session.opening()
        var pending = answers
        var turn = session.respond(to: opening)
        for _ in 0..<14 {
            if let (recommendation, text) = Self.recommendation(in: turn) {
                self.recommendation = recommendation
                self.text = text
                return
            }
            let reply = pending.isEmpty ? (language == .ja ? "いいえ" : "no") : pending.removeFirst()
            turn = session.respond(to: reply)
        }
    }

    static func recommendation(in turn: Turn) -> (Recommendation, String)? {
        for case .recommendation(let recommendation, let text, _) in turn.events { return (recommendation, text) }
        return nil
    }

    /// What koshi says to a further line, as plain text.
    mutating func say(_ line: String) -> (turn: Turn, text: String) {
        let turn = session.respond(to: line)
        return (turn, TextRenderer(knowledge: knowledge).text(turn, language: session.language).joined(separator: "\n"))
    }

    /// The recommendation's rows on a terminal of `width` columns.
    func rows(width: Int = 80) -> [String] {
        DisplayWidth.wrap(text, width: width)
    }
}

/// A dialogue state with these findings present and these values, for the planner alone.
func state(_ present: [String], age: Int? = nil, days: Int? = nil, pain: Int? = nil, language: Language = .en,
           region: Region? = nil) -> DialogueState {
    var state = DialogueState(language: language, region: region)
    for id in present { state.findings[ConceptID(id)] = RecordedFinding(status: .present, line: 1, evidence: id) }
    if let age { state.values[.age] = RecordedValue(value: age, line: 1, evidence: "") }
    if let days { state.values[.duration] = RecordedValue(value: days, line: 1, evidence: "") }
    if let pain { state.values[.painIntensity] = RecordedValue(value: pain, line: 1, evidence: "") }
    return state
}

/// The ids of the plan the planner gives `state` for `disposition`.
func plan(_ disposition: Disposition, _ state: DialogueState) -> [String] {
    Advice(knowledge: knowledge).plan(for: disposition, state: state).map(\.item.id.rawValue)
}

/// Openings that lead to each disposition and `when`, in both languages.
enum Openings {
    static let english: [(opening: String, disposition: Disposition, when: Timeframe)] = [
        ("my back hurts and I can't pee", .emergency, .now),
        ("my back hurts and I have a fever, since yesterday, I'm 45, pain 5", .doctorSoon, .today),
        ("I'm 81 and I fell in the garden yesterday, now my back hurts, pain 6", .doctorSoon, .today),
        ("my back hurts and my right leg is numb, for a week, I'm 45, pain 7", .doctorSoon, .withinDays),
        ("I had cancer five years ago and my back has ached for 3 weeks, I'm 58, pain 4", .doctorSoon, .withinDays),
        ("my back keeps coming back every few months, this time for 10 days, I'm 40, pain 5", .inPerson, .withinWeeks),
        ("I threw my back out this morning and can't move, I'm 50, pain 9", .inPerson, .withinWeeks),
        ("my lower back has ached for 5 days, I'm 35, pain 4, I sit at a desk all day", .selfCare, .review),
        ("I'm 28 weeks pregnant and my back has hurt for a week, I'm 32, pain 4", .selfCare, .review),
    ]
    static let japanese: [(opening: String, disposition: Disposition, when: Timeframe)] = [
        ("腰が痛くて、尿が出なくなりました", .emergency, .now),
        ("昨日から腰が痛くて熱があります。45歳、痛みは5", .doctorSoon, .today),
        ("81歳です。昨日庭で転んでから腰が痛い。痛みは6", .doctorSoon, .today),
        ("右脚がしびれて腰が痛い。1週間前から。45歳、痛みは7", .doctorSoon, .withinDays),
        ("5年前にがんの手術をしました。3週間前から腰が痛い。58歳、痛みは4", .doctorSoon, .withinDays),
        ("腰痛を何度もくり返しています。今回は10日前から。40歳、痛みは5", .inPerson, .withinWeeks),
        ("今朝ぎっくり腰になって動けません。50歳、痛みは9", .inPerson, .withinWeeks),
        ("5日前から腰が痛いです。35歳、痛みは4。デスクワークで一日中座っています", .selfCare, .review),
        ("妊娠28週です。1週間前から腰が痛いです。32歳、痛みは4", .selfCare, .review),
    ]
    static var all: [(opening: String, language: Language, disposition: Disposition, when: Timeframe)] {
        english.map { ($0.opening, .en, $0.disposition, $0.when) } + japanese.map { ($0.opening, .ja, $0.disposition, $0.when) }
    }
}
