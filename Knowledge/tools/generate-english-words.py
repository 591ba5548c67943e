#!/usr/bin/env python3
"""Writes Knowledge/english.kb: the real English words that koshi's spelling corrector must leave
alone because they sit within its typo budget of an English synonym ("fewer" is not "fever",
"three" is not "threw", "ladder" is not "bladder").

The corrector reads a word of five letters or more within one edit of a synonym word, or of eight
or more within two, as that word. Only dictionary words inside that reach matter, so only they are
listed. Regenerate after adding English synonyms:

    apt-get install wamerican wbritish
    python3 Knowledge/tools/generate-english-words.py > Knowledge/english.kb
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWLEDGE = os.path.dirname(HERE)
DICTIONARIES = ["/usr/share/dict/american-english", "/usr/share/dict/british-english"]


def budget(length):
    return 2 if length >= 8 else 1 if length >= 5 else 0


def deletions(word, limit):
    result, frontier = {word}, {word}
    for _ in range(limit):
        frontier = {w[:i] + w[i + 1:] for w in frontier if len(w) > 1 for i in range(len(w))}
        result |= frontier
    return result


def distance(a, b):
    """Optimal string alignment distance (a swap of neighbours counts as one edit)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def english_vocabulary():
    words = set()
    for path in glob.glob(os.path.join(KNOWLEDGE, "*.kb")):
        if os.path.basename(path) == "english.kb":
            continue
        kind, role_is_word = None, False
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line.startswith("["):
                kind, role_is_word = line[1:].split(" ")[0], False
            if line == "role: word":
                role_is_word = True
            m = re.match(r"(en|absent\.en):\s*(.*)", line)
            if m and kind in ("concept", "cue") and not role_is_word:
                for item in m.group(2).split(","):
                    words |= set(re.findall(r"[a-z]+", item.lower()))
    return words


def main():
    vocabulary = english_vocabulary()
    targets = {w for w in vocabulary if budget(len(w)) > 0}
    index = {}
    for t in targets:
        for v in deletions(t, budget(len(t))):
            index.setdefault(v, set()).add(t)
    dictionary = set()
    for path in DICTIONARIES:
        if not os.path.exists(path):
            sys.exit(f"missing {path}: apt-get install wamerican wbritish")
        for line in open(path, encoding="utf-8", errors="ignore"):
            w = line.strip().lower()
            if re.fullmatch(r"[a-z]{4,}", w):
                dictionary.add(w)
    guarded = set()
    for w in dictionary - vocabulary:
        for v in deletions(w, 2):
            for t in index.get(v, ()):
                b = budget(len(t))
                if abs(len(t) - len(w)) <= b and distance(w, t) <= b:
                    guarded.add(w)
                    break
            if w in guarded:
                break
    out = sys.stdout
    out.write("# Real English words within the spelling corrector's reach of an English synonym: never\n")
    out.write("# read as typos (\"fewer\" is not \"fever\"). Generated from Debian's wamerican and wbritish\n")
    out.write("# by tools/generate-english-words.py; regenerate after adding English synonyms.\n\n")
    out.write("[cue english-words]\nrole: word\n")
    words = sorted(guarded)
    for i in range(0, len(words), 16):
        out.write("en: " + ", ".join(words[i:i + 16]) + "\n")


main()
