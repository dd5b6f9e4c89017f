"""``ceasefire-eval``: validate records and score predictions against the gold."""

from __future__ import annotations

import argparse
import json
import sys

from pathlib import Path

from ceasefire._cli import (EXIT_BAD_INPUT, EXIT_OK, add_format, add_option, formatter, options, positive_resamples, print_problems,
                            refuse_unused_options, replace_generated, run, write_or_check)
from ceasefire.data import load_articles
from ceasefire.outputs import check_output_file, write_file
from ceasefire.schema import InputError, Location, Problem, load_schema, read_records
from ceasefire.schema.validate import GOLD, validate_records

#: the options of `validate` that mean something only with --predictions
PREDICTION_OPTIONS = (("--gold", "gold"), ("--allow-missing", "allow_missing"), ("--strict", "strict"))


def cmd_validate(args) -> int:
    given = [flag for flag, name in PREDICTION_OPTIONS if getattr(args, name)]
    if given and not args.predictions:  # checked as gold, the records pass or fail alike with them
        return refuse_unused_options(given, "without --predictions (they apply only with --predictions; FILE is checked as gold)",
                                     "add --predictions to check FILE as predictions, or leave them out")
    schema = load_schema(args.schema)
    if args.predictions:
        # exactly what `score` runs before scoring, so that validate refuses what score refuses
        from ceasefire.schema.corpus import load_gold, load_predictions

        preds, _ = load_predictions(args.files, load_gold(args.gold, schema=schema), schema=schema, allow_missing=args.allow_missing,
                                    strict=args.strict)
        for w in preds.warnings:  # unplaced text-only spans: scored as false positives, not refused
            print(f"warning: {w.format()}; it will be scored as a false positive (--strict refuses it)", file=sys.stderr)
        documents, corpus, mode = preds.documents, preds.corpus, "prediction"
    else:
        loaded, problems = read_records(args.files)
        result = validate_records(loaded, incomplete=bool(problems), schema=schema, mode=GOLD)
        code = print_problems(problems + result.problems)
        if code != EXIT_OK:
            return code
        documents, corpus, mode = result.documents, result.corpus, GOLD
    corpus = "1 corpus record" if corpus is not None else "no corpus record"
    print(f"OK: {len(documents)} documents, {corpus}, valid as {mode} under schema {schema.version}")
    return EXIT_OK


def cmd_score(args) -> int:
    from .api import public, score_files
    from .render import FORMATS

    _check_output(args.output, _inputs(args, *args.predictions))
    result = score_files(args.predictions, gold=args.gold, allow_missing=args.allow_missing, schema=load_schema(args.schema),
                         bootstrap=args.bootstrap, seed=args.seed, strict=args.strict)
    _warn_unplaced(result.output)
    return _emit(FORMATS[args.format](public(result)), args.output)


def _warn_unplaced(result: dict) -> None:
    """One line on stderr with the number of unplaced text-only spans, if any."""
    n = result["predictions"]["placement"]["unplaced_spans"]["count"]
    if n:
        print(f"warning: {n} text-only predicted span{'s' if n != 1 else ''} could not be placed in the article text "
              "(hallucinated, or more spans than occurrences); scored as false positives and listed under "
              "predictions.placement.unplaced_spans (--strict refuses them)", file=sys.stderr)


def cmd_compare(args) -> int:
    from .api import compare_files

    _check_output(args.output, _inputs(args, args.a, args.b))
    result = compare_files([args.a], [args.b], gold=args.gold, allow_missing=args.allow_missing, schema=load_schema(args.schema),
                           n_bootstrap=args.samples, n_ar=args.trials, seed=args.seed, strict=args.strict)
    if args.format == "json":
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    else:
        from .render import comparison_table

        text = comparison_table(result)
    return _emit(text, args.output)


def cmd_agree(args) -> int:
    from .api import agree_files

    _check_output(args.output, _inputs(args, args.a, args.b))
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


def _inputs(args, *paths) -> list:
    """Every path the command reads: ``paths``, the gold and the schema (defaults included)."""
    from ceasefire.data import gold_dir
    from ceasefire.schema.model import SCHEMA_FILE

    gold = getattr(args, "gold", None) or gold_dir()
    return [*paths, gold, args.schema or SCHEMA_FILE]


def _check_output(output: str | None, inputs) -> None:
    """Refuse a bad -o before any work is done (see ceasefire.outputs)."""
    if output:
        check_output_file(output, inputs=inputs)


