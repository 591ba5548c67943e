/// A matched word in a line: where it is and what it means. Kept small (no synonym, no boundary
/// rules), because a huge line holds one for every word.
struct Token {
    var range: Range<Int>
    var meaning: TermMeaning
    var language: Language?

    init(range: Range<Int>, term: Term) {
        self.range = range
        meaning = term.meaning
        language = term.language
    }

    var concept: String? {
        if case .concept(let id, _) = meaning { return id }
        return nil
    }

    var role: CueRole? {
        if case .cue(let role) = meaning { return role }
        return nil
    }

    var saysAbsent: Bool {
        if case .concept(_, let absent) = meaning { return absent }
        return false
    }
}
