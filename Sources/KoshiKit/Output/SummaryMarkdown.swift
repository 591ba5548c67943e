/// The summary as Markdown, for a person to read or hand to a clinician, on paper or in a
/// terminal: first a page with the recommendation, the history at a glance and the red flags;
/// then what the person was told and the plan; then the whole conversation. Everything the
/// person typed is escaped, so that it shows as typed.
struct SummaryMarkdown {
    let knowledge: Knowledge
    let summary: Summary
    var language: Language { summary.language }
    var style: SummaryStyle { SummaryStyle(knowledge: knowledge, language: language) }

    func text(_ phrase: Phrase, _ arguments: [String: String] = [:]) -> String {
        knowledge.text(phrase, language, arguments)
    }

    func write() -> String {
        let sections = [title(), decision(), header(), redFlags(), otherFindings(), given(), transcript()]
        return sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private func title() -> [String] {
        var out = ["# " + text(.summaryTitle), "", "> " + Markdown.escape(summary.disclaimer).replacingOccurrences(of: "\n", with: "\n> "), ""]
        if let time = summary.time { out.append("- " + text(.summaryTime) + ": " + time) }
        out.append("- " + text(.summaryVersion) + ": " + summary.knowledgeVersion)
        out.append("- " + text(.summaryLanguage) + ": " + language.rawValue)
        out.append("- " + text(.summaryRegion) + ": " + summary.region.rawValue)
        return out
    }

    /// The recommendation in one line, with its reasons in the person's words.
    private func decision() -> [String] {
        var out = ["## " + text(.summaryDisposition), ""]
        guard let given = summary.recommendation else { return out + [text(.summaryNoDisposition)] }
        out.append("**\(Markdown.escape(given.headline))** (`\(given.disposition.rawValue)`, `\(given.when.rawValue)`)")
        guard !given.reasons.isEmpty else { return out }
        out += ["", text(.summaryReasons) + ":", ""]
        for reason in given.reasons {
            var line = reason.label
            if let value = reason.value, let slot = ValueSlot(rawValue: reason.id) { line += ": " + knowledge.value(slot, value, language) }
            if let quote = reason.quote { line += " " + style.quote(quote) }
            out.append("- " + Markdown.escape(line))
        }
        return out
    }

    /// The complaint and the header rows: one line each, every item with the person's words.
    private func header() -> [String] {
        var out = ["## " + text(.summaryHeader), ""]
        if let complaint = summary.complaint {
            out.append("- **" + text(.summaryComplaint) + "**: " + Markdown.escape(style.quote(Summary.Quote(words: complaint, line: complaintLine))))
        }
        for row in summary.header {
            out.append("- **" + Markdown.escape(row.label) + "**: " + Markdown.escape(style.row(row, quoting: .full)))
        }
        if out.count == 2 { out.append("- " + text(.none)) }
        return out
    }

    private var complaintLine: Int {
        summary.transcript.first { $0.role == .user && $0.text == summary.complaint && $0.line != nil }?.line ?? 1
    }

    private func redFlags() -> [String] {
        var out = ["## " + text(.summaryRedFlags), ""]
        out.append("| \(text(.summaryRedFlagColumn)) | \(text(.summaryAnswerColumn)) | \(text(.summaryWordsColumn)) |")
        out.append("|---|---|---|")
        for flag in summary.redFlags {
            let words = flag.quote.map { Markdown.escape(style.quote($0), inTable: true) } ?? ""
            out.append("| \(Markdown.escape(flag.label, inTable: true)) | \(Markdown.escape(style.state(flag), inTable: true)) | \(words) |")
        }
        return out
    }

    /// Findings said that neither the header nor the red flags show: habits, stress, posture.
    private func otherFindings() -> [String] {
        let shown = Set(summary.header.flatMap(\.findings).map(\.id))
        let rest = (summary.findings + summary.history).filter {
            !$0.isRedFlag && !shown.contains($0.id) && [.stated, .denied, .unknown].contains($0.state)
        }
        guard !rest.isEmpty else { return [] }
        // Findings said in the same words are one line: 「どれもない」 denies six habits at once.
        var lines: [(items: [String], quote: Summary.Quote?)] = []
        for finding in rest {
            if let quote = finding.quote, lines.last?.quote == quote {
                lines[lines.count - 1].items.append(style.item(finding))
            } else {
                lines.append(([style.item(finding)], finding.quote))
            }
        }
        return ["## " + text(.summaryOtherFindings), ""] + lines.map { line in
            "- " + Markdown.escape(knowledge.list(line.items, language) + (line.quote.map { " " + style.quote($0) } ?? ""))
        }
    }

    /// What the person was told: the instruction, the safety net, the plan, and how the
    /// recommendation changed during the session.
    private func given() -> [String] {
        guard let given = summary.recommendation else { return [] }
        var out = ["## " + text(.summaryInstruction), "", "**" + Markdown.escape(given.headline) + "**", "", Markdown.escape(given.instruction)]
        if !given.review.isEmpty { out += ["", Markdown.escape(given.review)] }
        out += ["", "**" + text(.summarySafetyNet) + "**: " + Markdown.escape(given.safetyNet)]
        // An emergency gets the instruction and no plan: there is no "plan: none" to read.
        if !given.plan.isEmpty { out += ["", "**" + text(.summaryPlan) + "**", ""] }
        for item in given.plan {
            let sources = item.citations.map { Markdown.escape($0) }.joined(separator: ", ")
            out.append("- **\(Markdown.escape(item.title))**: \(Markdown.escape(item.text)) (\(sources))")
        }
        if summary.changes.count > 1 {
            out += ["", "**" + text(.summaryChanges) + "**", ""]
            for change in summary.changes {
                let line = text(.summaryChange, ["line": String(change.line), "said": change.said, "headline": change.headline])
                out.append("- " + Markdown.escape(line) + " (`\(change.disposition.rawValue)`, `\(change.when.rawValue)`)")
            }
        }
        return out
    }

    /// The conversation, both sides; the person's lines numbered as quotes count them, commands
    /// and their replies marked as such.
    private func transcript() -> [String] {
        var out = ["## " + text(.summaryTranscript), ""]
        for entry in summary.transcript {
            var who = text(entry.role == .user ? .summaryUserRole : .summaryAdvisorRole)
            if let line = entry.line { who += " (" + text(.summaryLineNumber, ["n": String(line)]) + ")" }
            if let number = entry.question { who += " (" + text(.summaryQuestionNumber, ["n": String(number)]) + ")" }
            if entry.isCommand { who += " (" + text(entry.role == .user ? .summaryCommand : .summaryCommandReply) + ")" }
            let body = Markdown.escape(entry.text).replacingOccurrences(of: "\n", with: "  \n  ")
            out.append("- **" + who + "**: " + body)
        }
        return out
    }
}

/// Escaping for Markdown, so that what someone typed is shown and never interpreted: the
/// characters that act anywhere in a line are escaped everywhere; those that act only at the start
/// of a line (#, -, +, >, =, 1.) only there, so that ordinary text stays readable as plain text.
public enum Markdown {
    public static func escape(_ text: String, inTable: Bool = false) -> String {
        var out = ""
        var atLineStart = true
        var digitsAtStart = false
        for char in text {
            switch char {
            case "\n":
                out += inTable ? " " : "\n"
                atLineStart = !inTable
                continue
            case _ where char.unicodeScalars.contains(where: InputSanitizer.mustBeEscaped):
                out += "\u{FFFD}"
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~":
                out += "\\" + String(char)
            case _ where atLineStart && "#-+=".contains(char):
                out += "\\" + String(char)
            case _ where digitsAtStart && ".)".contains(char):
                out += "\\" + String(char)
            default:
                out.append(char)
            }
            digitsAtStart = (atLineStart || digitsAtStart) && char.isASCII && char.isNumber
            atLineStart = false
        }
        return out
    }
}
