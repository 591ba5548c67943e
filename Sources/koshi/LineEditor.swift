#if canImport(Glibc)
import Glibc
#endif
import CEditLine
import KoshiKit

/// The prompt libedit shows, as wide characters; kept allocated once for the C callback.
nonisolated(unsafe) private var promptBuffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: 256)

/// The interactive line editor: libedit in wide-character mode, so Japanese is typed, edited and
/// deleted one whole character at a time with the cursor in the right cell; history across
/// sessions (mode 0600); Tab completes slash commands; Ctrl-C abandons the line, Ctrl-D ends.
/// This is the only file that talks to libedit, which it loads when the first editor is made.
final class LineEditor: LineSource {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    /// The lines this session added to the history, oldest first: what is saved at the end.
    private var added: [String] = []
    private var closed = false

    /// The history file: `$XDG_STATE_HOME/koshi/history`, or `~/.local/state/koshi/history` when
    /// XDG_STATE_HOME is unset or relative (the XDG spec says to ignore relative paths).
    static func defaultHistoryPath() -> String? {
        let base: String
        if let state = Terminal.variable("XDG_STATE_HOME"), state.hasPrefix("/") {
            base = state
        } else if let home = Terminal.variable("HOME"), !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        return base + "/koshi/history"
    }

    /// Why no line editor can be made here (libedit is missing or unusable), or nil.
    static var unavailability: String? {
        koshi_editline_load().map { String(cString: $0) }
    }

    init?(history path: String?) {
        guard Self.unavailability == nil else { return nil }
        koshi_use_utf8_locale()
        guard let editLine = koshi_el_init("koshi"), let history = koshi_history_init() else { return nil }
        self.editLine = editLine
        self.history = history
        historyPath = path
        _ = "emacs".withWideCString { koshi_el_set_editor(editLine, $0) }
        koshi_el_set_signal(editLine, 1)
        // libedit updates a line in place with the terminal's insert and delete-character
        // capabilities, and gets the cursor one cell wrong when the line mixes double-width and
        // narrow characters (delete 腰 from the start of 腰が痛Xい, and what is typed next lands
        // in the wrong cell). Without them it rewrites the rest of the line instead, which is right.
        for capability in ["im", "ei", "ic", "IC", "ip", "dc", "DC", "dm", "ed"] {
            _ = capability.withWideCString { name in
                "".withWideCString { koshi_el_set_capability(editLine, name, $0) }
            }
        }
        koshi_history_set_size(history, Int32(HistoryFile.maximumEntries))
        koshi_history_set_unique(history, 1)
        koshi_el_set_history(editLine, history)
        koshi_el_set_wprompt_esc(editLine, { _ in promptBuffer }, 1)
        addFunction("koshi-complete", "Complete a slash command", keys: ["^I"]) { editLine, _ in
            LineEditor.complete(editLine)
        }
        addFunction("koshi-end-or-delete", "End on an empty line, else delete the character under the cursor",
                    keys: ["^D"]) { editLine, _ in LineEditor.endOrDelete(editLine) }
        // libedit binds Home, End and Delete from the terminfo entry of TERM; these are the
        // sequences of terminals whose TERM says otherwise (tmux or screen set to xterm, rxvt).
        for (key, function) in [("\\e[1~", "ed-move-to-beg"), ("\\e[4~", "ed-move-to-end"),
                                ("\\e[7~", "ed-move-to-beg"), ("\\e[8~", "ed-move-to-end"),
                                ("\\e[3~", "ed-delete-next-char")] {
            bind(key, to: function)
        }
        // Keys libedit does not know would otherwise leave the rest of their sequence in the line
        // ("5C", "~"), which koshi would then read: Ctrl- and Alt-arrows move by word, and
        // Insert, Page Up/Down and the function keys do nothing.
        for (key, function) in [("\\e[1;5C", "em-next-word"), ("\\e[1;5D", "ed-prev-word"),
                                ("\\e[1;3C", "em-next-word"), ("\\e[1;3D", "ed-prev-word"),
                                ("\\e[1;2C", "ed-next-char"), ("\\e[1;2D", "ed-prev-char"),
                                ("\\e[1;5A", "ed-unassigned"), ("\\e[1;5B", "ed-unassigned")]
            + ["2", "5", "6", "15", "17", "18", "19", "20", "21", "23", "24"].map({ ("\\e[\($0)~", "ed-unassigned") }) {
            bind(key, to: function)
        }
        if let path {
            for entry in HistoryFile.entries(at: path) { _ = entry.withWideCString { koshi_history_enter(history, $0) } }
        }
        // While libedit reads, its own handler (EL_SIGNAL) catches a signal first, puts the
        // terminal back to normal and passes it on to these.
        SessionSignals.install()
    }

    deinit { close() }

    func next(prompt: String) -> LineInput {
        read(prompt: prompt, remember: true)
    }

    /// A yes/no answer is not worth recalling with Up, so it stays out of the history.
    func confirm(_ question: String) -> Bool {
        switch read(prompt: question + " ", remember: false) {
        case .line(let bytes):
            return Self.isYes(String(decoding: bytes, as: UTF8.self))
        case .interrupted, .end:
            return false
        }
    }

    /// Whether a reply to a yes-or-no question (overwrite the file?) is a yes.
    static func isYes(_ reply: String) -> Bool {
        ["y", "yes", "はい", "ｙ"].contains(reply.trimmingSpaces.lowercased())
    }

