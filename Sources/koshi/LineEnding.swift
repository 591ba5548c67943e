/// How a text file ends its lines: LF, CR LF (Windows) or a lone CR (old Mac files). Transcripts
/// are read with any of them, and a transcript that `koshi test --update` rewrites keeps its own.
enum LineEnding: String {
    case lineFeed = "\n"
    case carriageReturnLineFeed = "\r\n"
    case carriageReturn = "\r"

    /// The ending of the text's first line; LF for a text of one line.
    init(of text: String) {
        let bytes = text.utf8
        guard let end = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
            self = .lineFeed
            return
        }
        if bytes[end] == 0x0A {
            self = .lineFeed
        } else {
            let next = bytes.index(after: end)
            self = next < bytes.endIndex && bytes[next] == 0x0A ? .carriageReturnLineFeed : .carriageReturn
        }
    }

    /// The text with every CR LF and lone CR made an LF.
    static func normalized(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            out.append(previousWasCR ? "\n" : scalar)
        }
        return String(out)
    }

    /// A text with LF line endings written with this ending instead.
    func applied(to text: String) -> String {
        self == .lineFeed ? text : text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: rawValue)
    }
}
