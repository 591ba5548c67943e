/// What the passes share while a line is read: the line, the question it answers, the clauses
/// of the sentence being read, and what the line has said so far.
struct LineUnderReading {
    let line: ScannedLine
    let context: ReadingContext
    /// Who the patient is: the speaker, or the person the speaker writes for.
    let patient: Patient
    /// The clauses of the sentence (or window) being read.
    var sentence: [Clause] = []
    /// The line's findings so far, one per concept.
    var findings = FindingsByConcept()
    /// Concepts that combinations have produced so far in the line.
    var combined: Set<ConceptID> = []
    /// Stated mentions of the parts of combinations that may span clauses, in order.
    var spanningParts: [Mention] = []
    /// Clauses read so far that mention something (the numbering take-backs go by).
    var statingClauses = 0
    /// What the line asks about rather than states ("do you mean numb around her bottom?"), for
    /// a question back to be confirmed.
    var askedMentions: [LineFinding] = []
    /// The values the line states.
    var values: [ValueSlot: LineValue] = [:]
    /// Numbers with no unit, whose meaning the question gives (an answer, a numbered item).
    var bareNumbers: [QuantityMention] = []
    /// The short answer the line gives to the question just asked, if any.
    var answer: Answer?
    /// How the line replies to the question just asked.
    var reply = QuestionReply()
    /// Findings that come from answering the question (a yes, a numbered item), after the line's own.
    var answerFindings: [LineFinding] = []
    /// Denials that come from a part said to be fine (「右足は大丈夫」), each with where it was said:
    /// they count only for concepts the line says nothing else of (the left leg may be numb).
    var fineDenials: [(finding: LineFinding, position: Int)] = []
    /// Clauses about a time past and over (`ClauseTimePass`): their spans are an earlier
    /// episode's, not how long this pain has lasted.
    var pastClauses: [Range<Int>] = []
    /// The body part the line spoke of last, for a sensation said without one (`TopicPartPass`).
    var lastPart: ConceptID?
    /// What the line has said of each side of the body (see `BothSidesPass`).
    var bothSides = SidesSaid()

    init(line: ScannedLine, context: ReadingContext) {
        self.line = line
        self.context = context
        patient = Patient.read(line, context: context)
    }

    /// The concepts of the question just asked.
    var askedConcepts: Set<ConceptID> { context.askedConcepts }
}

/// A line's findings, one per concept: the last said wins, listed where the concept first came
/// up. Kept as it goes, so that a huge line repeating one word holds one finding, not thousands.
struct FindingsByConcept {
    private var entries: [ConceptID: (first: Int, last: Int, finding: LineFinding, clause: Int)] = [:]

    /// Records a finding said at the folded `position`, in the stating clause numbered `clause`.
    mutating func add(_ finding: LineFinding, at position: Int, clause: Int) {
        guard let entry = entries[finding.concept] else {
            entries[finding.concept] = (position, position, finding, clause)
            return
        }
        let first = min(entry.first, position)
        entries[finding.concept] = position >= entry.last ? (first, position, finding, clause) : (first, entry.last, entry.finding, entry.clause)
    }

    /// What the stating clause numbered `clause` stated (and no later clause said again).
    func stated(inClause clause: Int) -> [LineFinding] {
        entries.values.filter { $0.clause == clause && clause > 0 }.sorted { $0.first < $1.first }.map(\.finding)
    }

    func contains(_ concept: ConceptID) -> Bool { entries[concept] != nil }

    /// Forgets what the line said of a concept (a description inside a question back, to confirm).
    mutating func remove(_ concept: ConceptID) { entries[concept] = nil }

    /// The findings in order, each with where it was first said.
    var inOrderWithPositions: [(finding: LineFinding, position: Int)] {
        entries.values.sorted { ($0.first, $0.finding.concept) < ($1.first, $1.finding.concept) }.map { ($0.finding, $0.first) }
    }

    var inOrder: [LineFinding] {
        entries.values.sorted { ($0.first, $0.finding.concept) < ($1.first, $1.finding.concept) }.map(\.finding)
    }
}
