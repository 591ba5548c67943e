/// Writes a summary three ways: plain text for the terminal, Markdown for a person, JSON for programs.
public struct SummaryWriter: Sendable {
    let knowledge: Knowledge

    public init(knowledge: Knowledge) {
        self.knowledge = knowledge
    }

    /// The summary as the terminal shows it for `/summary`.
    public func text(_ summary: Summary) -> String {
        let l = summary.language
        var lines: [String] = [knowledge.text(.summaryTitle, l)]
        if let complaint = summary.complaint { lines.append(knowledge.text(.summaryComplaint, l) + ": " + complaint) }
        lines.append(knowledge.text(.summaryPresent, l) + ": " + labels(summary.present, l))
        lines.append(knowledge.text(.summaryAbsent, l) + ": " + labels(summary.absent, l))
        lines.append(knowledge.text(.summaryUnknown, l) + ": " + labels(summary.unknown, l))
        lines.append(knowledge.text(.summaryValues, l) + ": " + valuesText(summary))
        lines.append(knowledge.text(.summaryDisposition, l) + ": " + (summary.dispositionText ?? knowledge.text(.summaryNoDisposition, l)))
        if !summary.reasons.isEmpty { lines.append(knowledge.text(.summaryReasons, l) + ": " + labels(summary.reasons, l)) }
        if !summary.plan.isEmpty {
            lines.append(knowledge.text(.summaryPlan, l) + ": " + knowledge.list(summary.plan.map(\.title), l))
        }
        return lines.joined(separator: "\n")
    }

