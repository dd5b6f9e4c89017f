"""The dataset commands of `ceasefire-annotate`: summary, build, datasheet, publish, records."""

from __future__ import annotations

import sys
from pathlib import Path

from ceasefire._cli import EXIT_BAD_INPUT, EXIT_OK, add_format, formatter, options, say, write_or_check
from ceasefire.outputs import check_output_folder
from ceasefire.schema import load_schema

from . import hub_records


def cmd_summary(args) -> int:
    import json

    from ceasefire.annotate.corpus.folder import read_annotation
    from ceasefire.data import gold_dir

    from .summary import render, summarize

    summary = summarize(*read_annotation(args.path or gold_dir(), load_schema(args.schema)))
    sys.stdout.write(json.dumps(summary, indent=2) + "\n" if args.format == "json" else render(summary))
    return EXIT_OK


def cmd_build(args) -> int:
    from ceasefire.data import data_dir, gold_dir

    from .build import build_dataset, check

    out = Path(args.out) if args.out else data_dir() / "hf"
    if args.check:
        problems = check(out, schema=load_schema(args.schema), gold=args.gold, annotations=args.annotations)
        for p in problems:
            print(p if p.startswith("note:") else f"error: {p}", file=sys.stderr)
        if problems:
            print(f"error: {out} is stale; run `ceasefire-annotate build`", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"{out} is current: every file is byte-identical to what `build` writes")
        return EXIT_OK
    check_output_folder(out, inputs=[args.gold or gold_dir()], option="--out")  # before the work, not after
    sizes = build_dataset(out, schema=load_schema(args.schema), gold=args.gold, annotations=args.annotations)
    for config, s in sizes.items():
        print(f"{config}: {s['num_examples']} rows -> {out / s['path']}")
    print(f"wrote {out} (README.md with dataset_info, SHA256SUMS)")
    return EXIT_OK


def cmd_publish(args) -> int:
    from ceasefire.data import data_dir

    from .publish import publish

    folder = Path(args.folder) if args.folder else data_dir() / "hf"
    try:
        # a reader of the list that goes away (`| head`) does not cut the upload short
        problems = publish(folder, args.repo_id, dry_run=args.dry_run, schema=load_schema(args.schema), gold=args.gold, out=say)
    except Exception as exc:  # network and Hub errors: one line, no traceback, token never shown
        print(f"error: publishing to {args.repo_id!r} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    return EXIT_BAD_INPUT if problems else EXIT_OK


def cmd_datasheet(args) -> int:
    from .datasheet import datasheet_text

    path = Path(args.path)
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "no such file"
        print(f"error: {path}: --path: {what}; allowed: the datasheet file (run from the repository root or give --path)", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        current = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {path}: --path: cannot be read as UTF-8 text ({exc}); allowed: the datasheet file", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        new = datasheet_text(current, gold=args.gold, annotations=args.annotations)
    except ValueError as exc:
        print(f"error: {path}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return write_or_check(path, current, new, check=args.check, wrote=f"wrote {path}",
                          stale="generated statistics or agreement are out of date; run `ceasefire-annotate datasheet`")


def _add_summary(sub) -> None:
    p = sub.add_parser(
        "summary",
        parents=options("schema"),
        help="counts per layer, type and article, and across articles",
        description="Print the counts of an annotated corpus (default: the shipped gold).",
        epilog="examples:\n  ceasefire-annotate summary\n  ceasefire-annotate summary data/annotations/A --format json",
        formatter_class=formatter,
    )
    p.add_argument("path", nargs="?", metavar="PATH", help="records file or folder (default: data/gold)")
    add_format(p, "markdown", "json")
    p.set_defaults(func=cmd_summary)


def _add_build(sub) -> None:
    p = sub.add_parser(
        "build",
        parents=options("gold", "schema"),
        help="rebuild the Hugging Face dataset folder (data/hf) from the gold",
        description="Write Parquet files with explicit features for every config (documents, mentions, entities,\n"
        "events, claims, relations, cross_document, tokens), the dataset card with dataset_info, the shipped\n"
        "documents and SHA256SUMS. Deterministic: building twice gives identical bytes, and with the\n"
        "'build' extra's pins, the same bytes on any machine. Needs the 'build' extra (pip install 'ceasefire[build]').",
        epilog="examples:\n  ceasefire-annotate build\n  ceasefire-annotate build --check\n  ceasefire-annotate build --out /tmp/ceasefire-hf",
        formatter_class=formatter,
    )
    p.add_argument("--out", metavar="DIR", help="output folder (default: data/hf)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 2 if the folder differs from what the build would write")
    p.add_argument("--annotations", nargs=2, metavar=("ANN_A", "ANN_B"), help="the two independent annotations of the card's agreement table (default: data/annotations/A and B)")
    p.set_defaults(func=cmd_build)


def _add_datasheet(sub) -> None:
    p = sub.add_parser(
        "datasheet",
        parents=options("gold"),
        help="regenerate the statistics and agreement figures in DATASHEET.md (or README.md, docs/dataset.md)",
        description="Recompute the blocks between <!-- generated:... --> markers in DATASHEET.md (or another file\n"
        "given by --path, such as README.md or docs/dataset.md) from the data: counts per layer, type\n"
        "and article, and agreement between the annotations (ceasefire-eval agree) beside published figures.",
        epilog="examples:\n  ceasefire-annotate datasheet\n  ceasefire-annotate datasheet --check\n"
        "  ceasefire-annotate datasheet --path README.md\n  ceasefire-annotate datasheet --path docs/dataset.md",
        formatter_class=formatter,
    )
    p.add_argument("--path", default="DATASHEET.md", metavar="FILE", help="the datasheet, rewritten in place (default: DATASHEET.md)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 2 if the file's generated blocks are out of date")
    p.add_argument("--annotations", nargs=2, metavar=("ANN_A", "ANN_B"), help="the two independent annotations of the agreement figures (default: data/annotations/A and B)")
    p.set_defaults(func=cmd_datasheet)


def _add_publish(sub) -> None:
    p = sub.add_parser(
        "publish",
        parents=options("gold", "schema"),
        help="push the dataset folder to the Hugging Face Hub (or --dry-run)",
        description="Check the folder (card metadata against the value lists shipped with datasets and\n"
        "huggingface_hub, SHA256SUMS against the files, every file against what `build --check` expects)\n"
        "and upload it with huggingface_hub. The token is read from HF_TOKEN (or HUGGING_FACE_HUB_TOKEN),\n"
        "checked with the Hub before anything is uploaded, and never printed. --dry-run lists exactly what\n"
        "would be uploaded and uploads nothing. Needs the 'build' extra (pip install 'ceasefire[build]').",
        epilog="examples:\n  ceasefire-annotate publish --repo-id my-org/ceasefire --dry-run\n  HF_TOKEN=... ceasefire-annotate publish --repo-id my-org/ceasefire",
        formatter_class=formatter,
    )
    p.add_argument("--repo-id", required=True, metavar="NAME", help="dataset repository, e.g. my-org/ceasefire")
    p.add_argument("--dry-run", action="store_true", help="list what would be uploaded and check the card; upload nothing")
    p.add_argument("--folder", metavar="DIR", help="dataset folder (default: data/hf)")
    p.set_defaults(func=cmd_publish)


#: command name -> the function that declares it on the `ceasefire-annotate` subparsers
COMMANDS = {"summary": _add_summary, "build": _add_build, "datasheet": _add_datasheet, "publish": _add_publish,
            "records": hub_records.add_parser}
