// koshi-eval: scores koshi's reading of single lines in-process, as simulate.py's `findings`
// mode does over the stream, but in a second rather than minutes, so that a change to the reader
// or the knowledge can be measured on every probe set as it is made.
//
//   koshi-eval [--knowledge DIR] [--concepts TSV] [--verbose] FILE...
//
// FILE is a JSON list of {"id", "lang", "text", "present", "absent", "optional"}. Only the
// concepts of the canonical list (eval/concepts.tsv) are scored, as simulate.py scores them.
import Foundation
import KoshiKit
import KoshiKnowledge

struct Utterance {
    var id: String
    var language: String
    var text: String
    var present: Set<String>
    var absent: Set<String>
    var optional: Set<String>
}

struct Score {
    var truePositives = 0, falsePositives = 0, falseNegatives = 0
    var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
    var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    static func += (a: inout Score, b: Score) {
        a.truePositives += b.truePositives
        a.falsePositives += b.falsePositives
        a.falseNegatives += b.falseNegatives
    }
    var line: String {
        String(format: "tp %d fp %d fn %d  precision %.3f recall %.3f f1 %.3f", truePositives, falsePositives, falseNegatives,
               precision, recall, f1)
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("koshi-eval: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var knowledgeFolder: String?
var conceptsFile = "Tests/Eval/concepts.tsv"
var verbose = false
var files: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--knowledge", "--concepts":
        guard !arguments.isEmpty else { fail("\(argument) needs a value") }
        if argument == "--knowledge" { knowledgeFolder = arguments.removeFirst() } else { conceptsFile = arguments.removeFirst() }
    case "--verbose", "-v": verbose = true
    case "--help", "-h":
        print("usage: koshi-eval [--knowledge DIR] [--concepts TSV] [--verbose] FILE...")
        exit(0)
    default: files.append(argument)
    }
}
guard !files.isEmpty else { fail("no utterance files given") }

let knowledge: Knowledge
do {
    if let knowledgeFolder {
        let names = try FileManager.default.contentsOfDirectory(atPath: knowledgeFolder).filter { $0.hasSuffix(".kb") }.sorted()
        let kbFiles = try names.map { KnowledgeFile(name: $0, text: try String(contentsOfFile: knowledgeFolder + "/" + $0, encoding: .utf8)) }
        knowledge = try Knowledge(files: kbFiles)
    } else {
        knowledge = try BuiltInKnowledge.compiled()
    }
} catch {
    fail("cannot load the knowledge base: \(error)")
}
guard let tsv = try? String(contentsOfFile: conceptsFile, encoding: .utf8) else { fail("cannot read \(conceptsFile)") }
let canonical = Set(tsv.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) })

func load(_ path: String) -> [Utterance] {
    guard let data = FileManager.default.contents(atPath: path),
          let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { fail("cannot read \(path)") }
    return list.map { item in
        Utterance(id: item["id"] as? String ?? "?", language: item["lang"] as? String ?? "ja", text: item["text"] as? String ?? "",
                  present: Set(item["present"] as? [String] ?? []), absent: Set(item["absent"] as? [String] ?? []),
                  optional: Set(item["optional"] as? [String] ?? []))
    }
}

var overall = Score()
for path in files {
    var byLanguage: [String: Score] = [:]
    for utterance in load(path) {
        let reading = knowledge.reader.read(utterance.text)
        var got: Set<String> = []
        for finding in reading.findings where canonical.contains(finding.concept.rawValue) && finding.status != .unknown {
            got.insert((finding.status == .present ? "+" : "-") + finding.concept.rawValue)
        }
        let want = Set(utterance.present.map { "+" + $0 } + utterance.absent.map { "-" + $0 })
        let optional = Set(utterance.optional.flatMap { ["+" + $0, "-" + $0] })
        var score = Score()
        score.truePositives = want.intersection(got).count
        let extra = got.subtracting(want).subtracting(optional)
        let missing = want.subtracting(got)
        score.falsePositives = extra.count
        score.falseNegatives = missing.count
        byLanguage[utterance.language, default: Score()] += score
        if verbose || !extra.isEmpty || !missing.isEmpty {
            print("\(utterance.id)\t\(utterance.text)")
            if !missing.isEmpty { print("    missing: \(missing.sorted().joined(separator: " "))") }
            if !extra.isEmpty { print("    extra:   \(extra.sorted().joined(separator: " "))") }
        }
    }
    var total = Score()
    for (language, score) in byLanguage.sorted(by: { $0.key < $1.key }) {
        print("\((path as NSString).lastPathComponent) [\(language)]: \(score.line)")
        total += score
    }
    print("\((path as NSString).lastPathComponent): \(total.line)")
    overall += total
}
if files.count > 1 { print("all: \(overall.line)") }
