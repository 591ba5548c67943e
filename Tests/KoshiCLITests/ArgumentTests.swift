import Testing

@Suite("The command line")
struct ArgumentTests {
    @Test("--help and --version exit 0")
    func helpAndVersion() throws {
        let help = try Koshi.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--format"))
        let version = try Koshi.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("koshi "))
    }

    @Test("bad arguments exit 2 with one clear line on stderr")
    func badArguments() throws {
        for arguments in [["--verbose"], ["--format", "xml"], ["--lang", "fr"], ["--script", "/nonexistent/file"]] {
            let result = try Koshi.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("koshi: "), "\(arguments): \(result.stderr)")
        }
    }
}
