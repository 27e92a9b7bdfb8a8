"""Times `clmanifest fix` beside `clmanifest lint` on the same manifest with a share of fixable lines.

Usage: python3 Benchmarks/fix.py CLMANIFEST MANIFEST [RUNS] [SHARE]

Writes MANIFEST.fixable (SHARE of its lines, default 5%, given one safe defect each, seeded) unless it is
there, then runs, interleaved, RUNS times each (default 5): `lint` on it, `fix` on a fresh copy (the copy
is not timed), and `fix --diff`. Prints a Markdown table of medians, the ratio to lint, and peak RSS, and
checks that the fixed copy lints with nothing fixable left.
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
from measure import run  # noqa: E402


DEFECTS = [
    ("trailing comma", lambda line: line[:-1] + ",}"),
    ("human-annotated as true", lambda line: line.replace('"human-annotated":"yes"', '"human-annotated":true', 1)),
    ("confidence as a string", lambda line: line.replace('"confidence":1', '"confidence":"1"', 1)),
    ("misspelled source-ref", lambda line: line.replace('"source-ref"', '"source_ref"', 1)),
    ("upper-case scheme", lambda line: line.replace('"s3://', '"S3://', 1)),
    ("single quotes", lambda line: line.replace('"', "'")),
]


def make_fixable(source, target, share):
    generator = random.Random(42)
    changed = 0
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out:
        for line in lines:
            line = line.rstrip("\n")
            if generator.random() < share:
                name, defect = DEFECTS[generator.randrange(len(DEFECTS))]
                broken = defect(line)
                if broken != line:
                    changed += 1
                line = broken
            out.write(line + "\n")
    return changed


def main():
    binary, manifest = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    share = float(sys.argv[4]) if len(sys.argv) > 4 else 0.05
    fixable = manifest + ".fixable"
    if not os.path.exists(fixable):
        make_fixable(manifest, fixable, share)
    size = os.path.getsize(fixable)
    scratch = tempfile.mkdtemp()
    copy = os.path.join(scratch, "copy.manifest")
    times = {"lint": [], "fix": [], "fix --diff": []}
    peaks = {name: 0 for name in times}
    for _ in range(runs):
        seconds, peak, _ = run([binary, "lint", "--format", "jsonl", fixable])
        times["lint"].append(seconds)
        peaks["lint"] = max(peaks["lint"], peak)
        shutil.copyfile(fixable, copy)
        seconds, peak, _ = run([binary, "fix", "--format", "jsonl", copy])
        times["fix"].append(seconds)
        peaks["fix"] = max(peaks["fix"], peak)
        seconds, peak, _ = run([binary, "fix", "--diff", fixable])
        times["fix --diff"].append(seconds)
        peaks["fix --diff"] = max(peaks["fix --diff"], peak)
    findings = subprocess.run([binary, "lint", "--format", "jsonl", fixable], capture_output=True, text=True)
    fixable_count = findings.stdout.count('"applicability":"safe"')
    after = subprocess.run([binary, "lint", "--format", "jsonl", copy], capture_output=True, text=True)
    left = after.stdout.count('"applicability":"safe"')
    lines = sum(1 for _ in open(fixable, "rb"))
    print(f"File: {os.path.basename(fixable)}, {lines:,} lines, {size / 1e6:.1f} MB, "
          f"{fixable_count:,} findings with a safe fix; median of {runs} runs, interleaved")
    print()
    print("| command | median s | MB/s | × lint | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    base = statistics.median(times["lint"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| clmanifest {name} | {median:.3f} | {size / 1e6 / median:.0f} | {median / base:.2f} | "
              f"{peaks[name] / 1e6:.1f} |")
    print()
    print(f"After fix: {left} findings with a safe fix left.")
    shutil.rmtree(scratch)
    if left:
        sys.exit(1)


if __name__ == "__main__":
    main()
