/// Peak memory: a koshi process holding the long patient session over pipes, koshi given one
/// 1 MB line, koshi just started, the floor, and this benchmark itself. Each child's peak
/// (VmHWM) is read while it waits for its next line, after its last reply.
struct MemoryBenchmark {
    let koshi: String
    let floor: String
    let script: PatientScript
    let megabyteLine: String

    /// A megabyte of Japanese and English complaints in one line, as `LinearityBenchmark` makes its kilobyte.
    static func megabyteLine(_ examples: Examples) -> String {
        Array(repeating: LinearityBenchmark.mixedKilobyte(examples), count: 1_000).joined(separator: " ")
    }

    /// Target: a session never needs more than 30 MB.
    static let targetKiB = 30 * 1024

    func run() throws -> BenchmarkResult {
        let session = try peak(koshi, ["--format", "jsonl"], lines: script.lines)
        let longLine = try peak(koshi, ["--format", "jsonl"], lines: [megabyteLine])
        let idle = try peak(koshi, ["--format", "jsonl"], lines: [])
        let floorPeak = try peak(floor, [], lines: [])
        let own = ownPeakMemoryKiB()
        return BenchmarkResult(
            title: "Peak memory (VmHWM of the running process; getrusage for koshi-bench)",
            key: "memory",
            rows: [
                ReportRow(name: "koshi, \(script.lines.count)-line session", value: Figure.mebibytes(kib: session),
                          target: "< 30 MiB", met: session < Self.targetKiB),
                ReportRow(name: "koshi, one 1 MB line", value: Figure.mebibytes(kib: longLine),
                          target: "< 30 MiB", met: longLine < Self.targetKiB),
                ReportRow(name: "koshi, just started", value: Figure.mebibytes(kib: idle)),
                ReportRow(name: "floor (print-only Swift)", value: Figure.mebibytes(kib: floorPeak)),
                ReportRow(name: "koshi-bench itself", value: Figure.mebibytes(kib: own)),
            ],
            json: [
                "session_lines": script.lines.count, "session_kib": session, "long_line_kib": longLine,
                "idle_kib": idle, "floor_kib": floorPeak, "bench_kib": own, "target_kib": Self.targetKiB,
            ])
    }

    /// Holds a conversation with `program` over pipes, a line at a time, and returns its peak
    /// memory once it has answered the last line.
    private func peak(_ program: String, _ arguments: [String], lines: [String]) throws -> Int {
        let child = try ChildProcess(program, arguments, input: .pipe)
        var answered = child.read(until: StartupBenchmark.readyEvent)
        for line in lines where answered {
            child.write(Array((line + "\n").utf8))
            answered = child.read(until: StartupBenchmark.readyEvent)
        }
        let peak = child.peakMemoryKiB()
        child.closeInput()
        child.drain()
        let status = child.wait()
        guard answered, status == 0, let peak else {
            throw ChildProcess.SpawnError(description: "\(program) \(arguments.joined(separator: " ")) stopped answering (status \(status))")
        }
        return peak
    }
}
