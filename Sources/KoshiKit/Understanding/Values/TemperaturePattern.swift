/// The terms a body temperature read in a line stands for (see `TemperaturePattern`): the first of
/// four, present and absent in Japanese, then present and absent in English.
struct TemperatureTerms: Sendable {
    /// In °C: at or above it the temperature is the finding (a fever), below it denies it.
    var threshold: Double
    var firstTerm: Int

    func term(present: Bool, english: Bool) -> Int { firstTerm + (english ? 2 : 0) + (present ? 0 : 1) }
}

/// Body temperatures, read as mentions of fever or its denial by the threshold of concepts.kb
/// (`temperature-from`): 38.2度, 37.4℃, 38度5分 and 八度五分 (38.5: older speakers drop the 三十),
/// "temp of 39", "39.8", "101F", "fever also, 101". A decimal between 35 and 43 is a temperature
/// on its own; a whole number needs a unit (度, °C, degrees, °F) or a word before it (熱, temp).
/// Fahrenheit is turned to Celsius; the threshold is the only number of medicine here.
enum TemperaturePattern {
    /// How far before a number a temperature word may stand: 「熱は」, "temp of", "fever also, ".
    static let wordReach = 14

    /// `tokens` with a token for every temperature the text states, in order; tokens it covers
    /// (a sentence end inside 38.5, the fever word 38度) give way to it.
    static func tokens(adding tokens: [Token], in scalars: [UInt32], lexicon: Lexicon) -> [Token] {
        guard let terms = lexicon.temperature else { return tokens }
        let scan = ValueScan(reader: ScalarReader(scalars), words: lexicon.cueWords, sentenceEnds: [])
        var found: [Token] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i].isDigit || NumberReader.isKanjiNumeral(at: i, scan), scan.reader.isWordStart(i),
                  i == 0 || !scalars[i - 1].isDigit, let reading = read(at: i, scan) else {
                i += 1
                continue
            }
            let english = reading.english
            let term = terms.term(present: reading.celsius >= terms.threshold, english: english)
            found.append(Token(range: i..<reading.end, term: term, in: lexicon.terms))
            i = reading.end
        }
        guard !found.isEmpty else { return tokens }
        var merged = tokens.filter { token in !found.contains { $0.range.overlaps(token.range) } }
        merged += found
        return merged.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The temperature that starts at `start`, in °C, where it ends, and whether it is written in
    /// English.
    private static func read(at start: Int, _ scan: ValueScan) -> (celsius: Double, end: Int, english: Bool)? {
        let scalars = scan.scalars
        guard var (value, end) = NumberReader.read(at: start, scan) else { return nil }
        let afterNumber = scan.reader.afterSpaces(end)
        let hasDecimal = (start..<end).contains { scalars[$0] == .fullStop }
        var english = !scalars[start].isWide && !(start > 0 && scalars[start - 1].isWide)
        if let (_, after) = scan.word(.fahrenheit, at: afterNumber), !followedByLetter(after, scan) {
            return (value - 32) * 5 / 9 >= 30 ? ((value - 32) * 5 / 9, after, true) : nil
        }
        if let (entry, after) = scan.word(.celsius, at: afterNumber), !followedByLetter(after, scan) {
            end = after
            english = !entry.key[0].isWide
            // 38度5分, 八度五分: tenths after the degrees; a one-digit 8 is 38.
            var hasTenths = false
            if let (tenths, afterTenths) = NumberReader.read(at: end, scan), tenths < 10, scan.word(.tenthOfDegree, at: afterTenths) != nil {
                value += tenths / 10
                end = scan.word(.tenthOfDegree, at: afterTenths)!.end
                hasTenths = true
            }
            // A bare 6度 is as likely the weather or an angle: one digit is a body temperature only
            // with its tenths (六度八分) or after a temperature word (「熱は8度」).
            if value >= 5, value < 10 {
                guard hasTenths || followsTemperatureWord(start, scan) else { return nil }
                value += 30
            }
            return (30...45).contains(value) ? (value, end, english) : nil
        }
        // "39.8", 「37.4」: a decimal in the range of body temperatures, with no other unit after it.
        if hasDecimal, (35...43).contains(value), DurationPattern.japaneseUnit(at: end, scan) == nil,
           DurationPattern.englishUnit(at: end, scan) == nil, !followedByLetter(end, scan), !followedByUnitWord(end, scan) {
            return (value, end, english)
        }
        // "temp of 39", "fever also, 101", 「熱は38」: a whole number after a temperature word.
        guard followsTemperatureWord(start, scan), !followedByLetter(end, scan), DurationPattern.englishUnit(at: end, scan) == nil,
              DurationPattern.japaneseUnit(at: end, scan) == nil else { return nil }
        if (35...43).contains(value) { return (value, end, english) }
        if (95...110).contains(value) { return ((value - 32) * 5 / 9, end, true) }
        return nil
    }

    private static func followsTemperatureWord(_ start: Int, _ scan: ValueScan) -> Bool {
        let words = scan.words[.temperatureWord]
        for from in max(0, start - wordReach)..<start {
            if let (_, end) = words.longest(in: scan.scalars, at: from), scan.reader.isWordStart(from),
               !scan.scalars[from..<start].contains(where: { $0 == .fullStop || $0 == 0x3002 }), end <= start {
                return true
            }
        }
        return false
    }

    /// Whether a Latin letter or kana follows at once: 38kg, 2.5キロ.
    private static func followedByLetter(_ index: Int, _ scan: ValueScan) -> Bool {
        guard let next = scan.reader.scalar(at: index) else { return false }
        return next.isLatinLetter || next.isKana
    }

    /// Whether a word of another measure follows (2.5 km, 38.5 kg).
    private static func followedByUnitWord(_ index: Int, _ scan: ValueScan) -> Bool {
        guard let (word, _) = scan.reader.englishWord(at: scan.reader.afterSpaces(index)) else { return false }
        return scan.words[.otherMeasure].contains(word)
    }
}
