/// Turns a line into findings: matches the lexicon, decides for every mention whether it is
/// stated, denied or left open, builds combinations (a body part and a sensation in one clause),
/// reads values, and binds short answers to the question just asked.
public struct Reader: Sendable {
    /// A concept built from others: `components` mentioned together, the last one deciding.
    struct Combination: Sendable {
        var concept: ConceptID
        var components: [ConceptID]
    }

    let lexicon: Lexicon
    let groups: [ConceptID: ConceptGroup]
    /// Concepts that mark when the pain began (`marks-onset` in concepts.kb).
    let onsetMarkers: Set<ConceptID>
    /// Concepts with time spans of their own (`owns-durations` in concepts.kb).
    let durationOwners: Set<ConceptID>
    /// Histories that stay true once said (`lasting` in concepts.kb): "gone now" does not undo them.
    let lasting: Set<ConceptID>
    let implications: [ConceptID: [ConceptID]]
    let combinationsByHead: [ConceptID: [Combination]]
    /// Combinations whose parts may lie in different clauses of the line (`combine-across-clauses`).
    let combinationsAcrossClauses: [Combination]
    /// Sensations that take a body part (pain, numbness…): another one between a part and a
    /// sensation claims the part first ("my back hurts and I can't feel my bottom").
    let partTaking: Set<ConceptID>

    /// How far, in mentions, a combination looks for its parts; keeps huge lines linear.
    static let combinationReach = 8

    init(concepts: [Concept], lexicon: Lexicon) {
        self.lexicon = lexicon
        var groups: [ConceptID: ConceptGroup] = [:]
        var implications: [ConceptID: [ConceptID]] = [:]
        var combinations: [ConceptID: [Combination]] = [:]
        for concept in concepts {
            groups[concept.id] = concept.group
            if !concept.implies.isEmpty { implications[concept.id] = concept.implies }
            for components in concept.combinations where components.count >= 2 {
                combinations[components.last!, default: []].append(Combination(concept: concept.id, components: components))
            }
        }
        self.groups = groups
        onsetMarkers = Set(concepts.filter(\.marksOnset).map(\.id))
        durationOwners = Set(concepts.filter(\.ownsDurations).map(\.id))
        lasting = Set(concepts.filter(\.lasting).map(\.id))
        self.implications = implications
        self.combinationsByHead = combinations
        combinationsAcrossClauses = concepts.flatMap { concept in
            concept.combinationsAcrossClauses.filter { $0.count >= 2 }.map { Combination(concept: concept.id, components: $0) }
        }
        partTaking = Set(combinations.filter { _, list in
            list.contains { $0.components.dropLast().contains { groups[$0] == .part } }
        }.keys)
    }

    /// What `line` says, read in the light of the question just asked (if any).
    public func read(_ line: String, asked: [Topic] = []) -> LineReading {
        let (text, tokens) = lexicon.tokens(in: Normalizer.normalize(line))
        var scan = LineScan(text: text, tokens: tokens, reader: self)
        var reading = LineReading()
        reading.findings = scan.findings(asked: Set(asked.compactMap { topic -> ConceptID? in
            if case .concept(let id) = topic { return id }
            return nil
        }))
        reading.answer = scan.answer(hasFindings: !reading.findings.isEmpty)
        reading.saysOnly = scan.tokens.contains { $0.role == .only }
        var bare: [QuantityMention] = []
        reading.values = values(in: text, tokens: scan.tokens, asked: asked, findings: reading.findings, bare: &bare)
        bindNumberedItems(&reading, asked: asked, bare: bare, text: text)
        bindAnswer(&reading, asked: asked, text: text, tokens: scan.tokens)
        return reading
    }

    // MARK: Values

