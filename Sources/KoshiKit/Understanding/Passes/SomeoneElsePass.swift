/// Whose a mention is: 「父が肺がんでした」, "my mum died of cancer" are someone else's history,
/// not the speaker's. In its clause, what follows a person other than the speaker is theirs,
/// until the speaker comes back (「父ががんで、私も腰が痛い」, "my wife says I have a fever").
struct SomeoneElsePass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for c in reading.sentence.indices {
            let clause = reading.sentence[c]
            guard clause.tokens.contains(where: { line.role(of: $0) == .someoneElse }) else { continue }
            for k in clause.mentions.indices where isSomeoneElses(clause.mentions[k].token, clauseStart: clause.tokens.lowerBound, line) {
                reading.sentence[c].mentions[k].mode = .someoneElse
            }
        }
    }

    /// Whether the nearest person named before a token in its clause is someone other than the speaker.
    private func isSomeoneElses(_ token: Int, clauseStart: Int, _ line: ScannedLine) -> Bool {
        for i in stride(from: token - 1, through: clauseStart, by: -1) {
            if line.role(of: i) == .someoneElse { return opensItsPart(i, clauseStart: clauseStart, line) }
            if line.role(of: i) == .speaker { return false }
        }
        return false
    }

    /// Whether the person named at `i` is the subject: nothing of substance before it since the
    /// clause began or since a comma or conjunction ("my dad had a fall", "…and my dad had a fall"),
    /// unlike "lifting my mum in and out of bed wrecks my back".
    private func opensItsPart(_ i: Int, clauseStart: Int, _ line: ScannedLine) -> Bool {
        for j in stride(from: i - 1, through: clauseStart, by: -1) {
            switch line.role(of: j) {
            case .conjunction, .clauseBreak, .sentenceEnd: return true
            case .coordinator where line.tokens[j].language == nil: return true
            case nil: return false
            default: continue
            }
        }
        return true
    }
}
