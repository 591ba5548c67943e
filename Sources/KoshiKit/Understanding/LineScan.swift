/// The work of reading one line: sentences, clauses, and the assertion of every mention.
struct LineScan {
    let text: NormalizedText
    let tokens: [Token]
    let reader: Reader

    /// How a mention is asserted.
    struct Assertion {
        var negated = false
        var uncertain = false
        /// 「熱があるかどうか分からない」, "not sure if I have a fever": open, whichever way it is put.
        var doubtful = false
    }

    /// A mention of a concept within a clause.
    struct Mention {
        var token: Int
        var concept: ConceptID
        var isSense: Bool
        var assertion = Assertion()
        var consumed = false
    }

    init(text: NormalizedText, tokens: [Token], reader: Reader) {
        self.text = text
        self.tokens = tokens
        self.reader = reader
    }

    /// The clauses, in order (see `Clauses`).
    func clauses() -> Clauses { Clauses(tokens: tokens, text: text.scalars) }

    /// The line's findings. A denied sensation left without its body part completes a concept of
    /// the question just asked: "no weakness", asked about leg weakness, denies leg weakness. Only
    /// denials: 「痛いです」 asked about chest pain among others is too vague to state it.
    mutating func findings(asked: Set<ConceptID> = []) -> [LineFinding] {
        var found = FindingsByConcept()
        var foundConcepts: Set<ConceptID> = []
        var clauseStartPosition = 0
        // Stated mentions of the parts of combinations that may span clauses, in order.
        let spanningParts = Set(reader.combinationsAcrossClauses.flatMap(\.components))
        var spanning: [Mention] = []
        for clause in clauses() {
            defer { clauseStartPosition = clause.end }
            var mentions: [Mention] = []
            for i in clause.tokens {
                guard let concept = tokens[i].concept(in: reader.lexicon) else { continue }
                mentions.append(Mention(token: i, concept: concept, isSense: reader.groups[concept] == .sense))
            }
            guard !mentions.isEmpty else {
                // 「…あったけど、今はないです」, "…but that's gone now": takes back the clause before,
                // but not a history: a cancer that is cured, a fall that has healed, still count.
                if let takeBack = clause.tokens.first(where: { tokens[$0].role == .takeBack }) {
                    let range = tokens[takeBack].range
                    for finding in found.statedInLastClause where finding.status == .present && !reader.lasting.contains(finding.concept) {
                        found.add(LineFinding(concept: finding.concept, status: .absent, evidence: text.originalText(range)),
                                  at: range.lowerBound)
                    }
                }
                continue
            }
            found.beginClause()
            assert(&mentions, clauseTokens: clause.tokens, clauseStart: clauseStartPosition, clauseEnd: clause.end)
            // 「父が肺がんでした」, "my mum died of cancer": someone else's history is not the speaker's.
            if clause.tokens.contains(where: { tokens[$0].role == .someoneElse }) {
                mentions.removeAll { aboutSomeoneElse($0.token, clauseStart: clause.tokens.lowerBound) }
                guard !mentions.isEmpty else { continue }
            }
            // 「もし熱が出たら病院に行きます」, "what if it's cancer": a supposition states nothing.
            if opensWithSupposition(clause.tokens, at: clauseStartPosition) { continue }
            if let supposition = clause.tokens.first(where: { tokens[$0].role == .hypothetical }) {
                mentions.removeAll { $0.token > supposition }
                guard !mentions.isEmpty else { continue }
            }
            if clause.isQuestion {
                // What comes before the clause's last comma was said, not asked: "I have chest
                // pain, should I call an ambulance?" Unless the clause opens as a question does.
                guard let comma = clause.tokens.last(where: { tokens[$0].role == .coordinator && tokens[$0].language == nil }),
                      !opensAsQuestion(at: clauseStartPosition) else { continue }
                mentions.removeAll { $0.token > comma }
                guard !mentions.isEmpty else { continue }
            }
            if !spanningParts.isEmpty {
                spanning += mentions.filter { spanningParts.contains($0.concept) && !$0.assertion.negated && !$0.assertion.doubtful }
            }
            combine(&mentions, into: &found, concepts: &foundConcepts)
            for index in mentions.indices where !mentions[index].consumed && !asked.isEmpty {
                let mention = mentions[index]
                let completes = (reader.combinationsByHead[mention.concept] ?? []).first { asked.contains($0.concept) }
                guard let completes, !foundConcepts.contains(completes.concept) else { continue }
                let token = tokens[mention.token]
                guard status(mention.assertion, absentWord: token.saysAbsent) != .present else { continue }
                mentions[index].consumed = true
                foundConcepts.insert(completes.concept)
                found.add(LineFinding(concept: completes.concept, status: status(mention.assertion, absentWord: token.saysAbsent),
                                      evidence: text.originalText(token.range)), at: token.range.lowerBound)
            }
            for mention in mentions where !mention.consumed {
                let token = tokens[mention.token]
                guard reader.groups[mention.concept]?.isReported == true else { continue }
                found.add(LineFinding(concept: mention.concept, status: status(mention.assertion, absentWord: token.saysAbsent),
                                      evidence: text.originalText(token.range)), at: token.range.lowerBound)
            }
        }
        combineAcrossClauses(spanning, into: &found, concepts: &foundConcepts)
        var byConcept: [ConceptID: Int] = [:]
        var ordered: [LineFinding] = []
        func record(_ finding: LineFinding) {
            if let at = byConcept[finding.concept] {
                ordered[at] = finding
            } else {
                byConcept[finding.concept] = ordered.count
                ordered.append(finding)
            }
        }
        for finding in found.inOrder { record(finding) }
        for finding in ordered where finding.status == .present {
            for implied in reader.implications[finding.concept] ?? [] where byConcept[implied] == nil {
                record(LineFinding(concept: implied, status: .present, evidence: finding.evidence))
            }
        }
        return ordered
    }

