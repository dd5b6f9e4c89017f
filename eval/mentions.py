"""Layer 1a: mentions (``mentions.strict``, ``.exact``, ``.overlap``, ``.type``) of one document."""

from __future__ import annotations

from collections import Counter

from .alignment import Pair, items, optional_indices
from .counts import Tally
from .matching import Item, match_keys, match_optimal, overlapping_pairs

MODES = ("strict", "exact", "overlap", "type")
IOU_MIN = 0.5
#: mode -> minimal character IoU of a match (0: any shared character)
THRESHOLDS = {"overlap": IOU_MIN, "type": 0.0}


def score(pair: Pair, modes=MODES) -> dict[str, Tally]:
    """The mention metrics of one document, for the given modes."""
    out = {}
    opt = optional_indices(items(pair.gold, "mentions"))
    if "strict" in modes:
        out["mentions.strict"] = _strict(pair, opt)
    if "exact" in modes:
        out["mentions.exact"] = match_keys(_span_items(pair, True, typed=False), _span_items(pair, False, typed=False), opt)
    thresholds = {name: t for name, t in THRESHOLDS.items() if name in modes}
    if thresholds:
        out.update((f"mentions.{name}", t) for name, t in _overlap(pair, thresholds, opt).items())
    return out


def align(pair: Pair) -> tuple[dict[str, dict], dict[str, tuple[list, list]]]:
    """Predicted mention id -> gold mention with the same span; type and level pairs."""
    gold_by_span = {(m["start"], m["end"]): m for m in items(pair.gold, "mentions")}
    mapping, pairs = {}, []
    for m in items(pair.pred, "mentions"):
        g = gold_by_span.get((m["start"], m["end"]))
        if g is not None:
            mapping[m["id"]] = g
            if not g.get("optional"):  # attributes are compared on ordinary items only
                pairs.append((g, m))
    attrs = {f"mentions.{a}": ([g.get(a) for g, _ in pairs], [p.get(a, "<missing>") for _, p in pairs]) for a in ("type", "level")}
    return mapping, attrs


def _strict(pair: Pair, opt: set[int]) -> Tally:
    """With the document as unit this is set arithmetic on (start, end, type) keys, counted
    per type at C speed: the hot path of span scoring."""
    if pair.text.granularity != "document" or opt:
        return match_keys(_span_items(pair, True, typed=True), _span_items(pair, False, typed=True), opt)
    gk = [(m["start"], m["end"], m["type"]) for m in items(pair.gold, "mentions")]
    pk = [(m["start"], m["end"], m["type"]) for m in items(pair.pred, "mentions")]
    gs, ps = set(gk), set(pk)
    if len(gs) != len(gk) or len(ps) != len(pk):
        return match_keys(_span_items(pair, True, typed=True), _span_items(pair, False, typed=True))
    common = gs & ps
    whole = pair.text.whole

    def counts(keys) -> Counter:
        return Counter({(whole, t): n for t, n in Counter(k[2] for k in keys).items()})

    return Tally(counts(common), counts(ps - common), counts(gs - common))


def _span_items(pair: Pair, gold: bool, *, typed: bool) -> list[Item]:
    """(key, unit, type) of every mention; no call per item when the unit is the document."""
    ms = items(pair.side(gold), "mentions")
    if pair.text.granularity == "document":
        w = pair.text.whole
        if typed:
            return [((m["start"], m["end"], m["type"]), w, m["type"]) for m in ms]
        return [((m["start"], m["end"]), w, m.get("type")) for m in ms]
    u = pair.text.unit
    if typed:
        return [((m["start"], m["end"], m["type"]), u(m["start"]), m["type"]) for m in ms]
    return [((m["start"], m["end"]), u(m["start"]), m.get("type")) for m in ms]


def _overlap(pair: Pair, thresholds: dict[str, float], opt: set[int]) -> dict[str, Tally]:
    """Optimal one-to-one matching of overlapping spans of the same type, once per threshold."""
    u = pair.text.unit
    g_items: list[Item] = [((m["start"], m["end"]), u(m["start"]), m["type"]) for m in items(pair.gold, "mentions")]
    p_items: list[Item] = [((m["start"], m["end"]), u(m["start"]), m.get("type")) for m in items(pair.pred, "mentions")]
    by_type_g: dict = {}
    by_type_p: dict = {}
    for i, (_, _, typ) in enumerate(g_items):
        by_type_g.setdefault(typ, []).append(i)
    for i, (_, _, typ) in enumerate(p_items):
        by_type_p.setdefault(typ, []).append(i)
    ious = {}
    for typ, gi in by_type_g.items():
        pi = by_type_p.get(typ)
        if not pi:
            continue
        for a, b in overlapping_pairs([g_items[i][0] for i in gi], [p_items[j][0] for j in pi]):
            g, p = gi[a], pi[b]  # inline IoU: this loop is the hot part of the overlap modes
            (gs, ge), (ps, pe) = g_items[g][0], p_items[p][0]
            ious[(g, p)] = (min(ge, pe) - max(gs, ps)) / (max(ge, pe) - min(gs, ps))
    out = {}
    for name, min_iou in thresholds.items():
        scores = ious if min_iou <= 0 else {k: v for k, v in ious.items() if v >= min_iou}
        out[name], _ = match_optimal(g_items, p_items, scores, scores.get, optional=opt)
    return out
