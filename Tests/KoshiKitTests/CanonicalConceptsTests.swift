import Foundation
import Testing
import KoshiKnowledge
@testable import KoshiKit

@Suite("The canonical concept list, compiled in from Tests/Eval/concepts.tsv")
struct CanonicalConceptsTests {
    /// The repository's Tests/Eval folder, found from this file's place.
    static let evalFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Eval")

    @Test("the compiled list is Tests/Eval/concepts.tsv as it is now")
    func compiledListIsTheFile() throws {
        let text = try String(contentsOf: Self.evalFolder.appendingPathComponent("concepts.tsv"), encoding: .utf8)
        #expect(BuiltInKnowledge.canonicalConcepts == CanonicalConcepts.parse(text))
        #expect(BuiltInKnowledge.canonicalConcepts.contains(CanonicalConcepts.Entry(id: "saddle_numbness", group: "red_flag")))
        #expect(BuiltInKnowledge.canonicalConcepts.contains(CanonicalConcepts.Entry(id: "duration", group: "value")))
    }

    @Test("Tests/Eval/concepts.tsv is the shared evaluation's list, where that is present")
    func sameAsTheSharedList() throws {
        let shared = "/work/shared/eval/concepts.tsv"
        guard FileManager.default.fileExists(atPath: shared) else { return }
        let ours = try String(contentsOf: Self.evalFolder.appendingPathComponent("concepts.tsv"), encoding: .utf8)
        #expect(ours == (try String(contentsOfFile: shared, encoding: .utf8)))
    }

    @Test("a canonical concept in the wrong group is a problem at its record")
    func wrongGroup() {
        var kb = BrokenKnowledge()
        let index = kb.files.firstIndex { $0.name.hasSuffix("concepts.kb") }!
        var lines = kb.files[index].text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.firstIndex(of: "[concept fatigue]")!
        lines[header + 1] = "group: complaint"
        kb.files[index].text = lines.joined(separator: "\n")
        #expect(kb.problems == ["Knowledge/concepts.kb:\(header + 1): canonical concept 'fatigue' must be in group 'context', not 'complaint'"])
    }
}
