import Foundation
import Testing
@testable import koshi

/// koshi at a pseudo-terminal of its own, as a person runs it: the line editor and its history
/// are only used when stdin and stdout are terminals.
final class TerminalSession {
    let process = Process()
    private let master: Int32
    private var screen: [UInt8] = []

    /// glibc's pseudo-terminal calls, which the Glibc module does not export (they need _XOPEN_SOURCE).
    private static func function<T>(_ name: String, as type: T.Type) -> T {
        unsafeBitCast(dlsym(nil, name)!, to: type)
    }
    private static let openMaster = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    private static let grant = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    private static let unlock = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    private static let name = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)

    init(home: String, arguments: [String] = ["--lang", "en"]) throws {
        master = Self.openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, Self.grant(master) == 0, Self.unlock(master) == 0, let name = Self.name(master) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let terminal = try #require(FileHandle(forUpdatingAtPath: String(cString: name)))
        process.executableURL = Koshi.binary
        process.arguments = arguments
        process.environment = ["HOME": home, "LANG": "C.UTF-8", "TERM": "dumb", "PATH": "/usr/bin:/bin"]
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        try terminal.close()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    var pid: Int32 { process.processIdentifier }

    /// How many prompts koshi has shown so far.
    var prompts: Int { String(decoding: screen, as: UTF8.self).components(separatedBy: "> ").count - 1 }

    /// Reads what koshi shows until `condition` holds, for at most `timeout` seconds.
    @discardableResult
    func read(until condition: () -> Bool, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !condition() {
            guard Date() < deadline else { return false }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let count = Glibc.read(master, &buffer, buffer.count)
            if count <= 0 { return condition() }  // EIO: the terminal's last user has gone
            screen += buffer[0..<count]
        }
        return true
    }

    private var typed = 0

    /// Waits for the prompt for this line (one more than the lines typed so far), then types
    /// `line` and Enter.
    func type(_ line: String) {
        read(until: { prompts > typed })
        typed += 1
        let bytes = Array((line + "\r").utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress!, $0.count) }
    }

    /// Waits until koshi shows its `count`th prompt.
    func waitForPrompt(_ count: Int) -> Bool { read(until: { prompts >= count }) }

    /// Waits for koshi to end, reading what it shows meanwhile; its status.
    func waitForExit(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { read(until: { !process.isRunning }, timeout: 0.2) }
        guard !process.isRunning else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite("The chat's history file")
struct HistoryTests {
    static let cookie = "_HiStOrY_V2_\n"

    @Test("15: a history file of one huge line is not read whole at start-up; what is valid in it is kept, the file made clean")
    func hugeHistoryLine() throws {
        let folder = try TestFolder("history")
        let state = folder.path + "/.local/state/koshi"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let path = state + "/history"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data((Self.cookie + "an\\040early\\040line\n").utf8))
        let junk = Data(repeating: 0x78, count: 1 << 20)
        for _ in 0..<96 { try handle.write(contentsOf: junk) }
        try handle.write(contentsOf: Data("\nthe\\040last\\040line\n".utf8))
        try handle.close()
        let session = try TerminalSession(home: folder.path)
        #expect(session.waitForPrompt(1), "koshi showed no prompt")
        // The peak of memory so far, while koshi waits for the first line.
        let status = try String(contentsOfFile: "/proc/\(session.pid)/status", encoding: .utf8)
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.flatMap { $0.split(separator: " ").dropFirst().first }
        let kilobytes = try #require(peak.flatMap { Int($0) })
        #expect(kilobytes < 64 << 10, "\(kilobytes) kB at the first prompt, with a 96 MB line in the history")
        session.type("my back hurts")
        session.type("/quit")
        #expect(session.waitForExit() == 0)
        let saved = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: saved, as: UTF8.self) == Self.cookie + "the\\040last\\040line\nmy\\040back\\040hurts\n/quit\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("22: sessions at the same time keep each other's lines; the file stays 0600 in a 0700 folder")
    func concurrentSessions() throws {
        let folder = try TestFolder("history")
        let sessions = try (1...4).map { _ in try TerminalSession(home: folder.path) }
        // Every session has read the (empty) history before any of them writes it.
        for session in sessions { #expect(session.waitForPrompt(1)) }
        for (i, session) in sessions.enumerated() { session.type("session \(i + 1) line a") }
        for (i, session) in sessions.enumerated() { session.type("session \(i + 1) line b") }
        for session in sessions {
            session.type("/quit")
            #expect(session.waitForExit() == 0)
        }
        let path = folder.path + "/.local/state/koshi/history"
        let entries = HistoryFile.entries(at: path)
        for i in 1...4 {
            #expect(entries.contains("session \(i) line a"), "\(entries)")
            #expect(entries.contains("session \(i) line b"), "\(entries)")
        }
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.attributesOfItem(atPath: folder.path + "/.local/state/koshi")[.posixPermissions] as? Int) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/.local/state/koshi") == ["history"], "no temporary file left")
    }

    @Test("the file format is libedit's: what libedit wrote is read back, and what koshi writes is written as libedit would")
    func libeditFormat() throws {
        // Written by libedit 3.1's H_SAVE (strvis with VIS_WHITE) for "a b<TAB>c\d 腰が痛い <ESC>[31m end" and a DEL.
        let written = Array("a\\040b\\011c\\134d\\040腰が痛い\\040\\^[[31m\\040end".utf8)
        #expect(HistoryFile.decode(written) == "a b\tc\\d 腰が痛い \u{1B}[31m end")
        #expect(HistoryFile.decode(Array("x\\^?\\M-C\\M-)".utf8)) == "x\u{7F}é")
        #expect(HistoryFile.encode("a b\tc\\d 腰が痛い \u{1B}[31m end") == Array("a\\040b\\011c\\134d\\040腰が痛い\\040\\033[31m\\040end".utf8))
        for entry in ["my back hurts", "腰が痛い　です", "back\\slash", "tab\there", "\u{7F}\u{1}", "#7119に電話すべき？"] {
            #expect(HistoryFile.decode(HistoryFile.encode(entry)) == entry)
        }
        #expect(HistoryFile.decode(Array("bad\\".utf8)) == nil)
        #expect(HistoryFile.decode([0x61, 0xFF]) == nil, "not UTF-8")
    }

    @Test("a file that is not a history, a link or a FIFO is not read; a link or a FIFO is not written")
    func notAHistory() throws {
        let folder = try TestFolder("history")
        try folder.write("no cookie\nline\n", to: "plain")
        #expect(HistoryFile.entries(at: folder.file("plain")).isEmpty)
        try folder.write(Self.cookie + "kept\n", to: "target")
        try FileManager.default.createSymbolicLink(atPath: folder.file("link"), withDestinationPath: folder.file("target"))
        #expect(HistoryFile.entries(at: folder.file("link")).isEmpty)
        #expect(!HistoryFile.append(["new"], to: folder.file("link")))
        #expect(folder.read("target") == Self.cookie + "kept\n")
        #expect(mkfifo(folder.file("fifo"), 0o600) == 0)
        #expect(HistoryFile.entries(at: folder.file("fifo")).isEmpty)
        #expect(!HistoryFile.append(["new"], to: folder.file("fifo")))
    }

    @Test("only the last 1000 entries are kept, and an entry repeated right after itself once")
    func limits() throws {
        let folder = try TestFolder("history")
        let path = folder.file("koshi/history")
        #expect(HistoryFile.append((1...1200).map { "line \($0)" }, to: path))
        #expect(HistoryFile.append(["line 1200", "again", "again"], to: path))
        let entries = HistoryFile.entries(at: path)
        #expect(entries.count == 1000)
        #expect(entries.first == "line 202")
        #expect(entries.suffix(2) == ["line 1200", "again"])
    }
}
