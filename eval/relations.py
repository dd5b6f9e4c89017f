"""Layer 4: relations (``relations.strict``, ``.within_doc``, ``.cross_doc``).

A relation is the key (type, head, tail), its ends by their gold-side identity (a
mention by its entity, an event or claim by the gold item it is aligned with),
unordered for the types the schema marks ``symmetric``. Within-document relations
are scored per document; the corpus record's relations between documents are
scored once all documents are seen, from their ends as each document aligned them.
"""

from __future__ import annotations

from collections import Counter
from typing import Hashable

from .alignment import Alignment, Pair, items
from .counts import Tally
from .matching import Item, match_keys

PER_TYPE = ("relations.strict",)
#: the unit of a cross-document end whose document is not in the gold
NOWHERE = ("?", 0)


def symmetric_types(schema) -> dict[str, bool]:
    """Relation type -> unordered?, from the schema the caller validated with (passed in,
    never reloaded, so that ``--schema`` reaches the scorer)."""
    return {n: t.symmetric for n, t in schema.relation_types.items()}


def end(alignment: Alignment, ref: str, *, gold: bool) -> tuple[Hashable, tuple]:
    """A relation end's identity and the unit of its anchor."""
    return (alignment.identity(ref, gold=gold, event_by="item"),
            alignment.pair.text.unit(alignment.anchor(ref, gold=gold)))


def _key(scope, typ, h, t, symmetric):
    if symmetric.get(typ):
        h, t = sorted((h, t), key=repr)
    return (scope, typ, h, t)


def within_items(alignment: Alignment, symmetric: dict[str, bool], *, gold: bool) -> list[Item]:
    pair = alignment.pair
    out = []
    for r in items(pair.side(gold), "relations"):
        (h, unit), (t, _) = end(alignment, r["head"], gold=gold), end(alignment, r["tail"], gold=gold)
        out.append((_key(pair.doc_id, r["type"], h, t, symmetric), unit, r["type"]))
    return out


def cross_items(corpus: dict, ends: dict, symmetric: dict[str, bool]) -> list[Item]:
    """The corpus record's relations, with ``ends[(doc, id)]`` = (identity, unit) as aligned."""
    out = []
    for r in corpus.get("relations") or []:
        (h, unit), (t, _) = (ends.get((e["doc"], e["id"]), (("unaligned", e["doc"], e["id"]), NOWHERE)) for e in (r["head"], r["tail"]))
        out.append((_key("corpus", r["type"], h, t, symmetric), unit, r["type"]))
    return out


def optional_within(pair: Pair) -> set[int]:
    """Positions of the gold relations that are optional: marked so, or with an end that is
    an optional item (as annotate/lint/checks.py rule R8 requires them to be marked)."""
    return {i for i, r in enumerate(items(pair.gold, "relations"))
            if r.get("optional") or pair.optional(r["head"]) or pair.optional(r["tail"])}


def optional_cross(corpus: dict, optional_ends: set) -> set[int]:
    """Positions of the corpus record's relations that are optional; ``optional_ends`` holds
    the (document, id) of the ends that are optional items."""
    return {i for i, r in enumerate(corpus.get("relations") or [])
            if r.get("optional") or any((e["doc"], e["id"]) in optional_ends for e in (r["head"], r["tail"]))}


def ordinary(its: list, optional: set[int]) -> list:
    """The items that are not optional (attribute agreement leaves optional items out)."""
    return [x for i, x in enumerate(its) if i not in optional] if optional else its


def score(pair: Pair, alignment: Alignment, symmetric: dict[str, bool]) -> tuple[dict[str, Tally], tuple[list, list], tuple[list, list]]:
    """Within-document relation tallies, the items (gold, pred) and the type pairs."""
    g, p = within_items(alignment, symmetric, gold=True), within_items(alignment, symmetric, gold=False)
    opt = optional_within(pair)
    tally = match_keys(g, p, opt)
    return {"relations.within_doc": tally}, (g, p), type_pairs(ordinary(g, opt), p)


def type_pairs(gold_items: list, pred_items: list) -> tuple[list, list]:
    """Relation types of relations whose two ends align (unordered), any type. Equal types
    are paired first, the rest in sorted order: independent of the order of the input."""
    by_ends: dict = {}
    for side, its in ((0, gold_items), (1, pred_items)):
        for key, _, typ in its:
            by_ends.setdefault((key[0], *sorted(key[2:], key=repr)), (Counter(), Counter()))[side][typ] += 1
    g_types, p_types = [], []
    for g_count, p_count in by_ends.values():
        same = g_count & p_count
        for t, n in same.items():
            g_types += [t] * n
            p_types += [t] * n
        for a, b in zip(sorted((g_count - same).elements()), sorted((p_count - same).elements())):
            g_types.append(a)
            p_types.append(b)
    return g_types, p_types
