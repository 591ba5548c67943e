#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KoshiTestSupport

/// A program started with `posix_spawn`, its standard output on a pipe: spawning directly keeps
/// the harness's own cost out of start-up timings.
struct ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Where the child's standard input comes from.
    enum Input {
        case file(String)
        /// A pipe that `write(_:)` feeds and `closeInput()` ends.
        case pipe
    }

    let pid: pid_t
    /// The read end of the child's standard output.
    let output: Int32
    /// The write end of the child's standard input, for `.pipe`.
    let input: Int32?

    /// Starts `path` with `arguments`; stderr is discarded.
    init(_ path: String, _ arguments: [String], input: Input = .file("/dev/null")) throws(SpawnError) {
        let outputPipe = try Self.makePipe()
        let inputPipe = input.isPipe ? try Self.makePipe() : nil
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch input {
        case .file(let file): posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, file, O_RDONLY, 0)
        case .pipe: posix_spawn_file_actions_adddup2(&actions, inputPipe!.read, STDIN_FILENO)
        }
        posix_spawn_file_actions_adddup2(&actions, outputPipe.write, STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        // The pipes are close-on-exec, so the child keeps only the copies made above.

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, path, &actions, nil, argv, environ)
        close(outputPipe.write)
        if let inputPipe { close(inputPipe.read) }
        guard result == 0 else {
            close(outputPipe.read)
            if let inputPipe { close(inputPipe.write) }
            throw SpawnError(description: "cannot start \(path): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        self.output = outputPipe.read
        self.input = inputPipe?.write
    }

    private static func makePipe() throws(SpawnError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Writes all of `bytes` to the child's standard input.
    func write(_ bytes: [UInt8]) {
        guard let input else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(input, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    func closeInput() {
        if let input { close(input) }
    }

    /// The most memory the running child has held so far (VmHWM). Unlike the ru_maxrss that
    /// wait4 reports, it cannot include this process's memory: a child started with vfork
    /// semantics counts its parent's resident set until it execs.
    func peakMemoryKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    /// Reads the child's output until `marker` has appeared; false if the output ended first.
    func read(until marker: [UInt8]) -> Bool {
        var seen: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            seen += chunk[0..<count]
            if seen.firstRange(of: marker) != nil { return true }
            // Only the tail can still hold the start of a marker that the next chunk completes.
            if seen.count > 1 << 20 { seen.removeFirst(seen.count - marker.count) }
        }
    }

    /// Reads and drops everything the child writes, until it closes its output.
    func drain() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
        }
    }

    /// Closes the pipes, waits for the child to end, and returns its exit status (128 + the
    /// signal's number if a signal ended it).
    func wait() -> Int32 {
        close(output)
        closeInput()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Runs a program to its end, discarding its output; returns its status and how long it took.
    static func run(_ path: String, _ arguments: [String], input: String = "/dev/null") throws(SpawnError) -> (status: Int32, seconds: Double) {
        let start = Monotonic.now()
        let child = try ChildProcess(path, arguments, input: .file(input))
        child.drain()
        let status = child.wait()
        return (status, Monotonic.now() - start)
    }
}

/// The peak memory of this process so far, in KiB.
func ownPeakMemoryKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
}

extension ChildProcess.Input {
    var isPipe: Bool {
        if case .pipe = self { return true }
        return false
    }
}