    func status(_ assertion: Assertion, absentWord: Bool) -> FindingStatus {
        let denied = assertion.negated != absentWord
        if assertion.doubtful { return .unknown }
        if assertion.uncertain { return denied ? .unknown : .present }
        return denied ? .absent : .present
    }

    /// Whether the clause from `position` begins with a supposition word (もし), and not with a
    /// longer word the lexicon knows there (もしかして, a blocker: a guess, not a supposition).
    func opensWithSupposition(_ clauseTokens: Range<Int>, at position: Int) -> Bool {
        let openings = reader.lexicon.suppositionOpenings
        guard !openings.isEmpty else { return false }
        var start = position
        let scalars = text.scalars
        // Past spaces and punctuation, ASCII or Japanese (、。「), and the word that ended the
        // clause before (けど, but), which lies between the two.
        var first = clauseTokens.lowerBound
        while first > 0, tokens[first - 1].range.lowerBound >= position { first -= 1 }
        var breaks = (first..<clauseTokens.upperBound).makeIterator()
        var nextBreak = breaks.next()
        while true {
            while start < scalars.count, (scalars[start] < 0x80 && !Lexicon.isAlphanumeric(scalars[start]))
                    || (0x3000...0x303F).contains(scalars[start]) { start += 1 }
            guard let index = nextBreak, tokens[index].range.lowerBound == start,
                  [.clauseBreak, .conjunction, .sentenceEnd].contains(tokens[index].role)
                    || (tokens[index].role == .coordinator && tokens[index].language == nil) else { break }
            start = tokens[index].range.upperBound
            nextBreak = breaks.next()
        }
        guard start < scalars.count, let opening = openings.first(where: { scalars[start...].starts(with: $0) }) else { return false }
        // Only this clause's own tokens are looked at: a huge line of clauses stays linear.
        return !tokens[first..<clauseTokens.upperBound].contains { $0.range.lowerBound == start && $0.range.count > opening.count }
    }

    /// Whether the text from `position` opens with an English question word ("do I have…",
    /// "could it be…"): then the whole clause is the question.
    func opensAsQuestion(at position: Int) -> Bool {
        var word: [UInt32] = []
        for scalar in text.scalars[position...].drop(while: { !Lexicon.isAlphanumeric($0) && $0 < 0x3000 }) {
            guard Lexicon.isAlphanumeric(scalar) else { break }
            word.append(scalar)
        }
        return Self.questionWords.contains(word)
    }

