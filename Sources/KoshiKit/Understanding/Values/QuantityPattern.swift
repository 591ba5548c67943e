/// A number and what follows it: a scale's score (10段階で7), an age (62歳), a duration (3日), a
/// score out of ten (7/10), a short age (45 yo), or else a bare number, whose meaning the
/// question just asked gives. A range keeps its longer end: 2〜3日, 2、3日, two or three weeks.
enum QuantityPattern {
    static func read(at start: Int, _ scan: inout ValueScan) -> Int? {
        guard scan.reader.isWordStart(start), var (value, end) = NumberReader.read(at: start, scan) else { return nil }
        // "-5 years", "−3": a negative number is no age, duration or score. (A range's dash
        // follows a number: 2-3 days.)
        // Its "/10" goes with it: "pain -3/10" gives no score of 10.
        if isNegative(start, scan) { return ScorePattern.outOfTen(at: end, scan) ?? end }
        if let (second, after) = NumberReader.readRangeEnd(at: end, scan), second > value {
            value = second
            end = after
        }
        if value == 10, let (score, after) = ScorePattern.scoreAfterTen(at: end, scan) {
            scan.add(.painIntensity, score, start..<after)
            return after
        }
        if let after = AgeAfterNumber.read(value, from: start, at: end, &scan) { return after }
        if let unit = DurationPattern.japaneseUnit(at: end, scan) {
            return DurationPattern.readJapanese(value, from: start, unit: unit, &scan)
        }
        if let unit = DurationPattern.englishUnit(at: end, scan) {
            return DurationPattern.readEnglish(value, from: start, unit: unit, &scan)
        }
        if let after = ScorePattern.outOfTen(at: end, scan) {
            scan.add(.painIntensity, value, start..<after)
            return after
        }
        if let after = AgeAfterNumber.readShort(value, from: start, at: end, &scan) { return after }
        return BareNumber.read(value, from: start, to: end, &scan)
    }
}

extension QuantityPattern {
    static func isNegative(_ start: Int, _ scan: ValueScan) -> Bool {
        guard start > 0, scan.scalars[start - 1] == .hyphen || scan.scalars[start - 1] == .minusSign else { return false }
        return start == 1 || !scan.scalars[start - 2].isWordCharacter
    }
}

/// A number with no unit: 「5です」, "62", 「7くらい」, 「5点」. A kanji numeral inside a word is no
/// number (一時的, 一度, 一番, 二の次), unless it is an ordinal (二番目).
enum BareNumber {
    static func read(_ value: Double, from start: Int, to end: Int, _ scan: inout ValueScan) -> Int {
        let isEnglishWord = scan.scalars[start].isLatinLetter
        guard value == value.rounded(), NumberReader.isDigitLike(at: start, scan) || isEnglishWord else { return end }
        if NumberReader.isKanjiNumeral(at: start, scan), scan.word(.ordinalSuffix, at: end) == nil,
           (end < scan.scalars.count && (scan.scalars[end].isKanji || scan.word(.possessiveParticle, at: end) != nil))
            || (start > 0 && scan.scalars[start - 1].isKanji) {
            return end
        }
        var stop = end
        if let (_, after) = scan.word(.approximately, afterSpacesFrom: end) {
            stop = after
        } else if let (_, after) = scan.word(.scorePoint, at: end) {
            stop = after
        }
        scan.add(.bare, value, start..<stop)
        return stop
    }
}
