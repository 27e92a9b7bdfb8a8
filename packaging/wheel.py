#!/usr/bin/env python3
"""Packs a built clmanifest binary into a wheel, the way maturin ships Rust binaries.

The binary goes into the wheel's scripts (pip installs it as the `clmanifest` command), the man page and
shell completions into its data (`share/man/man1`, bash-completion's, zsh's and fish's folders), and a
small `clmanifest` Python package runs the binary for `python -m clmanifest`.

The platform tag is read off the binary: the newest glibc symbol version it uses gives manylinux_2_N, and
every shared library it names must be one that manylinux lets a wheel take from the system. With
auditwheel (PyPI) installed, `auditwheel show` checks the finished wheel and must agree.

Usage: wheel.py --binary PATH --man PATH --completions DIR --out DIR
"""

import argparse
import base64
import hashlib
import os
import re
import stat
import subprocess
import sys
import zipfile

# The libraries manylinux lets a wheel use from the system (PEP 600's policy, auditwheel's list for
# glibc), as a binary names them.
SYSTEM_LIBRARIES = {
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1", "libresolv.so.2",
    "libgcc_s.so.1", "libstdc++.so.6", "libcrypt.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
}
MACHINES = {"Advanced Micro Devices X86-64": "x86_64", "AArch64": "aarch64"}
# Zip entries get this time (1980-01-01), so the same inputs make the same wheel.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
SUMMARY = "Lint, fix, convert and upload Amazon Rekognition Custom Labels manifests (a native binary)."


class PackagingError(Exception):
    """Why no wheel was made."""


def read_elf(binary):
    """The machine, the shared libraries named (NEEDED) and the symbol versions used, from readelf."""
    header = subprocess.run(["readelf", "-h", binary], capture_output=True, text=True, check=True).stdout
    machine = re.search(r"Machine:\s+(.+)", header).group(1).strip()
    if machine not in MACHINES:
        raise PackagingError(f"{binary}: no wheel platform for the machine '{machine}'")
    dynamic = subprocess.run(["readelf", "-d", "-W", binary], capture_output=True, text=True, check=True).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
    versions = subprocess.run(["readelf", "-V", "-W", binary], capture_output=True, text=True, check=True).stdout
    # Only the versions the binary needs (the .gnu.version_r section), not those it defines.
    required = versions.split(".gnu.version_r", 1)[-1] if ".gnu.version_r" in versions else ""
    used = set(re.findall(r"Name: ([A-Z_]+[0-9.]*[0-9])", required))
    return MACHINES[machine], needed, used


def version_tuple(text):
    return tuple(int(part) for part in text.split("."))


def platform_tag(binary):
    """manylinux_2_N_ARCH for what the binary needs, or an error naming what no wheel may depend on."""
    arch, needed, used = read_elf(binary)
    foreign = [library for library in needed if library not in SYSTEM_LIBRARIES]
    if foreign:
        raise PackagingError(
            f"{binary} needs {', '.join(foreign)}, which manylinux does not let a wheel take from the system")
    glibc = [version_tuple(name[len("GLIBC_"):]) for name in used if name.startswith("GLIBC_")]
    if not glibc:
        raise PackagingError(f"{binary}: no glibc symbol versions found (is it linked against glibc?)")
    newest = max(glibc)
    # manylinux starts at glibc 2.5 (manylinux1); older symbol versions still need that much.
    major, minor = newest[0], max(newest[1], 5) if newest[0] == 2 else newest[1]
    return f"manylinux_{major}_{minor}_{arch}", needed, sorted(used)


