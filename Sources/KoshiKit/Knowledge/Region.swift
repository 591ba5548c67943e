/// Where the person is: it decides the emergency numbers, advice lines and services that koshi
/// names (CONTRACT.md, `--region`). Understanding does not depend on it: every region's words
/// are always read.
public enum Region: String, Sendable, CaseIterable, Codable {
    case jp = "JP"
    case gb = "GB"
    case us = "US"
    case au = "AU"
    case intl = "INTL"

    /// The region when none is given: the territory of the first locale variable that is set
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`: `ja_JP` is JP, `en_GB` GB, `en_US` US, `en_AU` AU);
    /// otherwise JP when replies are in Japanese and INTL when they are in English.
    public static func fromLocale(_ variable: (String) -> String?, language: Language) -> Region {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = variable(name), !value.isEmpty else { continue }
            return territory(of: value) ?? (language == .ja ? .jp : .intl)
        }
        return language == .ja ? .jp : .intl
    }

    /// The region of a locale name's territory (`en_GB.UTF-8` is GB), if koshi has one for it.
    static func territory(of locale: String) -> Region? {
        let name = locale.split(separator: ".").first.map(String.init) ?? locale
        guard let underscore = name.firstIndex(of: "_") else { return nil }
        let code = name[name.index(after: underscore)...].prefix { $0 != "@" }.uppercased()
        return code == Region.intl.rawValue ? nil : Region(rawValue: code)
    }

    /// A region named by a person (`gb`, `GB`, `uk`).
    public init?(named name: String) {
        let upper = name.uppercased()
        if upper == "UK" { self = .gb; return }
        self.init(rawValue: upper)
    }
}
