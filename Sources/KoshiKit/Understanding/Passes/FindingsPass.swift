/// What each clause states of the person: its combinations, then the reported concepts its
/// mentions name on their own. Mentions that are asked, supposed or someone else's state nothing.
struct FindingsPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for c in reading.sentence.indices {
            if !reading.sentence[c].mentions.isEmpty { reading.statingClauses += 1 }
            reading.sentence[c].number = reading.statingClauses
            let clause = reading.sentence[c]
            for combination in clause.combinations where combination.mode == .stated {
                let finding = LineFinding(concept: combination.concept, status: combination.assertion.status(absentWord: combination.absentWord),
                                          evidence: line.original(combination.range))
                reading.findings.add(finding, at: combination.range.lowerBound, clause: clause.number)
            }
            for mention in clause.mentions where mention.mode == .stated && !mention.consumed && line.concepts.isReported(mention.concept) {
                let token = line.tokens[mention.token]
                let finding = LineFinding(concept: mention.concept, status: mention.assertion.status(absentWord: token.saysAbsent),
                                          evidence: line.original(token.range))
                reading.findings.add(finding, at: token.range.lowerBound, clause: clause.number)
            }
        }
    }
}
