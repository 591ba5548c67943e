/// A supposition states nothing: 「もし熱が出たら病院に行きます」, "what if it's cancer". A clause
/// that opens with a supposition (もし, counted only where a clause begins) is supposed whole;
/// after a supposition word inside a clause (仮に, what if), the rest of it is.
struct SuppositionPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for c in reading.sentence.indices {
            let clause = reading.sentence[c]
            if opensWithSupposition(clause, line) {
                for k in clause.mentions.indices { reading.sentence[c].mentions[k].mode = .supposed }
                continue
            }
            guard let supposition = clause.tokens.first(where: { line.role(of: $0) == .hypothetical }) else { continue }
            for k in clause.mentions.indices where clause.mentions[k].token > supposition {
                reading.sentence[c].mentions[k].mode = .supposed
            }
        }
    }

    /// Whether the clause begins with a supposition word, and not with a longer word the lexicon
    /// knows there (もしかして, a blocker: a guess, not a supposition).
    private func opensWithSupposition(_ clause: Clause, _ line: ScannedLine) -> Bool {
        let openings = line.lexicon.cueWords[.hypotheticalOpening]
        guard !openings.isEmpty else { return false }
        let start = ClauseOpening.firstWordPosition(of: clause, line)
        guard let (opening, _) = openings.longest(in: line.scalars, at: start) else { return false }
        // Only this clause's own tokens are looked at: a huge line of clauses stays linear.
        var first = clause.tokens.lowerBound
        while first > 0, line.tokens[first - 1].range.lowerBound >= clause.start { first -= 1 }
        return !line.tokens[first..<clause.tokens.upperBound].contains {
            $0.range.lowerBound == start && $0.range.count > opening.key.count
        }
    }
}

/// Where the words of a clause begin: past spaces and punctuation (、。「) and the word that ended
/// the clause before (けど, but), which lies between the two.
enum ClauseOpening {
    static func firstWordPosition(of clause: Clause, _ line: ScannedLine) -> Int {
        let scalars = line.scalars
        var start = clause.start
        var first = clause.tokens.lowerBound
        while first > 0, line.tokens[first - 1].range.lowerBound >= clause.start { first -= 1 }
        var breaks = (first..<clause.tokens.upperBound).makeIterator()
        var nextBreak = breaks.next()
        while true {
            while start < scalars.count, scalars[start].isPunctuation || scalars[start].isSpace { start += 1 }
            guard let index = nextBreak, line.tokens[index].range.lowerBound == start,
                  [.clauseBreak, .conjunction, .sentenceEnd].contains(line.tokens[index].role)
                    || (line.tokens[index].role == .coordinator && line.tokens[index].language == nil) else { break }
            start = line.tokens[index].range.upperBound
            nextBreak = breaks.next()
        }
        return start
    }
}
