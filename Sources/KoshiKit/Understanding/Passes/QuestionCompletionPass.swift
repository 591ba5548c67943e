/// A sensation left without its body part completes a concept of the question just asked: "no
/// weakness", asked about leg weakness, denies leg weakness. A stated one completes it only when
/// the question asked that one concept (「やっぱりしびれています」 to the saddle question is the
/// saddle's numbness), and not after "only"; 「痛いです」 asked about chest pain among others is
/// too vague to state it.
struct QuestionCompletionPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let asked = reading.askedConcepts
        guard !asked.isEmpty else { return }
        let line = reading.line
        let single = asked.count == 1 && !line.tokens.contains { $0.role == .only }
        for c in reading.sentence.indices {
            for k in reading.sentence[c].mentions.indices {
                let mention = reading.sentence[c].mentions[k]
                guard mention.mode == .stated, !mention.consumed else { continue }
                let completes = (line.concepts.combinationsByHead[mention.concept] ?? []).first { asked.contains($0.concept) }
                guard let completes, !reading.combined.contains(completes.concept) else { continue }
                let token = line.tokens[mention.token]
                guard single || mention.assertion.status(absentWord: token.saysAbsent) != .present else { continue }
                reading.sentence[c].mentions[k].consumed = true
                reading.combined.insert(completes.concept)
                reading.sentence[c].combinations.append(CombinedMention(concept: completes.concept, assertion: mention.assertion,
                                                                        absentWord: token.saysAbsent, range: token.range, mode: .stated))
            }
        }
    }
}
