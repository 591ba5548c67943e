import KoshiTestSupport

/// The ways people write one word differently, which folding must bring back together:
/// hiragana and katakana, half-width katakana, full-width Latin, case, long-vowel marks,
/// repeated characters, split voiced marks, and spaces between Japanese characters.
enum Variants {
    static func apply(_ word: String, _ random: inout SeededRandom) -> String {
        switch random.below(9) {
        case 0: return map(word) { (0x3041...0x3096).contains($0) ? $0 + 0x60 : $0 }
        case 1: return map(word) { (0x30A1...0x30F6).contains($0) ? $0 - 0x60 : $0 }
        case 2: return halfWidth(word)
        case 3: return map(word) { (0x21...0x7E).contains($0) ? $0 + 0xFEE0 : $0 }
        case 4: return random.oneIn(2) ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst()
        case 5: return insert(random.pick(["ー", "〜", "~", "っ", "ｰ"]), into: word, &random)
        case 6: return repeatCharacter(word, &random)
        case 7: return splitVoicedMarks(word)
        default: return word.unicodeScalars.map { String($0) }.joined(separator: random.pick([" ", "　", "\t", ""]))
        }
    }

    private static func map(_ word: String, _ transform: (UInt32) -> UInt32) -> String {
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            result.append(Unicode.Scalar(transform(scalar.value)) ?? scalar)
        }
        return String(result)
    }

    private static let fullKana = Array("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョー".unicodeScalars)
    private static let halfKana = Array("ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ".unicodeScalars)

    /// Katakana (and hiragana, through katakana) in half width, voiced kana as base + ﾞ or ﾟ.
    static func halfWidth(_ word: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            var value = scalar.value
            if (0x3041...0x3096).contains(value) { value += 0x60 }
            var mark: Unicode.Scalar?
            if let base = unvoiced(value) {
                mark = base.mark
                value = base.value
            }
            if let index = fullKana.firstIndex(where: { $0.value == value }) {
                result.append(halfKana[index])
                if let mark { result.append(mark) }
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// ガ → (カ, ﾞ), パ → (ハ, ﾟ): voiced katakana sit one or two code points after their base.
    private static func unvoiced(_ value: UInt32) -> (value: UInt32, mark: Unicode.Scalar)? {
        let voiced: Set<UInt32> = [0x30AC, 0x30AE, 0x30B0, 0x30B2, 0x30B4, 0x30B6, 0x30B8, 0x30BA, 0x30BC, 0x30BE, 0x30C0, 0x30C2,
                                   0x30C5, 0x30C7, 0x30C9, 0x30D0, 0x30D3, 0x30D6, 0x30D9, 0x30DC]
        let semiVoiced: Set<UInt32> = [0x30D1, 0x30D4, 0x30D7, 0x30DA, 0x30DD]
        if voiced.contains(value) { return (value - 1, "\u{FF9E}") }
        if semiVoiced.contains(value) { return (value - 2, "\u{FF9F}") }
        return nil
    }

    /// が → か + U+3099: the combining voiced mark that Normalizer must compose.
    private static func splitVoicedMarks(_ word: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            let isHiragana = (0x3041...0x3096).contains(scalar.value)
            guard let base = unvoiced(isHiragana ? scalar.value + 0x60 : scalar.value) else {
                result.append(scalar)
                continue
            }
            result.append(Unicode.Scalar(isHiragana ? base.value - 0x60 : base.value)!)
            result.append(base.mark == "\u{FF9E}" ? "\u{3099}" : "\u{309A}")
        }
        return String(result)
    }

    private static func insert(_ piece: String, into word: String, _ random: inout SeededRandom) -> String {
        var scalars = Array(word.unicodeScalars)
        scalars.insert(contentsOf: piece.unicodeScalars, at: random.below(scalars.count + 1))
        return String(String.UnicodeScalarView(scalars))
    }

    private static func repeatCharacter(_ word: String, _ random: inout SeededRandom) -> String {
        var scalars = Array(word.unicodeScalars)
        guard !scalars.isEmpty else { return word }
        let at = random.below(scalars.count)
        scalars.insert(contentsOf: Array(repeating: scalars[at], count: 1 + random.below(6)), at: at)
        return String(String.UnicodeScalarView(scalars))
    }
}
