"""The commands that grow and adjudicate a corpus: `add`, `preannotate`, `diff`, `adjudicate` (see docs/annotators.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from ceasefire._cli import EXIT_BAD_INPUT, EXIT_OK, add_option, formatter, options, refuse_unused_options
from ceasefire.outputs import check_output_file, safe_name, write_file
from ceasefire.schema import InputError, load_schema
from ceasefire.schema.model import SCHEMA_FILE

BASELINE = "ceasefire.baselines.rule_based:extract"
#: the baseline's cross-document step (entity and event ids shared by several articles must be declared)
BASELINE_LINKS = "ceasefire.baselines.rule_based:link_documents"


def cmd_add(args) -> int:
    from .folder import add_article

    entry = add_article(args.corpus, args.article, title=args.title, date=args.date, event_date=args.event_date,
                        language=args.language, source=args.source)
    where = Path(args.corpus) / "articles" if args.corpus else "data/articles"
    print(f"added {entry['id']} (sha256 {entry['sha256']}) to {where}")
    return EXIT_OK


def cmd_preannotate(args) -> int:
    from ceasefire.schema.records import dumps_jsonl

    from .folder import articles_folder, corpus_id, preannotate

    if args.function and args.command:
        print("error: give MODULE:FUNCTION or --command CMD, not both; see --help", file=sys.stderr)
        return EXIT_BAD_INPUT
    function = args.function or (None if args.command else BASELINE)
    corpus_function = args.corpus_function or (BASELINE_LINKS if function == BASELINE else None)
    check_output_file(args.output, inputs=[articles_folder(args.corpus), args.schema or SCHEMA_FILE])
    schema = load_schema(args.schema)
    docs, corpus = preannotate(args.corpus, args.document, function=function, command=args.command,
                               corpus_function=corpus_function, schema=schema, timeout=args.timeout)
    # the records pre-annotate this corpus: its corpus id, so that their tasks join its project
    corpus = {**(corpus or {"record": "corpus", "documents": sorted(docs)}), "id": corpus_id(args.corpus)}
    write_file(args.output, dumps_jsonl([docs[d] for d in sorted(docs)] + [corpus]))
    print(f"wrote {len(docs)} pre-annotated documents to {args.output}; review them with "
          f"`ceasefire-annotate serve --corpus {args.corpus or 'data'} --records {args.output}`")
    return EXIT_OK


def cmd_adjudicate(args) -> int:
    from .adjudicate import derive, differences, template
    from .folder import read_annotation
    from .records import check_records_output, write_records

    unused = _unused_options(args)
    if unused:
        return refuse_unused_options(unused, f"with {'--template' if args.template else '--decisions'}", f"{ADJUDICATE_MODES}; see --help")
    inputs = [args.a, args.b, args.decisions, args.from_gold, args.schema or SCHEMA_FILE]
    if args.corpus_id is not None:  # an id, like a document's: a plain name
        safe_name(args.corpus_id, what="--corpus-id")
    schema = load_schema(args.schema)
    if args.template:
        check_output_file(args.template, inputs=inputs, option="--template")
        (a, ac), (b, bc) = read_annotation(args.a, schema), read_annotation(args.b, schema)
        diffs = differences(a, ac, b, bc)
        derived = derive(a, ac, b, bc, *read_annotation(args.from_gold, schema)) if args.from_gold else None
        write_file(args.template, template(diffs, derived), option="--template")
        print(f"wrote {len(diffs)} differences to decide to {args.template}")
        return EXIT_OK
    if not args.decisions or not args.output:
        print("error: adjudicate needs --decisions FILE and -o GOLD (or --template FILE); see --help", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.check:
        return _check_adjudication(args, schema)
    check_records_output(args.output, inputs=inputs)
    docs, corpus, n = _adjudicated(args, schema)
    write_records(args.output, docs, corpus, inputs=inputs)
    print(f"applied {n} decisions; wrote the gold of {len(docs)} documents and the corpus record to {args.output}")
    return EXIT_OK


ADJUDICATE_MODES = "--template FILE [--from-gold GOLD], or --decisions FILE -o GOLD [--corpus-id ID] [--check]"


def _unused_options(args) -> list[str]:
    """The options given that the chosen mode of `adjudicate` does not read."""
    if args.template:
        given = (("--decisions", args.decisions), ("-o", args.output), ("--corpus-id", args.corpus_id), ("--check", args.check))
    else:
        given = (("--from-gold", args.from_gold),)
    return [flag for flag, value in given if value]


def _adjudicated(args, schema) -> tuple[dict, dict, int]:
    """The gold that A, B and the decisions file give, and the number of decisions."""
    from .adjudicate import apply, read_decisions
    from .folder import read_annotation

    (a, ac), (b, bc) = read_annotation(args.a, schema), read_annotation(args.b, schema)
    decisions, edits, problems = read_decisions(args.decisions)
    if problems:
        raise InputError(problems)
    docs, corpus = apply(a, ac, b, bc, decisions, schema=schema, source=str(args.decisions), edits=edits, corpus_id=args.corpus_id)
    return docs, corpus, len(decisions)


def _check_adjudication(args, schema) -> int:
    """--check: write nothing; exit 2 unless the -o folder is what the decisions give, byte for byte."""
    from .records import stale_files

    docs, corpus, n = _adjudicated(args, schema)
    stale = stale_files(args.output, docs, corpus)
    for line in stale:
        print(f"error: {line}", file=sys.stderr)
    if stale:
        print(f"error: {args.output} is not what {args.decisions} gives; rerun `ceasefire-annotate adjudicate` without --check", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{args.output} is current: the {n} decisions of {args.decisions} give it byte for byte")
    return EXIT_OK


def cmd_diff(args) -> int:
    from .diff import diff_corpus, diff_documents
    from .folder import read_annotation

    schema = load_schema(args.schema)
    (a, ac), (b, bc) = read_annotation(args.a, schema), read_annotation(args.b, schema)
    n = 0
    for doc_id in sorted(set(a) | set(b)):
        if doc_id not in a or doc_id not in b:
            print(f"== {doc_id}: only in {'A' if doc_id in a else 'B'}")
            continue
        lines = diff_documents(a[doc_id], b[doc_id])
        n += len(lines)
        print(f"== {doc_id}: {len(lines)} differences")
        for line in lines:
            print(f"  {line}")
    lines = diff_corpus(a, ac or {}, b, bc or {})
    n += len(lines)
    print(f"== corpus: {len(lines)} differences")
    for line in lines:
        print(f"  {line}")
    print(f"{n} differences in all")
    return EXIT_OK


def _add_add(sub) -> None:
    p = sub.add_parser(
        "add", parents=options("corpus"), help="add an article to a corpus: the text verbatim, its sha256 and metadata",
        description="Copy ARTICLE byte for byte into the corpus's articles/ as NNN_<first 16 hex of its sha256>.txt and\n"
        "record its sha256 and metadata in articles.json (the release manifest) and SHA256SUMS. Refuses a\n"
        "duplicate (same sha256), a file that is not UTF-8 and an empty text; nothing is written then.\n"
        "Metadata not given is recorded as null.",
        epilog="examples:\n  ceasefire-annotate add new.txt --corpus mycorpus --title 'Talks resume' --date 2025-04-02 --language en\n"
        "  ceasefire-annotate add new.txt --corpus mycorpus           # every field unknown: null",
        formatter_class=formatter)
    p.add_argument("article", metavar="ARTICLE.txt", help="the article's text: a UTF-8 file, copied byte for byte")
    p.add_argument("--title", help="the headline (default: unknown, null)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="publication date (default: unknown, null)")
    p.add_argument("--event-date", metavar="YYYY-MM-DD", help="date of the main event, if known (default: null)")
    p.add_argument("--language", metavar="CODE", help="language code, e.g. en (default: unknown, null)")
    p.add_argument("--source", help="where the text comes from: publisher or URL (default: unknown, null)")
    p.set_defaults(func=cmd_add)


def _add_preannotate(sub) -> None:
    p = sub.add_parser(
        "preannotate", parents=options("corpus", "schema", "timeout"),
        help="run an extractor on corpus articles: predictions to review in Label Studio",
        description="Run any extractor (a `ceasefire-eval run` spec: MODULE:FUNCTION or --command CMD) on articles of\n"
        "the corpus and write its records, checked as predictions. Load them into Label Studio as\n"
        "pre-annotations with `serve --corpus DIR --records FILE` (or `tasks --corpus DIR FILE --as-predictions`).",
        epilog="examples:\n  ceasefire-annotate preannotate --corpus mycorpus --document 005_1f0c9a... -o pre.jsonl\n"
        "  ceasefire-annotate preannotate my_ner:extract --corpus mycorpus -o pre.jsonl",
        formatter_class=formatter)
    extractor = p.add_mutually_exclusive_group()  # argparse refuses both, exit 2
    extractor.add_argument("function", nargs="?", metavar="MODULE:FUNCTION", default=None,
                           help="extractor function (default: ceasefire.baselines.rule_based:extract unless --command is given)")
    add_option(extractor, "command")
    p.add_argument("--corpus-function", metavar="MODULE:FUNCTION", help="function {doc_id: record} -> corpus record (default for the baseline: ceasefire.baselines.rule_based:link_documents)")
    p.add_argument("--document", action="append", metavar="ID", help="article to pre-annotate (repeatable; default: every article)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the predictions, a JSONL file in the record format (required)")
    p.set_defaults(func=cmd_preannotate)


def _add_adjudicate(sub) -> None:
    p = sub.add_parser(
        "adjudicate", parents=options("ann-a", "ann-b", "schema"),
        help="apply an adjudication file to two annotations: the gold",
        description="Compare two annotations unit by unit (the units `diff` prints), check that the decisions file\n"
        "decides every difference and nothing else (take A, take B, or take one and `set` fields), and write\n"
        "the gold: ids renumbered in text order, corpus clusters recomputed from use, every validator check.\n"
        "--template writes a decisions file listing each difference with both versions; with --from-gold GOLD\n"
        "it is filled in with what turns A and B into that gold (to move a hand-made adjudication into a file).",
        epilog="examples:\n  ceasefire-annotate adjudicate ann/alice ann/bob --template decisions.yaml\n"
        "  ceasefire-annotate adjudicate ann/alice ann/bob --decisions decisions.yaml -o mycorpus/gold.new\n"
        "  ceasefire-annotate adjudicate data/annotations/A data/annotations/B --template d.yaml --from-gold data/gold\n"
        "  ceasefire-annotate adjudicate data/annotations/A data/annotations/B --decisions data/adjudication/decisions.yaml \\\n"
        "      --corpus-id ceasefire-gold -o data/gold --check",
        formatter_class=formatter)
    p.add_argument("--decisions", metavar="FILE", help="the adjudication file, YAML or JSON, see docs/annotators.md (default: none; -o needs it)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="the gold: a folder (one JSON per article plus corpus.json) or a .jsonl file (default: none; needed unless --template)")
    p.add_argument("--template", metavar="FILE", help="write a decisions file to fill in, listing every difference; nothing else (default: none)")
    p.add_argument("--from-gold", metavar="GOLD",
                   help="with --template: fill it in with the decisions and edits that give this existing gold (default: none, left to fill in)")
    p.add_argument("--corpus-id", metavar="ID", help="id of the gold's corpus record (default: A's)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 2 unless the -o folder is what the decisions give, byte for byte")
    p.set_defaults(func=cmd_adjudicate)


def _add_diff(sub) -> None:
    p = sub.add_parser(
        "diff",
        parents=options("ann-a", "ann-b", "schema"),
        help="list every difference between two annotations (for adjudication)",
        description="Compare two annotations of the same articles item by item (mentions by span, events by\n"
        "trigger, claims by content, relations by their ends) and print one line per difference.",
        epilog="example:\n  ceasefire-annotate diff data/annotations/A data/annotations/B",
        formatter_class=formatter,
    )
    p.set_defaults(func=cmd_diff)


#: command name -> the function that declares it on the `ceasefire-annotate` subparsers
COMMANDS = {"add": _add_add, "preannotate": _add_preannotate, "diff": _add_diff, "adjudicate": _add_adjudicate}
