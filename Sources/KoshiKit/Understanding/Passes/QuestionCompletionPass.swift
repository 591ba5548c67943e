/// A sensation left without its body part completes a concept of the question just asked: "no
/// weakness", asked about leg weakness, denies leg weakness. A stated one completes it only when
/// the question asked that one concept (「やっぱりしびれています」 to the saddle question is the
/// saddle's numbness), and not after "only"; 「痛いです」 asked about chest pain among others is
/// too vague to state it. The lesser finding that the asked one implies never states it: 「いいえ、
/// 台所で滑って尻もちです」, asked whether it was a crash or a fall from a height, is an ordinary fall.
struct QuestionCompletionPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let asked = reading.askedConcepts
        guard !asked.isEmpty else { return }
        let line = reading.line
        let single = asked.count == 1 && !line.tokens.contains { $0.role == .only }
        for c in reading.sentence.indices {
            for k in reading.sentence[c].mentions.indices {
                let mention = reading.sentence[c].mentions[k]
                // "first time", asked about recurrence among others, answers that: it completes
                // nothing else (massage that stops helping).
                guard mention.mode == .stated, !mention.consumed, !asked.contains(mention.concept) else { continue }
                // "haven't had a massage", asked whether massage stops helping: a part of the
                // asked concept denied denies it.
                let deniedPart = mention.assertion.negated ? asked.first { line.concepts.components[$0]?.contains(mention.concept) ?? false } : nil
                let completes = (line.concepts.combinationsByHead[mention.concept] ?? []).first { asked.contains($0.concept) }?.concept ?? deniedPart
                guard let completes, !reading.combined.contains(completes) else { continue }
                let token = line.tokens[mention.token]
                let states = mention.assertion.status(absentWord: token.saysAbsent) == .present
                let lesser = line.concepts.implications[completes]?.contains(mention.concept) ?? false
                // "slow to start and not much comes out", asked about four signs: a sense that
                // makes one concept only can mean nothing else (numbness could be several).
                let unambiguous = mention.isSense && !line.tokens.contains { $0.role == .only }
                    && line.concepts.soleWhole[mention.concept] != nil
                guard !states || ((single || unambiguous) && !lesser) else { continue }
                reading.sentence[c].mentions[k].consumed = true
                reading.combined.insert(completes)
                reading.sentence[c].combinations.append(CombinedMention(concept: completes, assertion: mention.assertion,
                                                                        absentWord: token.saysAbsent, range: token.range, mode: .stated))
            }
            denyAskedWholes(ofDeniedIn: c, asked: asked, reading: &reading)
        }
    }

    /// "haven't had a massage" is also a denied hands-on treatment, a concept of its own made of
    /// the massage sense: denied, it denies the asked concept built on that part too, and stays.
    private func denyAskedWholes(ofDeniedIn c: Int, asked: Set<ConceptID>, reading: inout LineUnderReading) {
        let components = reading.line.concepts.components
        for combined in reading.sentence[c].combinations where combined.mode == .stated && combined.assertion.negated {
            guard let parts = components[combined.concept], !parts.isEmpty,
                  let whole = asked.first(where: { $0 != combined.concept && parts.isSubset(of: components[$0] ?? []) }),
                  !reading.combined.contains(whole) else { continue }
            reading.combined.insert(whole)
            reading.sentence[c].combinations.append(CombinedMention(concept: whole, assertion: combined.assertion,
                                                                    absentWord: combined.absentWord, range: combined.range, mode: .stated))
        }
    }
}
