"""The library entry points behind ``ceasefire-eval``: each returns a plain dict."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ceasefire import __version__
from ceasefire.schema import Schema, load_schema

from .gold import load_gold, load_predictions
from .scorer import score
from .stats import DEFAULT_SEED, UNIT, bootstrap_ci, resample_indices, unit_matrix

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
    bootstrap: int = 0,
    seed: int = DEFAULT_SEED,
) -> dict:
    """Validate and score prediction files; raise InputError on bad input.

    With ``bootstrap`` > 0, every count metric gets a 95% percentile interval
    from that many resamples of sentences (see :mod:`.stats`).
    """
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
    units = result.pop("_units")
    if bootstrap > 0:
        idx = resample_indices(len(units), bootstrap, seed)
        for name, tally in tallies.items():
            result["metrics"][name]["ci"] = bootstrap_ci(unit_matrix(tally, units), idx)
        not_resampled = sorted(n for n in result["metrics"] if n not in tallies)
        for name in not_resampled:
            result["metrics"][name]["ci"] = None
        header["bootstrap"] = {
            "resampling_unit": UNIT,
            "units": len(units),
            "samples": bootstrap,
            "seed": seed,
            "interval": "95% percentile",
            "not_resampled": not_resampled,
            "why_not_resampled": "coreference metrics do not decompose over sentences (clusters span them)",
        }
    out = {**header, **result}
    out["_tallies"] = tallies
    out["_units"] = units
    return out


def public(result: dict) -> dict:
    """The result without the internal per-unit tallies (what is written out)."""
    return {k: v for k, v in result.items() if not k.startswith("_")}
