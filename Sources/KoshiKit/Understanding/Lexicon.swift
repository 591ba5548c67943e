/// What a knowledge word means when it is found in a line.
public enum TermMeaning: Sendable, Hashable {
    /// A concept is mentioned; `absent` when the word itself says it is absent (`平熱`).
    case concept(ConceptID, absent: Bool)
    case cue(CueRole)
    /// Something people ask about a recommendation (an intent's id).
    case intent(String)
}

/// One word of the lexicon, folded, with what it means and how it must sit among other words.
public struct Term: Sendable {
    public var meaning: TermMeaning
    public var language: Language?
    /// English words match whole words: nothing alphanumeric may touch either end...
    public var needsLeftBoundary: Bool
    /// ...except the end of a stem (`numb*`).
    public var needsRightBoundary: Bool
    /// Where the word is written in the knowledge base; nil when read from a snapshot.
    public var synonym: Synonym?
    /// The folded characters one of which must come just before the word (empty for any):
    /// the western negative ん after 入ら, not after the さ of さん.
    public var after: [UInt32] = []
    /// The term of the same letters that counts where `after` does not hold (ね after 痛くね is a
    /// negative, elsewhere the filler ね), if any.
    public var otherwise: Int?
}

/// Every synonym and cue word of a knowledge base, compiled into one automaton.
public struct Lexicon: Sendable {
    public let terms: [Term]
    public let automaton: Automaton
    let speller: SpellingCorrector
    /// The cue words kept out of the automaton: clause openings (もし: inside a clause the same
    /// letters belong to other words, 足もしびれる), answer words, and the value readers' words.
    let cueWords: CueWords
    /// The finding a body temperature says (fever), with its threshold and the terms that a
    /// temperature read in a line is a mention of; nil when no concept has `temperature-from`.
    let temperature: TemperatureTerms?

    init(terms: [Term], automaton: Automaton, speller: SpellingCorrector, cueWords: CueWords, temperature: TemperatureTerms?) {
        self.terms = terms
        self.automaton = automaton
        self.speller = speller
        self.cueWords = cueWords
        self.temperature = temperature
    }

    /// The cue roles whose Japanese words are verbs written to their negative stem (止まらな,
    /// 分からな, 足りな): the others end in な as a particle (あるかな, みたいな) and keep it.
    static let inflectedCueRoles: Set<CueRole> = [.assertion, .normal, .blocker, .doubt]

    init(concepts: [Concept], cues: [Cue], inflections: [Inflection] = [], intents: [Intent] = []) {
        var terms: [Term] = []
        var keys: [[UInt32]] = []
        func add(_ synonym: Synonym, _ meaning: TermMeaning, language: Language?, after: [UInt32] = []) {
            let key = Normalizer.key(synonym.text)
            guard !key.isEmpty else { return }
            let startsAlphanumeric = key.first!.isWordCharacter
            let endsAlphanumeric = key.last!.isWordCharacter
            terms.append(Term(meaning: meaning, language: language,
                              needsLeftBoundary: startsAlphanumeric,
                              needsRightBoundary: endsAlphanumeric && !synonym.isStem,
                              synonym: synonym, after: after))
            keys.append(key)
        }
        for concept in concepts {
            for synonym in concept.synonyms { add(synonym, .concept(concept.id, absent: false), language: synonym.language) }
            for synonym in concept.absentSynonyms { add(synonym, .concept(concept.id, absent: true), language: synonym.language) }
        }
        for intent in intents {
            for word in intent.words { add(word, .intent(intent.id), language: word.language) }
        }
        var realWords: [[UInt32]] = []
        for cue in cues {
            switch cue.role.placement {
            case .realWords: realWords += cue.words.map { Normalizer.key($0.text) }
            case .everywhere:
                let after = cue.after.flatMap { Normalizer.key($0) }
                for word in cue.words { add(word, .cue(cue.role), language: word.isCharacter ? nil : word.language, after: after) }
            case .clauseOpening, .answerWord, .nearNumbers, .elided: break
            }
        }
        // Every Japanese synonym written to its plain negative stem (眠れていな, 長続きしな) is also
        // found in the forms of grammar.kb (眠れていません; できひん, 歩けへん, 眠れん, 入らねぇ),
        // and so is every cue word of the roles whose stems are verbs (止まらな: 止まらん is no
        // denial either); every English one with an apostrophe also without it (cant go to work),
        // unless that is a word already.
        var known = Set(keys)
        for (index, term) in terms.enumerated() {
            guard let synonym = term.synonym else { continue }
            let variants: [String] = switch (term.meaning, synonym.language) {
            case (.concept, .ja): inflections.flatMap { $0.forms(of: synonym.text) }
            case (.cue(let role), .ja) where Self.inflectedCueRoles.contains(role): inflections.flatMap { $0.forms(of: synonym.text) }
            case (_, .en) where synonym.text.contains("'"): [synonym.text.replacingApostrophes()]
            default: []
            }
            for variantText in variants {
                var variant = synonym
                variant.text = variantText
                guard known.insert(Normalizer.key(variantText)).inserted else { continue }
                add(variant, terms[index].meaning, language: term.language, after: term.after)
            }
        }
        // A word given twice, once with the kana it must follow, counts as the other elsewhere.
        var firstByKey: [[UInt32]: Int] = [:]
        for (index, key) in keys.enumerated() {
            guard let first = firstByKey[key] else {
                firstByKey[key] = index
                continue
            }
            if !terms[first].after.isEmpty, terms[first].otherwise == nil, terms[index].after.isEmpty { terms[first].otherwise = index }
        }
        // A temperature read in a line is a mention of its concept, by terms no word matches.
        var temperature: TemperatureTerms?
        if let concept = concepts.first(where: { $0.temperatureFrom != nil }) {
            let first = terms.count
            for (absent, language) in [(false, Language.ja), (true, .ja), (false, .en), (true, .en)] {
                terms.append(Term(meaning: .concept(concept.id, absent: absent), language: language,
                                  needsLeftBoundary: false, needsRightBoundary: false, synonym: nil))
            }
            temperature = TemperatureTerms(threshold: concept.temperatureFrom!, firstTerm: first)
        }
        self.temperature = temperature
        self.terms = terms
        self.cueWords = CueWords(cues: cues)
        self.automaton = Automaton(patterns: keys)
        self.speller = SpellingCorrector(vocabulary: KeyList(keys.indices.filter { terms[$0].language == .en }.map { keys[$0] }),
                                         realWords: KeyList(realWords))
    }

