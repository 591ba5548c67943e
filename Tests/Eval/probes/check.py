#!/usr/bin/env python3
"""Regression floors for the probe sets: patients and sentences written by outside testers who
never read Knowledge/, in rounds, while koshi was being improved. Each set runs through the same
simulate.py as the shipped examples; this fails when a set falls below its floor or a dialogue is
under-triaged, so that a change to the knowledge or the reader that loses ground is caught.

    python3 Tests/Eval/probes/check.py EVAL_DIR KOSHI
"""
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Floors a little under what koshi scores when they were set: room for a reasonable trade, not for a slide.
FINDINGS_F1_FLOOR = 0.90
DIALOGUES_ACCURACY_FLOOR = 0.97


def run(simulate, mode, path, koshi):
    # simulate.py exits 1 when anything is wrong, which a probe set allows: the floors decide.
    result = subprocess.run([sys.executable, simulate, mode, path, "--koshi", koshi],
                            capture_output=True, text=True, timeout=600)
    if not re.search(r"f1 [0-9.]+|accuracy [0-9.]+", result.stdout):
        sys.exit(f"probes: simulate.py {mode} {os.path.basename(path)} gave no score:\n{result.stdout[-2000:]}{result.stderr}")
    return result.stdout


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    simulate, koshi = os.path.join(sys.argv[1], "simulate.py"), sys.argv[2]
    failures = []
    for path in sorted(glob.glob(os.path.join(HERE, "findings-*.json"))):
        out = run(simulate, "findings", path, koshi)
        f1 = float(re.search(r"f1 ([0-9.]+)", out).group(1))
        print(f"probes: {os.path.basename(path)}: f1 {f1:.3f}")
        if f1 < FINDINGS_F1_FLOOR:
            failures.append(f"{os.path.basename(path)}: f1 {f1:.3f} < {FINDINGS_F1_FLOOR}")
    for path in sorted(glob.glob(os.path.join(HERE, "dialogues-*.json"))):
        out = run(simulate, "dialogues", path, koshi)
        accuracy = float(re.search(r"accuracy ([0-9.]+)", out).group(1))
        under = int(re.search(r"under-triage (\d+)", out).group(1))
        failed = int(re.search(r"failed (\d+)", out).group(1))
        print(f"probes: {os.path.basename(path)}: accuracy {accuracy:.3f}, under-triage {under}, failed {failed}")
        if under or failed:
            wrong = [line for line in out.splitlines() if "UNDER" in line or "ERROR" in line]
            failures.append(f"{os.path.basename(path)}: {under} under-triaged, {failed} failed\n  " + "\n  ".join(wrong))
        if accuracy < DIALOGUES_ACCURACY_FLOOR:
            failures.append(f"{os.path.basename(path)}: accuracy {accuracy:.3f} < {DIALOGUES_ACCURACY_FLOOR}")
    if failures:
        sys.exit("probes: below the floor:\n" + "\n".join(failures))
    print("probes: all sets at or above their floors")


if __name__ == "__main__":
    main()
