#!/usr/bin/env python3
"""Plants small, plausible bugs in the core one at a time and checks that the tests catch each.

Each mutation flips a comparison, drops a condition or changes a constant in the rules, the batch packer,
the canonical hasher, the upload journal or the SigV4 signer. For each, this script edits a scratch copy of
the package (never this checkout), rebuilds the tests, runs the whole suite with CI=true and reports
whether some test failed (the mutation is killed) or none did (it survived). Exit status: 0 when every
mutation is killed, 1 when any survives, 2 when a mutation no longer applies (the code moved: update it).

Usage: Scripts/mutate.py [--only NAME...] [--list] [--check]
  --list    the mutations' names and files
  --check   only check that every mutation still applies to this checkout (its text occurs once), fast
Not run in CI (it rebuilds and runs the suite once per mutation); see README, "Testing".
"""
import os, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(os.environ.get("TMPDIR", "/tmp"), "clmanifest-mutants")

# (name, file, text, replacement): `text` must occur exactly once in `file`.
MUTATIONS = [
    # Rules.
    ("CL303 without top < 0", "Sources/ManifestKit/Rules/InvalidBoundingBox.swift",
     "if geometry.top < 0 {", "if false, geometry.top < 0 {"),
    ("CL303 without width < 0", "Sources/ManifestKit/Rules/InvalidBoundingBox.swift",
     "if geometry.width < 0 {", "if false, geometry.width < 0 {"),
    ("CL303 right edge >= instead of >", "Sources/ManifestKit/Rules/InvalidBoundingBox.swift",
     "if right > image.width {", "if right >= image.width {"),
    ("CL303 without the bottom edge", "Sources/ManifestKit/Rules/InvalidBoundingBox.swift",
     "if bottom > image.height {", "if false, bottom > image.height {"),
    ("CL304 < 1 instead of <= 1", "Sources/ManifestKit/Rules/BoundingBoxTooSmall.swift",
     "if value <= 1 {", "if value < 1 {"),
    ("CL304 without the downscale", "Sources/ManifestKit/Rules/BoundingBoxTooSmall.swift",
     "guard value * scale <= 1 else { return nil }", "guard value <= 1 else { return nil }"),
    ("CL305 limit 51", "Sources/ManifestKit/Rules/TooManyBoundingBoxes.swift",
     "static let limit = 50", "static let limit = 51"),
    ("CL306 upper side 4097", "Sources/ManifestKit/Rules/InvalidImageDimension.swift",
     "guard value < 64 || value > 4096 else", "guard value < 64 || value > 4097 else"),
    ("CL306 lower side 63", "Sources/ManifestKit/Rules/InvalidImageDimension.swift",
     "guard value < 64 || value > 4096 else", "guard value < 63 || value > 4096 else"),
    ("CL301 only fewer objects", "Sources/ManifestKit/Rules/MissingBoundingBoxConfidence.swift",
     "Int(line.document[objects].count) != boxes", "Int(line.document[objects].count) < boxes"),
    ("CL202 without the JSON-encoded-twice check", "Sources/ManifestKit/Rules/InvalidLabelAttributeMetadataFormat.swift",
     "if kind == .string, let text = document.stringValue(at: pair.metadata), holdsObject(text) {",
     "if kind == .string, let text = document.stringValue(at: pair.metadata), text.isEmpty {"),
    ("CL207 limit 51", "Sources/ManifestKit/Rules/TooManyLabelsPerImage.swift",
     "static let limit = 50", "static let limit = 51"),
    ("CL205 limit 257", "Sources/ManifestKit/Rules/InvalidLabelNameLength.swift",
     "static let limit = 256", "static let limit = 257"),
    ("CL403 limit 251", "Sources/ManifestKit/Rules/TooManyLabels.swift",
     "static let limit = 250", "static let limit = 251"),
    ("CL408 at 20% instead of over it", "Sources/ManifestKit/Rules/TooManyInvalidLines.swift",
     "guard totals.statistics.invalidShare > limit else { return }",
     "guard totals.statistics.invalidShare >= limit else { return }"),
    ("CL007 limit 100,001", "Sources/ManifestKit/Lint/LintOptions.swift",
     "public var maxLineCharacters = 100_000", "public var maxLineCharacters = 100_001"),
    ("CL404 limit 250,001", "Sources/ManifestKit/Lint/LintOptions.swift",
     "public var maxRows = 250_000", "public var maxRows = 250_001"),
    ("CL102 key limit 1,025 bytes", "Sources/ManifestKit/Rules/InvalidSourceRefFormat.swift",
     "if keyBytes > 1024 {", "if keyBytes > 1025 {"),
    ("CL401 on raw bytes, not decoded", "Sources/ManifestKit/Parsing/JSONDocument+Values.swift",
     "        if node.flags & JSONNode.hasEscapes == 0 {\n            return body(",
     "        if true {\n            return body("),
    ("CL012 without the check of the later lines", "Sources/ManifestKit/Rules/MultiLineJSON.swift",
     "guard later.contains(where:", "guard true || later.contains(where:"),
    ("CL011 threshold 40%", "Sources/ManifestKit/Rules/BinaryFile.swift",
     "nonTextBytes(Array(sample)) * 10 > sample.count * 3", "nonTextBytes(Array(sample)) * 10 > sample.count * 4"),
    ("CL001 not checked past the depth limit", "Sources/ManifestKit/Parsing/JSONParser.swift",
     "                        try checkSyntaxPastLimit(base, count, from: position, depth: depth)\n", ""),
    ("CL606 image side 4097", "Sources/ManifestKit/Rules/ImageDimensionsOutOfRange.swift",
     "static let sides = 64...4096", "static let sides = 64...4097"),
    ("CL607 ratio 21", "Sources/ManifestKit/Rules/ImageAspectRatioTooLarge.swift",
     "static let maxRatio = 20.0", "static let maxRatio = 21.0"),
    ("training scale at 1,281", "Sources/ManifestKit/Lint/ImageSize.swift",
     "return larger > 1280 ? 1280 / larger : 1", "return larger > 1281 ? 1281 / larger : 1"),
    # The packer.
    ("API limit 5,242,881", "Sources/ManifestKit/Diff/BatchPacker.swift",
     "public static let defaultMaxBytes = 5_242_880", "public static let defaultMaxBytes = 5_242_881"),
    ("packer >= instead of >", "Sources/ManifestKit/Diff/BatchPacker.swift",
     "if index > start && size + lineSize > maxBytes {", "if index > start && size + lineSize >= maxBytes {"),
    ("oversize check >= instead of >", "Sources/ManifestKit/Diff/BatchPacker.swift",
     "lineSizes.firstIndex { $0 > maxBytes }", "lineSizes.firstIndex { $0 >= maxBytes }"),
    # The canonical hasher.
    ("keys sorted at the top level only", "Sources/ManifestKit/Diff/CanonicalHasher.swift",
     "while position > start && Self.keyOrder(document, key, scratch[position - 1]) {",
     "while depth == 0 && position > start && Self.keyOrder(document, key, scratch[position - 1]) {"),
    ("array length not hashed", "Sources/ManifestKit/Diff/CanonicalHasher.swift",
     "            hasher.combine(UInt64(value.count))\n", ""),
    ("object end not hashed", "Sources/ManifestKit/Diff/CanonicalHasher.swift",
     "            hasher.combine(9)\n", ""),
    # The journal.
    ("journal compares digest counts", "Sources/ManifestUpload/Upload/UploadJournal.swift",
     "guard plan.batchDigests == digests else {", "guard plan.batchDigests.count == digests.count else {"),
    ("journal takes sent for confirmed", "Sources/ManifestUpload/Upload/UploadJournal.swift",
     'case "sent": saved.sent.insert(batch)', 'case "sent": saved.confirmed.insert(batch)'),
    # The signer.
    ("query not sorted", "Sources/ManifestUpload/SigV4/SigV4Signer.swift",
     "return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }", "return pairs"),
    ("header values not collapsed", "Sources/ManifestUpload/SigV4/SigV4Signer.swift",
     "grouped[name.lowercased(), default: []].append(collapse(value))",
     "grouped[name.lowercased(), default: []].append(value)"),
    ("user-agent signed", "Sources/ManifestUpload/SigV4/SigV4Signer.swift",
     '"transfer-encoding", "upgrade", "user-agent",', '"transfer-encoding", "upgrade",'),
    ("signing key without the region", "Sources/ManifestUpload/SigV4/SigV4Signer.swift",
     'for part in [date, region, service, "aws4_request"] {', 'for part in [date, service, "aws4_request"] {'),
]


