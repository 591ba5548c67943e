/// What each clause states of the person: its combinations, then the reported concepts its
/// mentions name on their own. Mentions that are asked, supposed or someone else's state nothing.
struct FindingsPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for c in reading.sentence.indices {
            if !reading.sentence[c].mentions.isEmpty { reading.statingClauses += 1 }
            reading.sentence[c].number = reading.statingClauses
            let clause = reading.sentence[c]
            for combination in clause.combinations where combination.mode == .asked
            && combination.assertion.status(absentWord: combination.absentWord) == .present {
                reading.askedMentions.append(LineFinding(concept: combination.concept, status: .present, evidence: line.original(combination.range)))
            }
            for mention in clause.mentions where mention.mode == .asked && !mention.consumed && line.concepts.isRecorded(mention.concept) {
                reading.askedMentions.append(LineFinding(concept: mention.concept, status: .present,
                                                         evidence: line.original(line.tokens[mention.token].range)))
            }
            for combination in clause.combinations where combination.mode == .stated {
                let strict = line.concepts.groups[combination.concept] == .redFlag
                var finding = LineFinding(concept: combination.concept,
                                          status: combination.assertion.status(absentWord: combination.absentWord, strict: strict),
                                          evidence: line.original(combination.range))
                finding.span = QuoteSpan(clause: ClauseBounds(clause), evidence: combination.range)
                finding.hedged = finding.status == .unknown && combination.assertion.isHedgedStatement(absentWord: combination.absentWord)
                reading.findings.add(finding, at: combination.range.lowerBound, clause: clause.number)
            }
            for mention in clause.mentions where mention.mode == .stated && !mention.consumed && line.concepts.isRecorded(mention.concept) {
                let token = line.tokens[mention.token]
                let strict = line.concepts.groups[mention.concept] == .redFlag
                var finding = LineFinding(concept: mention.concept, status: mention.assertion.status(absentWord: token.saysAbsent, strict: strict),
                                          evidence: line.original(token.range))
                finding.span = QuoteSpan(clause: ClauseBounds(clause), evidence: token.range)
                finding.hedged = finding.status == .unknown && mention.assertion.isHedgedStatement(absentWord: token.saysAbsent)
                reading.findings.add(finding, at: token.range.lowerBound, clause: clause.number)
            }
        }
    }
}
