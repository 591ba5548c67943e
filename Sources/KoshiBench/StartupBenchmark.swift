import KoshiTestSupport

/// Start-up: the time from spawning `koshi --format jsonl` to its first `ready` event, against
/// the same for the print-only floor. Runs alternate between the two so that drift hits both.
struct StartupBenchmark {
    let koshi: String
    let floor: String
    let runs: Int

    static let readyEvent = Array(#"{"type":"ready"}"#.utf8)
    /// CONTRACT target: start-up within 1.5 times the floor.
    static let targetRatio = 1.5

    func run() throws -> BenchmarkResult {
        var koshiTimes = Samples(), floorTimes = Samples()
        for round in 0..<(runs + Self.warmUp) {
            let k = try timeToReady(koshi, ["--format", "jsonl"])
            let f = try timeToReady(floor, [])
            if round >= Self.warmUp {
                koshiTimes.add(k)
                floorTimes.add(f)
            }
        }
        let ratio = koshiTimes.median / floorTimes.median
        return BenchmarkResult(
            title: "Start-up to the first ready event (\(runs) runs each)",
            key: "startup",
            rows: [
                ReportRow(name: "koshi --format jsonl", value: "median \(Figure.milliseconds(koshiTimes.median))  p90 \(Figure.milliseconds(koshiTimes.percentile(0.9)))"),
                ReportRow(name: "floor (print-only Swift)", value: "median \(Figure.milliseconds(floorTimes.median))  p90 \(Figure.milliseconds(floorTimes.percentile(0.9)))"),
                ReportRow(name: "koshi / floor (medians)", value: Figure.ratio(ratio), target: "≤ \(Figure.ratio(Self.targetRatio))",
                          met: ratio <= Self.targetRatio),
            ],
            json: [
                "runs": runs,
                "koshi_median_ms": koshiTimes.median * 1e3, "koshi_p90_ms": koshiTimes.percentile(0.9) * 1e3,
                "floor_median_ms": floorTimes.median * 1e3, "floor_p90_ms": floorTimes.percentile(0.9) * 1e3,
                "ratio": ratio, "target_ratio": Self.targetRatio,
            ])
    }

    static let warmUp = 3

    private func timeToReady(_ program: String, _ arguments: [String]) throws -> Double {
        let start = Monotonic.now()
        let child = try ChildProcess(program, arguments)
        let sawReady = child.read(until: Self.readyEvent)
        let elapsed = Monotonic.now() - start
        child.drain()
        let status = child.wait()
        guard sawReady, status == 0 else {
            throw ChildProcess.SpawnError(description: "\(program) ended (status \(status)) without a ready event")
        }
        return elapsed
    }
}
