/// A line folded for matching (width, case, kana, long vowels, repeats, spaces), with a map from
/// every folded character back to the bytes of the original it came from.
public struct NormalizedText: Sendable {
    /// The line as typed, as UTF-8.
    public let original: [UInt8]
    /// The folded line, one Unicode scalar value each.
    public internal(set) var scalars: [UInt32]
    /// For each folded scalar, where its source starts and ends in `original`.
    var starts: [Int32]
    var ends: [Int32]

    public var count: Int { scalars.count }

    /// The original text behind the folded range `range`.
    public func originalText(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= scalars.count else { return "" }
        let from = Int(starts[range.lowerBound]), to = Int(ends[range.upperBound - 1])
        return String(decoding: original[from..<to], as: UTF8.self)
    }

    /// Whether the folded character at `index` was written in katakana (full or half width).
    /// Folding writes hiragana as katakana, so only the original can tell デスク from ですく.
    func isKatakanaInOriginal(_ index: Int) -> Bool {
        guard index >= 0, index < starts.count else { return false }
        let start = Int(starts[index])
        guard start + 2 < original.count, original[start] == 0xE3 || original[start] == 0xEF else { return false }
        let scalar = (UInt32(original[start] & 0x0F) << 12) | (UInt32(original[start + 1] & 0x3F) << 6) | UInt32(original[start + 2] & 0x3F)
        return (0x30A1...0x30FA).contains(scalar) || scalar == 0x30FC || (0xFF66...0xFF9D).contains(scalar)
    }

    /// Whether a space was typed right after the folded character at `index` (folding drops
    /// the spaces between Japanese words: 「いいえ　だいどころで」).
    func isFollowedBySpaceInOriginal(_ index: Int) -> Bool {
        guard index >= 0, index < ends.count else { return false }
        let next = Int(ends[index])
        guard next < original.count else { return false }
        if original[next] == 0x20 || original[next] == 0x09 { return true }
        return next + 2 < original.count && original[next] == 0xE3 && original[next + 1] == 0x80 && original[next + 2] == 0x80
    }

    /// The folded text, for tests and debugging.
    public var folded: String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars.compactMap(Unicode.Scalar.init))
        return text
    }

    /// A copy with some folded ranges replaced, each replacement keeping the origin of what it replaces.
    func replacing(_ replacements: [(range: Range<Int>, with: [UInt32])]) -> NormalizedText {
        var copy = NormalizedText(original: original, scalars: [], starts: [], ends: [])
        copy.scalars.reserveCapacity(scalars.count)
        var position = 0
        for (range, replacement) in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard range.lowerBound >= position else { continue }
            for i in position..<range.lowerBound {
                copy.append(scalars[i], start: starts[i], end: ends[i])
            }
            let start = starts[range.lowerBound], end = ends[range.upperBound - 1]
            for scalar in replacement { copy.append(scalar, start: start, end: end) }
            position = range.upperBound
        }
        for i in position..<scalars.count { copy.append(scalars[i], start: starts[i], end: ends[i]) }
        return copy
    }

    mutating func append(_ scalar: UInt32, start: Int32, end: Int32) {
        scalars.append(scalar)
        starts.append(start)
        ends.append(end)
    }
}
