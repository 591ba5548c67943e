import Foundation

/// Files that start a libFuzzer run well: generated inputs as a seed corpus, and the knowledge
/// base's words as a dictionary, so that coverage-guided mutation speaks koshi's languages.
enum SeedFiles {
    static func writeCorpus(to folder: String, count: Int, generator: inout InputGenerator) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            var input = generator.document()
            // libFuzzer's default -max_len is 4096; longer seeds are cut there anyway.
            if input.count > 4096 { input = Array(input.prefix(4096)) }
            try Data(input).write(to: URL(fileURLWithPath: folder + "/seed-\(index)"))
        }
    }

    static func writeDictionary(to path: String, vocabulary: Vocabulary) throws {
        var seen = Set<String>()
        var entries: [String] = []
        for word in vocabulary.words + Vocabulary.commands where !word.isEmpty && word.utf8.count <= 64 && seen.insert(word).inserted {
            entries.append("\"" + escaped(Array(word.utf8)) + "\"")
        }
        for piece in Vocabulary.hostile { entries.append("\"" + escaped(piece) + "\"") }
        try (entries.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A dictionary token: printable ASCII as is, everything else as \xNN.
    private static func escaped(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            switch byte {
            case UInt8(ascii: "\""): "\\\""
            case UInt8(ascii: "\\"): "\\\\"
            case 0x20...0x7E: String(UnicodeScalar(byte))
            default: String(format: "\\x%02X", byte)
            }
        }.joined()
    }
}
