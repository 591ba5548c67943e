import ArgumentParser
import Foundation
import Testing
@testable import koshi

/// Values to try for each option of the chat: valid ones, invalid ones, and the edges of reading
/// a value (empty, '-', one that looks like an option).
private func trialValues(_ option: ChatOption, folder: String) -> [String] {
    switch option.name {
    case "lang": ["ja", "en", "fr", "EN", ""]
    case "region": ["GB", "gb", "uk", "Intl", "XX", ""]
    case "knowledge": ["Knowledge", "a dir", ""]
    case "format": ["text", "jsonl", "xml", ""]
    case "script": ["visit.txt", "-", ""]
    case "export": [folder + "/s.md", folder + "/s.json", folder + "/s.txt", folder + "/taken.md", folder + "/missing/s.md", ""]
    case "now": ["2026-01-01T00:00:00Z", "yesterday", ""]
    default: []
    }
}

/// Every way to write one option: `--name value` and `--name=value` for each trial value; a flag
/// alone and with a value it does not take.
private func spellings(_ option: ChatOption, folder: String) -> [[String]] {
    guard option.takesValue else { return [[option.flag], [option.flag + "=yes"], [option.flag + "="]] }
    return trialValues(option, folder: folder).flatMap { [[option.flag, $0], [option.flag + "=" + $0]] }
}

/// Words that are not the chat's options: help, version, subcommands, mistakes.
private let others: [[String]] = [["--help"], ["-h"], ["--version"], ["test", "x.koshi"], ["kb", "check"], ["--verbose"],
                                  ["extra"], ["--"], ["-x"], ["--lang"], ["--export"], ["-"]]

/// What ArgumentParser makes of a command line: the chat, another command, or a refusal.
private enum Reading: Equatable {
    case chat(Chat)
    case otherCommand
    case refused
}

private func argumentParserReading(_ arguments: [String]) -> Reading {
    do {
        let command = try koshi.Koshi.parseAsRoot(arguments)
        guard let koshi = command as? koshi.Koshi else { return .otherCommand }
        return (try? koshi.chat).map(Reading.chat) ?? .refused
    } catch {
        return .refused
    }
}

@Suite("The fast reading of chat arguments agrees with ArgumentParser")
struct QuickParseTests {
    /// Command lines made of one or two options (or repeats, or a word that is not an option),
    /// in every spelling: several thousand.
    static func commandLines(folder: String) -> [[String]] {
        let singles = ChatOption.all.flatMap { spellings($0, folder: folder) }
        var lines: [[String]] = [[]] + singles + others
        for first in singles {
            for second in singles + others { lines.append(first + second) }
        }
        // An option whose value is missing or looks like another option.
        for option in ChatOption.all where option.takesValue {
            for next in ChatOption.all { lines.append([option.flag, next.flag] + (next.takesValue ? ["x"] : [])) }
            lines.append([option.flag, "-5"])
        }
        return lines
    }

    @Test("every command line of one or two options reads the same both ways, or is left to ArgumentParser, which refuses it or runs another command")
    func agreesWithArgumentParser() throws {
        let folder = try TestFolder("quick-parse")
        try folder.write("taken\n", to: "taken.md")
        var disagreements: [String] = []
        let lines = Self.commandLines(folder: folder.path)
        for arguments in lines {
            let quick = Chat.quickParse(arguments)
            let full = argumentParserReading(arguments)
            switch (quick, full) {
            case (let quick?, .chat(let chat)) where quick == chat: continue
            case (nil, .refused), (nil, .otherCommand): continue
            default: disagreements.append("\(arguments): fast path \(quick.map { "\($0)" } ?? "refused"), ArgumentParser \(full)")
            }
        }
        #expect(lines.count > 2_000)
        let report = "\(disagreements.count) of \(lines.count) disagree:\n" + disagreements.prefix(20).joined(separator: "\n")
        #expect(disagreements.isEmpty, Comment(rawValue: report))
    }

    @Test("the common invocations take the fast path", arguments: [
        [], ["--format", "jsonl"], ["--lang", "en", "--format", "jsonl"], ["--format=jsonl", "--lang=ja"],
        ["--script", "visit.txt"], ["--script", "-"], ["--no-history"], ["--knowledge", "Knowledge"],
        ["--now", "2026-01-01T00:00:00Z", "--lang", "en"], ["--export", "/tmp/koshi-quick-parse-test.md", "--force"],
        ["--region", "gb", "--lang", "en"], ["--region=JP"],
    ])
    func commonInvocations(arguments: [String]) throws {
        let quick = try #require(Chat.quickParse(arguments))
        #expect(argumentParserReading(arguments) == .chat(quick))
    }

    @Test("every option of the table is declared to ArgumentParser, and nothing else is")
    func tableMatchesDeclarations() throws {
        let help = koshi.Koshi.helpMessage(includeHidden: true)
        for option in ChatOption.all {
            #expect(help.contains(option.flag + (option.takesValue ? " <\(option.valueName!)>" : "")), "\(option.flag) is not declared")
        }
        let separators: Set<Character> = [" ", "\n", ",", "[", "]"]
        let words = help.split(whereSeparator: { separators.contains($0) }).map(String.init)
        let declared = Set(words.filter { $0.hasPrefix("--") })
        #expect(declared.subtracting(ChatOption.all.map(\.flag)) == ["--help", "--version"])
    }
}
