#!/usr/bin/env bash
# The work of the GitHub Action (action.yml): installs clmanifest into its own virtual environment (from
# CLMANIFEST_WHEEL, else clmanifest==CLMANIFEST_VERSION from PyPI; by default the version of the action's
# own checkout, read from Sources/ManifestKit/API/ClmanifestVersion.swift), expands the CLMANIFEST_FILES patterns,
# and runs `clmanifest lint` with annotations (--format github) and SARIF to CLMANIFEST_SARIF. Writes
# `exit-code` to GITHUB_OUTPUT and exits 0 unless it could not run, so that the SARIF is uploaded either way.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${CLMANIFEST_VERSION:-$(sed -n 's/.*static let number = "\(.*\)".*/\1/p' \
    "$here/../Sources/ManifestKit/API/ClmanifestVersion.swift")}
if [ "${1:-}" = "--print-version" ]; then
    echo "$version"
    exit 0
fi
: "${RUNNER_TEMP:?}" "${GITHUB_OUTPUT:?}" "${GITHUB_PATH:?}"
venv="$RUNNER_TEMP/clmanifest-venv"

if [ ! -x "$venv/bin/clmanifest" ]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "${CLMANIFEST_WHEEL:-clmanifest==${version:?no version to install}}"
fi
echo "$venv/bin" >> "$GITHUB_PATH"
"$venv/bin/clmanifest" --version

shopt -s globstar nullglob
files=()
# Patterns are split on spaces and new lines and expanded here (globstar: ** reaches into folders).
for pattern in ${CLMANIFEST_FILES:-**/*.manifest}; do
    matches=($pattern)
    files+=("${matches[@]}")
done
shopt -u globstar nullglob
if [ ${#files[@]} -eq 0 ]; then
    echo "::warning title=clmanifest::no file matches '${CLMANIFEST_FILES}'"
    echo "exit-code=0" >> "$GITHUB_OUTPUT"
    printf '%s\n' '{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[]}' \
        > "${CLMANIFEST_SARIF:-clmanifest.sarif}"
    exit 0
fi

read -r -a extra <<< "${CLMANIFEST_ARGS:-}"
status=0
"$venv/bin/clmanifest" lint --format github --format "sarif:${CLMANIFEST_SARIF:-clmanifest.sarif}" \
    "${extra[@]}" -- "${files[@]}" || status=$?
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
# 0 and 1 are results (the action's last step fails on 1); 2 means clmanifest could not run.
[ "$status" -le 1 ]
