/// The triage rules of the knowledge base applied to a dialogue state: the most urgent rule that
/// matches decides, and its reasons are the findings that made it match.
public struct TriagePolicy: Sendable {
    /// The outcome of the rules for a state.
    public struct Assessment: Sendable, Hashable {
        public var disposition: Disposition
        public var when: Timeframe
        public var rule: TriageRule.ID
        public var reasons: [Topic]
    }

    public let rules: [TriageRule]
    let followUps: FollowUps

    public init(knowledge: Knowledge) {
        rules = knowledge.rules
        followUps = FollowUps(knowledge: knowledge)
    }

    /// The most urgent matching rule, or nil when no rule matches (a base without a fallback).
    public func assess(_ state: DialogueState) -> Assessment? {
        for rule in rules {
            if let reasons = reasons(rule, state) {
                return Assessment(disposition: rule.disposition, when: rule.when, rule: rule.id, reasons: reasons)
            }
        }
        return nil
    }

    /// The findings that make a rule match, or nil if it does not.
    func reasons(_ rule: TriageRule, _ state: DialogueState) -> [Topic]? {
        guard rule.alsoRequired.allSatisfy(state.isPresent) else { return nil }
        var reasons: [Topic] = []
        var matched = false
        for condition in rule.conditions {
            guard let found = RuleMatch.reasons(condition, state) else { continue }
            matched = true
            reasons += found
        }
        guard matched else { return nil }
        reasons += rule.alsoRequired.map(Topic.concept)
        var seen: Set<Topic> = []
        return reasons.filter { seen.insert($0).inserted }
    }

    /// The topics that, if answered, could make a more urgent rule match than the one that
    /// decides now: a more urgent disposition, or the same one sooner (a fever makes a doctor-soon
    /// `today`); follow-up signs only where their context applies.
    func topicsThatCouldRaise(above current: Assessment?, _ state: DialogueState? = nil) -> Set<Topic> {
        var topics: Set<Topic> = []
        for rule in rules where current.map({ rule.isMoreUrgent(than: $0) }) ?? true {
            if !rule.alsoRequired.isEmpty, let state {
                // A rule of findings together (a past cancer with a numb leg): once one side is
                // there, the other could raise the triage, so it is asked; before, neither alone can.
                let anyPresent = rule.conditions.contains { condition in
                    if case .anyPresent(let concepts) = condition { return concepts.contains(where: state.isPresent) }
                    return false
                }
                if anyPresent { topics.formUnion(rule.alsoRequired.map(Topic.concept)) }
                if !rule.alsoRequired.allSatisfy(state.isPresent) { continue }
            }
            for condition in rule.conditions {
                switch condition {
                case .anyPresent(let concepts): topics.formUnion(concepts.map(Topic.concept))
                case .onsetAgeBelow, .onsetAgeAbove: topics.formUnion([.slot(.age), .slot(.duration)])
                case .durationAtLeast: topics.insert(.slot(.duration))
                // Asking again would not settle these: the replies already failed to.
                case .anyUnanswered, .anyUnknown, .anyAffirmed, .otherwise: break
                }
            }
        }
        guard let state else { return topics }
        return topics.filter { followUps.applies($0, in: state) }
    }

    /// What must be answered before the rule's disposition may be recommended.
    func requiredTopics(_ rule: TriageRule.ID, knowledge: Knowledge, _ state: DialogueState? = nil) -> Set<Topic> {
        guard let rule = rules.first(where: { $0.id == rule }) else { return [] }
        var topics: Set<Topic> = []
        for requirement in rule.requires {
            switch requirement {
            case .group(let group): topics.formUnion(knowledge.concepts.filter { $0.group == group }.map { .concept($0.id) })
            case .concept(let id): topics.insert(.concept(id))
            case .slot(let slot): topics.insert(.slot(slot))
            }
        }
        guard let state else { return topics }
        return topics.filter { followUps.applies($0, in: state) }
    }
}

