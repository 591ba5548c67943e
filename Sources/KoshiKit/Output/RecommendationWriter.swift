/// Writes a recommendation for a person: what to do and how soon, in the region's words and with
/// the place named for the reason; the findings that decided it; a word of reassurance; the first
/// items of the plan, each with why it was chosen and whether a guideline backs it; the review
/// point, dated from the onset; and the signs that should bring them back. The whole plan, with
/// each item's text and sources, is `plan(_:)`, for `/plan`.
public struct RecommendationWriter: Sendable {
    let knowledge: Knowledge
    let language: Language
    /// The person the advice is for when someone speaks for them (a carer: 「お母さま」, "your
    /// dad"); nil when the person speaks for themselves. A hook: nothing sets it yet.
    public var personSpokenFor: LocalizedText?

    /// How many items of the plan the recommendation itself shows: with the rest of it, the first
    /// plan stays within about 20 rows at 80 columns. `/plan` shows them all.
    public static let itemsShown = 5

    public init(knowledge: Knowledge, language: Language, personSpokenFor: LocalizedText? = nil) {
        self.knowledge = knowledge
        self.language = language
        self.personSpokenFor = personSpokenFor
    }

    /// The region's services, to fill the texts' placeholders.
    func services(_ region: Region) -> [String: String] {
        knowledge.regions[region]?.placeholders(language) ?? [:]
    }

    /// The headline: what to do and how soon, in the region's words (「今日のうちに医療機関を受診」).
    public func headline(_ recommendation: Recommendation, region: Region) -> String {
        knowledge.text(.init(headline: recommendation.when), language, services(region))
    }

    /// The recommendation as said when it is given. When it follows one of the same disposition,
    /// only what changed is said: the headline, the reasons if they changed, and the items added
    /// and taken out.
    public func text(_ recommendation: Recommendation, state: DialogueState, changed: Bool) -> String {
        let history = state.recommendationHistory.map(\.recommendation)
        let earlier = history.last == recommendation ? history.dropLast().last : history.last
        if !changed, let earlier, earlier.disposition == recommendation.disposition, earlier != recommendation {
            return update(recommendation, from: earlier, state: state)
        }
        var parts: [String] = []
        if changed { parts.append(knowledge.text(.recommendationChanged, language)) }
        parts.append(framed(recommendation, state: state))
        // The reassurance goes on in the detail's paragraph: a row saved is a row of the plan.
        parts.append(([detail(recommendation, state: state)] + reassurance(recommendation.disposition))
            .joined(separator: language == .ja ? "" : " "))
        parts += reasons(recommendation, state: state)
        let plan = Advice(knowledge: knowledge).planned(recommendation.advice, state: state)
        if !plan.isEmpty {
            parts += personHeading
            parts += grouped(Array(plan.prefix(Self.itemsShown)))
            parts.append(plan.count > Self.itemsShown
                ? knowledge.text(.planMore, language, ["n": String(plan.count - Self.itemsShown)])
                : knowledge.text(.planMoreNone, language))
        }
        parts += review(recommendation, state: state)
        parts.append(knowledge.text(.init(safetyNet: recommendation.disposition), language, services(state.region)))
        return parts.joined(separator: "\n")
    }

    /// What changed since the last recommendation of the same disposition.
    func update(_ recommendation: Recommendation, from earlier: Recommendation, state: DialogueState) -> String {
        var parts = [framed(recommendation, state: state)]
        if earlier.when != recommendation.when || earlier.reasons != recommendation.reasons {
            parts.append(detail(recommendation, state: state))
            parts += reasons(recommendation, state: state)
        }
        let advice = Advice(knowledge: knowledge)
        let added = advice.planned(recommendation.advice.filter { !earlier.advice.contains($0) }, state: state)
        let removed = advice.planned(earlier.advice.filter { !recommendation.advice.contains($0) }, state: state)
        if !added.isEmpty { parts.append(knowledge.text(.planAdded, language) + "\n" + added.map(line).joined(separator: "\n")) }
        if !removed.isEmpty {
            parts.append(knowledge.text(.planRemoved, language, ["items": knowledge.list(removed.map { $0.item.title[language] }, language)]))
        }
        parts.append(knowledge.text(.planMoreNone, language))
        return parts.joined(separator: "\n")
    }

