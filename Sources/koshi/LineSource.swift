#if canImport(Glibc)
import Glibc
#endif
import KoshiKit

/// What the person did at the prompt.
enum LineInput {
    /// A line, as the bytes typed (not yet known to be UTF-8).
    case line([UInt8])
    /// Ctrl-C: the line being typed is abandoned; the session goes on.
    case interrupted
    /// End of input: Ctrl-D, or the end of a script.
    case end
}

/// Where the chat gets the person's lines: the line editor, stdin, or a script file.
protocol LineSource {
    mutating func next(prompt: String) -> LineInput
    /// Asks a yes/no question (overwrite a file?); only interactive sources can.
    mutating func confirm(_ question: String) -> Bool
    /// Called when the session ends, so the source can save history and restore the terminal.
    mutating func close()
    /// Why the input ended early, if a read failed (a folder given as the script, a closed stdin).
    var readFailure: String? { get }
}

extension LineSource {
    var readFailure: String? { nil }
}

/// Reads lines from a file descriptor, as bytes, each at most a little over
/// `InputSanitizer.maximumLineBytes`; the rest of a longer line is skipped, not kept in memory.
/// Without prompts, except at a terminal where libedit could not be loaded (`prompting()`).
struct PlainLineReader: LineSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var prompts = false
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var atEnd = false
    private(set) var readFailure: String?
    private var lineCount = 0
    /// Whether the last line ended at a CR, so that an LF right after it ends nothing more.
    private var afterCarriageReturn = false

    /// Whether every line must be UTF-8 text, as in a `--script` file: a line that is not ends
    /// the input, as a read failure (`readFailure`). Typed or piped lines are answered instead,
    /// with the bytes that are not UTF-8 replaced and said so.
    var requiresUTF8 = false

    /// A whole line, as read: without the piece of a character a cut left, and the first without
    /// a byte order mark.
    private mutating func finish(_ line: [UInt8], overflowed: Bool) -> LineInput {
        var line = line
        if overflowed { Self.dropIncompleteCharacter(&line) }
        if requiresUTF8, let problem = Self.encodingProblem(line, atStart: lineCount == 0) {
            readFailure = lineCount == 0 ? "the script \(problem)" : "line \(lineCount + 1) of the script \(problem)"
            atEnd = true
            start = end
            return .end
        }
        if lineCount == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        lineCount += 1
        return .line(line)
    }

    /// Why these bytes, the start of a script if `atStart`, are not UTF-8 text, in words that say
    /// what to do ("is UTF-16 text; save it as UTF-8"), or nil. A byte order mark names UTF-16
    /// and UTF-32; anything else that is not UTF-8 is most often Shift_JIS.
    static func encodingProblem(_ bytes: some Collection<UInt8>, atStart: Bool) -> String? {
        if atStart {
            let head = Array(bytes.prefix(4))
            if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
                return "is UTF-32 text; save it as UTF-8"
            }
            if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return "is UTF-16 text; save it as UTF-8" }
        }
        guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
        return "is not UTF-8 text (Shift_JIS or another encoding); save it as UTF-8"
    }

    /// For a script file: why it is not UTF-8 text, judged before the session starts on its
    /// first block (the first read), so that such a file is refused before anything is said.
    /// Lines further on are judged as they are read.
    mutating func encodingProblemAtStart() -> String? {
        if start == end, !atEnd {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count > 0 { (start, end) = (0, count) } else if count == 0 { atEnd = true } else { return nil }
        }
        var block = Array(buffer[start..<end])
        // The block may end inside a character, which the next read completes.
        if end - start == buffer.count { Self.dropIncompleteCharacter(&block) }
        return Self.encodingProblem(block, atStart: true)
    }

    /// A line cut at the length limit may end inside a character: the pieces would read as
    /// invalid UTF-8 and be reported so. They are dropped with the rest that was cut.
    static func dropIncompleteCharacter(_ line: inout [UInt8]) {
        var lead = line.count - 1
        while lead >= 0, lead >= line.count - 4, line[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0 else { return }
        let byte = line[lead]
        let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        if line.count - lead < length { line.removeSubrange(lead...) }
    }

    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            Glibc.close(descriptor)
            errno = EISDIR
            return nil
        }
        self.descriptor = descriptor
        ownsDescriptor = true
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        ownsDescriptor = false
    }

    static func standardInput() -> PlainLineReader { PlainLineReader(descriptor: STDIN_FILENO) }

    /// Standard input read as the terminal's own line discipline edits it, with prompts, a
    /// yes-or-no question where one is needed, and Ctrl-C, hang-up and SIGTERM as the line editor
    /// takes them (`SessionSignals`).
    static func prompting() -> PlainLineReader {
        var reader = PlainLineReader(descriptor: STDIN_FILENO)
        reader.prompts = true
        SessionSignals.install()
        return reader
    }

    /// A script or pipe whose session has a summary to write: SIGINT, SIGTERM and SIGHUP end
    /// the input where it is, so that the summary is written rather than lost with the process.
    static func endingOnSignals(_ reader: PlainLineReader) -> PlainLineReader {
        var reader = reader
        reader.endsOnSignals = true
        SessionSignals.install()
        return reader
    }

    private var endsOnSignals = false

    mutating func next(prompt: String) -> LineInput {
        if endsOnSignals, SessionSignals.signal != 0 { return .end }
        if prompts {
            if SessionSignals.endRequested { return .end }
            SessionSignals.clear()
            Terminal.standardOutput.write(prompt)
        }
        var line: [UInt8] = []
        var overflowed = false
        while true {
            if start == end {
                if atEnd { return line.isEmpty && !overflowed ? .end : finish(line, overflowed: overflowed) }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR {
                    if endsOnSignals, SessionSignals.signal != 0 { return .end }
                    guard prompts else { continue }
                    Terminal.standardOutput.write("\n")
                    if SessionSignals.endRequested { return .end }
                    if SessionSignals.interrupted { return .interrupted }  // the kernel drops the typed part
                    continue
                }
                if count <= 0 {
                    if count < 0, errno != EAGAIN { readFailure = Terminal.lastErrorDescription() }
                    atEnd = true
                    continue
                }
                start = 0
                end = count
            }
            // The LF of a CR LF whose CR ended the line before (perhaps at the end of the last read).
            if afterCarriageReturn {
                afterCarriageReturn = false
                if buffer[start] == 0x0A {
                    start += 1
                    continue
                }
            }
            // LF, CR LF and a lone CR (old Mac files, some Windows tools) each end a line.
            let newline = Self.lineEnd(in: buffer, from: start, to: end)
            let chunkEnd = newline ?? end
            if !overflowed {
                let room = InputSanitizer.maximumLineBytes + 4 - line.count
                let take = min(room, chunkEnd - start)
                line.append(contentsOf: buffer[start..<(start + take)])
                if take < chunkEnd - start { overflowed = true }
            }
            start = chunkEnd
            if let newline {
                start += 1
                afterCarriageReturn = buffer[newline] == 0x0D
                return finish(line, overflowed: overflowed)
            }
        }
    }

    /// The index of the first LF or CR in `buffer[from..<to]`, by memchr: the rest of a line
    /// over the limit is skipped block by block at the speed of memory, not byte by byte.
    static func lineEnd(in buffer: [UInt8], from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            let base = UnsafeRawPointer(bytes.baseAddress!)
            var limit = to
            if let found = memchr(base + from, 0x0A, to - from) { limit = base.distance(to: UnsafeRawPointer(found)) }
            if limit > from, let found = memchr(base + from, 0x0D, limit - from) { limit = base.distance(to: UnsafeRawPointer(found)) }
            return limit < to ? limit : nil
        }
    }

    mutating func confirm(_ question: String) -> Bool {
        guard prompts, case .line(let bytes) = next(prompt: question + " ") else { return false }
        return LineEditor.isYes(String(decoding: bytes, as: UTF8.self))
    }

    mutating func close() {
        if ownsDescriptor { Glibc.close(descriptor) }
    }
}
