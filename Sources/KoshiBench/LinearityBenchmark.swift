#if canImport(Glibc)
import Glibc
#endif
import KoshiKit
import KoshiTestSupport

/// Whether cost grows linearly with line length: a whole turn (`Session.respond`) over a 1 KB
/// line of mixed Japanese and English, and over that same kilobyte repeated to 100 KB (and to
/// 1 MB); with the same text in each, the ratio of their times should be ~100. And with the
/// length of a session: the koshi binary over scripts of 2,000 and 20,000 lines (~10×), which
/// caught a session copied, transcript and all, for every turn.
struct LinearityBenchmark {
    let knowledge: Knowledge
    let examples: Examples
    let koshi: String
    let repetitions: Int

    static let shortScript = 2_000
    static let longScript = 20_000
    /// Ten times the lines may cost up to ten times (a little over, for noise), and costs less
    /// when start-up and loading the knowledge, paid once, weigh in the shorter run.
    static let scriptTargetRange = 1.0...11.0

    static let shortBytes = 1_000
    static let longBytes = 100_000
    /// Linear within measurement noise and cache effects.
    static let targetRange = 70.0...140.0

    func run() throws -> BenchmarkResult {
        let short = Self.mixedKilobyte(examples)
        let long = Array(repeating: short, count: Self.longBytes / Self.shortBytes).joined(separator: " ")
        let shortTime = timeTurn(short, repetitions: repetitions * 100)
        let longTime = timeTurn(long, repetitions: repetitions)
        let ratio = longTime / shortTime
        let megabyte = Array(repeating: short, count: 1_000).joined(separator: " ")
        let megabyteTime = timeTurn(megabyte, repetitions: max(1, repetitions / 2))
        let shortScriptTime = try timeScript(lines: Self.shortScript)
        let longScriptTime = try timeScript(lines: Self.longScript)
        let scriptRatio = longScriptTime / shortScriptTime
        return BenchmarkResult(
            title: "Linearity: one turn over a long line (median of repeats)",
            key: "linearity",
            rows: [
                ReportRow(name: "1 KB line", value: Figure.duration(shortTime)),
                ReportRow(name: "100 KB line", value: Figure.duration(longTime)),
                ReportRow(name: "100 KB / 1 KB", value: Figure.ratio(ratio), target: "~100×",
                          met: Self.targetRange.contains(ratio)),
                ReportRow(name: "1 MB line", value: Figure.duration(megabyteTime)),
                ReportRow(name: "koshi --script, 2,000 lines", value: Figure.duration(shortScriptTime)),
                ReportRow(name: "koshi --script, 20,000 lines", value: Figure.duration(longScriptTime)),
                ReportRow(name: "20,000 / 2,000 lines", value: Figure.ratio(scriptRatio), target: "≤ 10×",
                          met: Self.scriptTargetRange.contains(scriptRatio)),
            ],
            json: [
                "short_bytes": short.utf8.count, "long_bytes": long.utf8.count,
                "short_ms": shortTime * 1e3, "long_ms": longTime * 1e3, "ratio": ratio,
                "megabyte_ms": megabyteTime * 1e3,
                "script_short_ms": shortScriptTime * 1e3, "script_long_ms": longScriptTime * 1e3, "script_ratio": scriptRatio,
            ])
    }

    /// The best of three runs of the koshi binary over a script of `lines` lines: example
    /// sentences and answers in turn, `/reset` never said, so the session only grows.
    private func timeScript(lines: Int) throws -> Double {
        let sentences = examples.examples(.ja, .context).map(\.sentence) + examples.examples(.en, .context).map(\.sentence)
        let text = (0..<lines).map { $0 % 3 == 2 ? "no" : sentences[$0 % sentences.count] }.joined(separator: "\n") + "\n"
        let path = "/tmp/koshi-bench-script-\(getpid())-\(lines).txt"
        guard let file = fopen(path, "w") else { throw ChildProcess.SpawnError(description: "cannot write \(path)") }
        fputs(text, file)
        fclose(file)
        defer { unlink(path) }
        var best = Double.infinity
        for _ in 0..<3 {
            let (status, seconds) = try ChildProcess.run(koshi, ["--format", "jsonl", "--script", path])
            guard status == 0 else { throw ChildProcess.SpawnError(description: "koshi --script ended with status \(status)") }
            best = min(best, seconds)
        }
        return best
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
