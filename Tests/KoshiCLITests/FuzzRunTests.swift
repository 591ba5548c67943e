import Foundation
import Testing

/// The koshi-fuzz binary built beside koshi (by `swift build`, which builds every product).
private var fuzzer: URL { Koshi.binary.deletingLastPathComponent().appendingPathComponent("koshi-fuzz") }

/// Runs koshi-fuzz to its end. Lines are kept to 64 KB: megabyte lines are for longer runs
/// (`make fuzz`), not for a debug build on a CI budget.
private func fuzz(_ arguments: [String]) throws -> Koshi.Result {
    try #require(FileManager.default.isExecutableFile(atPath: fuzzer.path), "koshi-fuzz is not built: run swift build")
    let process = Process()
    process.executableURL = fuzzer
    process.arguments = arguments + ["--max-line-bytes", "65536"]
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Koshi.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                        stderr: String(decoding: err, as: UTF8.self))
}

@Suite("Fuzzing on a CI budget")
struct FuzzRunTests {
    @Test("three seconds of seeded fuzzing break no invariant", arguments: [UInt64(1), 2])
    func shortFuzzRun(seed: UInt64) throws {
        let artifacts = NSTemporaryDirectory() + "koshi-fuzz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: false)
        let result = try fuzz(["--seconds", "3", "--seed", String(seed), "--artifacts", artifacts])
        // A failing input stays behind for `koshi-fuzz --replay`; a clean run leaves nothing.
        if result.status == 0 { try? FileManager.default.removeItem(atPath: artifacts) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 invariants violated"), "\(result.stdout)")
    }

    @Test("the same seed tries the same inputs")
    func deterministic() throws {
        let arguments = ["--seconds", "120", "--iterations", "12", "--seed", "7", "--artifacts", NSTemporaryDirectory()]
        // What was tried comes before the ';'; the timings after it differ from run to run.
        func tried(_ result: Koshi.Result) -> Substring { result.stdout.split(separator: ";").first ?? "" }
        let first = try fuzz(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(tried(first).contains("12 inputs"), "\(first.stdout)")
        #expect(tried(try fuzz(arguments)) == tried(first))
    }
}
