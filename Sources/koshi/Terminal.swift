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

    static var environment: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// The line editor is for people: both stdin and stdout must be terminals.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Colour only on a terminal, never with NO_COLOR set (to anything but empty, as
    /// no-color.org says), nor with TERM unset, empty or dumb.
    static var wantsColour: Bool {
        let env = environment
        let term = env["TERM"] ?? ""
        return isatty(STDOUT_FILENO) == 1 && (env["NO_COLOR"] ?? "").isEmpty && !term.isEmpty && term != "dumb"
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