    /// The summary as Markdown, with every piece of user text escaped.
    public func markdown(_ summary: Summary) -> String {
        let l = summary.language
        var out: [String] = ["# " + knowledge.text(.summaryTitle, l), ""]
        out.append("> " + Markdown.escape(summary.disclaimer).replacingOccurrences(of: "\n", with: "\n> "))
        out.append("")
        if let time = summary.time { out.append("- " + knowledge.text(.summaryTime, l) + ": " + time) }
        out.append("- " + knowledge.text(.summaryVersion, l) + ": " + summary.knowledgeVersion)
        out.append("- " + knowledge.text(.summaryLanguage, l) + ": " + l.rawValue)
        out.append("")
        out.append("## " + knowledge.text(.summaryComplaint, l))
        out.append("")
        out.append(summary.complaint.map { "> " + Markdown.escape($0) } ?? "-")
        out.append("")
        out.append("## " + knowledge.text(.summaryDisposition, l))
        out.append("")
        if let text = summary.dispositionText, let disposition = summary.disposition {
            out.append("**\(Markdown.escape(text))** (`\(disposition.rawValue)`)")
            out.append("")
            if !summary.reasons.isEmpty {
                out.append(knowledge.text(.summaryReasons, l) + ":")
                out.append("")
                for reason in summary.reasons { out.append("- " + itemLine(reason, l)) }
                out.append("")
            }
        } else {
            out.append(knowledge.text(.summaryNoDisposition, l))
            out.append("")
        }
        out.append("## " + knowledge.text(.summaryFindings, l))
        out.append("")
        for (heading, items) in [(Phrase.summaryPresent, summary.present), (.summaryAbsent, summary.absent), (.summaryUnknown, summary.unknown)] {
            out.append("**" + knowledge.text(heading, l) + "**")
            out.append("")
            out.append(contentsOf: items.isEmpty ? ["- " + knowledge.text(.none, l)] : items.map { "- " + itemLine($0, l) })
            out.append("")
        }
        out.append("**" + knowledge.text(.summaryValues, l) + "**")
        out.append("")
        if summary.values.isEmpty { out.append("- " + knowledge.text(.none, l)) }
        for value in summary.values {
            let name = knowledge.text(.init(slot: value.slot), l)
            let amount = valueText(value.value, value.slot, l)
            let words = value.evidence.isEmpty ? "" : " (“\(Markdown.escape(value.evidence))”)"
            out.append("- \(name): \(amount)\(words)")
        }
        out.append("")
        out.append("## " + knowledge.text(.summaryRedFlags, l))
        out.append("")
        out.append("| \(knowledge.text(.summaryRedFlagColumn, l)) | \(knowledge.text(.summaryAnswerColumn, l)) |")
        out.append("|---|---|")
        for flag in summary.redFlags {
            let answer = flag.status.map { knowledge.text(.init(status: $0), l) } ?? knowledge.text(.summaryNotAsked, l)
            let words = flag.evidence.map { " (“" + Markdown.escape($0, inTable: true) + "”)" } ?? ""
            out.append("| \(Markdown.escape(flag.label, inTable: true)) | \(answer)\(words) |")
        }
        out.append("")
        out.append("## " + knowledge.text(.summaryPlan, l))
        out.append("")
        if summary.plan.isEmpty { out.append("- " + knowledge.text(.none, l)) }
        for item in summary.plan {
            let sources = item.citations.map { Markdown.escape($0) }.joined(separator: ", ")
            out.append("- **\(Markdown.escape(item.title))**: \(Markdown.escape(item.text)) (\(sources))")
        }
        out.append("")
        out.append("## " + knowledge.text(.summaryTranscript, l))
        out.append("")
        for entry in summary.transcript {
            let who = knowledge.text(entry.role == .user ? .summaryUserRole : .summaryAdvisorRole, l)
            let text = Markdown.escape(entry.text).replacingOccurrences(of: "\n", with: "  \n")
            out.append("- **" + who + "**: " + text)
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// The summary as JSON (CONTRACT.md's exported summary).
    public func json(_ summary: Summary) -> JSON {
        func items(_ list: [Summary.Item]) -> JSON { .strings(list.map(\.id)) }
        func detail(_ list: [Summary.Item]) -> JSON {
            .array(list.map { item in
                .object([("id", .string(item.id)), ("label", .string(item.label)),
                         ("status", item.status.map { .string($0.rawValue) } ?? .null),
                         ("text", item.evidence.map(JSON.string) ?? .null), ("line", item.line.map(JSON.int) ?? .null)])
            })
        }
        var values: [(String, JSON)] = []
        for value in summary.values {
            let key = value.slot == .duration ? "duration_days" : value.slot.rawValue
            values.append((key, value.value.map(JSON.int) ?? .null))
        }
        return .object([
            ("disposition", summary.disposition.map { .string($0.rawValue) } ?? .null),
            ("disposition_text", summary.dispositionText.map(JSON.string) ?? .null),
            ("reasons", items(summary.reasons)),
            ("findings", .object([("present", items(summary.present)), ("absent", items(summary.absent)),
                                  ("unknown", items(summary.unknown))])),
            ("finding_details", detail(summary.present + summary.absent + summary.unknown)),
            ("values", .object(values)),
            ("red_flags", detail(summary.redFlags)),
            ("advice", .array(summary.plan.map { item in
                .object([("id", .string(item.id)), ("title", .string(item.title)), ("text", .string(item.text)),
                         ("section", item.articleSection.map(JSON.string) ?? .null), ("sources", .strings(item.citations))])
            })),
            ("complaint", summary.complaint.map(JSON.string) ?? .null),
            ("transcript", .array(summary.transcript.map { entry in
                .object([("role", .string(entry.role.rawValue)), ("text", .string(entry.text))])
            })),
            ("language", .string(summary.language.rawValue)),
            ("knowledge_version", .string(summary.knowledgeVersion)),
            ("time", summary.time.map(JSON.string) ?? .null),
            ("disclaimer", .string(summary.disclaimer)),
        ])
    }

    private func labels(_ items: [Summary.Item], _ language: Language) -> String {
        items.isEmpty ? knowledge.text(.none, language) : knowledge.list(items.map(\.label), language)
    }

    private func valuesText(_ summary: Summary) -> String {
        let l = summary.language
        guard !summary.values.isEmpty else { return knowledge.text(.none, l) }
        return knowledge.list(summary.values.map { value in
            knowledge.text(.init(slot: value.slot), l) + " " + valueText(value.value, value.slot, l)
        }, l)
    }

    private func valueText(_ value: Int?, _ slot: ValueSlot, _ language: Language) -> String {
        guard let value else { return knowledge.text(.init(status: .unknown), language) }
        return knowledge.value(slot, value, language)
    }

    private func itemLine(_ item: Summary.Item, _ language: Language) -> String {
        var line = Markdown.escape(item.label)
        if let evidence = item.evidence, !evidence.isEmpty { line += " (“" + Markdown.escape(evidence) + "”" }
        if let number = item.line { line += ", " + knowledge.text(.summaryLineNumber, language, ["n": String(number)]) }
        if item.evidence?.isEmpty == false { line += ")" }
        return line
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
