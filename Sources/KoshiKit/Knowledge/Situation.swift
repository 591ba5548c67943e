/// A situation the plan is fitted to (`[situation ID]` in advice.kb): the first days of the pain,
/// strong pain, pregnancy, age 65 and over. Advice items name the situations they are for, or
/// that hold them back, and an item given for a situation says so in its `why`.
public struct Situation: Sendable, Identifiable {
    public var id: SituationID
    public var label: LocalizedText
    /// The clause that ties an item to this situation: 「痛み始めたばかりなので」.
    public var why: LocalizedText
    /// Any of these concepts present…
    public var anyPresent: [ConceptID]
    /// …counts only while the pain is at most this many days old (or its age is not known).
    public var recentDays: Int?
    public var painAtLeast: Int?
    public var durationAtMost: Int?
    public var ageAtLeast: Int?
    public var file: String
    public var line: Int

    /// Whether the situation holds: any one of its conditions does.
    public func holds(in state: DialogueState) -> Bool {
        let days = state.values[.duration]?.value
        if anyPresent.contains(where: state.isPresent), days.map({ $0 <= (recentDays ?? .max) }) ?? true { return true }
        if let painAtLeast, let pain = state.values[.painIntensity]?.value, pain >= painAtLeast { return true }
        if let durationAtMost, let days, days <= durationAtMost { return true }
        if let ageAtLeast, let age = state.values[.age]?.value, age >= ageAtLeast { return true }
        return false
    }
}
