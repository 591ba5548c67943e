/// One way people write a Japanese word other than as listed (grammar.kb): a synonym that ends in
/// one of `endings` is also found with that ending replaced by each of `replacements`, where the
/// kana before the ending is one of `after` (when given), changed by `shift` (when given).
public struct Inflection: Sendable {
    public var id: String
    public var endings: [String]
    public var replacements: [String]
    /// The kana that must come just before the ending; nil for any.
    public var after: Set<Character>?
    /// Kana that change before the new ending: 持たな → 持ちませ.
    public var shift: [Character: Character]
    public var file: String
    public var line: Int

    /// The other forms of `text`, in order; none when it does not end as this inflection needs.
    public func forms(of text: String) -> [String] {
        for ending in endings where text.hasSuffix(ending) && text.count > ending.count {
            var stem = String(text.dropLast(ending.count))
            if let after, let last = stem.last, !after.contains(last) { return [] }
            if stem.count < 1 || (after != nil && stem.count < 2) { return [] }
            if let last = stem.last, let shifted = shift[last] {
                stem.removeLast()
                stem.append(shifted)
            }
            return replacements.map { stem + $0 }
        }
        return []
    }
}
