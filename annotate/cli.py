"""``ceasefire-annotate``: the annotation pipeline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ceasefire._cli import EXIT_BAD_INPUT, EXIT_OK
from ceasefire.schema import SchemaError, load_schema
from ceasefire.schema.json_schema import committed_files
from ceasefire.schema.records import atomic_write


def cmd_jsonschema(args) -> int:
    schema = load_schema(args.schema)
    out = Path(args.out) if args.out else schema.path.parent
    for name, content in committed_files(schema).items():
        atomic_write(out / name, content)
        print(f"wrote {out / name}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ceasefire-annotate", description="The Ceasefire annotation pipeline.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    p = sub.add_parser(
        "jsonschema",
        help="regenerate the JSON Schema files of the record format from schema.yaml",
        description="Write gold.schema.json and prediction.schema.json, generated from the schema file.",
        epilog="example:\n  ceasefire-annotate jsonschema",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.add_argument("--out", metavar="DIR", help="folder to write to (default: beside the schema file)")
    p.set_defaults(func=cmd_jsonschema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SchemaError as exc:
        print(f"error: schema: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
