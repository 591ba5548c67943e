/// What koshi recommends, the findings that decided it, and the plan that goes with it.
public struct Recommendation: Sendable, Hashable {
    public var disposition: Disposition
    /// How soon to act (CONTRACT.md's `when`).
    public var when: Timeframe
    /// The findings (concept ids, or the slots `age` and `duration`) that decided the disposition.
    public var reasons: [Topic]
    /// The rule that decided it.
    public var rule: RuleID
    /// The advice ids of the plan, in the order given.
    public var advice: [AdviceID]
}
