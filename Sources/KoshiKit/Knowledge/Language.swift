/// A language koshi understands and speaks.
public enum Language: String, Sendable, CaseIterable, Codable {
    case ja
    case en

    /// The language of replies when none is given: `LC_ALL`, then `LC_MESSAGES`, then `LANG`;
    /// the first one that is set decides, and only English locales (`en*`) give English.
    public static func fromLocale(_ variable: (String) -> String?) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = variable(name), !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .ja
            }
        }
        return .ja
    }
}

/// One text in each language koshi speaks.
public struct LocalizedText: Sendable, Hashable {
    public var ja: String
    public var en: String

    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .ja: ja
        case .en: en
        }
    }
}
