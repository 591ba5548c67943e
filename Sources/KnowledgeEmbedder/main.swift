// Writes a Swift file that holds the knowledge base's files as string literals, so that the
// built-in knowledge travels inside the koshi binary and works from any directory.
// Usage: KnowledgeEmbedder OUTPUT.swift KNOWLEDGE-FOLDER
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 else {
    FileHandle.standardError.write("usage: KnowledgeEmbedder OUTPUT.swift KNOWLEDGE-FOLDER\n".data(using: .utf8)!)
    exit(2)
}
let output = arguments[0]
let folder = arguments[1]
let paths = try FileManager.default.contentsOfDirectory(atPath: folder)
    .filter { $0.hasSuffix(".kb") }
    .map { folder + "/" + $0 }

var source = "// Generated from Knowledge/ by KnowledgeEmbedder; do not edit.\n\n"
source += "let embeddedKnowledgeFiles: [(name: String, text: String)] = [\n"
for path in paths.sorted() {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var fence = "#"
    while text.contains("\"" + fence) || text.contains("\"\"\"" + fence) { fence += "#" }
    let name = "Knowledge/" + (path as NSString).lastPathComponent
    source += "    (\"\(name)\", \(fence)\"\"\"\n\(text)\n\"\"\"\(fence)),\n"
}
source += "]\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)
