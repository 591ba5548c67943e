import Testing
import KoshiKnowledge
@testable import KoshiKit

/// The shipped knowledge base with one thing broken, to prove that `koshi kb check` finds it
/// and points at the right file and line.
struct BrokenKnowledge {
    var files = BuiltInKnowledge.files

    /// Replaces the first line equal to `old` in `file`; returns the line's number.
    @discardableResult
    mutating func replace(in file: String, line old: String, with new: String) -> Int {
        let index = files.firstIndex { $0.name.hasSuffix(file) }!
        var lines = files[index].text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let number = lines.firstIndex(of: old)!
        lines[number] = new
        files[index].text = lines.joined(separator: "\n")
        return number + 1
    }

    /// Removes the record `[header]` and its fields from `file`.
    mutating func remove(record header: String, from file: String) {
        let index = files.firstIndex { $0.name.hasSuffix(file) }!
        var kept: [Substring] = []
        var skipping = false
        for line in files[index].text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("[") { skipping = line == header }
            if !skipping { kept.append(line) }
        }
        files[index].text = kept.joined(separator: "\n")
    }

    mutating func append(_ text: String, to file: String) -> Int {
        let index = files.firstIndex { $0.name.hasSuffix(file) }!
        let before = files[index].text.split(separator: "\n", omittingEmptySubsequences: false).count
        files[index].text += "\n" + text
        return before + 1
    }

    var problems: [String] { KnowledgeCheck.run(files).map(\.description) }
}

/// The four emergency signs added with the words branch (major_trauma, aortic_warning,
/// worsening_weakness, very_unwell) are asked by questions that the dialogue's owner writes in
/// questions.kb; until those land, `kb check` says so, and only that.
@Suite("koshi kb check")
struct KnowledgeCheckTests {
    @Test("the shipped knowledge base has no problems")
    func shippedBaseIsClean() {
        #expect(KnowledgeCheck.run(BuiltInKnowledge.files).map(\.description) == [])
    }

    @Test("the greeting worked out at build time is the one the shipped knowledge makes, with the region's number",
          arguments: Language.allCases, Region.allCases)
    func builtInOpening(language: Language, region: Region) throws {
        let opening = BuiltInKnowledge.opening(language, region: region)
        var session = Session(knowledge: try BuiltInKnowledge.compiled(), language: language, region: region)
        #expect(opening == session.opening())
        let number = try #require(session.knowledge.regions[region]?.emergencyNumber)
        #expect(opening.events.contains { if case .message(let text) = $0 { text.contains(number) } else { false } })
        #expect(!opening.events.contains { if case .message(let text) = $0 { text.contains("{") } else { false } })
    }

    @Test("a line that does not parse")
    func syntax() {
        var kb = BrokenKnowledge()
        let line = kb.replace(in: "texts.kb", line: "[text goodbye]", with: "[text goodbye")
        #expect(kb.problems.contains("Knowledge/texts.kb:\(line): a record header must end with ']'"))
        var other = BrokenKnowledge()
        let line2 = other.append("this is not a field", to: "texts.kb")
        #expect(other.problems.contains("Knowledge/texts.kb:\(line2): expected 'key: value' or '[kind id]'"))
    }

    @Test("a reference to an unknown concept, with a suggestion")
    func unknownConcept() {
        var kb = BrokenKnowledge()
        let line = kb.replace(in: "rules.kb", line: "any: fever, immunosuppression", with: "any: fevr, immunosuppression")
        #expect(kb.problems == ["Knowledge/rules.kb:\(line): unknown concept 'fevr' (did you mean 'fever'?)"])
    }

    @Test("a reference to an unknown source")
    func unknownSource() {
        var kb = BrokenKnowledge()
        let line = kb.replace(in: "rules.kb", line: "source: nice-ng59, nice-cks", with: "source: nice-ng60, nice-cks")
        #expect(kb.problems == ["Knowledge/rules.kb:\(line): unknown source 'nice-ng60' (did you mean 'nice-ng59'?)"])
    }

    @Test("a synonym claimed by two concepts")
    func synonymClaimedTwice() {
        var kb = BrokenKnowledge()
        let line = kb.append("[concept heat]\ngroup: context\nlabel.ja: 暑さ\nlabel.en: heat\nja: 発熱", to: "concepts.kb")
        #expect(kb.problems.contains { $0.hasPrefix("Knowledge/concepts.kb:\(line + 4): synonym '発熱' is claimed by concept 'fever'") && $0.hasSuffix("and by concept 'heat'") })
    }

    @Test("a concept with no synonym in either language")
    func conceptWithoutSynonyms() {
        var kb = BrokenKnowledge()
        let line = kb.append("[concept mystery]\ngroup: context\nlabel.ja: 謎\nlabel.en: mystery", to: "concepts.kb")
        #expect(kb.problems == ["Knowledge/concepts.kb:\(line): concept 'mystery' has no synonym in either language"])
    }

