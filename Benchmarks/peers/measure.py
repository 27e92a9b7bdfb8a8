"""Runs each tool on the same file, interleaved, and prints a Markdown table: median seconds, MB/s,
speed relative to clmanifest, and peak RSS."""
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run(command, capture=False):
    """Seconds, peak RSS in bytes, exit code and (with `capture`) standard output of one run.

    Peak RSS comes from /usr/bin/time (GNU time's %M): measured in a small parent, it is not inflated by
    this Python process, which wait4 would also count for a forked child before it execs.
    """
    wrapped = [TIME, "-f", "%M"] + command if TIME else command
    start = time.perf_counter()
    process = subprocess.run(
        wrapped, stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    peak = 0
    if TIME:
        last = process.stderr.decode(errors="replace").strip().splitlines()[-1:]
        peak = int(last[0]) * 1024 if last and last[0].isdigit() else 0
    if capture:
        return elapsed, peak, process.returncode, process.stdout.decode(errors="replace")
    return elapsed, peak, process.returncode


SIMDJSON = "simdjson parse_many (C++, 1 thread)"


def interleaved(tools, runs):
    """Runs each command of `tools` (name → argv) `runs` times, interleaved; the times, peak RSS and last
    exit code of each, by name."""
    times = {name: [] for name in tools}
    peaks = {name: 0 for name in tools}
    codes = {}
    for _ in range(runs):
        for name, command in tools.items():
            seconds, peak, code = run(command)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
            codes[name] = code
    return times, peaks, codes


def ratio_table(times, peaks, codes, base):
    """A Markdown table of `interleaved`'s results: exit, median seconds, the ratio to the first tool
    (headed `× base`) and peak RSS."""
    lines = [f"| tool | exit | median s | × {base} | peak RSS MB |", "|---|---:|---:|---:|---:|"]
    first = statistics.median(next(iter(times.values())))
    for name in times:
        median = statistics.median(times[name])
        lines.append(f"| {name} | {codes[name]} | {median:.2f} | {median / first:.2f} | {peaks[name] / 1e6:.0f} |")
    return "\n".join(lines)


def simdjson_peer():
    """The simdjson peer's binary, built from simdjson_lines.cpp when a C++ compiler and the simdjson
    headers and library are installed (Debian: libsimdjson-dev); None otherwise."""
    compiler = shutil.which("c++") or shutil.which("g++") or shutil.which("clang++")
    if not compiler or not os.path.exists("/usr/include/simdjson.h"):
        print("(simdjson is not installed: the parsing-limit peer is not measured)")
        return None
    source = os.path.join(HERE, "simdjson_lines.cpp")
    binary = os.path.join(HERE, "..", ".build", "simdjson-lines")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        os.makedirs(os.path.dirname(binary), exist_ok=True)
        built = subprocess.run([compiler, "-O3", "-std=c++17", source, "-lsimdjson", "-o", binary])
        if built.returncode != 0:
            print("(simdjson_lines.cpp did not build: the parsing-limit peer is not measured)")
            return None
    return binary


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return f"{os.cpu_count()} cores, {model}; {platform.system()} {platform.release()}; {swift[0] if swift else ''}"


PREFIX_LINES = 20_000


def prefix_of(path, lines):
    """A file of the first `lines` lines of `path`, beside it: for peers too slow for the whole file."""
    target = f"{path}.first-{lines}"
    if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(path):
        with open(path, "rb") as source, open(target, "wb") as out:
            for number, line in enumerate(source):
                if number == lines:
                    break
                out.write(line)
    return target


def diff(clmanifest, prior, new, runs):
    """`clmanifest diff` against the orjson peer on one pair of files, interleaved: a Markdown table."""
    tools = [("clmanifest diff", [clmanifest, "diff", prior, new])]
    try:
        __import__("orjson")
        tools.append(("python orjson diff", [sys.executable, os.path.join(HERE, "diff_orjson.py"), prior, new]))
    except ImportError:
        print("(orjson is not installed: the diff peer is not measured)")
    times = {name: [] for name, _ in tools}
    rss = {name: 0 for name, _ in tools}
    for _ in range(runs):
        for name, command in tools:
            elapsed, peak, code = run(command)
            if code != 0:
                sys.exit(f"{name} exited {code}")
            times[name].append(elapsed)
            rss[name] = max(rss[name], peak)
    with open(new, "rb") as f:
        lines = sum(1 for _ in f)
    print(f"Diff: {os.path.basename(prior)} against {os.path.basename(new)} ({lines:,} lines); "
          f"median of {runs} runs, interleaved\n")
    print("| tool | median s | runs, s | clmanifest diff is × faster | peak RSS MB |")
    print("|---|---:|---|---:|---:|")
    base = statistics.median(times["clmanifest diff"])
    for name, _ in tools:
        median = statistics.median(times[name])
        each = ", ".join(f"{t:.2f}" for t in times[name])
        print(f"| {name} | {median:.3f} | {each} | {median / base:.1f} | {rss[name] / 1e6:.1f} |")


def main():
    if sys.argv[1] == "diff":
        diff(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
        return
    clmanifest, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    extra = sys.argv[4:]
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        lines = sum(1 for _ in f)
    prefix = prefix_of(path, PREFIX_LINES)
    # (name, command, file): the schema peers validate about 1-10 MB/s, so they run on the first
    # PREFIX_LINES lines only; MB/s is computed on the file each tool read.
    tools = [
        ("clmanifest lint (all cores)", [clmanifest, "lint", "--isolated", path], path),
        ("clmanifest lint --jobs 1", [clmanifest, "lint", "--isolated", "--jobs", "1", path], path),
    ]
    if shutil.which("jq"):
        tools.append(("jq -c .", ["jq", "-c", ".", path], path))
    simdjson = simdjson_peer()
    if simdjson:
        tools.append((SIMDJSON, [simdjson, path], path))
    tools.append(("python json.loads per line", [sys.executable, os.path.join(HERE, "python_json.py"), path], path))
    schemas = os.path.join(HERE, "python_schemas.py")
    for module, name, script in (
        ("orjson", "python orjson.loads per line", [os.path.join(HERE, "python_orjson.py")]),
        ("fastjsonschema", "python fastjsonschema, bundled schemas", [schemas, "fastjsonschema"]),
        ("jsonschema", "python jsonschema, bundled schemas", [schemas, "jsonschema"]),
    ):
        try:
            __import__(module)
        except ImportError:
            print(f"({module} is not installed: {name} not measured)")
            continue
        on = prefix if "schemas" in name else path
        tools.append((name, [sys.executable] + script + [on], on))

    times = {name: [] for name, _, _ in tools}
    rss = {name: 0 for name, _, _ in tools}
    parse_only = []  # simdjson's own timing of its parse, the file's loading excluded
    for _ in range(runs):
        for name, command, _ in tools:
            if name == SIMDJSON:
                elapsed, peak, code, output = run(command, capture=True)
                fields = output.split()
                if code == 0 and len(fields) == 2:
                    parse_only.append(float(fields[1]))
            else:
                elapsed, peak, code = run(command)
            if name.startswith("clmanifest") and code not in (0, 1):
                sys.exit(f"clmanifest exited {code}")
            if not name.startswith("clmanifest") and code != 0:
                sys.exit(f"{name} exited {code}")
            times[name].append(elapsed)
            rss[name] = max(rss[name], peak)

    print(f"Machine: {machine()}")
    print(f"File: {os.path.basename(path)}, {lines:,} lines, {size / 1e6:.1f} MB; median of {runs} runs, interleaved;")
    print(f"the schema peers read its first {PREFIX_LINES:,} lines ({os.path.getsize(prefix) / 1e6:.1f} MB)\n")
    print("| tool | lines read | median s | MB/s | clmanifest (all cores) is × faster, by MB/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|")
    base = size / statistics.median(times["clmanifest lint (all cores)"])
    for name, _, on in tools:
        median = statistics.median(times[name])
        speed = os.path.getsize(on) / median
        read = lines if on == path else PREFIX_LINES
        print(f"| {name} | {read:,} | {median:.3f} | {speed / 1e6:.0f} | {base / speed:.1f} | {rss[name] / 1e6:.1f} |")
        if name == SIMDJSON and parse_only:
            median = statistics.median(parse_only)
            speed = size / median
            print(f"| {SIMDJSON}, parse only (its own timer, loading excluded) | {lines:,} | {median:.3f} | "
                  f"{speed / 1e6:.0f} | {base / speed:.2f} | |")

    if extra:
        print("\nPeak RSS of `clmanifest lint` by file size:\n")
        print("| file | MB | median s | MB/s | peak RSS MB |")
        print("|---|---:|---:|---:|---:|")
        for other in [path] + extra:
            results = [run([clmanifest, "lint", "--isolated", other]) for _ in range(max(1, runs // 2))]
            median = statistics.median(r[0] for r in results)
            other_size = os.path.getsize(other)
            print(f"| {os.path.basename(other)} | {other_size / 1e6:.0f} | {median:.3f} | "
                  f"{other_size / 1e6 / median:.0f} | {max(r[1] for r in results) / 1e6:.1f} |")


if __name__ == "__main__":
    main()
