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

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Why writing `path` would fail, checked before a session starts so that nothing typed is lost.
    static func writabilityProblem(_ path: String, force: Bool) -> String? {
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFREG { return "it exists and is not a regular file" }
            if !force { return "it already exists (add --force to replace it)" }
        }
        let folder = directory(of: path)
        if stat(folder, &info) != 0 { return "the folder \(folder) does not exist" }
        if (info.st_mode & S_IFMT) != S_IFDIR { return "\(folder) is not a folder" }
        if access(folder, W_OK) != 0 { return "the folder \(folder) is not writable" }
        return nil
    }

    /// `keepingMode`: a file replaced keeps its permissions (a transcript rewritten by
    /// `koshi test --update` is the project's file, not a person's health data).
    static func write(_ text: String, to path: String, force: Bool, keepingMode: Bool = false) -> Result<Void, Problem> {
        var info = stat()
        var mode: mode_t = 0o600
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFREG { return .failure(Problem(reason: "it exists and is not a regular file")) }
            if !force { return .failure(Problem(reason: "it already exists")) }
            if keepingMode { mode = info.st_mode & 0o777 }
        }
        let folder = directory(of: path)
        var template = Array((folder + "/.koshi-summary-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(Problem(reason: describe(errno))) }
        let temporary = String(cString: template)
        func fail(_ code: Int32) -> Result<Void, Problem> {
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
        // Without force, link() refuses an existing name atomically, so a file that appeared
        // meanwhile is not replaced; with force, rename() replaces it in one step.
        let moved = force ? rename(temporary, path) : link(temporary, path)
        let code = errno
        if !force { unlink(temporary) }
        if moved != 0 {
            if force { unlink(temporary) }
            return .failure(Problem(reason: code == EEXIST ? "it already exists" : describe(code)))
        }
        return .success(())
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
