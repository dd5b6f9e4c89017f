"""The Label Studio commands of `ceasefire-annotate`: config, tasks, import, serve, pull."""

from __future__ import annotations

import sys
from pathlib import Path

from ceasefire._cli import EXIT_BAD_INPUT, EXIT_OK, add_option, formatter, options, port_number, print_problems
from ceasefire.outputs import check_output_file, check_parent, safe_name, write_file
from ceasefire.schema import load_schema
from ceasefire.schema.model import SCHEMA_FILE


CONFIG_FILE = Path(__file__).with_name("labelstudio.xml")


def cmd_config(args) -> int:
    from .config import build_config

    xml = build_config(load_schema(args.schema), args.pass_)
    problems = _check_with_sdk(xml)
    if problems:
        for p in problems:
            print(f"error: {p}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.pass_ != "all" and not args.out:
        args.out = "-"  # the committed file is the all-layers view
    out = Path(args.out) if args.out else CONFIG_FILE
    if args.out == "-":
        sys.stdout.write(xml)
        return EXIT_OK
    check_output_file(out, inputs=[args.schema or SCHEMA_FILE], option="--out")
    write_file(out, xml, option="--out")
    print(f"wrote {out}")
    return EXIT_OK


def _check_with_sdk(xml: str) -> list[str]:
    """Parse the config with the SDK's LabelInterface, when the SDK is installed."""
    try:
        from label_studio_sdk.label_interface import LabelInterface
    except ImportError:
        return []
    try:
        LabelInterface(xml)
    except Exception as exc:  # the SDK raises several exception types for a bad config
        return [f"LabelInterface rejects the generated config: {exc}"]
    return []


def cmd_tasks(args) -> int:
    import json

    from ceasefire.data import gold_dir

    if args.output:
        check_output_file(args.output, inputs=[args.records, args.corpus or gold_dir(), args.schema or SCHEMA_FILE])
    schema = load_schema(args.schema)
    docs, corpus, versions = _ls_records(args, schema)
    tasks = _ls_tasks(docs, corpus, versions, "predictions" if args.as_predictions else "annotations", args.pass_)
    text = json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"
    if args.output:
        write_file(args.output, text)
        print(f"wrote {len(tasks)} tasks to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_import(args) -> int:
    from ceasefire.schema.validate import GOLD, PREDICTION

    from ceasefire.annotate.corpus.records import check_records_output, write_records

    from .importer import read_export

    inputs = [args.export, args.schema or SCHEMA_FILE]
    check_records_output(args.output, inputs=inputs)
    docs, corpus, problems = read_export(args.export, load_schema(args.schema), mode=PREDICTION if args.predictions else GOLD)
    if problems:
        return print_problems(problems)
    write_records(args.output, docs, corpus, inputs=inputs)
    print(f"wrote {len(docs)} documents and the corpus record to {args.output}")
    return EXIT_OK


DEFAULT_LS_DIR = ".labelstudio"


#: what --corpus (the shared option) gives `tasks` and `serve`, said in their descriptions
CORPUS_TASKS = ("With --corpus DIR, one task per article of that corpus, carrying the records for the articles\n"
                "they cover, else the corpus's gold, else the text alone.")
MODEL_VERSION_HELP = "model_version of the predictions (default: the records file's name, or gold)"
PREDICTIONS_HELP = "validate as predictions (layers and attributes optional) instead of as a complete annotation"


def _ls_records(args, schema) -> tuple[dict, dict, dict[str, str | None]]:
    """The documents of the tasks, their corpus record, and each document's model_version
    (None: a text-only article of --corpus, which has neither gold nor records yet)."""
    if args.corpus:
        from ceasefire.annotate.corpus.folder import label_studio_documents

        docs, corpus, source = label_studio_documents(args.corpus, args.records, schema)
        version = {"gold": "gold", "records": _model_version(args), "text": None}
        return docs, corpus, {d: version[s] for d, s in source.items()}
    from ceasefire.schema.corpus import load_gold, load_predictions

    gold = load_gold(None, schema=schema)
    if args.records:
        # the records may cover some documents; a file with none is a mistake, not "no change"
        records, _ = load_predictions([args.records], gold, schema=schema, allow_missing=True, allow_empty=False)
        docs, corpus = records.documents, records.corpus or {"id": "ceasefire"}
    else:
        docs, corpus = gold.documents, gold.corpus
    return docs, corpus, {d: _model_version(args) for d in docs}


def _ls_tasks(docs: dict, corpus: dict, versions: dict, as_: str, pass_: str) -> list[dict]:
    """One task per document, carrying its records as ``as_`` with its model_version (none for
    a text-only article); the pick lists and link targets of every task span all the documents."""
    from .convert import tasks_for

    tasks = {}
    for version in set(versions.values()):
        kind = "none" if version is None else as_
        for t in tasks_for(docs, corpus, as_=kind, model_version=version or "gold", pass_=pass_):
            if versions[t["data"]["doc_id"]] == version:
                tasks[t["data"]["doc_id"]] = t
    return [tasks[d] for d in sorted(tasks)]


def _model_version(args) -> str:
    """--model-version, else the records file's name (a system's output is not "gold")."""
    if args.model_version:
        return args.model_version
    return Path(args.records).stem if args.records else "gold"


def cmd_serve(args) -> int:
    from .config import build_config
    from .session import refuse_if_busy, serve

    names = [safe_name(n, what="--project") for n in args.project] if args.project else [None]
    folder = check_parent(args.dir, option="--dir")  # a mistyped --dir makes no folders
    refuse_if_busy(folder, args.port)  # a running server of this folder, a busy port: before any work
    schema = load_schema(args.schema)
    docs, corpus, versions = _ls_records(args, schema)
    tasks = _ls_tasks(docs, corpus, versions, "none" if args.empty else "predictions", args.pass_)
    return serve(folder, args.port, tasks, build_config(schema, args.pass_), args.pass_, names)


def cmd_pull(args) -> int:
    from ceasefire.schema.validate import GOLD, PREDICTION

    from ceasefire.annotate.corpus.records import check_records_output, write_records

    from .importer import import_tasks
    from .server import (Credentials, attach_prediction_results, client, export_full_json, find_project, load_state, project_title,
                         refuse_links)
    from .session import pull_port, pull_project

    folder = Path(args.dir).resolve()
    check_records_output(args.output)  # before the server is asked: a mistyped -o needs none
    refuse_links(folder)
    if not (folder / "credentials.json").exists():
        print(f"error: {folder}: no Label Studio folder made by `ceasefire-annotate serve` (no credentials.json)", file=sys.stderr)
        return EXIT_BAD_INPUT
    creds = Credentials.load_or_create(folder)
    state = load_state(folder)  # the port, pass and projects of the last `serve` in this folder
    name = pull_project(folder, state, args.project)  # before the server: a bad --project needs none
    port, why_not = pull_port(folder, state, args.port)  # still starting, killed, or no server at all
    if why_not:  # a state the user must fix (start `serve`, wait for it): bad input, exit 2
        print(f"error: {why_not}", file=sys.stderr)
        return EXIT_BAD_INPUT
    title = project_title(args.pass_ or state.get("pass_") or "all", name)
    url = f"http://127.0.0.1:{port}"
    try:
        ls = client(url, creds.token)
        project = find_project(ls, title)
        if project is None:
            print(f"error: {url}: no project titled {title!r}; start it with `ceasefire-annotate serve`", file=sys.stderr)
            return EXIT_BAD_INPUT
        tasks = attach_prediction_results(ls, export_full_json(ls, project))
    except Exception as exc:  # connection refused, auth errors: one line, no traceback
        # nothing answers at the port, or not as the folder's server: a state the user must fix, exit 2
        print(f"error: cannot export from Label Studio at {url}: {type(exc).__name__}: {exc}; allowed: the port of the "
              f"`serve` running for {folder} (leave out --port to take it from serve.json)", file=sys.stderr)
        return EXIT_BAD_INPUT
    notes: list[str] = []
    docs, corpus, problems = import_tasks(tasks, f"{url} project {project} ({title})", load_schema(args.schema),
                                          mode=PREDICTION if args.predictions else GOLD, drafts=args.drafts, notes=notes)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if problems:
        return print_problems(problems)
    write_records(args.output, docs, corpus)
    print(f"wrote {len(docs)} documents and the corpus record to {args.output} (project {title!r} at {url})")
    return EXIT_OK


def _pass_option(p, help_: str, default: str | None = "all") -> None:
    from .config import ALL, PASSES

    p.add_argument("--pass", dest="pass_", choices=(ALL, *PASSES), default=default, help=help_)


def _add_config(sub) -> None:
    p = sub.add_parser(
        "config",
        parents=options("schema"),
        help="write the Label Studio labelling config generated from the schema",
        description="Generate the Label Studio labelling config from schema.yaml (span labels for mentions,\n"
        "triggers and claim parts; relations for argument roles, claim parts and relation types; per-region\n"
        "attributes) and check it with the SDK's LabelInterface when the SDK is installed.",
        epilog="examples:\n  ceasefire-annotate config            # writes annotate/labelstudio/labelstudio.xml\n  ceasefire-annotate config --out -    # print it",
        formatter_class=formatter,
    )
    p.add_argument("--out", metavar="FILE", help="where to write (default: annotate/labelstudio/labelstudio.xml; - for stdout)")
    _pass_option(p, "the view to write (default: all; another pass is printed unless --out is given)")
    p.set_defaults(func=cmd_config)


def _add_tasks(sub) -> None:
    p = sub.add_parser(
        "tasks",
        parents=options("corpus", "output", "schema"),
        help="Label Studio tasks (one per article) carrying the gold or a predictions file",
        description="Write Label Studio tasks, one per article, with the gold (default) or a predictions file in\n"
        "the record format as annotations, or as pre-annotations with --as-predictions.\n" + CORPUS_TASKS,
        epilog="examples:\n  ceasefire-annotate tasks -o tasks.json\n  ceasefire-annotate tasks my_system.jsonl --as-predictions --model-version my-system -o review.json",
        formatter_class=formatter,
    )
    p.add_argument("records", nargs="?", metavar="PATH", help="records to load (default: the gold)")
    p.add_argument("--as-predictions", action="store_true", help="put the records in 'predictions' (pre-annotations) instead of 'annotations'")
    p.add_argument("--model-version", metavar="NAME", help=MODEL_VERSION_HELP)
    _pass_option(p, "the annotation pass the tasks are for (default: all)")
    p.set_defaults(func=cmd_tasks)


def _add_import(sub) -> None:
    p = sub.add_parser(
        "import",
        parents=options("schema"),
        help="convert a Label Studio full JSON export back into records (with every check)",
        description="Read a full JSON export (plain or snapshot) and write records: a folder (one JSON per\n"
        "document plus corpus.json) or a .jsonl file. Checks labels, offsets and text against the task,\n"
        "dangling relations, per-region items without a region, relation and role constraints, cluster ids\n"
        "and cross-document links. Every problem is reported; exit 2 and no output if there is any.",
        epilog="examples:\n  ceasefire-annotate import export.json -o annotated/\n  ceasefire-annotate import export.json -o annotated.jsonl --predictions",
        formatter_class=formatter,
    )
    p.add_argument("export", metavar="EXPORT.json", help="Label Studio full JSON export")
    add_option(p, "records-output")
    p.add_argument("--predictions", action="store_true", help=PREDICTIONS_HELP)
    p.set_defaults(func=cmd_import)


def _add_serve(sub) -> None:
    p = sub.add_parser(
        "serve",
        parents=options("corpus", "schema"),
        help="one command to a running local Label Studio with both articles loaded",
        description="Start a Label Studio server on 127.0.0.1 with its data in a project folder (telemetry and\n"
        "update checks off), create or reuse the 'Ceasefire' project with the generated config, import the\n"
        "two articles (or every article of --corpus) with the gold (or --records) as pre-annotations, and print\n"
        "the URL and login. Re-running reuses the project and does not duplicate tasks.\n"
        "The server lives as long as `serve`: Ctrl-C (SIGINT), SIGTERM and SIGHUP (a closed terminal) stop its\n"
        "whole process group and wait for it, at most 20 s (SIGTERM, then SIGKILL after 15 s); if `serve` is killed\n"
        "with SIGKILL, its watchdog stops the server the same way. One server per --dir (a lock file); a busy\n"
        "--port is refused before anything starts.\n" + CORPUS_TASKS,
        epilog="examples:\n  ceasefire-annotate serve\n  ceasefire-annotate serve --records my_system.jsonl --port 8081\n  ceasefire-annotate serve --empty   # annotate from scratch\n"
        "  ceasefire-annotate serve --corpus mycorpus --records pre.jsonl --project alice --project bob",
        formatter_class=formatter,
    )
    p.add_argument("--dir", default=DEFAULT_LS_DIR, metavar="DIR",
                   help=f"project folder for the server's data and credentials, made if new in an existing folder (default: {DEFAULT_LS_DIR})")
    p.add_argument("--port", type=port_number, default=8080, help="port on 127.0.0.1 (default: 8080)")
    p.add_argument("--records", metavar="PATH", help="pre-annotate with these records instead of the gold (default: the gold)")
    p.add_argument("--project", metavar="NAME", action="append",
                   help="one project per NAME, titled 'Ceasefire: NAME' (repeat for each annotator: their annotations stay apart; "
                        "default: one project, 'Ceasefire')")
    p.add_argument("--empty", action="store_true", help="import the articles without pre-annotations")
    p.add_argument("--model-version", metavar="NAME", help=MODEL_VERSION_HELP)
    _pass_option(p, "annotation pass, one project and view each: actors, events, claims, relations (default: all layers)")
    p.set_defaults(func=cmd_serve)


def _add_pull(sub) -> None:
    p = sub.add_parser(
        "pull",
        parents=options("schema"),
        help="export the annotations from the running `serve` server into records",
        description="Export the 'Ceasefire' project from the server started by `serve` (full JSON snapshot) and\n"
        "convert it with every check of `import`.",
        epilog="example:\n  ceasefire-annotate pull -o annotated/",
        formatter_class=formatter,
    )
    add_option(p, "records-output")
    p.add_argument("--dir", default=DEFAULT_LS_DIR, metavar="DIR", help=f"the folder given to serve (default: {DEFAULT_LS_DIR})")
    p.add_argument("--port", type=port_number, help="the server's port (default: the one `serve` used in --dir)")
    _pass_option(p, "the pass's project to export (default: the one `serve` last started in --dir)", default=None)
    p.add_argument("--project", metavar="NAME",
                   help="the annotator's project given to `serve --project` (default: the one project serve made; needed when it made several)")
    p.add_argument("--drafts", action="store_true", help="take a task's unsubmitted draft when it is newer than its annotation")
    p.add_argument("--predictions", action="store_true", help=PREDICTIONS_HELP)
    p.set_defaults(func=cmd_pull)


#: command name -> the function that declares it on the `ceasefire-annotate` subparsers
COMMANDS = {"config": _add_config, "tasks": _add_tasks, "import": _add_import, "serve": _add_serve, "pull": _add_pull}
