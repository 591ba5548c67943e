/// A question back: instead of answering, the person asks about the question (「①の『股・陰部』って
/// どういう意味ですか？」, "wdym", "both legs at the same time, or just one?"). It is not an answer:
/// the items it names are explained and asked again (CONTRACT.md, safety rules).
struct QuestionBack {
    let line: ScannedLine
    let items: [ConceptID]
    let concepts: ConceptTable

    /// Whether a sentence asks about the question: it holds a word that asks back (wdym, って何),
    /// or it is a question that names an item of the question.
    func isQuestionBack(_ sentence: ReplySentence, reading: LineUnderReading) -> Bool {
        if sentence.hasAskingBack { return true }
        return sentence.endsInQuestion && !named(in: sentence).isEmpty
    }

    /// The items a question back asks about: those it names, or else all of them.
    func items(askedAbout sentence: ReplySentence, reading: LineUnderReading) -> [ConceptID] {
        let found = named(in: sentence)
        return found.isEmpty ? items : found
    }

    /// The items a sentence names: by number (①, "1 and 2"), or by a word of the item or of one of
    /// its building blocks (股 for the saddle, "both legs").
    private func named(in sentence: ReplySentence) -> [ConceptID] {
        var found: Set<ConceptID> = []
        for i in sentence.tokens {
            guard let concept = line.concept(of: i) else { continue }
            for item in items where item == concept || concepts.components[item]?.contains(concept) == true {
                found.insert(item)
            }
        }
        var position = sentence.text.lowerBound
        let reader = line.cursor
        while position < sentence.text.upperBound {
            if line.scalars[position].isDigit, reader.isWordStart(position) {
                var end = position, value = 0
                while end < sentence.text.upperBound, line.scalars[end].isDigit, value < 100 {
                    value = value * 10 + Int(line.scalars[end] - 0x30)
                    end += 1
                }
                if (1...items.count).contains(value) { found.insert(items[value - 1]) }
                position = end
            } else if let (entry, end) = line.lexicon.cueWords[.ordinal].longest(in: line.scalars, at: position), reader.isWordStart(position) {
                if (1...items.count).contains(Int(entry.value)) { found.insert(items[Int(entry.value) - 1]) }
                position = end
            } else {
                position += 1
            }
        }
        return items.filter(found.contains)
    }
}
