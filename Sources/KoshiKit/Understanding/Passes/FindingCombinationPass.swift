/// Findings that together make another, wherever in the line each was said (`combine-findings`):
/// 「急に腰に激痛が走って、お腹も痛い」 states a sudden onset and tummy pain, which together are a
/// warning sign of the aorta. Each part must be stated (present), in this line or an earlier one
/// (a sudden onset told first, the tummy pain when asked), at least one in this line; and the
/// line must not have said the combined concept itself.
struct FindingCombinationPass: LinePass {
    func run(_ reading: inout LineUnderReading) {
        let combinations = reading.line.concepts.combinationsOfFindings
        guard !combinations.isEmpty else { return }
        let stated = reading.findings.inOrderWithPositions.filter { $0.finding.status == .present }
        for combination in combinations where !reading.findings.contains(combination.concept) {
            let parts = combination.components.map { component in stated.first { $0.finding.concept == component } }
            let earlier = reading.context.presentBefore
            guard parts.contains(where: { $0 != nil }),
                  zip(combination.components, parts).allSatisfy({ $1 != nil || earlier.contains($0) }) else { continue }
            // The part said last completes it; its words are the evidence (words of the line, as typed).
            let last = parts.compactMap { $0 }.max { $0.position < $1.position }!
            reading.findings.add(LineFinding(concept: combination.concept, status: .present, evidence: last.finding.evidence),
                                 at: last.position, clause: 0)
        }
    }
}