/// How each kind of rule condition matches a state, and the findings it rests on.
enum RuleMatch {
    static func reasons(_ condition: RuleCondition, _ state: DialogueState) -> [Topic]? {
        var found: [Topic] = []
        switch condition {
        case .anyPresent(let concepts):
            found = concepts.filter(state.isPresent).map(Topic.concept)
        case .anyUnanswered(let concepts):
            found = concepts.filter { state.findings[$0]?.unanswered == true }.map(Topic.concept)
        case .anyUnknown(let concepts):
            found = concepts.filter { state.findings[$0].map { $0.status == .unknown && !$0.openUntilAsked } ?? false }.map(Topic.concept)
        case .anyAffirmed(let concepts):
            // A yes to a group of these, which is not yet told apart: whichever it is, the rule holds.
            found = state.atLeastOneOf.filter { group in group.allSatisfy(concepts.contains) }.flatMap { $0 }.map(Topic.concept)
        case .onsetAgeBelow(let limit):
            if let onset = onsetAge(state), onset.age < Double(limit) { found = onset.reasons }
        case .onsetAgeAbove(let limit):
            if let onset = onsetAge(state), onset.age > Double(limit) { found = onset.reasons }
        case .durationAtLeast(let days):
            if let duration = state.values[.duration]?.value, duration >= days { found = [.slot(.duration)] }
        case .otherwise:
            return []
        }
        return found.isEmpty ? nil : found
    }

    /// The age at which the pain began: age minus the whole years it has lasted (ages are whole
    /// years, so three days of pain at 20 began at 20, not at 19.99). With the duration unknown it
    /// is taken as the present age, which errs towards safety for late onset (over 55), and pain
    /// that began before 20 in someone older would have lasted years, which people know.
    static func onsetAge(_ state: DialogueState) -> (age: Double, reasons: [Topic])? {
        guard let age = state.values[.age]?.value else { return nil }
        if let days = state.values[.duration]?.value {
            return (Double(age - days / 365), [.slot(.age), .slot(.duration)])
        }
        return (Double(age), [.slot(.age)])
    }
}

/// The follow-up signs (CONTRACT.md): asked, and required before advice, only where their context
/// applies: how a fall happened after a fall, whether a weak leg is getting worse, how unwell with
/// a fever, tummy pain or faintness after a sudden severe onset at 50 or over.
struct FollowUps: Sendable {
    /// For each follow-up concept, the conditions of the questions that ask it (any one applies).
    let conditions: [ConceptID: [FollowUpCondition]]

    init(knowledge: Knowledge) {
        var conditions: [ConceptID: [FollowUpCondition]] = [:]
        for question in knowledge.questions {
            guard let condition = question.followUp else { continue }
            for case .concept(let id) in question.asks { conditions[id, default: []].append(condition) }
        }
        // A concept that any plain question also asks is asked everywhere.
        for question in knowledge.questions where question.followUp == nil {
            for case .concept(let id) in question.asks { conditions[id] = nil }
        }
        self.conditions = conditions
    }

    func applies(_ topic: Topic, in state: DialogueState) -> Bool {
        guard case .concept(let id) = topic, let list = conditions[id] else { return true }
        // Said or asked already: it is part of the conversation whatever the context.
        if state.findings[id] != nil { return true }
        return list.contains { holds($0, in: state) }
    }

    func holds(_ condition: FollowUpCondition, in state: DialogueState) -> Bool {
        if condition.afterAny.contains(where: state.isPresent) { return true }
        guard !condition.afterAll.isEmpty, condition.afterAll.allSatisfy(state.isPresent) else { return false }
        // An age or a score not known yet meets the minimum (questions.kb says why: the safer choice).
        func meets(_ slot: ValueSlot, _ minimum: Int?) -> Bool {
            guard let minimum, let value = state.values[slot]?.value else { return true }
            return value >= minimum
        }
        return meets(.age, condition.minimumAge) && meets(.painIntensity, condition.minimumPain)
    }
}

extension TriageRule {
    /// Whether this rule would tell the person to act sooner than `assessment` does.
    func isMoreUrgent(than assessment: TriagePolicy.Assessment) -> Bool {
        if disposition != assessment.disposition { return disposition > assessment.disposition }
        return when.urgency > assessment.when.urgency
    }
}
