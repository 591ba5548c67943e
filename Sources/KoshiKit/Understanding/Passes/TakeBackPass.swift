/// 「しびれはあったけど、今はないです」, "my leg was numb but that's gone now": a clause that only
/// says something is gone takes back what the clause before it stated; but not a history that
/// stays true once said (`lasting`: a cancer that is cured, a fall that has healed still count).
struct TakeBackPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for clause in reading.sentence where clause.mentions.isEmpty {
            guard let takeBack = clause.tokens.first(where: { line.role(of: $0) == .takeBack }) else { continue }
            let range = line.tokens[takeBack].range
            for finding in reading.findings.stated(inClause: clause.number)
            where finding.status != .absent && !line.concepts.lasting.contains(finding.concept) {
                reading.findings.add(LineFinding(concept: finding.concept, status: .absent, evidence: line.original(range)),
                                     at: range.lowerBound, clause: clause.number)
            }
        }
    }
}
