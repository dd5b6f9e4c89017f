"""``ceasefire-eval``: validate records and score predictions against the gold."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from ceasefire._cli import EXIT_BAD_INPUT, EXIT_OK, print_problems, replace_generated, write_or_check
from ceasefire.data import load_articles
from pathlib import Path

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
    return _emit(FORMATS[args.format](public(result)), args.output)


def cmd_compare(args) -> int:
    from .api import compare_files

    for flag, value in (("--samples", args.samples), ("--trials", args.trials)):
        if value <= 0:
            print(f"error: {flag}: {value} is not positive; allowed: a number of resamples, e.g. 1000", file=sys.stderr)
            return EXIT_BAD_INPUT
    result = compare_files([args.a], [args.b], gold=args.gold, allow_missing=args.allow_missing, schema=load_schema(args.schema),
                           n_bootstrap=args.samples, n_ar=args.trials, seed=args.seed)
    if args.format == "json":
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    else:
        lines = [f"{'metric':32} {'F1 A':>6} {'F1 B':>6} {'delta':>7}  {'95% CI of delta':>17} {'p (bs)':>7} {'p (AR)':>7}"]
        f = lambda x: "n/a" if x is None else f"{100 * x:.1f}"
        for name, m in result["metrics"].items():
            ci = "n/a" if not m["delta_ci"] else f"[{f(m['delta_ci'][0])}, {f(m['delta_ci'][1])}]"
            p = lambda x: "n/a" if x is None else f"{x:.4f}"
            lines.append(f"{name:32} {f(m['f1_a']):>6} {f(m['f1_b']):>6} {f(m['delta']):>7}  {ci:>17} {p(m['p_bootstrap']):>7} {p(m['p_ar']):>7}")
        t = result["test"]
        lines.append(f"unit: {t['resampling_unit']} ({t['units']} units); seed {t['seed']}; {t['paired_bootstrap']['samples']} resamples, {t['approximate_randomization']['trials']} AR trials")
        text = "\n".join(lines) + "\n"
    return _emit(text, args.output)


def cmd_agree(args) -> int:
    from .api import agree_files

    result = agree_files(args.a, args.b, schema=load_schema(args.schema))
    if args.format == "json":
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    else:
        f = lambda x: "n/a" if x is None else f"{x:.3f}"
        lines = []
        for layer, row in result["layers"].items():
            lines.append(f"{layer}:")
            for m, v in row["pairwise_f1"].items():
                lines.append(f"  pairwise F1  {m:36} {f(v)}")
            for a, v in row["kappa"].items():
                lines.append(f"  kappa        {a:36} {f(v)}  (n = {row['matched_units'][a]})")
        text = "\n".join(lines) + "\n"
    return _emit(text, args.output)


def _emit(text: str, output: str | None) -> int:
    if output:
        atomic_write(output, text)
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_run(args) -> int:
    from ceasefire.schema.records import dumps_jsonl

    from .api import public, score_files
    from .render import FORMATS
    from .runner import run_extractor

    if bool(args.function) == bool(args.command):
        print("error: give MODULE:FUNCTION or --command CMD (one of them); see --help", file=sys.stderr)
        return EXIT_BAD_INPUT
    records, problems = run_extractor(load_articles(), function=args.function, command=args.command, corpus_function=args.corpus)
    if problems:
        return print_problems(problems)
    # validate before writing, so that a bad extractor leaves no predictions file behind
    from ceasefire.schema.corpus import load_gold, load_predictions
    import tempfile

    schema = load_schema(args.schema)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "predictions.jsonl"
        staged.write_text(dumps_jsonl(records), encoding="utf-8")
        load_predictions([staged], load_gold(args.gold, schema=schema), schema=schema, allow_missing=False)
    atomic_write(args.predictions, dumps_jsonl(records))
    print(f"wrote {args.predictions} ({len(records)} records)", file=sys.stderr)
    result = score_files([args.predictions], gold=args.gold, schema=schema, bootstrap=args.bootstrap)
    return _emit(FORMATS[args.format](public(result)), args.output)


def cmd_leaderboard(args) -> int:
    from .leaderboard import leaderboard_markdown

    root = Path(args.root).resolve()
    table = leaderboard_markdown(root)
    if not args.write and not args.check:
        sys.stdout.write(table)
        return EXIT_OK
    readme = root / "README.md"
    current = readme.read_text(encoding="utf-8")
    new = replace_generated(current, "leaderboard", table)
    return write_or_check(readme, current, new, check=args.check,
                          stale="the leaderboard table is out of date; run `ceasefire-eval leaderboard --write`",
                          wrote=f"wrote the leaderboard into {readme} (rebuild the dataset card with `ceasefire-annotate build`)")


def cmd_report(args) -> int:
    from .api import score_files
    from .report import Report

    with Report(args.output) as report:  # documents are rendered as they are scored
        scored = score_files(args.predictions, gold=args.gold, allow_missing=args.allow_missing, schema=load_schema(args.schema),
                             bootstrap=args.bootstrap, on_document=report.add)
        paths = report.write(scored.output, scored.cross_relations, scored.gold_corpus)
    print(f"wrote {', '.join(map(str, paths))}", file=sys.stderr)
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

    p = sub.add_parser(
        "compare",
        help="paired significance test between two systems",
        formatter_class=_formatter,
        description="Score two prediction files against the same gold and test the difference in F1 of every\n"
        "count metric with a paired bootstrap and approximate randomisation, as sacrebleu does it\n"
        "(per-sentence sufficient statistics, fixed seed, p = (c + 1) / (n + 1)).",
        epilog="example:\n  ceasefire-eval compare baseline.jsonl my_system.jsonl --format table\n",
    )
    p.add_argument("a", metavar="PRED_A", help="predictions of system A (the reference system)")
    p.add_argument("b", metavar="PRED_B", help="predictions of system B")
    p.add_argument("--gold", metavar="PATH", help="gold records (default: the shipped data/gold)")
    p.add_argument("--samples", type=int, default=1000, help="bootstrap resamples (default: 1000)")
    p.add_argument("--trials", type=int, default=10000, help="approximate randomisation trials (default: 10000)")
    p.add_argument("--seed", type=int, default=12345, help="random seed (default: 12345)")
    p.add_argument("--format", choices=("json", "table"), default="json", help="output format (default: json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the result here instead of stdout")
    p.add_argument("--allow-missing", action="store_true", help="score gold documents without predictions as empty")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser(
        "agree",
        help="inter-annotator agreement between two annotations",
        formatter_class=_formatter,
        description="Agreement between two complete annotations of the same articles: pairwise F1 per layer\n"
        "(B scored with A as reference; symmetric) and Cohen's kappa on matched units.",
        epilog="example:\n  ceasefire-eval agree data/annotations/A data/annotations/B --format table\n",
    )
    p.add_argument("a", metavar="ANN_A", help="first annotation (records file or folder)")
    p.add_argument("b", metavar="ANN_B", help="second annotation")
    p.add_argument("--format", choices=("json", "table"), default="json", help="output format (default: json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the result here instead of stdout")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_agree)

    p = sub.add_parser(
        "run",
        help="run an extractor on every article, write its predictions and score them",
        formatter_class=_formatter,
        description="Call a Python function `text -> record` (MODULE:FUNCTION; it may also take the document id) or a\n"
        "command that reads the article on stdin and prints one JSON record, on every article; write the\n"
        "predictions (JSONL) and score them. --corpus MODULE:FUNCTION receives {doc_id: record} and returns the\n"
        "corpus record (cross-document clusters and links).",
        epilog=textwrap.dedent(
            """\
            examples:
              ceasefire-eval run ceasefire.baselines.rule_based:extract --corpus ceasefire.baselines.rule_based:link_documents
              ceasefire-eval run my_extractor:extract -o my_predictions.jsonl --format json
              ceasefire-eval run --command "python my_llm_extractor.py" --bootstrap 1000
            """
        ),
    )
    p.add_argument("function", nargs="?", metavar="MODULE:FUNCTION", help="the extractor function")
    p.add_argument("--command", metavar="CMD", help="a command reading the text on stdin and writing a JSON record")
    p.add_argument("--corpus", metavar="MODULE:FUNCTION", help="function building the corpus record from all records")
    p.add_argument("-p", "--predictions", default="predictions.jsonl", metavar="FILE", help="where to write the predictions (default: predictions.jsonl)")
    p.add_argument("--gold", metavar="PATH", help="gold records (default: the shipped data/gold)")
    p.add_argument("--format", choices=("json", "table", "markdown"), default="table", help="score output format (default: table)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the scores here instead of stdout")
    p.add_argument("--bootstrap", type=int, default=0, metavar="N", help="confidence intervals from N resamples of sentences")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser(
        "leaderboard",
        help="the leaderboard table from the prediction files in leaderboard/systems.yaml",
        formatter_class=_formatter,
        description="Score every system listed in leaderboard/systems.yaml (with bootstrap intervals) and print the\n"
        "Markdown table, or write it into README.md between the leaderboard markers.",
        epilog="examples:\n  ceasefire-eval leaderboard\n  ceasefire-eval leaderboard --write\n  ceasefire-eval leaderboard --check\n",
    )
    p.add_argument("--write", action="store_true", help="write the table into README.md")
    p.add_argument("--check", action="store_true", help="exit 2 if README.md's table is out of date")
    p.add_argument("--root", default=".", help="repository root (default: the current folder)")
    p.set_defaults(func=cmd_leaderboard)

    p = sub.add_parser(
        "report",
        help="a self-contained HTML error analysis of predictions against the gold",
        formatter_class=_formatter,
        description="Write one HTML file (no network needed to view it): the score table, each article with gold and\n"
        "predicted spans highlighted by layer, type and status (matched, missed, spurious, boundary or type\n"
        "error), filterable lists of mentions, triggers, claims and relations, the cross-article view, and an\n"
        "error chart per type. Everything from the data is escaped.",
        epilog="examples:\n  ceasefire-eval report leaderboard/baseline.jsonl -o report.html\n  ceasefire-eval report my_system.jsonl -o report.html --bootstrap 1000\n",
    )
    p.add_argument("predictions", nargs="+", metavar="PRED", help="predictions in the record format")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    p.add_argument("--gold", metavar="PATH", help="gold records (default: the shipped data/gold)")
    p.add_argument("--bootstrap", type=int, default=0, metavar="N", help="show 95%% intervals from N resamples of sentences")
    p.add_argument("--allow-missing", action="store_true", help="score gold documents without predictions as empty")
    p.add_argument("--schema", metavar="PATH", help="schema file (default: the shipped schema.yaml)")
    p.set_defaults(func=cmd_report)
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
