/// How the parts of a summary read in words, the same for /why, /summary and the Markdown: a
/// quote with its line and the question it answered, a finding's state, a value and what was
/// said before it, the onset date, a header row's items.
struct SummaryStyle {
    let knowledge: Knowledge
    let language: Language

    /// 「いいえ」（3行目、発熱、がんの既往についての質問への答え）, “no” (line 3, answering …).
    func quote(_ quote: Summary.Quote) -> String {
        var arguments = ["words": quote.words, "line": String(quote.line)]
        if let number = quote.questionNumber {
            arguments["n"] = String(number)
            return knowledge.text(.summaryQuoteAnswer, language, arguments)
        }
        guard !quote.question.isEmpty else { return knowledge.text(.summaryQuote, language, arguments) }
        arguments["question"] = knowledge.list(quote.question, language)
        return knowledge.text(.summaryQuoteAnswerOn, language, arguments)
    }

    /// The person's words alone, in the language's quotation marks: for the terminal.
    func words(_ quote: Summary.Quote) -> String {
        knowledge.text(.summaryQuoteWords, language, ["words": quote.words])
    }

    /// The state of a finding in words: yes, no, not known, asked but not understood, not asked.
    func state(_ finding: Summary.Finding) -> String {
        if finding.inGroupSaidYes { return knowledge.text(.summaryInGroupYes, language) }
        if finding.contextNotMet { return knowledge.text(.summaryStateNotApplicable, language) }
        return knowledge.text(.init(state: finding.state), language)
    }

    /// A finding as an item of a list: its label, marked when denied or not known.
    func item(_ finding: Summary.Finding) -> String {
        switch finding.state {
        case .stated: finding.label
        case .denied: knowledge.text(.echoAbsent, language, ["label": finding.label])
        default: knowledge.text(.echoUnknown, language, ["label": finding.label])
        }
    }

    /// A value in words (「45歳」, "not known"), without what was said before.
    func amount(_ value: Int?, _ slot: ValueSlot) -> String {
        value.map { knowledge.value(slot, $0, language) } ?? knowledge.text(.init(status: .unknown), language)
    }

    /// What was said of a value before it changed: 「それ以前の回答：4日（1行目）」; nil when it never changed.
    func earlier(_ value: Summary.Value) -> String? {
        guard !value.earlier.isEmpty else { return nil }
        let said = value.earlier.map { knowledge.text(.summaryEarlierValue, language, ["value": amount($0.value, value.slot), "line": String($0.line)]) }
        return knowledge.text(.summaryEarlier, language, ["values": knowledge.list(said, language)])
    }

    func onset(_ onset: Summary.Onset) -> String {
        knowledge.text(onset.daysAgo == 0 ? .summaryOnsetToday : .summaryOnset, language, ["date": Self.date(onset.date), "days": String(onset.daysAgo)])
    }

    /// A date as ISO 8601 reads it: 2026-03-01.
    static func date(_ date: CivilDate) -> String {
        func padded(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2)
    }

    /// A header row's items, each with the quote behind it; findings said in the same words are
    /// one item (「腰痛、右側」 and the clause once).
    func items(_ row: Summary.HeaderRow) -> [(text: String, quote: Summary.Quote?)] {
        var items: [(text: String, quote: Summary.Quote?)] = []
        if let quote = row.spokenFor { items.append((knowledge.text(.summarySpokenFor, language), quote)) }
        for value in row.values {
            items.append((amount(value.value, value.slot), value.quote.words.isEmpty ? nil : value.quote))
            if let earlier = earlier(value) { items.append((earlier, nil)) }
        }
        if let start = row.onset { items.append((onset(start), nil)) }
        for finding in row.findings {
            if let last = items.last, let quote = finding.quote, last.quote == quote {
                items[items.count - 1].text = knowledge.list([last.text, item(finding)], language)
            } else {
                items.append((item(finding), finding.quote))
            }
        }
        return items
    }

    /// How much of the person's words a header row shows.
    enum Quoting { case none, words, full }

    /// A header row on one line: its items, each followed by its quote (the words alone, or with
    /// their line and question).
    func row(_ row: Summary.HeaderRow, quoting: Quoting) -> String {
        let parts = items(row).map { item in
            guard let quote = item.quote else { return item.text }
            switch quoting {
            case .none: return item.text
            case .words: return item.text + words(quote)
            case .full: return item.text + " " + self.quote(quote)
            }
        }
        return parts.joined(separator: quoting == .full ? "; " : knowledge.text(.listSeparator, language))
    }

    /// The labels of findings, or "none".
    func labels(_ findings: [Summary.Finding]) -> String {
        findings.isEmpty ? knowledge.text(.none, language) : knowledge.list(findings.map(\.label), language)
    }

    /// What is still open, as /why and /summary list it: red flags and other findings not known,
    /// not understood and not asked, then the values age and duration not known or not asked.
    func open(_ summary: Summary) -> (unknown: [String], notUnderstood: [String], notAsked: [String]) {
        var unknown = summary.unknown.map(\.label)
        let notUnderstood = summary.notUnderstood.map(\.label)
        var notAsked = summary.notAsked.filter { !$0.inGroupSaidYes && !$0.contextNotMet }.map(\.label)
        for slot in [ValueSlot.age, .duration] {
            let name = knowledge.text(.init(slot: slot), language)
            switch summary.value(slot) {
            case nil: notAsked.append(name)
            case let value? where value.value == nil: unknown.append(name)
            default: break
            }
        }
        return (unknown, notUnderstood, notAsked)
    }
}
