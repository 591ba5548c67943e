#if canImport(Glibc)
import Glibc
#endif

/// Writes the input being tried to a file if the process crashes on it (a Swift trap, a bad
/// access, an abort), then lets the crash go on to the handler that was there before, such as
/// Swift's backtracer. A crash cannot be caught and reported like a violation, but it must
/// leave its reproducer behind.
enum CrashGuard {
    static let signals = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Installs the handlers; a crash writes the current input to `path`.
    static func install(path: String) {
        crashPath = strdup(path)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        previous.initialize(repeating: sigaction(), count: 65)
        previousActions = previous
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handleCrash
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, previous + Int(signal))
        }
    }

    /// Remembers `input` as the one being tried, in memory the signal handler can read.
    static func arm(_ input: [UInt8]) {
        if input.count > capacity {
            free(buffer)
            capacity = max(input.count, 2 * capacity, 4096)
            buffer = malloc(capacity)?.assumingMemoryBound(to: UInt8.self)
        }
        input.withUnsafeBufferPointer { source in
            if let base = source.baseAddress, let buffer { memcpy(buffer, base, input.count) }
        }
        length = input.count
    }
}

// The signal handler may touch only these, and only with async-signal-safe calls.
nonisolated(unsafe) private var crashPath: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var buffer: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var capacity = 0
nonisolated(unsafe) private var length = 0
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?

private func handleCrash(_ signal: Int32) {
    if let crashPath, let buffer {
        let file = open(crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if file >= 0 {
            _ = write(file, buffer, length)
            close(file)
        }
        let message = "\nkoshi-fuzz: crashed; the input is in "
        _ = write(STDERR_FILENO, message, strlen(message))
        _ = write(STDERR_FILENO, crashPath, strlen(crashPath))
        _ = write(STDERR_FILENO, "\n", 1)
    }
    // Hand the crash on: a fault re-runs the faulting instruction into the previous handler.
    if let previousActions { sigaction(signal, previousActions + Int(signal), nil) }
    if signal == SIGABRT || signal == SIGTRAP { raise(signal) }
}