def _emit(text: str, output: str | None) -> int:
    if output:
        write_file(output, text)
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _articles(args) -> dict[str, dict]:
    """The articles to run on: the shipped ones, or those of --gold (a grown corpus)."""
    if not args.gold:
        return load_articles()
    from ceasefire.schema.corpus import load_gold

    return {d: {"text": doc["text"]} for d, doc in load_gold(args.gold, schema=load_schema(args.schema)).documents.items()}


def cmd_run(args) -> int:
    import tempfile

    from ceasefire.schema.records import dumps_records

    from .api import public, score_files
    from .render import FORMATS
    from .runner import run_extractor

    if bool(args.function) == bool(args.command):
        print("error: give MODULE:FUNCTION or --command CMD (one of them); see --help", file=sys.stderr)
        return EXIT_BAD_INPUT
    inputs = _inputs(args)
    check_output_file(args.predictions, inputs=inputs, option="-p")
    _check_output(args.output, [*inputs, args.predictions])
    records, problems = run_extractor(_articles(args), function=args.function, command=args.command, corpus_function=args.corpus,
                                      timeout=args.timeout)
    if problems:
        return print_problems(problems)
    text = dumps_records(records, args.predictions)
    # score a staged copy first: a bad extractor output leaves no predictions file behind
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / Path(args.predictions).name
        staged.write_text(text, encoding="utf-8")
        try:
            result = score_files([staged], gold=args.gold, schema=load_schema(args.schema), bootstrap=args.bootstrap, strict=args.strict)
        except InputError as exc:  # name the user's file, not the staged copy that is about to vanish
            return print_problems(_relocated(p, str(staged), args.predictions) for p in exc.problems)
    result.output["predictions"]["path"] = args.predictions
    _warn_unplaced(result.output)
    write_file(args.predictions, text, option="-p")
    print(f"wrote {args.predictions} ({len(records)} records)", file=sys.stderr)
    return _emit(FORMATS[args.format](public(result)), args.output)


def _relocated(p: Problem, old: str, new: str) -> Problem:
    if p.location is None or p.location.file != old:
        return p
    return Problem(Location(new, p.location.line), p.document, p.field, p.message, p.value, p.allowed, p.has_value)


def cmd_prompt(args) -> int:
    from .prompt import LayerError, answer_schema, guidelines_text, instructions, parse_layers

    try:
        layers = parse_layers(args.layers)
    except LayerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    article = None
    if args.document:
        articles = load_articles()
        if args.document not in articles:
            print(f"error: --document: {args.document!r} is not a document of the benchmark; allowed: {', '.join(sorted(articles))}", file=sys.stderr)
            return EXIT_BAD_INPUT
        article = (args.document, articles[args.document]["text"])
    schema = load_schema(args.schema)
    check_output_file(args.json_schema, inputs=_inputs(args), option="--json-schema")
    _check_output(args.output, _inputs(args, args.json_schema))
    write_file(args.json_schema, json.dumps(answer_schema(schema, layers), indent=2, ensure_ascii=False) + "\n", option="--json-schema")
    print(f"wrote {args.json_schema} (the answer's JSON Schema)", file=sys.stderr)
    return _emit(instructions(schema, layers, guidelines_text(), article=article), args.output)


def cmd_leaderboard(args) -> int:
    from .leaderboard import leaderboard_markdown

    root = Path(args.root).resolve()
    if not (root / "leaderboard" / "systems.yaml").is_file():
        print(f"error: {args.root}: --root: has no leaderboard/systems.yaml; the leaderboard is written into the project's README, so it runs in a checkout of the project; allowed: the checkout's root (a folder holding leaderboard/systems.yaml and README.md)", file=sys.stderr)
        return EXIT_BAD_INPUT
    table = leaderboard_markdown(root)
    if not args.write and not args.check:
        sys.stdout.write(table)
        return EXIT_OK
    readme = root / "README.md"
    try:
        current = readme.read_text(encoding="utf-8")
        new = replace_generated(current, "leaderboard", table)
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # no README, not UTF-8, or no markers
        print(f"error: {readme}: {getattr(exc, 'strerror', None) or exc}; allowed: a UTF-8 README.md holding the block "
              "<!-- generated:leaderboard --> ... <!-- /generated:leaderboard -->", file=sys.stderr)
        return EXIT_BAD_INPUT
    return write_or_check(readme, current, new, check=args.check,
                          stale="the leaderboard table is out of date; run `ceasefire-eval leaderboard --write`",
                          wrote=f"wrote the leaderboard into {readme} (rebuild the dataset card with `ceasefire-annotate build`)")