    private func values(in text: NormalizedText, tokens: [Token], asked: [Topic], findings: [LineFinding],
                        bare: inout [QuantityMention]) -> [ValueSlot: LineValue] {
        var values: [ValueSlot: LineValue] = [:]
        // How long something lasted is about the pain when it was asked for, when the line states
        // the complaint, or when it names nothing else ("it started 4 days ago"); not when it is
        // about something koshi does not follow (「昨日からお腹の調子が悪い」) or another finding
        // ("ステロイドを3年飲んでいます"). Said in passing, it fills an empty slot but does not
        // replace an earlier answer.
        let durationAsked = asked.contains(.slot(.duration))
        let aboutTheComplaint = findings.contains { groups[$0.concept] == .complaint && $0.status == .present }
        let namesSomethingElse = !findings.isEmpty || tokens.contains { $0.concept(in: lexicon).map { groups[$0] == .part } ?? false }
        let durationCounts = durationAsked || aboutTheComplaint || !namesSomethingElse
        for mention in Quantities.read(text.scalars) {
            switch mention.kind {
            case .age where (1...120).contains(mention.value):
                if values[.age] == nil { values[.age] = LineValue(value: mention.value, evidence: text.originalText(mention.range)) }
            case .durationDays:
                if values[.duration] == nil, durationCounts,
                   durationAsked || (!nearestIsAnotherFinding(mention.range, tokens) && !saysHowSoon(mention.range, text.scalars)) {
                    values[.duration] = LineValue(value: mention.value, evidence: text.originalText(mention.range),
                                                  replacesEarlier: durationAsked || aboutTheComplaint)
                }
            case .painIntensity where (0...10).contains(mention.value):
                if values[.painIntensity] == nil {
                    values[.painIntensity] = LineValue(value: mention.value, evidence: text.originalText(mention.range))
                }
            case .bare:
                bare.append(mention)
            default:
                break
            }
        }
        // A bare number answers the slots asked for, in the order asked: "62", "32歳 1週間 3". When
        // the pain score is asked too, a number up to 10 is the score, not an age: "1週間 3".
        let open = asked.compactMap { topic -> ValueSlot? in
            if case .slot(let slot) = topic, slot != .duration, values[slot] == nil { return slot }
            return nil
        }
        var used: Set<Int> = []
        for slot in open {
            let accepted: ClosedRange<Int> = slot == .age ? (open.contains(.painIntensity) ? 11...120 : 1...120) : 0...10
            guard let index = bare.indices.first(where: { !used.contains($0) && accepted.contains(bare[$0].value) }) else { continue }
            used.insert(index)
            values[slot] = LineValue(value: bare[index].value, evidence: text.originalText(bare[index].range))
        }
        // "痛みは7くらい", "pain is 7", "the pain is about a 6", "pain level 5": a small bare number
        // right after a mention of pain, or after a few English words.
        func closeAfter(_ pain: Token, _ number: QuantityMention) -> Bool {
            guard number.range.lowerBound >= pain.range.upperBound else { return false }
            let gap = pain.range.upperBound..<number.range.lowerBound
            return gap.count <= 4 || (gap.count <= 14 && text.scalars[gap].allSatisfy { (Lexicon.isAlphanumeric($0) && $0 > 0x39) || $0 == Normalizer.space })
        }
        if values[.painIntensity] == nil, let painToken = tokens.last(where: { $0.concept(in: lexicon) == ConceptID("pain") }),
           let number = bare.first(where: { closeAfter(painToken, $0) && $0.value <= 10 }),
           !values.values.contains(where: { $0.evidence == text.originalText(number.range) }) {
            values[.painIntensity] = LineValue(value: number.value, evidence: text.originalText(painToken.range.lowerBound..<number.range.upperBound))
        }
        return values
    }

    /// 「二、三日で元通り」, 「1週間ほどで治った」, 「二日もすると元通り」: a span followed by で or
    /// by すると is how soon something happened, never how long the pain has lasted (that is
    /// 前から, 続いて, 目). 「3日です」 is still an answer.
    private func saysHowSoon(_ range: Range<Int>, _ scalars: [UInt32]) -> Bool {
        var position = range.upperBound
        while position < scalars.count, scalars[position] == Normalizer.space { position += 1 }
        for about in Self.approximately where scalars[position...].starts(with: about) {
            position += about.count
            break
        }
        if Self.afterSoMuch.contains(where: { scalars[position...].starts(with: $0) }) { return true }
        guard position < scalars.count, scalars[position] == Self.de else { return false }
        let next = position + 1 < scalars.count ? scalars[position + 1] : 0
        return next != Self.su && next != Self.shi
    }

    // Folded as the text is (hiragana onto katakana).
    private static let approximately = ["くらい", "ぐらい", "ほど", "位"].map(Normalizer.key)
    private static let afterSoMuch = ["もすると", "すると", "もしたら", "したら", "経つと", "たつと", "後には", "もたたず"].map(Normalizer.key)
    private static let de = Normalizer.key("で")[0]
    private static let su = Normalizer.key("す")[0]
    private static let shi = Normalizer.key("し")[0]

