// koshi: a terminal advisor for low back pain. Parses the command line and hands over to a
// command; exit statuses follow CONTRACT.md (2 for bad arguments, with one clear line).
#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

// Arrays of a huge line (a megabyte pasted by mistake) are mapped and unmapped on their own, so
// that their memory goes back at once: glibc otherwise raises its threshold after the first such
// array is freed and keeps later ones on the heap, where they linger in the peak.
_ = glibcMallopt(-3 /* M_MMAP_THRESHOLD, malloc.h */, 128 * 1024)
// A file size limit (ulimit -f) must fail a write, which koshi reports, not kill the session.
signal(SIGXFSZ, SIG_IGN)

do {
    // An argument with a newline or an escape sequence would break the one-line error message,
    // or reach the terminal raw when echoed in one.
    if let odd = CommandLine.arguments.dropFirst().first(where: Terminal.hasControlCharacters) {
        throw CommandFailure(message: "an argument contains control characters: '\(odd)'")
    }
    // Swift repairs invalid UTF-8 in arguments to U+FFFD: a file name would silently change.
    if let odd = CommandLine.arguments.dropFirst().first(where: { $0.unicodeScalars.contains("\u{FFFD}") }) {
        throw CommandFailure(message: "an argument is not valid UTF-8: '\(odd)'")
    }
    if let chat = Chat.quickParse(CommandLine.arguments.dropFirst()) {
        try chat.run()
    } else {
        var command = try Koshi.parseAsRoot()
        try command.run()
    }
} catch let code as ExitCode {
    exit(code.rawValue)
} catch let failure as CommandFailure {
    Terminal.standardError.write("koshi: \(Terminal.printable(Terminal.shorteningArguments(in: failure.message)))\n")
    exit(failure.status)
} catch {
    if Koshi.exitCode(for: error) == .success {
        // --help and --version: what cannot be written (a full disk) is a failure, said so.
        Terminal.ignoreBrokenPipes()
        Terminal.standardOutput.write(Koshi.fullMessage(for: error) + "\n")
        exit(Terminal.outputStatus())
    }
    let message = Koshi.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    // ArgumentParser quotes the argument at fault, which may be huge, or hold a bidi control or a separator.
    Terminal.standardError.write("koshi: \(Terminal.printable(Terminal.shorteningArguments(in: message))) (see 'koshi --help')\n")
    exit(2)
}

/// glibc's mallopt, which the Glibc module does not export (malloc.h is not in its umbrella).
@_silgen_name("mallopt")
func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
