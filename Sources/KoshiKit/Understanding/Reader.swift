/// Turns a line into findings: matches the lexicon, decides for every mention whether it is
/// stated, denied or left open, builds combinations (a body part and a sensation in one clause),
/// reads values, and binds short answers to the question just asked.
public struct Reader: Sendable {
    /// A concept built from others: `components` mentioned together, the last one deciding.
    struct Combination: Sendable {
        var concept: String
        var components: [String]
    }

    let lexicon: Lexicon
    let groups: [String: ConceptGroup]
    let implications: [String: [String]]
    let combinationsByHead: [String: [Combination]]

    /// How far, in mentions, a combination looks for its parts; keeps huge lines linear.
    static let combinationReach = 8

    init(concepts: [Concept], lexicon: Lexicon) {
        self.lexicon = lexicon
        var groups: [String: ConceptGroup] = [:]
        var implications: [String: [String]] = [:]
        var combinations: [String: [Combination]] = [:]
        for concept in concepts {
            groups[concept.id] = concept.group
            if !concept.implies.isEmpty { implications[concept.id] = concept.implies }
            for components in concept.combinations where components.count >= 2 {
                combinations[components.last!, default: []].append(Combination(concept: concept.id, components: components))
            }
        }
        self.groups = groups
        self.implications = implications
        self.combinationsByHead = combinations
    }

    /// What `line` says, read in the light of the question just asked (if any).
    public func read(_ line: String, asked: [QuestionTopic] = []) -> LineReading {
        let (text, matches) = lexicon.find(in: Normalizer.normalize(line))
        var scan = LineScan(text: text, tokens: matches.map { Token(range: $0.range, term: lexicon.terms[$0.pattern]) },
                            reader: self)
        var reading = LineReading()
        reading.findings = scan.findings()
        reading.answer = scan.answer(hasFindings: !reading.findings.isEmpty)
        reading.saysOnly = scan.tokens.contains { $0.role == .only }
        reading.values = values(in: text, tokens: scan.tokens, asked: asked)
        bindAnswer(&reading, asked: asked, text: text, tokens: scan.tokens)
        return reading
    }

    // MARK: Values

    private func values(in text: NormalizedText, tokens: [Token], asked: [QuestionTopic]) -> [ValueSlot: LineValue] {
        var values: [ValueSlot: LineValue] = [:]
        var bare: [QuantityMention] = []
        for mention in Quantities.read(text.scalars) {
            let evidence = text.originalText(mention.range)
            switch mention.kind {
            case .age where (1...120).contains(mention.value):
                if values[.age] == nil { values[.age] = LineValue(value: mention.value, evidence: evidence) }
            case .durationDays:
                if values[.duration] == nil { values[.duration] = LineValue(value: mention.value, evidence: evidence) }
            case .painIntensity where (0...10).contains(mention.value):
                if values[.painIntensity] == nil { values[.painIntensity] = LineValue(value: mention.value, evidence: evidence) }
            case .bare:
                bare.append(mention)
            default:
                break
            }
        }
        // A bare number answers the slots asked for, in the order asked: "62", "32歳 1週間 3".
        let open = asked.compactMap { topic -> ValueSlot? in
            if case .slot(let slot) = topic, slot != .duration, values[slot] == nil { return slot }
            return nil
        }
        var remaining = bare[...]
        for slot in open {
            let accepted: ClosedRange<Int> = slot == .age ? 1...120 : 0...10
            while let next = remaining.popFirst() {
                if accepted.contains(next.value) {
                    values[slot] = LineValue(value: next.value, evidence: text.originalText(next.range))
                    break
                }
            }
        }
        // "痛みは7くらい", "pain is 7": a small bare number right after a mention of pain.
        if values[.painIntensity] == nil, let painToken = tokens.last(where: { $0.concept == "pain" }),
           let number = bare.first(where: { $0.range.lowerBound >= painToken.range.upperBound
                                             && $0.range.lowerBound - painToken.range.upperBound <= 4 && $0.value <= 10 }),
           !values.values.contains(where: { $0.evidence == text.originalText(number.range) }) {
            values[.painIntensity] = LineValue(value: number.value, evidence: text.originalText(painToken.range.lowerBound..<number.range.upperBound))
        }
        return values
    }

