#!/usr/bin/env python3
"""planc draw through the real binary, against the independent reference
implementation of draw.md (reference_draw.py, written from the specification
alone):

- for each coordination mode, planc's draws.csv and visits.csv are byte for
  byte the reference's;
- two runs of planc draw write byte-identical folders;
- planc verify passes on the folder, and fails (exit 1) naming the registry
  when one byte of it changes.

  compare_reference.py PLANC PLANC_GEN SOURCE_DIR"""
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile

SEED = "5d0c9a7e31f2b4c86a1e0f3d2b7c9e48a6f1d3b5c7e9a0b2d4f6a8c0e2b4d6f8"
ROWS = 4000


def run(args, expect=0):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != expect:
        sys.exit(f"FAIL: {' '.join(args)} exited {result.returncode}, not {expect}\n"
                 f"{result.stdout}{result.stderr}")
    return result


def main():
    planc, gen, source = sys.argv[1:4]
    reference = os.path.join(source, "tests", "draw", "reference_draw.py")
    plan = os.path.join(source, "examples", "shishi-2024", "plan.plan")
    work = tempfile.mkdtemp(prefix="planc-compare-reference-")
    failures = checks = 0
    try:
        registry = os.path.join(work, "registry.csv")
        inspectors = os.path.join(work, "inspectors.csv")
        conflicts = os.path.join(work, "conflicts.csv")
        run([gen, "registry", "--rows", str(ROWS), "--seed", "2024", "-o", registry])
        run([gen, "inspectors", "--seed", "2024", "-o", inspectors])
        run([gen, "conflicts", "--seed", "2024", "--rows", str(ROWS), "--count", "400",
             "-o", conflicts])
        compiled = os.path.join(work, "compiled")
        run([planc, "compile", plan, "--registry", registry, "-o", compiled, "-q"])
        with open(os.path.join(compiled, "drawjobs.json"), encoding="utf-8") as f:
            jobs = json.load(f)
        data = ["--registry", registry, "--inspectors", inspectors, "--conflicts", conflicts,
                "--seed", SEED]
        for mode in ("positive", "independent", "negative"):
            for job in jobs["jobs"]:
                job["coordination"] = mode
            jobs_path = os.path.join(work, f"drawjobs-{mode}.json")
            with open(jobs_path, "w", encoding="utf-8") as f:
                json.dump(jobs, f, ensure_ascii=False, indent=2)
            ours = os.path.join(work, f"planc-{mode}")
            theirs = os.path.join(work, f"reference-{mode}")
            run([planc, "draw", jobs_path, *data, "-o", ours, "-q"])
            run([sys.executable, reference, jobs_path, *data, "-o", theirs])
            for name in ("draws.csv", "visits.csv"):
                same = filecmp.cmp(os.path.join(ours, name), os.path.join(theirs, name),
                                   shallow=False)
                rows = sum(1 for _ in open(os.path.join(ours, name), encoding="utf-8")) - 1
                print(f"{mode:12} {name:11} {rows:6} rows  "
                      f"{'identical' if same else 'DIFFERENT'}")
                failures += not same
                checks += 1
        # Determinism: a second run writes the same bytes.
        again = os.path.join(work, "planc-positive-again")
        run([planc, "draw", os.path.join(work, "drawjobs-positive.json"), *data, "-o", again, "-q"])
        first = os.path.join(work, "planc-positive")
        for name in sorted(os.listdir(first)):
            same = filecmp.cmp(os.path.join(first, name), os.path.join(again, name),
                               shallow=False)
            print(f"second run   {name:15} {'identical' if same else 'DIFFERENT'}")
            failures += not same
            checks += 1
        # Verification passes, then fails on one changed registry byte.
        verify = [planc, "verify", os.path.join(first, "manifest.json"),
                  "--inspectors", inspectors, "--conflicts", conflicts]
        run(verify + ["--registry", registry])
        changed = os.path.join(work, "registry-changed.csv")
        shutil.copy(registry, changed)
        with open(changed, "r+b") as f:
            f.seek(os.path.getsize(changed) // 2)
            byte = f.read(1)
            f.seek(-1, os.SEEK_CUR)
            f.write(bytes([byte[0] ^ 1]))
        result = run(verify + ["--registry", changed, "--lang", "en", "--color", "never"], 1)
        named = "registry-changed.csv" in result.stderr and "E0505" in result.stderr
        print(f"verify with one registry byte changed: exit 1, "
              f"{'names the file' if named else 'DOES NOT NAME THE FILE'}")
        failures += not named
        checks += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{checks - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
