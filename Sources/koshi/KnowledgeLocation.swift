#if canImport(Glibc)
import Glibc
#endif
import KoshiKit
import KoshiKnowledge

/// Where the knowledge comes from: the base built into the binary, or a folder given by --knowledge.
enum KnowledgeLocation {
    static func load(directory: String?) throws -> Knowledge {
        do {
            guard let directory else { return try BuiltInKnowledge.compiled() }
            // What `kb check` rejects is not used: a base that loads may still lack its red flags.
            switch KnowledgeCheck.load(try readFiles(directory)) {
            case .success(let knowledge): return knowledge
            case .failure(let error): throw CommandFailure(message: "the knowledge base is not valid: \(error.brief(directory))")
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "the knowledge base is not valid: \(error)")
        }
    }

    /// The `.kb` files of a folder, by name; a missing or unreadable folder, or a file that
    /// cannot be read as UTF-8 text, is a clear failure.
    static func readFiles(_ directory: String) throws -> [KnowledgeFile] {
        let (files, problems) = try readFilesReportingProblems(directory)
        if let first = problems.first { throw CommandFailure(message: "the knowledge base cannot be read: \(first)") }
        if files.isEmpty { throw CommandFailure(message: "the knowledge folder '\(directory)' has no .kb files") }
        return files
    }

    /// The `.kb` files of a folder that can be read, and `file:1: reason` for each that cannot.
    /// A folder without any is not an error here: `kb check` reports the files it needs.
    static func readFilesReportingProblems(_ directory: String) throws -> (files: [KnowledgeFile], problems: [String]) {
        guard let folder = opendir(directory) else {
            throw CommandFailure(message: "cannot read the knowledge folder '\(directory)': \(Terminal.lastErrorDescription())")
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasSuffix(".kb") { names.append(name) }
        }
        var files: [KnowledgeFile] = []
        var problems: [String] = []
        for name in names.sorted() {
            let path = directory + "/" + name
            switch readWholeFile(path) {
            case .failure(let problem):
                problems.append("\(path):1: cannot read it: \(problem.reason)")
            case .success(let bytes):
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    problems.append("\(path):1: it is not valid UTF-8 text")
                    continue
                }
                files.append(KnowledgeFile(name: path, text: text))
            }
        }
        return (files, problems)
    }

    /// Knowledge and transcript files are read whole; the built-in knowledge is well under 1 MB.
    static let maximumFileBytes = 64 << 20

    struct ReadProblem: Error {
        var reason: String
    }

    /// The bytes of a regular file. Anything else is refused rather than read: a FIFO or a
    /// device found in a folder could keep koshi waiting forever.
    static func readWholeFile(_ path: String) -> Result<[UInt8], ReadProblem> {
        // Non-blocking, so that opening a FIFO returns at once; fstat then tells what it is.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(ReadProblem(reason: Terminal.lastErrorDescription())) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadProblem(reason: Terminal.lastErrorDescription())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(ReadProblem(reason: "it is not a regular file")) }
        guard info.st_size <= maximumFileBytes else {
            return .failure(ReadProblem(reason: "it is larger than \(maximumFileBytes >> 20) MB, far beyond any knowledge or transcript file"))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadProblem(reason: Terminal.lastErrorDescription()))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}

extension KnowledgeLoadError {
    /// The first problem, and how many more, with the command that lists them all.
    func brief(_ directory: String) -> String {
        guard let first = problems.first else { return "it could not be loaded" }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more; see 'koshi kb check \(directory)')" : " (see 'koshi kb check \(directory)')"
        return "\(first)\(more)"
    }
}
