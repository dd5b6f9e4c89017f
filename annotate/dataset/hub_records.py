"""Hub rows back into records: the inverse of ``ceasefire-annotate build``.

A row of the ``documents`` config is a document record with its labels as ClassLabel
integers and, for the keys the record format writes only when set (``optional``,
``optional_reason``, ``detail``), the dataset's unset values in every row. The corpus
record is not a row of ``documents``: its clusters and links are the rows of
``cross_document``. :func:`records_from_dataset` decodes the labels with the features
the dataset carries, drops the unset values and rebuilds the corpus record, so that the
published gold comes back as exactly the records of ``data/gold``
(``tests/annotate/dataset/test_hub_records.py``). :func:`load_dataset_records` does the loading, from a
local folder or a Hub id.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from ceasefire.annotate.corpus.records import clusters_from_use

# the datasets loader (the 'hf' extra) is imported where it is used, so that the command
# line, which registers `records` from here, starts without it

#: The corpus record's id in the shipped gold. The dataset does not carry it (no config
#: has a row for the corpus record itself), so a conversion names it.
DEFAULT_CORPUS_ID = "ceasefire-gold"
#: The Hub's repository id form, owner/name (huggingface_hub.utils.validate_repo_id
#: checks it in full before anything is fetched).
HUB_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")


class SourceError(ValueError):
    """A dataset that cannot be loaded: the message names the source and what is allowed."""


def _split(dataset: Any, what: str):
    """The one split of a loaded config (a DatasetDict of ``test``), or the Dataset itself."""
    from datasets import DatasetDict

    from .configs import SPLIT

    if isinstance(dataset, DatasetDict):
        if list(dataset) != [SPLIT]:
            raise SourceError(f"{what}: has splits {sorted(dataset)}; allowed: a single {SPLIT!r} split, as the dataset publishes")
        return dataset[SPLIT]
    return dataset


#: Written last in an item, as the record format writes them (schema/FORMAT.md)
LAST = ("optional", "optional_reason")


def _ordered(item: dict) -> dict:
    """An item's keys in the record format's order: ``id`` first, the optional flags last,
    the rest as the features list them (the order of the JSON Schema, which puts a span's
    offsets first)."""
    first = [k for k in ("id",) if k in item]
    middle = [k for k in item if k not in first and k not in LAST]
    return {k: item[k] for k in first + middle + [k for k in LAST if k in item]}


def records_from_dataset(documents: Any, cross_document: Any = None, *, corpus_id: str = DEFAULT_CORPUS_ID) -> list[dict]:
    """The records of a loaded dataset: one per row of ``documents``, then the corpus record.

    ``documents`` is the ``documents`` config (a ``datasets.Dataset``, or its DatasetDict);
    its own features decode the labels. With ``cross_document`` (that config), the corpus
    record is rebuilt from it exactly; without it, the corpus record declares the entity
    and event clusters that several documents share and holds no relations between them
    (predictions in the ``documents`` features alone). No corpus record is returned when
    nothing is shared. A column that a row leaves null (Arrow has no absent keys) is a
    layer or field the record leaves out.
    """
    from .configs import LAYERS, records_from_rows

    documents = _split(documents, "documents")
    features = {"documents": documents.features}
    cross_rows: list[dict] = []
    if cross_document is not None:
        cross_document = _split(cross_document, "cross_document")
        features["cross_document"] = cross_document.features
        cross_rows = cross_document.to_list()
    rows = [{k: v for k, v in r.items() if v is not None} for r in documents.to_list()]
    docs, corpus = records_from_rows(rows, cross_rows, corpus_id, features)
    docs = {d: {k: [_ordered(x) for x in v] if k in LAYERS else v for k, v in doc.items()} for d, doc in docs.items()}
    corpus["relations"] = [_ordered(r) for r in corpus["relations"]]
    if cross_document is None:
        corpus.update(clusters_from_use(docs))
        if not corpus["entity_clusters"] and not corpus["event_clusters"]:
            return [docs[d] for d in sorted(docs)]
    return [docs[d] for d in sorted(docs)] + [corpus]


def load_dataset_records(source: str | Path, *, corpus_id: str = DEFAULT_CORPUS_ID, cache_dir: str | Path | None = None) -> list[dict]:
    """Load the ``documents`` and ``cross_document`` configs of a dataset folder or Hub id
    with the ``datasets`` loader and return its records (:func:`records_from_dataset`).

    A local folder is loaded with a fresh cache: ``datasets`` keys its cache on the card,
    not the data files, so a changed folder would otherwise be served stale. A Hub id uses
    the user's cache, and so loads offline (``HF_HUB_OFFLINE=1``) once it has been fetched.
    Raises :class:`SourceError` with one message when the source cannot be loaded.
    """
    from datasets import disable_progress_bars, load_dataset

    disable_progress_bars()  # a command's output is its messages, not the loader's bars
    folder = Path(source)
    if folder.is_dir():
        if not (folder / "README.md").is_file():
            raise SourceError(f"{source}: --from: has no README.md; allowed: a dataset folder built by `ceasefire-annotate build` "
                              "(its card lists the configs), or a Hub id owner/name")
        with tempfile.TemporaryDirectory(prefix="ceasefire-hf-cache-") as cache:
            return _load(load_dataset, str(folder), cache_dir or cache, corpus_id, source)
    if folder.exists() or not HUB_ID.fullmatch(str(source)):
        raise SourceError(f"{source}: --from: is neither a dataset folder nor a Hub id; allowed: a folder built by "
                          "`ceasefire-annotate build`, or a Hub id owner/name")
    return _load(load_dataset, str(source), cache_dir, corpus_id, source)


def _load(load_dataset, path: str, cache_dir, corpus_id: str, source) -> list[dict]:
    from .configs import SPLIT

    try:
        documents = load_dataset(path, "documents", split=SPLIT, cache_dir=cache_dir)
        cross = load_dataset(path, "cross_document", split=SPLIT, cache_dir=cache_dir)
    except Exception as exc:  # the loader's errors (no network, not cached, no such config): one line
        hint = "" if Path(path).is_dir() else ("; a Hub id loads offline only once it is in the cache "
                                               "(HF_HUB_OFFLINE=1 uses the cache without asking the Hub)")
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise SourceError(f"{source}: --from: could not be loaded with datasets: {type(exc).__name__}: {first}{hint}") from None
    return records_from_dataset(documents, cross, corpus_id=corpus_id)


# --- the command -------------------------------------------------------------------------

def cmd_records(args) -> int:
    """`ceasefire-annotate records --from SOURCE -o OUT`: the dataset's records, validated as gold."""
    import sys

    from ceasefire.outputs import safe_name
    from ceasefire.schema import load_schema
    from ceasefire.schema.problems import InputError, Location
    from ceasefire.schema.records import Loaded
    from ceasefire.annotate.corpus.records import check_records_output, write_records
    from ceasefire.schema.validate import GOLD, validate_records

    safe_name(args.corpus_id, what="--corpus-id")  # an id, like a document's: a plain name
    source = Path(args.source)
    inputs = [source] if source.exists() else []
    check_records_output(args.output, inputs=inputs)
    try:
        records = load_dataset_records(args.source, corpus_id=args.corpus_id)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # what comes back must be valid gold before anything is written
    where = f"{args.source} (documents, cross_document)"
    result = validate_records([Loaded(r, Location(where)) for r in records], schema=load_schema(args.schema), mode=GOLD)
    if result.problems:
        raise InputError(result.problems)
    write_records(args.output, result.documents, result.corpus, inputs=inputs)
    print(f"wrote {len(result.documents)} documents and the corpus record to {args.output}")
    return 0


