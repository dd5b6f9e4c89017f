"""``ceasefire-annotate``: the annotation pipeline.

A thin dispatcher: each room of ``annotate/`` declares its commands next to the code they run
(``corpus/commands.py``, ``lint/commands.py``, ``labelstudio/commands.py``,
``dataset/commands.py``); this file only puts them in the order ``--help`` lists them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ceasefire._cli import EXIT_OK, formatter, options, run
from ceasefire.outputs import check_output_file, make_folder, write_file
from ceasefire.schema import load_schema
from ceasefire.schema.json_schema import committed_files

#: the order of the commands in ``ceasefire-annotate --help``
ORDER = ("jsonschema", "summary", "lint", "diff", "build", "config", "tasks", "import", "serve", "pull", "datasheet",
         "publish", "add", "preannotate", "adjudicate", "records")


def cmd_jsonschema(args) -> int:
    schema = load_schema(args.schema)
    out = Path(args.out) if args.out else schema.path.parent
    make_folder(out, option="--out")
    files = committed_files(schema)
    for name in files:  # every file is checked before the first is written
        check_output_file(out / name, inputs=[schema.path], option="--out")
    for name, content in files.items():
        write_file(out / name, content, option="--out")
    print("".join(f"wrote {out / name}\n" for name in files), end="")  # after the writes: a closed stdout cuts none short
    return EXIT_OK


def _add_jsonschema(sub) -> None:
    p = sub.add_parser(
        "jsonschema",
        parents=options("schema"),
        help="regenerate the JSON Schema files of the record format from schema.yaml",
        description="Write gold.schema.json and prediction.schema.json, generated from the schema file.",
        epilog="example:\n  ceasefire-annotate jsonschema",
        formatter_class=formatter,
    )
    p.add_argument("--out", metavar="DIR", help="folder to write to (default: beside the schema file)")
    p.set_defaults(func=cmd_jsonschema)


def commands() -> dict:
    """Command name -> the function that declares it, gathered from the rooms."""
    from .corpus.commands import COMMANDS as corpus
    from .dataset.commands import COMMANDS as dataset
    from .labelstudio.commands import COMMANDS as labelstudio
    from .lint.commands import COMMANDS as lint

    found = {"jsonschema": _add_jsonschema, **corpus, **lint, **labelstudio, **dataset}
    assert sorted(found) == sorted(ORDER), "a command is declared but not ordered, or ordered but not declared"
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ceasefire-annotate", description="The Ceasefire annotation pipeline.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    declared = commands()
    for name in ORDER:
        declared[name](sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
