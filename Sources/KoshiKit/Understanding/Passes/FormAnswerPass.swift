/// Answers written as a form: 「熱：なし」, "fever: no", "numbness - none", 「しびれ：無」. A mention
/// followed by a colon or a dash and then a denial (なし, 無, no, none, nil) is denied, though the
/// colon ends its clause and English denies only what follows.
struct FormAnswerPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for c in reading.sentence.indices {
            guard let k = reading.sentence[c].mentions.indices.last else { continue }
            let mention = reading.sentence[c].mentions[k]
            guard mention.mode == .stated, !mention.assertion.negated, denialAfter(mention.token, line) != nil else { continue }
            reading.sentence[c].mentions[k].assertion = Assertion(negated: true)
            let end = line.tokens[mention.token].range.upperBound
            for m in reading.sentence[c].combinations.indices where reading.sentence[c].combinations[m].range.upperBound == end {
                reading.sentence[c].combinations[m].assertion = Assertion(negated: true)
            }
        }
    }

    /// The denial token after a colon or a dash that follows `token`, with nothing else between.
    private func denialAfter(_ token: Int, _ line: ScannedLine) -> Int? {
        let next = token + 1
        var i = next
        // The colon itself is a clause break token; skip it.
        while i < line.tokens.count, line.role(of: i) == .clauseBreak, line.tokens[i].range.count == 1 { i += 1 }
        guard i < line.tokens.count, line.role(of: i) == .negation || line.role(of: i) == .no else { return nil }
        let gap = line.tokens[token].range.upperBound..<line.tokens[i].range.lowerBound
        let separators: Set<UInt32> = [.colon, .hyphen, .foldedSpace, .enDash, .emDash, .equalsSign]
        guard !gap.isEmpty, gap.allSatisfy({ separators.contains(line.scalars[$0]) }),
              gap.contains(where: { line.scalars[$0] != .foldedSpace }) else { return nil }
        // The denial ends its sentence or clause: "fever: no" but not "fever: no idea how".
        let after = line.tokens[i].range.upperBound
        let rest = line.cursor.afterSpaces(after)
        guard rest == line.scalars.count || line.scalars[rest].isPunctuation
                || (i + 1 < line.tokens.count && line.tokens[i + 1].range.lowerBound == rest
                    && [.sentenceEnd, .coordinator, .clauseBreak].contains(line.role(of: i + 1))) else { return nil }
        return i
    }
}