def cmd_report(args) -> int:
    from .api import score_files
    from .report import Report

    check_output_file(args.output, inputs=_inputs(args, *args.predictions))
    with Report(args.output) as report:  # documents are rendered as they are scored
        scored = score_files(args.predictions, gold=args.gold, allow_missing=args.allow_missing, schema=load_schema(args.schema),
                             bootstrap=args.bootstrap, on_document=report.add, strict=args.strict)
        _warn_unplaced(scored.output)
        paths = report.write(scored.output, scored.cross_relations, scored.gold_corpus, scored.pred_corpus)
    print(f"wrote {', '.join(map(str, paths))}", file=sys.stderr)
    return EXIT_OK


def _examples(*lines: str) -> str:
    return "examples:\n" + "".join(f"  {line}\n" for line in lines)


def _add_validate(sub) -> None:
    p = sub.add_parser(
        "validate", help="check records against the schema and their text", formatter_class=formatter,
        parents=options("gold", "allow-missing", "strict", "schema"),
        description="Check records (JSONL, JSON, or folders of them) against the schema and the text:\n"
        "types and attribute values, offsets and span text, ids, references, role and relation\n"
        "constraints, cross-document cluster declarations. Prints every problem; exit 2 if any.\n"
        "--gold, --allow-missing and --strict apply with --predictions.",
        epilog=_examples("ceasefire-eval validate data/gold", "ceasefire-eval validate --predictions my_system.jsonl"),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="JSONL/JSON file or folder of them")
    p.add_argument("--predictions", action="store_true", help="check as predictions, exactly as `score` does before scoring: layers and attributes optional, spans may be given by text alone, every gold document needs a prediction")
    p.set_defaults(func=cmd_validate)


def _add_score(sub) -> None:
    p = sub.add_parser(
        "score", help="score predictions against the gold, every layer", formatter_class=formatter,
        parents=options("gold", "output", "allow-missing", "bootstrap", "seed", "strict", "schema"),
        description="Validate the predictions (as `validate --predictions` does) and score them against the gold:\n"
        "mentions (strict/exact/overlap/type), coreference (MUC, B-cubed, CEAF-e, LEA, CoNLL; within and\n"
        "across documents), events (triggers, arguments), claims (source, cue, content, tuple), relations,\n"
        "and attribute accuracy / macro-F1. Definitions: eval/METRICS.md.",
        epilog=_examples("ceasefire-eval score predictions.jsonl", "ceasefire-eval score predictions.jsonl --format table",
                         "ceasefire-eval score predictions.jsonl --gold data/gold -o scores.json"),
    )
    p.add_argument("predictions", nargs="+", metavar="PRED", help="predictions: JSONL/JSON file(s) or folder(s) in the record format")
    add_format(p, "json", "table", "markdown")
    p.set_defaults(func=cmd_score)


def _add_compare(sub) -> None:
    p = sub.add_parser(
        "compare", help="paired significance test between two systems", formatter_class=formatter,
        parents=options("gold", "output", "allow-missing", "seed", "strict", "schema"),
        description="Score two prediction files against the same gold and test the difference in F1 of every\n"
        "count metric with a paired bootstrap and approximate randomisation, as sacrebleu does it\n"
        "(per-sentence sufficient statistics, fixed seed, p = (c + 1) / (n + 1)).",
        epilog=_examples("ceasefire-eval compare baseline.jsonl my_system.jsonl --format table"),
    )
    p.add_argument("a", metavar="PRED_A", help="predictions of system A (the reference system)")
    p.add_argument("b", metavar="PRED_B", help="predictions of system B")
    p.add_argument("--samples", type=positive_resamples, default=1000, help="bootstrap resamples (default: 1000)")
    p.add_argument("--trials", type=positive_resamples, default=10000, help="approximate randomisation trials (default: 10000)")
    add_format(p, "json", "table")
    p.set_defaults(func=cmd_compare)


def _add_agree(sub) -> None:
    p = sub.add_parser(
        "agree", help="inter-annotator agreement between two annotations", formatter_class=formatter,
        parents=options("ann-a", "ann-b", "output", "schema"),
        description="Agreement between two complete annotations of the same articles: pairwise F1 per layer\n"
        "(B scored with A as reference; symmetric) and Cohen's kappa on matched units.",
        epilog=_examples("ceasefire-eval agree data/annotations/C data/annotations/D --format table"),
    )
    add_format(p, "json", "table")
    p.set_defaults(func=cmd_agree)


