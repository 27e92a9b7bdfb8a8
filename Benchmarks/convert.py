"""Times `clmanifest convert` (COCO → manifest) beside panlabel and globox on one generated COCO file.

Usage: python3 Benchmarks/convert.py CLMANIFEST [IMAGES] [BOXES_PER_IMAGE] [RUNS]

Writes Benchmarks/data/coco-IMAGES.json (seeded; defaults 100,000 images and 10 boxes each, 1,000,000
boxes) unless it is there, then runs each tool RUNS times (default 1), interleaved:
- clmanifest convert FILE --from coco -o OUT.manifest --s3-prefix s3://bench-bucket/images/ (it also lints
  the output);
- panlabel convert --from coco --to sagemaker -i FILE -o OUT (pip install panlabel; Rust);
- globox convert FILE OUT.xml --format coco --save_fmt cvat (pip install globox; Python; it cannot write a
  manifest, so it writes one CVAT XML file: the same read, another write).
Prints a Markdown table: median seconds, peak RSS, and each tool's time as a multiple of clmanifest's.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
from measure import interleaved, ratio_table  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def generate(path, images, per_image):
    generator = random.Random(42)
    categories = [{"id": index * 3 + 1, "name": f"class-{index}"} for index in range(80)]
    with open(path, "w") as out:
        out.write('{"info": {"description": "generated"}, "categories": ')
        json.dump(categories, out)
        out.write(', "images": [')
        for index in range(images):
            if index:
                out.write(",")
            width, height = generator.choice([(640, 480), (1280, 720), (1920, 1080)])
            json.dump({"id": index + 1, "file_name": f"batch-{index // 1000:03d}/img-{index:07d}.jpg",
                       "width": width, "height": height}, out)
        out.write('], "annotations": [')
        number = 0
        for index in range(images):
            for _ in range(per_image):
                x = round(generator.uniform(0, 500), 2)
                y = round(generator.uniform(0, 400), 2)
                w = round(generator.uniform(5, 130), 2)
                h = round(generator.uniform(5, 70), 2)
                if number:
                    out.write(",")
                number += 1
                json.dump({"id": number, "image_id": index + 1, "category_id": generator.choice(categories)["id"],
                           "bbox": [x, y, w, h], "area": round(w * h, 2), "iscrowd": 0}, out)
        out.write("]}\n")


def main():
    binary = os.path.abspath(sys.argv[1])
    images = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    per_image = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    data = os.path.join(HERE, "data")
    os.makedirs(data, exist_ok=True)
    coco = os.path.join(data, f"coco-{images}.json")
    if not os.path.exists(coco):
        generate(coco, images, per_image)
    scratch = tempfile.mkdtemp()
    tools = {
        "clmanifest convert (COCO → manifest, then lint)": [
            binary, "convert", coco, "--from", "coco", "-o", os.path.join(scratch, "out.manifest"),
            "--s3-prefix", "s3://bench-bucket/images/", "--creation-date", "2024-01-01T00:00:00"],
    }
    if shutil.which("panlabel"):
        tools["panlabel convert --from coco --to sagemaker (Rust)"] = [
            "panlabel", "convert", "--from", "coco", "--to", "sagemaker", "-i", coco, "-o",
            os.path.join(scratch, "panlabel.manifest"), "--allow-lossy"]
    else:
        print("(panlabel is not installed: pip install panlabel)")
    if shutil.which("globox"):
        tools["globox convert --format coco --save_fmt cvat (Python)"] = [
            "globox", "--quiet", "convert", coco, os.path.join(scratch, "globox.xml"), "--format", "coco",
            "--save_fmt", "cvat"]
    else:
        print("(globox is not installed: pip install globox)")
    times, peaks, codes = interleaved(tools, runs)
    size = os.path.getsize(coco)
    print(f"File: {os.path.basename(coco)}, {images:,} images, {images * per_image:,} boxes, {size / 1e6:.1f} MB; "
          f"median of {runs} run(s), interleaved")
    print()
    print(ratio_table(times, peaks, codes, "clmanifest"))
    lines = sum(1 for _ in open(os.path.join(scratch, "out.manifest"), "rb"))
    print()
    print(f"clmanifest wrote {lines:,} lines.")
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
