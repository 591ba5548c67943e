/// The short answer a line gives, if any: yes, no or "I don't know". An answer word counts where
/// it opens the line and stands alone (うん, not うんざり), or where the whole line is a bare
/// answer: answer words, negation and fillers only. A negation is a "no" only in a bare answer,
/// so that "I don't understand the question" is not taken for one.
struct AnswerWords {
    let line: ScannedLine

    static let answerRoles: Set<CueRole> = [.yes, .no, .unknown]
    static let bareRoles: Set<CueRole> = [.yes, .no, .unknown, .negation, .without, .filler, .coordinator, .conjunction,
                                          .sentenceEnd, .clauseBreak, .assertion, .uncertain, .opinion, .doubt, .speaker, .allItems, .otherItems,
                                          // A carer's reply: 「母はないと言っています」.
                                          .someoneElse]

    func answer(hasFindings: Bool, singleItem: Bool = false) -> Answer? {
        let tokens = line.tokens
        var roles: [CueRole] = []
        var allCues = true
        for token in tokens where !isHesitation(token) {
            if let role = token.role, Self.bareRoles.contains(role) { roles.append(role) } else { allCues = false }
        }
        let isBare = !hasFindings && !tokens.isEmpty && allCues && !Gap.hasUncoveredText(line.cursor, tokens: tokens.map(\.range))
        var opening: CueRole?
        // 「うーん、特にないかな」: the answer opens after a "hmm" and its comma; 「それはないわ」
        // after a Japanese word that carries nothing ("it isn't great" is no answer).
        let first = tokens.firstIndex { token in
            !isHesitation(token) && !isPause(token) && !(token.language == .ja && (token.role == .filler || token.role == .clauseBreak))
        } ?? tokens.endIndex
        let before = tokens[..<first].map(\.range)
        if first < tokens.endIndex, let role = tokens[first].role, Self.answerRoles.contains(role) || role == .negation,
           !(0..<tokens[first].range.lowerBound).contains(where: { i in !line.scalars[i].isSpace && !before.contains { $0.contains(i) } }),
           standsAlone(tokens[first]) {
            opening = role
        }
        if !isBare {
            // 「そこまではわからないです」: a reply with no finding that says it does not know.
            if opening == nil, !hasFindings, tokens.contains(where: { $0.role == .unknown }),
               !tokens.contains(where: { $0.role == .askingBack || $0.role == .question }) { return .unknown }
            guard let opening else { return nil }
            // "yes to the numbness but no to the rest": a yes that a no follows answers no item
            // as a whole; the items are then asked one at a time. Asked of one item, a negative
            // that describes it stands with the yes (「はい、あります。拭いても紙の感じがしない」).
            let cancelling: Set<CueRole> = singleItem ? [.no] : [.no, .negation]
            if opening == .yes, tokens.dropFirst().contains(where: { $0.role.map(cancelling.contains) ?? false }) { return nil }
            // "no... wait, yes": a no taken back answers nothing.
            if opening != .yes, tokens.dropFirst().contains(where: { $0.role == .yes }) { return nil }
            // "no fever", "no chest pain": the no belongs to the finding it runs into, not to
            // the question (which may be about a fall). "No, no fever" still answers. A Japanese
            // いいえ never runs into a word (「いいえ　だいどころで　すべって」).
            if opening != .yes, tokens.count > 1, tokens[1].role == nil, tokens[first].language == .en,
               !line.cursor.hasPause(tokens[0].range.upperBound..<tokens[1].range.lowerBound) { return nil }
            roles = [opening]
        }
        // 「たぶんない」, "probably not": a strong hedge leaves a bare answer open.
        if roles.contains(.unknown) || (isBare && roles.contains(.uncertain)) { return .unknown }
        if roles.contains(.no) || opening == .negation { return .no }
        if isBare, roles.filter({ $0 == .negation || $0 == .without }).count % 2 == 1 { return .no }
        if roles.contains(.yes) { return .yes }
        return nil
    }

    /// 「うーん」 folds to うん, but drawn out it is a "hmm", not a yes.
    func isHesitation(_ token: Token) -> Bool {
        guard token.role == .yes, line.lexicon.cueWords[.hesitation].contains(Array(line.scalars[token.range])) else { return false }
        return line.original(token.range).unicodeScalars.contains { $0.value.isLengthMark }
    }

    /// A token of punctuation only: the comma after a "hmm".
    private func isPause(_ token: Token) -> Bool {
        line.scalars[token.range].allSatisfy { !$0.isWordCharacter && (!$0.isWide || $0.isJapanesePunctuation) }
    }

    /// A Japanese answer word must not run on into more kana or kanji: うん is not うんざり.
    private func standsAlone(_ token: Token) -> Bool {
        let end = token.range.upperBound
        guard end < line.scalars.count, !line.text.isFollowedBySpaceInOriginal(end - 1) else { return true }
        let next = line.scalars[end]
        if let nextToken = line.tokens.first(where: { $0.range.lowerBound == end }), nextToken.role != nil { return true }
        return !next.isWide || next.isJapanesePunctuation
    }
}