def add_parser(sub) -> None:
    from ceasefire._cli import add_option, formatter, options

    p = sub.add_parser(
        "records", parents=options("schema"), formatter_class=formatter,
        help="turn the Hugging Face dataset (a folder or a Hub id) back into gold records: the inverse of build",
        description="Load the documents and cross_document configs with the datasets loader, decode the labels,\n"
        "drop the values the dataset fills in for unset keys, rebuild the corpus record, validate the result\n"
        "as gold and write it: a folder like data/gold (one JSON file per article and corpus.json), or a .jsonl\n"
        "file. A Hub id uses the datasets cache, so with HF_HUB_OFFLINE=1 it loads offline once fetched.\n"
        "Needs the 'hf' extra (pip install 'ceasefire[hf]').",
        epilog="examples:\n  ceasefire-annotate records --from data/hf -o gold_again\n"
        "  ceasefire-annotate records --from someone/ceasefire -o gold.jsonl\n"
        "  ceasefire-eval score gold_again --gold gold_again      # 100 everywhere",
    )
    p.add_argument("--from", dest="source", required=True, metavar="SOURCE",
                   help="a dataset folder built by `ceasefire-annotate build` (such as data/hf), or a Hub id owner/name")
    add_option(p, "records-output")
    p.add_argument("--corpus-id", default=DEFAULT_CORPUS_ID, metavar="ID",
                   help=f"id of the rebuilt corpus record, which the dataset does not carry (default: {DEFAULT_CORPUS_ID}, the shipped gold's)")
    p.set_defaults(func=cmd_records)
