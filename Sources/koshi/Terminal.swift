#if canImport(Glibc)
import Glibc
#endif
import CEditLine
import KoshiKit

/// The process's standard streams and terminal: whether it is one, its width, colours, time.
enum Terminal {
    /// A file descriptor written to without buffering surprises; remembers a closed reader.
    final class Output: @unchecked Sendable {
        let descriptor: Int32
        private(set) var isClosed = false

        init(descriptor: Int32) { self.descriptor = descriptor }

        /// Writes all of `text`; false once the reader has gone (EPIPE) or the write failed.
        @discardableResult
        func write(_ text: String) -> Bool {
            guard !isClosed else { return false }
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { buffer in
                    Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    isClosed = true
                    return false
                }
                offset += written
            }
            return true
        }
    }

    static let standardOutput = Output(descriptor: STDOUT_FILENO)
    static let standardError = Output(descriptor: STDERR_FILENO)

    /// An environment variable, or nil when it is unset. (Asked one by one: copying the whole
    /// environment into a dictionary was a visible part of start-up.)
    static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The line editor is for people: both stdin and stdout must be terminals.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Colour only on a terminal, never with NO_COLOR set (to anything but empty, as
    /// no-color.org says), nor with TERM unset, empty or dumb.
    static var wantsColour: Bool {
        let term = variable("TERM") ?? ""
        return isatty(STDOUT_FILENO) == 1 && (variable("NO_COLOR") ?? "").isEmpty && !term.isEmpty && term != "dumb"
    }

    /// The terminal's width in columns, or 80 when it cannot be told.
    static func columns() -> Int {
        let columns = Int(koshi_terminal_columns(STDOUT_FILENO))
        return columns > 0 ? columns : 80
    }

    static func currentTime() -> Timestamp {
        Timestamp(secondsSince1970: Int64(time(nil)))
    }

    static func lastErrorDescription() -> String {
        String(cString: strerror(errno))
    }

    /// Writing to a closed pipe must end the session cleanly, not kill the process.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }
}

/// SIGINT, SIGHUP and SIGTERM during a chat at a terminal. The handlers only record the signal,
/// so a read in progress fails with EINTR and the line source decides what it means: SIGINT
/// abandons the line; SIGHUP (the terminal was closed) and SIGTERM end the session the way Ctrl-D
/// does, so that the history and the `--export` summary are written rather than lost with the
/// process. Between reads, while the advisor answers, a Ctrl-C is ignored and a hang-up or SIGTERM
/// waits for the next prompt to end the session.
enum SessionSignals {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in SessionSignals.received = signal }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the read must come back
        for signal in [SIGINT, SIGHUP, SIGTERM] { sigaction(signal, &action, nil) }
    }

    static var endRequested: Bool { received == SIGHUP || received == SIGTERM }
    static var interrupted: Bool { received == SIGINT }
    static func clear() { received = 0 }
}