    @Test("a canonical concept missing")
    func canonicalConceptMissing() {
        let canonical = BuiltInKnowledge.canonicalConcepts + [CanonicalConcepts.Entry(id: "pain_on_movment", group: "complaint")]
        let problems = KnowledgeCheck.run(BuiltInKnowledge.files, canonical: canonical).map(\.description)
        #expect(problems == ["Knowledge/concepts.kb:1: canonical concept 'pain_on_movment' is missing (did you mean 'pain_on_movement'?)"])
    }

    @Test("a question that can never be asked")
    func unaskableQuestion() {
        var kb = BrokenKnowledge()
        let line = kb.append("[question sudden]\nstage: doctor-soon\nasks: sudden_onset\ntext.ja: 急にですか？\ntext.en: Was it sudden?", to: "questions.kb")
        #expect(kb.problems == ["Knowledge/questions.kb:\(line): question 'sudden' can never be asked: no rule depends on what it asks"])
        var shadowed = BrokenKnowledge()
        let line2 = shadowed.append("[question fever-again]\nstage: doctor-soon\nasks: fever\ntext.ja: 熱は？\ntext.en: Fever?", to: "questions.kb")
        #expect(shadowed.problems == ["Knowledge/questions.kb:\(line2): question 'fever-again' can never be asked: 'fever' asks the same"])
    }

    @Test("advice without a source")
    func adviceWithoutSource() {
        var kb = BrokenKnowledge()
        let index = kb.files.firstIndex { $0.name.hasSuffix("advice.kb") }!
        let text = kb.files[index].text
        let header = text.firstRange(of: "[advice keep-warm]")!
        let headerLine = text[..<header.lowerBound].filter { $0 == "\n" }.count + 1
        let source = text[header.upperBound...].firstRange(of: "\nsource: ")!
        let end = text[source.upperBound...].firstIndex(of: "\n") ?? text.endIndex
        kb.files[index].text = String(text[..<source.lowerBound]) + String(text[end...])
        #expect(kb.problems == ["Knowledge/advice.kb:\(headerLine): advice 'keep-warm' has no source"])
    }

    @Test("a text missing in one language")
    func textMissingInOneLanguage() {
        var kb = BrokenKnowledge()
        let line = kb.replace(in: "texts.kb", line: "[text goodbye]", with: "[text goodbye]")
        kb.replace(in: "texts.kb", line: "en: Take care.", with: "# en: Take care.")
        #expect(kb.problems == ["Knowledge/texts.kb:\(line): text 'goodbye' has no en text (the other language has one)"])
    }

    @Test("an example sentence the matcher does not prove")
    func unprovenExample() {
        var kb = BrokenKnowledge()
        let line = kb.append("[concept heat]\ngroup: context\nlabel.ja: 暑さ\nlabel.en: heat\nen: heatwave\ncounter.en: a heatwave", to: "concepts.kb")
        #expect(kb.problems == ["Knowledge/concepts.kb:\(line + 5): 'a heatwave' should make 'heat' not present; read: heat=present"])
    }

    @Test("a missing folder file set is a clear problem, not a crash")
    func noFiles() {
        #expect(KnowledgeCheck.run([]).map(\.description) == ["(knowledge):0: no .kb files found"])
    }
}

@Suite("Text ids derived from values")
struct DerivedTextTests {
    @Test("every disposition, slot and status names a text that the shipped base has in both languages")
    func everyDerivedTextExists() throws {
        let knowledge = try BuiltInKnowledge.compiled()
        var phrases: [Phrase] = []
        for disposition in Disposition.allCases {
            phrases += [Phrase(disposition: disposition), Phrase(dispositionDetail: disposition), Phrase(safetyNet: disposition)]
        }
        for slot in ValueSlot.allCases { phrases += [Phrase(slot: slot), Phrase(slotValue: slot)] }
        for status in FindingStatus.allCases { phrases.append(Phrase(status: status)) }
        for phrase in phrases {
            #expect(knowledge.texts[phrase.rawValue]?.ja.isEmpty == false, "\(phrase.rawValue) in Japanese")
            #expect(knowledge.texts[phrase.rawValue]?.en.isEmpty == false, "\(phrase.rawValue) in English")
        }
    }

    @Test("a record's keys are checked against its kind's schema")
    func schemaNamesUnknownKeysAndRepeats() {
        var broken = BrokenKnowledge()
        let line = broken.replace(in: "rules.kb", line: "disposition: emergency", with: "disposition: emergency\ndisposition: emergency")
        let problems = KnowledgeCheck.run(broken.files).map(\.description)
        #expect(problems.contains { $0.hasSuffix("rules.kb:\(line + 1): 'disposition' is given twice") }, "\(problems)")
        #expect(RecordKind.concept.schema.shape(of: "example.ja") == .repeated)
        #expect(RecordKind.concept.schema.shape(of: "ja") == .list)
        #expect(RecordKind.text.schema.shape(of: "en") == .single)
        #expect(RecordKind.rule.schema.shape(of: "helps") == nil)
    }
}
