#!/usr/bin/env bash
# Builds dist/clmanifest-VERSION-py3-none-PLATFORM.whl: the release binary with the Swift runtime and
# Foundation linked in (--static-swift-stdlib), stripped, with its man page and its bash, zsh and fish
# completions. The version is the one `clmanifest --version` prints; the platform tag is read off the
# binary by packaging/wheel.py (and checked with auditwheel when it is installed).
#
# Usage: packaging/build-wheel.sh [OUT_DIR]     (default: dist)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}

swift build -c release --static-swift-stdlib --product clmanifest
built="$(swift build -c release --static-swift-stdlib --show-bin-path)/clmanifest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip --strip-all -o "$work/clmanifest" "$built"

# No Swift runtime library may be left to find at run time.
if ldd "$work/clmanifest" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_Foundation'; then
    echo "error: the binary still needs the Swift libraries above" >&2
    exit 1
fi

"$work/clmanifest" --generate-completion-script bash > "$work/clmanifest.bash"
"$work/clmanifest" --generate-completion-script zsh > "$work/_clmanifest"
"$work/clmanifest" --generate-completion-script fish > "$work/clmanifest.fish"
# The committed man page must be this binary's.
bash packaging/man-page.sh --check "$work/clmanifest"

python3 packaging/wheel.py --binary "$work/clmanifest" --man docs/man/clmanifest.1 --completions "$work" --out "$out"
