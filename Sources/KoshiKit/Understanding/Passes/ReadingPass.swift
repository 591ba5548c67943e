/// One step of reading a line. The reader runs the passes in order over each sentence's clauses
/// (`ReadingPass.sentencePasses`), then the line passes over what the whole line said. A pass
/// decides one thing (who a mention is about, whether it is denied, what it combines into) and
/// leaves the rest to the others; `Understanding/README.md` says how to add one.
protocol ReadingPass: Sendable {
    /// Reads the clauses of `reading.sentence`, updating them or the line's findings.
    func run(_ reading: inout LineUnderReading)
}

/// A step over the whole line, after every sentence has been read.
protocol LinePass: Sendable {
    func run(_ reading: inout LineUnderReading)
}

enum Passes {
    /// In order: each relies on what the ones before it decided.
    static let sentence: [any ReadingPass] = [
        PolarityPass(),          // denied or stated, sure or not (negation, doubt, hedges)
        SomeoneElsePass(),       // whose it is: the speaker's, or someone else's
        SuppositionPass(),       // 「もし…たら」, "what if": supposed, not stated
        QuestionScopePass(),     // asked, not stated
        CombinationPass(),       // a body part and a sensation in one clause
        TopicPartPass(),         // 「…今回はじわじわ痛くなってきた」: the part spoken of last
        FormAnswerPass(),        // 「熱：なし」, "fever: no": a form's item and its answer
        QuestionCompletionPass(),// "no weakness", asked about leg weakness
        ClauseTimePass(),        // "I slipped on the ice last winter": an event past and over
        FinePartPass(),          // 「股のへんは普通」, "legs are fine": nothing wrong there
        FirstEpisodePass(),      // 「今まで腰痛なんて一度もなかった」: the first time, not no pain
        FindingsPass(),          // what the clause states, one finding per concept
        BothSidesPass(),         // 「右足が…、左も」: a finding said of each side in turn
        TakeBackPass(),          // 「…今はないです」 takes back the clause before
        TrailingDoubtPass(),     // "…but I'm not sure" leaves the clause before open
        SpanningPartsPass(),     // parts of combinations that may span clauses
    ]

    static let line: [any LinePass] = [
        SpanningCombinationPass(),  // massage, then its relief gone in a later clause
        ImplicationPass(),          // ぎっくり腰 is low back pain and a sudden onset
        BothSidesConclusionPass(),  // each side with its finding: both legs
        FineDenialPass(),           // what the parts said to be fine deny, where nothing else is said
        FindingCombinationPass(),   // a sudden onset and tummy pain: a warning sign of the aorta
    ]
}
