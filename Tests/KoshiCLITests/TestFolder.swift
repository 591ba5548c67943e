import Foundation

/// A fresh folder for one test's files, removed when the test ends.
final class TestFolder {
    let path: String

    init(_ purpose: String = "test") throws {
        path = NSTemporaryDirectory() + "koshi-\(purpose)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func makeFolder(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: file(name), withIntermediateDirectories: false)
        return file(name)
    }

    /// Every name in the folder, hidden ones too, sorted.
    func names(in sub: String? = nil) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: sub.map(file) ?? path).sorted()) ?? []
    }
}

/// The events of a `--format jsonl` run.
func jsonEvents(_ stdout: String) throws -> [[String: Any]] {
    try stdout.split(separator: "\n").map { line in
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}

func jsonEvents(_ stdout: String, ofType type: String) throws -> [[String: Any]] {
    try jsonEvents(stdout).filter { $0["type"] as? String == type }
}
