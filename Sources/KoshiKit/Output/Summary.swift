/// A conversation's summary, for the person to keep or to hand to a clinician: a clinical header
/// of what the person said, every finding with its state and the words that decided it, the red
/// flags, the values and how they changed, the recommendation as it was given and how it changed,
/// the transcript, the disclaimer and the knowledge base's version. `/why`, `/summary` and both
/// export formats are written from this one record.
public struct Summary: Sendable {
    /// The person's own words behind a finding or a value, and where they are.
    public struct Quote: Sendable, Hashable {
        /// The clause that decided it, or the reply that answered its question, as typed.
        public var words: String
        /// The number of the person's line (from 1; commands are not counted).
        public var line: Int
        /// What the question the words answered asked about (ids and labels), when they answered
        /// one: a bare "no" means nothing without it.
        public var questionItems: [String] = []
        public var question: [String] = []
        /// The number of that question in the transcript (koshi's first question is 1).
        public var questionNumber: Int?
    }

    /// A finding and what the conversation knows of it.
    public struct Finding: Sendable, Hashable {
        public var id: String
        public var label: String
        public var group: ConceptGroup
        public var state: FindingState
        /// Nil when nothing was said of it (not asked).
        public var quote: Quote?
        /// The person said yes to a group of signs holding this one without saying which.
        public var inGroupSaidYes = false
        /// A follow-up sign not asked because its context never came up (how unwell, without a
        /// fever): not asked, and not to be.
        public var contextNotMet = false

        public var isRedFlag: Bool { group == .redFlag }
    }

    /// A value, the words that gave it, and what was said before when it changed.
    public struct Value: Sendable, Hashable {
        public struct Earlier: Sendable, Hashable {
            public var value: Int?
            public var line: Int
        }

        public var slot: ValueSlot
        /// Nil when the person does not know it.
        public var value: Int?
        public var quote: Quote
        /// Values given before this one, oldest first (duration 4 days, later 2).
        public var earlier: [Earlier] = []
    }

    /// The day the pain began: today less the duration, when both are known.
    public struct Onset: Sendable, Hashable {
        public var date: CivilDate
        public var daysAgo: Int
    }

    /// A row of the clinical header (summary.kb), with what the person said of it.
    public struct HeaderRow: Sendable, Hashable {
        public var id: String
        public var label: String
        /// The line where someone else (a carer) said they ask for the patient.
        public var spokenFor: Quote?
        public var values: [Value]
        public var onset: Onset?
        public var findings: [Finding]
    }

    /// An item of the plan.
    public struct PlanItem: Sendable, Hashable {
        public var id: String
        public var title: String
        public var text: String
        /// How the sources read when cited, such as "article §5.3" or "NICE NG59".
        public var citations: [String]
        /// The article section the item comes from, if it comes from the article.
        public var articleSection: String?
    }

    /// A reason for the recommendation: a finding, or a value (age at onset, duration).
    public struct Reason: Sendable, Hashable {
        public var id: String
        public var label: String
        public var value: Int?
        public var quote: Quote?
    }

    /// The recommendation as the person was given it.
    public struct Given: Sendable, Hashable {
        public var disposition: Disposition
        public var when: Timeframe
        public var region: Region
        public var rule: String
        /// What to do and how soon, in the region's words.
        public var headline: String
        /// The disposition's name (「できるだけ早めに医療機関を（整形外科）」).
        public var dispositionText: String
        /// What the person was told to do (for an emergency, the instruction).
        public var instruction: String
        /// For self-care, when to see someone if it is not better (dated from the onset when it can be).
        public var review: String
        /// The signs that should bring them back, as shown.
        public var safetyNet: String
        public var reasons: [Reason]
        public var plan: [PlanItem]
    }

    /// A recommendation given during the session, with the line that led to it.
    public struct Change: Sendable, Hashable {
        public var line: Int
        /// The person's line that led to it.
        public var said: String
        public var disposition: Disposition
        public var when: Timeframe
        public var headline: String
    }

    /// A line of the transcript; `line` numbers the person's lines that are not commands.
    public struct Entry: Sendable, Hashable {
        public var role: TranscriptEntry.Role
        public var text: String
        public var isCommand: Bool
        public var line: Int?
        /// The number of the question this entry puts, for koshi's questions.
        public var question: Int?
    }

    public var language: Language
    public var knowledgeVersion: String
    /// When the summary was made, ISO 8601 in UTC; nil where no clock was given.
    public var time: String?
    public var today: CivilDate?
    public var region: Region
    public var complaint: String?
    public var header: [HeaderRow]
    /// Every finding koshi reports that was said or asked, and every red flag, in the knowledge
    /// base's order.
    public var findings: [Finding]
    /// The person's history (history.kb) as said: medicines, side, what makes it worse.
    public var history: [Finding]
    public var values: [Value]
    public var recommendation: Given?
    public var changes: [Change]
    public var transcript: [Entry]
    public var disclaimer: String

    public init(state: DialogueState, knowledge: Knowledge, time: String?) {
        let facts = SummaryFacts(state: state, knowledge: knowledge)
        language = state.language
        knowledgeVersion = knowledge.version
        self.time = time
        today = state.today
        region = state.region
        complaint = state.complaint
        findings = facts.reportedFindings()
        history = facts.historyFindings()
        values = facts.values()
        header = facts.header(values: values)
        let given = GivenRecommendation(state: state, knowledge: knowledge, facts: facts)
        recommendation = given.current()
        changes = given.changes()
        transcript = facts.transcript()
        disclaimer = knowledge.text(.disclaimer, language, knowledge.regions[state.region]?.placeholders(language) ?? [:])
    }

    public var redFlags: [Finding] { findings.filter(\.isRedFlag) }

    /// The reported findings in one state.
    public func findings(_ state: FindingState) -> [Finding] { findings.filter { $0.state == state } }

    public var present: [Finding] { findings(.stated) }
    public var absent: [Finding] { findings(.denied) }
    public var unknown: [Finding] { findings(.unknown) }
    public var notUnderstood: [Finding] { findings(.notUnderstood) }
    public var notAsked: [Finding] { findings(.notAsked) }

    public var disposition: Disposition? { recommendation?.disposition }
    public var dispositionText: String? { recommendation?.dispositionText }
    public var reasons: [Reason] { recommendation?.reasons ?? [] }
    public var plan: [PlanItem] { recommendation?.plan ?? [] }

    /// The value of a slot, if one was given or declared unknown.
    public func value(_ slot: ValueSlot) -> Value? { values.first { $0.slot == slot } }
}
