import KoshiKit

/// A long, realistic session: many conversations, alternately in Japanese and English, each
/// opened with a complaint from the knowledge base's own example sentences, answered question by
/// question by a simple simulated patient, closed with `/why` (and now and then `/summary` or
/// `/help`), then `/reset`. The patient reads koshi's questions, so the script is recorded by
/// holding the conversations once; replaying it gives the same conversations again.
struct PatientScript {
    let lines: [String]

    /// `examples` come from knowledge compiled from the files (the shipped one keeps none).
    init(knowledge: Knowledge, examples: Examples, conversations: Int) {
        var session = Session(knowledge: knowledge, language: .ja)
        var lines: [String] = []
        for number in 0..<conversations {
            var patient = Patient(number: number, examples: examples)
            for line in patient.conversation(with: &session) { lines.append(line) }
        }
        self.lines = lines
    }
}

/// The knowledge base's example sentences that state a concept, by language and concept group.
struct Examples {
    struct Example {
        var concept: String
        var sentence: String
    }

    private var byGroup: [String: [Example]] = [:]

    init(knowledge: Knowledge) {
        for concept in knowledge.concepts {
            for example in concept.examples where example.expectation == .present {
                byGroup["\(example.language.rawValue)/\(concept.group.rawValue)", default: []]
                    .append(Example(concept: concept.id.rawValue, sentence: example.sentence))
            }
        }
    }

    func examples(_ language: Language, _ group: ConceptGroup) -> [Example] {
        byGroup["\(language.rawValue)/\(group.rawValue)"] ?? []
    }

    /// Every example sentence in both languages (for corpora).
    var all: [String] {
        Language.allCases.flatMap { language in ConceptGroup.allCases.flatMap { examples(language, $0).map(\.sentence) } }
    }
}

/// One simulated person: a language, a complaint, values, and perhaps one red flag to admit.
private struct Patient {
    let language: Language
    let complaint: String
    let context: String?
    let redFlag: Examples.Example?
    let age: Int
    let durationDays: Int
    let pain: Int
    let number: Int

    static let maximumTurns = 14

    init(number: Int, examples: Examples) {
        self.number = number
        language = number % 2 == 0 ? .ja : .en
        let complaints = examples.examples(language, .complaint)
        complaint = complaints[(number / 2) % complaints.count].sentence
        let contexts = examples.examples(language, .context)
        context = number % 3 == 0 ? contexts[(number * 7) % contexts.count].sentence : nil
        let redFlags = examples.examples(language, .redFlag)
        redFlag = number % 4 == 1 ? redFlags[(number * 5) % redFlags.count] : nil
        age = 18 + (number * 13) % 70
        durationDays = [2, 5, 10, 21, 60, 120][number % 6]
        pain = 2 + number % 8
    }

    /// The lines of one conversation, typed into `session` one by one.
    mutating func conversation(with session: inout Session) -> [String] {
        var lines = ["/lang \(language.rawValue)", complaint]
        if let context { lines.append(context) }
        var lastTurn = Turn()
        for line in lines { lastTurn = session.respond(to: line) }
        for _ in 0..<Self.maximumTurns {
            guard case .question(_, let concepts, _)? = lastTurn.events.last(where: Self.isQuestion) else { break }
            let answer = answer(concepts.map(\.description))
            lines.append(answer)
            lastTurn = session.respond(to: answer)
            if lastTurn.events.contains(where: Self.isRecommendation) { break }
        }
        var closing = ["/why"]
        if number % 3 == 0 { closing.append("/summary") }
        if number % 5 == 0 { closing.append("/help") }
        closing.append("/reset")
        for line in closing { _ = session.respond(to: line) }
        return lines + closing
    }

    private func answer(_ concepts: [String]) -> String {
        let slots = concepts.filter { ["age", "duration", "pain_intensity"].contains($0) }
        if !slots.isEmpty { return slots.map(value).joined(separator: language == .ja ? "、" : ", ") }
        if let redFlag, concepts.contains(redFlag.concept) { return redFlag.sentence }
        return language == .ja ? ["いいえ、ありません", "ないです", "特にないです"][number % 3] : ["no", "none of those", "no, nothing like that"][number % 3]
    }

    private func value(_ slot: String) -> String {
        switch (slot, language) {
        case ("age", .ja): "\(age)歳です"
        case ("age", .en): "I'm \(age)"
        case ("duration", .ja): "\(durationDays)日前から"
        case ("duration", .en): "for \(durationDays) days"
        case (_, .ja): "痛みは\(pain)くらい"
        default: "the pain is \(pain) out of 10"
        }
    }

    private static func isQuestion(_ event: AdvisorEvent) -> Bool {
        if case .question = event { return true }
        return false
    }

    private static func isRecommendation(_ event: AdvisorEvent) -> Bool {
        if case .recommendation = event { return true }
        return false
    }
}
