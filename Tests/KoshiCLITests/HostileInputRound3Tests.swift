import Foundation
import Testing

/// What the third black-box round found (`/work/blackbox/round3/FINDINGS.md`, by its numbers),
/// each run on the real binary. The history findings (15, 22) need a terminal: `HistoryTests`.
@Suite("Hostile input, black-box round 3")
struct HostileInputRound3Tests {
    /// The shipped knowledge folder.
    static let knowledgeFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Knowledge").standardized.path

    /// Runs `command` with `sh -c`, the arguments after it as "$0", "$1"…; its stdout is returned.
    static func shell(_ command: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command] + arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: 19

    @Test("19: zero-width space, BOM, soft hyphen and word joiner are shown escaped in messages and replies, replaced in Markdown",
          arguments: [0x200B, 0xFEFF, 0x00AD, 0x2060] as [UInt32])
    func invisibleFormatCharacters(code: UInt32) throws {
        let folder = try TestFolder("round3")
        let character = String(Character(Unicode.Scalar(code)!))
        let escaped = "\\u{\(String(code, radix: 16, uppercase: true))}"
        try folder.write("my back hurts\n", to: "a.txt")
        let missing = try Koshi.run(["--script", folder.file("a\(character).txt")])
        #expect(missing.status == 2)
        #expect(missing.stderr == "koshi: cannot read script '\(folder.file("a\(escaped).txt"))': No such file or directory\n")
        let chat = try Koshi.run(["--lang", "en", "--export", folder.file("s.md")],
                                 input: "my back\(character) hurts\n/export \(folder.file("b\(character).md"))\n/why\n")
        #expect(chat.status == 0)
        #expect(!chat.stdout.contains(character), "\(chat.stdout)")
        #expect(chat.stdout.contains("b\(escaped).md"), "\(chat.stdout)")
        let markdown = try #require(folder.read("s.md"))
        #expect(!markdown.contains(character))
        #expect(markdown.contains("> my back\u{FFFD} hurts"), "\(markdown)")
    }
}
