#if canImport(Glibc)
import Glibc
#endif

/// A private temporary folder for the exports of one transcript, removed afterwards; removed too
/// when SIGINT, SIGTERM or SIGHUP ends the run (`removeOnSignals()`), which then exits 128 + the
/// signal.
final class TemporaryFolder: @unchecked Sendable {
    let path: String

    /// Makes the folder under TMPDIR (or /tmp); the folder a signal would remove from now on.
    init() {
        let base = Terminal.variable("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/koshi-test-XXXXXX").utf8CString)
        TemporaryFolder.lock()
        defer { TemporaryFolder.unlock() }
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? base
        TemporaryFolder.current = self
    }

    /// Removes the folder and the files in it (exports, and a temporary file a write left).
    func remove() {
        TemporaryFolder.lock()
        defer { TemporaryFolder.unlock() }
        removeUnlocked()
        if TemporaryFolder.current === self { TemporaryFolder.current = nil }
    }

    private func removeUnlocked() {
        guard path.contains("koshi-test-"), let folder = opendir(path) else { return }
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { unlink(path + "/" + name) }
        }
        closedir(folder)
        rmdir(path)
    }

    /// Runs `body` with a signal's clean-up held back until it is done: a write into the folder
    /// (a file written after the removal would keep the folder), or a write elsewhere that would
    /// leave its temporary file if it were cut short.
    static func holdingSignals<Result>(_ body: () -> Result) -> Result {
        lock()
        defer { unlock() }
        return body()
    }

    // MARK: Signals

    /// The folder a signal would remove now; read and changed only under the lock.
    nonisolated(unsafe) private static var current: TemporaryFolder?
    nonisolated(unsafe) private static let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()
    private static func lock() { pthread_mutex_lock(mutex) }
    private static func unlock() { pthread_mutex_unlock(mutex) }

    /// The pipe from the signal handler to the thread that cleans up: a handler may call write()
    /// but nothing that allocates, so it only passes the signal on.
    nonisolated(unsafe) private static var signalPipe: (read: Int32, write: Int32) = (-1, -1)

    /// From now on SIGINT, SIGTERM and SIGHUP remove the current folder and exit 128 + the signal.
    static func removeOnSignals() {
        _ = mutex
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        signalPipe = (ends[0], ends[1])
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { _ in
            var signal: Int32 = 0
            while read(TemporaryFolder.signalPipe.read, &signal, MemoryLayout<Int32>.size) != MemoryLayout<Int32>.size {
                if errno != EINTR { return nil }
            }
            // Never unlocked: the run stops at its next step into the folder, and the process ends here.
            TemporaryFolder.lock()
            TemporaryFolder.current?.removeUnlocked()
            _exit(128 + signal)
        }, nil)
        guard started == 0 else { return }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            var signal = signal
            _ = write(TemporaryFolder.signalPipe.write, &signal, MemoryLayout<Int32>.size)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        installForEndingSignals(action)
    }
}
