"""Peer: Python's json.loads on every line (what a hand-written validation script does)."""
import json
import sys

with open(sys.argv[1], "rb") as f:
    for line in f:
        json.loads(line)
