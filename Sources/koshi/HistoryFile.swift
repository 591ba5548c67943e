#if canImport(Glibc)
import Glibc
#endif

/// The chat's line history on disk, in libedit's own format (a `_HiStOrY_V2_` line, then one
/// line per entry, oldest first, with spaces, tabs, backslashes and control characters written
/// as `\040`, `\011`, `\134`, `\^[`), so that a history written by an older koshi is read, and one
/// written now is read by it. koshi reads and writes the file itself rather than through libedit:
///
/// - At start-up only the end of the file is read (`readLimit`), and a line longer than
///   `maximumLineBytes` is skipped: a file of one huge line (what a crash can leave) costs
///   neither memory nor time, and is replaced by a clean one at the end of the session.
/// - At the end, the lines this session added are appended to what the file holds *then*,
///   under a lock, and the result is written to a temporary file and renamed into place:
///   sessions that run at the same time keep each other's lines, and a reader never sees half a
///   file. The file is 0600 and its folder 0700; a link or a FIFO in its place is left alone.
enum HistoryFile {
    /// The first line of libedit's history files.
    static let cookie = "_HiStOrY_V2_"
    /// How many entries are kept, in memory and on disk (the line editor's history size).
    static let maximumEntries = 1000
    /// A longer line (as written in the file) is skipped when reading, and a longer entry is
    /// not remembered: nobody recalls a pasted page with the Up key.
    static let maximumLineBytes = 16 << 10
    /// How much of the end of the file is read: enough for every entry at a generous length.
    static let readLimit = 1 << 20

    // MARK: Reading

    /// The entries of the history file at `path`, oldest first, decoded; none if it is missing,
    /// not a regular file (a link or a FIFO is not followed), or not a history file.
    static func entries(at path: String) -> [String] {
        lines(at: path).compactMap(decode)
    }

