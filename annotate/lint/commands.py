"""The `ceasefire-annotate lint` command."""

from __future__ import annotations

from ceasefire._cli import EXIT_OK, formatter, options, print_problems
from ceasefire.schema import load_schema


def cmd_lint(args) -> int:
    from ceasefire.data import gold_dir

    from .checks import lint

    from ceasefire.annotate.corpus.folder import gold_folder, load_corpus_articles

    path = args.path or (gold_folder(args.corpus) if args.corpus else gold_dir())
    articles = load_corpus_articles(args.corpus) if args.corpus and not args.any_text else None
    problems = lint(path, schema=load_schema(args.schema), check_articles=not args.any_text, articles=articles)
    code = print_problems(problems)
    if code == EXIT_OK:
        print(f"OK: {path} passes the data lint")
    return code


def _add_lint(sub) -> None:
    p = sub.add_parser(
        "lint",
        parents=options("corpus", "schema"),
        help="data lint of an annotated corpus (beyond the validator)",
        description="Validate, then check that annotated names are annotated everywhere, spans have no\n"
        "punctuation padding, events have arguments, claims have cue and content, the same actor has one\n"
        "id across articles, and the texts are the shipped articles (with --corpus, exactly that corpus's\n"
        "articles, as articles/articles.json lists them). Exit 2 on any problem.",
        epilog="examples:\n"
        "  ceasefire-annotate lint                                     # the shipped gold: OK\n"
        "  ceasefire-annotate lint mycorpus/gold.new --corpus mycorpus # an adjudicated gold of a grown corpus\n"
        "  ceasefire-annotate lint data/annotations/B                  # one annotator's work, before adjudication:\n"
        "                                                              # lists its problems, exit 2",
        formatter_class=formatter,
    )
    p.add_argument("path", nargs="?", metavar="PATH", help="records file or folder (default: data/gold, or DIR/gold with --corpus)")
    p.add_argument("--any-text", action="store_true", help="do not require the texts to be the shipped articles")
    p.set_defaults(func=cmd_lint)


#: command name -> the function that declares it on the `ceasefire-annotate` subparsers
COMMANDS = {"lint": _add_lint}
