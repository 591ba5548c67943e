/// When a clause is about: an event said with a time that is past and over (「去年の冬に凍った
///道で転んだことはあるけど」, "I slipped on the ice last winter", "ぎっくり腰は3年前にやったことある")
/// is no event of the present pain. The clause's events (`marks-onset`) then state nothing, or
/// what their record says such a past one means (`when-past`: an earlier acute episode is a
/// recurrence); the complaints it combined into (that episode's back pain) state nothing either. Not when the pain has lasted since (3年前に転んでから, "ever since my accident"),
/// and never for histories that stay true once said (`lasting` concepts other than events).
struct ClauseTimePass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        guard !line.concepts.onsetMarkers.isEmpty else { return }
        for c in reading.sentence.indices {
            let clause = reading.sentence[c]
            let past = pastSegments(of: clause, line)
            guard !past.isEmpty else { continue }
            reading.pastClauses += past
            func isPast(_ position: Int) -> Bool { past.contains { $0.contains(position) } }
            var instead: [CombinedMention] = []
            // 「ぎっくり腰は3年前にやったことある」: the back pain of that episode is over too.
            for m in clause.combinations.indices where line.concepts.groups[clause.combinations[m].concept] == .complaint
                && clause.combinations[m].mode == .stated && isPast(clause.combinations[m].range.lowerBound)
                && !line.concepts.onsetMarkers.contains(clause.combinations[m].concept) {
                reading.sentence[c].combinations[m].mode = .past
            }
            for k in clause.mentions.indices where line.concepts.onsetMarkers.contains(clause.mentions[k].concept) {
                let mention = clause.mentions[k]
                guard mention.mode == .stated, !mention.assertion.negated, !mention.consumed,
                      isPast(line.tokens[mention.token].range.lowerBound) else { continue }
                reading.sentence[c].mentions[k].mode = .past
                if let concept = line.concepts.whenPast[mention.concept] {
                    instead.append(CombinedMention(concept: concept, assertion: Assertion(), absentWord: false,
                                                   range: line.tokens[mention.token].range, mode: .stated))
                }
            }
            for m in clause.combinations.indices where line.concepts.onsetMarkers.contains(clause.combinations[m].concept) {
                let combination = clause.combinations[m]
                guard combination.mode == .stated, !combination.assertion.negated, isPast(combination.range.lowerBound) else { continue }
                reading.sentence[c].combinations[m].mode = .past
                if let concept = line.concepts.whenPast[combination.concept] {
                    instead.append(CombinedMention(concept: concept, assertion: Assertion(), absentWord: false, range: combination.range, mode: .stated))
                }
            }
            reading.sentence[c].combinations += instead
        }
    }

    /// The parts of a clause, between its commas and conjunctions ("and"), that name a time past and over with no "since"
    /// that carries it to now: in 「ぎっくり腰は3年前にやった、今回は昨日から」 only the first.
    private func pastSegments(of clause: Clause, _ line: ScannedLine) -> [Range<Int>] {
        var bounds = [clause.start]
        for i in clause.tokens where (line.role(of: i) == .coordinator && line.tokens[i].language == nil) || line.role(of: i) == .conjunction {
            bounds.append(line.tokens[i].range.lowerBound)
        }
        bounds.append(clause.end)
        var segments: [Range<Int>] = []
        for n in 0..<(bounds.count - 1) where bounds[n] < bounds[n + 1] {
            let segment = bounds[n]..<bounds[n + 1]
            if saysPastAndOver(segment, line) { segments.append(segment) }
        }
        return segments
    }

    /// Whether the text names a time past and over, with no "since" that carries it to now.
    private func saysPastAndOver(_ segment: Range<Int>, _ line: ScannedLine) -> Bool {
        let words = line.lexicon.cueWords
        var past = false
        var i = segment.lowerBound
        while i < segment.upperBound {
            if let (_, end) = words[.sinceThen].longest(in: line.scalars, at: i), end <= segment.upperBound,
               !line.scalars[i].isLatinLetter || line.cursor.isWordStart(i) { return false }
            if let (_, end) = words[.pastTime].longest(in: line.scalars, at: i), end <= segment.upperBound,
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
