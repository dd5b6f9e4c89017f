"""``ceasefire-eval``: validate records and score predictions against the gold."""

from __future__ import annotations

import argparse
import sys
import textwrap

from ceasefire._cli import EXIT_BAD_INPUT, EXIT_OK, print_problems
from ceasefire.data import load_articles
from ceasefire.schema import SchemaError, load_schema, read_records
from ceasefire.schema.validate import GOLD, PREDICTION, validate_records


def _formatter(prog):
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32)


def cmd_validate(args) -> int:
    schema = load_schema(args.schema)
    loaded, problems = read_records(args.files)
    mode = PREDICTION if args.predictions else GOLD
    reference = {k: v["text"] for k, v in load_articles().items()} if mode == PREDICTION else None
    result = validate_records(loaded, schema=schema, mode=mode, reference=reference)
    code = print_problems(problems + result.problems)
    if code == EXIT_OK:
        corpus = "1 corpus record" if result.corpus is not None else "no corpus record"
        print(f"OK: {len(result.documents)} documents, {corpus}, valid as {mode} under schema {schema.version}")
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ceasefire-eval",
        description="Validate Ceasefire records and score predictions against the gold.",
        formatter_class=_formatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "validate",
        help="check records against the schema and their text",
        formatter_class=_formatter,
        description="Check records (JSONL, JSON, or folders of them) against the schema and the text:\n"
        "types and attribute values, offsets and span text, ids, references, role and relation\n"
        "constraints, cross-document cluster declarations. Prints every problem; exit 2 if any.",
        epilog=textwrap.dedent(
            """\
            examples:
              ceasefire-eval validate data/gold
              ceasefire-eval validate --predictions my_system.jsonl
            """
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="JSONL/JSON file or folder of them")
    p.add_argument("--predictions", action="store_true", help="check as predictions: layers and attributes optional, spans may be given by text alone, documents must be the shipped articles")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_validate)
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
