/// When a clause is about: an event said with a time that is past and over (「去年の冬に凍った
///道で転んだことはあるけど」, "I slipped on the ice last winter", "ぎっくり腰は3年前にやったことある")
/// is no event of the present pain. The clause's events (`marks-onset`) then state nothing, or
/// what their record says such a past one means (`when-past`: an earlier acute episode is a
/// recurrence). Not when the pain has lasted since (3年前に転んでから, "ever since my accident"),
/// and never for histories that stay true once said (`lasting` concepts other than events).
struct ClauseTimePass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        guard !line.concepts.onsetMarkers.isEmpty else { return }
        for c in reading.sentence.indices {
            let clause = reading.sentence[c]
            guard saysPastAndOver(clause, line) else { continue }
            var instead: [CombinedMention] = []
            for k in clause.mentions.indices where line.concepts.onsetMarkers.contains(clause.mentions[k].concept) {
                let mention = clause.mentions[k]
                guard mention.mode == .stated, !mention.assertion.negated, !mention.consumed else { continue }
                reading.sentence[c].mentions[k].mode = .past
                if let concept = line.concepts.whenPast[mention.concept] {
                    instead.append(CombinedMention(concept: concept, assertion: Assertion(), absentWord: false,
                                                   range: line.tokens[mention.token].range, mode: .stated))
                }
            }
            for m in clause.combinations.indices where line.concepts.onsetMarkers.contains(clause.combinations[m].concept) {
                let combination = clause.combinations[m]
                guard combination.mode == .stated, !combination.assertion.negated else { continue }
                reading.sentence[c].combinations[m].mode = .past
                if let concept = line.concepts.whenPast[combination.concept] {
                    instead.append(CombinedMention(concept: concept, assertion: Assertion(), absentWord: false, range: combination.range, mode: .stated))
                }
            }
            reading.sentence[c].combinations += instead
        }
    }

    /// Whether the clause names a time past and over, with no "since" that carries it to now.
    private func saysPastAndOver(_ clause: Clause, _ line: ScannedLine) -> Bool {
        let words = line.lexicon.cueWords
        var past = false
        var i = clause.start
        while i < clause.end {
            if let (_, end) = words[.sinceThen].longest(in: line.scalars, at: i), end <= clause.end,
               !line.scalars[i].isLatinLetter || line.cursor.isWordStart(i) { return false }
            if let (_, end) = words[.pastTime].longest(in: line.scalars, at: i), end <= clause.end,
               !line.scalars[i].isLatinLetter || line.cursor.isWordStart(i) {
                past = true
                i = end
                continue
            }
            i += 1
        }
        return past
    }
}
