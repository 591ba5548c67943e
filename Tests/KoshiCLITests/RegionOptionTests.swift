import Testing
import KoshiKit
@testable import koshi

@Suite("--region on the command line")
struct RegionOptionTests {
    @Test("--region takes JP, GB, US, AU and INTL in any case", arguments: ["gb", "GB", "Jp", "us", "au", "intl", "uk"])
    func accepted(name: String) throws {
        for arguments in [["--region", name], ["--region=" + name]] {
            let result = try Koshi.run(arguments + ["--lang", "en", "--format", "jsonl"], input: "my back hurts\n/region\n")
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stderr.isEmpty)
        }
    }

    @Test("--region XX: one clear line, status 2, nothing asked")
    func refused() throws {
        let result = try Koshi.run(["--region", "XX"], input: "腰が痛い\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "koshi: --region XX: choose one of JP, GB, US, AU, INTL (see 'koshi --help')\n")
    }

    @Test("help names --region and its values")
    func help() throws {
        let help = try Koshi.run(["--help"])
        #expect(help.stdout.contains("--region <JP|GB|US|AU|INTL>"), "\(help.stdout)")
    }

    @Test("without --region, the region comes from the locale's territory, else from the language",
          arguments: [
            (["LANG": "en_GB.UTF-8"], [String](), Region.gb),
            (["LANG": "en_US.UTF-8"], [], .us),
            (["LANG": "en_AU.UTF-8"], [], .au),
            (["LANG": "ja_JP.UTF-8"], [], .jp),
            (["LC_ALL": "en_GB.UTF-8", "LANG": "ja_JP.UTF-8"], [], .gb),
            (["LC_MESSAGES": "en_US.UTF-8", "LANG": "en_GB.UTF-8"], [], .us),
            (["LANG": "C.UTF-8"], [], .jp),
            (["LANG": "C.UTF-8"], ["--lang", "en"], .intl),
            ([:], ["--lang", "en"], .intl),
            (["LANG": "en_GB.UTF-8"], ["--region", "au"], .au),
            (["LANG": "en_GB.UTF-8"], ["--lang", "ja"], .gb),
          ])
    func defaultFromLocale(environment: [String: String], arguments: [String], region: Region) throws {
        let chat = try #require(Chat.quickParse(arguments))
        #expect(chat.region(in: { environment[$0] }) == region)
    }
    // The default reaching the session is checked here through Chat only: the summary will carry
    // `region` (CONTRACT.md's exported summary), and then a test through `--export` with
    // LANG=en_GB.UTF-8 can check it end to end.
}
