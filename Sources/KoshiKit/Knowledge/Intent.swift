/// Something people ask about a recommendation (issue 12): whether it can wait, how to get there,
/// whether an advice line will do, whether it is serious; thanks and goodbye. Its words are found
/// like concepts' (`ja`, `en`); its answer depends on the disposition given (`before` while none is).
public struct Intent: Sendable, Identifiable {
    public var id: String
    public var words: [Synonym]
    public var answers: [Disposition: LocalizedText]
    public var beforeRecommendation: LocalizedText?
    /// The answer for a situation (advice.kb), in place of the disposition's answer other than an
    /// emergency's: painkillers in pregnancy are not the NSAIDs of everyone else.
    public var situationAnswer: (situation: SituationID, text: LocalizedText)?
    /// What the answers rest on, where they give medical advice (painkillers, exercise, work).
    public var sources: [SourceID] = []
    /// Findings whose mention raises the intent too: the words of a painkiller are history.kb's
    /// `painkiller`, and a line that names one ("I took ibuprofen") raises `painkillers`.
    public var concepts: [ConceptID] = []
    public var file: String
    public var line: Int
}

/// Where the person is, as the knowledge base describes it: the emergency number and the services
/// to name (regions.kb). `{emergency}`, `{advice-line}`, `{doctor}`, `{urgent-care}`,
/// `{emergency-department}`, `{specialist}`, `{practitioner}` and `{pharmacist}` in texts are filled from it.
public struct RegionServices: Sendable {
    public var region: Region
    public var emergencyNumber: String
    public var names: [String: LocalizedText]

    /// The services and texts a region may name, each a key of regions.kb and a `{placeholder}`.
    public static let serviceKeys = [
        "emergency", "advice-line", "doctor", "urgent-care", "emergency-department", "specialist", "practitioner", "pharmacist",
        "internal-medicine", "cancer-team", "maternity", "in-person-note", "bodywork", "nsaids", "date-format",
    ]

    /// The placeholders of texts, filled for a language.
    public func placeholders(_ language: Language) -> [String: String] {
        var values = ["emergency-number": emergencyNumber]
        for (key, text) in names { values[key] = text[language] }
        return values
    }
}
