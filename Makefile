# koshi: `make chat` sets up and starts the chat; `make test` sets up and runs every test.
# Set-up installs what Debian must provide (libedit-dev to build; tmux and python3 to test)
# when it is missing, then builds with SwiftPM. Nothing here needs the network but apt-get.

SWIFT        ?= swift
EVAL         ?= $(if $(wildcard ../shared/eval/simulate.py),../shared/eval,Tests/Eval)
DEBUG_BIN    := .build/debug/koshi
RELEASE_BIN  := .build/release/koshi

.PHONY: chat test setup setup-test build release unit kb transcripts simulate terminal bench fuzz clean help

help:
	@echo "make chat   set up, build and start the chat"
	@echo "make test   set up, build and run every test (what CI runs)"
	@echo "make bench  measure start-up, turn latency, matcher throughput and memory"
	@echo "make fuzz   fuzz the engine for FUZZ_SECONDS (default 60)"

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
	$(SWIFT) build -c release

chat: release
	@$(RELEASE_BIN) $(ARGS)

# Every test: unit tests, the knowledge base check, the transcripts, the simulated patients,
# and the line editor under a pseudo-terminal.
test: setup-test build unit kb transcripts simulate terminal
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

terminal: setup-test build
	python3 Tests/Terminal/repl_test.py $(DEBUG_BIN)

clean:
	rm -rf .build
