/// Whether a span of time is how long the pain has lasted, from the words around it.
struct DurationContext {
    let line: ScannedLine

    /// 「二、三日で元通り」, 「1週間ほどで治った」, 「二日もすると元通り」: a span followed by で or
    /// すると is how soon something happened, never how long the pain has lasted (that is 前から,
    /// 続いて, 目). 「3日です」 is still an answer.
    func saysHowSoon(_ range: Range<Int>) -> Bool {
        let words = line.lexicon.cueWords
        var reader = ScalarReader(line.scalars, at: line.cursor.afterSpaces(range.upperBound))
        _ = reader.read(words[.approximately])
        if words[.notHowSoon].longest(in: line.scalars, at: reader.position) != nil { return false }
        return words[.howSoon].longest(in: line.scalars, at: reader.position) != nil
    }

    /// "lower back ache, I had prostate cancer 5 yrs ago", 「ステロイドを3年飲んでいます」: a duration
    /// whose nearest mention is a red flag or a context finding is about that, not about the pain.
    func nearestIsAnotherFinding(_ range: Range<Int>) -> Bool {
        let tokens = line.tokens
        // The tokens are in order: look at the few on either side of the duration.
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        // The nearest mention of another finding, and of the pain itself (a body part, a sensation,
        // the complaint, or what starts it); a tie goes to the pain. Only within the duration's
        // own clause and conjunct: 「デスクワークで、1週間前から腰が重い」, "massage helps for a day
        // and then it's back".
        var other = Int.max, pain = Int.max
        func look(at index: Int) -> Bool {
            let role = tokens[index].role
            if role == .clauseBreak || role == .sentenceEnd || role == .question || role == .conjunction { return false }
            guard let concept = tokens[index].concept(in: line.lexicon) else { return true }
            let token = tokens[index].range
            let distance = token.upperBound <= range.lowerBound ? range.lowerBound - token.upperBound
                : token.lowerBound >= range.upperBound ? token.lowerBound - range.upperBound : 0
            // A span of a massage's relief follows the massage ("massage helps for a day"); one
            // before it is the pain's ("hurt for 3 weeks, massage helps"). A lasting history's span
            // is its own on either side: 「5年前から糖尿病」, "on warfarin for years".
            let group = line.concepts.groups[concept]
            let lastingHistory = group == .history && line.concepts.lasting.contains(concept)
            let owned = line.concepts.durationOwners.contains(concept) && (token.upperBound <= range.lowerBound || lastingHistory)
            let isOther = (group == .redFlag || group == .context || owned) && !line.concepts.onsetMarkers.contains(concept)
            if isOther { other = min(other, distance) } else { pain = min(pain, distance) }
            return true
        }
        var index = low - 1
        while index >= max(0, low - 6), look(at: index) { index -= 1 }
        index = low
        while index < min(tokens.count, low + 6), look(at: index) { index += 1 }
        return other < pain
    }
}
