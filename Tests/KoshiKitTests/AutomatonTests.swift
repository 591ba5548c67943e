import KoshiTestSupport
import Testing
@testable import KoshiKit

@Suite("Automaton: every pattern in one pass")
struct AutomatonTests {
    func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test("finds overlapping and nested patterns, ending where they end")
    func overlapping() {
        let automaton = Automaton(patterns: ["he", "she", "his", "hers"].map(scalars))
        let found = Set(automaton.matches(in: scalars("ushers")).map { "\($0.pattern)@\($0.range)" })
        #expect(found == ["1@1..<4", "0@2..<4", "3@2..<6"])
    }

    @Test("finds Japanese patterns that share prefixes")
    func japanese() {
        let patterns = ["腰", "腰痛", "痛", "痛み"].map(scalars)
        let found = Automaton(patterns: patterns).matches(in: scalars("腰痛み")).map(\.pattern).sorted()
        #expect(found == [0, 1, 2, 3])
    }

    @Test("agrees with a naive search on random texts", arguments: 0..<20)
    func agreesWithNaiveSearch(seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed))
        let alphabet: [UInt32] = [0x61, 0x62, 0x63, 0x3042, 0x3044, 0x1F600]
        let patterns = (0..<12).map { _ in (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! } }
        let text = (0..<200).map { _ in alphabet.randomElement(using: &generator)! }
        let automaton = Automaton(patterns: patterns)
        var naive: Set<String> = []
        for (index, pattern) in patterns.enumerated() where automaton.patternLengths[index] > 0 {
            // Duplicate patterns are reported once, as the first of them.
            let owner = patterns.firstIndex(of: pattern)!
            for start in 0...(text.count - pattern.count) where Array(text[start..<start + pattern.count]) == pattern {
                naive.insert("\(owner)@\(start)")
            }
        }
        let found = Set(automaton.matches(in: text).map { "\($0.pattern)@\($0.range.lowerBound)" })
        #expect(found == naive)
    }

    @Test("a character in no pattern resets the scan without losing later matches")
    func unknownCharacters() {
        let automaton = Automaton(patterns: [scalars("ab")])
        #expect(automaton.matches(in: scalars("a☃ab")).map(\.range) == [2..<4])
    }

    @Test("choosing leftmost-longest as matches arrive agrees with sorting them all", arguments: 0..<30)
    func leftmostLongestSelection(seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed))
        let alphabet: [UInt32] = [0x61, 0x62, 0x63, 0x3042]
        let patterns = (0..<10).map { _ in (0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! } }
        let text = (0..<300).map { _ in alphabet.randomElement(using: &generator)! }
        let automaton = Automaton(patterns: patterns)

        // The reference: every match, sorted by start with the longest first, taken greedily.
        let sorted = automaton.matches(in: text).sorted { a, b in
            a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.count > b.range.count
        }
        var expected: [Range<Int>] = []
        for match in sorted where match.range.lowerBound >= (expected.last?.upperBound ?? 0) { expected.append(match.range) }

        var selection = LeftmostLongestSelection(longestPattern: automaton.longestPattern, make: Automaton.Match.init)
        automaton.scan(text) { pattern, end in
            selection.offer(pattern: pattern, start: end - automaton.patternLengths[pattern], end: end)
        }
        let chosen = selection.finish()
        #expect(chosen.map(\.range) == expected)
        #expect(chosen.allSatisfy { Array(text[$0.range]) == patterns[$0.pattern] })
    }

    @Test("the selection keeps nothing when nothing matches, and a match at the very end")
    func selectionEdges() {
        var none = LeftmostLongestSelection(longestPattern: 3, make: Automaton.Match.init)
        #expect(none.finish().isEmpty)
        let automaton = Automaton(patterns: [scalars("abc"), scalars("c")])
        var selection = LeftmostLongestSelection(longestPattern: automaton.longestPattern, make: Automaton.Match.init)
        let text = scalars(String(repeating: "x", count: 1000) + "abc")
        automaton.scan(text) { pattern, end in selection.offer(pattern: pattern, start: end - automaton.patternLengths[pattern], end: end) }
        #expect(selection.finish().map(\.range) == [1000..<1003])
    }
}
