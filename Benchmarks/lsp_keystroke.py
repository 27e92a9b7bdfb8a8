"""Times `clmanifest server` on a large manifest: a keystroke to fresh diagnostics.

Usage: python3 Benchmarks/lsp_keystroke.py CLMANIFEST MANIFEST [KEYSTROKES]

Starts the language server, opens MANIFEST (didOpen with its whole text) and waits for its diagnostics;
then, KEYSTROKES times (default 60), changes one character of the next line with a box from the middle of the
file on (a digit of its width, with an incremental didChange, as an editor sends a keystroke) and waits for the
publishDiagnostics of that document version. Prints the open time and the median, 90th percentile and
worst keystroke-to-diagnostics time, and the same for a burst of 10 keystrokes sent at once (the server
checks once, after the last). Also checks that every answer has as many diagnostics as `clmanifest lint`
gives for the final text.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time


class Server:
    def __init__(self, binary):
        self.process = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        headers = {}
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("the server ended")
            line = line.strip()
            if not line:
                break
            name, value = line.decode().split(":", 1)
            headers[name.lower()] = value.strip()
        return json.loads(self.process.stdout.read(int(headers["content-length"])))

    def diagnostics(self, version):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == version:
                return message["params"]["diagnostics"]


def main():
    binary, path = os.path.abspath(sys.argv[1]), sys.argv[2]
    keystrokes = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    lines = text.split("\n")
    server = Server(binary)
    server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    server.receive()
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "file://" + os.path.abspath(path)
    start = time.perf_counter()
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "jsonl", "version": 1, "text": text}}})
    found = server.diagnostics(1)
    opened = time.perf_counter() - start

    # Lines in the middle with a box width to retype.
    middle = len(lines) // 2
    width = re.compile(r'"width":\s*(?=\d)')
    targets = [number for number in range(middle, min(len(lines) - 1, middle + 5000))
               if width.search(lines[number])][:keystrokes]
    if len(targets) < 50:
        raise SystemExit("too few lines with a box width in the middle of the file")
    version = 1

    def keystroke(number):
        nonlocal version
        line = lines[number]
        at = width.search(line).end()
        digit = "7" if line[at] != "7" else "8"
        lines[number] = line[:at] + digit + line[at + 1:]
        version += 1
        server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": number, "character": at},
                                          "end": {"line": number, "character": at + 1}}, "text": digit}]}})

    times = []
    for number in targets:
        start = time.perf_counter()
        keystroke(number)
        found = server.diagnostics(version)
        times.append(time.perf_counter() - start)
    bursts = []
    for round_ in range(5):
        start = time.perf_counter()
        for number in targets[round_ * 10:(round_ + 1) * 10]:
            keystroke(number)
        found = server.diagnostics(version)
        bursts.append(time.perf_counter() - start)
    server.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    server.receive()
    server.send({"jsonrpc": "2.0", "method": "exit"})
    server.process.wait()

    with tempfile.NamedTemporaryFile("w", suffix=".manifest", delete=False, encoding="utf-8") as final:
        final.write("\n".join(lines))
    lint = subprocess.run([binary, "lint", final.name, "--format", "json"], capture_output=True)
    os.unlink(final.name)
    expected = len(json.loads(lint.stdout))
    if expected != len(found):
        raise SystemExit(f"the server gave {len(found)} diagnostics, lint {expected}")

    times.sort()
    print(f"{len(lines) - 1:,} lines ({len(text.encode()) / 1e6:.1f} MB), {len(found):,} diagnostics")
    print()
    print("| step | median ms | p90 ms | worst ms |")
    print("|---|---:|---:|---:|")
    print(f"| open (didOpen to diagnostics) | {opened * 1000:.0f} | | |")
    p90 = times[int(len(times) * 0.9) - 1]
    print(f"| keystroke to diagnostics ({len(times)}) | {statistics.median(times) * 1000:.1f} | {p90 * 1000:.1f} "
          f"| {max(times) * 1000:.1f} |")
    print(f"| burst of 10 keystrokes to diagnostics ({len(bursts)}) | {statistics.median(bursts) * 1000:.1f} | "
          f"| {max(bursts) * 1000:.1f} |")


if __name__ == "__main__":
    main()
