/// A number that a line states, and what it measures.
public struct QuantityMention: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case age
        case durationDays
        case painIntensity
        /// A number with no unit: its meaning comes from the question just asked.
        case bare
    }
    public var kind: Kind
    public var value: Int
    public var range: Range<Int>
}

/// Reads ages, durations and pain intensities from a folded line: Arabic, full-width and kanji
/// numerals (三日, 二週間, 一年半, 十五), counters and their spellings (1ヶ月, 1か月, 1カ月),
/// English numbers and durations (a couple of weeks, since yesterday, four months), ranges
/// (2〜3日, 2、3日, 2-3 days: the longer end counts), ages (62歳, I'm 62) and intensities
/// (7/10, seven out of ten, 10段階で7).
///
/// Numerals and counters are grammar rather than medical knowledge, so they live here.
public enum Quantities {
    public static func read(_ text: [UInt32]) -> [QuantityMention] {
        var scanner = QuantityScanner(text: text)
        return scanner.scan()
    }
}

private enum DurationUnit {
    case hour, day, week, fortnight, month, year

    var days: Double {
        switch self {
        case .hour: 0
        case .day: 1
        case .week: 7
        case .fortnight: 14
        case .month: 30
        case .year: 365
        }
    }
}

/// Words of the scanner, folded like user text so that any spelling meets them.
private enum Words {
    static func fold(_ words: [(String, DurationUnit)]) -> [([UInt32], DurationUnit)] {
        words.map { (Normalizer.key($0.0), $0.1) }.sorted { $0.0.count > $1.0.count }
    }

