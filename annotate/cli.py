"""``ceasefire-annotate``: the annotation pipeline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ceasefire._cli import EXIT_BAD_INPUT, EXIT_OK, print_problems
from ceasefire.schema import InputError, SchemaError, load_schema
from ceasefire.schema.json_schema import committed_files
from ceasefire.schema.records import atomic_write


def cmd_jsonschema(args) -> int:
    schema = load_schema(args.schema)
    out = Path(args.out) if args.out else schema.path.parent
    for name, content in committed_files(schema).items():
        atomic_write(out / name, content)
        print(f"wrote {out / name}")
    return EXIT_OK


def cmd_summary(args) -> int:
    import json

    from ceasefire.data import gold_dir
    from ceasefire.schema import read_records
    from ceasefire.schema.validate import validate_records

    from .summary import render, summarize

    path = args.path or gold_dir()
    loaded, problems = read_records([path])
    result = validate_records(loaded, schema=load_schema(args.schema))
    if problems or result.problems:
        return print_problems(problems + result.problems)
    summary = summarize(result.documents, result.corpus)
    sys.stdout.write(json.dumps(summary, indent=2) + "\n" if args.format == "json" else render(summary))
    return EXIT_OK


def cmd_lint(args) -> int:
    from ceasefire.data import gold_dir

    from .lint import lint

    path = args.path or gold_dir()
    problems = lint(path, schema=load_schema(args.schema), check_articles=not args.any_text)
    code = print_problems(problems)
    if code == EXIT_OK:
        print(f"OK: {path} passes the data lint")
    return code


def cmd_diff(args) -> int:
    from ceasefire.schema import read_records
    from ceasefire.schema.validate import validate_records

    from .diff import diff_corpus, diff_documents

    sides = []
    for path in (args.a, args.b):
        loaded, problems = read_records([path])
        result = validate_records(loaded, schema=load_schema(args.schema))
        if problems or result.problems:
            return print_problems(problems + result.problems)
        sides.append(result)
    a, b = sides
    n = 0
    for doc_id in sorted(set(a.documents) | set(b.documents)):
        if doc_id not in a.documents or doc_id not in b.documents:
            print(f"== {doc_id}: only in {'A' if doc_id in a.documents else 'B'}")
            continue
        lines = diff_documents(a.documents[doc_id], b.documents[doc_id])
        n += len(lines)
        print(f"== {doc_id}: {len(lines)} differences")
        for line in lines:
            print(f"  {line}")
    lines = diff_corpus(a.documents, a.corpus or {}, b.documents, b.corpus or {})
    n += len(lines)
    print(f"== corpus: {len(lines)} differences")
    for line in lines:
        print(f"  {line}")
    print(f"{n} differences in all")
    return EXIT_OK


def cmd_build(args) -> int:
    from ceasefire.data import data_dir

    from .build import build_dataset

    out = Path(args.out) if args.out else data_dir() / "hf"
    sizes = build_dataset(out, schema=load_schema(args.schema), gold=args.gold)
    for config, s in sizes.items():
        print(f"{config}: {s['num_examples']} rows -> {out / s['path']}")
    print(f"wrote {out} (README.md with dataset_info, SHA256SUMS)")
    return EXIT_OK


def cmd_publish(args) -> int:
    from ceasefire.data import data_dir

    from .publish import publish

    folder = Path(args.folder) if args.folder else data_dir() / "hf"
    try:
        problems = publish(folder, args.repo_id, dry_run=args.dry_run)
    except Exception as exc:  # network and Hub errors: one line, no traceback, token never shown
        print(f"error: publishing to {args.repo_id!r} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    return EXIT_BAD_INPUT if problems else EXIT_OK


def cmd_datasheet(args) -> int:
    from ceasefire.schema.records import atomic_write

    from .reporting import datasheet_text

    path = Path(args.path)
    if not path.exists():
        print(f"error: {path}: no such file (run from the repository root or give --path)", file=sys.stderr)
        return EXIT_BAD_INPUT
    current = path.read_text(encoding="utf-8")
    new = datasheet_text(current)
    if args.check:
        if new != current:
            print(f"error: {path}: generated statistics or agreement are out of date; run `ceasefire-annotate datasheet`", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"OK: {path} is up to date")
        return EXIT_OK
    atomic_write(path, new)
    print(f"wrote {path}")
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

    p = sub.add_parser(
        "summary",
        help="counts per layer, type and article, and across articles",
        description="Print the counts of an annotated corpus (default: the shipped gold).",
        epilog="examples:\n  ceasefire-annotate summary\n  ceasefire-annotate summary data/annotations/A --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", help="records file or folder (default: data/gold)")
    p.add_argument("--format", choices=("markdown", "json"), default="markdown")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser(
        "lint",
        help="data lint of an annotated corpus (beyond the validator)",
        description="Validate, then check that annotated names are annotated everywhere, spans have no\n"
        "punctuation padding, events have arguments, claims have cue and content, the same actor has one\n"
        "id across articles, and the texts are the shipped articles. Exit 2 on any problem.",
        epilog="examples:\n  ceasefire-annotate lint\n  ceasefire-annotate lint data/annotations/B",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", help="records file or folder (default: data/gold)")
    p.add_argument("--any-text", action="store_true", help="do not require the texts to be the shipped articles")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_lint)

    p = sub.add_parser(
        "diff",
        help="list every difference between two annotations (for adjudication)",
        description="Compare two annotations of the same articles item by item (mentions by span, events by\n"
        "trigger, claims by content, relations by their ends) and print one line per difference.",
        epilog="example:\n  ceasefire-annotate diff data/annotations/A data/annotations/B",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("a", metavar="ANN_A")
    p.add_argument("b", metavar="ANN_B")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser(
        "build",
        help="rebuild the Hugging Face dataset folder (data/hf) from the gold",
        description="Write Parquet files with explicit features for every config (documents, mentions, entities,\n"
        "events, claims, relations, cross_document), the dataset card with dataset_info, and SHA256SUMS.\n"
        "Deterministic: building twice gives identical bytes.",
        epilog="examples:\n  ceasefire-annotate build\n  ceasefire-annotate build --out /tmp/ceasefire-hf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--out", metavar="DIR", help="output folder (default: data/hf)")
    p.add_argument("--gold", metavar="PATH", help="gold records (default: data/gold)")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "datasheet",
        help="regenerate the statistics and agreement figures in DATASHEET.md",
        description="Recompute the blocks between <!-- generated:... --> markers in DATASHEET.md from the data:\n"
        "counts per layer, type and article, and agreement between the annotations (ceasefire-eval agree).",
        epilog="examples:\n  ceasefire-annotate datasheet\n  ceasefire-annotate datasheet --check",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--path", default="DATASHEET.md", help="the datasheet (default: DATASHEET.md)")
    p.add_argument("--check", action="store_true", help="only check that the file is up to date (exit 2 if not)")
    p.set_defaults(func=cmd_datasheet)

    p = sub.add_parser(
        "publish",
        help="push the dataset folder to the Hugging Face Hub (or --dry-run)",
        description="Check the folder (card metadata against the value lists shipped with datasets and\n"
        "huggingface_hub, SHA256SUMS against the files) and upload it with huggingface_hub. The token is\n"
        "read from HF_TOKEN (or HUGGING_FACE_HUB_TOKEN) and never printed. --dry-run lists exactly what\n"
        "would be uploaded and uploads nothing.",
        epilog="examples:\n  ceasefire-annotate publish --repo-id my-org/ceasefire --dry-run\n  HF_TOKEN=... ceasefire-annotate publish --repo-id my-org/ceasefire",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--repo-id", required=True, metavar="NAME", help="dataset repository, e.g. my-org/ceasefire")
    p.add_argument("--dry-run", action="store_true", help="list what would be uploaded and check the card; upload nothing")
    p.add_argument("--folder", metavar="DIR", help="dataset folder (default: data/hf)")
    p.set_defaults(func=cmd_publish)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:
        return print_problems(exc.problems)
    except SchemaError as exc:
        print(f"error: schema: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
