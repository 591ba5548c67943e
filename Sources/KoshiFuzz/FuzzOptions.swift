/// The command line of koshi-fuzz.
struct FuzzOptions {
    enum Mode {
        case fuzz
        /// Run saved inputs through every check, without the crash guard (so that Swift prints
        /// its backtrace if one crashes).
        case replay([String])
        /// Write generated inputs into a folder, as a seed corpus for libFuzzer.
        case writeCorpus(String)
        /// Write the knowledge base's words as a libFuzzer dictionary.
        case writeDictionary(String)
        case help
    }

    var mode = Mode.fuzz
    var seconds = 10.0
    var seed: UInt64 = 1
    var iterations: Int?
    var count = 500
    /// How much slower than a release build this one is allowed to be before a turn is too slow.
    var slowness = FuzzOptions.defaultSlowness

    #if DEBUG
    static let defaultSlowness = 20.0
    #else
    static let defaultSlowness = 1.0
    #endif
    /// Where failing and crashing inputs are written.
    var artifacts = "."
    /// Lines are cut to this length: short CI runs leave the megabyte lines to longer ones.
    var maxLineBytes = Int.max

    static let usage = """
        usage: koshi-fuzz [--seconds N] [--seed S] [--iterations N] [--artifacts DIR] [--slowness X] [--max-line-bytes N]
               koshi-fuzz --replay FILE...
               koshi-fuzz --write-corpus DIR [--count N] [--seed S]
               koshi-fuzz --write-dictionary FILE

        Feeds random and mutated input (random bytes, invalid UTF-8, controls, escape sequences,
        huge lines, the knowledge base's words in many spellings, commands) through Normalizer,
        Lexicon.find, Quantities, Reader and whole Sessions, checking invariants. The same seed
        gives the same inputs. A violated invariant stops the run with status 1 and writes the
        input, shrunk, to DIR/koshi-fuzz-failure-seed<S>.txt; a crash writes the input being
        tried to DIR/koshi-fuzz-crash-seed<S>.txt.

          --seconds N        time budget (default 10)
          --seed S           seed of the input generator (default 1)
          --iterations N     stop after N inputs, whatever the time
          --artifacts DIR    where to write failing inputs (default: the current folder)
          --slowness X       allow turns X times the time a release build may take (default 1, debug builds 20)
          --max-line-bytes N cut every line to N bytes (default: lines up to 1.1 MB are tried)
          --replay FILE...   run saved inputs through every check and report
        """

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> FuzzOptions {
        var options = FuzzOptions()
        var rest = arguments[...]
        func value(for flag: String) throws(UsageError) -> String {
            guard let value = rest.popFirst() else { throw UsageError(description: "\(flag) needs a value") }
            return value
        }
        func number<T: LosslessStringConvertible>(for flag: String) throws(UsageError) -> T {
            let text = try value(for: flag)
            guard let number = T(text) else { throw UsageError(description: "\(flag) needs a number, not '\(text)'") }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--seconds": options.seconds = try number(for: argument)
            case "--seed": options.seed = try number(for: argument)
            case "--iterations": options.iterations = try number(for: argument) as Int
            case "--count": options.count = try number(for: argument)
            case "--slowness": options.slowness = try number(for: argument)
            case "--max-line-bytes": options.maxLineBytes = try number(for: argument)
            case "--artifacts": options.artifacts = try value(for: argument)
            case "--replay": options.mode = .replay(Array(rest)); rest = []
            case "--write-corpus": options.mode = .writeCorpus(try value(for: argument))
            case "--write-dictionary": options.mode = .writeDictionary(try value(for: argument))
            case "--help", "-h": options.mode = .help
            default: throw UsageError(description: "unknown argument '\(argument)'")
            }
        }
        return options
    }
}
