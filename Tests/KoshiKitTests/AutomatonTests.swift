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
}