    static let japaneseUnits = fold([
        ("日間", .day), ("日", .day), ("週間", .week), ("週", .week),
        ("か月間", .month), ("か月", .month), ("ヵ月間", .month), ("ヵ月", .month), ("ヶ月間", .month), ("ヶ月", .month),
        ("ケ月", .month), ("箇月", .month), ("カ月", .month), ("年間", .year), ("年", .year), ("時間", .hour),
        ("しゅうかん", .week), ("かげつ", .month), ("ねんかん", .year), ("にちかん", .day),
    ])
    static let englishUnits: [String: DurationUnit] = [
        "hour": .hour, "hours": .hour, "hr": .hour, "hrs": .hour,
        "day": .day, "days": .day, "week": .week, "weeks": .week, "wk": .week, "wks": .week,
        "fortnight": .fortnight, "fortnights": .fortnight,
        "month": .month, "months": .month, "mo": .month, "mos": .month,
        "year": .year, "years": .year, "yr": .year, "yrs": .year,
    ]
    static let relativeDays: [([UInt32], Int)] = [
        ("一昨日", 2), ("おととい", 2), ("昨日", 1), ("きのう", 1), ("昨夜", 1), ("昨晩", 1), ("今日", 0), ("今朝", 0),
        ("先週", 7), ("先月", 30), ("一昨年", 730), ("去年", 365), ("昨年", 365),
    ].map { (Normalizer.key($0.0), $0.1) }.sorted { $0.0.count > $1.0.count }
    /// Spans of days written as words; kana counts only where they cannot be mistaken for other
    /// words (いつか, ようか, なのか can).
    static let dayCounts: [([UInt32], Int)] = [
        ("ひと月", 30), ("ふた月", 60), ("半月", 15), ("ふつか", 2), ("みっか", 3), ("よっか", 4), ("むいか", 6), ("ここのか", 9), ("とおか", 10), ("はつか", 20),
        ("いっしゅうかん", 7), ("にしゅうかん", 14), ("さんしゅうかん", 21), ("いっかげつ", 30), ("にかげつ", 60), ("さんかげつ", 90),
        ("はんとし", 183), ("いちねん", 365), ("にねん", 730),
    ].map { (Normalizer.key($0.0), $0.1) }
    static let englishRelative: [[String]: Int] = [
        ["yesterday"]: 1, ["today"]: 0, ["this", "morning"]: 0, ["last", "night"]: 1, ["tonight"]: 0,
        ["last", "week"]: 7, ["last", "month"]: 30, ["last", "year"]: 365,
    ]
    static let englishRelativeFirstWords = Set(englishRelative.keys.compactMap(\.first))
    static let englishNumbers: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "several": 3, "few": 3, "couple": 2, "half": 0.5, "a": 1, "an": 1,
    ]
    static let ageUnits = ["歳", "才", "さい"].map(Normalizer.key)
    static let decade = Normalizer.key("代")
    static let rateFollowers = ["中", "おき", "ごと", "あたり", "毎"].map(Normalizer.key)
    static let rateTo = Normalizer.key("に")
    static let how = Normalizer.key("何")
    static let times = Normalizer.key("回")
    static let approximately = ["くらい", "ぐらい", "程度", "位"].map(Normalizer.key)
    /// 10段階で7, and 「一番痛いのを10とすると8」: the anchor, then the score.
    static let tenScale = ["段階で", "段階中", "点中", "点満点で", "のうち", "中", "とすると", "としたら", "とした場合", "として"]
        .map(Normalizer.key)
    /// 還暦 and the other named birthdays are ages.
    static let namedAges: [([UInt32], Int)] = [("還暦", 60), ("古希", 70), ("古稀", 70), ("喜寿", 77), ("傘寿", 80), ("米寿", 88)]
        .map { (Normalizer.key($0.0), $0.1) }
    /// 年齢は62: a Japanese age named before its number.
    static let japaneseAgePrefixes = ["年齢は", "年齢:", "年齢", "年は"].map(Normalizer.key)
    /// 昭和35年生まれ: a year of birth, not how long it has hurt.
    static let born = Normalizer.key("生まれ")
    /// 二番目: an ordinal, which numbers the items of a grouped question.
    static let ordinal = Normalizer.key("番目")
    /// の after a kanji numeral: 二の次.
    static let no = Normalizer.key("の")
    static let eras = ["昭和", "平成", "令和", "西暦"].map(Normalizer.key)
    /// 妊娠6ヶ月, 産後4ヶ月: how far along, or how long since a birth, not how long it has hurt.
    static let lifeEvents = ["妊娠", "産後", "出産後", "出産して", "生後", "妊娠中"].map(Normalizer.key)
    static let englishLifeEvents: Set<String> = ["baby", "birth", "pregnant", "pregnancy", "born"]
    /// "my 3-year-old", "a 10 year old dog": someone else's age.
    static let otherOwners: Set<String> = ["my", "our", "his", "her", "their"]
    static let otherAgedNouns: Set<String> = ["son", "daughter", "kid", "kids", "child", "boy", "girl", "baby", "dog", "cat",
                                              "grandson", "granddaughter", "nephew", "niece", "brother", "sister"]
    static let month = Normalizer.key("月")
    static let ago = ["前"].map(Normalizer.key)
    static let since = ["から", "より"].map(Normalizer.key)
    /// The first characters of the Japanese words above, so that the scan can skip the rest.
    static let startingScalars: Set<UInt32> = Set((relativeDays + dayCounts + namedAges).compactMap { $0.0.first } + several + half
        + japaneseAgePrefixes.compactMap(\.first))
    static let sentenceEnds: Set<UInt32> = Set("。.!?".unicodeScalars.map(\.value))
    static let half = Normalizer.key("半")
    static let several = Normalizer.key("数")
    static let point = Normalizer.key("点")
}

private struct QuantityScanner {
    let text: [UInt32]
    var mentions: [QuantityMention] = []
    var relative: QuantityMention?

    init(text: [UInt32]) { self.text = text }

