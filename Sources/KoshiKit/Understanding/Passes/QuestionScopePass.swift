/// A question states nothing: 「熱はありますか？」 neither says there is a fever nor that there is
/// none. It asks only its last clause, and of that only what follows the clause's last comma: "I
/// have chest pain, should I call an ambulance?" says the chest pain, unless the clause opens as a
/// question does ("do I have…", "could it be…"), when the whole clause is asked.
struct QuestionScopePass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for c in reading.sentence.indices where reading.sentence[c].endsInQuestion {
            let clause = reading.sentence[c]
            let comma = clause.tokens.last { line.role(of: $0) == .coordinator && line.tokens[$0].language == nil }
            // "both legs at the same time, or just one?": a choice put after the comma asks the whole.
            let offersAChoice = comma.map { $0 + 1 < clause.tokens.upperBound && line.role(of: $0 + 1) == .coordinator
                && line.tokens[$0 + 1].language != nil } ?? false
            let askedFrom = opensAsQuestion(clause, line) || offersAChoice ? nil : comma
            for k in clause.mentions.indices where askedFrom.map({ clause.mentions[k].token > $0 }) ?? true {
                if reading.sentence[c].mentions[k].mode == .stated { reading.sentence[c].mentions[k].mode = .asked }
            }
        }
    }

    /// Whether the clause's first word is one that opens an English question.
    private func opensAsQuestion(_ clause: Clause, _ line: ScannedLine) -> Bool {
        let reader = line.cursor
        var position = clause.start
        while position < line.scalars.count, !line.scalars[position].isWordCharacter, !line.scalars[position].isWide { position += 1 }
        guard let (word, end) = reader.englishWord(at: position) else { return false }
        return line.lexicon.cueWords[.questionOpening].longest(in: line.scalars, at: position)?.end == end && !word.isEmpty
    }
}
