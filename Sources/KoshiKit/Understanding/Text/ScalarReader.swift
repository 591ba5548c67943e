/// A cursor over folded text: the one way the reader walks characters. It owns the position and
/// offers a few verbs (look, skip spaces, read a word from a list, read an English word); a
/// construct that does not recognise what is there leaves the position where it was.
struct ScalarReader {
    let scalars: [UInt32]
    var position: Int

    init(_ scalars: [UInt32], at position: Int = 0) {
        self.scalars = scalars
        self.position = position
    }

    var isAtEnd: Bool { position >= scalars.count }
    var current: UInt32? { position < scalars.count ? scalars[position] : nil }

    func scalar(at index: Int) -> UInt32? { index >= 0 && index < scalars.count ? scalars[index] : nil }

    mutating func skipSpaces() {
        while let c = current, c.isSpace { position += 1 }
    }

    /// The position after any spaces from `index`.
    func afterSpaces(_ index: Int) -> Int {
        var i = index
        while i < scalars.count, scalars[i].isSpace { i += 1 }
        return i
    }

    /// The position before any spaces that end just before `index`.
    func beforeSpaces(_ index: Int) -> Int {
        var i = index
        while i > 0, scalars[i - 1].isSpace { i -= 1 }
        return i
    }

    /// Whether `word` is written at `index`.
    func matches(_ word: [UInt32], at index: Int) -> Bool {
        guard !word.isEmpty, index >= 0, index + word.count <= scalars.count else { return false }
        for k in word.indices where scalars[index + k] != word[k] { return false }
        return true
    }

    /// Reads the longest word of `list` at the position (spaces first skipped when asked).
    mutating func read(_ list: WordList, skippingSpaces: Bool = false) -> WordList.Entry? {
        let start = skippingSpaces ? afterSpaces(position) : position
        guard let (entry, end) = list.longest(in: scalars, at: start) else { return nil }
        if entry.key.last!.isWordCharacter, let next = scalar(at: end), next.isWordCharacter { return nil }
        position = end
        return entry
    }

    /// The word of `list` at `index`, if one is there whole, and where it ends.
    func peek(_ list: WordList, at index: Int) -> (entry: WordList.Entry, end: Int)? {
        var probe = ScalarReader(scalars, at: index)
        guard let entry = probe.read(list) else { return nil }
        return (entry, probe.position)
    }

    /// Whether an English word or a number may start at `index`: no letter or digit touches it.
    func isWordStart(_ index: Int) -> Bool {
        guard index > 0, index < scalars.count else { return index == 0 }
        let previous = scalars[index - 1], c = scalars[index]
        if c.isLatinLetter { return !previous.isLetterOrApostrophe && !previous.isDigit }
        if c.isDigit { return !previous.isDigit && previous != .fullStop }
        return true
    }

    /// The English word (letters and apostrophes) that starts at `index`, and where it ends.
    func englishWord(at index: Int) -> (word: [UInt32], end: Int)? {
        guard index < scalars.count, scalars[index].isLatinLetter, isWordStart(index) else { return nil }
        var end = index
        while end < scalars.count, scalars[end].isLetterOrApostrophe { end += 1 }
        return (Array(scalars[index..<end]), end)
    }

    /// The English word that ends just before `index`, spaces aside.
    func englishWord(before index: Int) -> [UInt32]? {
        let end = beforeSpaces(index)
        var start = end
        while start > 0, scalars[start - 1].isLetterOrApostrophe { start -= 1 }
        return start < end ? Array(scalars[start..<end]) : nil
    }

    /// Whether the word of `list` ends just before `index`, spaces aside.
    func follows(_ list: WordList, before index: Int) -> Bool {
        list.longest(in: scalars, endingAt: beforeSpaces(index)) != nil
    }

    /// Whether anything but spaces lies in `range`.
    func hasText(_ range: Range<Int>) -> Bool {
        range.contains { !scalars[$0].isSpace }
    }

    /// Whether a pause (punctuation) lies in `range`.
    func hasPause(_ range: Range<Int>) -> Bool {
        range.contains { !scalars[$0].isSpace && !scalars[$0].isWordCharacter }
    }
}
