/// A complaint denied with "never before" says it is the first time, not that there is none:
/// 「今まで腰痛なんて一度もなったことないのに」, "She's never had back problems in her life". The
/// denial of the complaint is dropped, and the concept whose record says `denied-by-never`
/// (recurrent) is denied instead. Histories denied so stay denied ("never had cancer").
struct FirstEpisodePass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        guard let firstTime = line.concepts.deniedByNever else { return }
        for c in reading.sentence.indices {
            let clause = reading.sentence[c]
            guard let cue = clause.tokens.first(where: { line.role(of: $0) == .neverBefore }) else { continue }
            var denied = false
            for k in clause.mentions.indices where isDeniedComplaint(clause.mentions[k], line) && !clause.mentions[k].consumed {
                reading.sentence[c].mentions[k].consumed = true
                denied = true
            }
            let kept = reading.sentence[c].combinations.filter { !(isComplaint($0.concept, line) && $0.assertion.negated && $0.mode == .stated) }
            denied = denied || kept.count < reading.sentence[c].combinations.count
            reading.sentence[c].combinations = kept
            guard denied else { continue }
            reading.sentence[c].combinations.append(CombinedMention(concept: firstTime, assertion: Assertion(negated: true), absentWord: false,
                                                                    range: line.tokens[cue].range, mode: .stated))
        }
    }

    private func isComplaint(_ concept: ConceptID, _ line: ScannedLine) -> Bool {
        line.concepts.groups[concept] == .complaint
    }

    private func isDeniedComplaint(_ mention: Mention, _ line: ScannedLine) -> Bool {
        mention.mode == .stated && mention.assertion.negated && isComplaint(mention.concept, line)
    }
}
