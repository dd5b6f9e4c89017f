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
from .records import DOC_LAYERS, read_records
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


def load_gold(path: str | Path | None = None, *, schema: Schema, what: str = "gold") -> Corpus:
    """Read and validate a gold corpus (the shipped ``data/gold/`` by default); raise InputError."""
    path = Path(path) if path else gold_dir()
    with _gc_paused():
        loaded, problems = read_records([path])
        result = validate_records(loaded, incomplete=bool(problems), schema=schema, mode=GOLD)
    problems += result.problems
    if problems:
        raise InputError([_tag(p, what) for p in problems])
    return Corpus(str(path), result.documents, result.corpus)


def load_predictions(paths, gold: Corpus, *, schema: Schema, allow_missing: bool, strict: bool = False) -> tuple[Corpus, dict]:
    """Read and validate predictions against the gold texts; raise InputError.

    A text-only span that cannot be placed is kept as a false positive (listed in
    the returned corpus's ``placement``); with ``strict`` it is an error.

    Returns the predictions (spans placed) and a report of what was missing:
    ``{"documents": [...], "layers": {doc: [layer, ...]}}``.
    """
    with _gc_paused():
        loaded, problems = read_records(paths)
        reference = {d: doc["text"] for d, doc in gold.documents.items()}
        result = validate_records(loaded, schema=schema, mode=PREDICTION, reference=reference, gold=gold.documents, strict=strict,
                                  incomplete=bool(problems))
    problems += result.problems
    missing_docs = sorted(set(gold.documents) - set(result.documents))
    if missing_docs and not allow_missing and not problems:
        where = Location(", ".join(str(p) for p in paths))
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
    return Corpus(", ".join(str(p) for p in paths), result.documents, result.corpus, placement, result.warnings), missing


def _tag(p: Problem, what: str) -> Problem:
    return Problem(p.location, p.document, p.field, f"{p.message} (in the {what})", p.value, p.allowed, p.has_value)
