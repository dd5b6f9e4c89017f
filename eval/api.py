"""The library entry points behind ``ceasefire-eval``: each returns a plain dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from ceasefire import __version__
from ceasefire.schema import Schema, load_schema

from .counts import Tally
from ceasefire.schema.corpus import Corpus, load_gold, load_predictions
from ceasefire.schema.problems import InputError, Location, Problem, allowed_list
from .scorer import score

DEFAULT_SEED = 12345  # as sacrebleu; stats.py (which needs numpy) is imported only to resample

CONVENTIONS = {
    "averaging": "micro: precision, recall and F1 from counts summed over documents",
    "undefined": "a ratio with a zero denominator is null; F1 is 0 when precision or recall is null (one side empty: 2tp / (2tp + fp + fn), as scikit-learn) and null only when both are (no item on either side); the same rule in intervals and compare",
    "matching": "one-to-one; exact keys by count, overlap modes by optimal (Hungarian) matching; ties broken by content (for claims: agreement with the gold claim, then content order), never by input order",
    "spans": "[start, end) code-point offsets; spans given by text alone placed as in schema/FORMAT.md",
    "coreference": "MUC, B-cubed, CEAF-e, LEA on predicted mentions matched by exact span; singletons kept; MUC is 0, not null, on a side with mentions but no links when the other side has links (as coval); CoNLL = mean F1 of MUC, B-cubed, CEAF-e; cross-document scores over corpus-wide clusters with no topic oracle",
    "optional": "a gold item marked optional is matched like any other; matched it is neither tp nor fp, unmatched no fn (TAC KBP optional slots); left out of coreference (with its aligned response item) and of attribute agreement",
    "definitions": "eval/METRICS.md",
}


@dataclass
class Scored:
    """A scored prediction: ``output`` is what is written out (same keys every time);
    ``tallies`` and ``units`` are the per-unit counts the statistics resample."""

    output: dict
    tallies: dict[str, Tally] = field(repr=False)
    units: list = field(repr=False)
    cross_relations: tuple = field(repr=False, default=((), ()))
    gold_corpus: dict | None = field(repr=False, default=None)
    pred_corpus: dict | None = field(repr=False, default=None)

    @property
    def metrics(self) -> dict[str, dict]:
        """metric name -> precision, recall, f1, counts (and ``ci`` with --bootstrap)"""
        return self.output["metrics"]

    @property
    def attributes(self) -> dict[str, dict]:
        return self.output["attributes"]

    @property
    def per_document(self) -> dict[str, dict]:
        return self.output["per_document"]


def score_files(
    predictions: Sequence[str | Path],
    *,
    gold: str | Path | None = None,
    allow_missing: bool = False,
    schema: Schema | None = None,
    bootstrap: int = 0,
    seed: int = DEFAULT_SEED,
    units: str | None = None,
    on_document: Callable | None = None,
    strict: bool = False,
) -> Scored:
    """Validate and score prediction files; raise InputError on bad input.

    Text-only spans that cannot be placed are false positives, listed under
    ``predictions.placement.unplaced_spans``; with ``strict`` they are refused.

    With ``bootstrap`` > 0, every count metric gets a 95% percentile interval
    from that many resamples of sentences (see :mod:`.stats`). ``on_document``
    receives each document's pair and score as it goes by (the HTML report).
    ``gold`` may also be a corpus loaded already (``agree`` loads its annotation A itself).
    """
    schema = schema or load_schema()
    gold_corpus = gold if isinstance(gold, Corpus) else load_gold(gold, schema=schema)
    pred_corpus, missing = load_predictions(predictions, gold_corpus, schema=schema, allow_missing=allow_missing, strict=strict)
    units = units or ("sentence" if bootstrap > 0 else "document")
    pairs = ((d, gold_corpus.documents[d], pred_corpus.documents.get(d)) for d in gold_corpus.documents)
    result = score(pairs, schema=schema, gold_corpus=gold_corpus.corpus, pred_corpus=pred_corpus.corpus, units=units,
                   on_document=on_document)
    header = {
        "scorer": {"name": "ceasefire-eval", "version": __version__},
        "schema_version": schema.version,
        "gold": {"path": gold_corpus.path, "fingerprint": gold_corpus.fingerprint(), "documents": sorted(gold_corpus.documents)},
        "predictions": {
            "path": pred_corpus.path,
            "fingerprint": pred_corpus.fingerprint(),
            "missing_documents_scored_as_empty": missing["documents"],
            "missing_layers_scored_as_empty": missing["layers"],
            "placement": pred_corpus.placement,
        },
        "conventions": CONVENTIONS,
    }
    out = result.as_dict()
    if bootstrap > 0:
        from .stats import RULE, UNIT, bootstrap_ci, resample_indices, unit_matrix

        idx = resample_indices(len(result.units), bootstrap, seed)
        for name, tally in result.tallies.items():
            out["metrics"][name]["ci"] = bootstrap_ci(unit_matrix(tally, result.units), idx)
        not_resampled = sorted(n for n in out["metrics"] if n not in result.tallies)
        for name in not_resampled:
            out["metrics"][name]["ci"] = None
        header["bootstrap"] = {
            "resampling_unit": UNIT,
            "units": len(result.units),
            "samples": bootstrap,
            "seed": seed,
            "interval": "95% percentile",
            "rule": RULE,
            "not_resampled": not_resampled,
            "why_not_resampled": "coreference metrics do not decompose over sentences (clusters span them)",
        }
    return Scored({**header, **out}, result.tallies, result.units, result.cross_relations, gold_corpus.corpus, pred_corpus.corpus)


def public(scored: Scored) -> dict:
    """What is written out."""
    return scored.output


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
    reference; it is symmetric (swapping A and B swaps precision and recall) as long
    as neither marks items optional. Optional items count as such only in A, the
    reference (annotators never mark them; the gold, which does, is A in every pair).
    The chance-corrected figure is Cohen's kappa (scikit-learn) over matched
    units: mentions with the same span, events with the same trigger, claims
    aligned by content, relations whose ends align.
    """
    schema = schema or load_schema()
    # both must be complete, valid gold, of the same articles; every problem of either is reported at once
    loaded, problems = {}, []
    for side, path in (("A", annotation_a), ("B", annotation_b)):
        try:
            loaded[side] = load_gold(path, schema=schema, what=f"annotation {side}")
        except InputError as exc:
            problems += exc.problems
    if not problems:
        problems = _same_articles(loaded["A"], loaded["B"])
    if problems:
        raise InputError(problems)
    result = public(score_files([annotation_b], gold=loaded["A"], schema=schema))
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