    /// The whole plan, for `/plan`: each item with why it was chosen, its text and its sources,
    /// grouped by what backs it.
    public func plan(_ state: DialogueState) -> String {
        guard let recommendation = state.recommendation else { return knowledge.text(.planNone, language) }
        let plan = Advice(knowledge: knowledge).planned(recommendation.advice, state: state)
        var parts = [knowledge.text(.planFullHeading, language, ["plan": knowledge.text(.planHeading, language),
                                                                  "headline": headline(recommendation, region: state.region)])]
        parts += personHeading
        parts += reassurance(recommendation.disposition)
        if plan.isEmpty { parts.append(knowledge.text(.planEmpty, language)) }
        let services = services(state.region)
        parts += grouped(plan) { planned in
            line(planned) + "\n" + planned.item.text(language, services: services) + "\n"
                + knowledge.text(.planSources, language, ["sources": citations(planned.item)])
        }
        parts += review(recommendation, state: state)
        return parts.joined(separator: "\n")
    }

    // MARK: Parts

    func framed(_ recommendation: Recommendation, state: DialogueState) -> String {
        knowledge.text(.headlineFrame, language, ["headline": headline(recommendation, region: state.region)])
    }

    /// What to do, how soon and where: the place named for what decided it (referrals in regions.kb).
    func detail(_ recommendation: Recommendation, state: DialogueState) -> String {
        var values = services(state.region)
        values["place"] = place(recommendation, state: state)
        if recommendation.disposition == .selfCare, state.findings.contains(where: { knowledge.concept($0.key)?.group == .redFlag && $0.value.status == .unknown }) {
            return knowledge.text(.detailSelfCareUnknown, language, values)
        }
        if recommendation.disposition == .doctorSoon, recommendation.when == .today {
            return knowledge.text(.detailToday, language, values)
        }
        return knowledge.text(.init(dispositionDetail: recommendation.disposition), language, values)
    }

    /// Where a doctor-soon recommendation sends the person: the first referral that matches, else
    /// the region's doctor.
    public func place(_ recommendation: Recommendation, state: DialogueState) -> String {
        let services = services(state.region)
        let key = recommendation.disposition == .doctorSoon ? knowledge.referrals.first { $0.matches(state) }?.service : nil
        return services[key ?? "doctor"] ?? services["doctor"] ?? ""
    }

    /// The findings that decided it in one paragraph, the rule in plain words, and any red flag
    /// the person could not rule out, named.
    func reasons(_ recommendation: Recommendation, state: DialogueState) -> [String] {
        var parts: [String] = []
        let services = services(state.region)
        if !recommendation.reasons.isEmpty {
            var why = knowledge.text(.reasonsHeading, language) + knowledge.list(recommendation.reasons.map { reason(for: $0, state: state) }, language)
            // For an in-person visit the detail says enough; the rule in words is on /why.
            if recommendation.disposition != .inPerson, let rule = knowledge.rules.first(where: { $0.id == recommendation.rule }) {
                why += "\n" + Knowledge.fill(rule.explanation[language], services)
            }
            parts.append(why)
        } else {
            parts.append(knowledge.text(.reasonsNone, language))
        }
        let unknownFlags = knowledge.concepts.filter { $0.group == .redFlag && state.status(of: $0.id) == .unknown }
        if recommendation.disposition != .emergency, !unknownFlags.isEmpty {
            parts.append(knowledge.text(.reasonsUnknownFlags, language, ["flags": knowledge.list(unknownFlags.map { $0.label[language] }, language)]))
        }
        return parts
    }

    /// NICE's and NHS inform's word for people whose back pain can be looked after: most is not
    /// serious and gets better.
    func reassurance(_ disposition: Disposition) -> [String] {
        disposition == .selfCare || disposition == .inPerson ? [knowledge.text(.reassurance, language)] : []
    }

    var personHeading: [String] {
        personSpokenFor.map { [knowledge.text(.planForPerson, language, ["person": $0[language]])] } ?? []
    }

