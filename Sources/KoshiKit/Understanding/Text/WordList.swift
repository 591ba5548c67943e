/// Folded words, each with a number (a unit's days, an ordinal's place; 0 where none), found
/// at a position by the longest that fits. Words the reader looks for only in one place (after a
/// number, at a clause's start) are kept in lists like this rather than in the lexicon's
/// automaton, where they would be found everywhere.
struct WordList: Sendable {
    struct Entry: Sendable, Hashable {
        var key: [UInt32]
        var value: Double
    }

    /// By first scalar, longest first.
    private var byFirst: [UInt32: [Entry]] = [:]
    private(set) var count = 0

    init(_ entries: [Entry] = []) {
        for entry in entries where !entry.key.isEmpty { add(entry) }
    }

    init(words: [String], value: Double = 0) {
        self.init(words.map { Entry(key: Normalizer.key($0), value: value) })
    }

    mutating func add(_ entry: Entry) {
        guard let first = entry.key.first else { return }
        var list = byFirst[first, default: []]
        guard !list.contains(entry) else { return }
        list.append(entry)
        list.sort { $0.key.count > $1.key.count }
        byFirst[first] = list
        count += 1
    }

    static func + (a: WordList, b: WordList) -> WordList {
        var sum = a
        for entries in b.byFirst.values { for entry in entries { sum.add(entry) } }
        return sum
    }

    var isEmpty: Bool { count == 0 }

    var entries: [Entry] { byFirst.values.flatMap { $0 } }

    /// Whether any word could start with this scalar: lets a scan skip most characters.
    func mayStart(with scalar: UInt32) -> Bool { byFirst[scalar] != nil }

    /// The longest word at `position`, and where it ends.
    func longest(in scalars: [UInt32], at position: Int) -> (entry: Entry, end: Int)? {
        guard position >= 0, position < scalars.count, let candidates = byFirst[scalars[position]] else { return nil }
        for entry in candidates where position + entry.key.count <= scalars.count {
            var matches = true
            for k in 1..<entry.key.count where scalars[position + k] != entry.key[k] {
                matches = false
                break
            }
            if matches { return (entry, position + entry.key.count) }
        }
        return nil
    }

    /// Every word at `position`, longest first, each with where it ends.
    func all(in scalars: [UInt32], at position: Int) -> [(entry: Entry, end: Int)] {
        guard position >= 0, position < scalars.count, let candidates = byFirst[scalars[position]] else { return [] }
        return candidates.filter { entry in
            position + entry.key.count <= scalars.count && (0..<entry.key.count).allSatisfy { scalars[position + $0] == entry.key[$0] }
        }.map { ($0, position + $0.key.count) }
    }

    /// The longest word that ends exactly at `end`.
    func longest(in scalars: [UInt32], endingAt end: Int) -> Entry? {
        var best: Entry?
        for entries in byFirst.values {
            for entry in entries where entry.key.count <= end && entry.key.count > (best?.key.count ?? 0) {
                if Array(scalars[(end - entry.key.count)..<end]) == entry.key { best = entry }
            }
        }
        return best
    }

    func contains(_ key: [UInt32]) -> Bool {
        byFirst[key.first ?? 0]?.contains { $0.key == key } ?? false
    }

    func value(of key: [UInt32]) -> Double? {
        byFirst[key.first ?? 0]?.first { $0.key == key }?.value
    }
}