def _same_articles(a: Corpus, b: Corpus) -> list[Problem]:
    """Problems that keep two annotations from being compared: a document in one only, or a text
    that differs (scored as predictions against A, B would get the scorer's messages, which speak of
    the gold and of --allow-missing)."""
    where = Location(b.path)
    problems = []
    for d in sorted(set(a.documents) | set(b.documents)):
        if d not in b.documents:
            problems.append(Problem(where, d, "", "is not annotated in annotation B (annotation A has it)", has_value=False,
                                    allowed="two annotations of the same articles"))
        elif d not in a.documents:
            problems.append(Problem(where, d, "id", "is not a document of annotation A", d, allowed_list(sorted(a.documents))))
        elif a.documents[d]["text"] != b.documents[d]["text"]:
            problems.append(Problem(where, d, "text", "differs from the text of this document in annotation A", has_value=False,
                                    allowed="two annotations of the same article text"))
    return problems


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
    strict: bool = False,
) -> dict:
    """Paired comparison of two systems on every count metric (B minus A)."""
    from .stats import RULE, UNIT, paired_tests, unit_matrix

    schema = schema or load_schema()
    sa = score_files(predictions_a, gold=gold, allow_missing=allow_missing, schema=schema, units="sentence", strict=strict)
    sb = score_files(predictions_b, gold=gold, allow_missing=allow_missing, schema=schema, units="sentence", strict=strict)
    ra, rb, units = sa.output, sb.output, sa.units
    metrics = {}
    for name in sorted(sa.tallies):
        metrics[name] = paired_tests(unit_matrix(sa.tallies[name], units), unit_matrix(sb.tallies[name], units),
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
            "paired_bootstrap": {"samples": n_bootstrap, "p": "(c + 1) / (n + 1), c = resamples whose |delta - mean delta| is >= the observed |delta|: the null imposed by a shift (Efron and Tibshirani 1993, ch. 16; sacrebleu centres |delta| instead and uses >; see eval/stats.py)"},
            "approximate_randomization": {"trials": n_ar, "p": "(c + 1) / (n + 1), c = trials whose |delta| is >= the observed |delta| (Noreen 1989; sacrebleu uses >)"},
            "seed": seed,
            "not_tested": sorted(n for n in ra["metrics"] if n not in sa.tallies),
        },
        "metrics": metrics,
    }
