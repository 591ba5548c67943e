#!/usr/bin/env python3
"""Regression floors for the probe sets: patients and sentences written by outside testers who
never read Knowledge/, in rounds, and excerpts shaped on real people's posts. Each findings set is
scored as simulate.py scores it (by koshi-eval, in-process, which gives the same figures in a
second); each dialogue set through simulate.py with --realistic patients. This fails when a set
falls below its floor (floors.json: its score when last raised, minus 0.01), when a dialogue is
under-triaged, or when a finding is made absent that the patient never denied.

    python3 Tests/Eval/probes/check.py EVAL_DIR KOSHI [--raise]

--raise rewrites floors.json with today's scores minus 0.01 where they are higher.
"""
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FLOORS = os.path.join(HERE, "floors.json")
ROOM = 0.01


def findings_f1(koshi, path):
    evaluator = os.path.join(os.path.dirname(koshi), "koshi-eval")
    concepts = os.path.join(HERE, "..", "concepts.tsv")
    result = subprocess.run([evaluator, "--concepts", concepts, path], capture_output=True, text=True, timeout=600)
    match = re.search(r"^%s: .*f1 ([0-9.]+)$" % re.escape(os.path.basename(path)), result.stdout, re.M)
    if not match:
        sys.exit(f"probes: koshi-eval gave no score for {path}:\n{result.stdout[-2000:]}{result.stderr}")
    return float(match.group(1))


def dialogues(simulate, koshi, path):
    # simulate.py exits 1 when anything is wrong, which a probe set allows: the floors decide.
    result = subprocess.run([sys.executable, simulate, "dialogues", path, "--koshi", koshi, "--realistic"],
                            capture_output=True, text=True, timeout=1800)
    out = result.stdout
    if not re.search(r"accuracy [0-9.]+", out):
        sys.exit(f"probes: simulate.py dialogues {os.path.basename(path)} gave no score:\n{out[-2000:]}{result.stderr}")
    figures = {
        "accuracy": float(re.search(r"accuracy ([0-9.]+)", out).group(1)),
        "under": int(re.search(r"under-triage (\d+)", out).group(1)),
        "failed": int(re.search(r"failed (\d+)", out).group(1)),
        "absent": int(re.search(r"absent without denial: (\d+) dialogues", out).group(1)),
        "repeated": int(re.search(r"repeated questions: (\d+)", out).group(1)),
    }
    wrong = [line for line in out.splitlines() if "UNDER" in line or "ERROR" in line]
    return figures, wrong


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    raising = "--raise" in sys.argv
    simulate, koshi = os.path.join(args[0], "simulate.py"), args[1]
    floors = json.load(open(FLOORS)) if os.path.exists(FLOORS) else {}
    scores, failures = {}, []
    for path in sorted(glob.glob(os.path.join(HERE, "findings-*.json"))):
        name = os.path.basename(path)
        scores[name] = f1 = findings_f1(koshi, path)
        floor = floors.get(name, 0.0)
        print(f"probes: {name}: f1 {f1:.3f} (floor {floor:.3f})")
        if f1 < floor:
            failures.append(f"{name}: f1 {f1:.3f} < {floor:.3f}")
    for path in sorted(glob.glob(os.path.join(HERE, "dialogues-*.json"))):
        name = os.path.basename(path)
        figures, wrong = dialogues(simulate, koshi, path)
        scores[name] = figures["accuracy"]
        floor = floors.get(name, 0.0)
        print(f"probes: {name}: accuracy {figures['accuracy']:.3f} (floor {floor:.3f}), under-triage {figures['under']}, "
              f"absent without denial {figures['absent']}, repeated questions {figures['repeated']}")
        if figures["under"] or figures["failed"]:
            failures.append(f"{name}: {figures['under']} under-triaged, {figures['failed']} failed\n  " + "\n  ".join(wrong))
        if figures["absent"]:
            failures.append(f"{name}: {figures['absent']} dialogues with a finding absent that the patient never denied")
        if figures["accuracy"] < floor:
            failures.append(f"{name}: accuracy {figures['accuracy']:.3f} < {floor:.3f}")
    if raising:
        raised = {name: round(max(floors.get(name, 0.0), score - ROOM), 3) for name, score in scores.items()}
        with open(FLOORS, "w") as out:
            json.dump(raised, out, indent=1, sort_keys=True)
            out.write("\n")
        print(f"probes: floors written to {os.path.relpath(FLOORS)}")
    if failures:
        sys.exit("probes: below the floor:\n" + "\n".join(failures))
    print("probes: all sets at or above their floors")


if __name__ == "__main__":
    main()
