// koshi-fuzz: fuzzes the engine (issue 7). `koshi-fuzz --help` says how.
//
// Built normally it is a deterministic, seeded, time-budgeted fuzzer. Built for libFuzzer
// (coverage-guided, for long runs by hand) it hands its main over to libFuzzer instead:
//
//   swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
//       -Xswiftc -DKOSHI_LIBFUZZER -Xswiftc -use-ld=lld --product koshi-fuzz
//   SWIFT_BACKTRACE=enable=no .build-fuzz/release/koshi-fuzz -dict=fuzz-corpus/koshi.dict fuzz-corpus/inputs
//
// (`make fuzz-libfuzzer` does both.) -parse-as-library is not used: SwiftPM passes -Xswiftc
// flags to every target, and the knowledge embedder (a build tool with top-level code) would not
// compile; so main stays ours and calls LLVMFuzzerRunDriver. gold crashes on the instrumented
// objects, hence lld; Swift's backtracer trips AddressSanitizer, hence SWIFT_BACKTRACE=enable=no.
import Foundation
import KoshiKit
import KoshiKnowledge
import KoshiTestSupport

#if KOSHI_LIBFUZZER

/// AddressSanitizer and coverage make a turn a few times slower than in a plain release build.
private let libFuzzerProbe = Probe(knowledge: try! BuiltInKnowledge.load(), shipped: try! BuiltInKnowledge.compiled(), slowness: 4)

/// One libFuzzer input: a document of lines, probed like the deterministic fuzzer's; a violated
/// invariant aborts, so that libFuzzer keeps the input as a crash.
private func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var tally = SessionProbe.Tally()
    let violations = libFuzzerProbe.run(input, tally: &tally)
    if !violations.isEmpty {
        FileHandle.standardError.write(Data(violations.map { "koshi-fuzz: \($0)\n" }.joined().utf8))
        abort()
    }
    return 0
}

/// libFuzzer's entry for programs that have their own main, as every SwiftPM executable does.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })

#else

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("koshi-fuzz: \(message)\n".utf8))
    exit(status)
}

/// Runs saved inputs through every check; the status says whether any broke an invariant.
func replay(_ files: [String], probe: Probe) -> Int32 {
    var status: Int32 = 0
    for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)", status: 2) }
        var tally = SessionProbe.Tally()
        let violations = probe.run(Array(data), tally: &tally)
        print("\(file): " + (violations.isEmpty ? "no invariant violated" : "\(violations.count) violated"))
        for violation in violations { print("  \(violation)") }
        if !violations.isEmpty { status = 1 }
    }
    return status
}

do {
    let options = try FuzzOptions.parse(Array(CommandLine.arguments.dropFirst()))
    let knowledge = try BuiltInKnowledge.load()
    let shipped = try BuiltInKnowledge.compiled()
    let vocabulary = Vocabulary(knowledge: knowledge)
    switch options.mode {
    case .help:
        print(FuzzOptions.usage)
    case .fuzz:
        let probe = Probe(knowledge: knowledge, shipped: shipped, slowness: options.slowness)
        exit(FuzzLoop(probe: probe, vocabulary: vocabulary, options: options).run())
    case .replay(let files):
        exit(replay(files, probe: Probe(knowledge: knowledge, shipped: shipped, slowness: options.slowness)))
    case .writeCorpus(let folder):
        var generator = InputGenerator(vocabulary: vocabulary, random: SeededRandom(seed: options.seed))
        try SeedFiles.writeCorpus(to: folder, count: options.count, generator: &generator)
    case .writeDictionary(let path):
        try SeedFiles.writeDictionary(to: path, vocabulary: vocabulary)
    }
} catch let error as FuzzOptions.UsageError {
    fail("\(error)\n\(FuzzOptions.usage)", status: 2)
} catch {
    fail("\(error)", status: 1)
}

#endif
