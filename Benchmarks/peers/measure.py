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


def run(command):
    """Seconds, peak RSS in bytes and exit code of one run.

    Peak RSS comes from /usr/bin/time (GNU time's %M): measured in a small parent, it is not inflated by
    this Python process, which wait4 would also count for a forked child before it execs.
    """
    wrapped = [TIME, "-f", "%M"] + command if TIME else command
    start = time.perf_counter()
    process = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    peak = 0
    if TIME:
        last = process.stderr.decode(errors="replace").strip().splitlines()[-1:]
        peak = int(last[0]) * 1024 if last and last[0].isdigit() else 0
    return elapsed, peak, process.returncode


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


def main():
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
    for _ in range(runs):
        for name, command, _ in tools:
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
