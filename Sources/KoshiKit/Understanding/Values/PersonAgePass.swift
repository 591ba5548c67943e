/// Ages bound to a person: 母は82です, 父(72), 78歳の母, "my mum is 82", "Dad's 68", "he's 78",
/// "my 78 year old dad", and the speaker's own (わたしは36です). When the speaker writes for
/// someone else, the patient's age is theirs and the speaker's own is dropped; otherwise an age
/// bound to someone else ("2歳は息子の年です") is dropped and the speaker's own wins.
struct PersonAgePass: LinePass {
    /// An age said of a person, and whose.
    struct BoundAge {
        var value: Int
        var range: Range<Int>
        var owner: Owner
    }

    enum Owner: Equatable {
        case speaker
        case pronoun
        case kin([UInt32]?)
    }

    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        let ages = boundAges(line)
        let patient = reading.patient
        let isPatients: (Owner) -> Bool = { owner in
            switch owner {
            case .speaker: !patient.isSomeoneElse
            case .pronoun: patient.isSomeoneElse
            case .kin(let kin): patient.isSomeoneElse && (patient.kin == nil || kin == nil || kin == patient.kin)
            }
        }
        if let age = ages.first(where: { isPatients($0.owner) }) {
            reading.values[.age] = LineValue(value: age.value, evidence: line.original(age.range))
        } else if patient.isSomeoneElse, reading.values[.age] == nil, let bare = bareAge(reading) {
            // 「父が腰が痛いと言ってます、78です」: a grown-up's age said on its own.
            reading.values[.age] = LineValue(value: bare.value, evidence: line.original(bare.range))
        } else if let current = reading.values[.age], let age = ages.first(where: { line.original($0.range).contains(current.evidence) }),
                  !isPatients(age.owner) {
            // 「2歳は息子の年です」, and from a carer "I'm 45": not the patient's age.
            reading.values[.age] = nil
        }
    }

    /// A bare number of a grown-up's age that a line gives as a statement of its own: 「78です」.
    private func bareAge(_ reading: LineUnderReading) -> QuantityMention? {
        let line = reading.line
        return reading.bareNumbers.first { number in
            guard (20...110).contains(number.value) else { return false }
            let after = line.cursor.afterSpaces(number.range.upperBound)
            return after == line.scalars.count || line.lexicon.cueWords[.notHowSoon].longest(in: line.scalars, at: after) != nil
        }
    }

    /// Every age in the line said of a person.
    private func boundAges(_ line: ScannedLine) -> [BoundAge] {
        let kinWords = line.lexicon.cueWords[.kin]
        var ages: [BoundAge] = []
        for token in line.tokens {
            let owner: Owner
            switch token.role {
            case .speaker: owner = .speaker
            case .thirdPerson: owner = .pronoun
            case .someoneElse: owner = .kin(Patient.kin(in: token.range, line, kinWords))
            default: continue
            }
            if let (value, end) = ageAfter(token.range.upperBound, line) {
                ages.append(BoundAge(value: value, range: token.range.lowerBound..<end, owner: owner))
            }
        }
        // 78歳の母, 父(72) without a particle: a kin word the lexicon has no person's word for.
        for start in line.scalars.indices where line.scalars[start].isWide {
            guard let (entry, end) = kinWords.longest(in: line.scalars, at: start),
                  !line.tokens.contains(where: { $0.range.contains(start) && ($0.role == .someoneElse) }) else { continue }
            if let (value, stop) = ageAfter(end, line, bracketOnly: true) {
                ages.append(BoundAge(value: value, range: start..<stop, owner: .kin(entry.key)))
            } else if let (value, from) = ageBefore(start, line) {
                ages.append(BoundAge(value: value, range: from..<end, owner: .kin(entry.key)))
            }
        }
        return ages.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A number that is an age right after a person: は82です, (72), " is 82", "'s 68".
    private func ageAfter(_ position: Int, _ line: ScannedLine, bracketOnly: Bool = false) -> (Int, Int)? {
        let reader = line.cursor
        var i = reader.afterSpaces(position)
        let links = line.lexicon.cueWords[.ageLink]
        if i < line.scalars.count, line.scalars[i] == .openParenthesis {
            i = reader.afterSpaces(i + 1)
        } else if bracketOnly {
            return nil
        } else if let (_, after) = links.longest(in: line.scalars, at: i),
                  !(line.scalars[i].isLatinLetter && !reader.isWordStart(i)) {
            i = reader.afterSpaces(after)
        } else if !(position >= 2 && line.scalars[position - 2] == .apostrophe) {
            // English says it straight after a person's 's or 'm: "Dad's 68", "I'm 45" (not "my 3-year-old").
            return nil
        }
        let scan = ValueScan(reader: reader, words: line.lexicon.cueWords, sentenceEnds: [])
        guard i < line.scalars.count, line.scalars[i].isDigit || NumberReader.isKanjiNumeral(at: i, scan),
              let (value, end) = NumberReader.read(at: i, scan), value >= 1, value <= 120, value == value.rounded(),
              DurationPattern.japaneseUnit(at: end, scan) == nil, DurationPattern.englishUnit(at: end, scan) == nil
                || PrefixedAgePattern.yearsOldEnd(after: end, scan) != nil,
              ScorePattern.outOfTen(at: end, scan) == nil else { return nil }
        var stop = end
        if let (_, after) = scan.word(.ageUnit, at: end) { stop = after }
        return (Int(value), stop)
    }

    /// An age right before a kin word: 78歳の母, 82の母.
    private func ageBefore(_ position: Int, _ line: ScannedLine) -> (Int, Int)? {
        let scan = ValueScan(reader: line.cursor, words: line.lexicon.cueWords, sentenceEnds: [])
        guard position >= 2, scan.words[.possessiveParticle].contains([line.scalars[position - 1]]) else { return nil }
        var end = position - 1
        var start = end
        if start > 0, scan.words[.ageUnit].contains([line.scalars[start - 1]]) { start -= 1; end = start }
        while start > 0, line.scalars[start - 1].isDigit { start -= 1 }
        guard start < end, let (value, stop) = NumberReader.read(at: start, scan), stop == end, value >= 1, value <= 120 else { return nil }
        return (Int(value), start)
    }
}
