/// 「熱っぽい気はするけど、わからない」, "I thought I had a temperature but I'm not sure": a clause
/// made only of "I don't know" (with a but, the speaker, fillers) leaves open what the clause
/// before it said, stated or denied (CONTRACT.md: a hedge makes a finding unknown, never present).
/// A clause that says what is not known ("not sure why", 「原因はわからない」) has other words,
/// and leaves the clause before as it was; so does the complaint ("my back hurts but I don't know").
struct TrailingDoubtPass: ReadingPass {
    static let bareRoles: Set<CueRole> = [.unknown, .doubt, .uncertain, .filler, .speaker, .conjunction, .coordinator,
                                          .sentenceEnd, .clauseBreak, .assertion, .negation]

    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for clause in reading.sentence where clause.mentions.isEmpty && clause.number > 0 {
            let roles = clause.tokens.map { line.role(of: $0) }
            guard let doubt = clause.tokens.first(where: { [.unknown, .doubt].contains(line.role(of: $0)) }),
                  roles.allSatisfy({ $0.map(Self.bareRoles.contains) ?? false }),
                  !hasOtherWords(clause, line)
            else { continue }
            let range = line.tokens[doubt].range
            // The complaint itself stays: "my back hurts but I don't know" is not in doubt of the pain.
            for finding in reading.findings.stated(inClause: clause.number)
            where finding.status != .unknown && line.concepts.groups[finding.concept] != .complaint {
                reading.findings.add(LineFinding(concept: finding.concept, status: .unknown, evidence: line.original(range)),
                                     at: range.lowerBound, clause: clause.number)
            }
        }
    }

    /// Whether the clause has text that none of its tokens covers, from the end of the break
    /// before it (but, けど).
    private func hasOtherWords(_ clause: Clause, _ line: ScannedLine) -> Bool {
        let start = clause.tokens.lowerBound > 0 ? max(clause.start, line.tokens[clause.tokens.lowerBound - 1].range.upperBound) : clause.start
        return Gap.hasUncoveredText(line.cursor, tokens: clause.tokens.map { line.tokens[$0].range }, in: start..<max(start, clause.end))
    }
}
