import Foundation

/// The koshi binary built beside this test bundle, run as a user would run it.
enum Koshi {
    /// The binary beside the tests, or the one KOSHI_BINARY names (to run these tests against
    /// another build, as the black-box repro scripts take KOSHI=path).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["KOSHI_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("koshi")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/koshi")
    }

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// What a reading thread collected, and when it is done.
    private final class Collected: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs koshi with `arguments`, feeding `input` on stdin, and waits for it to end.
    static func run(_ arguments: [String], input: String = "", environment: [String: String]? = nil) throws -> Result {
        try run(arguments, inputBytes: Array(input.utf8), environment: environment)
    }

    /// Runs koshi with `arguments`, feeding these bytes (not necessarily UTF-8) on stdin.
    static func run(_ arguments: [String], inputBytes input: [UInt8], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // koshi may end before it reads its input (a bad argument, a broken knowledge base): the
        // write then fails with EPIPE, which must not kill the test process with SIGPIPE. The
        // input is written while stdout and stderr are read: a large input with a large answer
        // would otherwise fill both pipes, each side waiting for the other.
        _ = ignoreBrokenPipes
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errors = Collected()
        let reader = Thread {
            errors.data = stderr.fileHandleForReading.readDataToEndOfFile()
            errors.done.signal()
        }
        reader.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        errors.done.wait()
        let err = errors.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}

/// A koshi left running with its pipes open, for tests that change the files around it while a
/// session goes on (a file or a folder put at the --export path).
struct LiveSession {
    private let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()

    /// Starts koshi with `arguments` (JSON lines), says `line`, and waits for the answer: the
    /// second `ready` event.
    init(_ arguments: [String], saying line: String) throws {
        process.executableURL = Koshi.binary
        process.arguments = arguments + ["--format", "jsonl"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
        var seen = ""
        while seen.components(separatedBy: "\"ready\"").count - 1 < 2 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// Ends the input, waits for koshi to end, and gives its exit status and its stderr.
    func finish() throws -> (status: Int32, stderr: String) {
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }
}
