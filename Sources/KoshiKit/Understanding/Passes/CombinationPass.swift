/// Builds the concepts that are combinations of building blocks said in one clause: a body part
/// and a sensation (「腰が痛い」 is low back pain), a movement and a pain. A sensation is about the
/// nearest body part before it (「腰を曲げると痛い」: 腰 is where it hurts), or, with none before,
/// the nearest after it ("pain in my lower back"), together with the parts joined to it
/// (「腰と足が痛い」); so in 「胸を張ると腰が痛い」 the pain is the back's, not the chest's. Another
/// sensation in between takes the part for itself. Other components (movement, massage, night)
/// are the nearest mention of their kind within reach. Only mentions of one mode combine: what
/// someone else has does not complete what the speaker has.
struct CombinationPass: ReadingPass {
    /// How far, in mentions, a combination looks for its parts; keeps huge lines linear.
    static let reach = 8

    func run(_ reading: inout LineUnderReading) {
        for c in reading.sentence.indices {
            var clause = reading.sentence[c]
            for mode in [MentionMode.stated, .asked, .supposed, .someoneElse, .past] {
                combine(in: &clause, mode: mode, &reading)
            }
            reading.sentence[c] = clause
        }
    }

    /// Whether an only-word stands between two mentions.
    private func onlyBetween(_ first: Mention, _ second: Mention, _ line: ScannedLine) -> Bool {
        ((first.token + 1)..<second.token).contains { line.role(of: $0) == .only }
    }

    private func combine(in clause: inout Clause, mode: MentionMode, _ reading: inout LineUnderReading) {
        let line = reading.line
        let members = clause.mentions.indices.filter { clause.mentions[$0].mode == mode }
        guard !members.isEmpty else { return }
        let mentions = members.map { clause.mentions[$0] }
        for k in mentions.indices {
            let heads = line.concepts.combinationsByHead[mentions[k].concept] ?? []
            guard !heads.isEmpty else { continue }
            let (parts, partsAfter) = nearbyParts(to: k, in: mentions, line)
            for combination in heads {
                var partners: [Int] = []
                for component in combination.components.dropLast() {
                    // "my back hurts, down my right leg": the parts a sensation shares by a comma
                    // are not its own when the part it needs comes after it.
                    let partner = line.concepts.isPart(component)
                        ? parts.first { mentions[$0].concept == component } ?? partsAfter.first { mentions[$0].concept == component }
                        : nearest(component, to: k, in: mentions, line)
                    // "my back started hurting, he didn't lift anything": a movement denied on
                    // its own is no movement that hurts. 「両脚ではなく、右足だけしびれる」: a part
                    // denied on its own, with a comma before the sensation, is not where it is
                    // felt (without one, 「腰に経験したことのない激痛」 denies the experience).
                    guard let partner, !deniedAlone(mentions[partner], head: mentions[k])
                        || (line.concepts.isPart(component) && !separated(mentions[min(partner, k)], mentions[max(partner, k)], line))
                    else { break }
                    // "fine when I'm lying down, only hurts when I bend": an only between turns the
                    // sensation away from a time or a movement said before it.
                    // ("hurts only at night", 「夜だけ痛い」: an only that limits the time keeps it.)
                    if !line.concepts.isPart(component), partner < k, line.tokens[mentions[k].token].language == .en,
                       onlyBetween(mentions[partner], mentions[k], line) { break }
                    partners.append(partner)
                }
                guard partners.count == combination.components.count - 1 else { continue }
                let head = line.tokens[mentions[k].token]
                // 「腰がじんじん痛む」, "a burning, stabbing pain": a sensation said right before the
                // head, with nothing between, only says how it feels: it is part of the combination.
                if let adjacent = describingSensation(before: k, in: mentions, line), !combination.keepsParts {
                    clause.mentions[members[adjacent]].consumed = true
                }
                let ranges = partners.map { line.tokens[mentions[$0].token].range } + [head.range]
                let lower = ranges.map(\.lowerBound).min()!, upper = ranges.map(\.upperBound).max()!
                // The parts are said once, as the combination: 「両足がしびれる」 is not also 「しびれ」.
                // But "no numbness in the legs" denies the numbness too, where the part says so;
                // 「両足のしびれはない」 and "not in both legs" leave one leg open.
                let deniedHeadStays = mentions[k].assertion.negated && partners.contains { partner in
                    (line.concepts.fineDenies[mentions[partner].concept]?.contains(mentions[k].concept) ?? false)
                        && !saysBoth(line.tokens[mentions[partner].token].range, line)
                }
                if !combination.keepsParts {
                    for partner in partners { clause.mentions[members[partner]].consumed = true }
                    if !deniedHeadStays { clause.mentions[members[k]].consumed = true }
                }
                clause.combinations.append(CombinedMention(concept: combination.concept, assertion: mentions[k].assertion,
                                                           absentWord: head.saysAbsent, range: lower..<upper, mode: mode))
                if mode == .stated { reading.combined.insert(combination.concept) }
            }
        }
    }

    /// Whether a part's word says both (両足, "both legs"): a word of `side-of-body` for both in it.
    private func saysBoth(_ range: Range<Int>, _ line: ScannedLine) -> Bool {
        let sides = line.lexicon.cueWords[.sideOfBody]
        return range.contains { i in
            sides.longest(in: line.scalars, at: i).map { $0.entry.value == 4 && $0.end <= range.upperBound } ?? false
        }
    }

