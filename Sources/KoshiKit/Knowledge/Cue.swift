/// What a cue word does. The roles the reader's passes use are matched everywhere in a line,
/// with the concepts' words; the rest are looked for only where they can stand (see `placement`).
public enum CueRole: String, Sendable, CaseIterable {
    // --- Matched everywhere: they shape the meaning of the mentions around them.
    case negation
    /// "without", "w/o": a denial of what follows, except after a denied mention, where it
    /// asserts it ("I can't bend without pain").
    case without
    case assertion
    /// A strong hedge (かもしれない, maybe, probably): what it touches is open, stated or denied.
    case uncertain
    /// A weak hedge, an opinion (と思う, I think): a statement is open, a denial still denies.
    case opinion
    /// Whether it is so, the speaker cannot say (かどうか, not sure if): neither stated nor denied.
    case doubt
    /// A supposition (仮に, what if): the rest of its clause states nothing.
    case hypothetical
    case question
    case clauseBreak = "clause-break"
    case sentenceEnd = "sentence-end"
    case coordinator
    case conjunction
    case yes
    case no
    case unknown
    case only
    /// Words that carry no content in a short answer: です, 特に, I, think, so.
    case filler
    case blocker
    /// Someone other than the speaker (父が, my mum): what follows in the clause is theirs.
    case someoneElse = "someone-else"
    /// The speaker (私, I): what follows is the speaker's again.
    case speaker
    /// 今はない, gone now: a clause with only this takes back what the clause before stated.
    case takeBack = "take-back"
    /// どれも, いずれも, all of them: an answer about every item of a grouped question.
    case allItems = "all-items"
    /// ほかは, the rest, the others: an answer about the items not named.
    case otherItems = "other-items"
    /// ってどういう意味, what do you mean: the person asks about the question instead of answering.
    case askingBack = "asking-back"
    /// のことで相談, asking for my mum: the person speaks for someone else, who is the patient.
    case carer
    /// The words of an intent (intents.kb): "can I go after work?", 「救急車て大げさ？」.
    case intent
    /// 平気, 普通, fine, ok: said of a body part, nothing is wrong there (`fine-denies`).
    case normal
    /// he, she, 本人: the person spoken of; when the speaker writes for someone else, the patient.
    case thirdPerson = "third-person"
    /// 今まで, 一度も, in my life: a denial of a complaint says it is the first time.
    case neverBefore = "never-before"
    /// "is not there", "isn't there": an English denial said after what it denies.
    case deniedAfter = "denied-after"

    // --- Looked for only at the start of a clause.
    /// A supposition that counts only where a clause begins (もし), never matched inside one.
    case hypotheticalOpening = "hypothetical-opening"
    /// English words that make the clause they open a question: "do I…", "could it be…".
    case questionOpening = "question-opening"

    /// it, its, that, this: a word that opens a clause of its own, so that a "no" just before it
    /// answers rather than denies ("no its the first time").
    case clauseSubject = "clause-subject"

    // --- Looked for in the original text of an answer word.
    /// うーん drawn out: a hmm, not the yes that うん folds to.
    case hesitation

    // --- Looked for next to a word the reader has found.
    /// が before わからない: what cannot be felt (「感触がわからない」), not what is not known.
    case perceivedObject = "perceived-object"
    /// "are", "have": a denial said after a list ("fever and chest pain are not there") takes it all.
    case pluralVerb = "plural-verb"

    // --- Dropped before the words are found, where no word takes them in: 全然, あんまり.
    case degree

    // --- Real English words: never taken for a typo of a synonym (`fewer` is not `fever`).
    case word