def run(command, cwd, env=None, quiet=True):
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE if quiet else None,
                            stderr=subprocess.STDOUT if quiet else None, text=True)
    return result.returncode, (result.stdout or "")


def sync(package):
    """Makes `package` hold this checkout's files (tracked, and untracked but not ignored), as they are now."""
    status, listing = run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], ROOT)
    if status != 0:
        sys.exit("git ls-files failed: " + listing)
    wanted = {path for path in listing.split("\0") if path and os.path.isfile(os.path.join(ROOT, path))}
    for path in wanted:
        source, target = os.path.join(ROOT, path), os.path.join(package, path)
        if not os.path.exists(target) or open(source, "rb").read() != open(target, "rb").read():
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(source, target)
    for directory, subdirectories, files in os.walk(package):
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".build")]
        for name in files:
            relative = os.path.relpath(os.path.join(directory, name), package)
            if relative not in wanted:
                os.remove(os.path.join(directory, name))


def stale_mutations():
    """The mutations whose text no longer occurs exactly once in this checkout, with the count."""
    stale = []
    for name, path, text, _ in MUTATIONS:
        file = os.path.join(ROOT, path)
        count = open(file).read().count(text) if os.path.exists(file) else 0
        if count != 1:
            stale.append((name, path, count))
    return stale


