#!/usr/bin/env bash
# Writes docs/man/clmanifest.1 from a clmanifest binary's own help, with swift-argument-parser's manual
# generator (the GenerateManual plugin's tool). With --check, writes nothing and fails when the page in
# docs/man/ differs from what the binary says (its date line aside).
#
# Usage: packaging/man-page.sh [--check] [BINARY]     (BINARY: the release build by default)
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [ "${1:-}" = "--check" ]; then check=true; shift; fi
binary=${1:-}
if [ -z "$binary" ]; then
    swift build -c release --product clmanifest >/dev/null
    binary="$(swift build -c release --show-bin-path)/clmanifest"
fi

tool=$(find .build -path '*/debug/generate-manual-tool' -type f 2>/dev/null | head -n 1)
if [ -z "$tool" ]; then
    # The plugin builds its tool (and the package's executables, in release mode) on its first run.
    swift package generate-manual --configuration release >/dev/null
    tool=$(find .build -path '*/debug/generate-manual-tool' -type f | head -n 1)
fi

page=$(mktemp)
trap 'rm -f "$page"' EXIT
"$tool" "$binary" --date "$(date -u +%Y-%m-%d)" --authors "the clmanifest authors" -o - > "$page"
if $check; then
    if ! diff -u <(grep -v '^\.Dd ' docs/man/clmanifest.1) <(grep -v '^\.Dd ' "$page"); then
        echo "docs/man/clmanifest.1 is stale: run bash packaging/man-page.sh and commit it" >&2
        exit 1
    fi
    echo "docs/man/clmanifest.1 describes $binary"
else
    mkdir -p docs/man
    cp "$page" docs/man/clmanifest.1
    echo "wrote docs/man/clmanifest.1"
fi
