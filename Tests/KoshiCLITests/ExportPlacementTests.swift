import Foundation
import Testing
@testable import koshi

@Suite("Where --export and /export write, and what they check first")
struct ExportPlacementTests {
    @Test("--export: a file name longer than the file system allows is refused before the session starts")
    func fileNameTooLong() throws {
        let folder = try TestFolder("export")
        let name = String(repeating: "a", count: 253) + ".md"
        let result = try Koshi.run(["--export", folder.file(name)], input: "腰が痛い\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "nothing was asked before the refusal")
        // The path is echoed cut to its first 80 characters (black-box round 3, finding 18).
        #expect(result.stderr.hasPrefix("koshi: --export \(folder.file(name).prefix(80))…: the file name is 256 bytes, more than the folder's file system allows (255)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("--export: a path longer than PATH_MAX is refused before the session starts")
    func pathTooLong() throws {
        let folder = try TestFolder("export")
        let path = folder.path + String(repeating: "/d", count: 2100) + "/s.md"
        let result = try Koshi.run(["--export", path], input: "腰が痛い\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("koshi: --export \(path.prefix(80))…: the path is \(path.utf8.count) bytes, more than a path can be (4095)"))
    }

    @Test("/export: a file name that is too long gets a clear message, and the session goes on")
    func exportCommandNameTooLong() throws {
        let folder = try TestFolder("export")
        let path = folder.file(String(repeating: "b", count: 300) + ".json")
        let result = try Koshi.run(["--lang", "en"], input: "my back hurts\n/export \(path)\nnone of those\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("! Could not write \(path) (the file name is 305 bytes, more than the folder's file system allows (255)). The conversation goes on.\n"))
        #expect(result.stdout.contains("Next, do any of these apply?"))
    }

    @Test("a file that appears at the --export path during the session is kept; the summary goes beside it")
    func fileAppearsDuringSession() throws {
        let folder = try TestFolder("export")
        let path = folder.file("summary.md")
        // Once koshi has answered, put files where the summary would go.
        let session = try LiveSession(["--lang", "en", "--export", path], saying: "my back hurts")
        try folder.write("keep me\n", to: "summary.md")
        try folder.write("and me\n", to: "summary-1.md")
        let (status, stderr) = try session.finish()
        #expect(status == 0, "\(stderr)")
        #expect(folder.read("summary.md") == "keep me\n")
        #expect(folder.read("summary-1.md") == "and me\n")
        #expect(folder.read("summary-2.md")?.hasPrefix("# Back pain consultation summary (koshi)") == true)
        #expect(stderr == "koshi: \(path) appeared during the session and was left as it was; the summary was written to \(folder.file("summary-2.md"))\n")
        #expect(folder.names() == ["summary-1.md", "summary-2.md", "summary.md"], "no temporary file is left behind")
    }

    @Test("the name beside a taken one: a number before the extension, cut to fit the file system",
          arguments: [("summary.md", 1, "summary-1.md"), ("/a/b/s.json", 12, "/a/b/s-12.json"), ("x.y.MD", 2, "x.y-2.MD"),
                      ("dir.d/notes.markdown", 3, "dir.d/notes-3.markdown")])
    func besideNames(path: String, number: Int, beside: String) {
        #expect(SummaryFile.beside(path, number: number, nameLimit: 255) == beside)
    }

    @Test("a name beside a name at the limit is cut inside the stem, never inside a character")
    func besideNameAtTheLimit() {
        let stem = String(repeating: "腰", count: 84)  // 252 bytes
        let beside = SummaryFile.beside("/f/" + stem + ".md", number: 7, nameLimit: 255)
        let name = String(beside.dropFirst(3))
        #expect(name.utf8.count <= 255)
        #expect(name == String(repeating: "腰", count: 83) + "-7.md")
    }

    @Test("a write that finds its name taken never replaces the file: it writes beside and says where")
    func writeBesideTakenName() throws {
        let folder = try TestFolder("export")
        try folder.write("keep me\n", to: "s.json")
        let written = SummaryFile.write("{}\n", to: folder.file("s.json"), force: false, besideIfTaken: true)
        #expect(try written.get() == folder.file("s-1.json"))
        #expect(folder.read("s.json") == "keep me\n")
        #expect(folder.read("s-1.json") == "{}\n")
        let refused = SummaryFile.write("{}\n", to: folder.file("s.json"), force: false)
        #expect(throws: SummaryFile.Problem.self) { try refused.get() }
    }
}
