// Writes a Swift file that holds the knowledge base's files as string literals, so that the
// built-in knowledge travels inside the koshi binary and works from any directory, and the
// compiled lexicon as a snapshot, so that start-up need not fold every synonym and build the
// automaton again. A knowledge base that does not load gets no snapshot (koshi then compiles it
// at start-up, and `koshi kb check` reports why).
// It also holds the canonical concept list (Tests/Eval/concepts.tsv), the one list that the
// evaluation scores and `koshi kb check` checks the knowledge base against.
// Usage: KnowledgeEmbedder OUTPUT.swift KNOWLEDGE-FOLDER CONCEPTS.tsv
import Foundation
import KoshiKit

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 3 else {
    FileHandle.standardError.write("usage: KnowledgeEmbedder OUTPUT.swift KNOWLEDGE-FOLDER CONCEPTS.tsv\n".data(using: .utf8)!)
    exit(2)
}
let output = arguments[0]
let folder = arguments[1]
let paths = try FileManager.default.contentsOfDirectory(atPath: folder)
    .filter { $0.hasSuffix(".kb") }
    .map { folder + "/" + $0 }

var files: [KnowledgeFile] = []
var source = "// Generated from Knowledge/ by KnowledgeEmbedder; do not edit.\n\n"
source += "let embeddedKnowledgeFiles: [(name: String, text: String)] = [\n"
for path in paths.sorted() {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    files.append(KnowledgeFile(name: "Knowledge/" + (path as NSString).lastPathComponent, text: text))
    let name = "Knowledge/" + (path as NSString).lastPathComponent
    source += "    (\"\(name)\", \(swiftLiteral(text))),\n"
}
source += "]\n\n"
source += "/// The canonical concept list (eval/concepts.tsv) as the build found it.\n"
source += "let embeddedCanonicalConceptsTSV = \(swiftLiteral(try String(contentsOfFile: arguments[2], encoding: .utf8)))\n\n"
// The greeting is all koshi shows before it waits for the first line; worked out here, it needs
// neither texts.kb parsed nor a table of texts built at start-up.
// A switch over string literals, not a table: a table's generic type would be set up at run time.
// It names the region's emergency number, so there is one for each language and region.
let loaded: Knowledge?
do {
    loaded = try Knowledge(files: files)
} catch {
    loaded = nil
    FileHandle.standardError.write("warning: the knowledge base does not load, so it is embedded without a snapshot: \(error)\n".data(using: .utf8)!)
}
if let loaded {
    source += "/// The opening messages in a language and region (Session.opening over these files), or nil.\n"
    source += "func embeddedOpening(_ language: String, _ region: String) -> [String]? {\n    switch (language, region) {\n"
    for language in Language.allCases {
        for region in Region.allCases {
            let services = loaded.regions[region]?.placeholders(language) ?? [:]
            let messages = Session.opening(texts: loaded.texts, services: services, language: language).events.compactMap { event -> String? in
                if case .message(let message) = event { return message } else { return nil }
            }
            source += "    case (\"\(language.rawValue)\", \"\(region.rawValue)\"): return [\(messages.map(swiftLiteral).joined(separator: ", "))]\n"
        }
    }
    source += "    default: return nil\n    }\n}\n\n"
} else {
    source += "func embeddedOpening(_ language: String, _ region: String) -> [String]? { nil }\n\n"
}
let snapshot = loaded.map { LexiconSnapshot.hex(LexiconSnapshot.encode($0.lexicon)) } ?? ""
source += "/// The compiled lexicon of these files (LexiconSnapshot), in hexadecimal; empty if they do not load.\n"
source += "let embeddedLexiconSnapshot = \"\(snapshot)\"\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)

/// A raw multi-line string literal holding `text` exactly, with a delimiter the text never contains.
func swiftLiteral(_ text: String) -> String {
    var fence = "#"
    while text.contains("\"" + fence) || text.contains("\\" + fence) { fence += "#" }
    return "\(fence)\"\"\"\n\(text)\n\"\"\"\(fence)"
}
