#!/usr/bin/env python3
"""The interactive REPL, tested through a real terminal: koshi runs inside tmux, keys are sent
with `tmux send-keys`, the screen is read with `tmux capture-pane`, and what the engine actually
received is read back from the session's `--export FILE.json` transcript.

Usage: python3 Tests/Terminal/repl_test.py PATH/TO/koshi [CASE...]   (default: every case)

Every session runs in an isolated environment (a temporary HOME and XDG_STATE_HOME, LANG=C.UTF-8,
nothing else inherited) on a private tmux server that is killed at the end, even on failure.
Prints one line per passing case; exits 1 if any case fails, 2 if the test cannot run.
Standard library only.
"""

import json
import re
import os
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata

KEY_GAP = 0.25      # seconds between keys: libedit and tmux need a moment (see the libedit notes)
TIMEOUT = 10.0      # seconds to wait for anything expected on the screen or on disk
POLL = 0.05
NOW = "2026-01-01T00:00:00Z"


class Failure(Exception):
    """A check did not hold; the message says what was expected and what was seen."""


def check(condition, message):
    if not condition:
        raise Failure(message)


def cells(text):
    """Display width in terminal cells: East Asian wide and fullwidth characters count 2."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


class Tmux:
    """A private tmux server (its own socket, no configuration file) for this test run."""

    def __init__(self, folder):
        self.socket = f"koshi-test-{os.getpid()}"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "HOME": os.environ.get("HOME", "/tmp"),
        }
        # tmux leaves its socket file behind; in the test's folder it goes when the folder goes.
        if len(folder) < 60:
            self.env["TMUX_TMPDIR"] = folder
        elif "TMUX_TMPDIR" in os.environ:
            self.env["TMUX_TMPDIR"] = os.environ["TMUX_TMPDIR"]

    def run(self, *args, check_status=True):
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                                env=self.env, capture_output=True, text=True, encoding="utf-8",
                                errors="replace")
        if check_status and result.returncode != 0:
            raise Failure(f"tmux {' '.join(args[:2])} failed: {result.stderr.strip()}")
        return result.stdout

    def start(self):
        """Starts the server with an idle session, so that it stays up between the cases: a server
        whose last session ends exits, and a case starting then would race its shutdown."""
        self.run("new-session", "-d", "-s", "keeper", "-x", "20", "-y", "5", "exec sleep 600")

    def kill(self):
        self.run("kill-server", check_status=False)


class Session:
    """One run of koshi in its own tmux session, wrapped in a small shell script that records
    the terminal settings before and after and koshi's exit status."""

    counter = 0

    def __init__(self, tmux, koshi, folder, args, *, width=80, height=30, state=True,
                 extra_env=None, term="xterm-256color"):
        Session.counter += 1
        self.tmux = tmux
        self.name = f"s{Session.counter}"
        self.folder = folder
        self.home = os.path.join(folder, "home")
        self.state = os.path.join(folder, "state")
        os.makedirs(self.home, exist_ok=True)
        self.export = os.path.join(folder, f"{self.name}.json")
        self.exit_file = os.path.join(folder, f"{self.name}.exit")
        self.stty_before = os.path.join(folder, f"{self.name}.stty-before")
        self.stty_after = os.path.join(folder, f"{self.name}.stty-after")
        env = {"HOME": self.home, "LANG": "C.UTF-8", "TERM": term,
               "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        if state:
            env["XDG_STATE_HOME"] = self.state
        env.update(extra_env or {})
        command = ["env", "-i", *(f"{k}={v}" for k, v in env.items()), koshi,
                   *args, "--export", self.export, "--now", NOW]
        q = shlex.quote
        # The shell must survive the Ctrl-C (and SIGTERM: libedit passes it on to the whole
        # process group) meant for koshi: a trap, not an ignore, so that koshi starts with the
        # default dispositions. It stays afterwards so that the screen can still be read.
        script = "\n".join([
            "trap : INT TERM",
            f"stty -g > {q(self.stty_before)}",
            " ".join(q(part) for part in command),
            f"echo \"EXIT=$?\" > {q(self.exit_file)}",
            f"stty -g > {q(self.stty_after)}",
            "exec sleep 600",
        ])
        script_path = os.path.join(folder, f"{self.name}.sh")
        with open(script_path, "w", encoding="utf-8") as handle:
            handle.write(script + "\n")
        tmux.run("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
                 f"sh {q(script_path)}")

    # -- Keys ---------------------------------------------------------------------------------

    def keys(self, *names):
        """Sends tmux key names (Enter, BSpace, Left, Up, Tab, C-c, C-d), one at a time."""
        for name in names:
            self.tmux.run("send-keys", "-t", self.name, name)
            time.sleep(KEY_GAP)

    def type(self, text):
        """Types text literally (as a paste would: libedit reads it as it comes)."""
        self.tmux.run("send-keys", "-t", self.name, "-l", text)
        time.sleep(KEY_GAP)

    # -- Screen -------------------------------------------------------------------------------

    def screen(self, escapes=False, joined=False):
        """The pane's text with its scrollback; with escapes, its colours as ESC[ sequences;
        joined, the lines the terminal itself wrapped are put back together."""
        args = ["capture-pane", "-p", "-t", self.name, "-S", "-"]
        if escapes:
            args.append("-e")
        if joined:
            args.append("-J")
        return self.tmux.run(*args)

    def visible_lines(self):
        return self.tmux.run("capture-pane", "-p", "-t", self.name).split("\n")

    def cursor(self):
        x, y = self.tmux.run("display-message", "-p", "-t", self.name,
                             "#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def cursor_line(self):
        """The visible line the cursor is on (trailing spaces removed) and the cursor column."""
        x, y = self.cursor()
        lines = self.visible_lines()
        return (lines[y].rstrip() if y < len(lines) else ""), x

    def wait(self, predicate, what, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            if predicate():
                return
            if time.monotonic() > deadline:
                raise Failure(f"timed out waiting for {what}; the screen was:\n{self.dump()}")
            time.sleep(POLL)

    def wait_text(self, text, timeout=TIMEOUT):
        self.wait(lambda: text in self.screen(), f"{text!r} on the screen", timeout)

    def wait_line(self, expected, column=None):
        """Waits until the cursor's line reads `expected` (and the cursor is at `column`)."""
        seen = [("", 0)]
        def matches():
            seen[0] = self.cursor_line()
            line, x = seen[0]
            return line == expected.rstrip() and (column is None or x == column)
        where = f" with the cursor at column {column}" if column is not None else ""
        try:
            self.wait(matches, f"the input line {expected!r}{where}")
        except Failure as failure:
            line, x = seen[0]
            raise Failure(f"{failure}\n    (last seen: {line!r} with the cursor at column {x})")

    def wait_prompt(self):
        """Waits for a fresh, empty prompt: the cursor right after '> ' on an otherwise empty line."""
        self.wait_line("> ", column=2)

    def say(self, line):
        """Types a line, sends it, and waits for koshi's reply to end in a fresh prompt."""
        self.type(line)
        self.keys("Enter")
        self.wait_prompt()

    def koshi_pid(self):
        """The process id of koshi: the child of the pane's shell."""
        shell = self.tmux.run("display-message", "-p", "-t", self.name, "#{pane_pid}").strip()
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as handle:
                        fields = handle.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if fields[1] == shell:
                    return int(entry)
        raise Failure("koshi's process was not found")

    def wait_exit(self):
        """Waits for koshi to end; returns its exit status."""
        def status():
            try:
                with open(self.exit_file) as handle:
                    return handle.read().strip()
            except FileNotFoundError:
                return ""
        self.wait(lambda: status().startswith("EXIT="), "koshi to exit")
        return int(status().split("=", 1)[1])

    def dump(self):
        try:
            lines = self.screen().rstrip("\n").split("\n")
        except Failure:
            return "    (the pane is gone)"
        return "\n".join("    | " + line for line in lines[-25:])

    # -- After the session --------------------------------------------------------------------

    def transcript(self, role="user"):
        """The lines of `role` that the engine received, from the exported JSON summary."""
        check(os.path.exists(self.export), f"the export file {self.export} was not written")
        with open(self.export, encoding="utf-8") as handle:
            summary = json.load(handle)
        check("transcript" in summary, f"the exported JSON has no 'transcript': {list(summary)}")
        # The user's commands are marked as such: they are not lines the engine read as symptoms.
        return [entry["text"] for entry in summary["transcript"]
                if entry.get("role") == role and not (role == "user" and entry.get("command"))]

    def terminal_restored(self):
        with open(self.stty_before) as before, open(self.stty_after) as after:
            return before.read() == after.read()

    def close(self):
        self.tmux.run("kill-session", "-t", self.name, check_status=False)


def end_cleanly(session, how):
    """Checks the end of a session: status 0 and the terminal settings as they were before."""
    status = session.wait_exit()
    check(status == 0, f"koshi ended by {how} exited with status {status}, not 0; screen:\n"
          f"{session.dump()}")
    check(session.terminal_restored(),
          f"the terminal settings after koshi ended by {how} differ from those before")


def snapshot(folder):
    """Every file under folder with its mode, modification time and content."""
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            info = os.stat(path)
            with open(path, "rb") as handle:
                files[path] = (info.st_mode, info.st_mtime_ns, handle.read())
    return files


# -- The cases --------------------------------------------------------------------------------

def test_wide_character_editing(t):
    s = t.session(["--lang", "ja"])
    s.wait_prompt()
    s.type("腰が痛いです")
    s.wait_line("> 腰が痛いです", column=2 + 12)
    s.keys("BSpace", "BSpace", "Left")
    # Each key acts on one whole character, and the cursor lands between 痛 and い:
    # "> " (2 cells) + 腰が痛 (3 × 2 cells) = column 8.
    s.wait_line("> 腰が痛い", column=8)
    s.type("X")
    s.wait_line("> 腰が痛Xい", column=9)
    s.keys("Enter")
    s.wait_prompt()
    check("> 腰が痛Xい" in s.screen(), "the edited line is not on the screen")
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    received = s.transcript()
    check(received == ["腰が痛Xい"], f"the engine received {received!r}, not ['腰が痛Xい']")


def test_mixed_width_editing(t):
    # Deleting and inserting at the start of a line that mixes double-width and narrow
    # characters: the rest of the line moves by the right number of cells, and so does the cursor.
    s = t.session(["--lang", "ja"])
    s.wait_prompt()
    s.type("腰が痛Xい")
    s.wait_line("> 腰が痛Xい", column=11)
    s.keys("Home", "DC")
    s.wait_line("> が痛Xい", column=2)
    s.type("ZW")
    s.wait_line("> ZWが痛Xい", column=4)
    s.keys("Right")
    s.wait_line("> ZWが痛Xい", column=6)
    s.keys("C-a")
    s.type("右")
    s.wait_line("> 右ZWが痛Xい", column=4)
    s.keys("End", "BSpace", "BSpace")
    s.wait_line("> 右ZWが痛", column=10)
    s.keys("Enter")
    s.wait_prompt()
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    received = s.transcript()
    check(received == ["右ZWが痛"], f"the engine received {received!r}, not ['右ZWが痛']")


def test_history_across_sessions(t):
    folder = t.folder("history")
    line = "右の腰が痛い since Monday"
    first = t.session(["--lang", "ja"], folder=folder)
    first.wait_prompt()
    first.say(line)
    first.keys("C-d")
    end_cleanly(first, "Ctrl-D")

    history = os.path.join(folder, "state", "koshi", "history")
    check(os.path.isfile(history), f"no history file at {history}")
    mode = stat.S_IMODE(os.stat(history).st_mode)
    check(mode == 0o600, f"the history file has mode {mode:04o}, not 0600")
    folder_mode = stat.S_IMODE(os.stat(os.path.dirname(history)).st_mode)
    check(folder_mode == 0o700, f"the history folder has mode {folder_mode:04o}, not 0700")

    second = t.session(["--lang", "ja"], folder=folder)
    second.wait_prompt()
    second.keys("Up")
    second.wait_line("> " + line)
    second.keys("Enter")
    second.wait_prompt()
    second.keys("C-d")
    end_cleanly(second, "Ctrl-D")
    received = second.transcript()
    check(received == [line], f"Up then Enter sent {received!r}, not the previous session's {line!r}")
    mode = stat.S_IMODE(os.stat(history).st_mode)
    check(mode == 0o600, f"after the second session the history file has mode {mode:04o}, not 0600")


def test_hangup_keeps_history_and_export(t):
    # Closing the terminal (here: killing the tmux session, which hangs up its terminal) ends
    # the session as Ctrl-D would: the history and the --export summary are still written.
    s = t.session(["--lang", "en"])
    s.wait_prompt()
    s.say("my back hurts")
    s.type("half typed")
    s.close()
    history = os.path.join(s.state, "koshi", "history")
    s.wait(lambda: os.path.exists(history) and os.path.exists(s.export),
           "the history and the export file after a hangup")
    time.sleep(0.2)  # both are complete once koshi has exited
    check(s.transcript() == ["my back hurts"], f"the export after a hangup holds {s.transcript()!r}")
    again = t.session(["--lang", "en"], folder=s.folder)
    again.wait_prompt()
    again.keys("Up")
    again.wait_line("> my back hurts")
    again.keys("C-u", "C-d")
    end_cleanly(again, "Ctrl-D")


def test_sigterm_ends_cleanly(t):
    # `kill PID` while koshi waits for a line ends the session as Ctrl-D would.
    s = t.session(["--lang", "en"])
    s.wait_prompt()
    s.say("my back hurts")
    os.kill(s.koshi_pid(), signal.SIGTERM)
    end_cleanly(s, "SIGTERM")
    check(s.transcript() == ["my back hurts"], f"the export after SIGTERM holds {s.transcript()!r}")
    check(os.path.exists(os.path.join(s.state, "koshi", "history")), "SIGTERM lost the history")


def test_history_default_folder(t):
    s = t.session(["--lang", "en"], state=False)
    s.wait_prompt()
    s.say("my back hurts")
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    history = os.path.join(s.home, ".local", "state", "koshi", "history")
    check(os.path.isfile(history),
          f"without XDG_STATE_HOME the history is not at ~/.local/state/koshi/history")
    mode = stat.S_IMODE(os.stat(history).st_mode)
    check(mode == 0o600, f"the history file has mode {mode:04o}, not 0600")


def test_history_never_a_link_or_fifo(t):
    # A history path that is a link must not carry the lines into the file it points at, and one
    # that is a FIFO must not keep koshi from starting.
    folder = t.folder("history-link")
    state = os.path.join(folder, "state", "koshi")
    os.makedirs(state, mode=0o700)
    victim = os.path.join(folder, "victim.txt")
    with open(victim, "w", encoding="utf-8") as handle:
        handle.write("not koshi's\n")
    os.chmod(victim, 0o644)
    os.symlink(victim, os.path.join(state, "history"))
    s = t.session(["--lang", "en"], folder=folder)
    s.wait_prompt()
    s.say("my back hurts")
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    with open(victim, encoding="utf-8") as handle:
        check(handle.read() == "not koshi's\n", "the history was written through a link into another file")
    check(stat.S_IMODE(os.stat(victim).st_mode) == 0o644, "the linked file's mode was changed")

    fifo_folder = t.folder("history-fifo")
    fifo_state = os.path.join(fifo_folder, "state", "koshi")
    os.makedirs(fifo_state, mode=0o700)
    os.mkfifo(os.path.join(fifo_state, "history"), 0o600)
    f = t.session(["--lang", "en"], folder=fifo_folder)
    f.wait_prompt()
    f.say("my back hurts")
    f.keys("C-d")
    end_cleanly(f, "Ctrl-D")


def test_no_history(t):
    folder = t.folder("no-history")
    # A history file kept by an earlier session, in libedit's format, must stay untouched.
    history = os.path.join(folder, "state", "koshi", "history")
    os.makedirs(os.path.dirname(history), mode=0o700)
    with open(history, "w", encoding="utf-8") as handle:
        handle.write("_HiStOrY_V2_\nan\\040earlier\\040line\n")
    os.chmod(history, 0o600)
    before = snapshot(os.path.join(folder, "state"))
    time.sleep(0.01)

    s = t.session(["--lang", "en", "--no-history"], folder=folder)
    s.wait_prompt()
    s.say("my back hurts")
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    check(s.transcript() == ["my back hurts"], "the line was not received")
    after = snapshot(os.path.join(folder, "state"))
    check(after == before, "with --no-history the state folder changed: "
          f"{sorted(set(after) ^ set(before)) or 'the history file was rewritten'}")
    check(not os.path.exists(os.path.join(s.home, ".local")),
          "with --no-history something was written under ~/.local")


def test_tab_completion(t):
    s = t.session(["--lang", "en"])
    s.wait_prompt()
    s.type("/he")
    s.keys("Tab")
    s.wait_line("> /help ")
    s.keys("Enter")
    s.wait_text("/summary")
    s.wait_prompt()
    # /region is a command like the others: Tab completes it.
    s.type("/reg")
    s.keys("Tab")
    s.wait_line("> /region ")
    s.type("GB")
    s.keys("Enter")
    s.wait_text("Region set to GB")
    s.wait_prompt()
    # An ambiguous prefix completes as far as the candidates agree, then lists them.
    s.type("/e")
    s.keys("Tab")
    s.wait_line("> /ex")
    s.keys("Tab")
    s.wait_text("/export  /exit")
    s.wait_line("> /ex")
    s.type("i")
    s.keys("Tab")
    s.wait_line("> /exit ")
    s.keys("Enter")
    end_cleanly(s, "/exit")
    # Commands are not user turns in the transcript, but /help's reply is the advisor's.
    check(any("/summary" in text for text in s.transcript("advisor")),
          "the exported transcript has no /help reply from the advisor")
    check(s.transcript() == [], f"stray user lines reached the engine: {s.transcript()!r}")


def test_other_keys_leave_no_text(t):
    # Keys libedit has no binding for would leave the tail of their sequence ("5C", "~") in the
    # line, and koshi would read it: "I am 4" and Ctrl-Right became "45".
    s = t.session(["--lang", "en"])
    s.wait_prompt()
    s.type("I am 4")
    s.keys("C-Right", "F5", "PageUp", "IC", "F12", "C-Left")
    s.wait_line("> I am 4", column=7)
    s.keys("End", "Enter")
    s.wait_prompt()
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    check(s.transcript() == ["I am 4"], f"the engine received {s.transcript()!r}, not ['I am 4']")


def test_ctrl_c_abandons_the_line(t):
    s = t.session(["--lang", "en"])
    s.wait_prompt()
    s.type("half typed words")
    s.wait_line("> half typed words")
    s.keys("C-c")
    s.wait_prompt()
    s.say("my lower back aches")
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    received = s.transcript()
    check(received == ["my lower back aches"],
          f"after Ctrl-C the engine received {received!r}, not only ['my lower back aches']")


def test_ctrl_d_ends_the_session(t):
    s = t.session(["--lang", "ja"])
    s.wait_prompt()
    # Within a line, Ctrl-D deletes the character under the cursor and the session goes on.
    s.type("腰が痛い")
    s.keys("Left", "Left", "C-d")
    s.wait_line("> 腰がい", column=6)
    s.keys("End", "C-d")  # at the end of a line it does nothing
    s.wait_line("> 腰がい", column=8)
    s.keys("Home", "DC")  # Home and Delete, whatever TERM says
    s.wait_line("> がい", column=2)
    s.keys("C-u")
    s.wait_prompt()
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    check(os.path.exists(s.export), "Ctrl-D did not write the --export file")
    check(s.transcript() == [], f"the engine received {s.transcript()!r}, not nothing")
    s.wait_text("お大事になさってください。")
    check("^D" not in s.screen(), "Ctrl-D left a visible '^D' after the prompt")


def test_quit_ends_the_session(t):
    s = t.session(["--lang", "en"])
    s.wait_prompt()
    s.type("/quit")
    s.keys("Enter")
    end_cleanly(s, "/quit")
    check(os.path.exists(s.export), "/quit did not write the --export file")
    s.transcript()
    s.wait_text("Take care.")


def test_without_libedit(t):
    # A libedit that cannot be loaded (here an empty file found first on the library path)
    # leaves a chat that still works: it says why, prompts, and ends and exports as usual.
    folder = t.folder("without-libedit")
    broken = os.path.join(folder, "lib")
    os.makedirs(broken)
    for name in ("libedit.so.2", "libedit.so"):
        open(os.path.join(broken, name), "w").close()
    s = t.session(["--lang", "en"], folder=folder, extra_env={"LD_LIBRARY_PATH": broken})
    s.wait_text("line editing is off")
    s.wait_text("file too short")
    s.wait_prompt()
    s.say("my lower back aches")
    s.wait_text("a few signs that need urgent care")
    s.type("half typed words")
    s.keys("C-c")
    s.wait_prompt()
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    received = s.transcript()
    check(received == ["my lower back aches"],
          f"without libedit the engine received {received!r}, not only ['my lower back aches']")


def test_colours(t):
    def raw_screen(extra_env, term="xterm-256color"):
        s = t.session(["--lang", "en"], extra_env=extra_env, term=term)
        s.wait_prompt()
        s.type("/help")
        s.keys("Enter")
        s.wait_text("/summary")
        s.wait_prompt()
        raw = s.screen(escapes=True)
        s.keys("C-d")
        end_cleanly(s, "Ctrl-D")
        return raw

    coloured = raw_screen({})
    check("\x1b[" in coloured, "with TERM=xterm-256color and no NO_COLOR there is no colour")
    # The prompt's colour ends before what is typed: the typed line and the replies are plain.
    typed = next((line for line in coloured.split("\n") if "/help" in line and ">" in line), "")
    check(re.search(r"\x1b\[0?m[^>]*/help", typed) is not None,
          f"the prompt's colour runs on into the typed text: {typed!r}")
    check("\x1b[" not in raw_screen({"NO_COLOR": "1"}), "with NO_COLOR=1 there are colours")
    check("\x1b[" not in raw_screen({}, term="dumb"), "with TERM=dumb there are colours")


def test_wrapping(t):
    width = 40
    for language, line in (("ja", "3日前から腰が痛くて、右足もしびれます"),
                           ("en", "my lower back has hurt for three days")):
        s = t.session(["--lang", language], width=width, height=40)
        s.wait_prompt()
        s.say(line)
        # Joined: a line koshi did not break itself shows up longer than the pane.
        lines = [l.rstrip() for l in s.screen(joined=True).split("\n")]
        s.keys("C-d")
        end_cleanly(s, "Ctrl-D")
        reply = [l for l in lines if l and not l.startswith(">")]
        too_long = [l for l in reply if cells(l) > width]
        check(not too_long, f"--lang {language}: lines wider than {width} cells: {too_long!r}")
        check(len(reply) >= 3 and max(cells(l) for l in reply) > width * 3 // 4,
              f"--lang {language}: the reply is too short to show wrapping: {reply!r}")


def test_wrapping_after_resize(t):
    # The width is the terminal's when the reply is written, not when the session started.
    s = t.session(["--lang", "en"], width=80)
    s.wait_prompt()
    t.tmux.run("resize-window", "-t", s.name, "-x", "40")
    s.wait(lambda: s.tmux.run("display-message", "-p", "-t", s.name, "#{pane_width}").strip() == "40",
           "the pane to be 40 columns wide")
    time.sleep(KEY_GAP)
    s.say("my lower back has hurt for three days")
    lines = [l.rstrip() for l in s.screen(joined=True).split("\n")]
    s.keys("C-d")
    end_cleanly(s, "Ctrl-D")
    start = max(i for i, l in enumerate(lines) if l.startswith("> my lower back"))
    too_long = [l for l in lines[start + 1:] if cells(l) > 40]
    check(not too_long, f"after a resize to 40 columns, reply lines are wider: {too_long!r}")


CASES = [
    test_wide_character_editing,
    test_mixed_width_editing,
    test_history_across_sessions,
    test_history_default_folder,
    test_history_never_a_link_or_fifo,
    test_hangup_keeps_history_and_export,
    test_sigterm_ends_cleanly,
    test_no_history,
    test_tab_completion,
    test_other_keys_leave_no_text,
    test_ctrl_c_abandons_the_line,
    test_ctrl_d_ends_the_session,
    test_quit_ends_the_session,
    test_without_libedit,
    test_colours,
    test_wrapping,
    test_wrapping_after_resize,
]

# Cases for behaviour not built yet, run only when named.
PENDING = []


class Run:
    """What the cases share: the binary, the tmux server and a temporary folder."""

    def __init__(self, koshi, tmux, root):
        self.koshi = koshi
        self.tmux = tmux
        self.root = root
        self.sessions = []

    def folder(self, name):
        path = os.path.join(self.root, name)
        os.makedirs(path, exist_ok=True)
        return path

    def session(self, args, folder=None, **options):
        folder = folder or self.folder(f"case-{Session.counter + 1}")
        session = Session(self.tmux, self.koshi, folder, args, **options)
        self.sessions.append(session)
        return session

    def close_sessions(self):
        for session in self.sessions:
            session.close()
        self.sessions = []


def main():
    if len(sys.argv) < 2:
        print("usage: repl_test.py PATH/TO/koshi [CASE...]", file=sys.stderr)
        return 2
    names = {case.__name__.removeprefix("test_"): case for case in CASES + PENDING}
    unknown = [name for name in sys.argv[2:] if name not in names]
    if unknown:
        print(f"repl_test: no case {', '.join(unknown)}; the cases are {', '.join(names)}",
              file=sys.stderr)
        return 2
    cases = [names[name] for name in sys.argv[2:]] or CASES
    koshi = os.path.abspath(sys.argv[1])
    if not os.access(koshi, os.X_OK):
        print(f"repl_test: {koshi} is not an executable", file=sys.stderr)
        return 2
    if shutil.which("tmux") is None:
        print("repl_test: tmux is needed (apt-get install tmux)", file=sys.stderr)
        return 2

    root = tempfile.mkdtemp(prefix="koshi-repl-test-")
    tmux = Tmux(root)
    failures = 0
    started = time.monotonic()
    # Killed from outside (a CI timeout), still clean up the tmux server and the folder.
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda number, _: sys.exit(128 + number))
    try:
        try:
            tmux.start()
        except Failure as failure:
            print(f"repl_test: cannot start tmux: {failure}", file=sys.stderr)
            return 2
        run = Run(koshi, tmux, root)
        for case in cases:
            name = case.__name__.removeprefix("test_")
            try:
                case(run)
                print(f"ok    {name}")
            except Failure as failure:
                failures += 1
                print(f"FAIL  {name}: {failure}")
            except Exception as error:  # a bug in the test itself still reports and cleans up
                failures += 1
                print(f"FAIL  {name}: {type(error).__name__}: {error}")
            finally:
                run.close_sessions()
            sys.stdout.flush()
    finally:
        tmux.kill()
        shutil.rmtree(root, ignore_errors=True)
    elapsed = time.monotonic() - started
    if failures:
        print(f"repl_test: {failures} of {len(cases)} cases failed ({elapsed:.1f} s)")
        return 1
    print(f"repl_test: all {len(cases)} cases passed ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