    static let questionWords: Set<[UInt32]> = Set([
        "do", "does", "did", "is", "are", "am", "was", "were", "could", "can", "should", "would", "will", "have", "has",
        "what", "why", "how", "when", "where", "which", "who", "may", "might", "shall",
    ].map { $0.unicodeScalars.map(\.value) })

    /// Japanese denies after the mention, English before it; mentions joined by a coordinator
    /// (熱も体重減少もない, no fever or chills) share the assertion of their neighbour.
    func assert(_ mentions: inout [Mention], clauseTokens: Range<Int>, clauseStart: Int, clauseEnd: Int) {
        for k in mentions.indices.reversed() where tokens[mentions[k].token].language != .en {
            let from = tokens[mentions[k].token].range.upperBound
            let nextIndex = k + 1 < mentions.count ? k + 1 : nil
            let to = nextIndex.map { tokens[mentions[$0].token].range.lowerBound } ?? clauseEnd
            let between = (mentions[k].token + 1)..<(nextIndex.map { mentions[$0].token } ?? clauseTokens.upperBound)
            let gap = Gap(scan: self, tokens: between, from: from, to: to)
            if gap.negations == 0, !gap.uncertain, let next = nextIndex,
               gap.coordinates(allowingPunctuation: !mentions[k].isSense && !mentions[next].isSense) {
                mentions[k].assertion = mentions[next].assertion
            } else {
                mentions[k].assertion = Assertion(negated: gap.negations % 2 == 1, uncertain: gap.uncertain, doubtful: gap.doubtful)
            }
        }
        for k in mentions.indices where tokens[mentions[k].token].language == .en {
            let to = tokens[mentions[k].token].range.lowerBound
            let previous = k > 0 ? k - 1 : nil
            let from = previous.map { tokens[mentions[$0].token].range.upperBound } ?? clauseStart
            let between = (previous.map { mentions[$0].token + 1 } ?? clauseTokens.lowerBound)..<mentions[k].token
            let gap = Gap(scan: self, tokens: between, from: from, to: to)
            // A denial reaches forward through plain words ("no history of cancer") and lists
            // ("no fever, chills or weight loss"), but not past "and" or a comma between clauses.
            // A word that itself says "absent" ("bladder fine") has its own meaning to keep.
            if gap.negations == 0, !gap.uncertain, let previous, !tokens[mentions[k].token].saysAbsent,
               gap.coordinates(allowingPunctuation: true) || gap.stoppers == 0 {
                mentions[k].assertion = mentions[previous].assertion
            } else {
                var negated = gap.negationsSinceStopper % 2 == 1
                // "I can't bend without pain": a without right after a denied mention asserts what
                // follows it: the pain comes with every bend.
                if negated, gap.stoppers == 0, let previous, mentions[previous].assertion.negated,
                   between.contains(where: { tokens[$0].role == .negation && isWithout(tokens[$0]) }) {
                    negated = false
                }
                mentions[k].assertion = Assertion(negated: negated, uncertain: gap.uncertain, doubtful: gap.doubtful)
            }
        }
    }

    private func isWithout(_ token: Token) -> Bool {
        Array(text.scalars[token.range]) == Self.without
    }

    private static let without = Normalizer.key("without")

