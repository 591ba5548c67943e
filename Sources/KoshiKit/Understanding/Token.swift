/// A matched word in a line.
struct Token {
    var range: Range<Int>
    var term: Term

    var concept: String? {
        if case .concept(let id, _) = term.meaning { return id }
        return nil
    }

    var role: CueRole? {
        if case .cue(let role) = term.meaning { return role }
        return nil
    }

    var saysAbsent: Bool {
        if case .concept(_, let absent) = term.meaning { return absent }
        return false
    }
}