    mutating func scan() -> [QuantityMention] {
        var i = 0
        while i < text.count {
            // Most characters start nothing: only try where a number or one of the words can begin.
            guard mayStartSomething(i) else {
                i += 1
                continue
            }
            if let end = readRelativeDay(at: i) ?? readEnglishPrefixedAge(at: i) ?? readJapaneseAge(at: i) {
                i = end
            } else if let end = readQuantity(at: i) {
                i = end
            } else {
                i += 1
            }
        }
        if let relative, !mentions.contains(where: { $0.kind == .durationDays }) { mentions.append(relative) }
        return mentions
    }

    func mayStartSomething(_ i: Int) -> Bool {
        let c = text[i]
        if isDigit(c) { return isWordStart(i) }
        if c >= 0x61 && c <= 0x7A { return isWordStart(i) }
        return c >= 0x3000 && (Words.startingScalars.contains(c) || kanjiDigit(c) != nil || kanjiUnit(c) != nil)
    }

    // MARK: Quantities: a number, then perhaps a range, then a unit.

    mutating func readQuantity(at start: Int) -> Int? {
        guard isWordStart(start), var (value, end) = readNumber(at: start) else { return nil }
        // A range keeps its longer end: 2〜3日, 2、3日, 2-3 days, two or three weeks.
        if let (second, after) = readRangeEnd(at: end), second > value {
            value = second
            end = after
        }
        // 10段階で7, 10点中7: the second number is the intensity.
        if value == 10, let (intensity, after) = readTenScale(at: end) {
            add(.painIntensity, intensity, start..<after)
            return after
        }
        if let after = matchAny(Words.ageUnits, at: end) {
            add(.age, value, start..<after)
            return after
        }
        if let after = match(Words.decade, at: end), value >= 10, value.truncatingRemainder(dividingBy: 10) == 0 {
            add(.age, value + 5, start..<after)
            return after
        }
        if let (unit, after) = readJapaneseUnit(at: end) {
            var total = value * unit.days
            var stop = after
            if let afterHalf = match(Words.half, at: after) {
                total += unit.days / 2
                stop = afterHalf
            }
            if isRate(at: stop) || (unit == .year && (value >= 1900 || match(Words.born, at: stop) != nil || isEra(before: start)))
                || isDate(before: start, unit: unit) || Words.lifeEvents.contains(where: { ends($0, at: start) })
                || (unit == .hour && matchAny(Words.ago, at: stop) == nil) {
                return stop
            }
            add(.durationDays, total, start..<stop)
            return stop
        }
        if let (unit, after) = readEnglishUnit(at: end) {
            // "62 years old", "a 62-year-old": an age; "twice a day", "5 minutes a day": a rate.
            if let afterOld = matchWord("old", at: after) {
                let owner = previousWord(before: start), aged = englishWord(at: skipSpaces(afterOld))?.0
                if !(owner.map(Words.otherOwners.contains) ?? false), !(aged.map(Words.otherAgedNouns.contains) ?? false) {
                    add(.age, value, start..<afterOld)
                }
                return afterOld
            }
            var total = value * unit.days
            var stop = after
            if let afterHalf = matchWords(["and", "a", "half"], at: after) {
                total += unit.days / 2
                stop = afterHalf
            }
            if isEnglishRate(before: start) || (unit == .hour && matchWord("ago", at: stop) == nil) { return stop }
            // "six months pregnant", "had my baby 5 months ago": not how long the back has hurt.
            if matchWord("pregnant", at: stop) != nil || previousWord(before: start).map(Words.englishLifeEvents.contains) == true {
                return stop
            }
            add(.durationDays, total, start..<stop)
            return stop
        }
        if let after = readOutOfTen(at: end) {
            add(.painIntensity, value, start..<after)
            return after
        }
        if let after = matchWords(["yo"], at: end) ?? matchWords(["y", "o"], at: end) {
            add(.age, value, start..<after)
            return after
        }
        // Japanese years of a range like 2020年 were skipped above; a bare number stays bare. A kanji
        // numeral inside a word is no number: 一時的, 一度, 一番, 二の次.
        guard value == value.rounded(), isDigitLike(start) || isEnglishNumberWord(start..<end) else { return end }
        if kanjiDigit(text[start]) != nil || kanjiUnit(text[start]) != nil, match(Words.ordinal, at: end) == nil,
           (end < text.count && (isIdeograph(text[end]) || text[end] == Words.no[0])) || (start > 0 && isIdeograph(text[start - 1])) {
            return end
        }
        var stop = end
        if let after = matchAny(Words.approximately, at: skipSpaces(end)) { stop = after }
        else if let after = match(Words.point, at: end) { stop = after }
        add(.bare, value, start..<stop)
        return stop
    }