    /// Builds combinations around each head mention. A sensation is about the nearest body part
    /// before it (「腰を曲げると痛い」: 腰 is where it hurts), or, with none before, the nearest
    /// after it ("pain in my lower back"), together with the parts joined to it (「腰と足が痛い」);
    /// so in 「胸を張ると腰が痛い」 the pain is the back's, not the chest's. Another sensation
    /// in between takes the part for itself. Other components (movement,
    /// massage, night) are the nearest mention of their kind within reach.
    func combine(_ mentions: inout [Mention], into found: inout FindingsByConcept, concepts: inout Set<ConceptID>) {
        for k in mentions.indices {
            let heads = reader.combinationsByHead[mentions[k].concept] ?? []
            guard !heads.isEmpty else { continue }
            let parts = nearbyParts(to: k, in: mentions)
            for combination in heads {
                var partners: [Int] = []
                for component in combination.components.dropLast() {
                    let partner = reader.groups[component] == .part
                        ? parts.first { mentions[$0].concept == component }
                        : nearest(component, to: k, in: mentions)
                    guard let partner else { break }
                    partners.append(partner)
                }
                guard partners.count == combination.components.count - 1 else { continue }
                let head = tokens[mentions[k].token]
                let lower = partners.map { tokens[mentions[$0].token].range.lowerBound }.min().map { min($0, head.range.lowerBound) }!
                let upper = partners.map { tokens[mentions[$0].token].range.upperBound }.max().map { max($0, head.range.upperBound) }!
                // The parts are said once, as the combination: 「両足がしびれる」 is not also 「しびれ」.
                for partner in partners { mentions[partner].consumed = true }
                mentions[k].consumed = true
                concepts.insert(combination.concept)
                found.add(LineFinding(concept: combination.concept, status: status(mentions[k].assertion, absentWord: head.saysAbsent),
                                      evidence: text.originalText(lower..<upper)), at: lower)
            }
        }
    }

    /// 「整体に行くとその日は楽なんですけど、二、三日で元通りです」: parts stated in order, each in
    /// a later clause or the same, make the combination when no clause made it alone.
    func combineAcrossClauses(_ mentions: [Mention], into found: inout FindingsByConcept, concepts: inout Set<ConceptID>) {
        for combination in reader.combinationsAcrossClauses where !concepts.contains(combination.concept) {
            var chosen: [Mention] = []
            for component in combination.components {
                let after = chosen.last?.token ?? -1
                guard let next = mentions.first(where: { $0.concept == component && $0.token > after }) else { break }
                chosen.append(next)
            }
            guard chosen.count == combination.components.count else { continue }
            let lower = tokens[chosen.first!.token].range.lowerBound, upper = tokens[chosen.last!.token].range.upperBound
            concepts.insert(combination.concept)
            found.add(LineFinding(concept: combination.concept, status: .present, evidence: text.originalText(lower..<upper)), at: lower)
        }
    }

    /// The body parts a sensation at `k` is about: the nearest part before it and those joined to
    /// it, or else the nearest part after it and those joined to that.
    func nearbyParts(to k: Int, in mentions: [Mention]) -> [Int] {
        func isPart(_ j: Int) -> Bool { reader.groups[mentions[j].concept] == .part }
        for direction in [-1, 1] {
            var j = k + direction
            // Another sensation takes the part for itself, unless it is the same one said twice
            // (「しびれて感覚がにぶい」, 「ズキズキ痛む」) with no comma between: in "chest pain,
            // just a sore back" the soreness is not the chest's.
            while j >= 0, j < mentions.count, abs(j - k) <= Reader.combinationReach, !isPart(j),
                  !reader.partTaking.contains(mentions[j].concept)
                  || (mentions[j].concept == mentions[k].concept && !separated(mentions[min(j, k)], mentions[max(j, k)])) {
                j += direction
            }
            guard j >= 0, j < mentions.count, abs(j - k) <= Reader.combinationReach, isPart(j) else { continue }
            var parts = [j]
            var next = j + direction
            while next >= 0, next < mentions.count, isPart(next), joined(mentions[min(next, parts.last!)], mentions[max(next, parts.last!)]) {
                parts.append(next)
                next += direction
            }
            return parts
        }
        return []
    }

    /// Whether the nearest person named before a token in its clause is someone other than the speaker.
    func aboutSomeoneElse(_ token: Int, clauseStart: Int) -> Bool {
        for i in stride(from: token - 1, through: clauseStart, by: -1) {
            if tokens[i].role == .someoneElse { return opensItsPart(i, clauseStart: clauseStart) }
            if tokens[i].role == .speaker { return false }
        }
        return false
    }

    /// Whether the person named at `i` is the subject: nothing of substance before it since the
    /// clause began or since a comma or conjunction ("my dad had a fall", "…and my dad had a fall"),
    /// unlike "lifting my mum in and out of bed wrecks my back".
    private func opensItsPart(_ i: Int, clauseStart: Int) -> Bool {
        for j in stride(from: i - 1, through: clauseStart, by: -1) {
            switch tokens[j].role {
            case .conjunction, .clauseBreak, .sentenceEnd: return true
            case .coordinator where tokens[j].language == nil: return true
            case nil: return false
            default: continue
            }
        }
        return true
    }

