import Foundation
import KoshiKit
import KoshiTestSupport

/// `koshi test` throughput: the real command over every transcript (start-up included), and the
/// same transcripts replayed in-process by `TranscriptRunner` (start-up excluded).
struct TranscriptBenchmark {
    let koshi: String
    let knowledge: Knowledge
    let folder: String
    let repetitions: Int

    func run() throws -> BenchmarkResult {
        let files = Self.transcripts(under: folder)
        guard !files.isEmpty else {
            return BenchmarkResult(title: "koshi test throughput", key: "transcripts",
                                   rows: [ReportRow(name: "transcripts", value: "none found under \(folder)")],
                                   json: ["count": 0])
        }
        var command = Samples()
        for _ in 0..<repetitions {
            let (_, seconds) = try ChildProcess.run(koshi, ["test", folder])
            command.add(seconds)
        }
        let inProcess = timeInProcess(files)
        let count = Double(files.count)
        return BenchmarkResult(
            title: "koshi test throughput (\(files.count) transcripts)",
            key: "transcripts",
            rows: [
                ReportRow(name: "koshi test (the command)", value: Figure.fixed(count / command.median, 0) + " transcripts/s"
                          + "  (\(Figure.milliseconds(command.median)) in all)"),
                ReportRow(name: "TranscriptRunner in-process", value: Figure.fixed(count / inProcess, 0) + " transcripts/s"),
            ],
            json: [
                "count": files.count, "command_seconds": command.median, "command_per_second": count / command.median,
                "in_process_seconds": inProcess, "in_process_per_second": count / inProcess,
            ])
    }

    /// The best time to replay every transcript in-process; exports are rendered, not written.
    private func timeInProcess(_ files: [String]) -> Double {
        let transcripts = files.compactMap { file -> Transcript? in
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
            return try? Transcript.parse(text, name: file, defaultLanguage: .ja).get()
        }
        let runner = TranscriptRunner(knowledge: knowledge) { session, path, _, time in
            let summary = Summary(state: session.state, knowledge: session.knowledge, time: time)
            keep(SummaryWriter(knowledge: session.knowledge).markdown(summary))
            return .message("exported \(path)")
        }
        return (0..<repetitions).map { _ in Monotonic.time { for transcript in transcripts { keep(runner.run(transcript)) } } }
            .min() ?? .nan
    }

    static func transcripts(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".koshi") }.map { folder + "/" + $0 }.sorted()
    }
}
