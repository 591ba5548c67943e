# koshi: `make chat` sets up and starts the chat; `make test` sets up and runs every test.
# Set-up installs what Debian must provide (libedit-dev to build; tmux and python3 to test)
# when it is missing, then builds with SwiftPM. Nothing here needs the network but apt-get.

SWIFT        ?= swift
EVAL         ?= $(if $(wildcard ../shared/eval/simulate.py),../shared/eval,Tests/Eval)
DEBUG_BIN    := .build/debug/koshi
RELEASE_BIN  := .build/release/koshi
# The Swift runtime linked in: the binary starts faster and runs after being copied anywhere.
RELEASE      := -c release --static-swift-stdlib

.PHONY: chat test setup setup-test build release unit kb transcripts simulate probes terminal bench fuzz fuzz-libfuzzer clean help \
	install uninstall install-files install-test

help:
	@echo "make chat   set up, build and start the chat"
	@echo "make test   set up, build and run every test (what CI runs)"
	@echo "make install    install koshi, its man page and shell completions under PREFIX (default /usr/local; DESTDIR honoured)"
	@echo "make uninstall  remove exactly what make install installed"
	@echo "make bench  measure start-up, turn latency, matcher throughput and memory"
	@echo "make fuzz   fuzz the engine for FUZZ_SECONDS (default 60)"
	@echo "make fuzz-libfuzzer  coverage-guided fuzzing with AddressSanitizer, for FUZZ_SECONDS"

# install_if_missing PACKAGE, COMMAND-THAT-SUCCEEDS-WHEN-PRESENT
define install_if_missing
	@if ! $(2) >/dev/null 2>&1; then \
	  echo "koshi: $(1) is missing; installing it with apt-get"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
	  else echo "koshi: cannot install $(1): not root and no sudo. Please run: apt-get install $(1)" >&2; exit 1; fi; \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "koshi: cannot install $(1): apt-get is not available. Please install $(1) with your package manager." >&2; exit 1; fi; \
	  $$SUDO apt-get install -y $(1) >/dev/null 2>&1 || { $$SUDO apt-get update >/dev/null && $$SUDO apt-get install -y $(1); } \
	  || { echo "koshi: apt-get could not install $(1)" >&2; exit 1; }; \
	fi
endef

setup:
	$(call install_if_missing,pkg-config,command -v pkg-config)
	$(call install_if_missing,libedit-dev,pkg-config --exists libedit)

setup-test: setup
	$(call install_if_missing,tmux,command -v tmux)
	$(call install_if_missing,python3,command -v python3)

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build $(RELEASE)

chat: release
	@$(RELEASE_BIN) $(ARGS)

# Every test: unit tests, the knowledge base check, the transcripts, the simulated patients,
# and the line editor under a pseudo-terminal.
test: setup-test build unit kb transcripts simulate probes terminal install-test
	@echo "all tests passed"

unit: build
	$(SWIFT) test

kb: build
	$(DEBUG_BIN) kb check

transcripts: build
	$(DEBUG_BIN) test Tests/Transcripts

simulate: build
	python3 $(EVAL)/simulate.py findings $(EVAL)/findings.example.json --koshi $(DEBUG_BIN)
	python3 $(EVAL)/simulate.py dialogues $(EVAL)/dialogues.example.json --koshi $(DEBUG_BIN)
	python3 $(EVAL)/simulate.py dialogues $(EVAL)/dialogues.realistic.example.json --realistic --koshi $(DEBUG_BIN)

# Patients and sentences from outside testers (Tests/Eval/probes): floors, and no under-triage.
probes: build
	python3 Tests/Eval/probes/check.py $(EVAL) $(DEBUG_BIN)

terminal: setup-test build
	python3 Tests/Terminal/repl_test.py $(DEBUG_BIN)

# Installed like any command-line tool: the release binary, its man page and completions for
# bash, zsh and fish, in the usual places under PREFIX. The man page and the completions are
# generated from ArgumentParser's declarations (swift-argument-parser's generate-manual tool and
# --generate-completion-script), so they say what `koshi --help` says.
PREFIX    ?= /usr/local
DESTDIR   ?=
GENERATED := .build/install
INSTALLED_BIN  := $(DESTDIR)$(PREFIX)/bin/koshi
INSTALLED_MAN  := $(DESTDIR)$(PREFIX)/share/man/man1/koshi.1
INSTALLED_BASH := $(DESTDIR)$(PREFIX)/share/bash-completion/completions/koshi
INSTALLED_ZSH  := $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_koshi
INSTALLED_FISH := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/koshi.fish