    /// The lines of the file at `path` as written (encoded), oldest first: at most the last
    /// `maximumEntries` of its last `readLimit` bytes, without the over-long ones.
    static func lines(at path: String) -> [[UInt8]] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return [] }
        let size = Int(info.st_size)
        // A file that does not start as libedit's does is not a history (libedit refuses it too).
        let head = readBytes(descriptor, at: 0, count: cookie.utf8.count + 1)
        guard head == Array((cookie + "\n").utf8) else { return [] }
        // From the byte before the part read: up to its first line feed is the end of a line
        // that started earlier (or the cookie's line feed), which is not an entry.
        let from = max(cookie.utf8.count, size - readLimit - 1)
        let tail = readBytes(descriptor, at: from, count: size - from)
        var pieces = tail.split(separator: 0x0A, omittingEmptySubsequences: false)
        if !pieces.isEmpty { pieces.removeFirst() }
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        var kept: [[UInt8]] = []
        kept.reserveCapacity(min(pieces.count, maximumEntries))
        for piece in pieces.reversed() where !piece.isEmpty && piece.count <= maximumLineBytes {
            kept.append(Array(piece))
            if kept.count == maximumEntries { break }
        }
        return kept.reversed()
    }

    /// Up to `count` bytes of the file from `offset`, read without moving anything into memory
    /// that is not asked for.
    private static func readBytes(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(offset + filled)) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    // MARK: Writing

    /// Adds `added` (this session's entries, oldest first) to the history at `path`: to what the
    /// file holds now, which other sessions may have added to since this one started. Returns
    /// false if nothing could be written.
    @discardableResult
    static func append(_ added: [String], to path: String) -> Bool {
        guard !added.isEmpty else { return true }
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        guard !folder.isEmpty else { return false }
        var built = ""
        for part in folder.split(separator: "/") {
            built += "/" + part
            mkdir(built, 0o700)
        }
        chmod(folder, 0o700)  // koshi's own folder, even if something else made it
        // The lock is on the folder itself: the file is replaced by a rename, so a lock on it
        // would be on a file that is no longer there.
        let lock = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { return false }
        defer { close(lock) }
        lockWaiting(lock)
        // Never through a link into another file, nor into a FIFO or a folder.
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG { return false }
        var lines = lines(at: path)
        for entry in added {
            let line = encode(entry)
            // As libedit's H_SETUNIQUE: a line the same as the one before it is not kept twice.
            if line.count <= maximumLineBytes, line != lines.last { lines.append(line) }
        }
        if lines.count > maximumEntries { lines.removeFirst(lines.count - maximumEntries) }
        var text = Array((cookie + "\n").utf8)
        for line in lines { text += line + [0x0A] }
        return replace(path, in: folder, with: text)
    }

    /// Takes the lock, waiting at most about two seconds: a session that holds it only reads and
    /// writes a small file. After that the history is written anyway, as it was before locks.
    private static func lockWaiting(_ descriptor: Int32) {
        for _ in 0..<200 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
            if errno != EWOULDBLOCK && errno != EINTR { return }
            usleep(10_000)
        }
    }

    /// Writes `bytes` to a new 0600 file in `folder` and renames it onto `path`.
    private static func replace(_ path: String, in folder: String, with bytes: [UInt8]) -> Bool {
        var template = Array((folder + "/.history-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return false }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        var failed = fchmod(descriptor, 0o600) != 0
        while !failed, written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { failed = true } else { written += count }
        }
        if close(descriptor) != 0 { failed = true }
        if failed || rename(temporary, path) != 0 {
            unlink(temporary)
            return false
        }
        return true
    }

    // MARK: The line format

    /// An entry as libedit writes it (strvis with VIS_WHITE): a backslash, a space and every
    /// control character as a backslash and three octal digits; everything else as it is.
    static func encode(_ entry: String) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(entry.utf8.count)
        for byte in entry.utf8 {
            if byte <= 0x20 || byte == 0x7F || byte == 0x5C {
                line += [0x5C, 0x30 + (byte >> 6), 0x30 + ((byte >> 3) & 7), 0x30 + (byte & 7)]
            } else {
                line.append(byte)
            }
        }
        return line
    }

    /// A line of the file as the entry it stands for (strunvis), or nil if it is not one: what
    /// libedit writes is octal (`\040`), control (`\^[`, `\^?`), meta (`\M-x`, `\M^x`) and C
    /// (`\n`, `\t`, `\s`, `\E`) escapes; a backslash before any other printable character
    /// stands for that character. The result must be UTF-8 text.
    static func decode(_ line: [UInt8]) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var index = 0
        func next() -> UInt8? {
            guard index < line.count else { return nil }
            defer { index += 1 }
            return line[index]
        }
        func control(_ byte: UInt8) -> UInt8 { byte == UInt8(ascii: "?") ? 0x7F : byte & 0x1F }
        while let byte = next() {
            guard byte == 0x5C else {
                out.append(byte)
                continue
            }
            guard let kind = next() else { return nil }
            switch kind {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(kind - 0x30)
                for _ in 0..<2 {
                    guard index < line.count, (0x30...0x37).contains(line[index]) else { break }
                    value = value * 8 + Int(line[index] - 0x30)
                    index += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "M"):
                switch next() {
                case UInt8(ascii: "-"):
                    guard let c = next() else { return nil }
                    out.append(c | 0x80)
                case UInt8(ascii: "^"):
                    guard let c = next() else { return nil }
                    out.append(control(c) | 0x80)
                default:
                    return nil
                }
            case UInt8(ascii: "^"):
                guard let c = next() else { return nil }
                out.append(control(c))
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "s"): out.append(0x20)
            case UInt8(ascii: "E"): out.append(0x1B)
            case UInt8(ascii: "$"), 0x0A: break  // libedit's hidden marker and hidden newline
            case 0x21...0x7E: out.append(kind)
            default: return nil
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
