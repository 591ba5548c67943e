/// The stretch of a clause between two mentions, and the cues in it.
struct Gap {
    var negations = 0
    /// Negations after the last stopper: an English denial reaches the mention after it only
    /// when no comma or conjunction stands between ("No, no fever"; "I don't smoke, I have a fever").
    var negationsSinceStopper = 0
    var uncertain = false
    /// An opinion (と思う, I think): a statement is left open, a denial still denies.
    var opinion = false
    /// A doubt is uncertain too, so that nothing joins across it; it also leaves the mention open.
    var doubtful = false
    var coordinators = 0
    var wordCoordinators = 0
    /// Conjunctions and commas: where an English denial stops reaching forward.
    var stoppers = 0
    var conjunctions = 0
    var uncovered = false
    /// A "without" among the denials: "I can't bend without pain" asserts the pain.
    var hasWithout = false

    init(line: ScannedLine, tokens between: Range<Int>, from: Int, to: Int) {
        guard from < to else { return }
        let reader = line.cursor
        var covered = from
        var previous: Token?
        for index in between {
            let token = line.tokens[index]
            defer { previous = token }
            let isDenial = token.role == .negation || token.role == .without
            switch token.role {
            // "no never fell", "no no fever": denials said one after the other insist; they do
            // not cancel out as "I don't not…" would.
            case _ where isDenial && previous.map { ($0.role == .negation || $0.role == .without || $0.role == .no)
                    && !reader.hasText($0.range.upperBound..<token.range.lowerBound) } ?? false:
                break
            // "no I don't have a fever", "no, I have a fever", "no its the first time": a bare no
            // before a clause of its own answers something; it does not deny what the clause says.
            // ("never been told I have thin bones" still denies.)
            case _ where isDenial && token.language == .en && Self.answersBeforeAClause(index, line):
                break
            case .negation, .without:
                negations += 1
                negationsSinceStopper += 1
                if token.role == .without { hasWithout = true }
            case .uncertain: uncertain = true
            case .opinion: opinion = true
            case .doubt:
                uncertain = true
                doubtful = true
            // 「熱はわからない」, "not sure about fever": said not to be known, it is left open. But
            // わからない after が is not perceiving: 「紙の感触がわからない」 is the numbness itself.
            case .unknown where !Self.isPerceived(index, line):
                uncertain = true
                doubtful = true
            case .coordinator:
                coordinators += 1
                if token.language != nil { wordCoordinators += 1 } else {
                    stoppers += 1
                    negationsSinceStopper = 0
                }
            case .conjunction:
                stoppers += 1
                conjunctions += 1
                negationsSinceStopper = 0
            case .only:
                // "it doesn't hurt at night, only when I move": only turns away from the denial.
                stoppers += 1
                negationsSinceStopper = 0
                uncovered = true
            default: break
            }
            if token.role == .coordinator || token.role == .conjunction {
                if reader.hasText(covered..<token.range.lowerBound) { uncovered = true }
                covered = token.range.upperBound
            }
        }
        if reader.hasText(covered..<to) { uncovered = true }
    }

    /// Whether the English denial at `index` is a bare "no" that opens a clause of its own: the
    /// speaker ("no I don't…") or a word of `clause-subject` ("no its the first time") follows it;
    /// or a "without" before the speaker's own words ("without my leg going numb").
    static func answersBeforeAClause(_ index: Int, _ line: ScannedLine) -> Bool {
        let range = line.tokens[index].range
        let followedBySpeaker = index + 1 < line.tokens.count && line.tokens[index + 1].role == .speaker
        // "can't walk far without my leg going numb": the without of a habit, not a denial.
        if line.tokens[index].role == .without { return followedBySpeaker }
        guard line.scalars[range] == Self.bareNo else { return false }
        if followedBySpeaker { return true }
        let reader = line.cursor
        var next = reader.afterSpaces(range.upperBound)
        if next < line.scalars.count, line.scalars[next] == .comma { next = reader.afterSpaces(next + 1) }
        guard let (word, _) = reader.englishWord(at: next) else { return false }
        return line.lexicon.cueWords[.clauseSubject].contains(word)
    }

    /// Whether the Japanese "not known" at `index` says something cannot be felt: its object
    /// takes が (「感触がわからない」, 「感触がよくわからない」; lexicon.kb `perceived-object`), where
    /// a topic takes は (「熱はわからない」).
    static func isPerceived(_ index: Int, _ line: ScannedLine) -> Bool {
        guard line.tokens[index].language == .ja else { return false }
        var k = index - 1
        var end = line.tokens[index].range.lowerBound
        while k >= 0, line.tokens[k].role == .filler, line.tokens[k].range.upperBound == end {
            end = line.tokens[k].range.lowerBound
            k -= 1
        }
        return line.cursor.follows(line.lexicon.cueWords[.perceivedObject], before: end)
    }

    private static let bareNo: ArraySlice<UInt32> = ArraySlice("no".unicodeScalars.map(\.value))

    /// Whether the gap is one conjunction ("and") and nothing else.
    var joinsWithConjunctionOnly: Bool { !uncovered && conjunctions == 1 && coordinators == 0 }

    /// Whether the gap is nothing but coordinators: も, と, や, or, and a comma where allowed.
    func coordinates(allowingPunctuation: Bool) -> Bool {
        guard !uncovered, coordinators > 0 else { return false }
        return wordCoordinators > 0 || allowingPunctuation
    }

    /// Whether anything but spaces lies outside the given ranges (sorted, not overlapping), in
    /// `span` (the whole line when not given).
    static func hasUncoveredText(_ reader: ScalarReader, tokens ranges: [Range<Int>], in span: Range<Int>? = nil) -> Bool {
        let span = span ?? 0..<reader.scalars.count
        var position = span.lowerBound
        for range in ranges {
            if reader.hasText(position..<max(position, range.lowerBound)) { return true }
            position = max(position, range.upperBound)
        }
        return reader.hasText(position..<max(position, span.upperBound))
    }
}
