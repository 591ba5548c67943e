/// The cue words that are not matched everywhere in a line, by role: words that count only at the
/// start of a clause, words told apart in an answer's original text, and the value readers'
/// vocabulary of numbers.kb. Built with the lexicon and kept in its snapshot.
public struct CueWords: Sendable {
    private var lists: [CueRole: WordList] = [:]
    /// English numbers of every kind: number words, approximate counts, halves.
    private(set) var englishNumbers = WordList()
    /// Approximate counts and halves: what "a" can stand before ("a couple of", "a few", "a half").
    private(set) var countsAfterArticle = WordList()

    init() {}

    init(cues: [Cue]) {
        for cue in cues {
            switch cue.role.placement {
            case .clauseOpening, .answerWord, .nearNumbers, .elided:
                for word in cue.words {
                    lists[cue.role, default: WordList()].add(WordList.Entry(key: Normalizer.key(word.text), value: cue.value))
                }
            case .everywhere where cue.role == .clauseBreak:
                // Also kept as a list: a break whose first letters a concept's word took still
                // ends the clause (see `ScannedLine.straddlesClauseBreak`).
                for word in cue.words where !word.isCharacter {
                    lists[cue.role, default: WordList()].add(WordList.Entry(key: Normalizer.key(word.text), value: cue.value))
                }
            case .everywhere, .realWords:
                break
            }
        }
        combine()
    }

    /// Works out the lists made of several roles, once the roles are read.
    mutating func combine() {
        countsAfterArticle = self[.several] + self[.half]
        englishNumbers = self[.numberWord] + countsAfterArticle
    }

    subscript(role: CueRole) -> WordList { lists[role] ?? WordList() }

    /// Every role's entries, for the snapshot.
    var all: [(role: CueRole, entries: [WordList.Entry])] {
        lists.keys.sorted { $0.rawValue < $1.rawValue }.map { ($0, lists[$0]!.entries) }
    }

    mutating func add(_ entry: WordList.Entry, role: CueRole) {
        lists[role, default: WordList()].add(entry)
    }
}
