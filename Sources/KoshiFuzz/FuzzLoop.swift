import Foundation
import KoshiKit
import KoshiTestSupport

/// The deterministic fuzzer: makes or mutates an input, probes it, and keeps going until the
/// time or the iterations run out, or an invariant breaks.
struct FuzzLoop {
    let probe: Probe
    let vocabulary: Vocabulary
    let options: FuzzOptions

    /// Tallies for the closing summary.
    struct Totals {
        var inputs = 0
        var lines = 0
        var bytes = 0
        var hugeLines = 0
        var invalidUTF8Lines = 0
        var session = SessionProbe.Tally()
    }

    /// Recently tried inputs, for the mutator to start from.
    static let poolSize = 256

    func run() -> Int32 {
        CrashGuard.install(path: artifact("crash"))
        var generator = InputGenerator(vocabulary: vocabulary, random: SeededRandom(seed: options.seed))
        var mutator = Mutator(random: SeededRandom(seed: options.seed ^ 0x5EED))
        var choice = SeededRandom(seed: options.seed &+ 1)
        var pool: [[UInt8]] = []
        var totals = Totals()
        let start = Monotonic.now()
        while Monotonic.now() - start < options.seconds, totals.inputs < (options.iterations ?? Int.max) {
            let input = capped(pool.isEmpty || choice.oneIn(2)
                ? generator.document()
                : mutator.mutate(choice.pick(pool), other: choice.pick(pool)))
            CrashGuard.arm(input)
            let violations = probe.run(input, tally: &totals.session)
            count(input, into: &totals)
            if !violations.isEmpty { return report(violations, input: input) }
            if pool.count < Self.poolSize { pool.append(input) } else { pool[choice.below(Self.poolSize)] = input }
        }
        print(summary(totals, seconds: Monotonic.now() - start))
        return 0
    }

    /// The input with every line cut to `--max-line-bytes`.
    private func capped(_ input: [UInt8]) -> [UInt8] {
        guard input.count > options.maxLineBytes else { return input }
        let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false).map { $0.prefix(options.maxLineBytes) }
        return Array(lines.joined(separator: [0x0A]))
    }

    private func count(_ input: [UInt8], into totals: inout Totals) {
        totals.inputs += 1
        totals.bytes += input.count
        for line in input.split(separator: 0x0A, omittingEmptySubsequences: false) {
            totals.lines += 1
            if line.count > InputSanitizer.maximumLineBytes / 16 { totals.hugeLines += 1 }
            if String(validating: line, as: UTF8.self) == nil { totals.invalidUTF8Lines += 1 }
        }
    }

    /// Shrinks the input, writes it beside the others, and says what broke.
    private func report(_ violations: [Violation], input: [UInt8]) -> Int32 {
        let checks = Set(violations.map(\.check))
        var minimizer = Minimizer { candidate in
            CrashGuard.arm(candidate)
            var tally = SessionProbe.Tally()
            return probe.run(candidate, tally: &tally).contains { checks.contains($0.check) }
        }
        let small = minimizer.minimize(input)
        var tally = SessionProbe.Tally()
        let shown = probe.run(small, tally: &tally)
        let path = artifact("failure")
        if !FileManager.default.createFile(atPath: path, contents: Data(small)) {
            FileHandle.standardError.write(Data("koshi-fuzz: cannot write \(path)\n".utf8))
        }
        var lines = ["koshi-fuzz: seed \(options.seed): an invariant broke; the input (\(small.count) bytes, shrunk from \(input.count)) is in \(path)"]
        lines += (shown.isEmpty ? violations : shown).map { "  \($0)" }
        lines.append("  replay: koshi-fuzz --replay \(path)")
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        return 1
    }

    /// What was tried (the same for the same seed and count), then how long it took.
    private func summary(_ totals: Totals, seconds: Double) -> String {
        let megabytes = String(format: "%.1f", Double(totals.bytes) / 1e6)
        let session = totals.session
        return """
            koshi-fuzz: seed \(options.seed), \(totals.inputs) inputs, \(totals.lines) lines (\(megabytes) MB; \
            \(totals.invalidUTF8Lines) not UTF-8, \(totals.hugeLines) over 64 KB), \(session.turns) turns, \
            \(session.commands) commands, \(session.recommendations) recommendations; \
            \(String(format: "%.1f", seconds)) s, slowest turn \(String(format: "%.0f", session.slowestSeconds * 1e3)) ms \
            (a line of \(session.slowestBytes) bytes)
            0 invariants violated
            """
    }

    private func artifact(_ kind: String) -> String {
        options.artifacts + "/koshi-fuzz-\(kind)-seed\(options.seed).txt"
    }
}
