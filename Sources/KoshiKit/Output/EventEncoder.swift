/// The JSON-lines event stream of CONTRACT.md: one object a line, with a `type`.
public enum EventEncoder {
    public static func encode(_ event: AdvisorEvent) -> JSON {
        switch event {
        case .message(let text):
            return .object([("type", .string("message")), ("text", .string(text))])
        case .findings(let summary):
            var values: [(String, JSON)] = []
            if let age = summary.values[.age] { values.append(("age", .int(age))) }
            if let days = summary.values[.duration] { values.append(("duration_days", .int(days))) }
            if let pain = summary.values[.painIntensity] { values.append(("pain_intensity", .int(pain))) }
            return .object([
                ("type", .string("findings")),
                ("present", .strings(summary.present.map(\.rawValue))),
                ("absent", .strings(summary.absent.map(\.rawValue))),
                ("values", .object(values)),
                ("unknown", .strings(summary.unknown.map(\.rawValue))),
                ("matched", .array(summary.matched.map { finding in
                    .object([("concept", .string(finding.concept.rawValue)), ("status", .string(finding.status.rawValue)),
                             ("text", .string(finding.evidence))])
                })),
            ])
        case .question(let id, let concepts, let text):
            return .object([("type", .string("question")), ("id", .string(id.rawValue)), ("concepts", .strings(concepts.map(\.description))),
                            ("text", .string(text))])
        case .recommendation(let recommendation, let text, let changed):
            return .object([
                ("type", .string("recommendation")),
                ("disposition", .string(recommendation.disposition.rawValue)),
                ("when", .string(recommendation.when.rawValue)),
                ("reasons", .strings(recommendation.reasons.map(\.description))),
                ("advice", .strings(recommendation.advice.map(\.rawValue))),
                ("rule", .string(recommendation.rule.rawValue)),
                ("changed", .bool(changed)),
                ("text", .string(text)),
            ])
        case .error(let message):
            return .object([("type", .string("error")), ("message", .string(message))])
        }
    }

    /// The event that says the advisor waits for the next line.
    public static let ready = JSON.object([("type", .string("ready"))])
}
