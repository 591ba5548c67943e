/// What a concept is for: reported findings, or building blocks that only combinations use.
public enum ConceptGroup: String, Sendable, CaseIterable {
    case complaint
    case context
    case redFlag = "red_flag"
    case part
    case sense
    /// The person's history for the clinician (history.kb): medicines, treatments tried, other
    /// conditions, side, what makes it worse. Recorded for the summary; never in the stream's
    /// findings, and no triage rule reads it.
    case history

    /// Whether findings of this group are reported to the user and the stream.
    public var isReported: Bool { self != .part && self != .sense && self != .history }
    /// Whether the reader records findings of this group: the reported ones and the history.
    public var isRecorded: Bool { isReported || self == .history }
}

/// A word or phrase that names a concept or a cue, as written in the knowledge base.
public struct Synonym: Sendable {
    public var text: String
    public var language: Language
    /// An English synonym whose last word may continue (`numb*` matches numbness).
    public var isStem: Bool
    /// A single character given with `chars:` (punctuation), which belongs to no language.
    public var isCharacter = false
    public var file: String
    public var line: Int
}

/// A sentence a concept carries to prove its synonyms, and what it must yield.
public struct ConceptExample: Sendable {
    public enum Expectation: Sendable { case present, absent, notPresent }
    public var sentence: String
    public var language: Language
    public var expectation: Expectation
    public var line: Int
}

/// Something koshi can recognise in what a person says: a symptom, a habit, a red flag, or a
/// building block (a body part, a sensation) that combinations put together.
public struct Concept: Sendable, Identifiable {
    public var id: ConceptID
    public var group: ConceptGroup
    public var label: LocalizedText
    public var synonyms: [Synonym]
    /// Words that say the concept is absent (`平熱`, `afebrile`).
    public var absentSynonyms: [Synonym]
    /// Concept ids mentioned together in one clause; the last one decides the assertion.
    public var combinations: [[ConceptID]]
    /// Combinations whose reported parts are still reported on their own (`combine-keeping`): in
    /// 「履こうとしてグキッ」 the movement and the back that went make pain on movement, and the
    /// back that went is still a sudden onset.
    public var combinationsKeepingParts: [[ConceptID]] = []
    /// Concept ids mentioned, stated, in this order anywhere in a line, clause breaks between
    /// them allowed: 「整体に行くと楽なんですけど、二、三日で元通り」.
    public var combinationsAcrossClauses: [[ConceptID]] = []
    /// Findings that, all stated somewhere in a line, make this one: a sudden onset and tummy
    /// pain are together a warning sign of the aorta, whichever clauses say them.
    public var combinationsOfFindings: [[ConceptID]] = []
    public var implies: [ConceptID]
    public var examples: [ConceptExample]
    public var file: String
    public var line: Int
    /// An event that starts the pain (a fall, a back that gave way): a duration said next to it
    /// is how long the pain has lasted, where one next to other findings is about them.
    public var marksOnset = false
    /// A finding with time spans of its own (how long a massage helps, how often the pain comes
    /// back): a duration said next to it is about it, not about how long the pain has lasted.
    public var ownsDurations = false
    /// A sense whose words lead into the part they are about ("down my" leg): it takes the part
    /// after it, never one before (`part-after`).
    public var partAfter = false
    /// A history that stays true once said (a cancer now cured, a fall now healed): a clause
    /// saying "gone now" does not take it back, though a plain denial still can.
    public var lasting = false
    /// A small number after a mention of this concept is a score on this value's scale
    /// (`scale: pain_intensity` for pain: 「痛みは7くらい」, "the pain is about a 6").
    public var scale: ValueSlot?
    /// How the concept reads as an item of a numbered list in a question ("numbness in both legs").
    public var item: LocalizedText?
    /// The item in plainer words, for a person who asks what it means.
    public var explanation: LocalizedText?
    /// A concrete question in everyday words, for a sign the person could not say yes or no to
    /// (「トイレで拭いたとき、感覚はいつもどおりですか？」).
    public var reask: LocalizedText?
    /// Findings of one side that, said of both sides in a line, make this concept (`both-sides-of`):
    /// leg numbness on the right, then on the left, is numbness in both legs.
    public var bothSidesOf: [ConceptID] = []
    /// An event that, said as past and over, is this finding instead (`when-past`): an earlier
    /// acute episode is a recurrence.
    public var whenPast: ConceptID?
    /// A complaint denied with a never-before word (今まで…ない) denies this concept instead.
    public var deniedByNever = false
    /// For fever: the body temperature in °C from which a temperature said is this finding, and
    /// below which it denies it (`temperature-from`: 37.5, so "38.2度" and "101F" are a fever
    /// and "36.8" is none).
    public var temperatureFrom: Double?
    /// For a body part (or a time, a movement): the findings that saying it is fine denies
    /// (`fine-denies`): 「股のへんは普通」 denies saddle numbness, "legs are fine" leg numbness.
    public var fineDenies: [ConceptID] = []
    /// What a part named with one side (右足, "left leg") denies when said to be fine: the other
    /// side may still be numb (`fine-one-side`).
    public var fineOneSide: [ConceptID] = []
}
