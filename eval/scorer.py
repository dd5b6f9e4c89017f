"""The driver: score each document on its own, then add up.

:func:`score_document` is a pure function of one document's gold and predicted
records: it runs the layers in the order their alignments need (mentions, events,
claims, relations; coreference beside them) and returns the document's counts and
its alignment. :func:`score` maps it over the documents as they stream in and sums
the counts, so memory never holds the corpus. What crosses documents is kept
compactly: coreference contingency tables (which add up) and the aligned ends of
the corpus record's relations. A caller that wants the alignments (the HTML report)
receives each document's as it goes by (``on_document``).

Every metric's definition is a row of ``eval/METRICS.md``; the layers are
:mod:`.mentions`, :mod:`.coreference`, :mod:`.events`, :mod:`.claims` and
:mod:`.relations`; attribute agreement is :mod:`.agreement`.
"""

from __future__ import annotations

import gc
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from . import claims, coref, coreference, events, mentions, relations
from .agreement import agreement
from .alignment import Alignment, Pair
from .counts import Tally, count_metric
from .matching import match_keys
from .text import Text

ALL_DOCUMENTS = ("*", 0)  # the unit of merged counts when the unit is the document
#: layer -> the metric whose matching counts its optional gold items as matched (the
#: alignment of eval/METRICS.md: same mention span, same trigger span, claim content
#: overlap, relation key)
OPTIONAL_BY = {"mentions": "mentions.exact", "events": "events.trigger.identification",
               "claims": "claims.content.overlap", "relations": "relations.strict"}
PER_TYPE = tuple(f"mentions.{m}" for m in mentions.MODES) + events.PER_TYPE + relations.PER_TYPE


@dataclass
class DocumentScore:
    """What one document contributes: counts per metric, coreference counts and tables,
    attribute pairs, relation items, and the alignment."""

    doc_id: str
    tallies: dict[str, Tally]
    coref: dict[str, tuple]
    tables: dict[str, coref.Contingency]
    attributes: dict[str, tuple[list, list]]
    relations: tuple[list, list]
    alignment: Alignment


def score_document(pair: Pair, symmetric: dict[str, bool]) -> DocumentScore:
    """Score one document (a pure function of its gold and predicted records)."""
    mention_map, attrs = mentions.align(pair)
    event_map, event_attrs = events.align(pair)
    alignment = Alignment(pair, mention_map, event_map)
    tallies = mentions.score(pair)
    tallies.update(events.score(pair, alignment))
    claim_tallies, alignment.claim, claim_attrs = claims.score(pair, alignment)
    tallies.update(claim_tallies)
    relation_tallies, relation_items, relation_types = relations.score(pair, alignment, symmetric)
    tallies.update(relation_tallies)
    coref_counts, tables = coreference.score(pair)
    attrs.update(event_attrs)
    attrs.update(claim_attrs)
    attrs["relations.type"] = relation_types
    return DocumentScore(pair.doc_id, tallies, coref_counts, tables, attrs, relation_items, alignment)


@dataclass
class ScoreResult:
    """The corpus result: what is written out, and the per-unit counts for statistics."""

    metrics: dict[str, dict]
    attributes: dict[str, dict]
    per_type: dict[str, dict]
    per_document: dict[str, dict]
    tallies: dict[str, Tally] = field(repr=False)
    units: list = field(repr=False)
    cross_relations: tuple[list, list] = field(repr=False)
    optional: dict[str, dict] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"metrics": self.metrics, "attributes": self.attributes, "per_type": self.per_type, "per_document": self.per_document,
                "optional": self.optional}


def score(
    pairs: Iterable[tuple[str, dict, dict | None]],
    *,
    schema,
    gold_corpus: dict | None = None,
    pred_corpus: dict | None = None,
    units: str = "document",
    on_document: Callable[[Pair, DocumentScore], None] | None = None,
) -> ScoreResult:
    """Score ``(doc_id, gold record, predicted record or None)`` one document at a time.

    A missing prediction counts as empty (the caller decides whether to allow it).
    ``units`` is what counts are kept per: "document", or "sentence" when they will be
    resampled (bootstrap, paired tests); the scores are the same. ``schema`` is the
    one the records were validated with (its ``symmetric`` relation flags are used).
    """
    # The scorer makes millions of small containers and no reference cycles; the cyclic
    # garbage collector's repeated passes over that heap would make time grow faster
    # than the corpus, so it is paused while scoring.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _score(pairs, relations.symmetric_types(schema), gold_corpus or {}, pred_corpus or {}, units, on_document)
    finally:
        if paused:
            gc.enable()


