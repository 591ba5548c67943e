#!/bin/sh
# `make install` into a temporary DESTDIR: every file is there and usable (the binary runs, the
# man page renders, each completion script parses in its shell, where that shell is installed),
# and `make uninstall` then leaves no file behind.
# Usage: install_test.sh MAKE (run from the repository's root, as `make install-test` does)
set -u
MAKE=${1:-make}
PREFIX=/usr/local
DEST=$(mktemp -d "${TMPDIR:-/tmp}/koshi-install-test-XXXXXX") || exit 1
trap 'rm -rf "$DEST"' EXIT INT TERM HUP
failures=0
passes=0

check() {  # check DESCRIPTION COMMAND...
    description=$1
    shift
    if "$@" >"$DEST.log" 2>&1; then
        passes=$((passes + 1))
        echo "ok    $description"
    else
        failures=$((failures + 1))
        echo "FAIL  $description"
        sed 's/^/      /' "$DEST.log" | head -20
    fi
    rm -f "$DEST.log"
}

if ! $MAKE -s install DESTDIR="$DEST" PREFIX="$PREFIX" >"$DEST.make.log" 2>&1; then
    echo "FAIL  make install DESTDIR=$DEST"
    tail -30 "$DEST.make.log"
    rm -f "$DEST.make.log"
    exit 1
fi
rm -f "$DEST.make.log"
root=$DEST$PREFIX
bin=$root/bin/koshi
page=$root/share/man/man1/koshi.1
bash_script=$root/share/bash-completion/completions/koshi
zsh_script=$root/share/zsh/site-functions/_koshi
fish_script=$root/share/fish/vendor_completions.d/koshi.fish

for file in "$bin" "$page" "$bash_script" "$zsh_script" "$fish_script"; do
    check "installed ${file#"$DEST"}" test -s "$file"
done
check "the installed koshi is executable and runs" sh -c '[ -x "$1" ] && "$1" --version | grep -q "^koshi "' sh "$bin"
check "the installed koshi works from another folder" sh -c 'cd / && printf "/quit\n" | "$1" --lang en >/dev/null' sh "$bin"
check "the man page names --region" grep -q 'region' "$page"
if command -v man >/dev/null 2>&1; then
    check "man -l renders the page" sh -c 'MANPAGER=cat MANWIDTH=80 man -l "$1" 2>/dev/null | grep -q "koshi"' sh "$page"
else
    echo "skip  man -l (man is not installed)"
fi
check "bash -n: the bash completion parses" bash -n "$bash_script"
check "the bash completion completes koshi's options" bash -c '. "$1" && complete -p koshi' sh "$bash_script"
if command -v zsh >/dev/null 2>&1; then
    check "zsh -n: the zsh completion parses" zsh -n "$zsh_script"
else
    echo "skip  zsh -n (zsh is not installed)"
fi
if command -v fish >/dev/null 2>&1; then
    check "fish -n: the fish completion parses" fish -n "$fish_script"
else
    echo "skip  fish -n (fish is not installed)"
fi

if $MAKE -s uninstall DESTDIR="$DEST" PREFIX="$PREFIX" >"$DEST.log" 2>&1; then rm -f "$DEST.log"; else cat "$DEST.log"; rm -f "$DEST.log"; fi
left=$(find "$DEST" ! -type d)
check "make uninstall leaves no file behind" test -z "$left"
[ -z "$left" ] || echo "$left" | sed 's/^/      /'

echo "install: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
