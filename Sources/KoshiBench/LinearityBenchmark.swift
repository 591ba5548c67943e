import KoshiKit
import KoshiTestSupport

/// Whether cost grows linearly with line length: a whole turn (`Session.respond`) over a 1 KB
/// line of mixed Japanese and English, and over that same kilobyte repeated to 100 KB (and to
/// 1 MB); with the same text in each, the ratio of their times should be ~100.
struct LinearityBenchmark {
    let knowledge: Knowledge
    let examples: Examples
    let repetitions: Int

    static let shortBytes = 1_000
    static let longBytes = 100_000
    /// Linear within measurement noise and cache effects.
    static let targetRange = 70.0...140.0

    func run() -> BenchmarkResult {
        let short = Self.mixedKilobyte(examples)
        let long = Array(repeating: short, count: Self.longBytes / Self.shortBytes).joined(separator: " ")
        let shortTime = timeTurn(short, repetitions: repetitions * 100)
        let longTime = timeTurn(long, repetitions: repetitions)
        let ratio = longTime / shortTime
        let megabyte = Array(repeating: short, count: 1_000).joined(separator: " ")
        let megabyteTime = timeTurn(megabyte, repetitions: max(1, repetitions / 2))
        return BenchmarkResult(
            title: "Linearity: one turn over a long line (median of repeats)",
            key: "linearity",
            rows: [
                ReportRow(name: "1 KB line", value: Figure.duration(shortTime)),
                ReportRow(name: "100 KB line", value: Figure.duration(longTime)),
                ReportRow(name: "100 KB / 1 KB", value: Figure.ratio(ratio), target: "~100×",
                          met: Self.targetRange.contains(ratio)),
                ReportRow(name: "1 MB line", value: Figure.duration(megabyteTime)),
            ],
            json: [
                "short_bytes": short.utf8.count, "long_bytes": long.utf8.count,
                "short_ms": shortTime * 1e3, "long_ms": longTime * 1e3, "ratio": ratio,
                "megabyte_ms": megabyteTime * 1e3,
            ])
    }

    /// The median time of a first turn over `line`, in a new session each time.
    private func timeTurn(_ line: String, repetitions: Int) -> Double {
        let fresh = Session(knowledge: knowledge, language: .ja)
        var times = Samples()
        for _ in 0..<max(3, repetitions) {
            var session = fresh
            let start = Monotonic.now()
            keep(session.respond(to: line))
            times.add(Monotonic.now() - start)
        }
        return times.median
    }

    /// About a kilobyte of example sentences, Japanese and English in turn.
    static func mixedKilobyte(_ examples: Examples) -> String {
        let japanese = examples.examples(.ja, .complaint) + examples.examples(.ja, .redFlag) + examples.examples(.ja, .context)
        let english = examples.examples(.en, .complaint) + examples.examples(.en, .redFlag) + examples.examples(.en, .context)
        let sentences = zip(japanese, english).flatMap { [$0.sentence, $1.sentence] }
        return line(of: sentences.joined(separator: " "), bytes: shortBytes)
    }

    /// `text` repeated and cut to `bytes` UTF-8 bytes, on a character boundary.
    static func line(of text: String, bytes: Int) -> String {
        var line = String.UnicodeScalarView()
        var size = 0
        while true {
            for scalar in text.unicodeScalars {
                size += UTF8.width(scalar)
                if size > bytes { return String(line) }
                line.append(scalar)
            }
            size += 1
            if size > bytes { return String(line) }
            line.append(" ")
        }
    }
}
