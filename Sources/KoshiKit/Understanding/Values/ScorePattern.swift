/// Pain scores on a scale of ten: 7/10, "seven out of ten", 10段階で7, 「一番痛いのを10とすると8」.
enum ScorePattern {
    /// After a 10: the scale's anchor, then the score (10段階で7).
    static func scoreAfterTen(at start: Int, _ scan: ValueScan) -> (value: Double, end: Int)? {
        guard let (_, after) = scan.word(.scaleAnchor, at: start),
              let (value, end) = NumberReader.read(at: scan.reader.afterSpaces(after), scan), value <= 10 else { return nil }
        return (value, end)
    }

    /// After a score: "/10", "out of 10", "of ten"; where it ends.
    static func outOfTen(at start: Int, _ scan: ValueScan) -> Int? {
        var i = scan.reader.afterSpaces(start)
        if scan.reader.scalar(at: i) == .slash {
            i = scan.reader.afterSpaces(i + 1)
        } else if let (_, after) = scan.word(.outOf, at: i) {
            i = scan.reader.afterSpaces(after)
        } else {
            return nil
        }
        guard let (ten, end) = NumberReader.read(at: i, scan), ten == 10 else { return nil }
        return end
    }
}

/// Ages after their number: 62歳, 40代 (counted as 45), "62 years old", "a 62-year-old", "45 yo";
/// not someone else's ("my 3-year-old", "a 10 year old dog", 「2歳の息子」).
enum AgeAfterNumber {
    static func read(_ value: Double, from start: Int, at end: Int, _ scan: inout ValueScan) -> Int? {
        if let (_, after) = scan.word(.ageUnit, at: end) {
            if !isSomeoneElses(after: after, scan) { scan.add(.age, value, start..<after) }
            return after
        }
        if let (_, after) = scan.word(.decade, at: end), value >= 10, value.truncatingRemainder(dividingBy: 10) == 0 {
            scan.add(.age, value + 5, start..<after)
            return after
        }
        return nil
    }

    /// "45 yo", "45 y/o": short forms right after the number.
    static func readShort(_ value: Double, from start: Int, at end: Int, _ scan: inout ValueScan) -> Int? {
        guard let (_, after) = scan.word(.ageSuffix, afterSpacesFrom: end) else { return nil }
        scan.add(.age, value, start..<after)
        return after
    }

    /// "62 years old" after the unit: the speaker's age unless someone else owns it.
    static func readEnglish(_ value: Double, from start: Int, afterUnit: Int, _ scan: inout ValueScan) -> Int? {
        guard let afterOld = scan.englishWord(.yearsOld, at: afterUnit) else { return nil }
        let before = scan.reader.englishWord(before: start)
        let owner = before.map { scan.words[.owner].contains($0) } ?? false
        let aged = scan.reader.englishWord(at: scan.reader.afterSpaces(afterOld)).map { scan.words[.agedPerson].contains($0.word) } ?? false
        // "I've got a 2 year old I carry around": a child; "I'm a 45 year old" and a line that
        // opens "a 62-year-old with…" are the speaker.
        let someone = before.map { scan.words[.articleNumber].contains($0) } ?? false
        let wordBeforeArticle = someone ? scan.reader.englishWord(before: scan.reader.beforeSpaces(start) - before!.count) : nil
        let speaker = someone && (wordBeforeArticle.map { scan.words[.agePrefix].contains($0) } ?? true)
        if !owner, !aged, !someone || speaker { scan.add(.age, value, start..<afterOld) }
        return afterOld
    }

    /// 「2歳の息子」: an age followed by の and a person other than the speaker.
    private static func isSomeoneElses(after end: Int, _ scan: ValueScan) -> Bool {
        guard let (_, afterParticle) = scan.word(.possessiveParticle, at: scan.reader.afterSpaces(end)) else { return false }
        return scan.words[.agedPerson].longest(in: scan.scalars, at: afterParticle) != nil
    }
}
