"""Writes reference.expected.jsonl: Python jsonschema's verdict on each line of reference.jsonl.

Run by hand when the fixture changes (python3 make-reference.py); the tests only read its output.
For each line: whether it is valid, and each error's instance location (JSON Pointer) and keyword, as
jsonschema.Draft202012Validator.iter_errors reports them (jsonschema 4.26 when recorded).
"""
import json

import jsonschema
import yaml

with open("reference.schema.yaml") as f:
    schema = yaml.safe_load(f)
validator = jsonschema.Draft202012Validator(schema)


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def keyword(error):
    # jsonschema reports a property name that fails `propertyNames` by the inner keyword (e.g. pattern);
    # clmanifest reports it as propertyNames. Use the enclosing keyword so the two compare.
    return "propertyNames" if "propertyNames" in error.relative_schema_path else error.validator


with open("reference.jsonl") as source, open("reference.expected.jsonl", "w") as out:
    for number, line in enumerate(source, 1):
        instance = json.loads(line)
        errors = sorted({(pointer(e.absolute_path), keyword(e)) for e in validator.iter_errors(instance)})
        out.write(json.dumps({"line": number, "valid": not errors,
                              "errors": [{"pointer": p, "keyword": k} for p, k in errors]}) + "\n")
