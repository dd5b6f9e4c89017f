"""Reading a corpus: the gold (or an annotation) and predictions, validated, with every check
the scorer and the dataset builder need. It sits next to the schema because everything that
reads records (eval, annotate) uses it: the dependency order is schema <- eval <- annotate."""

from __future__ import annotations

import gc
import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ceasefire.data import gold_dir
from . import spans
from .model import Schema
from .problems import InputError, Location, Problem
from .records import ALLOW_MISSING_HINT, DOC_LAYERS, NO_PREDICTIONS_ALLOWED, read_records
from .validate import GOLD, PREDICTION, validate_records


@dataclass
class Corpus:
    path: str
    documents: dict[str, dict]
    corpus: dict | None
    #: predictions only: how text-only spans were placed (``ceasefire.schema.spans.report``)
    placement: dict | None = None
    #: predictions only: the unplaced text-only spans, one Problem each (scored as false positives)
    warnings: list = field(default_factory=list)

    def fingerprint(self) -> str:
        """sha256 of the canonical JSON of every record (documents by id, then the corpus record)."""
        canonical = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode
        h = hashlib.sha256()
        for doc_id in sorted(self.documents):
            h.update(canonical(self.documents[doc_id]).encode() + b"\n")
        h.update(canonical(self.corpus).encode())
        return h.hexdigest()


@contextmanager
def _gc_paused():
    """Reading makes millions of small containers and no reference cycles; the cyclic garbage
    collector's passes over that growing heap took a third of the time of reading 100,000
    predicted mentions (benchmarks/RESULTS.md), so it is paused while reading and validating."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: Where records given in memory are said to be, in messages (``<records>[i]``: the i-th record).
IN_MEMORY = "<records>"


def is_records(source) -> bool:
    """True for records given in memory (a list of dicts), False for paths."""
    return isinstance(source, (list, tuple)) and bool(source) and all(isinstance(r, dict) for r in source)


def read_source(sources, **reading) -> tuple[list, list[Problem]]:
    """Paths (read_records) or records in memory, read alike: an in-memory record goes through
    JSON, as a file's would, so that exactly what a file could hold is accepted."""
    if not is_records(sources):
        return read_records(sources, **reading)
    from .records import Loaded, parse_json

    loaded, problems = [], []
    for i, record in enumerate(sources):
        where = Location(f"{IN_MEMORY}[{i}]")
        try:
            text = json.dumps(record, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            problems.append(Problem(where, record.get("id") if isinstance(record.get("id"), str) else None, "",
                                    f"is not a JSON record: {exc}", has_value=False, allowed="JSON values (str, int, float, bool, None, list, dict)"))
            continue
        obj, error = parse_json(text)
        if error:
            problems.append(Problem(where, None, "", error, has_value=False))
            continue
        loaded.append(Loaded(obj, where))
    return loaded, problems


def _describe(sources) -> str:
    # an empty list is records in memory too: none were given
    return IN_MEMORY if is_records(sources) or not sources else ", ".join(str(p) for p in sources)


def load_gold(path=None, *, schema: Schema, what: str = "gold") -> Corpus:
    """Read and validate a gold corpus (the shipped ``data/gold/`` by default; a path, or records
    in memory); raise InputError."""
    if isinstance(path, (list, tuple)):
        sources = list(path)  # records in memory; an empty list is an input without records, not the default
    else:
        path = Path(path) if path else gold_dir()
        sources = [path]
    with _gc_paused():
        loaded, problems = read_source(sources)
        result = validate_records(loaded, incomplete=bool(problems), schema=schema, mode=GOLD, source=_describe(sources))
    problems += result.problems
    if problems:
        raise InputError([_tag(p, what) for p in problems])
    return Corpus(_describe(sources) if is_records(sources) else str(path), result.documents, result.corpus)


def load_predictions(paths, gold: Corpus, *, schema: Schema, allow_missing: bool, strict: bool = False,
                     allow_empty: bool | None = None) -> tuple[Corpus, dict]:
    """Read and validate predictions against the gold texts; raise InputError.

    A text-only span that cannot be placed is kept as a false positive (listed in
    the returned corpus's ``placement``); with ``strict`` it is an error.

    An input without any record is every document missing: refused, unless ``allow_empty``
    (by default: ``allow_missing``; `tasks --records`, which allows some documents missing, refuses it).

    Returns the predictions (spans placed) and a report of what was missing:
    ``{"documents": [...], "layers": {doc: [layer, ...]}}``.
    """
    with _gc_paused():
        allow_empty = allow_missing if allow_empty is None else allow_empty
        allowed = NO_PREDICTIONS_ALLOWED + ("" if allow_missing else ALLOW_MISSING_HINT)
        loaded, problems = read_source(paths, allow_empty=allow_empty, allowed=allowed)
        reference = {d: doc["text"] for d, doc in gold.documents.items()}
        result = validate_records(loaded, schema=schema, mode=PREDICTION, reference=reference, gold=gold.documents, strict=strict,
                                  incomplete=bool(problems), source=_describe(paths), allow_empty=allow_empty, empty_allowed=allowed)
    problems += result.problems
    missing_docs = sorted(set(gold.documents) - set(result.documents))
    if missing_docs and not allow_missing and not problems:
        where = Location(_describe(paths))
        problems += [
            Problem(where, d, "", "has no prediction (score with --allow-missing to count it as empty)", has_value=False)
            for d in missing_docs
        ]
    if problems:
        raise InputError(problems)
    layers = {d: [layer for layer in DOC_LAYERS if layer not in doc] for d, doc in sorted(result.documents.items())}
    missing = {
        "documents": missing_docs,
        "layers": {d: ls for d, ls in layers.items() if ls},
    }
    placement = spans.report(result.placement, result.documents, result.corpus)
    return Corpus(_describe(paths), result.documents, result.corpus, placement, result.warnings), missing


def _tag(p: Problem, what: str) -> Problem:
    return Problem(p.location, p.document, p.field, f"{p.message} (in the {what})", p.value, p.allowed, p.has_value)
