import KoshiKit

/// Runs one fuzz input through everything: each line through the understanding stages on its
/// own, then all the lines as one session. The same input always takes the same path, so any
/// input that breaks an invariant reproduces.
struct Probe {
    let knowledge: Knowledge
    let understanding: UnderstandingProbe
    let session: SessionProbe

    /// `knowledge` compiled from the files (for the checks that need every synonym), `shipped`
    /// as koshi runs it (for sessions, and to compare with).
    init(knowledge: Knowledge, shipped: Knowledge, slowness: Double = 1) {
        self.knowledge = knowledge
        understanding = UnderstandingProbe(knowledge: knowledge, shipped: shipped, slowness: slowness)
        session = SessionProbe(knowledge: shipped, slowness: slowness)
    }

    func run(_ input: [UInt8], tally: inout SessionProbe.Tally) -> [Violation] {
        var violations = Violations()
        let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        let digest = Self.digest(input)
        for (index, line) in lines.enumerated() {
            understanding.check(line, asked: asked(digest &+ UInt64(index)), &violations)
        }
        session.check(lines, language: digest & 1 == 0 ? .ja : .en, tally: &tally, &violations)
        return violations.found
    }

    /// The topics of some question (or none), so that lines are also read as answers.
    private func asked(_ choice: UInt64) -> [Topic] {
        let questions = knowledge.questions
        let index = Int(choice % UInt64(questions.count + 1))
        return index < questions.count ? questions[index].asks : []
    }

    /// FNV-1a: a stable choice of language and question from the input itself.
    static func digest(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes.prefix(4096) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}
