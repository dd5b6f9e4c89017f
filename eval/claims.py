"""Layer 3: claims (``claims.source``, ``.cue``, ``.content``, ``.content.overlap``, ``.tuple``) of one document.

``claims.content.overlap`` is also the claim alignment used by the relations. Its
ties are broken by content, never by position (eval/METRICS.md): among matchings
with as many pairs and as much total token IoU, the one whose pairs agree on more
parts (aligned source, cue span, quote type, check-worthiness) wins, then the
predicted claims whose content comes first.
"""

from __future__ import annotations

from .alignment import Alignment, Pair, items, optional_indices, span
from .counts import Tally
from .matching import match_keys, match_optimal
from .text import set_iou

IOU_MIN = 0.5
ATTRIBUTES = ("quote_type", "check_worthiness")


def _cue(c: dict) -> tuple | None:
    return span(c["cue"]) if c.get("cue") else None


def _key(c: dict, source) -> tuple:
    """A claim by its content: content span, cue span, aligned source, attributes, and last
    its id (which decides only between claims equal in everything else)."""
    return (*span(c["content"]), _cue(c) or (-1, -1), repr(source), str(c.get("quote_type")), str(c.get("check_worthiness")), c["id"])


def score(pair: Pair, alignment: Alignment) -> tuple[dict[str, Tally], dict[str, dict], dict[str, tuple[list, list]]]:
    """The claim tallies, the claim alignment (predicted id -> gold claim) and attribute pairs."""
    u = pair.text.unit
    g_cl = items(pair.gold, "claims")
    p_all = items(pair.pred, "claims")
    tallies = {}
    for part in ("cue", "content"):
        g_parts = [c for c in g_cl if c.get(part)]
        tallies[f"claims.{part}"] = match_keys(
            [(span(c[part]), u(c[part]["start"]), None) for c in g_parts],
            [(span(c[part]), u(c[part]["start"]), None) for c in p_all if c.get(part)], optional_indices(g_parts))

    def sources(claims, gold: bool):
        index = pair.gold_index if gold else pair.pred_index
        for c in claims:
            m = index.get(c.get("source")) if c.get("source") is not None else None
            if m is not None:
                yield c, m[1]

    def source_items(claims, gold: bool):
        return [(span(m), u(m["start"]), None) for _, m in sources(claims, gold)]

    # a claim's source is optional with its claim, or when it is an optional mention
    g_sources = [c.get("optional") or m.get("optional") for c, m in sources(g_cl, True)]
    tallies["claims.source"] = match_keys(source_items(g_cl, True), source_items(p_all, False),
                                          {i for i, o in enumerate(g_sources) if o})

    p_cl = [c for c in p_all if c.get("content")]

    def source_entity(c, gold):
        return ("none",) if c.get("source") is None else alignment.filler(c["source"], gold=gold)

    g_src = [source_entity(c, True) for c in g_cl]
    p_src = [source_entity(c, False) for c in p_cl]
    g_items = [(_key(c, s), u(c["content"]["start"]), None) for c, s in zip(g_cl, g_src)]
    p_items = [(_key(c, s), u(c["content"]["start"]), None) for c, s in zip(p_cl, p_src)]
    g_tok = [pair.text.tokens(*span(c["content"])) for c in g_cl]
    p_tok = [pair.text.tokens(*span(c["content"])) for c in p_cl]
    candidates = [(gi, pi) for gi in range(len(g_cl)) for pi in range(len(p_cl)) if g_tok[gi] & p_tok[pi]]

    def content_ok(g, p):
        s = set_iou(g_tok[g], p_tok[p])
        return s if s >= IOU_MIN else None

    def tuple_ok(g, p):
        s = content_ok(g, p)
        return s if s is not None and g_src[g] == p_src[p] else None

    def agreeing(g, p):
        """How many of source, cue, quote type and check-worthiness agree: the tie-break."""
        gc, pc = g_cl[g], p_cl[p]
        return (g_src[g] == p_src[p]) + (_cue(gc) == _cue(pc)) + sum(gc.get(a) == pc.get(a, "<missing>") for a in ATTRIBUTES)

    opt = optional_indices(g_cl)
    opt_tuple = opt | {i for i, c in enumerate(g_cl) if c.get("source") is not None and pair.optional(c["source"])}
    tallies["claims.content.overlap"], pairs = match_optimal(g_items, p_items, candidates, content_ok, prefer=agreeing, prefer_max=4, optional=opt)
    tallies["claims.tuple"], _ = match_optimal(g_items, p_items, candidates, tuple_ok, prefer=agreeing, prefer_max=4, optional=opt_tuple)
    mapping = {p_cl[p]["id"]: g_cl[g] for g, p in pairs}
    scored = [(g, p) for g, p in pairs if g not in opt]  # attributes are compared on ordinary items only
    attrs = {f"claims.{a}": ([g_cl[g].get(a) for g, _ in scored], [p_cl[p].get(a, "<missing>") for _, p in scored]) for a in ATTRIBUTES}
    return tallies, mapping, attrs
