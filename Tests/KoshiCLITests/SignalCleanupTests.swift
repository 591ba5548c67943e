import Foundation
import Testing

@Suite("koshi test under signals")
struct SignalCleanupTests {
    @Test("koshi test killed by SIGINT, SIGTERM or SIGHUP removes its temporary folder and exits 128 + the signal",
          arguments: [SIGINT, SIGTERM, SIGHUP])
    func temporaryFolderRemoved(signal: Int32) throws {
        let folder = try TestFolder("signal")
        let temporary = try folder.makeFolder("tmp")
        // Long enough that koshi is still replaying it when the signal comes.
        let turns = (0..<40_000).map { $0 % 2 == 0 ? "> my back hurts" : "> /reset" }
        let transcript = try folder.write("@lang en\n" + turns.joined(separator: "\n") + "\n", to: "long.koshi")
        let process = Process()
        process.executableURL = Koshi.binary
        process.arguments = ["test", transcript]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while folder.names(in: "tmp").isEmpty, process.isRunning, Date() < deadline { usleep(2_000) }
        try #require(!folder.names(in: "tmp").isEmpty, "koshi test made no temporary folder")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signal)
        #expect(folder.names(in: "tmp").isEmpty, "left behind: \(folder.names(in: "tmp"))")
    }
}
