/// Whether each mention is stated or denied, and how surely. Japanese denies after the mention
/// (熱はない), English before it (no fever); mentions joined by a coordinator (熱も体重減少もない,
/// no fever or chills) share the assertion of their neighbour.
struct PolarityPass: ReadingPass {
    func run(_ reading: inout LineUnderReading) {
        let line = reading.line
        for c in reading.sentence.indices {
            assertJapanese(&reading.sentence[c], line)
            assertEnglish(&reading.sentence[c], line)
        }
    }

    /// A Japanese mention takes the cues between it and the next mention (or the clause's end).
    private func assertJapanese(_ clause: inout Clause, _ line: ScannedLine) {
        let mentions = clause.mentions
        for k in mentions.indices.reversed() where line.tokens[mentions[k].token].language != .en {
            let from = line.tokens[mentions[k].token].range.upperBound
            let next = k + 1 < mentions.count ? k + 1 : nil
            let to = next.map { line.tokens[mentions[$0].token].range.lowerBound } ?? clause.end
            let between = (mentions[k].token + 1)..<(next.map { mentions[$0].token } ?? clause.tokens.upperBound)
            let gap = Gap(line: line, tokens: between, from: from, to: to)
            if gap.negations == 0, !gap.uncertain, !gap.opinion, let next,
               gap.coordinates(allowingPunctuation: !mentions[k].isSense && !mentions[next].isSense) {
                clause.mentions[k].assertion = clause.mentions[next].assertion
            } else {
                clause.mentions[k].assertion = Assertion(negated: gap.negations % 2 == 1, uncertain: gap.uncertain, opinion: gap.opinion,
                                                         doubtful: gap.doubtful)
            }
        }
    }

    /// An English mention takes the cues between the mention before it (or the clause's start) and it.
    private func assertEnglish(_ clause: inout Clause, _ line: ScannedLine) {
        for k in clause.mentions.indices where line.tokens[clause.mentions[k].token].language == .en {
            let mention = clause.mentions[k]
            let to = line.tokens[mention.token].range.lowerBound
            let previous = k > 0 ? k - 1 : nil
            let from = previous.map { line.tokens[clause.mentions[$0].token].range.upperBound } ?? clause.start
            let between = (previous.map { clause.mentions[$0].token + 1 } ?? clause.tokens.lowerBound)..<mention.token
            let gap = Gap(line: line, tokens: between, from: from, to: to)
            // A denial reaches forward through plain words ("no history of cancer") and lists
            // ("no fever, chills or weight loss"), but not past "and" or a comma between clauses.
            // A word that itself says "absent" ("bladder fine") has its own meaning to keep.
            if gap.negations == 0, !gap.uncertain, !gap.opinion, let previous, !line.tokens[mention.token].saysAbsent,
               gap.coordinates(allowingPunctuation: true) || gap.stoppers == 0 {
                clause.mentions[k].assertion = clause.mentions[previous].assertion
            } else {
                var negated = gap.negationsSinceStopper % 2 == 1
                // "I can't bend without pain": a without right after a denied mention asserts what
                // follows it: the pain comes with every bend.
                // So does one after a complaint that says what cannot be done ("can barely move
                // without this shooting pain").
                if negated, gap.stoppers == 0, let previous, gap.hasWithout,
                   clause.mentions[previous].assertion.negated || line.concepts.groups[clause.mentions[previous].concept] == .complaint {
                    negated = false
                }
                clause.mentions[k].assertion = Assertion(negated: negated, uncertain: gap.uncertain, opinion: gap.opinion, doubtful: gap.doubtful)
            }
        }
        denyBeforeDenialsAfter(&clause, line)
    }

    /// "chest pain is not there", "the numbness went away": English may deny after the mention,
    /// with a word of `denied-after` or a take-back that ends the clause's mentions ("legs have
    /// gone numb" is no denial); mentions listed before it share the denial ("fever and chest
    /// pain are not there"). A lasting history is not taken back ("broke my back years ago, all
    /// healed").
    private func denyBeforeDenialsAfter(_ clause: inout Clause, _ line: ScannedLine) {
        var denied = false, plural = false
        for k in clause.mentions.indices.reversed() where line.tokens[clause.mentions[k].token].language == .en {
            let mention = clause.mentions[k]
            let next = k + 1 < clause.mentions.count ? clause.mentions[k + 1].token : clause.tokens.upperBound
            let after = (mention.token + 1)..<next
            let lasting = line.concepts.lasting.contains(mention.concept)
            let denial = after.first { index in
                let role = line.role(of: index)
                return role == .deniedAfter || (role == .takeBack && !lasting)
            }
            // "the pain never went away", "hasn't gone": a denied take-back takes nothing back.
            if let denial, k == clause.mentions.count - 1,
               !(after.lowerBound..<denial).contains(where: { line.role(of: $0) == .negation }) {
                denied = true
                plural = line.lexicon.cueWords[.pluralVerb].longest(in: line.scalars, at: line.tokens[denial].range.lowerBound) != nil
            } else if denied, k + 1 < clause.mentions.count {
                let from = line.tokens[mention.token].range.upperBound, to = line.tokens[next].range.lowerBound
                let gap = Gap(line: line, tokens: after, from: from, to: to)
                // "chest pain": a part and its sensation with nothing between are one phrase.
                // "fever or chest pain is not there"; with "and" only a plural verb takes both: "fever
                // and chest pain are not there", but "my back hurts and chest pain is not there".
                denied = !line.cursor.hasText(from..<to) || gap.coordinates(allowingPunctuation: true)
                    || (plural && gap.joinsWithConjunctionOnly)
            } else {
                denied = false
            }
            if denied { clause.mentions[k].assertion.negated = true }
        }
    }
}