    /// Builds the spelling index, otherwise built on the first English word that is not a
    /// synonym (a few milliseconds): for a caller that has idle time before the first line.
    public func prepareSpelling() {
        speller.prepare()
    }

    /// The words found in a folded line: typos corrected first, then the leftmost-longest
    /// non-overlapping matches that respect word boundaries.
    public func find(in text: NormalizedText) -> (text: NormalizedText, matches: [Automaton.Match]) {
        find(in: text, pattern: \.pattern, range: \.range) { pattern, range in Automaton.Match(pattern: pattern, range: range) }
    }

    /// `find(in:)` as tokens, made as each match is chosen: a huge line never holds both.
    func tokens(in text: NormalizedText) -> (text: NormalizedText, tokens: [Token]) {
        find(in: text, pattern: { Int($0.term) }, range: \.range) { pattern, range in Token(range: range, term: pattern, in: terms) }
    }

    private func find<Found>(in text: NormalizedText, pattern: (Found) -> Int, range: (Found) -> Range<Int>,
                             as make: @escaping (_ pattern: Int, _ range: Range<Int>) -> Found) -> (NormalizedText, [Found]) {
        // Typos are corrected, and words of degree dropped, in lines of a length people type: a
        // pasted megabyte is read as it is, in one pass and without a second copy.
        let typed = text.count <= Self.longestTypedLine
        let corrected = typed ? speller.correct(text) : text
        let found = scan(corrected, as: make)
        // 「おしっこが全然出えへん」, 「紙の感じがあんまりしない」: a word of degree that no word
        // found takes in says how much, not what; without it the words around it meet.
        guard typed else { return (corrected, found) }
        let words = found.filter { if case .cue = terms[pattern($0)].meaning { false } else { true } }.map(range)
        guard let elided = elidingDegreeWords(corrected, outside: words) else { return (corrected, found) }
        return (elided, scan(elided, as: make))
    }

    /// The longest line whose typos are corrected and whose words of degree are dropped
    /// (characters, folded): far past what a person types in one go, well short of the megabyte a
    /// paste may bring.
    static let longestTypedLine = 20_000

    /// The line without its words of degree (lexicon.kb, role `degree`) that stand before a
    /// Japanese word, or as an English word before another, inside no word found; nil when there
    /// are none.
    private func elidingDegreeWords(_ text: NormalizedText, outside found: [Range<Int>]) -> NormalizedText? {
        let degree = cueWords[.degree]
        guard !degree.isEmpty else { return nil }
        let scalars = text.scalars
        var elided: [(range: Range<Int>, with: [UInt32])] = []
        var first = 0  // the first word found that does not end before `i` (they come in order)
        var i = 0
        while i < scalars.count {
            guard degree.mayStart(with: scalars[i]), let (_, wordEnd) = degree.longest(in: scalars, at: i), wordEnd < scalars.count else {
                i += 1
                continue
            }
            // "can't really feel": an English word between spaces, dropped with the space after it.
            let english = scalars[i].isLatinLetter
            let end = english ? wordEnd + 1 : wordEnd
            guard english ? (i == 0 || !scalars[i - 1].isWordCharacter) && scalars[wordEnd].isSpace && end < scalars.count
                    && scalars[end].isLatinLetter
                : scalars[wordEnd].isWide && !scalars[wordEnd].isJapanesePunctuation else {
                i += 1
                continue
            }
            while first < found.count, found[first].upperBound <= i { first += 1 }
            // A word found inside it is the shorter reading (あんま, massage, in あんまり); one that
            // reaches out of it takes it in (ほとんど歩かない).
            let takenIn = found[first...].prefix { $0.lowerBound < end }.contains { $0.lowerBound < i || $0.upperBound > end }
            if !takenIn { elided.append((i..<end, [])) }
            i = takenIn ? i + 1 : end
        }
        return elided.isEmpty ? nil : text.replacing(elided)
    }

