#!/usr/bin/env python3
"""koshi's automaton side by side with pyahocorasick, on exactly the same patterns and text.

koshi-bench --dump-corpus writes the lexicon's folded synonyms (patterns.txt, one a line) and a few
megabytes of folded mixed Japanese and English text (text.txt). This script builds pyahocorasick
over those patterns, counts every match in the text (as koshi's Automaton.scan reports them: every
pattern ending at every position), asks koshi-bench --scan-corpus to do the same, checks that the
two counts agree, and prints both rates and their ratio.

    python3 pyahocorasick_compare.py --bench .build/release/koshi-bench [--dir DIR] [--json]

pyahocorasick is needed only here (pip install pyahocorasick); koshi never needs Python.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time


def load_corpus(folder):
    with open(os.path.join(folder, "patterns.txt"), encoding="utf-8", newline="") as f:
        patterns = [p for p in f.read().split("\n") if p]
    with open(os.path.join(folder, "text.txt"), encoding="utf-8", newline="") as f:
        text = f.read()
    return patterns, text


def scan_with_pyahocorasick(patterns, text, repeat):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for index, pattern in enumerate(patterns):
        automaton.add_word(pattern, index)
    automaton.make_automaton()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        # A zero-length deque drains the iterator in C: the fastest way to consume it from Python.
        collections.deque(automaton.iter(text), maxlen=0)
        best = min(best, time.perf_counter() - start)
    matches = sum(1 for _ in automaton.iter(text))
    size = len(text.encode("utf-8"))
    return {"bytes": size, "patterns": len(patterns), "matches": matches, "seconds": best, "mb_s": size / best / 1e6}


def scan_with_koshi(bench, folder):
    out = subprocess.run([bench, "--scan-corpus", folder], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", required=True, help="the koshi-bench binary")
    parser.add_argument("--dir", help="a corpus folder written by --dump-corpus (default: a new one)")
    parser.add_argument("--repeat", type=int, default=5, help="timed scans on each side; the best counts")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="koshi-corpus-") as scratch:
        folder = args.dir or scratch
        if not os.path.exists(os.path.join(folder, "text.txt")):
            subprocess.run([args.bench, "--dump-corpus", folder], check=True, stdout=subprocess.DEVNULL)
        patterns, text = load_corpus(folder)
        python = scan_with_pyahocorasick(patterns, text, args.repeat)
        koshi = scan_with_koshi(args.bench, folder)

    agree = python["matches"] == koshi["matches"] and python["patterns"] == koshi["patterns"]
    ratio = koshi["mb_s"] / python["mb_s"]
    if args.json:
        print(json.dumps({"koshi": koshi, "pyahocorasick": python, "ratio": ratio, "counts_agree": agree}, indent=2))
    else:
        print(f"Automaton vs pyahocorasick ({python['bytes'] / 1e6:.1f} MB of folded text, {python['patterns']} patterns)")
        print(f"  koshi Automaton.scan     {koshi['mb_s']:8.1f} MB/s  {koshi['matches']} matches")
        print(f"  pyahocorasick iter       {python['mb_s']:8.1f} MB/s  {python['matches']} matches")
        verdict = "met" if ratio >= 1 else "MISSED"
        print(f"  koshi / pyahocorasick    {ratio:8.2f}×       target ≥ 1×  {verdict}")
        print(f"  match counts             {'agree' if agree else 'DISAGREE'}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
