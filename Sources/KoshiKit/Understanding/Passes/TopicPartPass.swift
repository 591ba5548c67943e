/// A sensation with no body part in its clause is about the part the line spoke of last:
/// 「去年ぎっくり腰をやったけど、それは治りました。今回はじわじわ痛くなってきた」 is back pain now.
/// Only a part said before it in the line (in this sentence or an earlier one) is taken, only for
/// a combination of that part and the sensation alone, and only for a symptom that is felt.
struct TopicPartPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for c in reading.sentence.indices {
            let clause = reading.sentence[c]
            let parts = clause.mentions.filter { line.concepts.isPart($0.concept) && $0.mode != .someoneElse }
            if let last = parts.last {
                reading.lastPart = last.concept
                continue
            }
            guard let topic = reading.lastPart else { continue }
            for k in clause.mentions.indices {
                let mention = clause.mentions[k]
                // Only what is felt, not what is denied or relieved (温まると痛みを感じなくなる), and
                // only a symptom of the part (a tilted chair is no tilted pelvis).
                guard mention.mode == .stated, !mention.consumed, !mention.assertion.negated, line.concepts.partTaking.contains(mention.concept),
                      line.concepts.isSense(mention.concept),
                      let combination = (line.concepts.combinationsByHead[mention.concept] ?? []).first(where: { $0.components == [topic, mention.concept] }),
                      [.complaint, .redFlag].contains(line.concepts.groups[combination.concept])
                else { continue }
                let token = line.tokens[mention.token]
                reading.sentence[c].mentions[k].consumed = true
                reading.sentence[c].combinations.append(CombinedMention(concept: combination.concept, assertion: mention.assertion,
                                                                        absentWord: token.saysAbsent, range: token.range, mode: .stated))
                reading.combined.insert(combination.concept)
            }
        }
    }
}
