import Foundation
import Testing

/// A fresh folder for one test's files, removed when the test ends.
private final class Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "koshi-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    deinit {
        chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    }

    func mode(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: file(name))
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Files left in the folder, hidden ones included (a temporary file must not be left behind).
    func names() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? []
    }
}

/// A fever: doctor-soon after the emergency signs and feeling very unwell are denied.
private let feverScript = "my lower back hurts and I have a fever\nnone of those\nno\n"
private let now = "2026-03-04T05:06:07Z"

@Suite("Exporting the summary from the real binary")
struct ExportTests {
    @Test("--export FILE.md writes the Markdown summary when the session ends")
    func exportMarkdownAtEnd() throws {
        let scratch = try Scratch()
        let result = try Koshi.run(["--lang", "en", "--export", scratch.file("s.md"), "--now", now], input: feverScript)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let markdown = try #require(scratch.read("s.md"))
        #expect(markdown.hasPrefix("# Back pain consultation summary (koshi)\n"))
        #expect(markdown.contains("- Made at: \(now)\n"))
        #expect(markdown.contains(#"**Be seen by a doctor today** (`doctor-soon`, `today`)"#))
        #expect(markdown.contains("| fever | yes | “my lower back hurts and I have a fever” (line 1) |"))
        #expect(markdown.contains("- **Person (line 2)**: none of those\n"))
        #expect(markdown.contains("> Note: koshi does not diagnose."))
        #expect(try scratch.mode("s.md") == 0o600)
        #expect(scratch.names() == ["s.md"])
    }

