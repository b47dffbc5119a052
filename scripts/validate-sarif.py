#!/usr/bin/env python3
"""Validates SARIF files against the official SARIF 2.1.0 JSON schema (OASIS), with Python's jsonschema.

usage: scripts/validate-sarif.py [--schema PATH] FILE...

The schema is not committed: it is read from ../shared/sarif/sarif-schema-2.1.0.json next to the repository
(or --schema, or $SARIF_SCHEMA). When it is absent the script says so and exits 0, so CI without it still
passes; when jsonschema is missing it exits 2. Exit 1 when a file is invalid, with every error's JSON path.
"""
import json
import os
import sys


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    schema_path = os.environ.get("SARIF_SCHEMA") or os.path.join(
        os.path.dirname(root), "shared", "sarif", "sarif-schema-2.1.0.json")
    files = []
    args = iter(argv)
    for arg in args:
        if arg == "--schema":
            schema_path = next(args, "")
        else:
            files.append(arg)
    if not files:
        print("usage: scripts/validate-sarif.py [--schema PATH] FILE...", file=sys.stderr)
        return 2
    if not os.path.isfile(schema_path):
        print(f"skipping SARIF validation: no schema at {schema_path}")
        return 0
    try:
        import jsonschema
    except ImportError:
        print("error: SARIF validation needs jsonschema: pip install jsonschema", file=sys.stderr)
        return 2
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            try:
                document = json.load(f)
            except json.JSONDecodeError as error:
                print(f"{path}: not JSON: {error}", file=sys.stderr)
                failed += 1
                continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}", file=sys.stderr)
        if errors:
            failed += 1
        else:
            print(f"{path}: valid SARIF 2.1.0")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