    /// Whether a comma or a conjunction stands between two mentions.
    func separated(_ first: Mention, _ second: Mention) -> Bool {
        let from = tokens[first.token].range.upperBound, to = tokens[second.token].range.lowerBound
        return Gap(scan: self, tokens: (first.token + 1)..<second.token, from: from, to: to).stoppers > 0
    }

    /// Whether two neighbouring mentions are joined by と, や, commas, "and" or "or" alone.
    func joined(_ first: Mention, _ second: Mention) -> Bool {
        let from = tokens[first.token].range.upperBound, to = tokens[second.token].range.lowerBound
        let gap = Gap(scan: self, tokens: (first.token + 1)..<second.token, from: from, to: to)
        return gap.negations == 0 && (gap.coordinates(allowingPunctuation: true) || gap.joinsWithConjunctionOnly)
    }

    func nearest(_ concept: ConceptID, to k: Int, in mentions: [Mention]) -> Int? {
        for direction in [-1, 1] {
            var j = k + direction
            while j >= 0, j < mentions.count, abs(j - k) <= Reader.combinationReach {
                if mentions[j].concept == concept { return j }
                j += direction
            }
        }
        return nil
    }

    /// The short answer the line gives, if any. An answer word counts where it opens the line
    /// and stands alone (うん, not うんざり), or where the whole line is a bare answer: answer
    /// words, negation and fillers only. A negation is a "no" only in a bare answer, so that
    /// "I don't understand the question" is not taken for one.
    func answer(hasFindings: Bool) -> Answer? {
        let answerRoles: Set<CueRole> = [.yes, .no, .unknown]
        let bareRoles: Set<CueRole> = [.yes, .no, .unknown, .negation, .filler, .coordinator, .conjunction, .sentenceEnd,
                                       .clauseBreak, .assertion, .uncertain, .doubt, .speaker]
        var roles: [CueRole] = []
        var allCues = true
        for token in tokens where !isHesitation(token) {
            if let role = token.role, bareRoles.contains(role) { roles.append(role) } else { allCues = false }
        }
        let covered = tokens.map { $0.range }
        let isBare = !hasFindings && !tokens.isEmpty && allCues && !Gap.hasUncoveredText(text.scalars, tokens: covered)
        var opening: CueRole?
        if let first = tokens.first, !isHesitation(first), let role = first.role, answerRoles.contains(role) || role == .negation,
           !Gap.hasText(text.scalars, 0..<first.range.lowerBound), standsAlone(first) {
            opening = role
        }
        if !isBare {
            guard let opening else { return nil }
            // "yes to the numbness but no to the rest": a yes that a no follows answers no item
            // as a whole; the items are then asked one at a time.
            if opening == .yes, tokens.dropFirst().contains(where: { $0.role == .no || $0.role == .negation }) { return nil }
            // "no... wait, yes": a no taken back answers nothing.
            if opening != .yes, tokens.dropFirst().contains(where: { $0.role == .yes }) { return nil }
            // "no fever", "no chest pain": the no belongs to the finding it runs into, not to
            // the question (which may be about a fall). "No, no fever" still answers.
            if opening != .yes, tokens.count > 1, tokens[1].role == nil,
               !Gap.hasPause(text.scalars, tokens[0].range.upperBound..<tokens[1].range.lowerBound) { return nil }
            roles = [opening]
        }
        if roles.contains(.unknown) { return .unknown }
        if roles.contains(.no) || opening == .negation { return .no }
        if isBare, roles.filter({ $0 == .negation }).count % 2 == 1 { return .no }
        if roles.contains(.yes) { return .yes }
        return nil
    }

    /// 「うーん」 folds to うん, but drawn out it is a "hmm", not a yes.
    private func isHesitation(_ token: Token) -> Bool {
        guard token.role == .yes, Array(text.scalars[token.range]) == Self.un else { return false }
        return text.originalText(token.range).contains { "ーｰ〜～~".contains($0) }
    }

