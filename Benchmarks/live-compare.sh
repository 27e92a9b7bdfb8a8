#!/usr/bin/env bash
# Times `clmanifest pull` and `clmanifest upload` with nothing to send (the live compare: pull the dataset,
# lint NEW, diff) against rekognition-local seeded with the benchmark manifest, and the CPU each side used;
# then each client's median listing (the pull) and comparing (what upload adds to it).
#
# Usage: Benchmarks/live-compare.sh [LINES] [ROUNDS]
#   LINES    lines of the seeded manifest (default 250000)
#   ROUNDS   rounds; each times every client once, alternating (default 3)
#   ALSO=PATH[:PATH]  other clmanifest binaries (an earlier build) timed the same way, against the same server
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lines=${1:-250000}
rounds=${2:-3}

swift build -c release --package-path "$root" --product clmanifest >&2
swift build -c release --package-path "$root" --product rekognition-local >&2
swift build -c release --package-path "$root/Benchmarks" >&2
manifest="$root/Benchmarks/data/bench-$lines.manifest"
mkdir -p "$root/Benchmarks/data"
[ -s "$manifest" ] || "$root/Benchmarks/.build/release/generate-manifest" "$lines" --seed 42 > "$manifest"

work=$(mktemp -d)
"$root/.build/release/rekognition-local" --seed "$manifest" --port-file "$work/endpoint" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
while [ ! -s "$work/endpoint" ]; do sleep 0.2; done
export AWS_ACCESS_KEY_ID=AKIDLOCALTEST AWS_SECRET_ACCESS_KEY=local/test+secret/KEYEXAMPLE AWS_REGION=us-east-1
dataset=arn:aws:rekognition:us-east-1:123456789012:project/test-project/dataset/train/1700000000000
endpoint=$(cat "$work/endpoint")

# The server's CPU seconds so far (user + system, from /proc).
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server/stat"; }

clients=("$root/.build/release/clmanifest")
IFS=: read -r -a also <<< "${ALSO:-}"
clients+=(${also[@]+"${also[@]}"})
echo "| client | command | wall s | client CPU s | server CPU s |"
echo "|---|---|---:|---:|---:|"
for round in $(seq "$rounds"); do
    for number in "${!clients[@]}"; do
        client=${clients[$number]}
        for command in pull upload; do
            before=$(server_cpu)
            if [ "$command" = pull ]; then
                arguments=(pull -o "$work/pulled-$number")
            else
                arguments=(upload "$manifest" --yes --isolated --state-dir "$work/state-$number")
            fi
            /usr/bin/time -f "%e %U %S" -o "$work/time" "$client" "${arguments[@]}" \
                --endpoint-url "$endpoint" --dataset-arn "$dataset" > /dev/null 2> "$work/err" \
                || { cat "$work/err" >&2; exit 1; }
            read -r wall user system < "$work/time"
            after=$(server_cpu)
            printf '| %s | %s | %s | %.2f | %.2f |\n' "$("$client" --version)" "$command" "$wall" \
                "$(echo "$user + $system" | bc)" "$(echo "$after - $before" | bc)"
            echo "$number $command $wall" >> "$work/walls"
        done
    done
done
# The live compare's split: listing is the pull; comparing (lint NEW, diff) is what upload adds to it.
echo
echo "| client | median pull (listing) s | median upload s | comparing s |"
echo "|---|---:|---:|---:|"
# The median wall time of client $1's command $2.
median() {
    awk -v n="$1" -v c="$2" '$1 == n && $2 == c { print $3 }' "$work/walls" | sort -n \
        | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
for number in "${!clients[@]}"; do
    pull=$(median "$number" pull)
    upload=$(median "$number" upload)
    printf '| %s | %.2f | %.2f | %.2f |\n' "$("${clients[$number]}" --version)" "$pull" "$upload" \
        "$(echo "$upload - $pull" | bc)"
done
first="$work/pulled-0"
for number in "${!clients[@]}"; do
    cmp -s "$first" "$work/pulled-$number" || { echo "pulled manifests differ: client $number" >&2; exit 1; }
done
