#!/usr/bin/env bash
# Counts the instructions each stage of lint executes per MB (valgrind's callgrind: repeatable, unlike
# times), compares them with the committed baseline, and fails on a regression of more than 5%.
#
# Usage: Benchmarks/instructions.sh [--update]
#   --update   write the current counts as the new baseline (Benchmarks/instructions-baseline.tsv)
#
# The file is the seeded benchmark manifest of 20,000 lines (about 13 MB); each stage runs alone in
# `lint-stages FILE 1 STAGE`, so a count includes that process's start-up, the same in every run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
baseline="$root/Benchmarks/instructions-baseline.tsv"
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }

swift build -c release --package-path "$root/Benchmarks" >&2
mkdir -p "$root/Benchmarks/data"
file="$root/Benchmarks/data/bench-20000.manifest"
[ -s "$file" ] || "$root/Benchmarks/.build/release/generate-manifest" 20000 --seed 42 > "$file"
megabytes=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$file")

# valgrind reads the DWARF of Swift 6 binaries slowly and sometimes not at all; counts need no symbols.
binary=$(mktemp)
trap 'rm -f "$binary"' EXIT
cp "$root/Benchmarks/.build/release/lint-stages" "$binary"
strip --strip-debug "$binary"
chmod +x "$binary"

status=0
current=""
for stage in "read" "read + parse" "lint without schemas" "lint (all)"; do
    collected=$(SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$binary" "$file" 1 "$stage" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    per_mb=$(python3 -c "print(round($collected / $megabytes))")
    current+="$stage	$per_mb"$'\n'
    if [ -f "$baseline" ] && [ "${1:-}" != "--update" ]; then
        base=$(awk -F'\t' -v s="$stage" '$1 == s { print $2 }' "$baseline")
        if [ -n "$base" ]; then
            verdict=$(python3 -c "
ratio = $per_mb / $base
print(('REGRESSION' if ratio > 1.05 else 'ok') + f' ({(ratio - 1) * 100:+.1f}% vs baseline {$base:,})')")
            echo "$stage: $per_mb instructions/MB, $verdict"
            [[ "$verdict" == REGRESSION* ]] && status=1
            continue
        fi
    fi
    echo "$stage: $per_mb instructions/MB"
done

if [ "${1:-}" = "--update" ]; then
    printf '%s' "$current" > "$baseline"
    echo "baseline written to $baseline"
fi
exit $status
