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
        /// Why the writing stopped (errno): EPIPE when the reader went away, else a real failure.
        private(set) var failure: Int32 = 0

        /// Why writing failed, unless the reader only went away (EPIPE, `| head -1`), a normal end.
        var problem: String? {
            failure == 0 || failure == EPIPE ? nil : String(cString: strerror(failure))
        }

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
                    if errno == EINTR {
                        // A reader that stopped reading must not keep koshi from ending: SIGTERM,
                        // SIGHUP (or SIGINT, away from a terminal) give up the write, and the
                        // session ends as it would between lines.
                        guard SessionSignals.endRequested || (SessionSignals.interrupted && isatty(descriptor) == 0) else { continue }
                        isClosed = true
                        return false
                    }
                    failure = errno
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

    /// Text that is safe to print on one line: control characters (escape sequences, newlines,
    /// C1 codes), the bidirectional controls and the line separators are shown as `\u{1B}` rather
    /// than sent to the terminal. File names, paths and the lines of a transcript or knowledge
    /// file come from anywhere.
    static func printable(_ text: String) -> String {
        InputSanitizer.escaped(text)
    }

    /// How many characters of an argument a message repeats: enough to tell which one is meant.
    static let echoedArgumentLength = 80

    /// The message with each argument of the command line that is longer than
    /// `echoedArgumentLength` characters (or the value of a `--name=value` one) cut to its first
    /// characters and "…": a message names the argument at fault, and a 120,000-character one
    /// pasted by mistake would otherwise come back whole.
    static func shorteningArguments(in message: String, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String {
        var long: [String] = []
        for argument in arguments {
            long.append(argument)
            if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
                long.append(String(argument[argument.index(after: equals)...]))
            }
        }
        var message = message
        // The longest first, so that a value is not cut inside the argument that holds it.
        for argument in long.filter({ $0.count > echoedArgumentLength }).sorted(by: { $0.utf8.count > $1.utf8.count }) {
            message = message.replacing(argument, with: argument.prefix(echoedArgumentLength) + "…")
        }
        return message
    }

    /// The exit status once everything is written: 1, said on stderr, when stdout could not be
    /// written (a full disk); 0 otherwise, also when the reader went away (`| head -1`).
    static func outputStatus() -> Int32 {
        guard let problem = standardOutput.problem else { return 0 }
        standardError.write("koshi: cannot write the output: \(problem)\n")
        return 1
    }

    /// Whether a text holds a C0 or C1 control character or DEL: what no argument may hold.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// `printable` for each line of a text that is meant to have several.
    static func printableLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { printable(String($0)) }.joined(separator: "\n")
    }

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

    /// The calendar day of a moment in the local time zone (TZ), as the person counts days.
    static func localDate(_ timestamp: Timestamp) -> CivilDate {
        var seconds = time_t(timestamp.secondsSince1970)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return CivilDate(timestamp) }
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
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
        installForEndingSignals(action)
    }

    static var endRequested: Bool { received == SIGHUP || received == SIGTERM }
    static var interrupted: Bool { received == SIGINT }
    /// The signal received, or 0.
    static var signal: Int32 { received }
    static func clear() { received = 0 }
}

/// Installs `action` for SIGINT, SIGHUP and SIGTERM, the signals that end a session, and unblocks
/// them: a parent may have started koshi with them blocked, and then they would never arrive.
func installForEndingSignals(_ action: sigaction) {
    var action = action
    var set = sigset_t()
    sigemptyset(&set)
    for signal in [SIGINT, SIGHUP, SIGTERM] {
        sigaction(signal, &action, nil)
        sigaddset(&set, signal)
    }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
}