    // MARK: Answers in context

    private func bindAnswer(_ reading: inout LineReading, asked: [QuestionTopic], text: NormalizedText, tokens: [Token]) {
        let answerWords = tokens.first { [.yes, .no, .unknown, .negation].contains($0.role) }
            .map { text.originalText($0.range) } ?? ""
        let askedConcepts = asked.compactMap { topic -> String? in
            if case .concept(let id) = topic { return id }
            return nil
        }
        if !askedConcepts.isEmpty {
            let named = reading.findings.filter { askedConcepts.contains($0.concept) }
            if named.isEmpty {
                let status: FindingStatus? = switch reading.answer {
                case .yes: .present
                case .no: .absent
                case .unknown: .unknown
                case nil: nil
                }
                if let status {
                    for concept in askedConcepts {
                        reading.findings.append(LineFinding(concept: concept, status: status, evidence: answerWords))
                    }
                }
            } else if askedConcepts.count > 1, reading.answer != .unknown, named.contains(where: { $0.status == .present }) {
                // Naming some items of a grouped question says the others do not apply.
                let namedIDs = Set(named.map(\.concept))
                for concept in askedConcepts where !namedIDs.contains(concept) {
                    reading.findings.append(LineFinding(concept: concept, status: .absent, evidence: text.originalText(0..<text.count)))
                }
            }
        }
        if reading.answer == .unknown {
            for topic in asked {
                if case .slot(let slot) = topic, reading.values[slot] == nil {
                    reading.values[slot] = LineValue(value: nil, evidence: answerWords)
                }
            }
        }
    }
}

/// A matched word in a line.
struct Token {
    var range: Range<Int>
    var term: Term

    var concept: String? {
        if case .concept(let id, _) = term.meaning { return id }
        return nil
    }

    var role: CueRole? {
        if case .cue(let role) = term.meaning { return role }
        return nil
    }

    var saysAbsent: Bool {
        if case .concept(_, let absent) = term.meaning { return absent }
        return false
    }
}

/// The work of reading one line: sentences, clauses, and the assertion of every mention.
private struct LineScan {
    let text: NormalizedText
    let tokens: [Token]
    let reader: Reader

    /// How a mention is asserted.
    struct Assertion {
        var negated = false
        var uncertain = false
    }

    /// A mention of a concept within a clause.
    struct Mention {
        var token: Int
        var concept: String
        var isSense: Bool
        var assertion = Assertion()
        var consumed = false
    }

    init(text: NormalizedText, tokens: [Token], reader: Reader) {
        self.text = text
        self.tokens = tokens
        self.reader = reader
    }

    /// Token index ranges of the clauses, each flagged when its sentence is a question.
    func clauses() -> [(tokens: Range<Int>, isQuestion: Bool, end: Int)] {
        var result: [(tokens: Range<Int>, isQuestion: Bool, end: Int)] = []
        var sentenceClauses: [(Range<Int>, Int)] = []
        var clauseStart = 0
        var sentenceIsQuestion = false
        func closeSentence() {
            for (range, end) in sentenceClauses { result.append((range, sentenceIsQuestion, end)) }
            sentenceClauses = []
            sentenceIsQuestion = false
        }
        for (i, token) in tokens.enumerated() {
            switch token.role {
            case .clauseBreak:
                sentenceClauses.append((clauseStart..<i, token.range.lowerBound))
                clauseStart = i + 1
            case .sentenceEnd, .question:
                if token.role == .question { sentenceIsQuestion = true }
                sentenceClauses.append((clauseStart..<i, token.range.lowerBound))
                clauseStart = i + 1
                closeSentence()
            default:
                break
            }
        }
        sentenceClauses.append((clauseStart..<tokens.count, text.count))
        closeSentence()
        return result
    }

