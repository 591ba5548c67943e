/// A matched word in a line: where it is and what it means. Kept to 16 bytes, because a huge
/// line holds one for every word: the term is kept by its index in the lexicon, with the little
/// that every clause needs of it (role, denial, language); its concept is looked up on demand.
struct Token {
    /// The folded range, as 32-bit bounds: a line is cut long before it has 2³¹ characters.
    private let start: Int32
    private let end: Int32
    /// The term's index in `Lexicon.terms`.
    let term: Int32
    /// The cue's role, or nil for a concept.
    let role: CueRole?
    /// The word itself says its concept is absent (`平熱`).
    let saysAbsent: Bool
    let language: Language?

    init(range: Range<Int>, term index: Int, in terms: [Term]) {
        start = Int32(range.lowerBound)
        end = Int32(range.upperBound)
        term = Int32(index)
        language = terms[index].language
        switch terms[index].meaning {
        case .concept(_, let absent):
            role = nil
            saysAbsent = absent
        case .cue(let cueRole):
            role = cueRole
            saysAbsent = false
        case .intent:
            role = .intent
            saysAbsent = false
        }
    }

    var range: Range<Int> { Int(start)..<Int(end) }

    /// The concept the word names, or nil for a cue.
    func concept(in lexicon: Lexicon) -> ConceptID? {
        if case .concept(let id, _) = lexicon.terms[Int(term)].meaning { return id }
        return nil
    }
}
