import KoshiTestSupport

/// Start-up: the time from spawning `koshi --format jsonl` to its first `ready` event, against
/// the same for the print-only floor built as koshi is (static Swift runtime), and, for
/// comparison, as plain `swiftc -O` builds it. Runs alternate so that drift hits all of them.
struct StartupBenchmark {
    let koshi: String
    let floor: String
    let sharedRuntimeFloor: String?
    let runs: Int

    static let readyEvent = Array(#"{"type":"ready"}"#.utf8)
    /// CONTRACT target: start-up within 1.5 times the floor.
    static let targetRatio = 1.5

    func run() throws -> BenchmarkResult {
        var koshiTimes = Samples(), floorTimes = Samples(), sharedTimes = Samples()
        for round in 0..<(runs + Self.warmUp) {
            let k = try timeToReady(koshi, ["--format", "jsonl"])
            let f = try timeToReady(floor, [])
            let s = try sharedRuntimeFloor.map { try timeToReady($0, []) }
            if round >= Self.warmUp {
                koshiTimes.add(k)
                floorTimes.add(f)
                s.map { sharedTimes.add($0) }
            }
        }
        let ratio = koshiTimes.median / floorTimes.median
        var sharedRows: [ReportRow] = []
        var sharedJSON: [String: Any] = [:]
        if sharedRuntimeFloor != nil {
            sharedRows = [
                ReportRow(name: "floor, shared runtime (swiftc -O)", value: "median \(Figure.milliseconds(sharedTimes.median))  p90 \(Figure.milliseconds(sharedTimes.percentile(0.9)))"),
                ReportRow(name: "koshi / that floor", value: Figure.ratio(koshiTimes.median / sharedTimes.median)),
            ]
            sharedJSON = ["shared_runtime_floor_median_ms": sharedTimes.median * 1e3,
                          "shared_runtime_ratio": koshiTimes.median / sharedTimes.median]
        }
        return BenchmarkResult(
            title: "Start-up to the first ready event (\(runs) runs each)",
            key: "startup",
            rows: [
                ReportRow(name: "koshi --format jsonl", value: "median \(Figure.milliseconds(koshiTimes.median))  p90 \(Figure.milliseconds(koshiTimes.percentile(0.9)))"),
                ReportRow(name: "floor (print-only, static runtime)", value: "median \(Figure.milliseconds(floorTimes.median))  p90 \(Figure.milliseconds(floorTimes.percentile(0.9)))"),
                ReportRow(name: "koshi / floor (medians)", value: Figure.ratio(ratio), target: "≤ \(Figure.ratio(Self.targetRatio))",
                          met: ratio <= Self.targetRatio),
            ] + sharedRows,
            json: sharedJSON.merging([
                "runs": runs,
                "koshi_median_ms": koshiTimes.median * 1e3, "koshi_p90_ms": koshiTimes.percentile(0.9) * 1e3,
                "floor_median_ms": floorTimes.median * 1e3, "floor_p90_ms": floorTimes.percentile(0.9) * 1e3,
                "ratio": ratio, "target_ratio": Self.targetRatio,
            ]) { $1 })
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
