"""Makes the NEW side of the diff benchmark from a generated PRIOR manifest.

Every 50th line gets a changed label (an update), every 30th has its keys reordered and `1` written as
`1.0` (no change in meaning), and 1% more lines with new source-refs are appended (additions); the last
1,000 lines of PRIOR are left out (only in prior). Usage: make-diff-pair.py PRIOR NEW [REORDER_EVERY]

REORDER_EVERY (default 30) sets how often a line is rewritten without a change in meaning: 4 rewrites a
quarter of them, as a dataset pulled from the service is written differently from the local file.
"""
import json
import sys


def main(prior_path, new_path, reorder_every=30):
    with open(prior_path, "rb") as handle:
        lines = handle.read().splitlines()
    kept = lines[:-1000]
    with open(new_path, "wb") as out:
        for index, raw in enumerate(kept):
            if index % 50 == 0:
                value = json.loads(raw)
                for key, member in value.items():
                    if key.endswith("-metadata") and "class-name" in member:
                        member["class-name"] += "-v2"
                out.write(json.dumps(value, separators=(",", ":")).encode() + b"\n")
            elif index % reorder_every == 0:
                value = json.loads(raw)
                reordered = dict(reversed(list(value.items())))
                out.write(json.dumps(reordered, separators=(",", ":")).replace(":1,", ":1.0,").encode() + b"\n")
            else:
                out.write(raw + b"\n")
        extra = len(lines) // 100
        for index in range(extra):
            value = json.loads(lines[index])
            value["source-ref"] = value["source-ref"].replace("IMG_", "NEW_")
            out.write(json.dumps(value, separators=(",", ":")).encode() + b"\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 30)
