/// The words of a question as it is put: its own text the first time; afterwards, its open items
/// listed afresh with other words around them, a sign in concrete everyday words, or the person's
/// own words to confirm. So no question is ever put twice in the same words.
struct QuestionText {
    let knowledge: Knowledge
    let language: Language

    func text(_ question: AskedQuestion) -> String {
        switch question.wording {
        case .first:
            return knowledge.questions.first { $0.id == question.id }?.text[language] ?? listed(question.asks, intro: .askRemaining)
        case .part:
            return listed(question.asks, intro: .askPart)
        case .remaining:
            return listed(question.asks, intro: .askRemaining) + knowledge.text(.askNoneIsFine, language)
        case .plain:
            return listed(question.asks, intro: .askPlain) + knowledge.text(.askNoneIsFine, language)
        case .which:
            return listed(question.asks, intro: .askWhich)
        case .concrete:
            guard case .concept(let id)? = question.asks.first, let reask = knowledge.concept(id)?.reask else {
                return listed(question.asks, intro: .askRemaining)
            }
            return reask[language]
        case .confirm:
            let label = question.asks.first.map(item) ?? ""
            return knowledge.text(.askConfirm, language, ["words": question.quoted ?? "", "label": label])
        }
    }

    /// An intro and the items, numbered as a grouped question numbers them; one item alone as a
    /// yes-or-no question.
    func listed(_ topics: [Topic], intro: Phrase) -> String {
        guard topics.count > 1 else {
            let isSlot = topics.first.map { !$0.isConcept } ?? false
            return knowledge.text(isSlot ? .askSlot : .askSingle, language, ["item": topics.first.map(item) ?? ""])
        }
        let marks = knowledge.text(.listNumbers, language).split(separator: ",").map(String.init)
        let items = topics.enumerated().map { index, topic in
            (index < marks.count ? marks[index] : "(\(index + 1))") + item(topic)
        }
        return knowledge.text(intro, language) + " " + items.joined(separator: " ")
    }

    /// How a topic reads as an item: the concept's item text, or its label.
    func item(_ topic: Topic) -> String {
        if case .concept(let id) = topic, let item = knowledge.concept(id)?.item { return item[language] }
        return knowledge.label(topic, language)
    }

    /// A topic explained in plainer words, for a person who asked what it meant.
    func explanation(_ topic: Topic) -> String? {
        guard case .concept(let id) = topic, let concept = knowledge.concept(id) else { return nil }
        let plain = concept.explanation?[language] ?? concept.item?[language] ?? concept.label[language]
        return knowledge.text(.explainItem, language, ["item": item(topic), "explanation": plain])
    }
}
