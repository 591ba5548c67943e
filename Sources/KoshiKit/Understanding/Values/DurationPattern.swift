/// How long the pain has lasted, as a number and a unit: 三日, 二週間, 1年半, "3 days", "a
/// fortnight", "2wks"; not a rate (1日中, 2日おき, "twice a day"), a date (3月5日), a year of
/// birth or of an era (昭和35年), how far along a pregnancy is (妊娠6ヶ月), or hours that are not
/// "ago" (8 hours a day).
enum DurationPattern {
    /// A Japanese unit right after the number: its days and where it ends.
    static func japaneseUnit(at end: Int, _ scan: ValueScan) -> (days: Double, end: Int)? {
        guard let c = scan.reader.scalar(at: end), c.isWide,
              let (entry, after) = scan.words[.unit].longest(in: scan.scalars, at: end) else { return nil }
        return (entry.value, after)
    }

    /// An English unit after the number: "3 days", "3-day", and glued to it: "2wks", "3days".
    static func englishUnit(at end: Int, _ scan: ValueScan) -> (days: Double, end: Int)? {
        let reader = scan.reader
        var i = reader.afterSpaces(end)
        if reader.scalar(at: i) == .hyphen { i += 1 }
        let word: (word: [UInt32], end: Int)?
        if let found = reader.englishWord(at: i) {
            word = found
        } else if i == end, end > 0, scan.scalars[end - 1].isDigit {
            var j = i
            while j < scan.scalars.count, scan.scalars[j].isLatinLetter { j += 1 }
            word = j > i ? (Array(scan.scalars[i..<j]), j) : nil
        } else {
            word = nil
        }
        guard let (unitWord, after) = word, let days = scan.words[.unit].value(of: unitWord) else { return nil }
        // "a 62-year-old": the unit ends before "-old", which `AgeAfterNumber` reads.
        var stop = after
        if stop < scan.scalars.count, scan.scalars[stop] == .hyphen, scan.englishWord(.yearsOld, at: stop + 1) != nil {
            stop = reader.afterSpaces(stop + 1)
        }
        return (days, stop)
    }

    /// A Japanese duration at `start`, the number read up to `end`; where the reading stops.
    static func readJapanese(_ value: Double, from start: Int, unit: (days: Double, end: Int), _ scan: inout ValueScan) -> Int {
        var total = value * unit.days
        var stop = unit.end
        if let (half, afterHalf) = scan.word(.half, at: stop) {
            total += unit.days * half.value
            stop = afterHalf
        }
        let isYear = unit.days >= 365, isDay = unit.days == 1, isHour = unit.days == 0
        // 「仕事を1週間休みました」: time off, not how long it has hurt.
        if scan.word(.timeOff, at: stop) != nil { return stop }
        if isRate(at: stop, scan) || (isYear && (value >= 1900 || scan.word(.born, at: stop) != nil || scan.follows(.era, before: start)))
            || (isDay && start > 0 && scan.words[.dateMonth].contains([scan.scalars[start - 1]]))
            || followsLifeEvent(start, scan) || (isHour && scan.word(.ago, at: stop) == nil) {
            return stop
        }
        scan.add(.durationDays, total, start..<stop)
        return stop
    }

    /// An English duration; ages ("62 years old") are read here too, as the unit comes first.
    static func readEnglish(_ value: Double, from start: Int, unit: (days: Double, end: Int), _ scan: inout ValueScan) -> Int {
        if let afterOld = AgeAfterNumber.readEnglish(value, from: start, afterUnit: unit.end, &scan) { return afterOld }
        var total = value * unit.days
        var stop = unit.end
        if let (half, afterHalf) = scan.word(.andAHalf, afterSpacesFrom: stop) {
            total += unit.days * half.value
            stop = afterHalf
        }
        let isHour = unit.days == 0
        // "take two days off work", "a week off": time off, not how long it has hurt.
        if scan.englishWord(.timeOff, at: stop) != nil { return stop }
        if isEnglishRate(before: start, scan) || (isHour && scan.englishWord(.ago, at: stop) == nil) { return stop }
        // "six months pregnant", "had my baby 5 months ago": not how long the back has hurt.
        if scan.englishWord(.lifeEventAfter, at: stop) != nil || followsLifeEvent(start, scan) { return stop }
        scan.add(.durationDays, total, start..<stop)
        return stop
    }

    /// 1日中 (all day), 1日に3回, 2日おき: a rate or a span of the day. に is a rate only before a
    /// count: 1日に3回, but 「もう10年になります」 is a duration.
    private static func isRate(at i: Int, _ scan: ValueScan) -> Bool {
        if let (_, after) = scan.word(.rateTo, at: i) {
            return NumberReader.isDigitLike(at: after, scan) || scan.words[.rateCount].longest(in: scan.scalars, at: after) != nil
        }
        return scan.words[.rateAfter].longest(in: scan.scalars, at: i) != nil || NumberReader.isDigitLike(at: i, scan)
    }

    /// "every few months", "per week", "twice a day", "8 hours a day": a frequency or a rate.
    private static func isEnglishRate(before start: Int, _ scan: ValueScan) -> Bool {
        guard let previous = scan.reader.englishWord(before: start) else { return false }
        if scan.words[.rateBefore].contains(previous) { return true }
        let startsWithArticle = scan.reader.englishWord(at: start).map { scan.words[.articleNumber].contains($0.word) } ?? false
        return scan.words[.rateA].contains(previous) && startsWithArticle
    }

    /// 妊娠6ヶ月, 産後4ヶ月, "had my baby 5 months ago": a life event just before the number.
    private static func followsLifeEvent(_ start: Int, _ scan: ValueScan) -> Bool {
        let end = scan.reader.beforeSpaces(start)
        guard let entry = scan.words[.lifeEvent].longest(in: scan.scalars, endingAt: end) else { return false }
        let wordStart = end - entry.key.count
        return !entry.key[0].isLatinLetter || scan.reader.isWordStart(wordStart)
    }
}
