import ArgumentParser
import KoshiKit
import KoshiKnowledge

/// `koshi kb`: tools for the knowledge base.
struct KnowledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Work with a knowledge base.",
        subcommands: [Check.self]
    )

    /// `koshi kb check [DIR]`: validates a knowledge base and prints `file:line: message` per problem.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a knowledge base (the built-in one, or the one in DIR).",
            discussion: "Prints one 'file:line: message' per problem and exits 1 if there are any."
        )

        @Argument(help: ArgumentHelp("The knowledge folder to check (default: the built-in knowledge).", valueName: "DIR"))
        var directory: String?

        func run() throws {
            // A file that cannot be read or is not UTF-8 is one more problem; the others are still checked.
            let (files, unreadable) = try directory.map(KnowledgeLocation.readFilesReportingProblems) ?? (BuiltInKnowledge.files, [])
            let problems: [String]
            if let directory, files.isEmpty, unreadable.isEmpty {
                // Nothing to load: what is wrong is every file koshi needs, not the first record.
                problems = KnowledgeCheck.missingFiles(in: directory, needed: Self.neededFiles)
            } else {
                problems = unreadable + KnowledgeCheck.run(files).map { "\($0)" }
            }
            // Written as one, and checked: a report that could not be written (a full disk) is no pass.
            Terminal.ignoreBrokenPipes()
            let report = problems.isEmpty ? ["knowledge base OK: \(files.count) files"] : problems.map(Terminal.printable)
            Terminal.standardOutput.write(report.map { $0 + "\n" }.joined())
            let written = Terminal.outputStatus()
            if !problems.isEmpty {
                Terminal.standardError.write("koshi: \(problems.count) problem\(problems.count == 1 ? "" : "s") in the knowledge base\n")
                throw ExitCode(1)
            }
            if written != 0 { throw ExitCode(written) }
        }

        /// The files of the built-in knowledge base, by name: the layout of Knowledge/README.md.
        static var neededFiles: [String] {
            BuiltInKnowledge.files.map { $0.name.split(separator: "/").last.map(String.init) ?? $0.name }
        }
    }
}
