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
            return try Knowledge(files: try readFiles(directory))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "the knowledge base is not valid: \(error)")
        }
    }

    /// The `.kb` files of a folder, by name; a missing or unreadable folder is a clear failure.
    static func readFiles(_ directory: String) throws -> [KnowledgeFile] {
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
        guard !names.isEmpty else {
            throw CommandFailure(message: "the knowledge folder '\(directory)' has no .kb files")
        }
        return try names.sorted().map { name in
            let path = directory + "/" + name
            guard let bytes = readWholeFile(path) else {
                throw CommandFailure(message: "cannot read '\(path)': \(Terminal.lastErrorDescription())")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CommandFailure(message: "'\(path)' is not valid UTF-8 text")
            }
            return KnowledgeFile(name: path, text: text)
        }
    }

    static func readWholeFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
