/// Onsets named by the calendar, counted back from today (`ReadingContext.today`): a weekday
/// ("Done my back in Monday", 「月曜から」, 「先週の月曜」), a season (「夏ぐらいから」, "since the
/// spring"), a month (「6月から」, "since September"). Each counts as an onset when a since word
/// stands by it, or, for a weekday, when the line tells of an event that starts the pain (a
/// back that went, a fall). Without today's date none of them gives a duration.
enum CalendarPattern {
    /// How far a から may follow its word (「夏ぐらいから」), and a since stand before it.
    static let reach = 8

    /// The days since the onset the line names by the calendar, and where it is said.
    static func onset(in line: ScannedLine, today: CivilDate, hasOnsetEvent: Bool) -> QuantityMention? {
        let words = line.lexicon.cueWords
        let scalars = line.scalars
        for i in scalars.indices {
            for role in [CueRole.weekday, .season, .monthName] {
                guard let (entry, end) = words[role].longest(in: scalars, at: i), isWhole(i..<end, line) else { continue }
                let value = Int(entry.value)
                let since = followedBySince(end, line) || precededBySince(i, line)
                guard since || (role == .weekday && hasOnsetEvent) else { continue }
                let days: Int
                switch role {
                case .weekday:
                    let lastWeek = i > 0 && words[.lastWeek].longest(in: scalars, endingAt: line.cursor.beforeSpaces(i)) != nil
                    days = lastWeek ? (today.weekday - value) + 7 : today.daysSince(weekday: value)
                case .season, .monthName:
                    days = daysSince(month: value, today)
                default: continue
                }
                return QuantityMention(kind: .durationDays, value: days, range: i..<end)
            }
        }
        return nil
    }

    /// The days since the first of the latest past `month` (this month's counts only if begun).
    static func daysSince(month: Int, _ today: CivilDate) -> Int {
        let year = month <= today.month ? today.year : today.year - 1
        return today.dayNumber - CivilDate(year: year, month: month, day: 1).dayNumber
    }

    /// English words stand whole: "mon" is not the start of "month".
    private static func isWhole(_ range: Range<Int>, _ line: ScannedLine) -> Bool {
        guard line.scalars[range.lowerBound].isLatinLetter else { return true }
        return line.cursor.isWordStart(range.lowerBound) && (range.upperBound == line.scalars.count || !line.scalars[range.upperBound].isLatinLetter)
    }

    private static func followedBySince(_ end: Int, _ line: ScannedLine) -> Bool {
        let since = line.lexicon.cueWords[.sinceAfter]
        return (end..<min(line.scalars.count, end + reach)).contains { since.longest(in: line.scalars, at: $0) != nil }
    }

    private static func precededBySince(_ start: Int, _ line: ScannedLine) -> Bool {
        let since = line.lexicon.cueWords[.sinceBefore]
        var i = start
        while i > max(0, start - reach * 2) {
            if let (word, _) = line.cursor.englishWord(at: i - 1), line.cursor.isWordStart(i - 1), since.contains(word) { return true }
            i -= 1
        }
        return false
    }
}