install-files: setup
	$(SWIFT) build $(RELEASE) --product koshi
	$(SWIFT) build $(RELEASE) --product generate-manual
	@mkdir -p $(GENERATED)
	.build/release/generate-manual $(RELEASE_BIN) --output-directory $(GENERATED)
	$(RELEASE_BIN) --generate-completion-script bash > $(GENERATED)/koshi.bash
	$(RELEASE_BIN) --generate-completion-script zsh > $(GENERATED)/_koshi
	$(RELEASE_BIN) --generate-completion-script fish > $(GENERATED)/koshi.fish

install: install-files
	install -D -m 755 $(RELEASE_BIN) $(INSTALLED_BIN)
	install -D -m 644 $(GENERATED)/koshi.1 $(INSTALLED_MAN)
	install -D -m 644 $(GENERATED)/koshi.bash $(INSTALLED_BASH)
	install -D -m 644 $(GENERATED)/_koshi $(INSTALLED_ZSH)
	install -D -m 644 $(GENERATED)/koshi.fish $(INSTALLED_FISH)

uninstall:
	rm -f $(INSTALLED_BIN) $(INSTALLED_MAN) $(INSTALLED_BASH) $(INSTALLED_ZSH) $(INSTALLED_FISH)

# Installs into a temporary DESTDIR, checks every file (the man page renders, the completion
# scripts parse), uninstalls, and checks that nothing is left.
install-test: setup-test
	sh Tests/Install/install_test.sh "$(MAKE)"

# Measures start-up against a print-only Swift program, per-turn latency, matcher throughput,
# linearity, peak memory and `koshi test` throughput, then koshi's automaton beside pyahocorasick
# on the same patterns and text. pyahocorasick goes into a venv under .build: koshi never needs it.
BENCH_VENV := .build/bench-venv

bench: release
	.build/release/koshi-bench $(BENCH_ARGS)
	@test -x $(BENCH_VENV)/bin/pip || python3 -m venv --clear $(BENCH_VENV) \
	  || { echo "koshi: python3 -m venv failed (on Debian: apt-get install python3-venv)" >&2; exit 1; }
	@$(BENCH_VENV)/bin/python -c 'import ahocorasick' 2>/dev/null || $(BENCH_VENV)/bin/pip install --quiet pyahocorasick
	$(BENCH_VENV)/bin/python Sources/KoshiBench/pyahocorasick_compare.py --bench .build/release/koshi-bench

FUZZ_SECONDS ?= 60
FUZZ_SEED    ?= 1
# -Xswiftc flags reach every target, the knowledge embedder too: so no -parse-as-library (koshi-fuzz
# keeps its main and calls LLVMFuzzerRunDriver), and lld, because gold fails on the fuzzer's objects.
LIBFUZZER_BUILD := $(SWIFT) build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
	-Xswiftc -DKOSHI_LIBFUZZER -Xswiftc -use-ld=lld --product koshi-fuzz
LIBFUZZER_ARGS ?=

# The deterministic fuzzer: the same seed tries the same inputs. A failing input is shrunk and
# written to fuzz-corpus/; `koshi-fuzz --replay FILE` reproduces it.
fuzz: release
	@mkdir -p fuzz-corpus
	.build/release/koshi-fuzz --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED) --artifacts fuzz-corpus

# Coverage-guided fuzzing with libFuzzer and AddressSanitizer, seeded with generated inputs and
# the knowledge base's words; crashes land in fuzz-corpus/ as crash-*. Swift's backtracer is off
# because it trips AddressSanitizer. To go on past crashes: LIBFUZZER_ARGS="-fork=1 -ignore_crashes=1".
fuzz-libfuzzer: release
	@mkdir -p fuzz-corpus/inputs
	.build/release/koshi-fuzz --write-dictionary fuzz-corpus/koshi.dict
	@[ -n "$$(ls fuzz-corpus/inputs)" ] || .build/release/koshi-fuzz --write-corpus fuzz-corpus/inputs --count 500
	$(LIBFUZZER_BUILD)
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/koshi-fuzz -dict=fuzz-corpus/koshi.dict \
	  -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=fuzz-corpus/ $(LIBFUZZER_ARGS) fuzz-corpus/inputs

clean:
	rm -rf .build .build-fuzz