def main():
    args = sys.argv[1:]
    known = {"--only", "--list", "--check"}
    if "--only" not in args and any(arg not in known for arg in args) or "--help" in args or "-h" in args:
        print(__doc__)
        return 0 if "--help" in args or "-h" in args else 2
    if "--list" in args:
        for name, path, _, _ in MUTATIONS:
            print(f"{name}  ({path})")
        return 0
    stale = stale_mutations()
    for name, path, count in stale:
        print(f"does not apply: {name} ({path} has the text {count} times)")
    if "--check" in args:
        print(f"{len(MUTATIONS) - len(stale)} of {len(MUTATIONS)} mutations apply")
        return 2 if stale else 0
    only = set(args[args.index("--only") + 1:]) if "--only" in args else None
    chosen = [m for m in MUTATIONS if only is None or m[0] in only]
    # A scratch copy beside a link to ../shared, so the suites run as in CI; its .build is kept between runs.
    package = os.path.join(SCRATCH, "main")
    os.makedirs(SCRATCH, exist_ok=True)
    shared = os.path.join(SCRATCH, "shared")
    if not os.path.exists(shared):
        os.symlink(os.path.join(os.path.dirname(ROOT), "shared"), shared)
    sync(package)
    env = dict(os.environ, CI="true")
    env.pop("UPDATE_GENERATED", None)
    env.pop("RECORD_SNAPSHOTS", None)
    started = time.time()
    print("building the unmutated package and running its tests (they must pass first)...", flush=True)
    status, output = run(["swift", "build", "--build-tests"], package)
    if status != 0:
        print(output[-3000:])
        return 2
    status, output = run(["swift", "test", "--skip-build", "--disable-xctest"], package, env)
    if status != 0:
        print("the tests fail without any mutation:\n" + output[-3000:])
        return 2
    survivors, stale = [], []
    for number, (name, path, text, replacement) in enumerate(chosen, 1):
        file = os.path.join(package, path)
        original = open(file).read()
        if original.count(text) != 1:
            print(f"[{number}/{len(chosen)}] {name}: does not apply ({path} has the text {original.count(text)} times)")
            stale.append(name)
            continue
        open(file, "w").write(original.replace(text, replacement))
        try:
            status, output = run(["swift", "build", "--build-tests"], package)
            if status != 0:
                verdict = "killed (does not compile)"
            else:
                status, output = run(["swift", "test", "--skip-build", "--disable-xctest"], package, env)
                failed = [line for line in output.splitlines() if line.startswith("✘ Test ") and "recorded" in line]
                verdict = "killed by " + failed[0][7:].split(" recorded")[0] if status != 0 and failed else \
                    ("killed" if status != 0 else "SURVIVED")
        finally:
            open(file, "w").write(original)
        if verdict == "SURVIVED":
            survivors.append(name)
        print(f"[{number}/{len(chosen)}] {name}: {verdict}", flush=True)
    minutes = (time.time() - started) / 60
    print(f"\n{len(chosen) - len(survivors) - len(stale)} of {len(chosen)} mutations killed, "
          f"{len(survivors)} survived, {len(stale)} no longer apply; {minutes:.0f} min")
    for name in survivors:
        print(f"  survived: {name}")
    return 2 if stale else (1 if survivors else 0)


if __name__ == "__main__":
    sys.exit(main())
