/// Keeps the stated mentions of the parts of combinations that may span clauses, in order, for
/// `SpanningCombinationPass`.
struct SpanningPartsPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let parts = reading.line.concepts.spanningParts
        guard !parts.isEmpty else { return }
        for clause in reading.sentence {
            reading.spanningParts += clause.mentions.filter {
                $0.mode == .stated && parts.contains($0.concept) && !$0.assertion.negated && !$0.assertion.doubtful
            }
        }
    }
}

/// 「整体に行くとその日は楽なんですけど、二、三日で元通りです」: parts stated in order, each in a
/// later clause or the same, make the combination when no clause made it alone.
struct SpanningCombinationPass: LinePass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        let mentions = reading.spanningParts
        for combination in line.concepts.combinationsAcrossClauses where !reading.combined.contains(combination.concept) {
            var chosen: [Mention] = []
            for component in combination.components {
                let after = chosen.last?.token ?? -1
                guard let next = mentions.first(where: { $0.concept == component && $0.token > after }) else { break }
                chosen.append(next)
            }
            guard chosen.count == combination.components.count else { continue }
            let lower = line.tokens[chosen.first!.token].range.lowerBound, upper = line.tokens[chosen.last!.token].range.upperBound
            reading.combined.insert(combination.concept)
            reading.findings.add(LineFinding(concept: combination.concept, status: .present, evidence: line.original(lower..<upper)),
                                 at: lower, clause: reading.statingClauses)
        }
    }
}