    private func scan<Found>(_ corrected: NormalizedText, as make: @escaping (_ pattern: Int, _ range: Range<Int>) -> Found) -> [Found] {
        let scalars = corrected.scalars
        var selection = LeftmostLongestSelection(longestPattern: automaton.longestPattern, make: make)
        automaton.scan(scalars) { found, end in
            let start = end - automaton.patternLengths[found]
            var pattern = found
            if !terms[found].after.isEmpty, start == 0 || !terms[found].after.contains(scalars[start - 1])
                || corrected.isKatakanaInOriginal(start) {
                guard let otherwise = terms[found].otherwise else { return }
                pattern = otherwise
            }
            let term = terms[pattern]
            if term.needsLeftBoundary, start > 0, scalars[start - 1].isWordCharacter { return }
            if term.needsRightBoundary, end < scalars.count, scalars[end].isWordCharacter { return }
            // A Japanese grammar word that starts in hiragana does not end inside a katakana word:
            // in 「長時間のデスク」 and 「喘息でステロイド」 there is no ので or です (all-katakana
            // text such as ﾈﾂﾊﾅｲﾃﾞｽ keeps its words).
            if case .cue = term.meaning, term.language == .ja, end < scalars.count,
               !corrected.isKatakanaInOriginal(start), corrected.isKatakanaInOriginal(end - 1),
               corrected.isKatakanaInOriginal(end) { return }
            selection.offer(pattern: pattern, start: start, end: end)
        }
        return selection.finish()
    }

}

/// Chooses, from matches offered in order of where they end, the leftmost-longest ones that do
/// not overlap: what sorting every match by start (the longest first, the first offered among
/// equals) and taking each that begins after the last one taken would choose. Only the starts
/// that a match still to come could share are held, so a long line with matches everywhere
/// costs memory for the chosen matches alone.
struct LeftmostLongestSelection<Chosen> {
    private let make: (_ pattern: Int, _ range: Range<Int>) -> Chosen
    /// The longest match offered for each undecided start, indexed by start modulo its count.
    private var longestAt: [(pattern: Int32, length: Int32)]
    /// Starts below this are decided.
    private var undecidedFrom = 0
    /// The end of the last match chosen: nothing that starts before it can be chosen.
    private var coveredTo = 0
    private var chosen: [Chosen] = []

    /// `make` turns each chosen match into what is kept of it.
    init(longestPattern: Int, make: @escaping (_ pattern: Int, _ range: Range<Int>) -> Chosen) {
        self.make = make
        longestAt = Array(repeating: (-1, 0), count: longestPattern + 1)
    }

    /// Offers matches in order of their ends.
    mutating func offer(pattern: Int, start: Int, end: Int) {
        // A match still to come ends at `end` or later, so it starts no more than the longest
        // pattern before it: every start before that has seen all its matches.
        decide(before: end - (longestAt.count - 1))
        let slot = start % longestAt.count
        if end - start > Int(longestAt[slot].length) {
            longestAt[slot] = (Int32(pattern), Int32(end - start))
        }
    }

    /// The chosen matches, in order.
    mutating func finish() -> [Chosen] {
        decide(before: undecidedFrom + longestAt.count)
        return chosen
    }

    private mutating func decide(before bound: Int) {
        while undecidedFrom < bound {
            let slot = undecidedFrom % longestAt.count
            let best = longestAt[slot]
            if best.pattern >= 0 {
                if undecidedFrom >= coveredTo {
                    coveredTo = undecidedFrom + Int(best.length)
                    chosen.append(make(Int(best.pattern), undecidedFrom..<coveredTo))
                }
                longestAt[slot] = (-1, 0)
            }
            undecidedFrom += 1
        }
    }
}

extension String {
    /// The text with its apostrophes dropped, as people type in a hurry: can't → cant.
    func replacingApostrophes() -> String {
        String(unicodeScalars.filter { $0 != "'" }.map(Character.init))
    }
}
