/// Renders the advisor's events as text for a person: wrapped to the terminal's width, with
/// colour only when asked for. The same renderer writes script output and `koshi test` transcripts.
public struct TextRenderer: Sendable {
    public enum Style: Sendable { case plain, colour }

    let knowledge: Knowledge
    let style: Style
    /// Columns to wrap at; 0 for no wrapping.
    let width: Int

    public init(knowledge: Knowledge, style: Style = .plain, width: Int = 0) {
        self.knowledge = knowledge
        self.style = style
        self.width = width
    }

    /// The lines an event shows as, in the session's language.
    public func lines(_ event: AdvisorEvent, language: Language) -> [String] {
        switch event {
        case .message(let text):
            return wrap(text)
        case .findings(let summary):
            let understood = summary.present.map { knowledge.label($0, language) }
                + summary.absent.map { knowledge.text(.echoAbsent, language, ["label": knowledge.label($0, language)]) }
                + summary.unknown.map { knowledge.text(.echoUnknown, language, ["label": knowledge.label($0, language)]) }
                + ValueSlot.allCases.compactMap { slot in
                    summary.values[slot].map { knowledge.value(slot, $0, language) }
                }
            guard !understood.isEmpty else { return [] }
            return wrap("✓ " + understood.joined(separator: " · ")).map { paint($0, .dim) }
        case .question(_, _, let text):
            return wrap(text).map { paint($0, .bold) }
        case .recommendation(let recommendation, let text, _):
            let colour: Paint = switch recommendation.disposition {
            case .emergency: .red
            case .doctorSoon: .yellow
            case .inPerson: .cyan
            case .selfCare: .green
            }
            var lines = wrap(text)
            if let headline = lines.firstIndex(where: { $0.hasPrefix(headlinePrefix(language)) }) { lines[headline] = paint(lines[headline], colour) }
            return lines
        case .error(let message):
            return wrap("! " + message).map { paint($0, .red) }
        }
    }

    /// What a framed headline starts with (「【」, "== "): the text `headline.frame` up to `{headline}`.
    func headlinePrefix(_ language: Language) -> String {
        let frame = knowledge.texts[Phrase.headlineFrame.rawValue]?[language] ?? ""
        let prefix = frame.firstRange(of: "{headline}").map { String(frame[..<$0.lowerBound]) } ?? ""
        return prefix.isEmpty ? "\u{0}" : prefix
    }

    /// The whole text of a turn, a line each.
    public func text(_ turn: Turn, language: Language) -> [String] {
        turn.events.flatMap { lines($0, language: language) }
    }

    enum Paint: String {
        case bold = "1", dim = "2", red = "1;31", yellow = "1;33", cyan = "1;36", green = "1;32"
    }

    func paint(_ line: String, _ paint: Paint) -> String {
        style == .colour ? "\u{1B}[\(paint.rawValue)m\(line)\u{1B}[0m" : line
    }

    /// The text's lines, wrapped. What the person typed reaches replies (a file name, a quoted
    /// line in /why): a line separator or a bidi control in it is shown escaped, not obeyed.
    func wrap(_ text: String) -> [String] {
        DisplayWidth.wrap(InputSanitizer.escaped(text, keeping: ["\n", "\t"]), width: width)
    }
}
