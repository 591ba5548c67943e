/// Reads a number at a position: Arabic digits (with a decimal point), kanji numerals that
/// compose (二十三, 三百), 数 (several) and 半 (half), and English number words (twenty-one, a
/// couple of, a few, half a, one and a half); and a range's second number (2〜3, two or three).
enum NumberReader {
    static func mayStart(at i: Int, _ scan: ValueScan) -> Bool {
        let c = scan.scalars[i]
        if c.isDigit || c.isLatinLetter { return scan.reader.isWordStart(i) }
        guard c.isWide else { return false }
        return [CueRole.kanjiDigit, .kanjiMultiplier, .several, .half].contains { scan.words[$0].mayStart(with: c) }
    }

    /// The number at `start` and where it ends.
    static func read(at start: Int, _ scan: ValueScan) -> (value: Double, end: Int)? {
        let scalars = scan.scalars
        guard start < scalars.count else { return nil }
        if scalars[start].isDigit { return readDigits(at: start, scalars) }
        if let kanji = readKanji(at: start, scan) { return kanji }
        for role in [CueRole.several, .half] {
            if let (entry, end) = scan.words[role].longest(in: scalars, at: start), scalars[start].isWide { return (entry.value, end) }
        }
        return readEnglish(at: start, scan)
    }

    private static func readDigits(at start: Int, _ scalars: [UInt32]) -> (Double, Int) {
        var i = start, value = 0.0, groupDigits = 0, grouped = false
        while i < scalars.count, scalars[i].isDigit {
            value = value * 10 + Double(scalars[i] - 0x30)
            i += 1
            groupDigits += 1
            // "1,000 days": a comma before exactly three digits groups thousands; 「2,3日」 (two
            // or three days) has one digit after its comma, and stays a range.
            if grouped ? groupDigits == 3 : groupDigits <= 3, isThousandsGroup(at: i, scalars) {
                i += 1
                grouped = true
                groupDigits = 0
            }
        }
        if i + 1 < scalars.count, scalars[i] == .fullStop, scalars[i + 1].isDigit {
            var scale = 0.1
            i += 1
            while i < scalars.count, scalars[i].isDigit {
                value += Double(scalars[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        return (value, i)
    }

    /// Whether a comma at `i` starts a group of three digits that ends there (,000 but not ,0000).
    private static func isThousandsGroup(at i: Int, _ scalars: [UInt32]) -> Bool {
        guard i + 3 < scalars.count, scalars[i] == .comma, ((i + 1)...(i + 3)).allSatisfy({ scalars[$0].isDigit }) else { return false }
        return i + 4 == scalars.count || !scalars[i + 4].isDigit
    }

    /// Whether the kanji at `i` is a numeral: a digit or a multiplier.
    static func isKanjiNumeral(at i: Int, _ scan: ValueScan) -> Bool {
        i < scan.scalars.count && (kanjiDigit(scan.scalars[i], scan) != nil || kanjiMultiplier(scan.scalars[i], scan) != nil)
    }

    /// A digit or numeral at `i`: what a rate's count or a number glued to another starts with.
    static func isDigitLike(at i: Int, _ scan: ValueScan) -> Bool {
        i < scan.scalars.count && (scan.scalars[i].isDigit || isKanjiNumeral(at: i, scan))
    }

    private static func kanjiDigit(_ c: UInt32, _ scan: ValueScan) -> Double? { scan.words[.kanjiDigit].value(of: [c]) }
    private static func kanjiMultiplier(_ c: UInt32, _ scan: ValueScan) -> Double? { scan.words[.kanjiMultiplier].value(of: [c]) }

    private static func readKanji(at start: Int, _ scan: ValueScan) -> (Double, Int)? {
        var i = start, total = 0.0, section = 0.0, digit: Double?
        while i < scan.scalars.count {
            let c = scan.scalars[i]
            if let d = kanjiDigit(c, scan) {
                // 二三日, 四五年: two digits in a row, one after the other, are a range (2–3 days,
                // not 23): the longer end counts, as in 2〜3日.
                if let previous = digit, d == previous.truncatingRemainder(dividingBy: 10) + 1, previous < 10 {
                    digit = d
                } else {
                    digit = (digit ?? 0) * 10 + d
                }
            } else if let multiplier = kanjiMultiplier(c, scan) {
                // 万 starts a new group of four digits: 二万三千 is 2 × 10000 + 3000.
                if multiplier >= 10_000 {
                    total += (section + (digit ?? 0)) * multiplier
                    section = 0
                } else {
                    section += (digit ?? 1) * multiplier
                }
                digit = nil
            } else {
                break
            }
            i += 1
        }
        guard i > start else { return nil }
        return (total + section + (digit ?? 0), i)
    }

    /// one, twenty-five, a couple of, a few, several, half a, one and a half.
    private static func readEnglish(at start: Int, _ scan: ValueScan) -> (Double, Int)? {
        let reader = scan.reader
        guard let (word, end) = reader.englishWord(at: start) else { return nil }
        var i = end
        var value: Double
        if scan.words[.articleNumber].contains(word) {
            // "a" alone is 1 only before a unit: "a week"; "a couple of", "a few", "a half".
            guard let (next, after) = reader.englishWord(at: reader.afterSpaces(i)) else { return nil }
            if let v = scan.words.countsAfterArticle.value(of: next) {
                value = v
                i = after
            } else if scan.words[.unit].contains(next) {
                return (scan.words[.articleNumber].value(of: word) ?? 1, i)
            } else {
                return nil
            }
        } else if let v = scan.words.englishNumbers.value(of: word) {
            value = v
        } else {
            return nil
        }
        if value == scan.words[.half].entries.first?.value, let after = scan.englishWord(.articleNumber, at: i) { i = after }
        if value >= 20, value.truncatingRemainder(dividingBy: 10) == 0 {
            var j = i
            if j < scan.scalars.count, scan.scalars[j] == .hyphen { j += 1 }
            if let (ones, after) = reader.englishWord(at: reader.afterSpaces(j)), let v = scan.words[.numberWord].value(of: ones),
               v >= 1, v <= 9 {
                value += v
                i = after
            }
        }
        if let after = scan.englishWord(.numberLink, at: i), value == 2 || value == 3 { i = after }
        if let (entry, after) = scan.word(.andAHalf, afterSpacesFrom: i), value >= 1, value == value.rounded(),
           let (next, _) = reader.englishWord(at: reader.afterSpaces(after)), scan.words[.unit].contains(next) {
            value += entry.value
            i = after
        }
        return (value, i)
    }

    /// A range's second number after `start`: 2〜3, 2、3, 2-3, two or three, 2 to 3.
    static func readRangeEnd(at start: Int, _ scan: ValueScan) -> (value: Double, end: Int)? {
        let reader = scan.reader
        var i = reader.afterSpaces(start)
        guard i < scan.scalars.count else { return nil }
        if [UInt32.rangeDash, .hyphen, .ideographicComma, .comma].contains(scan.scalars[i]) {
            i += 1
        } else if let after = scan.englishWord(.rangeWord, at: i) {
            i = after
        } else {
            return nil
        }
        guard let (value, end) = read(at: reader.afterSpaces(i), scan), value >= 1 else { return nil }
        return (value, end)
    }
}
