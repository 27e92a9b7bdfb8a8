"""Times `clmanifest lint --images` on N generated images against the same lint without images.

Usage: python3 Benchmarks/images.py CLMANIFEST [N] [RUNS]

Writes N flat-gray 1024 x 768 JPEGs (about 3 KB each, every file its own inode) and a manifest of N
bounding-box lines that name them under Benchmarks/data/images-N/, then runs, interleaved, RUNS times:
`lint --isolated FILE` and `lint --isolated --images PREFIX=DIR FILE`. Prints the medians and the time
the images add. With --cold (as root), the page cache is dropped before each run with images.
"""
import os
import statistics
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def jpeg(width, height):
    """A baseline grayscale JPEG of one flat gray: one-symbol Huffman tables, every block 'DC 0, EOB'."""
    def segment(marker, payload):
        return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload
    one_symbol = bytes([1] + [0] * 15 + [0])
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    scan = bytearray((2 * blocks + 7) // 8)
    if (2 * blocks) % 8:
        scan[-1] = 0xFF >> ((2 * blocks) % 8)
    return (b"\xFF\xD8" + segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0")
            + segment(0xDB, bytes([0] + [1] * 64))
            + segment(0xC0, bytes([8]) + struct.pack(">HH", height, width) + bytes([1, 1, 0x11, 0]))
            + segment(0xC4, bytes([0x00]) + one_symbol + bytes([0x10]) + one_symbol)
            + segment(0xDA, bytes([1, 1, 0, 0, 63, 0])) + bytes(scan) + b"\xFF\xD9")


def prepare(count):
    root = os.path.join(HERE, "data", f"images-{count}")
    images = os.path.join(root, "images")
    manifest = os.path.join(root, "manifest.jsonl")
    if os.path.exists(manifest):
        return manifest, images
    os.makedirs(images, exist_ok=True)
    picture = jpeg(1024, 768)
    with open(manifest + ".tmp", "w") as out:
        for index in range(count):
            name = f"d{index // 1000:03d}/frame_{index:06d}.jpg"
            os.makedirs(os.path.join(images, os.path.dirname(name)), exist_ok=True)
            with open(os.path.join(images, name), "wb") as f:
                f.write(picture)
            out.write(
                '{"source-ref":"s3://bench-bucket/frames/%s","bb":{"image_size":[{"width":1024,"height":768,'
                '"depth":3}],"annotations":[{"class_id":0,"left":%d,"top":40,"width":200,"height":150}]},'
                '"bb-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"car"},"type":'
                '"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-06-01T00:00:00"}}\n'
                % (name, index % 800))
    os.rename(manifest + ".tmp", manifest)
    return manifest, images


def timed(command, cold=False):
    if cold:
        subprocess.run(["sync"])
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {result.returncode}: {result.stderr.decode()[-500:]}")
    return elapsed


def main():
    arguments = [a for a in sys.argv[1:] if a != "--cold"]
    cold = "--cold" in sys.argv
    clmanifest = arguments[0]
    count = int(arguments[1]) if len(arguments) > 1 else 10_000
    runs = int(arguments[2]) if len(arguments) > 2 else 5
    manifest, images = prepare(count)
    plain = [clmanifest, "lint", "--isolated", manifest]
    checked = [clmanifest, "lint", "--isolated", "--images", f"s3://bench-bucket/frames/={images}", manifest]
    without, with_images = [], []
    for _ in range(runs):
        without.append(timed(plain))
        with_images.append(timed(checked, cold))
    a, b = statistics.median(without), statistics.median(with_images)
    print(f"{count:,} lines and images ({'page cache dropped before each run with images' if cold else 'warm page cache'}),"
          f" median of {runs}:")
    print("| command | median s |")
    print("|---|---:|")
    print(f"| lint | {a:.3f} |")
    print(f"| lint --images | {b:.3f} |")
    print(f"| added by the images | {b - a:.3f} ({(b - a) / count * 1e6:.0f} µs an image) |")


if __name__ == "__main__":
    main()
