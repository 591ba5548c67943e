import KoshiKit
import KoshiTestSupport

/// Per-turn latency, in-process so that start-up is left out: every line of a long patient
/// script goes through `Session.respond(to:)`, timed one by one, for several passes.
struct TurnBenchmark {
    let knowledge: Knowledge
    let script: PatientScript
    let passes: Int
    /// A fresh copy of the knowledge, for the first turn of a new process: caches built on first
    /// need (such as the spelling index) are cold in it.
    let freshKnowledge: () throws -> Knowledge

    /// CONTRACT target: p99 of a turn under 1 ms.
    static let targetP99 = 1e-3

    func run() throws -> BenchmarkResult {
        var respond = Samples(), respondAndEncode = Samples()
        var byLine = [Samples](repeating: Samples(), count: script.lines.count)
        for _ in 0..<passes {
            let times = timeTurns(encoding: false)
            respond.add(contentsOf: times)
            for (index, time) in times.enumerated() { byLine[index].add(time) }
            respondAndEncode.add(contentsOf: timeTurns(encoding: true))
        }
        let slowest = slowestLines(byLine, count: 3)
        let coldJapanese = try timeFirstTurn(script.lines.first { $0.unicodeScalars.contains { $0.value >= 0x3000 } } ?? "腰が痛い")
        let englishLine = script.lines.first { $0.hasPrefix("my") || $0.hasPrefix("I") } ?? "my back hurts"
        let coldEnglish = try timeFirstTurn(englishLine)
        let preparedEnglish = try timeFirstTurn(englishLine, spellingPrepared: true)
        let p99 = respond.percentile(0.99)
        let conversations = script.lines.filter { $0 == "/reset" }.count
        return BenchmarkResult(
            title: "Per turn, in-process (\(script.lines.count) lines in \(conversations) conversations, ja and en, × \(passes) passes)",
            key: "turns",
            rows: [
                ReportRow(name: "Session.respond p50", value: Figure.duration(respond.median)),
                ReportRow(name: "Session.respond p99", value: Figure.duration(p99), target: "< 1 ms", met: p99 < Self.targetP99),
                ReportRow(name: "Session.respond max", value: Figure.duration(respond.maximum)),
                ReportRow(name: "respond + JSON lines p50", value: Figure.duration(respondAndEncode.median)),
                ReportRow(name: "respond + JSON lines p99", value: Figure.duration(respondAndEncode.percentile(0.99))),
                ReportRow(name: "slowest lines (median)", value: slowest.map { "\($0.line.prefix(16)) \(Figure.duration($0.seconds))" }
                    .joined(separator: ", ")),
                ReportRow(name: "first turn, cold caches, ja", value: Figure.duration(coldJapanese)),
                ReportRow(name: "first turn, cold caches, en", value: Figure.duration(coldEnglish)),
                ReportRow(name: "first turn, en, chat at a terminal", value: Figure.duration(preparedEnglish)),
            ],
            json: [
                "lines": script.lines.count, "conversations": conversations, "passes": passes,
                "respond_p50_us": respond.median * 1e6, "respond_p90_us": respond.percentile(0.9) * 1e6,
                "respond_p99_us": p99 * 1e6, "respond_max_us": respond.maximum * 1e6,
                "respond_encode_p50_us": respondAndEncode.median * 1e6,
                "respond_encode_p99_us": respondAndEncode.percentile(0.99) * 1e6,
                "target_p99_us": Self.targetP99 * 1e6,
                "first_turn_cold_ja_us": coldJapanese * 1e6, "first_turn_cold_en_us": coldEnglish * 1e6,
                "first_turn_prepared_en_us": preparedEnglish * 1e6,
                "slowest_lines": slowest.map { ["line": $0.line, "median_us": $0.seconds * 1e6] as [String: Any] },
            ])
    }

    /// The median time of the first turn of a session over freshly loaded knowledge;
    /// `spellingPrepared` as the chat at a terminal does while the person types.
    private func timeFirstTurn(_ line: String, spellingPrepared: Bool = false) throws -> Double {
        var times = Samples()
        for _ in 0..<5 {
            let knowledge = try freshKnowledge()
            if spellingPrepared { knowledge.lexicon.prepareSpelling() }
            var session = Session(knowledge: knowledge, language: .ja)
            _ = session.opening()
            let start = Monotonic.now()
            keep(session.respond(to: line))
            times.add(Monotonic.now() - start)
        }
        return times.median
    }

    /// One pass over the script, in a new session; the time of each line.
    private func timeTurns(encoding: Bool) -> [Double] {
        var session = Session(knowledge: knowledge, language: .ja)
        _ = session.opening()
        var times: [Double] = []
        times.reserveCapacity(script.lines.count)
        for line in script.lines {
            let start = Monotonic.now()
            let turn = session.respond(to: line)
            if encoding {
                var stream = ""
                for event in turn.events { EventEncoder.encode(event).write(to: &stream) }
                keep(stream)
            }
            times.append(Monotonic.now() - start)
            keep(turn)
        }
        return times
    }

    /// The lines of the script whose median time is longest: what the p99 is made of.
    private func slowestLines(_ byLine: [Samples], count: Int) -> [(line: String, seconds: Double)] {
        let medians = zip(script.lines, byLine.map(\.median))
        var worst: [String: Double] = [:]
        for (line, seconds) in medians { worst[line] = max(worst[line] ?? 0, seconds) }
        return worst.sorted { $0.value > $1.value }.prefix(count).map { ($0.key, $0.value) }
    }
}