def _add_run(sub) -> None:
    p = sub.add_parser(
        "run", help="run an extractor on every article, write its predictions and score them", formatter_class=formatter,
        parents=options("gold", "output", "bootstrap", "strict", "schema", "timeout"),
        usage="%(prog)s (MODULE:FUNCTION | --command CMD) [options]",
        description="Run an extractor on every article, write its predictions (JSONL) and score them. The extractor is\n"
        "one of two: a Python function `text -> record` (MODULE:FUNCTION; it may also take the document id), or\n"
        "a command (--command CMD) that reads the article on stdin and prints one JSON record. --corpus\n"
        "MODULE:FUNCTION receives {doc_id: record} and returns the corpus record (cross-document clusters and links).",
        epilog=_examples("ceasefire-eval run ceasefire.baselines.rule_based:extract --corpus ceasefire.baselines.rule_based:link_documents",
                         "ceasefire-eval run my_extractor:extract -p my_predictions.jsonl --format json",
                         'ceasefire-eval run --command "python my_llm_extractor.py" --bootstrap 1000'),
    )
    extractor = p.add_mutually_exclusive_group(required=True)  # argparse refuses neither and both, exit 2
    extractor.add_argument("function", nargs="?", metavar="MODULE:FUNCTION",
                           help="the extractor function, text -> record (required unless --command is given)")
    add_option(extractor, "command")
    p.add_argument("--corpus", metavar="MODULE:FUNCTION",
                   help="function building the corpus record from all records (default: none; the predictions then have no corpus record)")
    p.add_argument("-p", "--predictions", default="predictions.jsonl", metavar="FILE", help="where to write the predictions (default: predictions.jsonl)")
    add_format(p, "table", "json", "markdown")
    p.set_defaults(func=cmd_run)


def _add_prompt(sub) -> None:
    p = sub.add_parser(
        "prompt", help="task instructions and an answer JSON Schema for a language model", formatter_class=formatter,
        parents=options("output", "schema"),
        description="Print task instructions for the chosen layers, generated from schema.yaml and the guidelines, and\n"
        "write a JSON Schema for the answer that structured-output APIs accept in their strict mode (eval/prompt.py\n"
        "lists the constructs it avoids). The answer is a prediction record with spans given by text alone.",
        epilog=_examples("ceasefire-eval prompt --layers mentions,events > prompt.md",
                         "ceasefire-eval prompt --document 000_8ce9f93fccec955a --json-schema answer.schema.json -o prompt.md"),
    )
    p.add_argument("--layers", default="mentions,entities,events,claims,relations", metavar="L1,L2",
                   help="comma-separated layers (default: all): mentions, entities, events, claims, relations; or the schema's layers: actors (= mentions, entities), events, claims, relations")
    p.add_argument("--document", metavar="ID", help="append this article's id and text to the instructions (default: none, the instructions alone)")
    p.add_argument("--json-schema", default="answer.schema.json", metavar="FILE", help="where to write the answer's JSON Schema (default: answer.schema.json)")
    p.set_defaults(func=cmd_prompt)


def _add_leaderboard(sub) -> None:
    p = sub.add_parser(
        "leaderboard", help="the leaderboard table from the prediction files in leaderboard/systems.yaml", formatter_class=formatter,
        description="Score every system listed in leaderboard/systems.yaml (with bootstrap intervals) and print the\n"
        "Markdown table, or write it into README.md between the leaderboard markers.",
        epilog=_examples("ceasefire-eval leaderboard", "ceasefire-eval leaderboard --write", "ceasefire-eval leaderboard --check"),
    )
    p.add_argument("--write", action="store_true", help="write the table into README.md")
    p.add_argument("--check", action="store_true", help="write nothing; exit 2 if README.md's table is out of date")
    p.add_argument("--root", default=".", metavar="DIR", help="repository root (default: the current folder)")
    p.set_defaults(func=cmd_leaderboard)


def _add_report(sub) -> None:
    p = sub.add_parser(
        "report", help="a self-contained HTML error analysis of predictions against the gold", formatter_class=formatter,
        parents=options("gold", "bootstrap", "allow-missing", "strict", "schema"),
        description="Write one HTML file (no network needed to view it): the score table, each article with gold and\n"
        "predicted spans highlighted by layer, type and status (matched, missed, spurious, boundary or type\n"
        "error), filterable lists of mentions, triggers, claims and relations, the cross-article view, and an\n"
        "error chart per type. Everything from the data is escaped.",
        epilog=_examples("ceasefire-eval report leaderboard/baseline.jsonl -o report.html",
                         "ceasefire-eval report my_system.jsonl -o report.html --bootstrap 1000"),
    )
    p.add_argument("predictions", nargs="+", metavar="PRED", help="predictions in the record format")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write (required; a long report goes on in pages beside it, such as report.page-2.html)")
    p.set_defaults(func=cmd_report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ceasefire-eval", description="Validate Ceasefire records and score predictions against the gold.",
                                     formatter_class=formatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in (_add_validate, _add_score, _add_compare, _add_agree, _add_run, _add_prompt, _add_leaderboard, _add_report):
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
