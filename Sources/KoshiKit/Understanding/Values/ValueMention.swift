/// A number that a line states, and what it measures.
public struct QuantityMention: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case age
        case durationDays
        case painIntensity
        /// A number with no unit: its meaning comes from the question just asked.
        case bare
    }
    public var kind: Kind
    public var value: Int
    public var range: Range<Int>
}

/// The value readers' view of a folded line: the cursor, the vocabulary of numbers.kb, and the
/// mentions found so far.
struct ValueScan {
    let reader: ScalarReader
    let words: CueWords
    /// Folded positions inside a sentence end or question mark: how far a value's context reaches.
    let sentenceEnds: Set<Int>
    var mentions: [QuantityMention] = []
    /// A day named as the start of something (昨日から, since yesterday), kept until the end: a
    /// duration said in numbers wins over it.
    var relativeDay: QuantityMention?

    var scalars: [UInt32] { reader.scalars }

    func isSentenceEnd(_ index: Int) -> Bool { sentenceEnds.contains(index) }

    /// Records a value; absurd ones (a 20-digit "age", a negative one) are dropped, since no age,
    /// duration or intensity comes near a billion and larger ones do not fit an Int.
    mutating func add(_ kind: QuantityMention.Kind, _ value: Double, _ range: Range<Int>) {
        guard value.isFinite, value >= 0, value < 1e9 else { return }
        mentions.append(QuantityMention(kind: kind, value: Int(value.rounded()), range: range))
    }

    /// The word of a role at `index`, whole, and where it ends.
    func word(_ role: CueRole, at index: Int) -> (entry: WordList.Entry, end: Int)? {
        reader.peek(words[role], at: index)
    }

    /// The word of a role at `index` after any spaces.
    func word(_ role: CueRole, afterSpacesFrom index: Int) -> (entry: WordList.Entry, end: Int)? {
        reader.peek(words[role], at: reader.afterSpaces(index))
    }

    /// Whether the English word at `index` (after spaces) is `role`'s, and where it ends.
    func englishWord(_ role: CueRole, at index: Int) -> Int? {
        let start = reader.afterSpaces(index)
        if let (word, end) = reader.englishWord(at: start), words[role].contains(word) { return end }
        // A word of two ("of age"), ending where a word does.
        guard let (_, end) = words[role].longest(in: reader.scalars, at: start),
              end == reader.scalars.count || !reader.scalars[end].isWordCharacter else { return nil }
        return end
    }

    /// Whether a word of `role` ends just before `index`, spaces aside.
    func follows(_ role: CueRole, before index: Int) -> Bool {
        reader.follows(words[role], before: index)
    }
}

/// Reads ages, durations and pain intensities from a folded line: Arabic, full-width and kanji
/// numerals (三日, 二週間, 一年半, 十五), counters and their spellings (1ヶ月, 1か月, 1カ月),
/// English numbers and durations (a couple of weeks, since yesterday, four months), ranges
/// (2〜3日, 2、3日, 2-3 days: the longer end counts), ages (62歳, I'm 62) and intensities
/// (7/10, seven out of ten, 10段階で7). The words are numbers.kb's; each pattern is its own type.
public enum Quantities {
    /// The values in folded text, with the words of a lexicon (numbers.kb).
    public static func read(_ text: [UInt32], lexicon: Lexicon) -> [QuantityMention] {
        read(text, words: lexicon.cueWords)
    }

    static func read(_ text: [UInt32], words: CueWords, sentenceEnds: Set<Int> = []) -> [QuantityMention] {
        var scan = ValueScan(reader: ScalarReader(text), words: words, sentenceEnds: sentenceEnds)
        var i = 0
        while i < text.count {
            // Most characters start nothing: only try where a number or one of the words can begin.
            guard NumberReader.mayStart(at: i, scan) || RelativeDayPattern.mayStart(at: i, scan) else {
                i += 1
                continue
            }
            if let end = RelativeDayPattern.read(at: i, &scan) ?? PrefixedAgePattern.read(at: i, &scan) ?? QuantityPattern.read(at: i, &scan) {
                i = max(end, i + 1)
            } else {
                i += 1
            }
        }
        // After the spans said in numbers, which win over it where both count.
        if let relative = scan.relativeDay { scan.mentions.append(relative) }
        return scan.mentions
    }
}
