"""The library entry points behind ``ceasefire-eval``: each returns a plain dict."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ceasefire import __version__
from ceasefire.schema import Schema, load_schema

from .gold import load_gold, load_predictions
from .scorer import score, score_documents
from .stats import DEFAULT_SEED, RULE, UNIT, bootstrap_ci, resample_indices, unit_matrix

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
    units: str | None = None,
    keep_alignment: bool = False,
) -> dict:
    """Validate and score prediction files; raise InputError on bad input.

    With ``bootstrap`` > 0, every count metric gets a 95% percentile interval
    from that many resamples of sentences (see :mod:`.stats`).
    """
    schema = schema or load_schema()
    gold_corpus = load_gold(gold, schema=schema)
    pred_corpus, missing = load_predictions(predictions, gold_corpus, schema=schema, allow_missing=allow_missing)
    units = units or ("sentence" if bootstrap > 0 else "document")
    if keep_alignment:  # the HTML report needs every alignment at once
        result = score(gold_corpus.documents, pred_corpus.documents, gold_corpus=gold_corpus.corpus, pred_corpus=pred_corpus.corpus,
                       units=units, keep_alignment=True, schema=schema)
    else:  # a map over documents and a sum (same result; memory does not hold per-item state of the corpus)
        pairs = ((d, gold_corpus.documents[d], pred_corpus.documents.get(d)) for d in gold_corpus.documents)
        result = score_documents(pairs, gold_corpus=gold_corpus.corpus, pred_corpus=pred_corpus.corpus, units=units, schema=schema)
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
            "rule": RULE,
            "not_resampled": not_resampled,
            "why_not_resampled": "coreference metrics do not decompose over sentences (clusters span them)",
        }
    out = {**header, **result}
    out["_tallies"] = tallies
    out["_units"] = units
    if "_run" in result:
        out["_run"] = out.pop("_run")
    return out


def public(result: dict) -> dict:
    """The result without the internal per-unit tallies (what is written out)."""
    return {k: v for k, v in result.items() if not k.startswith("_")}


#: For `agree`: the headline pairwise-F1 metric of each layer and the attributes whose
#: chance-corrected agreement (Cohen's kappa on matched units) is reported.
AGREEMENT_LAYERS = {
    "actors": {"f1": ["mentions.strict", "mentions.exact", "coref.conll", "coref.cross_doc.conll"], "kappa": ["mentions.type", "mentions.level"]},
    "events": {"f1": ["events.trigger.classification", "events.argument.classification", "event_coref.cross_doc.conll"], "kappa": ["events.type", "events.polarity", "events.modality", "events.mode"]},
    "claims": {"f1": ["claims.tuple", "claims.cue", "claims.content.overlap"], "kappa": ["claims.quote_type", "claims.check_worthiness"]},
    "relations": {"f1": ["relations.strict", "relations.cross_doc"], "kappa": ["relations.type"]},
}


def agree_files(annotation_a: str | Path, annotation_b: str | Path, *, schema: Schema | None = None) -> dict:
    """Agreement between two complete annotations of the same articles.

    Pairwise F1 (Hripcsak and Rothschild 2005) is F1 of B scored with A as the
    reference; it is symmetric (swapping A and B swaps precision and recall).
    The chance-corrected figure is Cohen's kappa (scikit-learn) over matched
    units: mentions with the same span, events with the same trigger, claims
    aligned by content, relations whose ends align.
    """
    schema = schema or load_schema()
    load_gold(annotation_b, schema=schema, what="annotation B")  # B must be complete and valid too
    result = public(score_files([annotation_b], gold=annotation_a, schema=schema))
    layers = {}
    for layer, spec in AGREEMENT_LAYERS.items():
        layers[layer] = {
            "pairwise_f1": {m: result["metrics"][m]["f1"] for m in spec["f1"]},
            "kappa": {a: result["attributes"][a]["kappa"] for a in spec["kappa"]},
            "matched_units": {a: result["attributes"][a]["n"] for a in spec["kappa"]},
        }
    return {
        "annotations": {"a": str(annotation_a), "b": str(annotation_b),
                        "a_fingerprint": result["gold"]["fingerprint"], "b_fingerprint": result["predictions"]["fingerprint"]},
        "chance_corrected": "Cohen's kappa (sklearn.metrics.cohen_kappa_score), nominal labels, on matched units; null where only one label occurs",
        "layers": layers,
        "metrics": result["metrics"],
        "attributes": result["attributes"],
        "scorer": result["scorer"],
        "schema_version": result["schema_version"],
    }


def compare_files(
    predictions_a: Sequence[str | Path],
    predictions_b: Sequence[str | Path],
    *,
    gold: str | Path | None = None,
    allow_missing: bool = False,
    schema: Schema | None = None,
    n_bootstrap: int = 1000,
    n_ar: int = 10000,
    seed: int = DEFAULT_SEED,
) -> dict:
    """Paired comparison of two systems on every count metric (B minus A)."""
    from .stats import paired_tests

    schema = schema or load_schema()
    ra = score_files(predictions_a, gold=gold, allow_missing=allow_missing, schema=schema, units="sentence")
    rb = score_files(predictions_b, gold=gold, allow_missing=allow_missing, schema=schema, units="sentence")
    units = ra["_units"]
    metrics = {}
    for name in sorted(ra["_tallies"]):
        metrics[name] = paired_tests(unit_matrix(ra["_tallies"][name], units), unit_matrix(rb["_tallies"][name], units),
                                     n_bootstrap=n_bootstrap, n_ar=n_ar, seed=seed)
    return {
        "scorer": ra["scorer"],
        "schema_version": ra["schema_version"],
        "gold": ra["gold"],
        "a": ra["predictions"],
        "b": rb["predictions"],
        "test": {
            "resampling_unit": UNIT,
            "units": len(units),
            "statistic": "F1; delta = F1(B) - F1(A)",
            "undefined": RULE,
            "paired_bootstrap": {"samples": n_bootstrap, "p": "(c + 1) / (n + 1), c = resamples whose centred |delta| is >= the observed |delta| (sacrebleu, with >= for >; see eval/stats.py)"},
            "approximate_randomization": {"trials": n_ar, "p": "(c + 1) / (n + 1), c = trials whose |delta| is >= the observed |delta| (Noreen 1989; sacrebleu uses >)"},
            "seed": seed,
            "not_tested": sorted(n for n in ra["metrics"] if n not in ra["_tallies"]),
        },
        "metrics": metrics,
    }
