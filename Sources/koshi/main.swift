// koshi: a terminal advisor for low back pain. Parses the command line and hands over to a
// command; exit statuses follow CONTRACT.md (2 for bad arguments, with one clear line).
#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

do {
    if let chat = Chat.quickParse(CommandLine.arguments.dropFirst()) {
        try chat.run()
    } else {
        var command = try Koshi.parseAsRoot()
        try command.run()
    }
} catch let code as ExitCode {
    exit(code.rawValue)
} catch let failure as CommandFailure {
    Terminal.standardError.write("koshi: \(failure.message)\n")
    exit(failure.status)
} catch {
    if Koshi.exitCode(for: error) == .success {
        print(Koshi.fullMessage(for: error))
        exit(0)
    }
    let message = Koshi.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    Terminal.standardError.write("koshi: \(message) (see 'koshi --help')\n")
    exit(2)
}
