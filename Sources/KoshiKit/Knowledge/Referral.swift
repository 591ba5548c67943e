/// Where a doctor-soon recommendation sends the person, by what decided it (`[referral ID]` in
/// regions.kb): a past cancer to the cancer team, a fever to internal medicine or a GP, pregnancy
/// to the maternity service. The first that matches wins; without one, the region's `doctor`.
public struct Referral: Sendable, Identifiable {
    public var id: String
    public var anyPresent: [ConceptID]
    public var unlessAny: [ConceptID]
    /// The region's service to name (a key of regions.kb: `internal-medicine`, `cancer-team`).
    public var service: String
    public var file: String
    public var line: Int

    public func matches(_ state: DialogueState) -> Bool {
        anyPresent.contains(where: state.isPresent) && !unlessAny.contains(where: state.isPresent)
    }
}