    private static let un = Normalizer.key("うん")

    /// A Japanese answer word must not run on into more kana or kanji: うん is not うんざり.
    private func standsAlone(_ token: Token) -> Bool {
        let end = token.range.upperBound
        guard end < text.count else { return true }
        let next = text.scalars[end]
        if let nextToken = tokens.first(where: { $0.range.lowerBound == end }), nextToken.role != nil { return true }
        return !Normalizer.isWide(next) || (0x3000...0x303F).contains(next) || (0xFF00...0xFF0F).contains(next)
    }
}

/// A line's findings, one per concept: the last said wins, listed where the concept first came
/// up. Kept as it goes, so that a huge line repeating one word holds one finding, not thousands.
struct FindingsByConcept {
    private var entries: [ConceptID: (first: Int, last: Int, finding: LineFinding, clause: Int)] = [:]
    /// The clause being read, counting those that state something.
    private var clause = 0

    mutating func beginClause() { clause += 1 }

    mutating func add(_ finding: LineFinding, at position: Int) {
        guard let entry = entries[finding.concept] else {
            entries[finding.concept] = (position, position, finding, clause)
            return
        }
        let first = min(entry.first, position)
        entries[finding.concept] = position >= entry.last ? (first, position, finding, clause) : (first, entry.last, entry.finding, entry.clause)
    }

    /// What the last clause that stated anything stated.
    var statedInLastClause: [LineFinding] {
        entries.values.filter { $0.clause == clause && clause > 0 }.sorted { $0.first < $1.first }.map(\.finding)
    }

    var inOrder: [LineFinding] {
        entries.values.sorted { ($0.first, $0.finding.concept) < ($1.first, $1.finding.concept) }.map(\.finding)
    }
}

/// The clauses of a line as token index ranges, each flagged when its sentence is a question and
/// with the folded position where it ends. Made as the loop asks for them, one sentence ahead,
/// so that a huge line of short clauses never holds a list of them all.
struct Clauses: Sequence, IteratorProtocol {
    typealias Clause = (tokens: Range<Int>, isQuestion: Bool, end: Int)

    private let tokens: [Token]
    private let text: [UInt32]
    private var nextToken = 0
    private var clauseStart = 0
    /// The clauses of the sentence being handed out.
    private var sentence: [Clause] = []
    private var handedOut = 0
    private var reachedEnd = false

    init(tokens: [Token], text: [UInt32]) {
        self.tokens = tokens
        self.text = text
    }

    mutating func next() -> Clause? {
        while handedOut == sentence.count {
            if reachedEnd { return nil }
            readSentence()
        }
        defer { handedOut += 1 }
        return sentence[handedOut]
    }

    private mutating func readSentence() {
        sentence.removeAll(keepingCapacity: true)
        handedOut = 0
        while nextToken < tokens.count {
            let i = nextToken
            nextToken += 1
            switch tokens[i].role {
            case .clauseBreak:
                sentence.append((clauseStart..<i, false, tokens[i].range.lowerBound))
                clauseStart = i + 1
            case .sentenceEnd, .question:
                // A question asks only its last clause: 「胸が痛いんですが、救急車を呼ぶべきですか？」
                // states the chest pain.
                sentence.append((clauseStart..<i, tokens[i].role == .question, tokens[i].range.lowerBound))
                clauseStart = i + 1
                return
            default:
                // 「痛くて」「重くて」: a word that took the く of くて still ends its clause at the て.
                if tokens[i].role == nil, endsBeforeTe(i) {
                    sentence.append((clauseStart..<(i + 1), false, tokens[i].range.upperBound))
                    clauseStart = i + 1
                }
            }
        }
        sentence.append((clauseStart..<tokens.count, false, text.count))
        reachedEnd = true
    }

    private func endsBeforeTe(_ i: Int) -> Bool {
        let end = tokens[i].range.upperBound
        return end < text.count && text[end - 1] == Self.ku && text[end] == Self.te
            && (i + 1 == tokens.count || tokens[i + 1].range.lowerBound > end)
    }

    private static let ku = Normalizer.key("く")[0]
    private static let te = Normalizer.key("て")[0]
}