def _score(pairs, symmetric, gold_corpus, pred_corpus, units, on_document) -> ScoreResult:
    wanted = {side: {(e["doc"], e["id"]) for r in corpus.get("relations") or [] for e in (r["head"], r["tail"])}
              for side, corpus in ((True, gold_corpus), (False, pred_corpus))}
    ends: dict[bool, dict] = {True: {}, False: {}}
    optional_ends: set = set()  # gold ends of cross-document relations that are optional items
    totals: dict[str, Tally] = {}
    within: dict[str, list] = {}
    tables = {prefix: coref.Contingency() for prefix, *_ in coreference.LAYERS}
    attr_pairs: dict[str, tuple[list, list]] = {}
    per_document: dict[str, dict] = {}
    all_units: list = []
    # with the document as unit, merged counts need only the type (the per-document
    # breakdown is made as each document goes by), so memory does not grow with documents
    collapse = units == "document"
    for d, g, p in pairs:
        pair = Pair(d, g, p if p is not None else {"id": d}, Text(d, g["text"], units))
        doc = score_document(pair, symmetric)
        for name, t in doc.tallies.items():
            _add(totals.setdefault(name, Tally()), t, collapse)
        _add(totals.setdefault("relations.strict", Tally()), doc.tallies["relations.within_doc"], collapse)
        for name, counts in doc.coref.items():
            within.setdefault(name, []).append(counts)
        for prefix, table in doc.tables.items():
            tables[prefix].merge(table)
        for name, (gl, pl) in doc.attributes.items():
            acc = attr_pairs.setdefault(name, ([], []))
            acc[0].extend(gl)
            acc[1].extend(pl)
        for side in (True, False):
            for dd, ref in wanted[side]:
                if dd == d:
                    ends[side][(d, ref)] = relations.end(doc.alignment, ref, gold=side)
                    if side and pair.optional(ref):
                        optional_ends.add((d, ref))
        per_document[d] = _document_row(doc)
        all_units.extend(pair.text.units())
        if on_document is not None:
            on_document(pair, doc)

    # relations between documents, from the ends aligned on the way
    g_cross = relations.cross_items(gold_corpus, ends[True], symmetric)
    p_cross = relations.cross_items(pred_corpus, ends[False], symmetric)
    opt_cross = relations.optional_cross(gold_corpus, optional_ends)
    cross = match_keys(g_cross, p_cross, opt_cross)
    totals["relations.cross_doc"] = cross
    _add(totals["relations.strict"], cross, False)
    for d, m in cross.by(0).items():  # a cross-document link counts for its head's document
        if d in per_document:
            row = per_document[d]["relations.strict"]
            per_document[d]["relations.strict"] = count_metric(row["tp"] + m["tp"], row["fp"] + m["fp"], row["fn"] + m["fn"])
    acc = attr_pairs.setdefault("relations.type", ([], []))
    for side, types in zip(acc, relations.type_pairs(relations.ordinary(g_cross, opt_cross), p_cross)):
        side.extend(types)

    metrics = {name: t.metric() for name, t in totals.items()}
    for prefix, *_ in coreference.LAYERS:
        summed = {n: tuple(math.fsum(v[i] for v in within.get(f"{prefix}.{n}", [])) for i in range(4)) for n in coref.METRICS}
        for scope, counts in ((prefix, summed), (f"{prefix}.cross_doc", {n: f(tables[prefix]) for n, f in coref.FROM_CONTINGENCY.items()})):
            metrics.update((f"{scope}.{n}", m) for n, m in coref.scope_metrics(counts).items())
    return ScoreResult(
        metrics=dict(sorted(metrics.items())),
        attributes={k: agreement(*v) for k, v in sorted(attr_pairs.items())},
        per_type={name: {str(k): v for k, v in totals[name].by(1).items()} for name in sorted(PER_TYPE)},
        per_document=per_document,
        tallies=totals,
        units=sorted(all_units),
        cross_relations=(g_cross, p_cross),
        optional={layer: {"gold": totals[name].optional["gold"], "matched": totals[name].optional["matched"]}
                  for layer, name in OPTIONAL_BY.items()},
    )


def _add(total: Tally, t: Tally, collapse: bool) -> None:
    for part in ("tp", "fp", "fn"):
        counts = getattr(t, part)
        if collapse:
            counts = Counter({(ALL_DOCUMENTS, typ): n for (_, typ), n in counts.items()})
        getattr(total, part).update(counts)
    total.optional.update(t.optional)


def _document_row(doc: DocumentScore) -> dict:
    """The per-document breakdown of one document."""
    empty = count_metric(0, 0, 0)
    row = {name: t.by(0).get(doc.doc_id, empty) for name, t in doc.tallies.items()}
    row["relations.strict"] = row["relations.within_doc"]
    for prefix, *_ in coreference.LAYERS:
        counts = {n: doc.coref[f"{prefix}.{n}"] for n in coref.METRICS}
        row.update((f"{prefix}.{n}", m) for n, m in coref.scope_metrics(counts).items())
    return dict(sorted(row.items()))


def score_mentions(gold_docs: dict[str, dict], pred_docs: dict[str, dict], *, modes=mentions.MODES) -> dict[str, dict]:
    """Only the mention metrics (``mentions.<mode>``) over documents, for the given modes."""
    totals: dict[str, Tally] = {}
    for d, g in gold_docs.items():
        pair = Pair(d, g, pred_docs.get(d) or {"id": d}, Text(d, g.get("text", "")))
        for name, t in mentions.score(pair, modes).items():
            _add(totals.setdefault(name, Tally()), t, True)
    return {name: t.metric() for name, t in totals.items()}