    /// The review point of self-care (CONTRACT.md's `review`): 2 and 6 weeks from the onset, as
    /// dates when today and the duration are known (「12月20日までに」), otherwise in weeks.
    func review(_ recommendation: Recommendation, state: DialogueState) -> [String] {
        guard recommendation.when == .review else { return [] }
        var values = services(state.region)
        guard let today = state.today, let days = state.values[.duration]?.value else {
            return [knowledge.text(.reviewWeeks, language, values)]
        }
        let onset = today.adding(days: -days)
        let twoWeeks = onset.adding(days: 14), sixWeeks = onset.adding(days: 42)
        values["date2"] = date(twoWeeks, region: state.region)
        values["date6"] = date(sixWeeks, region: state.region)
        if twoWeeks > today { return [knowledge.text(.reviewDated, language, values)] }
        if sixWeeks > today { return [knowledge.text(.reviewDatedSix, language, values)] }
        return [knowledge.text(.reviewWeeks, language, values)]
    }

    /// A date as the region writes it (regions.kb `date-format`): 「12月20日」, "20 December", "December 20".
    public func date(_ date: CivilDate, region: Region) -> String {
        let names = knowledge.text(.dateMonthNames, language).split(separator: ",").map { String($0).trimmed }
        let format = services(region)["date-format"] ?? "{month}/{day}"
        return Knowledge.fill(format, ["month": String(date.month), "day": String(date.day),
                                       "month-name": names.indices.contains(date.month - 1) ? names[date.month - 1] : String(date.month)])
    }

    /// Items under the heading of what backs them: the guideline-backed first, then the article's
    /// view. Items given for the same reason share one line that says it, placed where the first
    /// of them stood; where there are such lines, the items for everyone get one too.
    func grouped(_ plan: [PlannedItem], _ render: ((PlannedItem) -> String)? = nil) -> [String] {
        AdviceItem.Evidence.allCases.compactMap { evidence in
            let items = plan.filter { $0.item.evidence == evidence }
            guard !items.isEmpty else { return nil }
            var runs: [[PlannedItem]] = []
            for item in items {
                if let index = runs.firstIndex(where: { $0.first?.why == item.why }) { runs[index].append(item) } else { runs.append([item]) }
            }
            let headed = runs.contains { $0.count > 1 && $0[0].why != nil }
            var lines = [knowledge.text(evidence == .guideline ? .planGuideline : .planArticle, language)]
            for run in runs {
                if let why = run[0].why, run.count > 1 {
                    lines.append(knowledge.text(.planWhyHeading, language, ["why": capitalized(why[language])]))
                } else if run[0].why == nil, headed {
                    lines.append(knowledge.text(.planForEveryone, language))
                } else {
                    lines += run.map { render?($0) ?? line($0) }
                    continue
                }
                lines += run.map { PlannedItem(item: $0.item, why: nil) }.map { render?($0) ?? line($0) }
            }
            return lines.joined(separator: "\n")
        }
    }

    /// An item in one line: its title and why it was chosen.
    func line(_ planned: PlannedItem) -> String {
        guard let why = planned.why else { return knowledge.text(.planItemPlain, language, ["title": planned.item.title[language]]) }
        return knowledge.text(.planItem, language, ["title": planned.item.title[language], "why": why[language]])
    }

    /// A clause that opens a line: "Since you sit…" rather than "since you sit…".
    func capitalized(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A reason in words: the concept's label and what the person said, or a value.
    public func reason(for topic: Topic, state: DialogueState) -> String {
        guard case .concept(let id) = topic else {
            guard case .slot(let slot) = topic, let value = state.values[slot]?.value else { return knowledge.label(topic, language) }
            return knowledge.text(.init(slot: slot), language) + " " + knowledge.value(slot, value, language)
        }
        let label = knowledge.label(id, language)
        guard let evidence = state.findings[id]?.evidence, !evidence.isEmpty else { return label }
        return knowledge.text(.quotedFinding, language, ["label": label, "words": evidence])
    }

    public func citations(_ item: AdviceItem) -> String {
        knowledge.list(item.sources.compactMap { knowledge.sources[$0]?.citation(language) }, language)
    }
}
