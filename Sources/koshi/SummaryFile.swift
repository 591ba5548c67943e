#if canImport(Glibc)
import Glibc
#endif

/// Writes a summary safely: to a temporary file in the same folder, readable by the owner only
/// (0600), then moved into place in one step, so that a reader never sees half a file. An
/// existing file is replaced only when asked (`force`), and never one that is not a regular file.
enum SummaryFile {
    struct Problem: Error {
        var reason: String
    }

    /// Why `path` cannot hold a summary format, or nil: `.md` is Markdown, `.json` is JSON.
    static func formatProblem(_ path: String) -> String? {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".json")
            ? nil : "the file name must end in .md (Markdown) or .json (JSON)"
    }

    /// The longest path the system takes, in bytes (PATH_MAX less its terminating NUL).
    static let pathLimit = Int(PATH_MAX) - 1

    /// Why `path` is too long to be a file's name, or nil: the whole path against PATH_MAX, each
    /// folder's name against NAME_MAX, and the file's own name against what its folder's file
    /// system allows. Checked before a session, so that a name the system refuses is not found
    /// out only when the summary is written.
    static func lengthProblem(_ path: String) -> String? {
        let length = path.utf8.count
        if length > pathLimit { return "the path is \(length) bytes, more than a path can be (\(pathLimit))" }
        let names = path.split(separator: "/")
        for name in names.dropLast() where name.utf8.count > Int(NAME_MAX) {
            return "the folder name '\(name)' is \(name.utf8.count) bytes, more than a file system allows (\(NAME_MAX))"
        }
        if let name = names.last, name.utf8.count > nameLimit(in: directory(of: path)) {
            return "the file name is \(name.utf8.count) bytes, more than the folder's file system allows (\(nameLimit(in: directory(of: path))))"
        }
        return nil
    }

    /// The longest file name the folder's file system takes, in bytes; NAME_MAX if it cannot be asked.
    static func nameLimit(in folder: String) -> Int {
        let limit = pathconf(folder, Int32(_PC_NAME_MAX))
        return limit > 0 ? limit : Int(NAME_MAX)
    }

    /// The name beside `path` for when `path` is taken: `summary.md` becomes `summary-1.md`, the
    /// number before the extension so that the format stays the same. The stem is cut, at a
    /// character, if the name would be longer than `nameLimit` bytes.
    static func beside(_ path: String, number: Int, nameLimit: Int) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let folder = path[..<slash], name = path[slash...]
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 } ?? name.endIndex
        var stem = name[..<dot]
        let suffix = "-\(number)" + name[dot...]
        while !stem.isEmpty, stem.utf8.count + suffix.utf8.count > nameLimit { stem.removeLast() }
        return folder + stem + suffix
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// What is at `path` if it is there but is not a regular file, which no summary replaces
    /// (not even with --force): "a folder", "a FIFO", "a symbolic link", "a device", "a socket";
    /// nil when nothing is there or a regular file is.
    static func otherThanFile(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFLNK: return "a symbolic link"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// The reason given when `path` is something no summary replaces: "it is a folder, not a file".
    static func notAFileReason(_ what: String) -> String {
        what == "not a regular file" ? "it exists and is not a regular file" : "it is \(what), not a file"
    }

    /// Why writing `path` would fail, checked before a session starts so that nothing typed is lost.
    static func writabilityProblem(_ path: String, force: Bool) -> String? {
        var info = stat()
        if lstat(path, &info) == 0 {
            if let what = otherThanFile(path) { return notAFileReason(what) }
            if !force { return "it already exists (add --force to replace it)" }
        }
        let folder = directory(of: path)
        if stat(folder, &info) != 0 { return "the folder \(folder) does not exist" }
        if (info.st_mode & S_IFMT) != S_IFDIR { return "\(folder) is not a folder" }
        if access(folder, W_OK) != 0 { return "the folder \(folder) is not writable" }
        return nil
    }

    /// Writes `text` to `path` and returns where it went. `keepingMode`: a file replaced keeps its
    /// permissions (a transcript rewritten by `koshi test --update` is the project's file, not a
    /// person's health data). `besideIfTaken`: a file that is there although nobody confirmed
    /// replacing it (it appeared during the session), or anything that is not a regular file
    /// (a folder, FIFO or link that took its place, even with `force`), is left alone, and the
    /// text goes beside it under the first free name (`beside`).
    static func write(_ text: String, to path: String, force: Bool, keepingMode: Bool = false,
                      besideIfTaken: Bool = false) -> Result<String, Problem> {
        if let problem = lengthProblem(path) { return .failure(Problem(reason: problem)) }
        var info = stat()
        var mode: mode_t = 0o600
        var force = force
        if lstat(path, &info) == 0, force || !besideIfTaken {
            if (info.st_mode & S_IFMT) != S_IFREG {
                guard besideIfTaken else { return .failure(Problem(reason: notAFileReason(otherThanFile(path) ?? "not a regular file"))) }
                // Not replaced, only avoided: the link below refuses the name, and the next free one is taken.
                force = false
            } else if !force {
                return .failure(Problem(reason: "it already exists"))
            } else if keepingMode {
                mode = info.st_mode & 0o777
            }
        }
        let folder = directory(of: path)
        var template = Array((folder + "/.koshi-summary-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(Problem(reason: describe(errno))) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ code: Int32) -> Result<String, Problem> {
            close(descriptor)
            unlink(temporary)
            return .failure(Problem(reason: describe(code)))
        }
        if fchmod(descriptor, mode) != 0 { return fail(errno) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return fail(errno)
            }
            offset += written
        }
        if fsync(descriptor) != 0 { return fail(errno) }
        if close(descriptor) != 0 {
            unlink(temporary)
            return .failure(Problem(reason: describe(errno)))
        }
        // With force, rename() replaces the file in one step.
        if force {
            if rename(temporary, path) == 0 { return .success(path) }
            let code = errno
            // A folder that took the name since the check above: avoided like any other.
            guard besideIfTaken, code == EISDIR else {
                unlink(temporary)
                return .failure(Problem(reason: describe(code)))
            }
        }
        // Without it, link() refuses an existing name atomically, so that a file that appeared
        // meanwhile is never replaced: then the next free name beside it, if that is wanted.
        defer { unlink(temporary) }
        let limit = nameLimit(in: folder)
        for number in (force ? 1 : 0)...Self.besideAttempts {
            let target = number == 0 ? path : beside(path, number: number, nameLimit: limit)
            if link(temporary, target) == 0 { return .success(target) }
            let code = errno
            if code != EEXIST { return .failure(Problem(reason: describe(code))) }
            if !besideIfTaken { break }
        }
        return .failure(Problem(reason: "it already exists"))
    }

    /// How many names beside a taken one are tried before giving up.
    static let besideAttempts = 999

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
