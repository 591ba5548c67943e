/// The classes of folded characters that the reader tells apart. Folded text is lower case,
/// katakana for all kana, and ASCII for full-width letters and digits (see `Normalizer`), so
/// these are the only ranges the reader ever needs; no other file names a code point.
extension UInt32 {
    /// The space that folding leaves between words (every other space is dropped or becomes it).
    static let foldedSpace: UInt32 = 0x20
    /// The wave dash that folding keeps between digits: 3〜4日 is a range.
    static let rangeDash: UInt32 = 0x301C
    static let longVowelMark: UInt32 = 0x30FC
    static let apostrophe: UInt32 = 0x27
    static let hyphen: UInt32 = 0x2D
    static let minusSign: UInt32 = 0x2212
    static let enDash: UInt32 = 0x2013
    /// Also what folding makes of a hyphen between spaces.
    static let emDash: UInt32 = 0x2014
    static let equalsSign: UInt32 = 0x3D
    static let fullStop: UInt32 = 0x2E
    static let colon: UInt32 = 0x3A
    static let slash: UInt32 = 0x2F
    static let comma: UInt32 = 0x2C
    static let ideographicComma: UInt32 = 0x3001
    static let openParenthesis: UInt32 = 0x28

    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    /// A folded Latin letter, a to z.
    var isLatinLetter: Bool { self >= 0x61 && self <= 0x7A }
    /// Letters of the Latin alphabet with accents (café, naïve), which join English words.
    var isAccentedLatinLetter: Bool { self >= 0xC0 && self < 0x250 }
    /// What an English word is made of: letters (accented too) and digits.
    var isWordCharacter: Bool { isLatinLetter || isDigit || isAccentedLatinLetter }
    /// Letters of an English word as the value reader splits them: letters and apostrophes.
    var isLetterOrApostrophe: Bool { isLatinLetter || self == .apostrophe }
    var isSpace: Bool { self == .foldedSpace }

    /// Japanese and other wide scripts, where spaces carry no meaning.
    var isWide: Bool { self >= 0x2E80 }
    /// Kana as folded (katakana; hiragana folds onto it), the long-vowel mark included.
    var isKana: Bool { (self >= 0x30A1 && self <= 0x30FA) || self == .longVowelMark }
    var isSmallKana: Bool {
        switch self {
        case 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6: true
        default: false
        }
    }
    /// A kanji (CJK unified ideographs and extension A).
    var isKanji: Bool { (self >= 0x4E00 && self <= 0x9FFF) || (self >= 0x3400 && self <= 0x4DBF) }
    /// Japanese punctuation and symbols: 、。「」〜 and the full-width ASCII punctuation that
    /// folding leaves as it is.
    var isJapanesePunctuation: Bool { (self >= 0x3000 && self <= 0x303F) || (self >= 0xFF00 && self <= 0xFF0F) }
    /// ASCII punctuation and symbols: anything below 0x80 that is not a letter, digit or space.
    var isASCIIPunctuation: Bool { self < 0x80 && !isWordCharacter && !isSpace }
    /// A mark that draws a sound out, in text as typed: ー, ｰ, 〜, ～, ~.
    var isLengthMark: Bool { self == .longVowelMark || self == 0xFF70 || self == .rangeDash || self == 0xFF5E || self == 0x7E }
    /// A pause in the text: punctuation of either script.
    var isPunctuation: Bool { isASCIIPunctuation || isJapanesePunctuation }
}

extension Array where Element == UInt32 {
    /// The folded scalars as a String, for word lists and debugging.
    var folded: String {
        var text = ""
        text.unicodeScalars.append(contentsOf: compactMap(Unicode.Scalar.init))
        return text
    }
}
