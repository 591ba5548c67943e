/// A sentence of a reply, as the answer readers see it: its tokens and text, whether it ends as a
/// question, and whether it asks about the question instead of answering it.
struct ReplySentence {
    var tokens: Range<Int>
    var text: Range<Int>
    var endsInQuestion: Bool
    var hasAskingBack: Bool

    /// The sentences of a line, cut at sentence ends and question marks.
    static func split(_ line: ScannedLine) -> [ReplySentence] {
        var sentences: [ReplySentence] = []
        var firstToken = 0, textStart = 0
        func close(before token: Int, textEnd: Int, question: Bool) {
            let range = firstToken..<token
            let askingBack = range.contains { line.role(of: $0) == .askingBack }
            sentences.append(ReplySentence(tokens: range, text: textStart..<textEnd, endsInQuestion: question, hasAskingBack: askingBack))
        }
        for (i, token) in line.tokens.enumerated() where token.role == .sentenceEnd || token.role == .question {
            close(before: i, textEnd: token.range.upperBound, question: token.role == .question)
            firstToken = i + 1
            textStart = token.range.upperBound
        }
        if firstToken < line.tokens.count || line.cursor.hasText(textStart..<line.scalars.count) {
            close(before: line.tokens.count, textEnd: line.scalars.count, question: false)
        }
        // "wdym exactly lol?": a sentence of only question marks belongs to the one before it.
        return sentences.filter { !$0.tokens.isEmpty || line.cursor.hasText($0.text) }
    }
}

/// Numbered choices: a sentence made of item numbers and answer words ("1 and 3", 「②だけ」,
/// "3 and 4 no", 「1はある、2はない」, "only the first one"), each number with its polarity. A
/// number inside a sentence (「今年3回目です」) or one with a unit or くらい is no choice.
struct ChoiceReader {
    let line: ScannedLine
    let itemCount: Int

    struct Choice {
        var item: Int
        var status: FindingStatus
        var range: Range<Int>
    }

    static let allowedRoles: Set<CueRole> = [.yes, .no, .unknown, .negation, .filler, .coordinator, .conjunction, .only,
                                             .speaker, .clauseBreak, .opinion, .uncertain, .sentenceEnd, .otherItems]

    /// The choices of a sentence, or nil when it is not made of choices.
    func choices(in sentence: ReplySentence) -> (choices: [Choice], only: Bool)? {
        var pieces: [(range: Range<Int>, kind: Piece)] = []
        var position = sentence.text.lowerBound
        for i in sentence.tokens {
            let token = line.tokens[i]
            guard let role = token.role, Self.allowedRoles.contains(role) else { return nil }
            guard let numbers = numbers(in: position..<token.range.lowerBound) else { return nil }
            pieces += numbers
            pieces.append((token.range, Piece(role: role, isSeparator: token.language == nil && role == .coordinator)))
            position = token.range.upperBound
        }
        guard let tail = numbers(in: position..<sentence.text.upperBound) else { return nil }
        pieces += tail
        return assign(pieces)
    }

    private struct Piece {
        var number: Int?
        var role: CueRole?
        var isSeparator = false

        init(number: Int) { self.number = number }
        init(role: CueRole, isSeparator: Bool) {
            self.role = role
            self.isSeparator = isSeparator || role == .clauseBreak || role == .sentenceEnd
        }
    }

    /// The item numbers in uncovered text; nil if anything else is there.
    private func numbers(in range: Range<Int>) -> [(range: Range<Int>, kind: Piece)]? {
        var found: [(range: Range<Int>, kind: Piece)] = []
        let scan = ValueScan(reader: line.cursor, words: line.lexicon.cueWords, sentenceEnds: [])
        var i = range.lowerBound
        var afterOrdinal = false
        while i < range.upperBound {
            let c = line.scalars[i]
            if c.isSpace || c.isPunctuation { i += 1; continue }
            if let (entry, end) = line.lexicon.cueWords[.ordinal].longest(in: line.scalars, at: i), end <= range.upperBound,
               line.cursor.isWordStart(i), end == range.upperBound || !line.scalars[end].isWordCharacter {
                // "the fifth" of four items is no choice.
                guard (1...itemCount).contains(Int(entry.value)) else { return nil }
                found.append((i..<end, Piece(number: Int(entry.value))))
                i = end
                afterOrdinal = true
                continue
            }
            // "the second one": the "one" after an ordinal is no number.
            if afterOrdinal, let (_, end) = line.lexicon.cueWords[.choiceMarker].longest(in: line.scalars, at: i), end <= range.upperBound {
                i = end
                continue
            }
            afterOrdinal = false
            if let (value, end) = NumberReader.read(at: i, scan), end <= range.upperBound, value == value.rounded(),
                      (1...Double(itemCount)).contains(value) {
                found.append((i..<end, Piece(number: Int(value))))
                i = end
            } else if let (_, end) = line.lexicon.cueWords[.choiceMarker].longest(in: line.scalars, at: i), end <= range.upperBound,
                      !c.isLatinLetter || end == range.upperBound || !line.scalars[end].isWordCharacter {
                i = end
            } else {
                return nil
            }
        }
        return found
    }

    /// Gives each number its polarity: the answer word after it ("3 and 4 no", 「2はない」) covers
    /// every number since the last answer word; one with no number before it since the last comma
    /// looks forward ("no to 2, 3 and 4", "no to 1, yes to 2"). A number alone is a yes.
    private func assign(_ pieces: [(range: Range<Int>, kind: Piece)]) -> (choices: [Choice], only: Bool)? {
        var choices: [Choice] = []
        var pending: [(item: Int, range: Range<Int>)] = []
        var leading: FindingStatus?
        var numbersSinceComma = false
        var only = false
        func flush(_ status: FindingStatus?) {
            for item in pending { choices.append(Choice(item: item.item, status: status ?? .present, range: item.range)) }
            pending = []
        }
        for (range, piece) in pieces {
            if let number = piece.number {
                pending.append((number, range))
                numbersSinceComma = true
                continue
            }
            let status: FindingStatus? = switch piece.role {
            case .yes: .present
            case .no, .negation: .absent
            case .unknown, .uncertain: .unknown
            default: nil
            }
            if piece.role == .only { only = true }
            if let status {
                if numbersSinceComma {
                    flush(status)
                    leading = nil
                } else {
                    flush(leading)
                    leading = status
                }
                numbersSinceComma = false
            } else if piece.role == .clauseBreak || piece.role == .sentenceEnd {
                flush(leading)
                leading = nil
                numbersSinceComma = false
            } else if piece.isSeparator {
                numbersSinceComma = false
            }
        }
        flush(leading)
        return choices.isEmpty ? nil : (choices, only)
    }
}