    /// Records a value; absurd ones (a 20-digit "age") are dropped, since no age, duration or
    /// intensity comes near a billion and larger ones do not fit an Int.
    mutating func add(_ kind: QuantityMention.Kind, _ value: Double, _ range: Range<Int>) {
        guard value.isFinite, value >= 0, value < 1e9 else { return }
        mentions.append(QuantityMention(kind: kind, value: Int(value.rounded()), range: range))
    }

    // MARK: Numbers

    /// Arabic digits (with a decimal point), kanji numerals, 数 (several), 半 (half), English words.
    func readNumber(at start: Int) -> (Double, Int)? {
        guard start < text.count else { return nil }
        let c = text[start]
        if isDigit(c) {
            var i = start, value = 0.0
            while i < text.count, isDigit(text[i]) {
                value = value * 10 + Double(text[i] - 0x30)
                i += 1
            }
            if i + 1 < text.count, text[i] == 0x2E, isDigit(text[i + 1]) {
                var scale = 0.1
                i += 1
                while i < text.count, isDigit(text[i]) {
                    value += Double(text[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
            }
            return (value, i)
        }
        if let (value, end) = readKanjiNumber(at: start) { return (value, end) }
        if c == Words.several[0] { return (3, start + 1) }
        if c == Words.half[0] { return (0.5, start + 1) }
        return readEnglishNumber(at: start)
    }

    func readKanjiNumber(at start: Int) -> (Double, Int)? {
        var i = start, total = 0.0, section = 0.0, digit: Double?
        while i < text.count {
            let c = text[i]
            if let d = kanjiDigit(c) {
                digit = (digit ?? 0) * 10 + d
            } else if let unit = kanjiUnit(c) {
                if unit == 10_000 {
                    total += (section + (digit ?? 0)) * unit
                    section = 0
                } else {
                    section += (digit ?? 1) * unit
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

    func kanjiDigit(_ c: UInt32) -> Double? {
        switch c {
        case 0x3007, 0x96F6: 0  // 〇 零
        case 0x4E00: 1  // 一
        case 0x4E8C: 2  // 二
        case 0x4E09: 3  // 三
        case 0x56DB: 4  // 四
        case 0x4E94: 5  // 五
        case 0x516D: 6  // 六
        case 0x4E03: 7  // 七
        case 0x516B: 8  // 八
        case 0x4E5D: 9  // 九
        default: nil
        }
    }

    func kanjiUnit(_ c: UInt32) -> Double? {
        switch c {
        case 0x5341: 10  // 十
        case 0x767E: 100  // 百
        case 0x5343: 1000  // 千
        case 0x4E07: 10_000  // 万
        default: nil
        }
    }

    /// one, twenty-five, a couple of, a few, several, half a, one and a half.
    func readEnglishNumber(at start: Int) -> (Double, Int)? {
        guard let (word, end) = englishWord(at: start), var value = Words.englishNumbers[word] else { return nil }
        var i = end
        if word == "a" || word == "an" {
            // "a" alone is 1 only before a unit: "a week"; "a couple of", "a few", "a half".
            if let (next, after) = englishWord(at: skipSpaces(i)), let v = Words.englishNumbers[next],
               ["couple", "few", "half"].contains(next) {
                value = v
                i = after
            } else if let (next, _) = englishWord(at: skipSpaces(i)), Words.englishUnits[next] != nil {
                return (1, i)
            } else {
                return nil
            }
        }
        if word == "half" || value == 0.5, let after = matchWord("a", at: i) ?? matchWord("an", at: i) { i = after }
        if value >= 20, value.truncatingRemainder(dividingBy: 10) == 0 {
            var j = i
            if j < text.count, text[j] == 0x2D { j += 1 }
            if let (ones, after) = englishWord(at: skipSpaces(j)), let v = Words.englishNumbers[ones], v >= 1, v <= 9,
               !["a", "an"].contains(ones) {
                value += v
                i = after
            }
        }
        if let after = matchWord("of", at: i), ["couple", "few"].contains(word) || value == 2 || value == 3 { i = after }
        if let after = matchWords(["and", "a", "half"], at: i), value >= 1, value == value.rounded(),
           let (next, _) = englishWord(at: skipSpaces(after)), Words.englishUnits[next] != nil {
            value += 0.5
            i = after
        }
        return (value, i)
    }

    func readRangeEnd(at start: Int) -> (Double, Int)? {
        var i = skipSpaces(start)
        guard i < text.count else { return nil }
        if [Normalizer.waveDash, 0x2D, 0x3001, 0x2C].contains(text[i]) {
            i += 1
        } else if let after = matchWord("to", at: i) ?? matchWord("or", at: i) {
            i = after
        } else {
            return nil
        }
        i = skipSpaces(i)
        guard let (value, end) = readNumber(at: i), value >= 1 else { return nil }
        return (value, end)
    }

    func readTenScale(at start: Int) -> (Double, Int)? {
        guard let after = matchAny(Words.tenScale, at: start),
              let (value, end) = readNumber(at: skipSpaces(after)), value <= 10 else { return nil }
        return (value, end)
    }

    func readOutOfTen(at start: Int) -> Int? {
        var i = skipSpaces(start)
        if i < text.count, text[i] == 0x2F {
            i = skipSpaces(i + 1)
        } else if let after = matchWords(["out", "of"], at: i) ?? matchWord("of", at: i) {
            i = skipSpaces(after)
        } else {
            return nil
        }
        guard let (ten, end) = readNumber(at: i), ten == 10 else { return nil }
        return end
    }

    // MARK: Units

    func readJapaneseUnit(at start: Int) -> (DurationUnit, Int)? {
        for (word, unit) in Words.japaneseUnits {
            if let end = match(word, at: start) { return (unit, end) }
        }
        return nil
    }

    func readEnglishUnit(at start: Int) -> (DurationUnit, Int)? {
        var i = skipSpaces(start)
        if i < text.count, text[i] == 0x2D { i += 1 }
        // "3 days", "3-day", and glued to its number: "2wks", "3days".
        let glued = i == start && start > 0 && isDigit(text[start - 1]) ? letters(at: i) : nil
        guard let (word, end) = englishWord(at: i) ?? glued, let unit = Words.englishUnits[word] else { return nil }
        var stop = end
        if stop < text.count, text[stop] == 0x2D, let afterOld = matchWord("old", at: stop + 1) {
            stop = afterOld - 3
        }
        return (unit, stop)
    }

    /// 1日中 (all day), 1日に3回, 2日おき: a rate or a span of the day, not how long it has hurt.
    /// に is a rate only before a count: 1日に3回, but 「もう10年になります」 is a duration.
    func isRate(at i: Int) -> Bool {
        if let after = match(Words.rateTo, at: i) {
            return after < text.count && (isDigitLike(after) || text[after] == Words.how[0] || match(Words.times, at: after) != nil)
        }
        return matchAny(Words.rateFollowers, at: i) != nil || (i < text.count && isDigitLike(i))
    }

    /// 3月5日 is a date.
    func isDate(before start: Int, unit: DurationUnit) -> Bool {
        guard unit == .day, start > 0 else { return false }
        return text[start - 1] == Words.month[0]
    }

    /// "twice a day", "8 hours a day", "once a week": a rate; "every few months": a frequency.
    func isEnglishRate(before start: Int) -> Bool {
        guard let previous = previousWord(before: start) else { return false }
        if ["every", "each", "per"].contains(previous) { return true }
        return ["times", "twice", "once", "minutes", "mins", "hours", "hrs"].contains(previous)
            && start < text.count && text[start] == 0x61
    }

    func previousWord(before start: Int) -> String? {
        var j = start - 1
        while j >= 0, text[j] == Normalizer.space { j -= 1 }
        guard j >= 0 else { return nil }
        var k = j
        while k >= 0, isLetter(text[k]) { k -= 1 }
        guard k < j else { return nil }
        return String(decoding: text[(k + 1)...j].map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
    }

    // MARK: Relative days and English ages

    /// 昨日から, since yesterday: a day named as the start of the pain. A day named for another
    /// reason (昨日は仕事を休んだ, today) says nothing about how long it has hurt.
    mutating func readRelativeDay(at i: Int) -> Int? {
        for (word, days) in Words.dayCounts {
            if let end = match(word, at: i) {
                add(.durationDays, Double(days), i..<end)
                return end
            }
        }
        for (word, days) in Words.relativeDays {
            if let end = match(word, at: i) {
                if relative == nil, followedBySince(end) {
                    relative = QuantityMention(kind: .durationDays, value: days, range: i..<end)
                }
                return end
            }
        }
        guard isWordStart(i), let (first, _) = englishWord(at: i), Words.englishRelativeFirstWords.contains(first) else { return nil }
        for (words, days) in Words.englishRelative {
            if let end = matchWords(words, at: i) {
                if relative == nil, precededBySince(i) {
                    relative = QuantityMention(kind: .durationDays, value: days, range: i..<end)
                }
                return end
            }
        }
        return nil
    }

    /// 「昨日から」「昨日、重い荷物を持ってから」: から later in the same sentence.
    func followedBySince(_ end: Int) -> Bool {
        var i = end
        while i < text.count, i < end + 30, !Words.sentenceEnds.contains(text[i]) {
            if Words.since.contains(where: { match($0, at: i) != nil }) { return true }
            i += 1
        }
        return false
    }

    /// "since yesterday", "since I fell off a ladder yesterday": since, from, started or began
    /// earlier in the same sentence.
    func precededBySince(_ start: Int) -> Bool {
        var i = start
        while i > 0, i > start - 40, !Words.sentenceEnds.contains(text[i - 1]) {
            if let word = englishWord(at: i - 1)?.0, ["since", "from", "started", "began", "starting", "ago"].contains(word),
               isWordStart(i - 1) {
                return true
            }
            i -= 1
        }
        return false
    }

    /// "I'm 62", "I am 62", "aged 62", "age 62", "age: 62".
    mutating func readEnglishPrefixedAge(at i: Int) -> Int? {
        guard isWordStart(i), let (first, _) = englishWord(at: i), ["i'm", "im", "i", "aged", "age", "turned", "just"].contains(first) else { return nil }
        let prefixes: [[String]] = [["i'm"], ["im"], ["i", "am"], ["aged"], ["age"], ["age", "is"], ["turned"], ["just", "turned"],
                                    ["i", "turned"], ["i", "just", "turned"]]
        for prefix in prefixes {
            guard var after = matchWords(prefix, at: i) else { continue }
            after = skipSpaces(after)
            if after < text.count, text[after] == 0x3A { after = skipSpaces(after + 1) }
            guard let (value, end) = readNumber(at: after), value >= 1, value <= 120, value == value.rounded(),
                  readEnglishUnit(at: end) == nil || matchWords(["years", "old"], at: skipSpaces(end)) != nil,
                  readOutOfTen(at: end) == nil else { continue }
            var stop = end
            if let old = matchWords(["years", "old"], at: skipSpaces(end)) ?? matchWords(["year", "old"], at: skipSpaces(end)) { stop = old }
            add(.age, value, i..<stop)
            return stop
        }
        return nil
    }

    /// 還暦 (60), 年齢は62: ages named in Japanese without 歳.
    mutating func readJapaneseAge(at i: Int) -> Int? {
        for (word, age) in Words.namedAges {
            if let end = match(word, at: i) {
                add(.age, Double(age), i..<end)
                return end
            }
        }
        // 年は62 only where it cannot be 今年は or 去年は.
        guard let after = matchAny(Words.japaneseAgePrefixes, at: i), i == 0 || !isIdeograph(text[i - 1]) else { return nil }
        guard let (value, end) = readNumber(at: skipSpaces(after)), value >= 1, value <= 120, value == value.rounded(),
              readJapaneseUnit(at: end) == nil else { return nil }
        let stop = matchAny(Words.ageUnits, at: end) ?? end
        add(.age, value, i..<stop)
        return stop
    }

    // MARK: Reading helpers

    func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    func isIdeograph(_ c: UInt32) -> Bool { (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c) }

    /// Whether `word` ends just before `start`, spaces aside.
    func ends(_ word: [UInt32], at start: Int) -> Bool {
        var end = start
        while end > 0, text[end - 1] == Normalizer.space { end -= 1 }
        return end >= word.count && match(word, at: end - word.count) != nil
    }

    func isEra(before start: Int) -> Bool {
        Words.eras.contains { era in start >= era.count && match(era, at: start - era.count) != nil }
    }
    func isLetter(_ c: UInt32) -> Bool { (c >= 0x61 && c <= 0x7A) || c == 0x27 }
    func isDigitLike(_ i: Int) -> Bool { isDigit(text[i]) || kanjiDigit(text[i]) != nil || kanjiUnit(text[i]) != nil }

    func isEnglishNumberWord(_ range: Range<Int>) -> Bool { isLetter(text[range.lowerBound]) }

    /// Numbers and English words start where no letter or digit precedes them.
    func isWordStart(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let previous = text[i - 1]
        if isLetter(text[i]) { return !isLetter(previous) && !isDigit(previous) }
        if isDigit(text[i]) { return !isDigit(previous) && previous != 0x2E }
        return true
    }

    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < text.count, text[j] == Normalizer.space { j += 1 }
        return j
    }

    func match(_ word: [UInt32], at i: Int) -> Int? {
        guard i + word.count <= text.count, !word.isEmpty else { return nil }
        for k in 0..<word.count where text[i + k] != word[k] { return nil }
        return i + word.count
    }

    func matchAny(_ words: [[UInt32]], at i: Int) -> Int? {
        for word in words { if let end = match(word, at: i) { return end } }
        return nil
    }

    /// The letters starting at `i`, word start or not.
    func letters(at i: Int) -> (String, Int)? {
        var j = i
        while j < text.count, text[j] >= 0x61, text[j] <= 0x7A { j += 1 }
        guard j > i else { return nil }
        return (String(decoding: text[i..<j].map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self), j)
    }

    /// The English word starting at `i` (letters and apostrophes), if one does.
    func englishWord(at i: Int) -> (String, Int)? {
        guard i < text.count, text[i] >= 0x61, text[i] <= 0x7A, isWordStart(i) else { return nil }
        var j = i
        while j < text.count, isLetter(text[j]) { j += 1 }
        return (String(decoding: text[i..<j].map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self), j)
    }

    func matchWord(_ word: String, at i: Int) -> Int? {
        guard let (found, end) = englishWord(at: skipSpaces(i)), found == word else { return nil }
        return end
    }

    func matchWords(_ words: [String], at i: Int) -> Int? {
        var position = i
        for word in words {
            guard let end = matchWord(word, at: position) else { return nil }
            position = end
        }
        return position
    }
}
