/// What a knowledge word means when it is found in a line.
public enum TermMeaning: Sendable, Hashable {
    /// A concept is mentioned; `absent` when the word itself says it is absent (`平熱`).
    case concept(String, absent: Bool)
    case cue(CueRole)
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
}

/// Every synonym and cue word of a knowledge base, compiled into one automaton.
public struct Lexicon: Sendable {
    public let terms: [Term]
    public let automaton: Automaton
    let speller: SpellingCorrector

    init(terms: [Term], automaton: Automaton, speller: SpellingCorrector) {
        self.terms = terms
        self.automaton = automaton
        self.speller = speller
    }

    init(concepts: [Concept], cues: [Cue]) {
        var terms: [Term] = []
        var keys: [[UInt32]] = []
        func add(_ synonym: Synonym, _ meaning: TermMeaning, language: Language?) {
            let key = Normalizer.key(synonym.text)
            guard !key.isEmpty else { return }
            let startsAlphanumeric = Lexicon.isAlphanumeric(key.first!)
            let endsAlphanumeric = Lexicon.isAlphanumeric(key.last!)
            terms.append(Term(meaning: meaning, language: language,
                              needsLeftBoundary: startsAlphanumeric,
                              needsRightBoundary: endsAlphanumeric && !synonym.isStem,
                              synonym: synonym))
            keys.append(key)
        }
        for concept in concepts {
            for synonym in concept.synonyms { add(synonym, .concept(concept.id, absent: false), language: synonym.language) }
            for synonym in concept.absentSynonyms { add(synonym, .concept(concept.id, absent: true), language: synonym.language) }
        }
        var realWords: [[UInt32]] = []
        for cue in cues {
            if cue.role == .word {
                realWords += cue.words.map { Normalizer.key($0.text) }
                continue
            }
            let isPunctuation = cue.id.hasPrefix("punctuation")
            for word in cue.words { add(word, .cue(cue.role), language: isPunctuation ? nil : word.language) }
        }
        self.terms = terms
        self.automaton = Automaton(patterns: keys)
        self.speller = SpellingCorrector(vocabulary: KeyList(keys.indices.filter { terms[$0].language == .en }.map { keys[$0] }),
                                         realWords: KeyList(realWords))
    }

    /// The words found in a folded line: typos corrected first, then the leftmost-longest
    /// non-overlapping matches that respect word boundaries.
    public func find(in text: NormalizedText) -> (text: NormalizedText, matches: [Automaton.Match]) {
        let corrected = speller.correct(text)
        let scalars = corrected.scalars
        var candidates = automaton.matches(in: scalars).filter { match in
            let term = terms[match.pattern]
            if term.needsLeftBoundary, match.range.lowerBound > 0,
               Lexicon.isAlphanumeric(scalars[match.range.lowerBound - 1]) { return false }
            if term.needsRightBoundary, match.range.upperBound < scalars.count,
               Lexicon.isAlphanumeric(scalars[match.range.upperBound]) { return false }
            return true
        }
        candidates.sort { a, b in
            a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.count > b.range.count
        }
        var chosen: [Automaton.Match] = []
        var coveredTo = 0
        for match in candidates where match.range.lowerBound >= coveredTo {
            chosen.append(match)
            coveredTo = match.range.upperBound
        }
        return (corrected, chosen)
    }

    static func isAlphanumeric(_ c: UInt32) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (c >= 0xC0 && c < 0x250)
    }
}
