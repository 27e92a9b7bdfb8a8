"""Times checking images in S3 (a local moto server): `clmanifest lint --images s3://…` beside a boto3
script doing the same HEAD + ranged GET of the first 64 KB per image with a pool of 32 threads, and
sequentially, in the same run.

Usage: python3 Benchmarks/s3images.py CLMANIFEST [IMAGES] [RUNS] [LATENCY_MS]

Starts moto's server (pip install "moto[server]") on 127.0.0.1, puts IMAGES (default 10,000) small JPEGs
(a frame header and an end marker, 640 × 480) in s3://bench-images/img/, writes an image-level manifest
naming them, then runs each tool RUNS times (default 3), interleaved. Prints a Markdown table of median
seconds and images per second, and each as a multiple of clmanifest's time. moto is one Python process:
it is the bottleneck for every tool, so the ratios say how well each keeps it busy.

`ALSO=PATH[:PATH]` times other clmanifest binaries the same way (an earlier build, say), after the first.

With LATENCY_MS, the server is instead a small threaded HTTP server of this script that answers every
HEAD and GET with the same JPEG after LATENCY_MS milliseconds (as a distant S3 would), so that what is
measured is how many requests each tool keeps in flight.
"""
import concurrent.futures
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import boto3
from botocore.config import Config

HERE = os.path.dirname(os.path.abspath(__file__))
BUCKET = "bench-images"


def jpeg(width, height):
    frame = bytes([0xFF, 0xC0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03,
                   0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01])
    return bytes([0xFF, 0xD8]) + frame + bytes([0xFF, 0xD9])


def latency_server(port, seconds):
    import http.server
    import socketserver
    import threading

    body = jpeg(640, 480)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *arguments):
            pass

        def answer(self, status, with_body):
            time.sleep(seconds)
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", '"e"')
            if status == 206:
                self.send_header("Content-Range", f"bytes 0-{len(body) - 1}/{len(body)}")
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def do_HEAD(self):
            self.answer(200, False)

        def do_GET(self):
            self.answer(206 if self.headers.get("Range") else 200, True)

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def client(endpoint):
    return boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="testing", aws_secret_access_key="testing",
                        region_name="us-east-1", config=Config(max_pool_connections=64, retries={"max_attempts": 5}))


def check(s3, key):
    s3.head_object(Bucket=BUCKET, Key=key)
    s3.get_object(Bucket=BUCKET, Key=key, Range="bytes=0-65535")["Body"].read()


def boto3_pool(endpoint, keys):
    s3 = client(endpoint)
    with concurrent.futures.ThreadPoolExecutor(32) as pool:
        list(pool.map(lambda key: check(s3, key), keys))


def boto3_sequential(endpoint, keys):
    s3 = client(endpoint)
    for key in keys:
        check(s3, key)


def main():
    binary = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    latency = float(sys.argv[4]) / 1000 if len(sys.argv) > 4 else None
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    if latency is not None:
        server = None
        latency_server(port, latency)
    else:
        server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        s3 = client(endpoint)
        keys = [f"img/{index:06d}.jpg" for index in range(count)]
        if server is not None:
            s3.create_bucket(Bucket=BUCKET)
            body = jpeg(640, 480)
            with concurrent.futures.ThreadPoolExecutor(32) as pool:
                list(pool.map(lambda key: s3.put_object(Bucket=BUCKET, Key=key, Body=body), keys))
        manifest = os.path.join(tempfile.mkdtemp(), "images.manifest")
        with open(manifest, "w") as out:
            for key in keys:
                out.write('{"source-ref": "s3://%s/%s", "l": 1, "l-metadata": {"confidence": 1, "class-name": "x", '
                          '"human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", '
                          '"type": "groundtruth/image-classification"}}\n' % (BUCKET, key))
        environment = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                           AWS_ENDPOINT_URL_S3=endpoint, AWS_REGION="us-east-1")
        def clmanifest(path):
            command = [path, "lint", manifest, "--images", f"s3://{BUCKET}/img/", "--s3-concurrency", "32",
                       "--format", "jsonl"]

            def run():
                result = subprocess.run(command, env=environment, capture_output=True)
                if result.returncode not in (0, 1):
                    raise SystemExit(f"clmanifest failed: {result.stderr.decode()[-400:]}")
                if b"CL60" in result.stdout:
                    raise SystemExit("clmanifest reported image findings on valid images")
            return run

        tools = {"clmanifest lint --images s3://… --s3-concurrency 32": clmanifest(binary)}
        for other in filter(None, os.environ.get("ALSO", "").split(":")):
            tools[f"the same, {other}"] = clmanifest(os.path.abspath(other))
        tools.update({
            "boto3, HEAD + ranged GET, 32 threads": lambda: boto3_pool(endpoint, keys),
            "boto3, HEAD + ranged GET, sequential": lambda: boto3_sequential(endpoint, keys),
        })
        times = {name: [] for name in tools}
        for _ in range(runs):
            for name, run in tools.items():
                start = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - start)
        where = f"a server answering after {latency * 1000:.0f} ms" if latency is not None else "moto's server"
        print(f"{count:,} images in {where} ({endpoint}), median of {runs} run(s), interleaved; "
              f"{os.cpu_count()} cores")
        print()
        print("| tool | median s | images/s | × clmanifest |")
        print("|---|---:|---:|---:|")
        base = statistics.median(next(iter(times.values())))
        for name in tools:
            median = statistics.median(times[name])
            print(f"| {name} | {median:.2f} | {count / median:,.0f} | {median / base:.2f} |")
    finally:
        if server is not None:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
