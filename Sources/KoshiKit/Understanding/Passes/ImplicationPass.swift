/// Words that mean two findings at once: ぎっくり腰 is low back pain and a sudden onset. A stated
/// finding adds what it implies, unless the line said something of that concept itself.
struct ImplicationPass: LinePass {
    func run(_ reading: inout LineUnderReading) {
        let implications = reading.line.concepts.implications
        guard !implications.isEmpty else { return }
        for (finding, position) in reading.findings.inOrderWithPositions where finding.status == .present {
            for implied in implications[finding.concept] ?? [] where !reading.findings.contains(implied) {
                reading.findings.add(LineFinding(concept: implied, status: .present, evidence: finding.evidence),
                                     at: position, clause: 0)
            }
        }
    }
}
