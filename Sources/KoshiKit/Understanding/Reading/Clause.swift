/// How a mention is asserted: denied or not, and how sure the speaker is.
struct Assertion: Sendable, Hashable {
    var negated = false
    var uncertain = false
    /// Said as an opinion (と思う, I think): a statement is open, a denial stands.
    var opinion = false
    /// 「熱があるかどうか分からない」, "not sure if I have a fever": open, whichever way it is put.
    var doubtful = false

    /// Whether a statement is left open only by a hedge: said, but not for sure.
    func isHedgedStatement(absentWord: Bool) -> Bool {
        !doubtful && negated == absentWord && (uncertain || opinion)
    }

    /// The status of a finding so asserted; `absentWord` when the word itself says absent (平熱).
    /// `strict` for a red flag, which an opinion leaves open ("I think I had a temperature"); for
    /// other findings an opinion is the person's account ("I think my pelvis is tilted").
    func status(absentWord: Bool, strict: Bool = true) -> FindingStatus {
        let denied = negated != absentWord
        // A hedge never makes a finding present (CONTRACT.md): "I think I had a temperature" and
        // 「熱があるかもしれない」 leave it open. A strong one leaves a denial open too (「たぶんない」,
        // "probably not"); an opinion does not (「ないと思います」 is a no).
        if doubtful || uncertain { return .unknown }
        if opinion, strict { return denied ? .absent : .unknown }
        return denied ? .absent : .present
    }
}

/// What a mention does in its line: states something of the person, or only seems to.
enum MentionMode: Sendable, Hashable {
    /// Said of the person (or the person spoken for).
    case stated
    /// Asked about: a question states nothing ("do I have a fever?").
    case asked
    /// Supposed: 「もし熱が出たら」, "what if it's cancer".
    case supposed
    /// Someone else's: 「父が肺がんでした」, "my mum died of cancer".
    case someoneElse
    /// An event of a time past and over: 「去年の冬に転んだことはある」, "slipped on the ice last winter".
    case past
}

/// A mention of a concept within a clause.
struct Mention: Sendable {
    /// The token's index in the line.
    var token: Int
    var concept: ConceptID
    var isSense: Bool
    var assertion = Assertion()
    var mode = MentionMode.stated
    /// Said once, as part of a combination (「両足がしびれる」 is not also 「しびれ」).
    var consumed = false
}

/// One clause of a line: its tokens and mentions, and what the passes decided about them.
struct Clause: Sendable {
    /// The clause's tokens, as indices into the line's tokens.
    var tokens: Range<Int>
    /// Where the clause begins and ends in the folded text.
    var start: Int
    var end: Int
    /// Whether its sentence ends as a question (with ？ or ですか).
    var endsInQuestion: Bool
    var mentions: [Mention] = []
    /// The concepts its mentions combine into (see `CombinationPass`).
    var combinations: [CombinedMention] = []
    /// How many clauses of the line, up to this one, mention something: the clause a take-back
    /// in a clause of no mentions refers to.
    var number = 0

    /// Whether every mention's mode is `mode`, or the clause has none.
    func allMentions(are mode: MentionMode) -> Bool { mentions.allSatisfy { $0.mode == mode } }
}

/// A concept that mentions in one clause make together: 「腰が痛い」 is low back pain.
struct CombinedMention: Sendable {
    var concept: ConceptID
    /// The assertion of the mention that decides (the last component).
    var assertion: Assertion
    var absentWord: Bool
    /// The folded range from the first component to the last.
    var range: Range<Int>
    var mode: MentionMode
}

/// Where a clause lies in its line: what a quote needs of it, kept after the clause is read.
struct ClauseBounds: Sendable, Hashable {
    var tokens: Range<Int>
    var start: Int
    var end: Int

    init(_ clause: Clause) {
        tokens = clause.tokens
        start = clause.start
        end = clause.end
    }
}

/// Where a finding was said: its clause and its words, to quote once the line is read.
struct QuoteSpan: Sendable, Hashable {
    var clause: ClauseBounds
    var evidence: Range<Int>
}

/// The words a summary quotes for a finding: the clause that decided it, as typed, without the
/// break words and punctuation around it (「けど、熱はないです」 quotes 「熱はないです」), its negation
/// included; a clause longer than a person reads at a glance is cut at the pauses around the
/// finding, and the cut is marked with an ellipsis.
extension ScannedLine {
    /// The longest quote, in folded characters, before a clause is cut at its pauses.
    static let quoteLimit = 100

    /// A finding's quote, worked out once the line is read: only the findings that survive it
    /// are quoted, so that a huge line repeating one word costs one quote, not thousands.
    func resolvingQuote(_ finding: LineFinding) -> LineFinding {
        guard let span = finding.span, finding.clause.isEmpty else { return finding }
        var resolved = finding
        resolved.clause = quote(span.clause, around: span.evidence)
        return resolved
    }

