#!/usr/bin/env bash
# Times `clmanifest lint` (release) against jq and Python on the same generated manifest, in one run,
# then `clmanifest diff` against an orjson peer on the file and a changed copy (make-diff-pair.py), then each
# stage of lint (read, parse, syntax rules, schemas) through the library.
#
# Usage: Benchmarks/run.sh [LINES] [RUNS] [EXTRA_LINES...]
#   LINES        lines in the benchmark manifest (default 250000, about 165 MB)
#   RUNS         timed runs per tool; the median is reported (default 5)
#   EXTRA_LINES  more sizes on which only clmanifest runs, to show peak RSS does not grow with the file
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lines=${1:-250000}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# ))

swift build -c release --package-path "$root" >&2
swift build -c release --package-path "$root/Benchmarks" >&2
mkdir -p "$root/Benchmarks/data"

manifest() {
    local file="$root/Benchmarks/data/bench-$1.manifest"
    [ -s "$file" ] || "$root/Benchmarks/.build/release/generate-manifest" "$1" --seed 42 > "$file"
    echo "$file"
}

extra=()
for size in "$@"; do extra+=("$(manifest "$size")"); done
python3 "$root/Benchmarks/peers/measure.py" "$root/.build/release/clmanifest" "$(manifest "$lines")" "$runs" ${extra[@]+"${extra[@]}"}
echo
prior=$(manifest "$lines")
new="${prior%.manifest}.new.manifest"
[ -s "$new" ] || python3 "$root/Benchmarks/make-diff-pair.py" "$prior" "$new"
python3 "$root/Benchmarks/peers/measure.py" diff "$root/.build/release/clmanifest" "$prior" "$new" "$runs"
echo
echo "Stages of lint on $(basename "$(manifest "$lines")"), median of $runs runs, one process:"
echo
"$root/Benchmarks/.build/release/lint-stages" "$(manifest "$lines")" "$runs"
