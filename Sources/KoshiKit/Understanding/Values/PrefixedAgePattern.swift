/// Ages named before their number or by a name: "I'm 62", "aged 70", "I just turned 70",
/// 年齢は62, 還暦 (60). (Ages after their number, 62歳 and "62 years old", are `AgeAfterNumber`.)
enum PrefixedAgePattern {
    static func read(at i: Int, _ scan: inout ValueScan) -> Int? {
        if let (entry, end) = scan.words[.namedAge].longest(in: scan.scalars, at: i) {
            scan.add(.age, entry.value, i..<end)
            return end
        }
        guard scan.reader.isWordStart(i) else { return nil }
        for (_, after) in scan.words[.agePrefix].all(in: scan.scalars, at: i) {
            if scan.scalars[i].isLatinLetter {
                if let stop = readEnglishAge(from: i, after: after, &scan) { return stop }
            } else if let stop = readJapaneseAge(from: i, after: after, &scan) {
                return stop
            }
        }
        return nil
    }

    private static func readEnglishAge(from start: Int, after: Int, _ scan: inout ValueScan) -> Int? {
        let reader = scan.reader
        if let next = reader.scalar(at: after), next.isLetterOrApostrophe { return nil }
        var position = reader.afterSpaces(after)
        if reader.scalar(at: position) == .colon { position = reader.afterSpaces(position + 1) }
        guard let (value, end) = NumberReader.read(at: position, scan), value >= 1, value <= 120, value == value.rounded() else { return nil }
        let yearsOld = yearsOldEnd(after: end, scan)
        guard DurationPattern.englishUnit(at: end, scan) == nil || yearsOld != nil, ScorePattern.outOfTen(at: end, scan) == nil else { return nil }
        let stop = yearsOld ?? end
        scan.add(.age, value, start..<stop)
        return stop
    }

    /// 年齢は62 only where it cannot be 今年は or 去年は: no kanji before it.
    private static func readJapaneseAge(from start: Int, after: Int, _ scan: inout ValueScan) -> Int? {
        guard start == 0 || !scan.scalars[start - 1].isKanji else { return nil }
        guard let (value, end) = NumberReader.read(at: scan.reader.afterSpaces(after), scan), value >= 1, value <= 120,
              value == value.rounded(), DurationPattern.japaneseUnit(at: end, scan) == nil else { return nil }
        let stop = scan.word(.ageUnit, at: end)?.end ?? end
        scan.add(.age, value, start..<stop)
        return stop
    }

    /// Where "years old" or "year old" after a number ends.
    static func yearsOldEnd(after end: Int, _ scan: ValueScan) -> Int? {
        guard let (unit, afterUnit) = DurationPattern.englishUnit(at: end, scan), unit == 365 else { return nil }
        return scan.englishWord(.yearsOld, at: afterUnit)
    }
}
