"""Times `clmanifest stats` beside `clmanifest lint` and panlabel's `stats` on one generated manifest.

Usage: python3 Benchmarks/stats.py CLMANIFEST MANIFEST [RUNS]

MANIFEST is a generated manifest (Benchmarks/.build/release/generate-manifest LINES --seed 42, as run.sh
makes them). panlabel reads only bounding-box lines (it stops at the first image-level attribute) and wants
one class id per name in the whole file, so the tools also run on MANIFEST.boxes-only (written unless it
is there): the lines with boxes and no image-level attribute, their class ids renumbered to one id per
name. Runs, interleaved, RUNS times each (default 3):
- clmanifest lint --format jsonl MANIFEST (every rule, every core; findings to /dev/null);
- clmanifest stats --format json MANIFEST (the same lint, plus each entry's facts, the statistics and the
  dataset rules);
- clmanifest stats --format text MANIFEST;
- panlabel stats --format sagemaker --output json MANIFEST (pip install panlabel; Rust; it reads the
  bounding-box lines of a SageMaker manifest and reports its own statistics, not lint findings).
Prints a Markdown table: median seconds, peak RSS, and each as a multiple of lint's time.
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
from measure import interleaved, ratio_table  # noqa: E402


def main():
    binary = os.path.abspath(sys.argv[1])
    manifest = os.path.abspath(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    for path in [manifest, boxes_only(manifest)]:
        measure(binary, path, runs)
        print()


def boxes_only(manifest):
    path = manifest + ".boxes-only"
    if os.path.exists(path):
        return path
    ids = {}
    with open(manifest, "rb") as source, open(path, "w") as out:
        for line in source:
            if b"groundtruth/object-detection" not in line or b"groundtruth/image-classification" in line:
                continue
            entry = json.loads(line)
            for key, value in entry.items():
                if not key.endswith("-metadata") or "class-map" not in value:
                    continue
                local = value["class-map"]
                new = {local[old]: ids.setdefault(local[old], len(ids)) for old in local}
                for box in entry[key[:-len("-metadata")]]["annotations"]:
                    box["class_id"] = new[local[str(box["class_id"])]]
                value["class-map"] = {str(number): name for name, number in new.items()}
            out.write(json.dumps(entry, separators=(",", ":")) + "\n")
    return path


def measure(binary, manifest, runs):
    tools = {
        "clmanifest lint --format jsonl": [binary, "lint", "--format", "jsonl", manifest],
        "clmanifest stats --format json": [binary, "stats", "--format", "json", manifest],
        "clmanifest stats --format text": [binary, "stats", manifest],
    }
    if shutil.which("panlabel") and manifest.endswith(".boxes-only"):
        tools["panlabel stats --format sagemaker --output json (Rust)"] = [
            "panlabel", "stats", "--format", "sagemaker", "--output", "json", manifest]
    elif not shutil.which("panlabel"):
        print("(panlabel is not installed: pip install panlabel)")
    times, peaks, codes = interleaved(tools, runs)
    lines = sum(1 for _ in open(manifest, "rb"))
    print(f"File: {os.path.basename(manifest)}, {lines:,} lines, {os.path.getsize(manifest) / 1e6:.1f} MB; "
          f"median of {runs} run(s), interleaved; {os.cpu_count()} cores")
    print()
    print(ratio_table(times, peaks, codes, "lint"))


if __name__ == "__main__":
    main()
