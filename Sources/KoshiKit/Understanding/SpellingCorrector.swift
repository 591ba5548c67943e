import Synchronization

/// Reads English typos as the synonym meant: a word of five letters or more within one edit
/// (insertion, deletion, substitution or swap of neighbours) of a synonym word, or of eight or
/// more within two, is replaced by it, unless the word is itself a real English word.
///
/// Candidates come from a deletion index (SymSpell), built on the first unknown word, so the
/// cost per word is a few hash lookups whatever the size of the vocabulary.
final class SpellingCorrector: Sendable {
    let vocabularyKeys: KeyList
    let realWordKeys: KeyList
    /// Built on first need, so that start-up, and lines without English, do not pay for it.
    private let memory = Mutex<Memory>(Memory())

    private struct Memory {
        var vocabulary: Set<[UInt32]> = []
        var realWords: Set<[UInt32]> = []
        var targets: [[UInt32]] = []
        /// Deletion variants (as hashes: a collision only costs a distance check) and their
        /// targets, sorted by hash: one flat array is quicker to build than a dictionary of lists.
        var index: [(variant: UInt64, target: Int32)]?
        var longestTarget = 0
        var cache: [[UInt32]: [UInt32]?] = [:]
    }

    /// `vocabulary`: the folded English synonyms; `realWords`: English words never corrected.
    init(vocabulary: KeyList, realWords: KeyList) {
        vocabularyKeys = vocabulary
        realWordKeys = realWords
    }

    static func budget(forLength length: Int) -> Int {
        length >= 8 ? 2 : length >= 5 ? 1 : 0
    }

    /// Builds the index now rather than on the first unknown word: for a caller with time to
    /// spare, such as a chat waiting for the person to type.
    func prepare() {
        memory.withLock { memory in
            if memory.index == nil { prepare(&memory) }
        }
    }

    /// The line with its typos replaced; the same line when there are none.
    func correct(_ text: NormalizedText) -> NormalizedText {
        let words = SpellingCorrector.words(in: text.scalars).filter { $0.count >= 4 }
        guard !words.isEmpty else { return text }
        let replacements: [(range: Range<Int>, with: [UInt32])] = memory.withLock { memory in
            if memory.index == nil { prepare(&memory) }
            // A word longer than every target by more than two letters cannot be a typo of one.
            let longest = memory.longestTarget + 2
            return words.filter { $0.count <= longest }.compactMap { range in
                let word = Array(text.scalars[range])
                if memory.vocabulary.contains(word) || memory.realWords.contains(word) { return nil }
                return correction(for: word, &memory).map { (range, $0) }
            }
        }
        return replacements.isEmpty ? text : text.replacing(replacements)
    }

    private func prepare(_ memory: inout Memory) {
        for key in vocabularyKeys.keys {
            for word in SpellingCorrector.words(in: key) { memory.vocabulary.insert(Array(key[word])) }
        }
        memory.realWords = Set(realWordKeys.keys)
        memory.targets = memory.vocabulary.filter { SpellingCorrector.budget(forLength: $0.count) > 0 }
            .sorted { $0.lexicographicallyPrecedes($1) }
        var index: [(variant: UInt64, target: Int32)] = []
        for (i, target) in memory.targets.enumerated() {
            SpellingCorrector.forEachDeletion(of: target, upTo: SpellingCorrector.budget(forLength: target.count)) { variant in
                index.append((variant, Int32(i)))
            }
        }
        index.sort { $0.variant < $1.variant }
        memory.longestTarget = memory.targets.map(\.count).max() ?? 0
        memory.index = index
    }

    private func correction(for word: [UInt32], _ memory: inout Memory) -> [UInt32]? {
        if let known = memory.cache[word] { return known }
        var best: (target: [UInt32], distance: Int)?
        var candidates: Set<Int32> = []
        let index = memory.index ?? []
        SpellingCorrector.forEachDeletion(of: word, upTo: 2) { variant in
            var low = 0, high = index.count
            while low < high {
                let middle = (low + high) / 2
                if index[middle].variant < variant { low = middle + 1 } else { high = middle }
            }
            while low < index.count, index[low].variant == variant {
                candidates.insert(index[low].target)
                low += 1
            }
        }
        // In index order, so that ties are settled the same way every time.
        for t in candidates.sorted() {
            let target = memory.targets[Int(t)]
            let budget = SpellingCorrector.budget(forLength: target.count)
            guard abs(target.count - word.count) <= budget else { continue }
            let distance = SpellingCorrector.distance(word, target, limit: budget)
            guard distance <= budget else { continue }
            if best == nil || distance < best!.distance
                || (distance == best!.distance && target.first == word.first && best!.target.first != word.first) {
                best = (target, distance)
            }
        }
        if memory.cache.count > 4096 { memory.cache.removeAll(keepingCapacity: true) }
        memory.cache[word] = best?.target
        return best?.target
    }

    /// Calls `body` with a hash of the word and of every string made from it by deleting up to
    /// `limit` letters (up to two), without building the strings.
    static func forEachDeletion(of word: [UInt32], upTo limit: Int, _ body: (UInt64) -> Void) {
        func hash(skipping first: Int, _ second: Int) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for (i, c) in word.enumerated() where i != first && i != second {
                h = (h ^ UInt64(c)) &* 0x100_0000_01B3
            }
            return h ^ UInt64(word.count - (first >= 0 ? 1 : 0) - (second >= 0 ? 1 : 0))
        }
        body(hash(skipping: -1, -1))
        guard limit >= 1 else { return }
        for i in word.indices {
            // Deleting either of two equal neighbours gives the same string: hash it once.
            if i > 0, word[i] == word[i - 1] { continue }
            body(hash(skipping: i, -1))
            guard limit >= 2 else { continue }
            for j in (i + 1)..<word.count {
                if j > i + 1, word[j] == word[j - 1] { continue }
                body(hash(skipping: i, j))
            }
        }
    }

    /// Optimal string alignment distance (edits, with a swap of neighbours as one), or more than `limit`.
    static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int {
        if a == b { return 0 }
        let n = a.count, m = b.count
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(m, 1) where m > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[m]
    }

    /// The ranges of runs of ASCII letters.
    static func words(in scalars: [UInt32]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for (i, c) in scalars.enumerated() {
            let isLetter = c >= 0x61 && c <= 0x7A
            if isLetter, start == nil { start = i }
            if !isLetter, let s = start {
                ranges.append(s..<i)
                start = nil
            }
        }
        if let s = start { ranges.append(s..<scalars.count) }
        return ranges
    }
}