def version_of(binary):
    """The release number the binary prints for --version ("0.3.0 (commit ...)")."""
    printed = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True, env={}).stdout
    match = re.match(r"(\d+\.\d+\.\d+)\b", printed)
    if not match:
        raise PackagingError(f"{binary} --version printed {printed!r}, not a version")
    return match.group(1), printed.strip()


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def build(arguments):
    binary = arguments.binary
    tag, needed, used = platform_tag(binary)
    version, printed = version_of(binary)
    name = f"clmanifest-{version}"
    data = f"{name}.data"
    here = os.path.dirname(os.path.abspath(__file__))
    package = os.path.join(here, "python", "clmanifest")
    files = []  # (path in the wheel, bytes, executable)
    for module in sorted(os.listdir(package)):
        if module.endswith(".py"):
            with open(os.path.join(package, module), "rb") as source:
                files.append((f"clmanifest/{module}", source.read(), False))
    with open(binary, "rb") as source:
        files.append((f"{data}/scripts/clmanifest", source.read(), True))
    with open(arguments.man, "rb") as source:
        files.append((f"{data}/data/share/man/man1/clmanifest.1", source.read(), False))
    completions = {
        "clmanifest.bash": "share/bash-completion/completions/clmanifest",
        "_clmanifest": "share/zsh/site-functions/_clmanifest",
        "clmanifest.fish": "share/fish/vendor_completions.d/clmanifest.fish",
    }
    for file, destination in completions.items():
        with open(os.path.join(arguments.completions, file), "rb") as source:
            files.append((f"{data}/data/{destination}", source.read(), False))
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        "Name: clmanifest",
        f"Version: {version}",
        f"Summary: {SUMMARY}",
        "Requires-Python: >=3.8",
        "Classifier: Environment :: Console",
        "Classifier: Operating System :: POSIX :: Linux",
        "Classifier: Topic :: Scientific/Engineering :: Artificial Intelligence",
        "Description-Content-Type: text/markdown",
        "",
        f"`clmanifest` {printed}: checks, fixes, converts and uploads Amazon Rekognition Custom Labels",
        "manifests. This wheel carries the native binary (no Swift toolchain needed), its man page and shell",
        "completions. `clmanifest --help` starts; `man clmanifest` tells all.",
        "",
    ])
    wheel = "\n".join([
        "Wheel-Version: 1.0",
        "Generator: clmanifest packaging/wheel.py",
        "Root-Is-Purelib: false",
        f"Tag: py3-none-{tag}",
        "",
    ])
    info = f"{name}.dist-info"
    files.append((f"{info}/METADATA", metadata.encode(), False))
    files.append((f"{info}/WHEEL", wheel.encode(), False))
    records = [record_line(path, content) for path, content, _ in files] + [f"{info}/RECORD,,"]
    files.append((f"{info}/RECORD", ("\n".join(records) + "\n").encode(), False))

    os.makedirs(arguments.out, exist_ok=True)
    path = os.path.join(arguments.out, f"{name}-py3-none-{tag}.whl")
    with zipfile.ZipFile(path + ".part", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, content, executable in files:
            entry = zipfile.ZipInfo(member, date_time=FIXED_TIME)
            entry.external_attr = ((0o755 if executable else 0o644) | stat.S_IFREG) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    os.replace(path + ".part", path)
    check_with_auditwheel(path, tag)
    print(f"{path}\n  platform {tag}: needs {', '.join(needed)}; newest glibc symbol version "
          f"{max((n for n in used if n.startswith('GLIBC_')), key=lambda n: version_tuple(n[6:]))}")
    return path


def check_with_auditwheel(path, tag):
    """auditwheel's own reading of the wheel, when it is installed: it must allow the tag given."""
    try:
        import auditwheel  # noqa: F401
    except ImportError:
        print("note: auditwheel is not installed; the tag was read off the binary alone", file=sys.stderr)
        return
    shown = subprocess.run([sys.executable, "-m", "auditwheel", "show", path], capture_output=True, text=True)
    text = " ".join(shown.stdout.split())
    match = re.search(r'consistent with the following platform tag: "([^"]+)"', text)
    if shown.returncode != 0 or not match:
        raise PackagingError(f"auditwheel show {path} failed:\n{shown.stdout}{shown.stderr}")
    allowed = match.group(1)
    if allowed.split("_")[:3] != tag.split("_")[:3]:
        raise PackagingError(f"auditwheel reads {allowed} off {path}, this script {tag}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--man", required=True)
    parser.add_argument("--completions", required=True)
    parser.add_argument("--out", default="dist")
    try:
        build(parser.parse_args())
    except (PackagingError, OSError, subprocess.CalledProcessError) as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
