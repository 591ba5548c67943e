/// Cuts a line's tokens into sentences of clauses. A clause ends at a clause break (けど, but,
/// a reason), a sentence at a sentence end or a question; a sentence of more clauses than any
/// person writes is cut into windows, so that a huge line costs memory for one window at a time.
struct ClauseSplitter: Sequence, IteratorProtocol {
    /// No sentence people write has this many clauses; a line of them is read in windows.
    static let window = 64

    private let line: ScannedLine
    private var nextToken = 0
    private var clauseStart = 0
    private var clauseStartPosition = 0
    private var reachedEnd = false

    init(_ line: ScannedLine) {
        self.line = line
    }

    /// Whether the English break word at `index` stands between a body part and what it feels,
    /// as an adverb: "both leg also numb", "my back also hurts" (never across a comma).
    private func isAdverb(_ index: Int) -> Bool {
        let tokens = line.tokens
        guard tokens[index].language == .en, index > 0, index + 1 < tokens.count,
              let part = tokens[index - 1].concept(in: line.lexicon), line.concepts.isPart(part),
              let felt = tokens[index + 1].concept(in: line.lexicon), !line.concepts.isPart(felt) else { return false }
        let cursor = line.cursor
        return !cursor.hasText(tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound)
            && !cursor.hasText(tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound)
    }

    /// The clauses of the next sentence (or window), nil after the last.
    mutating func next() -> [Clause]? {
        guard !reachedEnd else { return nil }
        var sentence: [Clause] = []
        let tokens = line.tokens
        while nextToken < tokens.count {
            let i = nextToken
            nextToken += 1
            switch tokens[i].role {
            case .clauseBreak where !isAdverb(i):
                close(&sentence, tokens: clauseStart..<i, end: tokens[i].range.lowerBound, question: false)
            case .sentenceEnd, .question:
                // A question asks only its last clause: 「胸が痛いんですが、救急車を呼ぶべきですか？」
                // states the chest pain.
                close(&sentence, tokens: clauseStart..<i, end: tokens[i].range.lowerBound, question: tokens[i].role == .question)
                return sentence
            default:
                // 「痛くて」「重くて」: a word that took the first letters of a clause break still
                // ends its clause where the break does.
                if tokens[i].role == nil, line.straddlesClauseBreak(i) {
                    close(&sentence, tokens: clauseStart..<(i + 1), end: tokens[i].range.upperBound, question: false)
                }
            }
            if sentence.count >= Self.window { return sentence }
        }
        close(&sentence, tokens: clauseStart..<tokens.count, end: line.text.count, question: false)
        reachedEnd = true
        return sentence
    }

    /// Ends a clause of `tokens` at the folded position `end`; the next begins after its last token.
    private mutating func close(_ sentence: inout [Clause], tokens: Range<Int>, end: Int, question: Bool) {
        var clause = Clause(tokens: tokens, start: clauseStartPosition, end: end, endsInQuestion: question)
        for i in tokens {
            guard let concept = line.concept(of: i) else { continue }
            clause.mentions.append(Mention(token: i, concept: concept, isSense: line.concepts.isSense(concept)))
        }
        sentence.append(clause)
        clauseStart = nextToken
        clauseStartPosition = end
    }
}