    /// The clause's quote for a finding said at the folded range `evidence`.
    func quote(_ clause: ClauseBounds, around evidence: Range<Int>) -> String {
        var start = clause.start
        // Leading break words: the break that ended the clause before (not among this clause's
        // tokens), and conjunctions or coordinators that open it ("and", "but").
        var index = clause.tokens.lowerBound - 1
        if index >= 0, tokens[index].range.lowerBound >= start, tokens[index].role != nil { start = max(start, tokens[index].range.upperBound) }
        index = clause.tokens.lowerBound
        while true {
            start = skippingPauses(from: start, to: clause.end)
            start += breakTail(at: start, in: clause)
            start = skippingPauses(from: start, to: clause.end)
            guard index < clause.tokens.upperBound, tokens[index].range.lowerBound == start,
                  let role = tokens[index].role, Self.edgeRoles.contains(role) else { break }
            start = tokens[index].range.upperBound
            index += 1
        }
        var end = predicateEnd(of: clause)
        while end > start, scalars[end - 1].isClauseEdge { end -= 1 }
        guard start < end else { return original(evidence) }
        return quote(start..<end, around: evidence)
    }

    /// The particles that join a clause to the next, the break words' own part: in 「通っていますが」
    /// the break ますが holds the ます of the predicate, which the quote keeps, and the が, which it
    /// leaves out; a te-form (痛くて、, 行って、) is kept whole.
    private static let joiningParticles: [[UInt32]] = ["けれども", "けれど", "けど", "ものの", "のに", "ので", "から", "が"].map(Normalizer.key)
    private static let teForm: [[UInt32]] = ["て", "で"].map(Normalizer.key)

    /// Where the clause's predicate ends: its end, or further into the break word that closed it
    /// when that word holds the end of the predicate (ますが, たから, くて, て、).
    private func predicateEnd(of clause: ClauseBounds) -> Int {
        var breakRange: Range<Int>?
        let next = clause.tokens.upperBound
        if next < tokens.count, tokens[next].range.lowerBound == clause.end, tokens[next].role == .clauseBreak {
            breakRange = tokens[next].range
        } else if next > clause.tokens.lowerBound, tokens[next - 1].range.upperBound == clause.end, tokens[next - 1].role == nil {
            // 痛く + て: the word took the first letters of the break; the rest opens the next clause.
            let tail = breakTail(endingWord: next - 1)
            if tail > 0 { breakRange = clause.end..<(clause.end + tail) }
        }
        guard let range = breakRange else { return clause.end }
        let word = Array(scalars[range])
        if let particle = Self.joiningParticles.first(where: { word.count >= $0.count && word.suffix($0.count).elementsEqual($0) }) {
            return range.upperBound - particle.count
        }
        guard let first = word.first, let last = word.last else { return clause.end }
        if Self.teForm.contains([first]) { return range.lowerBound + 1 }      // て、
        if Self.teForm.contains([last]) { return range.upperBound }           // くて, or the て after 痛く
        return clause.end
    }

    /// The quote of a stretch of the line: whole when short, otherwise cut at the pauses nearest
    /// to `evidence` (never inside it), with an ellipsis where it was cut.
    func quote(_ range: Range<Int>, around evidence: Range<Int>) -> String {
        guard range.count > Self.quoteLimit else { return original(range) }
        let inside = max(range.lowerBound, evidence.lowerBound)..<min(range.upperBound, max(evidence.upperBound, evidence.lowerBound + 1))
        let reach = max(0, (Self.quoteLimit - inside.count) / 2)
        var start = inside.lowerBound
        while start > range.lowerBound, inside.lowerBound - start < reach, !scalars[start - 1].isPause { start -= 1 }
        var end = inside.upperBound
        while end < range.upperBound, end - inside.upperBound < reach, !scalars[end].isPause { end += 1 }
        start = skippingPauses(from: start, to: end)
        while end > start, scalars[end - 1].isClauseEdge { end -= 1 }
        let head = start > range.lowerBound ? "…" : "", tail = end < range.upperBound ? "…" : ""
        return head + original(start..<end) + tail
    }

    /// Roles of the words that open or close a clause without being part of what it says.
    private static let edgeRoles: Set<CueRole> = [.clauseBreak, .sentenceEnd, .question, .conjunction, .coordinator]

    private func skippingPauses(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end, scalars[i].isClauseEdge { i += 1 }
        return i
    }

    /// How many letters at `position` are the rest of a clause break that the word before took
    /// the first letters of (痛く + て: the て of 「痛くて、」 opens the next clause's text).
    private func breakTail(at position: Int, in clause: ClauseBounds) -> Int {
        let before = clause.tokens.lowerBound - 1
        guard before >= 0, tokens[before].range.upperBound == position, tokens[before].role == nil else { return 0 }
        return breakTail(endingWord: before)
    }

    /// How many letters after the word `token` finish a clause break that the word began.
    private func breakTail(endingWord token: Int) -> Int {
        let position = tokens[token].range.upperBound
        let reader = cursor
        for key in straddlingBreaks {
            for taken in 1..<key.count where position - taken >= tokens[token].range.lowerBound && reader.matches(key, at: position - taken) {
                return key.count - taken
            }
        }
        return 0
    }
}

extension UInt32 {
    /// Punctuation that only marks a pause, and spaces: what a quote does not begin or end with.
    var isClauseEdge: Bool { isSpace || isPause }
    /// A comma, a full stop or another mark where speech pauses.
    var isPause: Bool {
        switch self {
        case .comma, .ideographicComma, .fullStop, 0x3002, 0x21, 0x3F, 0x3B, 0x3A, 0x2026, 0x30FB, 0xFF0C, 0xFF0E: true
        default: false
        }
    }
}