    /// "lower back ache, I had prostate cancer 5 yrs ago", 「ステロイドを3年飲んでいます」: a duration
    /// whose nearest mention is a red flag or a context finding is about that, not about the pain.
    private func nearestIsAnotherFinding(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        // The tokens are in order: look at the few on either side of the duration.
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        // The nearest mention of another finding, and of the pain itself (a body part, a sensation,
        // the complaint, or what starts it); a tie goes to the pain.
        // Only within the duration's own clause and conjunct: 「デスクワークで、1週間前から腰が重い」,
        // "massage helps for a day and then it's back".
        var other = Int.max, pain = Int.max
        func look(at index: Int) -> Bool {
            let role = tokens[index].role
            if role == .clauseBreak || role == .sentenceEnd || role == .question || role == .conjunction { return false }
            guard let concept = tokens[index].concept(in: lexicon) else { return true }
            let token = tokens[index].range
            let distance = token.upperBound <= range.lowerBound ? range.lowerBound - token.upperBound
                : token.lowerBound >= range.upperBound ? token.lowerBound - range.upperBound : 0
            // A span of a massage's relief follows the massage ("massage helps for a day"); one
            // before it is the pain's ("hurt for 3 weeks, massage helps").
            let owned = durationOwners.contains(concept) && token.upperBound <= range.lowerBound
            let isOther = (groups[concept] == .redFlag || groups[concept] == .context || owned) && !onsetMarkers.contains(concept)
            if isOther { other = min(other, distance) } else { pain = min(pain, distance) }
            return true
        }
        var index = low - 1
        while index >= max(0, low - 6), look(at: index) { index -= 1 }
        index = low
        while index < min(tokens.count, low + 6), look(at: index) { index += 1 }
        return other < pain
    }

    // MARK: Answers in context

    /// The grouped questions number their items, so 「④です」 or "number 2 and 4" names them.
    private func bindNumberedItems(_ reading: inout LineReading, asked: [Topic], bare: [QuantityMention],
                                   text: NormalizedText) {
        let items = asked.compactMap { topic -> ConceptID? in
            if case .concept(let id) = topic { return id }
            return nil
        }
        // "only the second one", "the first and the third": ordinals name the items, and the "one"
        // after them is no number.
        guard items.count > 1, reading.findings.isEmpty else { return }
        let ordinals = Reader.englishOrdinals(in: text.scalars)
        let numbers = ordinals.isEmpty ? bare : ordinals
        guard !numbers.isEmpty, numbers.allSatisfy({ (1...items.count).contains($0.value) }) else { return }
        for mention in numbers {
            reading.findings.append(LineFinding(concept: items[mention.value - 1], status: .present,
                                                evidence: text.originalText(mention.range)))
        }
    }

    private static let ordinalWords: [[UInt32]: Int] = Dictionary(uniqueKeysWithValues: [
        ("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3), ("fourth", 4), ("4th", 4),
        ("fifth", 5), ("5th", 5), ("sixth", 6), ("6th", 6),
    ].map { (Normalizer.key($0.0), $0.1) })

    static func englishOrdinals(in scalars: [UInt32]) -> [QuantityMention] {
        var found: [QuantityMention] = []
        var start: Int?
        for i in 0...scalars.count {
            if i < scalars.count, Lexicon.isAlphanumeric(scalars[i]) {
                if start == nil { start = i }
                continue
            }
            guard let wordStart = start else { continue }
            start = nil
            guard i - wordStart <= 6 else { continue }
            if let value = ordinalWords[Array(scalars[wordStart..<i])] { found.append(QuantityMention(kind: .bare, value: value, range: wordStart..<i)) }
        }
        return found
    }

    private func bindAnswer(_ reading: inout LineReading, asked: [Topic], text: NormalizedText, tokens: [Token]) {
        let answerWords = tokens.first { [.yes, .no, .unknown, .negation].contains($0.role) }
            .map { text.originalText($0.range) } ?? ""
        let askedConcepts = asked.compactMap { topic -> ConceptID? in
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
        // "年齢は50歳、期間はよくわからない": an "I don't know" anywhere leaves the slots it did not fill unknown.
        if reading.answer == .unknown || tokens.contains(where: { $0.role == .unknown }) {
            for topic in asked {
                if case .slot(let slot) = topic, reading.values[slot] == nil {
                    reading.values[slot] = LineValue(value: nil, evidence: answerWords)
                }
            }
        }
    }
}
