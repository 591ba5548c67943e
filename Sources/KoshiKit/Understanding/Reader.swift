/// Turns a line into what it says: folds it, finds the lexicon's words, cuts it into clauses,
/// and runs the reading passes over them (see `Passes` and `Understanding/README.md`), then
/// reads its values and binds it to the question just asked.
public struct Reader: Sendable {
    let lexicon: Lexicon
    let concepts: ConceptTable
    /// The clause breaks of two or more letters, which a concept's word may straddle.
    let straddlingBreaks: [[UInt32]]
    /// The intents that a mention of a concept raises (intents.kb `concepts`).
    let intentsByConcept: [ConceptID: [String]]

    init(concepts: [Concept], lexicon: Lexicon, intents: [Intent] = []) {
        self.lexicon = lexicon
        self.concepts = ConceptTable(concepts: concepts)
        straddlingBreaks = lexicon.cueWords[.clauseBreak].entries.map(\.key).filter { $0.count >= 2 }
        var byConcept: [ConceptID: [String]] = [:]
        for intent in intents { for concept in intent.concepts { byConcept[concept, default: []].append(intent.id) } }
        intentsByConcept = byConcept
    }

    /// Whether a line holds anything that denies: a negation, a no, a take-back, an only (「熱だけ」
    /// denies the rest of a group), a word that calls a part fine (「寝てる時は平気」, "fine in bed"), or a word that itself says absent (平熱). No
    /// finding may be absent from a line without one.
    public func holdsDenial(_ line: String) -> Bool {
        let (folded, found) = lexicon.tokens(in: Normalizer.normalize(line))
        // A temperature below a fever's (36.5度) denies one as 平熱 does.
        return TemperaturePattern.tokens(adding: found, in: folded.scalars, lexicon: lexicon).contains { token in
            [.negation, .no, .without, .takeBack, .normal, .only].contains(token.role) || token.saysAbsent
        }
    }

    /// What `line` says, read in the light of the question just asked (if any).
    public func read(_ line: String, asked: [Topic] = []) -> LineReading {
        read(line, context: ReadingContext(asked: asked))
    }

    public func read(_ text: String, context: ReadingContext) -> LineReading {
        let (folded, found) = lexicon.tokens(in: Normalizer.normalize(text))
        let tokens = TemperaturePattern.tokens(adding: found, in: folded.scalars, lexicon: lexicon)
        let line = ScannedLine(text: folded, tokens: tokens, lexicon: lexicon, concepts: concepts, straddlingBreaks: straddlingBreaks)
        var reading = LineUnderReading(line: line, context: context)
        var sentences = ClauseSplitter(line)
        while let sentence = sentences.next() {
            reading.sentence = sentence
            for pass in Passes.sentence { pass.run(&reading) }
        }
        reading.sentence = []
        for pass in Passes.line { pass.run(&reading) }
        ValuePass().run(&reading)
        PersonAgePass().run(&reading)
        AnswerPass().run(&reading)
        var result = LineReading()
        result.findings = (reading.findings.inOrder + reading.answerFindings).map(line.resolvingQuote)
        result.values = reading.values
        result.answer = reading.answer
        result.saysOnly = tokens.contains { $0.role == .only }
        result.reply = reading.reply
        for token in tokens where token.role == .intent || token.role == nil {
            var ids: [String] = []
            if case .intent(let id) = lexicon.terms[Int(token.term)].meaning { ids = [id] }
            if let concept = token.concept(in: lexicon) { ids = intentsByConcept[concept] ?? [] }
            for id in ids where !result.intents.contains(id) { result.intents.append(id) }
        }
        result.isQuestion = tokens.contains { $0.role == .question || $0.role == .askingBack }
        result.speaksForSomeoneElse = reading.patient.isSomeoneElse
        return result
    }
}
