/// Both legs told one side at a time: 「右足がしびれてたんやけど、きのうから左もしびれてきた」, "my
/// left leg went numb and now my right one's going too", 「足がしびれる、両方」. A side word (右,
/// left, the other one) takes the first finding of one side (`both-sides-of`) after it in its
/// clause, or, with "too" / も and no finding of its own, the one said before; a word for both
/// (両方, どっちも, both) takes the finding said before it. Left and right, a side and the other,
/// or a word for both, each with a stated finding, make the concept (both legs affected).
/// `BothSidesConclusionPass` decides once the whole line is read.
struct BothSidesPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        guard !line.concepts.bothSides.isEmpty else { return }
        for clause in reading.sentence {
            let findings = sideFindings(in: clause, line)
            var marks = sideWords(in: clause, line)
            marks.sort { $0.position < $1.position }
            for (n, mark) in marks.enumerated() {
                let limit = n + 1 < marks.count ? marks[n + 1].position : clause.end
                let own = findings.first { $0.position > mark.position && $0.position < limit }
                // The finding said before the side word, in its clause or an earlier one.
                let before = findings.last(where: { $0.position < mark.position })?.concept ?? reading.bothSides.lastFinding
                let concept = own?.concept ?? (mark.kind == .both || saysToo(mark.position..<limit, line) ? before : nil)
                guard let concept else { continue }
                reading.bothSides.record(mark.kind, concept: concept, at: mark.position)
            }
            if let last = findings.last { reading.bothSides.lastFinding = last.concept }
        }
    }

    /// The stated, undenied findings of one side in a clause (numbness, weakness), with where.
    private func sideFindings(in clause: Clause, _ line: ScannedLine) -> [(concept: ConceptID, position: Int)] {
        let oneSide = line.concepts.oneSideFindings
        var found: [(ConceptID, Int)] = []
        for mention in clause.mentions where mention.mode == .stated && oneSide.contains(mention.concept)
            && mention.assertion.status(absentWord: line.tokens[mention.token].saysAbsent) == .present {
            found.append((mention.concept, line.tokens[mention.token].range.lowerBound))
        }
        for combination in clause.combinations where combination.mode == .stated && oneSide.contains(combination.concept)
            && combination.assertion.status(absentWord: combination.absentWord) == .present {
            found.append((combination.concept, combination.range.upperBound - 1))
        }
        return found.sorted { $0.1 < $1.1 }
    }

    /// The side words of a clause: inside a leg's word (右足) or standing before a finding (左も).
    private func sideWords(in clause: Clause, _ line: ScannedLine) -> [SideMark] {
        let words = line.lexicon.cueWords[.sideOfBody]
        var marks: [SideMark] = []
        var i = clause.start
        while i < clause.end {
            guard let (entry, end) = words.longest(in: line.scalars, at: i), end <= clause.end,
                  !line.scalars[i].isLatinLetter || (line.cursor.isWordStart(i) && (end == line.scalars.count || !line.scalars[end].isLatinLetter)),
                  let kind = SideMark.Kind(rawValue: Int(entry.value)), !namesAnotherPart(after: end, clause, line) else {
                i += 1
                continue
            }
            marks.append(SideMark(kind: kind, position: i))
            i = end
        }
        return marks
    }

    /// Whether the part right after a side word is not a leg: 右の腰, "right shoulder".
    private func namesAnotherPart(after end: Int, _ clause: Clause, _ line: ScannedLine) -> Bool {
        guard let next = clause.mentions.first(where: { line.tokens[$0.token].range.upperBound > end }) else { return false }
        let range = line.tokens[next.token].range
        guard range.lowerBound - end <= 3, line.concepts.isPart(next.concept) else { return false }
        return line.concepts.fineDenies[next.concept].map { Set($0).isDisjoint(with: line.concepts.oneSideFindings) } ?? true
    }

    /// "too", "also", も: the side has what was said before. Japanese says it at once (左も, 右足も),
    /// so that the も of 何ともない is no "too".
    private func saysToo(_ range: Range<Int>, _ line: ScannedLine) -> Bool {
        let words = line.lexicon.cueWords[.too]
        return range.contains { i in
            guard let (entry, end) = words.longest(in: line.scalars, at: i), end <= range.upperBound else { return false }
            return !entry.key[0].isWide || i - range.lowerBound <= 3
        }
    }
}

/// A side word found in a clause: left, right, the other one, or both.
struct SideMark {
    enum Kind: Int {
        case left = 1, right = 2, other = 3, both = 4
    }
    var kind: Kind
    var position: Int
}

/// What the line has said of each side, kept across its sentences for `BothSidesConclusionPass`.
struct SidesSaid {
    var kinds: [ConceptID: Set<SideMark.Kind>] = [:]
    var positions: [ConceptID: Int] = [:]
    var lastFinding: ConceptID?

    mutating func record(_ kind: SideMark.Kind, concept: ConceptID, at position: Int) {
        kinds[concept, default: []].insert(kind)
        positions[concept] = max(positions[concept] ?? 0, position)
    }
}

/// Both sides said, each with a finding: the concept of both (`both-sides-of`), unless the line
/// said something of it itself.
struct BothSidesConclusionPass: LinePass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for (concept, sides) in line.concepts.bothSides where !reading.findings.contains(concept) {
            for part in sides {
                guard let kinds = reading.bothSides.kinds[part] else { continue }
                let both = kinds.contains(.both) || (kinds.contains(.left) && kinds.contains(.right))
                    || (kinds.contains(.other) && (kinds.contains(.left) || kinds.contains(.right)))
                guard both, let position = reading.bothSides.positions[part] else { continue }
                reading.findings.add(LineFinding(concept: concept, status: .present, evidence: line.original(position..<(position + 1))),
                                     at: position, clause: 0)
                break
            }
        }
    }
}