    mutating func findings() -> [LineFinding] {
        var found: [(position: Int, finding: LineFinding)] = []
        var clauseStartPosition = 0
        for clause in clauses() {
            defer { clauseStartPosition = clause.end }
            var mentions: [Mention] = []
            for i in clause.tokens {
                guard let concept = tokens[i].concept else { continue }
                mentions.append(Mention(token: i, concept: concept, isSense: reader.groups[concept] == .sense))
            }
            guard !mentions.isEmpty else { continue }
            assert(&mentions, clauseTokens: clause.tokens, clauseStart: clauseStartPosition, clauseEnd: clause.end)
            if clause.isQuestion { continue }
            for (position, finding) in combine(&mentions) { found.append((position, finding)) }
            for mention in mentions where !mention.consumed {
                let token = tokens[mention.token]
                guard reader.groups[mention.concept]?.isReported == true else { continue }
                found.append((token.range.lowerBound,
                              LineFinding(concept: mention.concept, status: status(mention.assertion, absentWord: token.saysAbsent),
                                          evidence: text.originalText(token.range))))
            }
        }
        found.sort { $0.position < $1.position }
        var byConcept: [String: Int] = [:]
        var ordered: [LineFinding] = []
        func record(_ finding: LineFinding) {
            if let at = byConcept[finding.concept] {
                ordered[at] = finding
            } else {
                byConcept[finding.concept] = ordered.count
                ordered.append(finding)
            }
        }
        for (_, finding) in found { record(finding) }
        for finding in ordered where finding.status == .present {
            for implied in reader.implications[finding.concept] ?? [] where byConcept[implied] == nil {
                record(LineFinding(concept: implied, status: .present, evidence: finding.evidence))
            }
        }
        return ordered
    }

    func status(_ assertion: Assertion, absentWord: Bool) -> FindingStatus {
        let denied = assertion.negated != absentWord
        if assertion.uncertain { return denied ? .unknown : .present }
        return denied ? .absent : .present
    }

    /// Japanese denies after the mention, English before it; mentions joined by a coordinator
    /// (熱も体重減少もない, no fever or chills) share the assertion of their neighbour.
    func assert(_ mentions: inout [Mention], clauseTokens: Range<Int>, clauseStart: Int, clauseEnd: Int) {
        for k in mentions.indices.reversed() where tokens[mentions[k].token].term.language != .en {
            let from = tokens[mentions[k].token].range.upperBound
            let nextIndex = k + 1 < mentions.count ? k + 1 : nil
            let to = nextIndex.map { tokens[mentions[$0].token].range.lowerBound } ?? clauseEnd
            let between = (mentions[k].token + 1)..<(nextIndex.map { mentions[$0].token } ?? clauseTokens.upperBound)
            let gap = Gap(scan: self, tokens: between, from: from, to: to)
            if gap.negations == 0, !gap.uncertain, let next = nextIndex,
               gap.coordinates(allowingPunctuation: !mentions[k].isSense && !mentions[next].isSense) {
                mentions[k].assertion = mentions[next].assertion
            } else {
                mentions[k].assertion = Assertion(negated: gap.negations % 2 == 1, uncertain: gap.uncertain)
            }
        }
        for k in mentions.indices where tokens[mentions[k].token].term.language == .en {
            let to = tokens[mentions[k].token].range.lowerBound
            let previous = k > 0 ? k - 1 : nil
            let from = previous.map { tokens[mentions[$0].token].range.upperBound } ?? clauseStart
            let between = (previous.map { mentions[$0].token + 1 } ?? clauseTokens.lowerBound)..<mentions[k].token
            let gap = Gap(scan: self, tokens: between, from: from, to: to)
            // A denial reaches forward through plain words ("no history of cancer") and lists
            // ("no fever, chills or weight loss"), but not past "and" or a comma between clauses.
            if gap.negations == 0, !gap.uncertain, let previous,
               gap.coordinates(allowingPunctuation: true) || gap.stoppers == 0 {
                mentions[k].assertion = mentions[previous].assertion
            } else {
                mentions[k].assertion = Assertion(negated: gap.negations % 2 == 1, uncertain: gap.uncertain)
            }
        }
    }

