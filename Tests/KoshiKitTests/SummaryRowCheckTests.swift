import Testing
@testable import KoshiKit
import KoshiKnowledge

@Suite("koshi kb check: the summary's header rows and the history group")
struct SummaryRowCheckTests {
    @Test("a summary row naming an unknown concept, with a suggestion")
    func unknownConcept() {
        var kb = BrokenKnowledge()
        let line = kb.append("[summary-row meds]\nlabel.ja: 薬\nlabel.en: medicines\nconcepts: blood_thiner", to: "summary.kb")
        #expect(kb.problems == ["Knowledge/summary.kb:\(line): summary row 'meds' names unknown concept 'blood_thiner' (did you mean 'blood_thinner'?)"])
    }

    @Test("a summary row naming a building block, which is never a finding")
    func buildingBlock() {
        var kb = BrokenKnowledge()
        let line = kb.append("[summary-row where]\nlabel.ja: 場所\nlabel.en: where\nconcepts: lower_back", to: "summary.kb")
        #expect(kb.problems == ["Knowledge/summary.kb:\(line): summary row 'where' names 'lower_back', a building block that is never a finding"])
    }

    @Test("a summary row's values must be value slots, and only-stated must name its own concepts")
    func badValuesAndOnlyStated() {
        var kb = BrokenKnowledge()
        let line = kb.append("[summary-row odd]\nlabel.ja: 変\nlabel.en: odd\nvalues: weight\nconcepts: fever\nonly-stated: chest_pain", to: "summary.kb")
        #expect(kb.problems == [
            "Knowledge/summary.kb:\(line): 'only-stated' names 'chest_pain', which 'concepts' does not list",
            "Knowledge/summary.kb:\(line + 3): 'weight' is not a value slot: age, duration, pain_intensity",
        ])
    }

    @Test("a missing canonical concept that a row names is one problem, the canonical one")
    func canonicalMissingOnce() {
        var kb = BrokenKnowledge()
        kb.append("[summary-row extra]\nlabel.ja: 追加\nlabel.en: extra\nconcepts: sciatica_extra", to: "summary.kb")
        let canonical = BuiltInKnowledge.canonicalConcepts + [CanonicalConcepts.Entry(id: "sciatica_extra", group: "complaint")]
        let problems = KnowledgeCheck.run(kb.files, canonical: canonical).map(\.description)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Knowledge/concepts.kb:1: canonical concept 'sciatica_extra' is missing") == true)
    }

    @Test("a history finding is recorded for the summary but never reported in the stream")
    func historyIsNotReported() {
        var session = Session(knowledge: knowledge, language: .en)
        let turn = session.respond(to: "my back hurts and I'm on warfarin")
        let summaries = turn.events.compactMap { if case .findings(let summary) = $0 { summary } else { nil } }
        #expect(summaries.count == 1)
        #expect(summaries.first?.present == ["low_back_pain"])
        #expect(summaries.first?.matched.map(\.concept) == ["low_back_pain"])
        #expect(session.state.findings["blood_thinner"]?.status == .present)
    }

    @Test("one building block alone may make a concept: any hands-on treatment named")
    func singleBuildingBlock() {
        #expect(read("I've been seeing a chiropractor").contains("hands_on_treatment"))
        #expect(read("整体に行っています").contains("hands_on_treatment"))
    }
}
