import Foundation
import KoshiKit
import KoshiTestSupport

/// Matcher throughput over a few megabytes of mixed text: folding and matching a line at a time
/// as the engine does, the automaton alone over text folded beforehand, and the whole Reader.
struct MatcherBenchmark {
    let knowledge: Knowledge
    let corpus: Corpus
    let repetitions: Int

    func run() -> BenchmarkResult {
        let lexicon = knowledge.lexicon
        let normalize = best { for line in corpus.lines { keep(Normalizer.normalize(line)) } }
        let normalizeAndFind = best { for line in corpus.lines { keep(lexicon.find(in: Normalizer.normalize(line))) } }
        // The matcher proper (typos, automaton, word boundaries, leftmost-longest) over lines folded beforehand.
        let foldedLines = corpus.lines.map(Normalizer.normalize)
        let find = best { for line in foldedLines { keep(lexicon.find(in: line)) } }
        var matches = 0
        let scan = best { matches = AutomatonScan.count(lexicon.automaton, corpus.foldedText) }
        let read = best { for line in corpus.lines { keep(knowledge.reader.read(line)) } }
        let original = Double(corpus.originalBytes), folded = Double(corpus.foldedBytes)
        func rate(_ bytes: Double, _ seconds: Double) -> Double { bytes / seconds / 1e6 }
        return BenchmarkResult(
            title: "Matcher throughput (\(Figure.fixed(original / 1e6, 1)) MB, \(corpus.lines.count) lines, \(corpus.patterns.count) patterns; best of \(repetitions))",
            key: "matcher",
            rows: [
                ReportRow(name: "normalize", value: Figure.megabytesPerSecond(rate(original, normalize))),
                ReportRow(name: "Lexicon.find (folded lines)", value: Figure.megabytesPerSecond(rate(folded, find))),
                ReportRow(name: "normalize + Lexicon.find", value: Figure.megabytesPerSecond(rate(original, normalizeAndFind))),
                ReportRow(name: "automaton alone (folded)", value: Figure.megabytesPerSecond(rate(folded, scan)) + "  \(matches) matches"),
                ReportRow(name: "Reader.read (everything)", value: Figure.megabytesPerSecond(rate(original, read))),
            ],
            json: [
                "original_bytes": corpus.originalBytes, "folded_bytes": corpus.foldedBytes, "lines": corpus.lines.count,
                "patterns": corpus.patterns.count, "matches": matches,
                "normalize_mb_s": rate(original, normalize), "normalize_find_mb_s": rate(original, normalizeAndFind),
                "find_mb_s": rate(folded, find),
                "automaton_mb_s": rate(folded, scan), "reader_mb_s": rate(original, read),
            ])
    }

    /// The shortest of several timings of `body`: the one least disturbed by the rest of the machine.
    private func best(_ body: () -> Void) -> Double {
        (0..<repetitions).map { _ in Monotonic.time(body) }.min() ?? .nan
    }
}

/// The automaton's scan, counting matches the way pyahocorasick's `iter` yields them.
enum AutomatonScan {
    static func count(_ automaton: Automaton, _ text: [UInt32]) -> Int {
        var count = 0
        automaton.scan(text) { _, _ in count += 1 }
        return count
    }

    /// `--scan-corpus DIR`: koshi's automaton over the files `--dump-corpus` wrote, as JSON.
    static func scanDumped(folder: String, repetitions: Int) throws -> String {
        let patternText = try String(contentsOfFile: folder + "/patterns.txt", encoding: .utf8)
        let text = try String(contentsOfFile: folder + "/text.txt", encoding: .utf8)
        let patterns = patternText.unicodeScalars.split(separator: "\n").map { $0.map(\.value) }
        let scalars = Corpus.scalars(text)
        let automaton = Automaton(patterns: patterns)
        var matches = 0
        let seconds = (0..<repetitions).map { _ in Monotonic.time { matches = count(automaton, scalars) } }.min() ?? .nan
        let bytes = text.utf8.count
        let result: [String: Any] = [
            "bytes": bytes, "patterns": patterns.count, "matches": matches,
            "seconds": seconds, "mb_s": Double(bytes) / seconds / 1e6,
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