    /// Builds combinations around each head mention: the nearest mention of each other component
    /// before it (or else after it) with no other sensation in between.
    func combine(_ mentions: inout [Mention]) -> [(Int, LineFinding)] {
        var found: [(Int, LineFinding)] = []
        for k in mentions.indices {
            for combination in reader.combinationsByHead[mentions[k].concept] ?? [] {
                var partners: [Int] = []
                for component in combination.components.dropLast() {
                    guard let partner = nearest(component, to: k, in: mentions) else { break }
                    partners.append(partner)
                }
                guard partners.count == combination.components.count - 1 else { continue }
                let head = tokens[mentions[k].token]
                let lower = partners.map { tokens[mentions[$0].token].range.lowerBound }.min().map { min($0, head.range.lowerBound) }!
                let upper = partners.map { tokens[mentions[$0].token].range.upperBound }.max().map { max($0, head.range.upperBound) }!
                // The parts are said once, as the combination: 「両足がしびれる」 is not also 「しびれ」.
                for partner in partners { mentions[partner].consumed = true }
                mentions[k].consumed = true
                found.append((lower, LineFinding(concept: combination.concept,
                                                 status: status(mentions[k].assertion, absentWord: head.saysAbsent),
                                                 evidence: text.originalText(lower..<upper))))
            }
        }
        return found
    }

    func nearest(_ concept: String, to k: Int, in mentions: [Mention]) -> Int? {
        for direction in [-1, 1] {
            var j = k + direction
            while j >= 0, j < mentions.count, abs(j - k) <= Reader.combinationReach {
                if mentions[j].concept == concept { return j }
                if mentions[j].isSense { break }
                j += direction
            }
        }
        return nil
    }

    /// The short answer the line gives, if any. An answer word counts where it opens the line
    /// or where the line names nothing, so that "my right leg is numb" is not a bare "yes".
    func answer(hasFindings: Bool) -> Answer? {
        var yes = false, no = false, unknown = false
        let firstWord = tokens.firstIndex { token in
            token.role != .coordinator && token.role != .sentenceEnd && token.role != .clauseBreak
        }
        for clause in clauses() where !clause.isQuestion {
            let hasMention = clause.tokens.contains { tokens[$0].concept != nil }
            for i in clause.tokens {
                let opensLine = i == firstWord && !Gap.hasText(text.scalars, 0..<tokens[i].range.lowerBound)
                guard opensLine || !hasFindings || tokens[i].role == .unknown else { continue }
                switch tokens[i].role {
                case .yes: yes = true
                case .no: no = true
                case .unknown: unknown = true
                case .negation where !hasMention: no = true
                default: break
                }
            }
        }
        return unknown ? .unknown : no ? .no : yes ? .yes : nil
    }
}

/// The stretch of a clause between two mentions, and the cues in it.
private struct Gap {
    var negations = 0
    var uncertain = false
    var coordinators = 0
    var wordCoordinators = 0
    /// Conjunctions and commas: where an English denial stops reaching forward.
    var stoppers = 0
    var uncovered = false

    init(scan: LineScan, tokens between: Range<Int>, from: Int, to: Int) {
        guard from < to else { return }
        var covered = from
        for token in scan.tokens[between] {
            switch token.role {
            case .negation: negations += 1
            case .uncertain: uncertain = true
            case .coordinator:
                coordinators += 1
                if token.term.language != nil { wordCoordinators += 1 } else { stoppers += 1 }
            case .conjunction: stoppers += 1
            default: break
            }
            if token.role == .coordinator {
                if Gap.hasText(scan.text.scalars, covered..<token.range.lowerBound) { uncovered = true }
                covered = token.range.upperBound
            }
        }
        if Gap.hasText(scan.text.scalars, covered..<to) { uncovered = true }
    }

    /// Whether the gap is nothing but coordinators: も, と, や, or, and a comma where allowed.
    func coordinates(allowingPunctuation: Bool) -> Bool {
        guard !uncovered, coordinators > 0 else { return false }
        return wordCoordinators > 0 || allowingPunctuation
    }

    static func hasText(_ scalars: [UInt32], _ range: Range<Int>) -> Bool {
        range.contains { scalars[$0] != Normalizer.space }
    }
}
