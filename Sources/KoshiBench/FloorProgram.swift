import Foundation

/// The floor for start-up: a Swift program that does nothing but print the `ready` event (and then
/// wait for its input to end, so that its memory can be read while it runs), built with the same
/// compiler and optimization as koshi. koshi cannot start faster than this.
enum FloorProgram {
    static let source = """
        import Glibc
        print(#"{"type":"ready"}"#)
        fflush(stdout)
        while readLine() != nil {}

        """

    /// Builds the floor into a fresh temporary folder and returns its path. `staticRuntime: false`
    /// builds it as plain `swiftc -O` does, with the Swift runtime loaded from shared libraries.
    static func build(staticRuntime: Bool = true) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("koshi-bench-floor-\(staticRuntime ? "static" : "shared")-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sourceFile = folder.appendingPathComponent("floor.swift")
        let binary = folder.appendingPathComponent("floor")
        try source.write(to: sourceFile, atomically: true, encoding: .utf8)
        let compiler = ProcessInfo.processInfo.environment["SWIFTC"] ?? "swiftc"
        let (status, _) = try ChildProcess.run(compiler, ["-O"] + (staticRuntime ? ["-static-stdlib"] : []) + [sourceFile.path, "-o", binary.path])
        guard status == 0 else {
            throw ChildProcess.SpawnError(description: "\(compiler) could not build the floor program (status \(status))")
        }
        return binary.path
    }

    /// Removes the folder that `build()` made.
    static func remove(_ binary: String) {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: binary).deletingLastPathComponent().path)
    }
}
