import Foundation
import Testing

@Suite("koshi kb check on a folder")
struct KnowledgeBaseCheckTests {
    /// The files of the built-in knowledge base: what koshi needs in a folder of its own.
    static let neededFiles: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Knowledge").standardized
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".kb") }.sorted()
    }()

    @Test("an empty folder is a broken knowledge base: one 'missing' line per file koshi needs, status 1")
    func emptyFolderListsMissingFiles() throws {
        let folder = try TestFolder("kb-check")
        let kb = try folder.makeFolder("kb")
        let checked = try Koshi.run(["kb", "check", kb])
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(checked.stdout == Self.neededFiles.map { "\(kb)/\($0): missing\n" }.joined())
        #expect(checked.stderr == "koshi: \(Self.neededFiles.count) problems in the knowledge base\n")
    }

    @Test("a folder whose only files are not .kb files is as empty")
    func folderWithoutKnowledgeFiles() throws {
        let folder = try TestFolder("kb-check")
        _ = try folder.makeFolder("kb")
        try folder.write("notes\n", to: "kb/README.md")
        let checked = try Koshi.run(["kb", "check", folder.file("kb")])
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("\(folder.file("kb"))/manifest.kb: missing\n"), "\(checked.stdout)")
    }

    @Test("a folder that does not exist is still a bad argument: one line, status 2")
    func missingFolder() throws {
        let checked = try Koshi.run(["kb", "check", "/nonexistent-koshi-kb"])
        #expect(checked.status == 2)
        #expect(checked.stderr.split(separator: "\n").count == 1)
        #expect(checked.stderr.hasPrefix("koshi: cannot read the knowledge folder '/nonexistent-koshi-kb'"))
    }

    @Test("a chat with --knowledge on an empty folder still stops at once with one line, status 2")
    func chatWithEmptyKnowledge() throws {
        let folder = try TestFolder("kb-check")
        let kb = try folder.makeFolder("kb")
        let result = try Koshi.run(["--knowledge", kb], input: "my back hurts\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "koshi: the knowledge folder '\(kb)' has no .kb files\n")
    }
}
