import Foundation

/// Any JSON value, read back with JSONDecoder to check what koshi writes. (JSONSerialization is
/// not used: on Linux it drops a U+FEFF that opens a string, which JSON allows and koshi keeps.)
enum ParsedJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ParsedJSON])
    case object([String: ParsedJSON])

    init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let bool = try? value.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else if let string = try? value.decode(String.self) {
            self = .string(string)
        } else if let array = try? value.decode([ParsedJSON].self) {
            self = .array(array)
        } else {
            self = .object(try value.decode([String: ParsedJSON].self))
        }
    }

    /// `text` parsed, or nil if it is not JSON.
    static func parse(_ text: String) -> ParsedJSON? {
        try? JSONDecoder().decode(ParsedJSON.self, from: Data(text.utf8))
    }

    subscript(key: String) -> ParsedJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
