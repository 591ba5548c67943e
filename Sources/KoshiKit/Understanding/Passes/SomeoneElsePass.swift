/// Whose a mention is: 「父が肺がんでした」, "my mum died of cancer" are someone else's history,
/// not the speaker's. In its clause, what follows a person other than the speaker is theirs,
/// until the speaker comes back (「父ががんで、私も腰が痛い」, "my wife says I have a fever").
/// When the speaker writes for someone else (`Patient`), it is the other way round: what follows
/// that person, or he, she, 本人, is the patient's; what follows the speaker, or another person
/// ("his own dad died of cancer"), is not.
struct SomeoneElsePass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        let patient = reading.patient
        let kinWords = line.lexicon.cueWords[.kin]
        for c in reading.sentence.indices {
            let clause = reading.sentence[c]
            guard patient.isSomeoneElse || clause.tokens.contains(where: { line.role(of: $0) == .someoneElse }) else { continue }
            for k in clause.mentions.indices {
                let owner = self.owner(of: clause.mentions[k].token, clauseStart: clause.tokens.lowerBound,
                                       pronounsArePatients: patient.isSomeoneElse, line)
                let isPatients: Bool
                switch owner {
                case .speaker: isPatients = !patient.isSomeoneElse
                case .patientPronoun: isPatients = true
                case .other(let index):
                    let kin = Patient.kin(in: line.tokens[index].range, line, kinWords) ?? Patient.kinAfter(line.tokens[index].range.upperBound, line)
                    // A relative named by the patient's pronoun (his dad) is not the patient.
                    if line.role(of: index) == .thirdPerson {
                        reading.sentence[c].mentions[k].mode = .someoneElse
                        continue
                    }
                    isPatients = patient.isSomeoneElse && (patient.kin == nil || kin == nil || kin == patient.kin)
                case .nobody: isPatients = true
                }
                if !isPatients { reading.sentence[c].mentions[k].mode = .someoneElse }
            }
        }
    }

    private enum Owner {
        case speaker, patientPronoun, nobody
        case other(Int)
    }

    /// The person a mention is said of: the nearest person named before it in its clause, if
    /// that person is its subject ("my dad had a fall", not "lifting my mum wrecks my back"). A
    /// he or she is the patient when the speaker writes for someone else; otherwise it is the
    /// person named before it ("my coworker said his back hurt").
    private func owner(of token: Int, clauseStart: Int, pronounsArePatients: Bool, _ line: ScannedLine) -> Owner {
        for i in stride(from: token - 1, through: clauseStart, by: -1) {
            switch line.role(of: i) {
            case .someoneElse:
                // "his own dad": a relative named with the patient's pronoun.
                if i > clauseStart, line.role(of: i - 1) == .thirdPerson,
                   Patient.kinAfter(line.tokens[i - 1].range.upperBound, line) != nil { return .other(i - 1) }
                return opensItsPart(i, clauseStart: clauseStart, line) ? .other(i) : .nobody
            case .speaker: return .speaker
            // "his own dad died of cancer": a relative of the patient is someone else.
            case .thirdPerson where pronounsArePatients:
                return Patient.kinAfter(line.tokens[i].range.upperBound, line) != nil ? .other(i) : .patientPronoun
            default: continue
            }
        }
        return .nobody
    }

    /// Whether the person named at `i` is the subject: nothing of substance before it since the
    /// clause began or since a comma or conjunction ("my dad had a fall", "…and my dad had a fall"),
    /// unlike "lifting my mum in and out of bed wrecks my back".
    private func opensItsPart(_ i: Int, clauseStart: Int, _ line: ScannedLine) -> Bool {
        for j in stride(from: i - 1, through: clauseStart, by: -1) {
            switch line.role(of: j) {
            case .conjunction, .clauseBreak, .sentenceEnd: return true
            case .coordinator where line.tokens[j].language == nil: return true
            case nil: return false
            default: continue
            }
        }
        return true
    }
}
