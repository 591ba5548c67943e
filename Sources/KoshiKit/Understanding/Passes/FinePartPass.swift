/// A body part said to be fine denies what could be wrong with it: 「股のへんは普通やで」 denies
/// saddle numbness, 「足は両方ともなんともない」 and "legs are fine" deny leg numbness and weakness,
/// "fine in bed" denies night pain (the part's `fine-denies`). A part is "said to be fine" when it
/// stands bare (no sensation of its clause combined with it, no other mention between) and a word
/// of `normal` follows it (平気, 普通, なんともない, fine, ok), or, for a body part proper, when a
/// denial follows it with only particles between (「足は大丈夫」) or, in English, comes just before
/// it ("nothing down the legs", "no leg stuff"). English also says "fine in bed".
/// The denials are kept aside for `FineDenialPass`: what else the line says of them wins.
struct FinePartPass: ReadingPass {
    /// How much may stand between a part and the word that calls it fine: a copula, a particle.
    static let reach = (english: 12, japanese: 3)

    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        guard !line.concepts.fineDenies.isEmpty else { return }
        for c in reading.sentence.indices {
            let clause = reading.sentence[c]
            for k in clause.mentions.indices {
                let mention = clause.mentions[k]
                guard mention.mode == .stated, !mention.consumed, var denied = line.concepts.fineDenies[mention.concept],
                      let word = fineWord(for: k, in: clause, line) ?? plainDenial(for: k, in: clause, line) else { continue }
                let part = line.tokens[mention.token].range
                // 「右足は大丈夫」: one side is fine; the other may not be.
                if namesOneSide(part, line) { denied = line.concepts.fineOneSide[mention.concept] ?? [] }
                // "no leg stuff", "nothing down the legs": a plain denial denies the part's first
                // finding, what a part is asked about; a word that calls it fine denies them all.
                else if fineWord(for: k, in: clause, line) == nil { denied = Array(denied.prefix(1)) }
                let range = min(part.lowerBound, word.lowerBound)..<max(part.upperBound, word.upperBound)
                reading.sentence[c].mentions[k].consumed = true
                for concept in denied {
                    reading.fineDenials.append((LineFinding(concept: concept, status: .absent, evidence: line.original(range)), range.lowerBound))
                }
            }
        }
    }

    /// The `normal` word that says the mention at `k` is fine: after it, before the next mention
    /// (「股のへんは普通」, "legs are fine"); or, in English, just before it ("fine in bed").
    private func fineWord(for k: Int, in clause: Clause, _ line: ScannedLine) -> Range<Int>? {
        let token = clause.mentions[k].token
        let english = line.tokens[token].language == .en
        let next = k + 1 < clause.mentions.count ? clause.mentions[k + 1].token : clause.tokens.upperBound
        if let after = ((token + 1)..<next).first(where: { line.role(of: $0) == .normal }),
           !english || closeEnough(token, after, line) {
            return line.tokens[after].range
        }
        let previous = k > 0 ? clause.mentions[k - 1].token + 1 : clause.tokens.lowerBound
        guard english, let before = (previous..<token).last(where: { line.role(of: $0) == .normal }),
              closeEnough(before, token, line, allowingWhen: true) else { return nil }
        return line.tokens[before].range
    }

    /// A denial of a bare body part: 「足は大丈夫」 (only particles between), "nothing down the legs".
    private func plainDenial(for k: Int, in clause: Clause, _ line: ScannedLine) -> Range<Int>? {
        let mention = clause.mentions[k]
        guard line.concepts.isPart(mention.concept), !mention.assertion.uncertain else { return nil }
        let token = mention.token
        if line.tokens[token].language == .en {
            let previous = k > 0 ? clause.mentions[k - 1].token + 1 : clause.tokens.lowerBound
            guard let denial = (previous..<token).last(where: { line.role(of: $0) == .negation }), closeEnough(denial, token, line)
            else { return nil }
            return line.tokens[denial].range
        }
        let next = k + 1 < clause.mentions.count ? clause.mentions[k + 1].token : clause.tokens.upperBound
        guard token + 1 < next, line.role(of: token + 1) == .negation,
              line.tokens[token + 1].range.lowerBound - line.tokens[token].range.upperBound <= Self.reach.japanese else { return nil }
        return line.tokens[token + 1].range
    }

    /// Whether a part's word names one side (右足, "left leg"): a word of `side` inside it.
    private func namesOneSide(_ range: Range<Int>, _ line: ScannedLine) -> Bool {
        let sides = line.lexicon.cueWords[.side]
        return range.contains { sides.longest(in: line.scalars, at: $0).map { $0.end <= range.upperBound } ?? false }
    }

    /// Whether two tokens stand close, with no word of the lexicon between but small ones (the,
    /// my): "legs are fine", "nothing in the legs".
    private func closeEnough(_ first: Int, _ second: Int, _ line: ScannedLine, allowingWhen: Bool = false) -> Bool {
        let gap = line.tokens[first].range.upperBound..<line.tokens[second].range.lowerBound
        let between = (first + 1)..<second
        // "fine when I'm lying down": a when between a fine and the time it is fine at (after a
        // part, "back then I was fine" is no fine back).
        let allowed: Set<CueRole> = allowingWhen ? [.filler, .speaker, .thirdPerson, .conjunction] : [.filler, .speaker, .thirdPerson]
        return between.allSatisfy { line.role(of: $0).map(allowed.contains) ?? false } && gap.count <= Self.reach.english
    }
}

/// Adds the denials of parts said to be fine, for the concepts the line says nothing else of:
/// in 「左足だけしびれて、右足は大丈夫です」 the left leg's numbness stands.
struct FineDenialPass: LinePass {
    func run(_ reading: inout LineUnderReading) {
        for (finding, position) in reading.fineDenials where !reading.findings.contains(finding.concept) {
            reading.findings.add(finding, at: position, clause: 0)
        }
    }
}
