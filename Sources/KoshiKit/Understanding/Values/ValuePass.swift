/// The values a line states, in their slots: the age, how long the pain has lasted, the pain
/// score; and the bare numbers, which answer the slots the question asked for.
struct ValuePass: LinePass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        let findings = reading.findings.inOrder
        let durationAsked = reading.context.asked.contains(.slot(.duration))
        // How long something lasted is about the pain when it was asked for, when the line states
        // the complaint, or when it names nothing else ("it started 4 days ago"); not when it is
        // about something koshi does not follow (「昨日からお腹の調子が悪い」) or another finding
        // ("ステロイドを3年飲んでいます"). Said in passing, it fills an empty slot but does not
        // replace an earlier answer.
        let aboutTheComplaint = findings.contains { line.concepts.groups[$0.concept] == .complaint && $0.status == .present }
        let namesSomethingElse = !findings.isEmpty || line.tokens.contains { $0.concept(in: line.lexicon).map(line.concepts.isPart) ?? false }
        let durationCounts = durationAsked || aboutTheComplaint || !namesSomethingElse
        let spans = DurationContext(line: line)
        // 「先週の月曜から」: a weekday names the onset better than the week it falls in.
        let calendar = reading.context.today.flatMap { CalendarPattern.onset(in: line, today: $0, hasOnsetEvent: false) }
        for mention in Quantities.read(line.scalars, words: line.lexicon.cueWords, sentenceEnds: line.sentenceEndPositions) {
            if let calendar, mention.kind == .durationDays, mention.range.upperBound <= calendar.range.lowerBound,
               calendar.range.lowerBound - mention.range.upperBound <= 2 { continue }
            let evidence = line.original(mention.range)
            switch mention.kind {
            case .age where (1...120).contains(mention.value):
                if reading.values[.age] == nil { reading.values[.age] = LineValue(value: mention.value, evidence: evidence) }
            case .durationDays:
                // 「前回は去年の春」, "the last one was two years ago": an earlier episode's time.
                if reading.pastClauses.contains(where: { $0.contains(mention.range.lowerBound) }) { continue }
                if reading.values[.duration] == nil, durationCounts,
                   durationAsked || (!spans.nearestIsAnotherFinding(mention.range) && !spans.saysHowSoon(mention.range)) {
                    reading.values[.duration] = LineValue(value: mention.value, evidence: evidence,
                                                          replacesEarlier: durationAsked || aboutTheComplaint)
                }
            case .painIntensity where (0...10).contains(mention.value):
                if reading.values[.painIntensity] == nil { reading.values[.painIntensity] = LineValue(value: mention.value, evidence: evidence) }
            case .bare:
                reading.bareNumbers.append(mention)
            default:
                break
            }
        }
        readOnsetByTheCalendar(&reading, durationCounts: durationCounts, spans: spans)
        answerAskedSlots(&reading)
        readScoreAfterScaleMention(&reading)
    }

    /// "Done my back in Monday", 「夏ぐらいから」, and "this morning" or 「昨日」 beside an event that
    /// starts the pain: an onset named by the calendar or a day, when no span was said.
    private func readOnsetByTheCalendar(_ reading: inout LineUnderReading, durationCounts: Bool, spans: DurationContext) {
        guard reading.values[.duration] == nil, durationCounts else { return }
        let line = reading.line
        let hasOnsetEvent = reading.findings.inOrder.contains { $0.status == .present && line.concepts.onsetMarkers.contains($0.concept) }
        var onset: QuantityMention?
        if let today = reading.context.today {
            onset = CalendarPattern.onset(in: line, today: today, hasOnsetEvent: hasOnsetEvent)
        }
        if onset == nil, hasOnsetEvent {
            // 「昨日ぎっくり腰になった」, "threw my back out this morning": the day of the event.
            let days = line.lexicon.cueWords[.relativeDay]
            let pastClauses = reading.pastClauses
            onset = line.scalars.indices.lazy.compactMap { i -> QuantityMention? in
                guard let (entry, end) = line.cursor.peek(days, at: i), !line.scalars[i].isLatinLetter || line.cursor.isWordStart(i),
                      !spans.nearestIsAnotherFinding(i..<end), !pastClauses.contains(where: { $0.contains(i) }) else { return nil }
                return QuantityMention(kind: .durationDays, value: Int(entry.value), range: i..<end)
            }.first
        }
        guard let onset else { return }
        reading.values[.duration] = LineValue(value: onset.value, evidence: line.original(onset.range))
    }

    /// A bare number answers the slots asked for, in the order asked: "62", "32歳 1週間 3". When
    /// the pain score is asked too, a number up to 10 is the score, not an age: "1週間 3".
    private func answerAskedSlots(_ reading: inout LineUnderReading) {
        let open = reading.context.asked.compactMap { topic -> ValueSlot? in
            if case .slot(let slot) = topic, slot != .duration, reading.values[slot] == nil { return slot }
            return nil
        }
        var used: Set<Int> = []
        for slot in open {
            let accepted: ClosedRange<Int> = slot == .age ? (open.contains(.painIntensity) ? 11...120 : 1...120) : 0...10
            guard let index = reading.bareNumbers.indices.first(where: { !used.contains($0) && accepted.contains(reading.bareNumbers[$0].value) })
            else { continue }
            used.insert(index)
            reading.values[slot] = LineValue(value: reading.bareNumbers[index].value, evidence: reading.line.original(reading.bareNumbers[index].range))
        }
    }

    /// "痛みは7くらい", "pain is 7", "the pain is about a 6", "pain level 5": a small bare number
    /// right after a mention of a concept with a scale (pain), or after a few English words.
    private func readScoreAfterScaleMention(_ reading: inout LineUnderReading) {
        let line = reading.line
        guard let scaled = line.tokens.last(where: { token in token.concept(in: line.lexicon).flatMap { line.concepts.scales[$0] } != nil }),
              let slot = scaled.concept(in: line.lexicon).flatMap({ line.concepts.scales[$0] }), reading.values[slot] == nil else { return }
        func closeAfter(_ number: QuantityMention) -> Bool {
            guard number.range.lowerBound >= scaled.range.upperBound else { return false }
            let gap = scaled.range.upperBound..<number.range.lowerBound
            return gap.count <= 4 || (gap.count <= 14 && line.scalars[gap].allSatisfy { $0.isLatinLetter || $0.isAccentedLatinLetter || $0.isSpace })
        }
        guard let number = reading.bareNumbers.first(where: { closeAfter($0) && $0.value <= 10 }),
              !reading.values.values.contains(where: { $0.evidence == line.original(number.range) }) else { return }
        reading.values[slot] = LineValue(value: number.value, evidence: line.original(scaled.range.lowerBound..<number.range.upperBound))
    }
}
