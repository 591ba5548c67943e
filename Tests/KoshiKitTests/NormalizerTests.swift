import Testing
@testable import KoshiKit

@Suite("Normalizer: the ways of writing one word meet")
struct NormalizerTests {
    @Test("half-width katakana with voiced marks becomes full-width kana")
    func halfWidthKatakana() {
        #expect(Normalizer.normalize("ｺｼｶﾞｲﾀｲ").folded == Normalizer.normalize("こしがいたい").folded)
        #expect(Normalizer.normalize("ｶﾞ").folded == "ガ")
    }

    @Test("full-width letters and digits become ASCII, upper case becomes lower")
    func fullWidthAndCase() {
        #expect(Normalizer.normalize("ＢＡＣＫ　Ｐａｉｎ １０").folded == "back pain 10")
        #expect(Normalizer.normalize("Lower BACK").folded == "lower back")
    }

    @Test("hiragana and katakana fold together")
    func kanaFolding() {
        #expect(Normalizer.normalize("ずきずき").folded == Normalizer.normalize("ズキズキ").folded)
    }

    @Test("long-vowel marks and waves are dropped between letters")
    func longVowels() {
        #expect(Normalizer.normalize("いたーい").folded == Normalizer.normalize("いたい").folded)
        #expect(Normalizer.normalize("いた〜い").folded == Normalizer.normalize("いたい").folded)
        #expect(Normalizer.normalize("デスクワーク").folded == Normalizer.normalize("ですくわく").folded)
    }

    @Test("a wave between digits stays, so that 3〜4日 is a range and not 34日")
    func rangesKeepTheirWave() {
        #expect(Normalizer.normalize("3〜4日").folded == "3〜4日")
        #expect(Normalizer.normalize("3～4日").folded == "3〜4日")
    }

    @Test("runs of three or more collapse, pairs stay, digits never collapse")
    func repeats() {
        #expect(Normalizer.normalize("いたたたたい").folded == Normalizer.normalize("いたい").folded)
        #expect(Normalizer.normalize("ズキズキ").folded == "ズキズキ")
        #expect(Normalizer.normalize("painnnn").folded == "pain")
        #expect(Normalizer.normalize("1000").folded == "1000")
        #expect(Normalizer.normalize("いたっっっ").folded == Normalizer.normalize("いたっ").folded)
    }

    @Test("spaces between Japanese characters vanish; between English words and around numbers they stay")
    func spaces() {
        #expect(Normalizer.normalize("腰 が 痛い").folded == Normalizer.normalize("腰が痛い").folded)
        #expect(Normalizer.normalize("back   pain").folded == "back pain")
        #expect(Normalizer.normalize("35歳 10日 3").folded == "35歳 10日 3")
    }

    @Test("curly apostrophes become straight ones")
    func apostrophes() {
        #expect(Normalizer.normalize("don’t").folded == "don't")
    }

    @Test("every folded character maps back to the text it came from")
    func mapsBackToTheOriginal() {
        let text = Normalizer.normalize("ﾃﾞｽｸﾜｰｸのあと")
        #expect(text.originalText(0..<text.count) == "ﾃﾞｽｸﾜｰｸのあと")
        #expect(text.originalText(0..<1) == "ﾃﾞ")
    }
}
