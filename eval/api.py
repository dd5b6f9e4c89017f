"""The library entry points behind ``ceasefire-eval``: each returns a plain dict."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ceasefire import __version__
from ceasefire.schema import Schema, load_schema

from .gold import load_gold, load_predictions
from .scorer import score

CONVENTIONS = {
    "averaging": "micro: precision, recall and F1 from counts summed over documents",
    "undefined": "a ratio with a zero denominator is null, and F1 is null when precision or recall is",
    "matching": "one-to-one; exact keys by count, overlap modes by optimal (Hungarian) matching; independent of input order",
    "spans": "[start, end) code-point offsets; spans given by text alone placed as in schema/FORMAT.md",
    "coreference": "MUC, B-cubed, CEAF-e, LEA on predicted mentions matched by exact span; singletons kept; CoNLL = mean F1 of MUC, B-cubed, CEAF-e; cross-document scores over corpus-wide clusters with no topic oracle",
    "definitions": "eval/METRICS.md",
}


def score_files(
    predictions: Sequence[str | Path],
    *,
    gold: str | Path | None = None,
    allow_missing: bool = False,
    schema: Schema | None = None,
) -> dict:
    """Validate and score prediction files; raise InputError on bad input."""
    schema = schema or load_schema()
    gold_corpus = load_gold(gold, schema=schema)
    pred_corpus, missing = load_predictions(predictions, gold_corpus, schema=schema, allow_missing=allow_missing)
    result = score(gold_corpus.documents, pred_corpus.documents, gold_corpus=gold_corpus.corpus, pred_corpus=pred_corpus.corpus)
    tallies = result.pop("_tallies")
    header = {
        "scorer": {"name": "ceasefire-eval", "version": __version__},
        "schema_version": schema.version,
        "gold": {"path": gold_corpus.path, "fingerprint": gold_corpus.fingerprint(), "documents": sorted(gold_corpus.documents)},
        "predictions": {
            "path": pred_corpus.path,
            "fingerprint": pred_corpus.fingerprint(),
            "missing_documents_scored_as_empty": missing["documents"],
            "missing_layers_scored_as_empty": missing["layers"],
        },
        "conventions": CONVENTIONS,
    }
    out = {**header, **result}
    out["_tallies"] = tallies
    return out


def public(result: dict) -> dict:
    """The result without the internal per-unit tallies (what is written out)."""
    return {k: v for k, v in result.items() if not k.startswith("_")}
