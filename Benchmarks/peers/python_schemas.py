"""Peer: what a Python script does to check a manifest against clmanifest's bundled schemas.

Usage: python_schemas.py jsonschema|fastjsonschema MANIFEST

Per line: json.loads, the line schema (schemas/manifest-line.yaml), then for every label attribute
with a `-metadata` object the attribute and metadata schemas picked by the metadata `type`
(image-classification.yaml or object-detection.yaml), as `clmanifest lint` pairs them. Cross-file
`$ref`s (common.yaml#/...) are resolved by inlining common.yaml's `$defs`. Prints the number of lines
with at least one schema error, so the work cannot be skipped.
"""
import json
import os
import sys

import yaml

SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schemas")


def load(name):
    with open(os.path.join(SCHEMAS, name)) as f:
        return yaml.safe_load(f)


def inline(node, common):
    """The schema with every `common.yaml#/$defs/X` reference replaced by that definition."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("common.yaml#/$defs/"):
            rest = {k: v for k, v in node.items() if k != "$ref"}
            target = inline(common["$defs"][ref.rsplit("/", 1)[1]], common)
            return {"allOf": [target, inline(rest, common)]} if rest else target
        return {k: inline(v, common) for k, v in node.items()}
    if isinstance(node, list):
        return [inline(v, common) for v in node]
    return node


def compile_all(engine):
    common = load("common.yaml")
    line = inline(load("manifest-line.yaml"), common)
    kinds = {}
    for name, kind in (("image-classification.yaml", "groundtruth/image-classification"),
                       ("object-detection.yaml", "groundtruth/object-detection")):
        document = inline(load(name), common)
        defs = document["$defs"]
        parts = []
        for part in ("attribute", "metadata"):
            schema = dict(defs[part])
            schema["$defs"] = defs
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            parts.append(schema)
        kinds[kind] = parts
    if engine == "fastjsonschema":
        import fastjsonschema

        def compile_one(schema):
            check = fastjsonschema.compile(schema)

            def valid(instance):
                try:
                    check(instance)
                    return True
                except fastjsonschema.JsonSchemaException:
                    return False
            return valid
    else:
        import jsonschema

        def compile_one(schema):
            return jsonschema.Draft202012Validator(schema).is_valid
    return compile_one(line), {k: (compile_one(a), compile_one(m)) for k, (a, m) in kinds.items()}


def main():
    engine, path = sys.argv[1], sys.argv[2]
    line_valid, kinds = compile_all(engine)
    invalid = 0
    with open(path, "rb") as f:
        for raw in f:
            entry = json.loads(raw)
            ok = line_valid(entry)
            if isinstance(entry, dict):
                for key, metadata in entry.items():
                    if not key.endswith("-metadata") or not isinstance(metadata, dict):
                        continue
                    pair = kinds.get(metadata.get("type"))
                    attribute = key[: -len("-metadata")]
                    if pair and attribute in entry:
                        ok = pair[0](entry[attribute]) and pair[1](metadata) and ok
            invalid += not ok
    print(invalid)


if __name__ == "__main__":
    main()
