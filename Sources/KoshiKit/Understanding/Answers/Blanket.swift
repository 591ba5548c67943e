/// A blanket reply: 「どれもない」「いずれもありません」「全部ない」, "none of that", "no to all of
/// those" close every item; 「ほかはない」「それ以外はないです」, "the rest no", "nothing else" close
/// the items not named. Also when more text follows them ("none of those, but my back is killing me").
struct Blanket {
    let line: ScannedLine

    /// The status the reply gives the items it does not name, or nil when it says nothing of them.
    func status() -> FindingStatus? {
        for (i, token) in line.tokens.enumerated() where token.role == .allItems || token.role == .otherItems {
            // The answer word nearest the blanket word, in its clause: 「どれもない」, "no to all of
            // those", 「いずれもありません」, "all no".
            if let polarity = polarity(near: i) { return polarity }
        }
        return nil
    }

    private func polarity(near index: Int) -> FindingStatus? {
        let tokens = line.tokens
        func status(_ role: CueRole?) -> FindingStatus? {
            switch role {
            case .negation, .no, .without: .absent
            case .unknown, .uncertain: .unknown
            case .yes: .present
            default: nil
            }
        }
        var j = index + 1
        while j < tokens.count, tokens[j].role != .sentenceEnd, tokens[j].role != .clauseBreak, tokens[j].role != nil {
            if let s = status(tokens[j].role) { return s == .absent && hedged ? .unknown : s }
            j += 1
        }
        j = index - 1
        while j >= 0, tokens[j].role != .sentenceEnd, tokens[j].role != .clauseBreak, tokens[j].role != nil {
            if let s = status(tokens[j].role) { return s }
            j -= 1
        }
        return nil
    }

    /// 「たぶんどれもない」, "probably none": a strong hedge leaves it open.
    private var hedged: Bool {
        line.tokens.contains { $0.role == .uncertain }
    }
}