    // --- The value readers' words (numbers.kb): looked for next to numbers.
    case kanjiDigit = "kanji-digit"
    case kanjiMultiplier = "kanji-multiplier"
    case several
    case half
    case articleNumber = "article-number"
    case numberWord = "number-word"
    case numberLink = "number-link"
    case andAHalf = "and-a-half"
    case rangeWord = "range-word"
    case unit
    case dayCount = "day-count"
    case relativeDay = "relative-day"
    case sinceAfter = "since-after"
    case sinceBefore = "since-before"
    case ago
    case approximately
    case ageUnit = "age-unit"
    case decade
    case agePrefix = "age-prefix"
    case ageSuffix = "age-suffix"
    case yearsOld = "years-old"
    case namedAge = "named-age"
    case rateAfter = "rate-after"
    case rateTo = "rate-to"
    case rateCount = "rate-count"
    case rateBefore = "rate-before"
    case rateA = "rate-a"
    case born
    case era
    case dateMonth = "date-month"
    case lifeEvent = "life-event"
    case lifeEventAfter = "life-event-after"
    case ordinalSuffix = "ordinal-suffix"
    case ordinal
    case scaleAnchor = "scale-anchor"
    case outOf = "out-of"
    case scorePoint = "score-point"
    case howSoon = "how-soon"
    case notHowSoon = "not-how-soon"
    case owner
    case agedPerson = "aged-person"
    case possessiveParticle = "possessive-particle"
    case choiceMarker = "choice-marker"
    /// 右, 左, 片, right, left: a word that names one side, inside a body part's word (右足).
    case side
    /// 右, 左, the other one, 両方, both (value: 1 left, 2 right, 3 the other, 4 both): a side
    /// named with a finding, for both legs told one side at a time.
    case sideOfBody = "side-of-body"
    /// too, also, も: the side has what was said of the other.
    case too
    /// 母, 父, mum, husband: a kin word, inside a person's word (父が, "my dad") or before a
    /// carer's word (母のことで相談): who the person written for is.
    case kin
    /// は, is, 's: what stands between a person and their age (母は82, "Dad's 68").
    case ageLink = "age-link"
    /// 度, ℃, degrees: a temperature in °C after its number.
    case celsius
    /// °F, F, fahrenheit: a temperature in °F after its number.
    case fahrenheit
    /// 熱, 体温, temp, fever: a word after which a number may be a temperature.
    case temperatureWord = "temperature-word"
    /// 分 in 38度5分: the tenths of a degree.
    case tenthOfDegree = "tenth-of-degree"
    /// kg, km, percent: a number measured so is no temperature.
    case otherMeasure = "other-measure"
    /// "own" in "his own dad": a word between a pronoun and a kin word.
    case ownWord = "own"
    /// 月曜, monday (value: 1 Monday … 7 Sunday): a day of the week, counted back from today.
    case weekday
    /// 春, summer (value: the month it starts): a season, counted back from today.
    case season
    /// 1月, september (value: the month): a month, counted back from today.
    case monthName = "month-name"
    /// 先週の, the week before: the weekday named is last week's.
    case lastWeek = "last-week"
    /// off, 休: a span followed by it is time off, not how long it has hurt.
    case timeOff = "time-off"
    /// 去年, 学生時代, last winter, years ago: a time past and over.
    case pastTime = "past-time"
    /// から after an event, 以来, since: what began then lasts till now.
    case sinceThen = "since-then"

    /// Where the reader looks for a cue's words.
    public enum Placement: Sendable {
        /// Anywhere in a line, in the lexicon's automaton beside the concepts' words.
        case everywhere
        /// Only where a clause begins: inside one, the same letters belong to other words.
        case clauseOpening
        /// In the original text of an answer word (folding would lose what tells them apart).
        case answerWord
        /// Never matched: a list the spelling corrector consults.
        case realWords
        /// Next to numbers, by the value readers.
        case nearNumbers
        /// Before the words are found, to be dropped where no word takes them in.
        case elided
    }

    public var placement: Placement {
        switch self {
        case .hypotheticalOpening, .questionOpening, .clauseSubject: .clauseOpening
        case .hesitation: .answerWord
        case .degree: .elided
        case .perceivedObject, .pluralVerb: .answerWord
        case .word: .realWords
        case .negation, .without, .assertion, .uncertain, .opinion, .doubt, .hypothetical, .question, .clauseBreak, .sentenceEnd, .coordinator,
             .conjunction, .yes, .no, .unknown, .only, .filler, .blocker, .someoneElse, .speaker, .takeBack, .allItems,
             .otherItems, .askingBack, .carer, .intent, .normal, .thirdPerson, .neverBefore, .deniedAfter:
            .everywhere
        default: .nearNumbers
        }
    }
}

/// A group of words with one role in the lexicon: negation, clause breaks, answers and so on.
public struct Cue: Sendable, Identifiable {
    public var id: String
    public var role: CueRole
    public var words: [Synonym]
    /// The number the words carry (a unit's days, a numeral's worth); 0 where none.
    public var value: Double = 0
    /// The kana that must come just before a word for it to count (`after`): the western
    /// negative ん counts after 入ら or しびれ, never after the さ of さん. Empty for any.
    public var after: [String] = []
    public var file: String
    public var line: Int
}
