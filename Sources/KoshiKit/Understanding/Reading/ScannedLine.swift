/// A line folded and matched: its text, the words found in it, and what the passes look up about
/// them. Passes read it; none changes it.
struct ScannedLine {
    let text: NormalizedText
    let tokens: [Token]
    let lexicon: Lexicon
    let concepts: ConceptTable
    /// The clause breaks of two or more letters (see `straddlesClauseBreak`).
    let straddlingBreaks: [[UInt32]]

    var scalars: [UInt32] { text.scalars }
    var cursor: ScalarReader { ScalarReader(text.scalars) }

    func concept(of token: Int) -> ConceptID? { tokens[token].concept(in: lexicon) }

    /// The folded positions covered by sentence ends and question marks.
    var sentenceEndPositions: Set<Int> {
        var positions: Set<Int> = []
        for token in tokens where token.role == .sentenceEnd || token.role == .question { positions.formUnion(token.range) }
        return positions
    }

    func role(of token: Int) -> CueRole? { tokens[token].role }

    /// The words of the original line behind a folded range.
    func original(_ range: Range<Int>) -> String { text.originalText(range) }

    /// Whether a concept's word ends inside a clause break that the text completes, the rest of
    /// the break not taken by another word: 痛く + て is 痛くて, which ends its clause.
    func straddlesClauseBreak(_ token: Int) -> Bool {
        let end = tokens[token].range.upperBound
        let nextStart = token + 1 < tokens.count ? tokens[token + 1].range.lowerBound : Int.max
        let reader = cursor
        for key in straddlingBreaks {
            for taken in 1..<key.count where end - taken >= tokens[token].range.lowerBound {
                let start = end - taken
                if start + key.count <= nextStart, reader.matches(key, at: start) { return true }
            }
        }
        return false
    }
}
