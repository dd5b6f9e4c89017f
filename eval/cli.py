"""``ceasefire-eval``: validate records and score predictions against the gold."""

from __future__ import annotations

import argparse
import sys
import textwrap

from ceasefire._cli import EXIT_BAD_INPUT, EXIT_OK, print_problems
from ceasefire.data import load_articles
from ceasefire.schema import InputError, SchemaError, load_schema, read_records
from ceasefire.schema.records import atomic_write
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


def cmd_score(args) -> int:
    from .api import public, score_files
    from .render import FORMATS

    if args.bootstrap < 0:
        print(f"error: --bootstrap: {args.bootstrap} is negative; allowed: 0 (off) or a number of resamples, e.g. 1000", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = score_files(args.predictions, gold=args.gold, allow_missing=args.allow_missing, schema=load_schema(args.schema),
                         bootstrap=args.bootstrap, seed=args.seed)
    text = FORMATS[args.format](public(result))
    if args.output:
        atomic_write(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


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

    p = sub.add_parser(
        "score",
        help="score predictions against the gold, every layer",
        formatter_class=_formatter,
        description="Validate the predictions (as `validate --predictions` does) and score them against the gold:\n"
        "mentions (strict/exact/overlap/type), coreference (MUC, B-cubed, CEAF-e, LEA, CoNLL; within and\n"
        "across documents), events (triggers, arguments), claims (source, cue, content, tuple), relations,\n"
        "and attribute accuracy / macro-F1. Definitions: eval/METRICS.md.",
        epilog=textwrap.dedent(
            """\
            examples:
              ceasefire-eval score predictions.jsonl
              ceasefire-eval score predictions.jsonl --format table
              ceasefire-eval score predictions.jsonl --gold data/gold -o scores.json
            """
        ),
    )
    p.add_argument("predictions", nargs="+", metavar="PRED", help="predictions: JSONL/JSON file(s) or folder(s) in the record format")
    p.add_argument("--gold", metavar="PATH", help="gold records (default: the shipped data/gold)")
    p.add_argument("--format", choices=("json", "table", "markdown"), default="json", help="output format (default: json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the result here (atomically) instead of stdout")
    p.add_argument("--allow-missing", action="store_true", help="score a gold document without predictions as empty instead of refusing; the output lists it")
    p.add_argument("--bootstrap", type=int, default=0, metavar="N", help="add 95%% confidence intervals from N resamples of sentences (default: 0, off)")
    p.add_argument("--seed", type=int, default=12345, help="random seed for --bootstrap (default: 12345, as sacrebleu)")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_score)
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
