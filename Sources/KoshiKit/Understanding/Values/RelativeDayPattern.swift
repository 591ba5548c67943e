/// Days and spans named as words: 「みっか」, 「半月」 are spans (a duration at once); 「昨日から」,
/// "since yesterday" name the day the pain began. A day named for another reason (昨日は仕事を
/// 休んだ, today) says nothing about how long it has hurt.
enum RelativeDayPattern {
    /// How far a Japanese から may follow its day (「昨日、重い荷物を持ってから」), and how far
    /// back an English "since" may stand ("since I fell off a ladder yesterday").
    static let sinceReach = (after: 30, before: 40)

    static func mayStart(at i: Int, _ scan: ValueScan) -> Bool {
        let c = scan.scalars[i]
        if c.isLatinLetter { return scan.reader.isWordStart(i) }
        return c.isWide && [CueRole.dayCount, .relativeDay, .namedAge, .agePrefix].contains { scan.words[$0].mayStart(with: c) }
    }

    static func read(at i: Int, _ scan: inout ValueScan) -> Int? {
        if let (entry, end) = scan.words[.dayCount].longest(in: scan.scalars, at: i) {
            scan.add(.durationDays, entry.value, i..<end)
            return end
        }
        guard let (entry, end) = scan.reader.peek(scan.words[.relativeDay], at: i) else { return nil }
        let english = scan.scalars[i].isLatinLetter
        if english, !scan.reader.isWordStart(i) { return nil }
        if scan.relativeDay == nil, english ? precededBySince(i, scan) : followedBySince(end, scan) {
            scan.relativeDay = QuantityMention(kind: .durationDays, value: Int(entry.value), range: i..<end)
        }
        return end
    }

    /// 「昨日から」「昨日、重い荷物を持ってから」: から later in the same sentence.
    private static func followedBySince(_ end: Int, _ scan: ValueScan) -> Bool {
        var i = end
        while i < scan.scalars.count, i < end + sinceReach.after, !scan.isSentenceEnd(i) {
            if scan.word(.sinceAfter, at: i) != nil || scan.words[.sinceAfter].longest(in: scan.scalars, at: i) != nil { return true }
            i += 1
        }
        return false
    }

    /// "since yesterday", "since I fell off a ladder yesterday": since, from, started or began
    /// earlier in the same sentence.
    private static func precededBySince(_ start: Int, _ scan: ValueScan) -> Bool {
        var i = start
        while i > 0, i > start - sinceReach.before, !scan.isSentenceEnd(i - 1) {
            if scan.reader.isWordStart(i - 1), let (word, _) = scan.reader.englishWord(at: i - 1), scan.words[.sinceBefore].contains(word) {
                return true
            }
            i -= 1
        }
        return false
    }
}
