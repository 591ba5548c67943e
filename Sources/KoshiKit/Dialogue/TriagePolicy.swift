/// The triage rules of the knowledge base applied to a dialogue state: the most urgent rule that
/// matches decides, and its reasons are the findings that made it match.
public struct TriagePolicy: Sendable {
    /// The outcome of the rules for a state.
    public struct Assessment: Sendable, Hashable {
        public var disposition: Disposition
        public var rule: TriageRule.ID
        public var reasons: [Topic]
    }

    public let rules: [TriageRule]

    public init(knowledge: Knowledge) {
        rules = knowledge.rules
    }

    /// The most urgent matching rule, or nil when no rule matches (a base without a fallback).
    public func assess(_ state: DialogueState) -> Assessment? {
        for rule in rules {
            if let reasons = reasons(rule, state) {
                return Assessment(disposition: rule.disposition, rule: rule.id, reasons: reasons)
            }
        }
        return nil
    }

    /// The findings that make a rule match, or nil if it does not.
    func reasons(_ rule: TriageRule, _ state: DialogueState) -> [Topic]? {
        var reasons: [Topic] = []
        var matched = false
        for condition in rule.conditions {
            switch condition {
            case .anyPresent(let concepts):
                let present = concepts.filter(state.isPresent)
                if !present.isEmpty {
                    matched = true
                    reasons += present.map(Topic.concept)
                }
            case .anyUnanswered(let concepts):
                let unanswered = concepts.filter { state.findings[$0]?.unanswered == true }
                if !unanswered.isEmpty {
                    matched = true
                    reasons += unanswered.map(Topic.concept)
                }
            case .onsetAgeBelow(let limit):
                if let onset = onsetAge(state), onset.earliest < Double(limit) {
                    matched = true
                    reasons += onset.reasons
                }
            case .onsetAgeAbove(let limit):
                if let onset = onsetAge(state), onset.latest > Double(limit) {
                    matched = true
                    reasons += onset.reasons
                }
            case .durationAtLeast(let days):
                if let duration = state.values[.duration]?.value, duration >= days {
                    matched = true
                    reasons.append(.slot(.duration))
                }
            case .otherwise:
                matched = true
            }
        }
        return matched ? Array(Set(reasons)).sorted { reasons.firstIndex(of: $0)! < reasons.firstIndex(of: $1)! } : nil
    }

    /// The age at which the pain began: age minus the whole years it has lasted (ages are whole
    /// years, so three days of pain at 20 began at 20, not at 19.99). With the duration unknown it is
    /// taken as the present age, which errs towards safety for late onset (over 55), and pain
    /// that began before 20 in someone older would have lasted years, which people know.
    func onsetAge(_ state: DialogueState) -> (earliest: Double, latest: Double, reasons: [Topic])? {
        guard let age = state.values[.age]?.value else { return nil }
        if let days = state.values[.duration]?.value {
            let onset = Double(age - days / 365)
            return (onset, onset, [.slot(.age), .slot(.duration)])
        }
        return (Double(age), Double(age), [.slot(.age)])
    }

    /// The topics that, if answered, could make a more urgent rule than `disposition` match.
    func topicsThatCouldRaise(above disposition: Disposition?) -> Set<Topic> {
        var topics: Set<Topic> = []
        for rule in rules where disposition == nil || rule.disposition > disposition! {
            for condition in rule.conditions {
                switch condition {
                case .anyPresent(let concepts): topics.formUnion(concepts.map(Topic.concept))
                case .onsetAgeBelow, .onsetAgeAbove: topics.formUnion([.slot(.age), .slot(.duration)])
                case .durationAtLeast: topics.insert(.slot(.duration))
                // Asking again would not settle it: the replies already failed to.
                case .anyUnanswered, .otherwise: break
                }
            }
        }
        return topics
    }

    /// What must be answered before the rule's disposition may be recommended.
    func requiredTopics(_ rule: TriageRule.ID, knowledge: Knowledge) -> Set<Topic> {
        guard let rule = rules.first(where: { $0.id == rule }) else { return [] }
        var topics: Set<Topic> = []
        for requirement in rule.requires {
            switch requirement {
            case .group(let group): topics.formUnion(knowledge.concepts.filter { $0.group == group }.map { .concept($0.id) })
            case .concept(let id): topics.insert(.concept(id))
            case .slot(let slot): topics.insert(.slot(slot))
            }
        }
        return topics
    }
}
