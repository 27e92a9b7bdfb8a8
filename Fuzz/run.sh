#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/Sources/fuzz-*) with -sanitize=fuzzer,address and runs each for
# SECONDS, PARALLEL at a time. Corpora grow in Fuzz/corpus/HARNESS (seeded from samples/, schemas/ and
# Fuzz/seeds/ when empty; not committed); a crash leaves its input in Fuzz/artifacts/HARNESS/. Keep every
# crash input in Tests/FuzzRegressionTests/Inputs/HARNESS/ (the normal tests replay them) once it is fixed.
#
# Leak detection is off: LeakSanitizer cannot follow the tagged pointers of Swift strings and reports
# objects held by globals as leaked.
#
# Usage: Fuzz/run.sh [SECONDS] [PARALLEL] [HARNESS...]   (defaults: 600, 2, every harness)
#        Fuzz/run.sh --build-only                      (builds every harness and stops; CI does this)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
       -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld)
if [ "${1:-}" = "--build-only" ]; then
    swift build --package-path "$root/Fuzz" "${flags[@]}" 2>&1 | grep -v "Cannot export local symbol" >&2
    exit 0
fi
seconds=${1:-600}
parallel=${2:-2}
shift $(( $# > 2 ? 2 : $# ))
all=(json-lines schema configuration lint-line diff-canonical sigv4 image-header fix)
harnesses=("${@:-${all[@]}}")
if [ $# -eq 0 ]; then harnesses=("${all[@]}"); fi

for harness in "${harnesses[@]}"; do
    swift build --package-path "$root/Fuzz" "${flags[@]}" --product "fuzz-$harness" 2>&1 \
        | grep -v "Cannot export local symbol" >&2
done

seed() {
    local harness=$1 corpus=$2
    mkdir -p "$corpus"
    [ -n "$(ls -A "$corpus")" ] && return
    [ -d "$root/Fuzz/seeds/$harness" ] && cp "$root/Fuzz/seeds/$harness/"* "$corpus/"
    case $harness in
        json-lines|lint-line|diff-canonical|fix)
            local n=0
            for file in "$root"/samples/*.manifest; do
                head -c 4000 "$file" > "$corpus/sample-$n"
                n=$((n + 1))
            done ;;
        schema)
            for file in "$root"/schemas/*.yaml; do
                { cat "$file"; printf '\0'; head -n 3 "$root/samples/mixed.manifest"; } > "$corpus/$(basename "$file")"
            done ;;
        image-header)
            cp "$root"/samples/images/camera-03/* "$corpus/" ;;
    esac
}

run() {
    local harness=$1
    local corpus="$root/Fuzz/corpus/$harness" artifacts="$root/Fuzz/artifacts/$harness"
    seed "$harness" "$corpus"
    mkdir -p "$artifacts"
    local log="$root/Fuzz/artifacts/$harness.log"
    if "$root/Fuzz/.build/debug/fuzz-$harness" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 \
        -timeout=10 -max_len=65536 -detect_leaks=0 -artifact_prefix="$artifacts/" -print_final_stats=1 > "$log" 2>&1; then
        echo "$harness: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') runs in ${seconds} s, no crash"
    else
        echo "$harness: FAILED, see $log and $artifacts/"
        return 1
    fi
}
export -f run seed
export root seconds
# ASan's own leak check at exit, as well as libFuzzer's per input.
export ASAN_OPTIONS=detect_leaks=0
printf '%s\n' "${harnesses[@]}" | xargs -P "$parallel" -I{} bash -c 'run {}'