    /// The prompt in bold green. libedit drops a non-printing sequence at the very end of a
    /// prompt, so the reset goes before the prompt's last character: otherwise what is typed,
    /// and every reply after it, stayed bold green.
    static func coloured(_ prompt: String) -> String {
        guard let last = prompt.last else { return prompt }
        return "\u{1}\u{1B}[1;32m\u{1}\(prompt.dropLast())\u{1}\u{1B}[0m\u{1}\(last)"
    }

    /// Reads one line with editing. `el_wgets` returns nil with a count of 0 for Ctrl-D on an
    /// empty line, and with -1 when a signal interrupted the read.
    private func read(prompt: String, remember: Bool) -> LineInput {
        // A hang-up or termination that came while the advisor was answering ends the session now.
        if SessionSignals.endRequested { return .end }
        SessionSignals.clear()
        setPrompt(Terminal.wantsColour ? Self.coloured(prompt) : prompt)
        var count: Int32 = 0
        guard let line = koshi_el_wgets(editLine, &count) else {
            let interrupted = count < 0 && errno == EINTR
            // libedit leaves the cursor on the abandoned line; the next output starts below it.
            Terminal.standardOutput.write("\n")
            if SessionSignals.endRequested { return .end }
            return interrupted || SessionSignals.interrupted ? .interrupted : .end
        }
        var text = String.UnicodeScalarView()
        for i in 0..<Int(count) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: line[i])) { text.append(scalar) }
        }
        var string = String(text)
        if string.hasSuffix("\n") { string.removeLast() }
        if remember, !string.trimmingSpaces.isEmpty, HistoryFile.encode(string).count <= HistoryFile.maximumLineBytes {
            _ = string.withWideCString { koshi_history_enter(history, $0) }
            added.append(string)
        }
        return .line(Array(string.utf8))
    }

    func close() {
        guard !closed else { return }
        closed = true
        if let historyPath { HistoryFile.append(added, to: historyPath) }
        koshi_el_end(editLine)
        koshi_history_end(history)
    }

    // MARK: Key bindings

    private typealias EditFunction = @convention(c) (OpaquePointer?, wint_t) -> UInt8

    /// Adds a named editing function (a plain C function: it can capture nothing) bound to `keys`.
    private func addFunction(_ name: String, _ help: String, keys: [String], _ function: EditFunction) {
        _ = name.withWideCString { name in
            help.withWideCString { help in koshi_el_add_function(editLine, name, help, function) }
        }
        for key in keys { bind(key, to: name) }
    }

    /// Binds a key, written as libedit's `bind` reads it (`^I`, `\e[3~`), to an editing function.
    private func bind(_ key: String, to function: String) {
        _ = key.withWideCString { key in function.withWideCString { koshi_el_bind(editLine, key, $0) } }
    }

    // MARK: Prompt, signals, completion

    private func setPrompt(_ prompt: String) {
        let scalars = Array(prompt.unicodeScalars.prefix(255))
        for (i, scalar) in scalars.enumerated() { promptBuffer[i] = wchar_t(bitPattern: scalar.value) }
        promptBuffer[scalars.count] = 0
    }

    /// Ctrl-D: what libedit's emacs binding does, except that on an empty line it ends without
    /// echoing a visible "^D" after the prompt.
    private static func endOrDelete(_ editLine: OpaquePointer?) -> UInt8 {
        guard let editLine, let info = koshi_el_wline(editLine) else { return UInt8(CC_ERROR) }
        if info.pointee.buffer == info.pointee.lastchar { return UInt8(CC_EOF) }
        guard info.pointee.cursor < info.pointee.lastchar else { return UInt8(CC_REFRESH_BEEP) }
        koshi_el_cursor(editLine, 1)
        koshi_el_deletestr(editLine, 1)
        return UInt8(CC_REFRESH)
    }

    /// Tab: completes the slash command being typed, or lists the candidates.
    private static func complete(_ editLine: OpaquePointer?) -> UInt8 {
        guard let editLine, let info = koshi_el_wline(editLine) else { return UInt8(CC_ERROR) }
        var typed = String.UnicodeScalarView()
        var pointer = info.pointee.buffer!
        while pointer < info.pointee.cursor {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: pointer.pointee)) { typed.append(scalar) }
            pointer += 1
        }
        let prefix = String(typed)
        guard prefix.hasPrefix("/"), !prefix.contains(" ") else { return UInt8(CC_REFRESH_BEEP) }
        let candidates = Command.allCases.map(\.rawValue).filter { $0.hasPrefix(prefix) }
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        var common = candidates[0]
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        var insertion = String(common.dropFirst(prefix.count))
        if candidates.count == 1 { insertion += " " }
        if !insertion.isEmpty {
            _ = insertion.withWideCString { koshi_el_winsertstr(editLine, $0) }
            return UInt8(CC_REFRESH)
        }
        Terminal.standardOutput.write("\n" + candidates.joined(separator: "  ") + "\n")
        return UInt8(CC_REDISPLAY)
    }
}

extension String {
    /// Calls `body` with the text as a NUL-terminated wide-character string.
    func withWideCString<Result>(_ body: (UnsafePointer<wchar_t>) -> Result) -> Result {
        var wide = unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        return wide.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
