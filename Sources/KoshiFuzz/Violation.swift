/// A broken invariant: which check, and what was seen.
struct Violation: Error, CustomStringConvertible, Hashable {
    var check: String
    var detail: String

    var description: String { "\(check): \(detail)" }
}

/// The violations found in one input; the first few of them are enough to act on.
struct Violations {
    private(set) var found: [Violation] = []

    static let limit = 8

    var isEmpty: Bool { found.isEmpty }

    mutating func expect(_ condition: Bool, _ check: String, _ detail: @autoclosure () -> String) {
        if !condition && found.count < Self.limit { found.append(Violation(check: check, detail: detail())) }
    }
}

/// Text as a report shows it: control characters visible, long text cut.
func shown(_ text: String, limit: Int = 120) -> String {
    var out = ""
    for scalar in text.unicodeScalars.prefix(limit) {
        out += scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
    }
    return text.unicodeScalars.count > limit ? out + "…(\(text.utf8.count) bytes)" : out
}

/// Whether a character may be shown to a person: no C0 or C1 controls (a newline only where
/// allowed), and no bidirectional overrides that could disguise text.
func isShowable(_ scalar: Unicode.Scalar, allowingNewline: Bool) -> Bool {
    switch scalar.value {
    case 0x0A: allowingNewline
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: false
    default: true
    }
}

func firstUnshowable(_ text: String, allowingNewline: Bool) -> Unicode.Scalar? {
    text.unicodeScalars.first { !isShowable($0, allowingNewline: allowingNewline) }
}

/// Where two texts first differ, scalar by scalar, for reports.
func difference(_ expected: String, _ actual: String) -> String {
    let a = Array(expected.unicodeScalars), b = Array(actual.unicodeScalars)
    let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    func around(_ scalars: [Unicode.Scalar]) -> String {
        scalars[max(0, at - 8)..<min(scalars.count, at + 8)].map { "U+" + String($0.value, radix: 16) }.joined(separator: " ")
    }
    return "scalar \(at) of \(a.count) (got \(b.count)): expected [\(around(a))], got [\(around(b))]"
}
