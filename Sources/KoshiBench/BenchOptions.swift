import Foundation

/// The command line of koshi-bench.
struct BenchOptions {
    enum Mode {
        /// Every benchmark, as a table (or JSON).
        case measure
        /// Write the folded synonym list and the folded text, for another matcher to scan.
        case dumpCorpus(String)
        /// Scan a dumped corpus with koshi's automaton and report MB/s and the match count.
        case scanCorpus(String)
        case help
    }

    var mode = Mode.measure
    var json = false
    /// Fewer repetitions everywhere: a smoke test of the benchmark, not a measurement.
    var quick = false
    var koshi: String
    var floor: String?
    var transcripts = "Tests/Transcripts"
    /// The benchmarks to run, by key; all when empty.
    var only: Set<String> = []

    static let usage = """
        usage: koshi-bench [--json] [--quick] [--koshi PATH] [--floor PATH] [--transcripts DIR] [--only KEYS]
               koshi-bench --dump-corpus DIR
               koshi-bench --scan-corpus DIR [--json]

        Measures koshi on this machine: start-up to the first `ready` event against a print-only Swift
        program, per-turn latency over a long session, matcher throughput, linearity in line length,
        peak memory, and `koshi test` throughput.

          --koshi PATH        the koshi binary to start (default: the one beside koshi-bench)
          --floor PATH        the print-only program to compare start-up with (default: built with swiftc)
          --transcripts DIR   transcripts for the `koshi test` figure (default: Tests/Transcripts)
          --only KEYS         comma-separated: startup, turns, matcher, linearity, memory, transcripts
          --quick             few repetitions, to check that the benchmark runs
          --json              one JSON object instead of the table
          --dump-corpus DIR   write DIR/patterns.txt (the folded synonyms, one a line) and DIR/text.txt
                              (the folded text) for pyahocorasick_compare.py, and DIR/megabyte-line.txt
                              (the memory benchmark's line) for a heap profiler
          --scan-corpus DIR   time koshi's automaton over a dumped corpus
        """

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions {
        var options = BenchOptions(koshi: siblingExecutable("koshi"))
        var rest = arguments[...]
        func value(for flag: String) throws(UsageError) -> String {
            guard let value = rest.popFirst() else { throw UsageError(description: "\(flag) needs a value") }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--json": options.json = true
            case "--quick": options.quick = true
            case "--koshi": options.koshi = try value(for: argument)
            case "--floor": options.floor = try value(for: argument)
            case "--transcripts": options.transcripts = try value(for: argument)
            case "--only": options.only = Set(try value(for: argument).split(separator: ",").map(String.init))
            case "--dump-corpus": options.mode = .dumpCorpus(try value(for: argument))
            case "--scan-corpus": options.mode = .scanCorpus(try value(for: argument))
            case "--help", "-h": options.mode = .help
            default: throw UsageError(description: "unknown argument '\(argument)'")
            }
        }
        return options
    }

    func wants(_ key: String) -> Bool { only.isEmpty || only.contains(key) }

    /// A program in the same folder as this one: the build puts koshi beside koshi-bench.
    static func siblingExecutable(_ name: String) -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    }
}
