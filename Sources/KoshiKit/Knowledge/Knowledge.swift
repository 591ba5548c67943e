/// Everything koshi knows, loaded once from a knowledge base and never changed: concepts, the
/// lexicon, questions, triage rules, advice, sources and texts. Immutable and `Sendable`, so
/// every session and thread can share one.
public struct Knowledge: Sendable {
    public let version: String
    public let concepts: [Concept]
    public let cues: [Cue]
    public let inflections: [Inflection]
    public let intents: [Intent]
    public let regions: [Region: RegionServices]
    public let questions: [Question]
    public let rules: [TriageRule]
    public let advice: [AdviceItem]
    /// The situations plans are fitted to, in the order of the knowledge base.
    public let situations: [Situation]
    /// What each concept the advice helps says of the person: 「デスクワークが多いとのことなので」.
    public let becauses: [ConceptID: LocalizedText]
    /// Where doctor-soon sends people, by what decided it; the first that matches wins.
    public let referrals: [Referral]
    public let sources: [SourceID: Source]
    public let texts: [String: LocalizedText]
    /// The rows of the summary's clinical header, in order (summary.kb).
    public let summaryRows: [SummaryRow]
    public let lexicon: Lexicon
    public let reader: Reader
    private let conceptIndex: [ConceptID: Int]

    public func concept(_ id: ConceptID) -> Concept? {
        conceptIndex[id].map { concepts[$0] }
    }

    /// The label of a concept or slot in a language, or the id itself if it has none.
    public func label(_ topic: Topic, _ language: Language) -> String {
        switch topic {
        case .concept(let id): concept(id)?.label[language] ?? id.rawValue
        case .slot(let slot): text(.init(slot: slot), language)
        }
    }

    /// The label of a concept in a language, or its id if it has none.
    public func label(_ id: ConceptID, _ language: Language) -> String {
        label(.concept(id), language)
    }

    /// A text of `texts.kb`, with `{name}` placeholders filled in.
    public func text(_ phrase: Phrase, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        Knowledge.text(phrase, language, arguments, in: texts)
    }

    /// The texts of a knowledge base alone, read without the rest: enough for the greeting while
    /// the whole base loads.
    public static func texts(of files: [KnowledgeFile]) -> [String: LocalizedText] {
        var texts: [String: LocalizedText] = [:]
        for file in files where file.name.hasSuffix("texts.kb") {
            for record in KnowledgeParser.parse(file, skipsWords: true).records where record.kind == "text" {
                texts[record.id] = LocalizedText(ja: record.value("ja") ?? "", en: record.value("en") ?? "")
            }
        }
        return texts
    }

    /// A text from a table of texts, with `{name}` placeholders filled in.
    public static func text(_ phrase: Phrase, _ language: Language, _ arguments: [String: String] = [:],
                            in texts: [String: LocalizedText]) -> String {
        fill(texts[phrase.rawValue]?[language] ?? phrase.rawValue, arguments)
    }

    /// A template with its `{name}` placeholders filled in, `\n` and `\s` read.
    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        // One pass over the template: {name} placeholders, `\n` and `\s`. (Replacing each in turn
        // searched the whole text once per argument, which /why, with a line per finding, felt.)
        var text = ""
        var rest = Substring(template)
        while let index = rest.firstIndex(where: { $0 == "{" || $0 == "\\" }) {
            text += rest[..<index]
            rest = rest[index...]
            if rest.first == "\\" {
                let next = rest.dropFirst().first
                if next == "n" || next == "s" {
                    text += next == "n" ? "\n" : " "
                    rest = rest.dropFirst(2)
                } else {
                    text += "\\"
                    rest = rest.dropFirst()
                }
            } else if let close = rest.firstIndex(of: "}"), let value = arguments[String(rest[rest.index(after: rest.startIndex)..<close])] {
                text += value
                rest = rest[rest.index(after: close)...]
            } else {
                text += "{"
                rest = rest.dropFirst()
            }
        }
        return text + rest
    }

    /// A value as it reads: 「45歳」, "14 days", "1 day", "7/10".
    public func value(_ slot: ValueSlot, _ value: Int, _ language: Language) -> String {
        let phrase: Phrase = slot == .duration && value == 1 ? .valueDurationOne : .init(slotValue: slot)
        return text(phrase, language, ["n": String(value)])
    }

    /// Items joined the way the language lists them: 「熱、しびれ」, "fever, numbness".
    public func list(_ items: [String], _ language: Language) -> String {
        items.joined(separator: text(.listSeparator, language))
    }

    /// Loads a knowledge base from its files, or throws every structural problem found.
    public init(files: [KnowledgeFile]) throws(KnowledgeLoadError) {
        try self.init(files: files, prebuilt: nil)
    }

    /// Loads a knowledge base whose lexicon was compiled before (see `LexiconSnapshot`): the
    /// synonyms, cue words and examples are then not read again.
    public init(files: [KnowledgeFile], lexicon: Lexicon) throws(KnowledgeLoadError) {
        try self.init(files: files, prebuilt: lexicon)
    }

    private init(files: [KnowledgeFile], prebuilt: Lexicon?) throws(KnowledgeLoadError) {
        var builder = KnowledgeBuilder()
        builder.readsWords = prebuilt == nil
        builder.read(files)
        guard builder.problems.isEmpty else { throw KnowledgeLoadError(problems: builder.problems) }
        version = builder.version ?? "unversioned"
        concepts = builder.concepts
        cues = builder.cues
        inflections = builder.inflections
        intents = builder.intents
        regions = builder.regions
        questions = builder.questions
        // Most urgent first; within a disposition, in the order of the files (a `today` rule before a
        // `within-days` one).
        rules = builder.rules.enumerated().sorted { a, b in
            a.element.disposition.urgency != b.element.disposition.urgency
                ? a.element.disposition.urgency > b.element.disposition.urgency : a.offset < b.offset
        }.map(\.element)
        advice = builder.advice
        situations = builder.situations
        becauses = builder.becauses
        referrals = builder.referrals
        sources = Dictionary(builder.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        texts = builder.texts
        summaryRows = builder.summaryRows
        conceptIndex = Dictionary(concepts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        lexicon = prebuilt ?? Lexicon(concepts: concepts, cues: cues, inflections: inflections, intents: intents)
        reader = Reader(concepts: concepts, lexicon: lexicon, intents: intents)
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