    /// Whether a component is denied while the head is not: its denial is its own.
    private func deniedAlone(_ partner: Mention, head: Mention) -> Bool {
        partner.assertion.negated && !head.assertion.negated
    }

    /// A sensation right before the head, touching it: 「じんじん痛む」.
    private func describingSensation(before k: Int, in mentions: [Mention], _ line: ScannedLine) -> Int? {
        guard k > 0, line.concepts.partTaking.contains(mentions[k - 1].concept),
              line.tokens[mentions[k - 1].token].range.upperBound == line.tokens[mentions[k].token].range.lowerBound,
              line.concepts.isSense(mentions[k - 1].concept) || line.concepts.groups[mentions[k - 1].concept] == .redFlag else { return nil }
        return k - 1
    }

    /// The body parts a sensation at `k` is about: the nearest part before it and those joined to
    /// it, or else the nearest part after it and those joined to that; and, when the first were
    /// shared with a sensation before it, the parts right after it, for a part they lack. A sense
    /// whose words lead into its part ("down my" leg) takes only the part after it.
    private func nearbyParts(to k: Int, in mentions: [Mention], _ line: ScannedLine) -> (parts: [Int], after: [Int]) {
        if line.concepts.partAfter.contains(mentions[k].concept) { return (nearbyParts(to: k, in: mentions, line, directions: [1]), []) }
        let before = nearbyParts(to: k, in: mentions, line, directions: [-1, 1])
        let shared = k > 0 && before.first.map { $0 < k - 1 } == true && line.concepts.partTaking.contains(mentions[k - 1].concept)
            && joined(mentions[k - 1], mentions[k], line)
        return (before, shared ? nearbyParts(to: k, in: mentions, line, directions: [1]) : [])
    }

    private func nearbyParts(to k: Int, in mentions: [Mention], _ line: ScannedLine, directions: [Int]) -> [Int] {
        func isPart(_ j: Int) -> Bool { line.concepts.isPart(mentions[j].concept) }
        for direction in directions {
            var j = k + direction
            // Another sensation takes the part for itself, unless it is the same one said twice
            // (「しびれて感覚がにぶい」, 「ズキズキ痛む」) with no comma between: in "chest pain,
            // just a sore back" the soreness is not the chest's.
            while j >= 0, j < mentions.count, abs(j - k) <= Self.reach, !isPart(j),
                  !line.concepts.partTaking.contains(mentions[j].concept)
                  // "no pain down my legs": a path into a part is not a sensation that takes it.
                  || line.concepts.partAfter.contains(mentions[j].concept)
                  || (mentions[j].concept == mentions[k].concept && !separated(mentions[min(j, k)], mentions[max(j, k)], line))
                  || (direction == -1 && j == k - 1 && describingSensation(before: k, in: mentions, line) != nil)
                  // "both legs feel heavy and weak": sensations joined by and share the part.
                  || (direction == -1 && j == k - 1 && joined(mentions[j], mentions[k], line)) {
                j += direction
            }
            guard j >= 0, j < mentions.count, abs(j - k) <= Self.reach, isPart(j) else { continue }
            var parts = [j]
            var next = j + direction
            while next >= 0, next < mentions.count, isPart(next), joined(mentions[min(next, parts.last!)], mentions[max(next, parts.last!)], line) {
                parts.append(next)
                next += direction
            }
            return parts
        }
        return []
    }

    /// The nearest mention of `concept` on either side, unless a word calls it fine in between:
    /// in "only hurts when I sit too long, fine in bed" the bed is not where it hurts.
    private func nearest(_ concept: ConceptID, to k: Int, in mentions: [Mention], _ line: ScannedLine) -> Int? {
        for direction in [-1, 1] {
            var j = k + direction
            while j >= 0, j < mentions.count, abs(j - k) <= Self.reach {
                if mentions[j].concept == concept {
                    let between = (min(mentions[j].token, mentions[k].token) + 1)..<max(mentions[j].token, mentions[k].token)
                    if between.contains(where: { line.role(of: $0) == .normal }) { break }
                    return j
                }
                j += direction
            }
        }
        return nil
    }

    /// Whether a comma or a conjunction stands between two mentions.
    private func separated(_ first: Mention, _ second: Mention, _ line: ScannedLine) -> Bool {
        let from = line.tokens[first.token].range.upperBound, to = line.tokens[second.token].range.lowerBound
        return Gap(line: line, tokens: (first.token + 1)..<second.token, from: from, to: to).stoppers > 0
    }

    /// Whether two neighbouring mentions are joined by と, や, commas, "and" or "or" alone.
    private func joined(_ first: Mention, _ second: Mention, _ line: ScannedLine) -> Bool {
        let from = line.tokens[first.token].range.upperBound, to = line.tokens[second.token].range.lowerBound
        let gap = Gap(line: line, tokens: (first.token + 1)..<second.token, from: from, to: to)
        return gap.negations == 0 && (gap.coordinates(allowingPunctuation: true) || gap.joinsWithConjunctionOnly)
    }
}
