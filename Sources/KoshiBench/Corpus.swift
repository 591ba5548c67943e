import Foundation
import KoshiKit
import KoshiTestSupport

/// A large mixed Japanese and English text for matcher throughput: the knowledge base's own
/// example sentences (which mention symptoms) interleaved with everyday filler (which mostly does
/// not), shuffled with a fixed seed so that every run scans the same text.
struct Corpus {
    /// The text as typed, a sentence a line.
    let lines: [String]
    /// Each line folded by the Normalizer.
    let folded: [NormalizedText]
    /// The folded lines joined by newlines: what the automaton alone scans.
    let foldedText: [UInt32]
    /// The folded synonym and cue words of the lexicon, without repeats: what the automaton holds.
    let patterns: [[UInt32]]

    var originalBytes: Int { lines.reduce(0) { $0 + $1.utf8.count + 1 } }
    var foldedBytes: Int { foldedText.reduce(0) { $0 + UTF8.width(Unicode.Scalar($1) ?? "\u{FFFD}") } }

    init(knowledge: Knowledge, bytes: Int) {
        let sentences = Examples(knowledge: knowledge).all
        var random = SeededRandom(seed: 7)
        var lines: [String] = []
        var total = 0
        while total < bytes {
            let pool = random.next() % 2 == 0 ? sentences : Filler.sentences
            let line = pool[Int(random.next() % UInt64(pool.count))]
            lines.append(line)
            total += line.utf8.count + 1
        }
        self.lines = lines
        folded = lines.map(Normalizer.normalize)
        var text: [UInt32] = []
        text.reserveCapacity(total)
        for (index, line) in folded.enumerated() {
            if index > 0 { text.append(0x0A) }
            text += line.scalars
        }
        foldedText = text
        patterns = Corpus.patterns(of: knowledge.lexicon)
    }

    /// Needs a lexicon compiled from the files: one read from the snapshot has no synonym text.
    static func patterns(of lexicon: Lexicon) -> [[UInt32]] {
        var seen = Set<[UInt32]>()
        return lexicon.terms.compactMap { $0.synonym.map { Normalizer.key($0.text) } }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Writes `patterns.txt` (one folded pattern a line) and `text.txt` (the folded text) into `folder`.
    func dump(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let patternText = patterns.map(Corpus.string).joined(separator: "\n") + "\n"
        try patternText.write(toFile: folder + "/patterns.txt", atomically: true, encoding: .utf8)
        try Corpus.string(foldedText).write(toFile: folder + "/text.txt", atomically: true, encoding: .utf8)
    }

    static func string(_ scalars: [UInt32]) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars.map { Unicode.Scalar($0) ?? "\u{FFFD}" })
        return String(text)
    }

    static func scalars(_ text: some StringProtocol) -> [UInt32] {
        text.unicodeScalars.map(\.value)
    }
}

/// Everyday sentences that a person might write around their complaint, in both languages.
enum Filler {
    static let sentences = [
        "今日は朝から雨が降っていて、駅まで歩くのが少し大変でした。",
        "週末は家族と一緒に近所の公園へ散歩に行く予定です。",
        "仕事の会議が長引いて、昼ごはんを食べる時間がありませんでした。",
        "最近は在宅勤務が増えて、通勤の時間が減りました。",
        "子どもを保育園に送ってから、スーパーで買い物をしました。",
        "昨日の夜はテレビで野球の試合を見ていました。",
        "来月、友人の結婚式で京都に行くことになっています。",
        "コーヒーを一日に三杯くらい飲んでいます。",
        "電車が混んでいて、ずっと立ったままでした。",
        "趣味はガーデニングで、毎朝花に水をあげています。",
        "ｽﾏｰﾄﾌｫﾝで調べてみましたが、よくわかりませんでした。",
        "ＰＣの前に座っている時間が長いです。",
        "お正月は実家に帰省して、のんびり過ごしました。",
        "犬の散歩は夫が担当しています。",
        "引っ越しの準備で段ボールをたくさん片付けました。",
        "I took the train to the office this morning and it was very crowded.",
        "We are planning a small trip to the coast next weekend.",
        "My daughter started school last month and we walk there together.",
        "I usually have coffee and toast for breakfast before work.",
        "The meeting ran late so I skipped lunch again.",
        "I have been working from home most days since the spring.",
        "We watched a football match on television last night.",
        "I like gardening and I water the plants every evening.",
        "My friend recommended a new book that I am reading now.",
        "The weather has been cold and windy all week.",
        "I moved to a new apartment and spent the weekend unpacking boxes.",
        "I came back from a business trip on Sunday.",
        "Our team has a big deadline at the end of the month.",
        "I tried to look it up online but did not find much.",
        "I cook dinner for the family most nights.",
    ]
}

extension Corpus {
    /// A few megabytes: large enough that caches and start-up do not decide the figure.
    static let defaultBytes = 4_000_000
}
