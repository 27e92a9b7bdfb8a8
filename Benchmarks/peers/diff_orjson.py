"""Peer for `clmanifest diff`: the same classification with orjson, keyed by source-ref.

Canonical form: orjson.dumps with sorted keys, the service-added keys removed; numbers compare as
Python values (1 == 1.0). Prints the counts. Usage: diff_orjson.py PRIOR NEW
"""
import sys

import orjson

SERVICE_KEYS = ("cl-metadata", "cl-errors", "errors", "warnings")


def canonical(line):
    value = orjson.loads(line)
    for key in SERVICE_KEYS:
        value.pop(key, None)
    return value


def main(prior_path, new_path):
    prior = {}
    with open(prior_path, "rb") as handle:
        for line in handle:
            if line.strip():
                value = canonical(line)
                prior[value["source-ref"]] = value
    added = updated = unchanged = 0
    seen = set()
    with open(new_path, "rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            value = canonical(line)
            key = value["source-ref"]
            seen.add(key)
            old = prior.get(key)
            if old is None:
                added += 1
            elif old == value:
                unchanged += 1
            else:
                updated += 1
    only_in_prior = len(prior) - len(seen & prior.keys())
    print(f"{added} added, {updated} updated, {unchanged} unchanged, {only_in_prior} only in prior")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
