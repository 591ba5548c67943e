/// The ids of the texts in `texts.kb` that koshi's code says; `koshi kb check` makes sure every
/// one of them exists in both languages.
public enum Phrase: String, CaseIterable, Sendable {
    case greeting
    case disclaimer
    case goodbye
    case hintUnplaced = "hint.unplaced"
    case answerUnread = "hint.answer-unread"
    case answerOneByOne = "hint.one-by-one"
    case answerNotedOneByOne = "hint.noted-one-by-one"
    case answerNotedAskAgain = "hint.noted-ask-again"
    case answerNotedUnknown = "hint.noted-unknown"
    case answerYesNo = "hint.yes-no"
    case suggestion = "hint.suggestion"
    case listSeparator = "list.separator"
    case listNumbers = "list.numbers"
    case askRemaining = "ask.remaining"
    case askPart = "ask.part"
    case askPlain = "ask.plain"
    case askWhich = "ask.which"
    case askConfirm = "ask.confirm"
    case askSingle = "ask.single"
    case askSlot = "ask.slot"
    case askNoneIsFine = "ask.none-is-fine"
    case explainItem = "explain.item"
    case hintUnreadRemaining = "hint.unread-remaining"
    case hintNotedRemaining = "hint.noted-remaining"
    case hintNotedNotUnderstood = "hint.noted-not-understood"
    case hintBackToQuestion = "hint.back-to-question"
    case listeningCannotAnswer = "listening.cannot-answer"
    case listeningNoted = "listening.noted"
    case listeningRestate = "listening.restate"
    case none

    case inputInvalidUTF8 = "input.invalid-utf8"
    case inputTooLong = "input.too-long"
    case inputControlCharacters = "input.control-characters"

    case headlineNow = "headline.now"
    case headlineToday = "headline.today"
    case headlineWithinDays = "headline.within-days"
    case headlineWithinWeeks = "headline.within-weeks"
    case headlineReview = "headline.review"
    case detailToday = "detail.today"
    case dispositionEmergency = "disposition.emergency"
    case dispositionDoctorSoon = "disposition.doctor-soon"
    case dispositionInPerson = "disposition.in-person"
    case dispositionSelfCare = "disposition.self-care"
    case detailEmergency = "detail.emergency"
    case detailDoctorSoon = "detail.doctor-soon"
    case detailInPerson = "detail.in-person"
    case detailSelfCare = "detail.self-care"
    case safetyNetEmergency = "safety-net.emergency"
    case safetyNetDoctorSoon = "safety-net.doctor-soon"
    case safetyNetInPerson = "safety-net.in-person"
    case safetyNetSelfCare = "safety-net.self-care"
    case reasonsHeading = "reasons.heading"
    case reasonsNone = "reasons.none"
    case quotedFinding = "reasons.quoted"
    case recommendationChanged = "recommendation.changed"
    case recommendationUnchanged = "recommendation.unchanged"
    case recommendationUpdated = "recommendation.updated"
    case recommendationWithdrawn = "recommendation.withdrawn"
    case detailSelfCareUnknown = "detail.self-care-unknown"
    case reasonsUnknownFlags = "reasons.unknown-flags"
    case valueDurationOne = "value.duration-one"

    case headlineFrame = "headline.frame"
    case reassurance
    case reviewDated = "review.dated"
    case reviewDatedSix = "review.dated-six"
    case reviewWeeks = "review.weeks"
    case dateMonthNames = "date.month-names"
    case planHeading = "plan.heading"
    case planGuideline = "plan.guideline"
    case planArticle = "plan.article"
    case planItem = "plan.item"
    case planItemPlain = "plan.item-plain"
    case planWhyHeading = "plan.why-heading"
    case planForEveryone = "plan.for-everyone"
    case planMore = "plan.more"
    case planMoreNone = "plan.more-none"
    case planFullHeading = "plan.full-heading"
    case planNone = "plan.none"
    case planEmpty = "plan.empty"
    case planAdded = "plan.added"
    case planRemoved = "plan.removed"
    case planSources = "plan.sources"
    case planForPerson = "plan.for-person"

    case slotAge = "slot.age"
    case slotDuration = "slot.duration"
    case slotPainIntensity = "slot.pain_intensity"
    case valueAge = "value.age"
    case valueDuration = "value.duration"
    case valuePainIntensity = "value.pain_intensity"
    case statusPresent = "status.present"
    case statusAbsent = "status.absent"
    case statusUnknown = "status.unknown"
    case echoAbsent = "echo.absent"
    case echoUnknown = "echo.unknown"

    case commandHelp = "command.help"
    case commandUnknown = "command.unknown"
    case resetDone = "command.reset"
    case languageChanged = "command.lang"
    case languageUsage = "command.lang-usage"
    case regionChanged = "command.region"
    case regionUsage = "command.region-usage"
    case exportUsage = "export.usage"
    case exportDone = "export.done"
    case exportExists = "export.exists"
    case exportFailed = "export.failed"
    case exportFormat = "export.format"
    case exportConfirm = "export.confirm"

