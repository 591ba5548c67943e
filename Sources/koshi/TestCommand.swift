#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import KoshiKit

/// `koshi test PATH...`: replays transcripts (files, or every `.koshi` file under a folder)
/// in-process, prints a diff at the first difference of each failure, and a summary line.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Replay transcript files and check what the advisor says.",
        discussion: "Transcripts are .koshi files; see Tests/Transcripts/README.md for the format. Exits 1 if any failed."
    )

    @Argument(help: ArgumentHelp("Transcript files, or folders to search for .koshi files.", valueName: "PATH"))
    var paths: [String]

    @Flag(name: .long, help: "Rewrite each transcript's failing expectations from what the advisor now says.")
    var update = false

    @Option(name: .long, help: ArgumentHelp("Use the knowledge base in DIR instead of the built-in one.", valueName: "DIR"))
    var knowledge: String?

    @Option(name: .long, help: ArgumentHelp("Language of transcripts without an @lang line.", valueName: "ja|en"))
    var lang: Language = .ja

    func run() throws {
        let knowledge = try KnowledgeLocation.load(directory: knowledge)
        var files: [String] = []
        for path in paths {
            guard let found = TestCommand.transcripts(at: path) else {
                throw CommandFailure(message: "cannot read '\(path)': \(Terminal.lastErrorDescription())")
            }
            files += found
        }
        guard !files.isEmpty else { throw CommandFailure(message: "no .koshi transcripts found in \(paths.joined(separator: " "))") }
        TemporaryFolder.removeOnSignals()
        // A reader that goes away (`| head`) must not kill the run with SIGPIPE before it has
        // removed its folder: the write fails instead, and `say` ends the run.
        Terminal.ignoreBrokenPipes()
        var passed = 0, failed = 0
        for file in files {
            // Each transcript exports into a folder of its own, so that transcripts cannot see
            // each other's files, and none can write anywhere else (see `sandboxed`).
            let exports = TemporaryFolder()
            defer { exports.remove() }
            let runner = TestCommand.runner(knowledge: knowledge, exportFolder: exports.path)
            let text: String
            switch KnowledgeLocation.readWholeFile(file) {
            case .failure(let problem):
                try say("FAIL \(Terminal.printable(file)): cannot read it: \(problem.reason)")
                failed += 1
                continue
            case .success(let bytes):
                let unmarked = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes  // a byte order mark
                guard let valid = String(validating: unmarked, as: UTF8.self) else {
                    try say("FAIL \(Terminal.printable(file)): it is not UTF-8 text")
                    failed += 1
                    continue
                }
                text = valid
            }
            let ending = LineEnding(of: text)
            let lines = LineEnding.normalized(text)
            switch Transcript.parse(lines, name: file, defaultLanguage: lang) {
            case .failure(let problem):
                try say("FAIL " + Terminal.printableLines("\(problem)"))
                failed += 1
            case .success(let transcript):
                let outcome = runner.run(transcript)
                if let failure = outcome.failure {
                    failed += 1
                    try say("FAIL " + Terminal.printableLines(failure) + "\n")
                    if update, outcome.updated != lines {
                        let updated = ending.applied(to: outcome.updated)
                        // Under the lock, so that a signal waits for the write rather than leave its temporary file.
                        let written = TemporaryFolder.holdingSignals { SummaryFile.write(updated, to: file, force: true, keepingMode: true) }
                        if case .failure(let problem) = written {
                            try say("  could not update \(Terminal.printable(file)): \(problem.reason)")
                        } else {
                            try say("  updated \(Terminal.printable(file))")
                        }
                    }
                } else {
                    passed += 1
                }
            }
        }
        try say("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }

    /// Writes a line of the report; once it cannot be written, the run ends here (the folder of
    /// the transcript being replayed is removed on the way out). A full disk is a failure, said
    /// on stderr (status 1); a reader that went away (`| head`) ends the run unfinished, with the
    /// status SIGPIPE would have given, 128 + 13.
    private func say(_ line: String) throws {
        let output = Terminal.standardOutput
        guard !output.write(line + "\n") else { return }
        if output.problem != nil { throw ExitCode(Terminal.outputStatus()) }
        throw ExitCode(128 + SIGPIPE)
    }

    /// A runner whose `/export` writes into `folder` with the same safe writing as the chat.
    static func runner(knowledge: Knowledge, exportFolder folder: String) -> TranscriptRunner {
        TranscriptRunner(knowledge: knowledge) { session, path, force, time in
            let target = sandboxed(path, in: folder)
            let summary = Summary(state: session.state, knowledge: session.knowledge, time: time)
            let writer = SummaryWriter(knowledge: session.knowledge)
            let text = path.lowercased().hasSuffix(".json") ? writer.json(summary).pretty() + "\n" : writer.markdown(summary)
            let language = session.language
            if SummaryFile.formatProblem(path) != nil {
                return .error(knowledge.text(.exportFormat, language, ["path": path]))
            }
            // Judged on the path the transcript names, as the chat would judge it.
            if let problem = SummaryFile.lengthProblem(path) {
                return .error(knowledge.text(.exportFailed, language, ["path": path, "reason": problem]))
            }
            switch TemporaryFolder.holdingSignals({ SummaryFile.write(text, to: target, force: force) }) {
            case .success: return .message(knowledge.text(.exportDone, language, ["path": path]))
            case .failure(let problem) where problem.reason == "it already exists":
                return .error(knowledge.text(.exportExists, language, ["path": path]))
            case .failure(let problem): return .error(knowledge.text(.exportFailed, language, ["path": path, "reason": problem.reason]))
            }
        }
    }

    /// Where a transcript's export goes: always inside `folder`. A transcript is a file from
    /// anywhere, and replaying it must not write outside the test's own folder: an absolute path
    /// or `..` stays inside it (`/nonexistent/x.md` becomes `FOLDER/nonexistent/x.md`, which
    /// fails as the original would, for its missing folder).
    static func sandboxed(_ path: String, in folder: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != ".." && $0 != "." }
        return folder + "/" + parts.joined(separator: "/")
    }

    /// The transcript files at a path: the file itself, or every `.koshi` file below a folder.
    /// A folder is searched once even if links lead back into it, and only regular files are
    /// taken from it (a FIFO named like a transcript would block the run).
    static func transcripts(at path: String) -> [String]? {
        var visited: Set<[UInt64]> = []
        return transcripts(at: path, visited: &visited)
    }

    private static func transcripts(at path: String, visited: inout Set<[UInt64]>) -> [String]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return [] }
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var found: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name.hasPrefix(".") { continue }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            // A link to a folder is not followed (it could lead anywhere, /proc included); a
            // link to a transcript is.
            guard lstat(child, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                found += transcripts(at: child, visited: &visited) ?? []
            } else if name.hasSuffix(".koshi"), stat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                found.append(child)
            }
        }
        return found.sorted()
    }
}
