import Testing
@testable import KoshiKit

@Suite("Wrapping Japanese and English to the terminal's width")
struct WrappingTests {
    static let closing: Set<Character> = ["、", "。", "，", "．", "）", "」", "』", "】", "！", "？"]
    static let opening: Set<Character> = ["「", "『", "（", "【"]

    /// Every text koshi may say in a plan, with the region's services filled in.
    static var texts: [String] {
        var texts: [String] = []
        for language in Language.allCases {
            let services = knowledge.regions[.jp]!.placeholders(language)
            texts += knowledge.advice.map { $0.text(language, services: services) }
            texts += knowledge.texts.values.map { Knowledge.fill($0[language], services) }
            texts += knowledge.rules.map { Knowledge.fill($0.explanation[language], services) }
            texts += knowledge.intents.flatMap { $0.answers.values.map { Knowledge.fill($0[language], services) } }
        }
        return texts
    }

    @Test("no line passes the width, at any width from 20 to 120")
    func neverPastTheEdge() {
        for width in 20...120 {
            for text in Self.texts {
                for line in DisplayWidth.wrap(text, width: width) {
                    #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
                }
            }
        }
    }

    @Test("a closing mark never starts a line, an opening bracket never ends one")
    func lineStartAndEndRules() {
        for width in stride(from: 20, through: 120, by: 3) {
            for text in Self.texts {
                let lines = DisplayWidth.wrap(text, width: width)
                for (index, line) in lines.enumerated() where index > 0 && !line.isEmpty {
                    // A line that starts a paragraph may start with anything.
                    guard !text.split(separator: "\n").contains(where: { $0.hasPrefix(line) }) else { continue }
                    #expect(!Self.closing.contains(line.first!), "\(width): starts with a closing mark: \(line)")
                }
                for line in lines where !line.isEmpty { #expect(!Self.opening.contains(line.last!), "\(width): \(line)") }
            }
        }
    }

    @Test("the character before a 「、」 that does not fit moves down with it")
    func closingMarkTakesTheCharacterBefore() {
        // Seen at 110 columns in issue 15: 「記事では」 / 「、」 / 「こうすると…」.
        #expect(DisplayWidth.wrap("記事では、こうすると骨盤が", width: 8) == ["記事で", "は、こう", "すると骨", "盤が"])
        #expect(DisplayWidth.wrap("あいう。」えお", width: 6) == ["あい", "う。」", "えお"])
        #expect(DisplayWidth.wrap("薬（NSAIDs）です", width: 10) == ["薬", "（NSAIDs）", "です"])
    }

    @Test("an opening bracket moves down to the line it opens")
    func openingBracketMovesDown() {
        #expect(DisplayWidth.wrap("あいう「えお」", width: 8) == ["あいう", "「えお」"])
    }

    @Test("English still breaks at spaces, and a word longer than the width is cut")
    func english() {
        #expect(DisplayWidth.wrap("Keep moving as much as you can", width: 12) == ["Keep moving", "as much as", "you can"])
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }
}