    case whyNothingYet = "why.nothing-yet"
    case whyFindingsHeading = "why.findings"
    case whyFinding = "why.finding"
    case whyRule = "why.rule"
    case whyRuleSoFar = "why.rule-so-far"
    case whyNotYet = "why.not-yet"
    case whyUnknownHeading = "why.unknown"
    case whyNotUnderstoodHeading = "why.not-understood"
    case whyNotAskedHeading = "why.not-asked"

    case summaryTitle = "summary.title"
    case summaryTime = "summary.time"
    case summaryVersion = "summary.version"
    case summaryLanguage = "summary.language"
    case summaryComplaint = "summary.complaint"
    case summaryFindings = "summary.findings"
    case summaryPresent = "summary.present"
    case summaryAbsent = "summary.absent"
    case summaryUnknown = "summary.unknown"
    case summaryValues = "summary.values"
    case summaryRedFlags = "summary.red-flags"
    case summaryRedFlagColumn = "summary.red-flag-column"
    case summaryAnswerColumn = "summary.answer-column"
    case summaryNotAsked = "summary.not-asked"
    case summaryDisposition = "summary.disposition"
    case summaryNoDisposition = "summary.no-disposition"
    case summaryReasons = "summary.reasons"
    case summaryPlan = "summary.plan"
    case summaryTranscript = "summary.transcript"
    case summaryUserRole = "summary.user"
    case summaryAdvisorRole = "summary.advisor"
    case summaryLineNumber = "summary.line"
    case summaryRegion = "summary.region"
    case summaryHeader = "summary.header"
    case summaryOtherFindings = "summary.other-findings"
    case summaryNotUnderstood = "summary.not-understood"
    case summaryWordsColumn = "summary.words-column"
    case summaryStateStated = "summary.state.stated"
    case summaryStateDenied = "summary.state.denied"
    case summaryStateUnknown = "summary.state.unknown"
    case summaryStateNotUnderstood = "summary.state.not-understood"
    case summaryStateNotAsked = "summary.state.not-asked"
    case summaryStateNotApplicable = "summary.state.not-applicable"
    case summaryInGroupYes = "summary.in-group-yes"
    case summaryQuote = "summary.quote"
    case summaryQuoteAnswer = "summary.quote-answer"
    case summaryQuoteAnswerOn = "summary.quote-answer-on"
    case summaryQuoteWords = "summary.quote-words"
    case summaryQuestionNumber = "summary.question-number"
    case summaryOnset = "summary.onset"
    case summaryOnsetToday = "summary.onset-today"
    case summarySpokenFor = "summary.spoken-for"
    case summaryEarlier = "summary.earlier"
    case summaryEarlierValue = "summary.earlier-value"
    case summaryInstruction = "summary.instruction"
    case summarySafetyNet = "summary.safety-net"
    case summaryChanges = "summary.changes"
    case summaryChange = "summary.change"
    case summaryCommand = "summary.command"
    case summaryCommandReply = "summary.command-reply"

    /// The text naming a disposition: `disposition.<id>`.
    public init(disposition: Disposition) { self.init(derived: "disposition", disposition.rawValue) }

    /// The sentence that says what a disposition means: `detail.<id>`.
    public init(dispositionDetail disposition: Disposition) { self.init(derived: "detail", disposition.rawValue) }

    /// The signs that should bring the person back: `safety-net.<id>`.
    public init(safetyNet disposition: Disposition) { self.init(derived: "safety-net", disposition.rawValue) }

    /// The headline of a recommendation, by how soon to act: `headline.<when>`.
    public init(headline when: Timeframe) { self.init(derived: "headline", when.rawValue) }

    /// The name of a value slot: `slot.<slot>`.
    public init(slot: ValueSlot) { self.init(derived: "slot", slot.rawValue) }

    /// How a value of the slot reads, with `{n}` for the number: `value.<slot>`.
    public init(slotValue slot: ValueSlot) { self.init(derived: "value", slot.rawValue) }

    /// How a finding's status reads: `status.<status>`.
    public init(status: FindingStatus) { self.init(derived: "status", status.rawValue) }

    /// How a finding's state reads in a summary: `summary.state.<state>`.
    public init(state: FindingState) { self.init(derived: "summary.state", state.rawValue) }

    /// The text whose id is `prefix.name`. Every enum that names texts this way has a case here
    /// for each of its values (a unit test walks them all), so the lookup cannot fail.
    private init(derived prefix: String, _ name: String) {
        guard let phrase = Phrase(rawValue: prefix + "." + name) else {
            preconditionFailure("texts.kb has no text id '\(prefix).\(name)' among Phrase's cases")
        }
        self = phrase
    }
}
