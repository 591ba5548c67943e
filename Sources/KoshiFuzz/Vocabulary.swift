import KoshiKit

/// The material inputs are made of: every word the knowledge base knows (synonyms, cue words,
/// example sentences), numbers in every script koshi reads, commands, and the hostile pieces
/// (control characters, escape sequences, invalid UTF-8).
struct Vocabulary {
    let words: [String]
    let sentences: [String]

    init(knowledge: Knowledge) {
        var words: [String] = []
        for concept in knowledge.concepts {
            words += concept.synonyms.map(\.text) + concept.absentSynonyms.map(\.text)
        }
        for cue in knowledge.cues { words += cue.words.map(\.text) }
        self.words = words + Self.numbers + Self.glue
        sentences = knowledge.concepts.flatMap { $0.examples.map(\.sentence) }
    }

    static let numbers = [
        "0", "3", "7", "10", "35", "62", "120", "121", "-5", "3.5", "007", "1e9", "１２", "７/１０", "7/10", "10段階で7",
        "35歳", "62才", "80代", "3日", "三日", "二週間", "一年半", "1ヶ月", "1か月", "2〜3日", "2、3日", "2-3 days", "十五",
        "百万", "〇", "零", "数日", "半年", "seven out of ten", "a couple of weeks", "since yesterday", "I'm 62",
        "twenty", "ninety-nine", "9223372036854775807", "9223372036854775808", "99999999999999999999",
        "1.7976931348623157e308", "九千九百九十九万九千九百九十九", "万万万万", "999999999999日", "0.000001",
    ]

    static let glue = [
        " ", "  ", "　", "、", "。", ",", ".", "!", "?", "？", "が", "は", "も", "の", "に", "を", "で", "と",
        "and", "but", "or", "not", "no", "yes", "my", "the", "です", "ます", "けど", "から", "ない", "はい", "いいえ",
        "ー", "〜", "~", "…", "（", "）", "(", ")", "「", "」", "/", "*", "#", "\\", "\"", "'", "‘", "’",
    ]

    static let commands = ["/help", "/why", "/summary", "/export", "/reset", "/lang", "/quit", "/exit", "/", "//", "/HELP", "/lang ja",
                           "/lang en", "/lang fr", "/export x.md", "/export x.json", "/export x.txt", "/export", "/why now"]

    /// Characters that must never reach a terminal raw.
    static let hostile: [[UInt8]] = [
        [0x00], [0x07], [0x08], [0x09], [0x0B], [0x0C], [0x0D], [0x1B], [0x7F],
        Array("\u{1B}[31m".utf8), Array("\u{1B}[2J".utf8), Array("\u{1B}]0;title\u{07}".utf8), Array("\u{1B}]8;;http://x\u{1B}\\".utf8),
        Array("\u{1B}P1$r\u{1B}\\".utf8), Array("\u{1B}[?1049h".utf8), Array("\u{1B}[".utf8), Array("\u{1B}]".utf8),
        Array("\u{9B}31m".utf8), Array("\u{85}".utf8), Array("\u{202E}".utf8), Array("\u{2066}".utf8), Array("\u{200B}".utf8),
        Array("\u{FEFF}".utf8), Array("\u{2028}".utf8), Array("\u{3099}".utf8), Array("\u{0301}".utf8), Array("\u{FFFD}".utf8),
        Array("😀".utf8), Array("𠮷".utf8), Array("\u{E000}".utf8),
        // Invalid UTF-8: stray continuation, overlong, surrogate, truncated, out of range.
        [0x80], [0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xE3, 0x81], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE],
    ]
}
