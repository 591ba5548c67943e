/// The stretch of a clause between two mentions, and the cues in it.
struct Gap {
    var negations = 0
    /// Negations after the last stopper: an English denial reaches the mention after it only
    /// when no comma or conjunction stands between ("No, no fever"; "I don't smoke, I have a fever").
    var negationsSinceStopper = 0
    var uncertain = false
    /// A doubt is uncertain too, so that nothing joins across it; it also leaves the mention open.
    var doubtful = false
    var coordinators = 0
    var wordCoordinators = 0
    /// Conjunctions and commas: where an English denial stops reaching forward.
    var stoppers = 0
    var conjunctions = 0
    var uncovered = false

    init(scan: LineScan, tokens between: Range<Int>, from: Int, to: Int) {
        guard from < to else { return }
        var covered = from
        var previous: Token?
        for index in between {
            let token = scan.tokens[index]
            defer { previous = token }
            switch token.role {
            // "no never fell", "no no fever": denials said one after the other insist; they do
            // not cancel out as "I don't not…" would.
            case .negation where previous.map { ($0.role == .negation || $0.role == .no)
                    && !Gap.hasText(scan.text.scalars, $0.range.upperBound..<token.range.lowerBound) } ?? false:
                break
            // "no I don't have a fever", "no, I have a fever": a no before the speaker's own
            // clause answers something; it does not deny what the clause says.
            case .negation where token.language == .en && index + 1 < scan.tokens.count && scan.tokens[index + 1].role == .speaker:
                break
            case .negation:
                negations += 1
                negationsSinceStopper += 1
            case .uncertain: uncertain = true
            case .doubt:
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
                if Gap.hasText(scan.text.scalars, covered..<token.range.lowerBound) { uncovered = true }
                covered = token.range.upperBound
            }
        }
        if Gap.hasText(scan.text.scalars, covered..<to) { uncovered = true }
    }

    /// Whether the gap is one conjunction ("and") and nothing else.
    var joinsWithConjunctionOnly: Bool { !uncovered && conjunctions == 1 && coordinators == 0 }

    /// Whether the gap is nothing but coordinators: も, と, や, or, and a comma where allowed.
    func coordinates(allowingPunctuation: Bool) -> Bool {
        guard !uncovered, coordinators > 0 else { return false }
        return wordCoordinators > 0 || allowingPunctuation
    }

    /// Whether anything but spaces and letters lies in the range: a comma, a dot, a dash.
    static func hasPause(_ scalars: [UInt32], _ range: Range<Int>) -> Bool {
        range.contains { scalars[$0] != Normalizer.space && !Lexicon.isAlphanumeric(scalars[$0]) }
    }

    static func hasText(_ scalars: [UInt32], _ range: Range<Int>) -> Bool {
        range.contains { scalars[$0] != Normalizer.space }
    }

    /// Whether anything but spaces lies outside the given ranges (sorted, not overlapping).
    static func hasUncoveredText(_ scalars: [UInt32], tokens ranges: [Range<Int>]) -> Bool {
        var position = 0
        for range in ranges {
            if hasText(scalars, position..<range.lowerBound) { return true }
            position = range.upperBound
        }
        return hasText(scalars, position..<scalars.count)
    }
}