    @Test("--export FILE.json writes the JSON summary with CONTRACT.md's fields")
    func exportJSONAtEnd() throws {
        let scratch = try Scratch()
        let result = try Koshi.run(["--lang", "en", "--export", scratch.file("s.json"), "--now", now], input: feverScript)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try #require(FileManager.default.contents(atPath: scratch.file("s.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["disposition"] as? String == "doctor-soon")
        #expect(object["reasons"] as? [String] == ["fever"])
        let findings = try #require(object["findings"] as? [String: [String]])
        #expect(Set(findings["present"] ?? []) == ["low_back_pain", "fever"])
        #expect(Set(findings["absent"] ?? []) == ["saddle_numbness", "bladder_bowel_dysfunction", "both_legs_affected", "chest_pain", "very_unwell"])
        #expect(findings["unknown"] == [])
        #expect(object["values"] as? [String: Int] == [:])
        let advice = try #require(object["advice"] as? [[String: Any]])
        #expect(advice.compactMap { $0["id"] as? String }.contains("while-waiting"))
        #expect(advice.allSatisfy { $0["text"] is String && $0.keys.contains("section") })
        let transcript = try #require(object["transcript"] as? [[String: Any]])
        #expect(transcript.filter { $0["role"] as? String == "user" }.map { $0["text"] as? String }
            == ["my lower back hurts and I have a fever", "none of those", "no"])
        #expect(transcript.allSatisfy { $0["role"] as? String == "user" || $0["role"] as? String == "advisor" })
        #expect(object["when"] as? String == "today")
        #expect(object["region"] as? String == "INTL")
        #expect(object["language"] as? String == "en")
        #expect((object["knowledge_version"] as? String)?.isEmpty == false)
        #expect(object["time"] as? String == now)
        #expect(try scratch.mode("s.json") == 0o600)
    }

    @Test("--now fixes the time written into the summary")
    func fixedTime() throws {
        let scratch = try Scratch()
        _ = try Koshi.run(["--export", scratch.file("a.md"), "--now", "2030-12-31T23:59:58Z"], input: "腰が痛い\n")
        #expect(scratch.read("a.md")?.contains("- 作成日時: 2030-12-31T23:59:58Z\n") == true)
        let bad = try Koshi.run(["--export", scratch.file("b.md"), "--now", "tomorrow"], input: "腰が痛い\n")
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("koshi: --now must look like"))
        #expect(scratch.read("b.md") == nil)
    }

    @Test("/export in a script writes the summary so far, and the conversation goes on")
    func exportCommand() throws {
        let scratch = try Scratch()
        let result = try Koshi.run(["--lang", "en", "--now", now], input: """
            my lower back hurts and I have a fever
            /export \(scratch.file("mid.json"))
            none of those
            no
            /export \(scratch.file("end.md"))

            """)
        #expect(result.status == 0)
        #expect(result.stdout.contains("The summary was written to \(scratch.file("mid.json")).\n"))
        #expect(result.stdout.contains("== Be seen by a doctor today =="))
        #expect(result.stdout.contains("The summary was written to \(scratch.file("end.md")).\n"))
        let mid = try #require(FileManager.default.contents(atPath: scratch.file("mid.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: mid) as? [String: Any])
        #expect(object["disposition"] is NSNull, "the first export came before the recommendation")
        #expect(object["time"] as? String == now)
        #expect(scratch.read("end.md")?.contains("(`doctor-soon`, `today`)") == true)
        #expect(try scratch.mode("mid.json") == 0o600)
        #expect(try scratch.mode("end.md") == 0o600)
        #expect(scratch.names() == ["end.md", "mid.json"])
    }

    @Test("/export refuses to replace an existing file unless given --force")
    func exportCommandExisting() throws {
        let scratch = try Scratch()
        try scratch.write("keep me\n", to: "old.md")
        let path = scratch.file("old.md")
        let refused = try Koshi.run(["--lang", "en"], input: "my back hurts\n/export \(path)\nnone of those\n")
        #expect(refused.status == 0)
        #expect(refused.stdout.contains("! \(path) already exists. To replace it, use /export \(path) --force.\n"))
        #expect(refused.stdout.contains("Next, do any of these apply?"), "the session went on")
        #expect(scratch.read("old.md") == "keep me\n")
        let forced = try Koshi.run(["--lang", "en"], input: "my back hurts\n/export \(path) --force\n")
        #expect(forced.stdout.contains("The summary was written to \(path).\n"))
        #expect(scratch.read("old.md")?.hasPrefix("# Back pain consultation summary (koshi)") == true)
        #expect(try scratch.mode("old.md") == 0o600)
        #expect(scratch.names() == ["old.md"])
    }

    @Test("--export refuses an existing file before the session starts, and --force replaces it")
    func exportOptionExisting() throws {
        let scratch = try Scratch()
        try scratch.write("keep me\n", to: "old.json")
        let path = scratch.file("old.json")
        let refused = try Koshi.run(["--export", path], input: "腰が痛い\n")
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("koshi: --export \(path): it already exists (add --force to replace it)"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stdout.isEmpty, "nothing was asked before the refusal")
        #expect(scratch.read("old.json") == "keep me\n")
        let forced = try Koshi.run(["--export", path, "--force"], input: "腰が痛い\n")
        #expect(forced.status == 0)
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
        #expect(try scratch.mode("old.json") == 0o600)
    }

    @Test("--export needs a .md or .json name and an existing folder, checked before the session starts")
    func exportOptionBadPath() throws {
        let scratch = try Scratch()
        for (path, reason) in [
            (scratch.file("notes.txt"), "the file name must end in .md (Markdown) or .json (JSON)"),
            ("/dev/full", "the file name must end in .md (Markdown) or .json (JSON)"),
            (scratch.file("missing/s.md"), "the folder \(scratch.file("missing")) does not exist"),
        ] {
            let result = try Koshi.run(["--export", path], input: "腰が痛い\n")
            #expect(result.status == 2, "\(path)")
            #expect(result.stderr.hasPrefix("koshi: --export \(path): \(reason)"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(scratch.names().isEmpty)
    }

    @Test("/export to a place that cannot be written gives a clear message, and later lines are still answered",
          arguments: ["missing-folder", "dev-full", "proc", "wrong-extension"])
    func exportCommandUnwritable(kind: String) throws {
        let scratch = try Scratch()
        let path: String, reason: String?
        switch kind {
        case "missing-folder": (path, reason) = (scratch.file("missing/s.md"), nil)
        case "dev-full":
            // A summary name that leads to /dev/full, the device where every write fails.
            try FileManager.default.createSymbolicLink(atPath: scratch.file("full.md"), withDestinationPath: "/dev/full")
            (path, reason) = (scratch.file("full.md"), "it is a symbolic link, not a file; choose another name")
        case "proc": (path, reason) = ("/proc/koshi-summary.md", nil)
        default: (path, reason) = (scratch.file("s.txt"), nil)
        }
        let result = try Koshi.run(["--lang", "en"], input: "my back hurts\n/export \(path) --force\nnone of those\n")
        #expect(result.status == 0)
        if kind == "wrong-extension" {
            #expect(result.stdout.contains("! Cannot write \(path): the file name must end in .md (Markdown) or .json (JSON)."))
        } else {
            let message = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("! Could not write \(path) (") })
            #expect(message.hasSuffix("). The conversation goes on."))
            if let reason { #expect(message.contains(reason)) }
        }
        #expect(result.stdout.contains("Next, do any of these apply?"), "the line after the failed export was answered")
        #expect(scratch.names().allSatisfy { !$0.hasPrefix(".koshi-summary") }, "no temporary file is left behind")
    }

    @Test("/export into a read-only folder fails clearly and the session goes on", .enabled(if: getuid() != 0, "root can write anywhere"))
    func exportCommandReadOnlyFolder() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("ro"), withIntermediateDirectories: false)
        chmod(scratch.file("ro"), 0o500)
        defer { chmod(scratch.file("ro"), 0o700) }
        let path = scratch.file("ro/s.md")
        let result = try Koshi.run(["--lang", "en"], input: "my back hurts\n/export \(path)\nnone of those\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("! Could not write \(path) (Permission denied). The conversation goes on.\n"))
        #expect(result.stdout.contains("Next, do any of these apply?"))
        let option = try Koshi.run(["--export", path], input: "腰が痛い\n")
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("koshi: --export \(path): the folder \(scratch.file("ro")) is not writable"))
    }

    @Test("a summary that cannot be written at the end is reported on stderr, after the whole conversation")
    func exportAtEndFails() throws {
        // /proc accepts the checks made before the session but refuses the file itself.
        let result = try Koshi.run(["--lang", "en", "--export", "/proc/koshi-summary.md"], input: feverScript)
        #expect(result.stdout.contains("== Be seen by a doctor today =="))
        #expect(result.stderr.hasPrefix("koshi: could not write the summary to /proc/koshi-summary.md: "))
        #expect(result.status != 0)
    }

    @Test("the JSON's region comes from the locale when --region is not given: LANG=en_GB.UTF-8 is GB")
    func exportRegionFromLocale() throws {
        let scratch = try Scratch()
        var environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES"] { environment[name] = nil }
        environment["LANG"] = "en_GB.UTF-8"
        let result = try Koshi.run(["--export", scratch.file("gb.json"), "--now", now], input: feverScript, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try #require(FileManager.default.contents(atPath: scratch.file("gb.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["region"] as? String == "GB")
        #expect(object["language"] as? String == "en")
        let recommendation = try #require(object["recommendation"] as? [String: Any])
        #expect(recommendation["region"] as? String == "GB")
        #expect((recommendation["safety_net"] as? String)?.contains("999") == true, "GB's emergency number in the safety net shown")
    }

    @Test("/why, /summary and the exported JSON and Markdown list the same red flags not known, not understood and not asked")
    func openRedFlagsAgree() throws {
        let scratch = try Scratch()
        let input = "my lower back hurts and I'm not sure if I have a fever\nqwerty\nasdf zxcv\n/why\n/summary\n/export \(scratch.file("s.md"))\n"
        let result = try Koshi.run(["--lang", "en", "--export", scratch.file("s.json")], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try #require(FileManager.default.contents(atPath: scratch.file("s.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(object["findings"] as? [String: [String]])
        let flags = try #require(object["red_flags"] as? [[String: Any]])
        func labels(_ key: String) -> [String] {
            (findings[key] ?? []).compactMap { id in flags.first { $0["id"] as? String == id }?["label"] as? String }
        }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func line(_ prefix: String) -> String { lines.first { $0.hasPrefix(prefix) } ?? "" }
        for (key, why, terminal) in [("unknown", "Still unknown:", "Unknown:"), ("not_understood", "Asked, but I could not read the answer:",
                                      "Asked, answer not understood:"), ("not_asked", "Not asked yet:", "Not asked:")] {
            #expect(!labels(key).isEmpty, "\(key)")
            for label in labels(key) {
                #expect(line(why).contains(label), "/why \(key): \(label)")
                #expect(line(terminal).contains(label), "/summary \(key): \(label)")
            }
        }
        let markdown = try #require(scratch.read("s.md"))
        for label in labels("not_asked") { #expect(markdown.contains("| \(label) | not asked |  |"), "\(label)") }
        for label in labels("not_understood") { #expect(markdown.contains("| \(label) | asked, answer not understood | “asdf zxcv” (line 3"), "\(label)") }
    }

    @Test("the exported Markdown escapes what the person typed")
    func exportEscapes() throws {
        let scratch = try Scratch()
        let result = try Koshi.run(["--export", scratch.file("e.md")], input: "腰が痛い *本当に* [link](x) | <b>\u{1B}[31m赤\n")
        #expect(result.status == 0)
        let markdown = try #require(scratch.read("e.md"))
        #expect(markdown.contains(#"「腰が痛い \*本当に\* \[link\](x) \| \<b\>赤」（1行目）"#))
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B })
    }
}
