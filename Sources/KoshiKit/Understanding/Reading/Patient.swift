/// Who the patient is in a line: the speaker, or someone the speaker writes for (a carer's
/// line: 「78歳の母のことで相談です」, "My husband has had back problems for years", 「父が腰が痛い
/// と言ってます」). When the speaker writes for someone else, that person's findings are the
/// patient's, and the speaker's own words (their worry, their age) are not.
struct Patient: Sendable, Equatable {
    /// The speaker writes for someone else.
    var isSomeoneElse = false
    /// The kin word (母, dad) of the person written for, when the line names them; nil for any.
    /// Only family counts: a colleague or a friend is somebody the speaker talks about.
    var kin: [UInt32]?

    static let speaker = Patient()

    /// Reads it from the line: the question's context says so (the session knows already), a
    /// carer's word says so (のことで相談, on behalf of), or the line tells someone else's
    /// complaint (a person opening a clause that names the back, a pain, a sensation) and
    /// none of the speaker's own.
    static func read(_ line: ScannedLine, context: ReadingContext) -> Patient {
        let kinWords = line.lexicon.cueWords[.kin]
        // A carer's word counts with the kin it names: 「腰のことです」 is about the back, not a person.
        for token in line.tokens where token.role == .carer {
            if let kin = kin(in: token.range, line, kinWords) ?? kinBefore(token.range.lowerBound, line, kinWords) {
                return Patient(isSomeoneElse: true, kin: kin)
            }
        }
        var othersComplaint: [UInt32]?? = nil
        var speakersComplaint = false
        var person: (isSpeaker: Bool, kin: [UInt32]?, too: Bool)?
        // He and she are the relative named last, in this sentence or an earlier one.
        var lastKin: [UInt32]?
        for (index, token) in line.tokens.enumerated() {
            switch token.role {
            case .someoneElse:
                person = (false, kin(in: token.range, line, kinWords), false)
                lastKin = person?.kin ?? lastKin
            case .thirdPerson: person = (false, lastKin, false)
            case .speaker: person = (true, nil, line.lexicon.cueWords[.too].longest(in: line.scalars, at: token.range.upperBound) != nil)
            case .sentenceEnd, .question, .clauseBreak: person = nil
            case nil:
                guard let concept = line.concept(of: index), let person else { continue }
                // The speaker's own complaint or red flag ("I had cancer"), or anything they say
                // they have too (「私も疲れて」), makes them the patient ("I'm worried she fell" does not); a relative's complaint
                // (not their history: 「母が胃がんでした」) may make the relative the patient. A
                // colleague or a friend is no one the speaker writes for.
                if person.isSpeaker {
                    speakersComplaint = speakersComplaint || saysAComplaint(concept, line) || person.too
                        || line.concepts.groups[concept] == .redFlag
                }
                else if othersComplaint == nil, person.kin != nil, saysAComplaint(concept, line) { othersComplaint = .some(person.kin) }
            default: continue
            }
        }
        if let othersComplaint, !speakersComplaint { return Patient(isSomeoneElse: true, kin: othersComplaint) }
        return context.patientIsSomeoneElse ? Patient(isSomeoneElse: true, kin: nil) : .speaker
    }

    /// Whether a concept says something is wrong with the body now: a complaint, a sensation that
    /// takes a body part (pain, numbness, weakness), or an event that starts pain (夫が脚立から落ちて).
    private static func saysAComplaint(_ concept: ConceptID, _ line: ScannedLine) -> Bool {
        let group = line.concepts.groups[concept]
        return group == .complaint || line.concepts.onsetMarkers.contains(concept)
            || (group != .redFlag && group != .context && line.concepts.partTaking.contains(concept))
    }

    /// The kin word inside a person's word (父が → 父, "my dad" → dad).
    static func kin(in range: Range<Int>, _ line: ScannedLine, _ kinWords: WordList) -> [UInt32]? {
        for start in range {
            if let (entry, end) = kinWords.longest(in: line.scalars, at: start), end <= range.upperBound { return entry.key }
        }
        return nil
    }

    /// The kin word just after a pronoun ("his own dad", "her mum"), if any.
    static func kinAfter(_ position: Int, _ line: ScannedLine) -> [UInt32]? {
        let kinWords = line.lexicon.cueWords[.kin]
        var i = line.cursor.afterSpaces(position)
        if let (word, end) = line.cursor.englishWord(at: i), line.lexicon.cueWords[.ownWord].contains(word) { i = line.cursor.afterSpaces(end) }
        guard let (entry, end) = kinWords.longest(in: line.scalars, at: i),
              end == line.scalars.count || !line.scalars[end].isLatinLetter || line.scalars[end] == 0x73 else { return nil }
        return entry.key
    }

    /// The kin word just before a carer's word: 母 in 「78歳の母のことで相談です」.
    private static func kinBefore(_ position: Int, _ line: ScannedLine, _ kinWords: WordList) -> [UInt32]? {
        var best: [UInt32]?
        for start in max(0, position - 12)..<position {
            if let (entry, end) = kinWords.longest(in: line.scalars, at: start), end <= position { best = entry.key }
        }
        return best
    }
}
