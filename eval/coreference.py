"""Layer 1b: coreference of entities (``coref.*``) and of events (``event_coref.*``) in one document.

Clusters are by corpus-wide id (an entity or event cluster id); an item without one
is a singleton. Within one document, the corpus-wide ids partition its items exactly
as per-document ids would, so one contingency table per document gives both the
within-document counts and, added over documents, the cross-document ones
(:class:`.coref.Contingency`). The metrics themselves are in :mod:`.coref`.
Optional gold items and the response items aligned with them (same span) are left out
of both key and response, the optional-slot rule of the span metrics carried over to
clusters (eval/METRICS.md).
"""

from __future__ import annotations

from . import coref
from .alignment import Pair, items, span

#: (metric prefix, layer, span of an item, cluster of an item)
LAYERS = (
    ("coref", "mentions", span, lambda m: m.get("entity")),
    ("event_coref", "events", lambda e: span(e["trigger"]), lambda e: e.get("cluster")),
)
SCOPES = tuple(s for prefix, *_ in LAYERS for s in (prefix, f"{prefix}.cross_doc"))


def clusters(doc_id: str, doc: dict, layer: str, span_of, cluster_of, skip=frozenset()) -> dict:
    """(document, start, end) -> corpus-wide cluster id; items without a cluster are singletons.
    Items whose span is in ``skip`` are left out."""
    out = {}
    for x in items(doc, layer):
        s, e = span_of(x)
        if (s, e) in skip:
            continue
        c = cluster_of(x)
        out[(doc_id, s, e)] = ("singleton", doc_id, x["id"]) if c is None else c
    return out


def score(pair: Pair) -> tuple[dict[str, tuple], dict[str, coref.Contingency]]:
    """Within-document counts (``prefix.metric`` -> p_num, p_den, r_num, r_den) and each
    prefix's contingency table, which the driver adds up for the cross-document scores."""
    counts, tables = {}, {}
    for prefix, layer, span_of, cluster_of in LAYERS:
        # an optional gold item and the response item with its span (its alignment) are
        # left out of both sides: scored as if neither existed (eval/METRICS.md)
        skip = {span_of(x) for x in items(pair.gold, layer) if x.get("optional")}
        table = coref.Contingency.of(clusters(pair.doc_id, pair.gold, layer, span_of, cluster_of, skip),
                                     clusters(pair.doc_id, pair.pred, layer, span_of, cluster_of, skip))
        tables[prefix] = table
        for name, fn in coref.FROM_CONTINGENCY.items():
            counts[f"{prefix}.{name}"] = fn(table)
    return counts, tables
