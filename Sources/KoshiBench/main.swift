// koshi-bench: measures koshi on this machine (issue 7). `koshi-bench --help` says how.
import Foundation
import KoshiKit
import KoshiKnowledge

/// Runs the benchmarks that `options` asks for, in order, and collects their results.
/// `knowledge` is the built-in knowledge as koshi runs it (its lexicon from the build's
/// snapshot); `full` is compiled from the files, with the synonyms the matcher's corpus needs.
func measure(_ options: BenchOptions, knowledge: Knowledge, full: Knowledge) throws -> Report {
    let repetitions = options.quick ? 1 : 5
    let examples = Examples(knowledge: full)
    let script = PatientScript(knowledge: knowledge, examples: examples, conversations: options.quick ? 10 : 80)
    let needsFloor = options.floor == nil && (options.wants("startup") || options.wants("memory"))
    let builtFloor = needsFloor ? try FloorProgram.build() : nil
    defer { builtFloor.map(FloorProgram.remove) }
    let floor = options.floor ?? builtFloor
    // For comparison only: the floor as plain `swiftc -O` builds it, with a shared Swift runtime.
    let sharedRuntimeFloor = options.floor == nil && options.wants("startup") ? try FloorProgram.build(staticRuntime: false) : nil
    defer { sharedRuntimeFloor.map(FloorProgram.remove) }
    var results: [BenchmarkResult] = []
    if options.wants("startup") {
        results.append(try StartupBenchmark(koshi: options.koshi, floor: floor!, sharedRuntimeFloor: sharedRuntimeFloor,
                                            runs: options.quick ? 5 : 100).run())
    }
    if options.wants("turns") {
        results.append(try TurnBenchmark(knowledge: knowledge, script: script, passes: repetitions,
                                         freshKnowledge: { try BuiltInKnowledge.compiled() }).run())
    }
    if options.wants("matcher") {
        let corpus = Corpus(knowledge: full, bytes: options.quick ? 200_000 : Corpus.defaultBytes)
        results.append(MatcherBenchmark(knowledge: knowledge, corpus: corpus, repetitions: repetitions).run())
    }
    if options.wants("linearity") {
        results.append(try LinearityBenchmark(knowledge: knowledge, examples: examples, koshi: options.koshi,
                                              repetitions: options.quick ? 3 : 20).run())
    }
    if options.wants("transcripts") {
        results.append(try TranscriptBenchmark(koshi: options.koshi, knowledge: knowledge, folder: options.transcripts,
                                               repetitions: options.quick ? 1 : 5).run())
    }
    if options.wants("memory") {
        results.append(try MemoryBenchmark(koshi: options.koshi, floor: floor!, script: script,
                                           megabyteLine: MemoryBenchmark.megabyteLine(examples)).run())
    }
    return Report(machine: .current(), results: results)
}

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("koshi-bench: \(message)\n".utf8))
    exit(status)
}

do {
    let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
    let full = try BuiltInKnowledge.load()
    switch options.mode {
    case .help:
        print(BenchOptions.usage)
    case .dumpCorpus(let folder):
        let corpus = Corpus(knowledge: full, bytes: Corpus.defaultBytes)
        try corpus.dump(to: folder)
        // The memory benchmark's line, for a heap profiler: heaptrack koshi --format jsonl < DIR/megabyte-line.txt
        try (MemoryBenchmark.megabyteLine(Examples(knowledge: full)) + "\n")
            .write(toFile: folder + "/megabyte-line.txt", atomically: true, encoding: .utf8)
        print("wrote \(corpus.patterns.count) patterns and \(corpus.foldedBytes) bytes of folded text, and megabyte-line.txt, to \(folder)")
    case .scanCorpus(let folder):
        print(try AutomatonScan.scanDumped(folder: folder, repetitions: options.quick ? 1 : 5))
    case .measure:
        let report = try measure(options, knowledge: try BuiltInKnowledge.compiled(), full: full)
        print(options.json ? report.json : report.table)
    }
} catch let error as BenchOptions.UsageError {
    fail("\(error)\n\(BenchOptions.usage)", status: 2)
} catch {
    fail("\(error)", status: 1)
}
