"""Scoring predictions against the gold, layer by layer.

:func:`score` takes validated gold and predictions (see
:func:`ceasefire.schema.validate.validate_records`) and returns a dict: every
metric with the same keys (``counts.METRIC_KEYS``), per-type and per-document
breakdowns, attribute accuracy, and a description of the run. The exact
definition of every metric is the table in ``eval/METRICS.md``; each row has
a test in ``tests/test_metrics_table.py``.

Alignment through the layers, used by arguments, claims and relations:

- a predicted mention is aligned to the gold mention with the same span
  (spans are unique per document on both sides; the validator checks it);
- a predicted event to the gold event with the same trigger span;
- a predicted claim to a gold claim by the optimal one-to-one matching of
  content spans with token IoU >= 0.5 (``claims.content.overlap``).
"""

from __future__ import annotations

import gc
import math
import re
from bisect import bisect_right
from collections import Counter
from operator import itemgetter
from dataclasses import dataclass, field
from typing import Any, Hashable, Iterable

from . import coref
from .counts import Tally, count_metric, f1_of, ratio_metric
from .matching import Item, match_keys, match_optimal, overlapping_pairs

LAYERS = ("mentions", "entities", "events", "claims", "relations")
IOU_MIN = 0.5
TOKEN_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']*\s+|\n+")


# --- the resampling unit ---------------------------------------------------------

class Units:
    """Maps a character offset of a document to its sentence index.

    Sentences end at a run of newlines, or at ., ! or ? (with any closing quote
    marks) followed by whitespace. A rough splitter, but deterministic and the
    same for gold and predictions, which is all the bootstrap needs.
    """

    def __init__(self, docs: dict[str, dict], granularity: str = "sentence"):
        self.granularity = granularity
        self.starts = {}
        self.whole = {d: (d, 0) for d in docs}
        for doc_id, doc in docs.items():
            self.starts[doc_id] = [0] + [m.end() for m in SENTENCE_END.finditer(doc["text"])] if granularity == "sentence" else [0]

    def of(self, doc_id: str, offset: int) -> tuple[str, int]:
        if self.granularity == "document":
            return self.whole[doc_id]
        return doc_id, bisect_right(self.starts[doc_id], offset) - 1

    def all(self) -> list[tuple[str, int]]:
        return [(d, i) for d, starts in sorted(self.starts.items()) for i in range(len(starts))]


# --- tokens for overlap of long spans ----------------------------------------------

class Tokens:
    def __init__(self, docs: dict[str, dict]):
        self.spans = {}
        for doc_id, doc in docs.items():
            self.spans[doc_id] = [(m.start(), m.end()) for m in TOKEN_RE.finditer(doc["text"])]

    def of(self, doc_id: str, start: int, end: int) -> frozenset[int]:
        """Indices of the tokens wholly or partly inside [start, end)."""
        toks = self.spans[doc_id]
        lo = _first_token_ending_after(toks, start)
        out = []
        for i in range(lo, len(toks)):
            if toks[i][0] >= end:
                break
            out.append(i)
        return frozenset(out)


def _first_token_ending_after(toks: list[tuple[int, int]], start: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid][1] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def set_iou(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


# --- the run -----------------------------------------------------------------------

@dataclass
class Run:
    gold: dict[str, dict]
    pred: dict[str, dict]
    gold_corpus: dict
    pred_corpus: dict
    units: Units
    tokens: Tokens
    symmetric: dict[str, bool] = field(default_factory=dict)  # relation type -> unordered?
    tallies: dict[str, Tally] = field(default_factory=dict)
    coref: dict[str, dict[str, tuple]] = field(default_factory=dict)  # metric -> doc|'*' -> counts
    attr_pairs: dict[str, tuple[list, list]] = field(default_factory=dict)  # attribute -> (gold labels, predicted labels)
    type_tallies: set[str] = field(default_factory=set)
    # alignments
    mention_map: dict = field(default_factory=dict)  # (doc, pred mention id) -> gold mention
    event_map: dict = field(default_factory=dict)  # (doc, pred event id) -> gold event
    claim_map: dict = field(default_factory=dict)  # (doc, pred claim id) -> gold claim
    _indexes: dict = field(default_factory=dict)

    def index(self, doc_id: str, gold: bool) -> dict[str, tuple[str, dict]]:
        """id -> (kind, item) for the mentions, events and claims of one document."""
        key = (doc_id, gold)
        if key not in self._indexes:
            doc = (self.gold if gold else self.pred).get(doc_id) or {}
            index = {}
            for layer, kind in (("mentions", "mention"), ("events", "event"), ("claims", "claim")):
                for x in _items(doc, layer):
                    index[x["id"]] = (kind, x)
            self._indexes[key] = index
        return self._indexes[key]


def _items(doc: dict, layer: str) -> list[dict]:
    return doc.get(layer) or []


def _span(x: dict) -> tuple[int, int]:
    return x["start"], x["end"]


def score(
    gold_docs: dict[str, dict],
    pred_docs: dict[str, dict],
    *,
    gold_corpus: dict | None = None,
    pred_corpus: dict | None = None,
    units: str = "document",
    keep_alignment: bool = False,
    schema,
) -> dict[str, Any]:
    """Score ``pred_docs`` against ``gold_docs`` (both: document id -> record).

    Every gold document must have a prediction (the caller decides whether a
    missing one counts as empty); predictions for unknown documents are an error
    for the caller to report. Returns metrics, breakdowns and attribute scores.
    ``units`` is what counts are kept per: "document", or "sentence" when the
    counts will be resampled (bootstrap, paired tests); the scores are the same.
    """
    extra = sorted(set(pred_docs) - set(gold_docs))
    if extra:
        raise ValueError(f"predictions for documents not in the gold: {extra}")
    # The scorer makes millions of small containers and no reference cycles; the cyclic
    # garbage collector's repeated passes over that heap would make time grow faster
    # than the corpus, so it is paused while scoring.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _score(gold_docs, pred_docs, gold_corpus, pred_corpus, units, keep_alignment, symmetric_types(schema))
    finally:
        if paused:
            gc.enable()


def _score_layers(run: Run) -> None:
    """Every layer, in the order the alignments need (mentions, then events, claims, relations)."""
    _mentions(run)
    _align_mentions(run)
    _coreference(run)
    _events(run)
    _claims(run)
    _relations(run)


def symmetric_types(schema) -> dict[str, bool]:
    """Relation type -> symmetric, from the schema the caller validated with (passed in,
    never reloaded here, so that ``--schema`` reaches the scorer)."""
    return {n: t.symmetric for n, t in schema.relation_types.items()}


def _score(gold_docs, pred_docs, gold_corpus, pred_corpus, units, keep_alignment, symmetric) -> dict[str, Any]:
    pred_docs = {d: pred_docs.get(d, {"id": d}) for d in gold_docs}
    run = Run(gold_docs, pred_docs, gold_corpus or {}, pred_corpus or {}, Units(gold_docs, units), Tokens(gold_docs), symmetric)
    _score_layers(run)
    result = _result(run)
    if keep_alignment:
        result["_run"] = run  # the alignments, for the HTML report
    return result


# --- layer 1: mentions and coreference ------------------------------------------------

def _mention_items(run: Run, docs: dict[str, dict]) -> list[tuple[str, dict]]:
    return [(d, m) for d, doc in docs.items() for m in _items(doc, "mentions")]


MENTION_MODES = ("strict", "exact", "overlap", "type")


def score_mentions(gold_docs: dict[str, dict], pred_docs: dict[str, dict], *, modes=MENTION_MODES) -> dict[str, dict]:
    """Only the mention metrics (``mentions.<mode>``), for the given modes."""
    pred_docs = {d: pred_docs.get(d, {"id": d}) for d in gold_docs}
    run = Run(gold_docs, pred_docs, {}, {}, Units(gold_docs, "document"), None)
    _mentions(run, modes=modes)
    return {name: tally.metric() for name, tally in run.tallies.items()}


def _mentions(run: Run, modes=MENTION_MODES) -> None:
    if "strict" in modes:
        run.tallies["mentions.strict"] = _strict_tally(run)
    if "exact" in modes:
        run.tallies["mentions.exact"] = match_keys(_span_items(run, run.gold, typed=False), _span_items(run, run.pred, typed=False))
    if "overlap" in modes or "type" in modes:
        gold = _mention_items(run, run.gold)
        pred = _mention_items(run, run.pred)
    thresholds = {name: t for name, t in (("overlap", IOU_MIN), ("type", 0.0)) if name in modes}  # "type": any shared character
    if thresholds:
        for name, tally in _overlap_tallies(run, gold, pred, thresholds).items():
            run.tallies[f"mentions.{name}"] = tally
    run.type_tallies.update(f"mentions.{m}" for m in modes)


def _align_mentions(run: Run) -> None:
    """Predicted mention -> gold mention with the same span; type and level agreement."""
    gold = _mention_items(run, run.gold)
    pred = _mention_items(run, run.pred)
    gold_by_span = {(d, m["start"], m["end"]): m for d, m in gold}
    pairs = []
    for d, m in pred:
        g = gold_by_span.get((d, m["start"], m["end"]))
        if g is not None:
            run.mention_map[(d, m["id"])] = g
            pairs.append((g, m))
    for attr in ("type", "level"):
        run.attr_pairs[f"mentions.{attr}"] = ([g.get(attr) for g, _ in pairs], [p.get(attr, "<missing>") for _, p in pairs])


def _strict_tally(run: Run) -> Tally:
    """mentions.strict. With the document as unit this is set arithmetic on (doc, start,
    end, type) keys, counted per (doc, type) at C speed: the hot path of span scoring."""
    if run.units.granularity != "document":
        return match_keys(_span_items(run, run.gold, typed=True), _span_items(run, run.pred, typed=True))
    gk = [(d, m["start"], m["end"], m["type"]) for d, doc in run.gold.items() for m in doc.get("mentions") or ()]
    pk = [(d, m["start"], m["end"], m["type"]) for d, doc in run.pred.items() for m in doc.get("mentions") or ()]
    gs, ps = set(gk), set(pk)
    if len(gs) != len(gk) or len(ps) != len(pk):
        return match_keys(_span_items(run, run.gold, typed=True), _span_items(run, run.pred, typed=True))
    common = gs & ps
    doc_type = itemgetter(0, 3)
    whole = run.units.whole

    def counts(keys) -> Counter:
        return Counter({(whole[d], t): n for (d, t), n in Counter(map(doc_type, keys)).items()})

    return Tally(counts(common), counts(ps - common), counts(gs - common))


def _span_items(run: Run, docs: dict[str, dict], *, typed: bool) -> list[Item]:
    """(key, unit, type) of every mention; the hot path of mention scoring, so no call per item
    when the unit is the document."""
    if run.units.granularity == "document":
        whole = run.units.whole
        if typed:
            return [((d, m["start"], m["end"], m["type"]), ud, m["type"])
                    for d, doc in docs.items() for ud in (whole[d],) for m in doc.get("mentions") or ()]
        return [((d, m["start"], m["end"]), ud, m.get("type"))
                for d, doc in docs.items() for ud in (whole[d],) for m in doc.get("mentions") or ()]
    u = run.units.of
    if typed:
        return [((d, m["start"], m["end"], m["type"]), u(d, m["start"]), m["type"]) for d, doc in docs.items() for m in doc.get("mentions") or ()]
    return [((d, m["start"], m["end"]), u(d, m["start"]), m.get("type")) for d, doc in docs.items() for m in doc.get("mentions") or ()]


def _overlap_tallies(run: Run, gold, pred, thresholds: dict[str, float]) -> dict[str, Tally]:
    """Optimal one-to-one matching of overlapping spans of the same document and type, once
    per threshold (mode name -> minimal character IoU; 0 means any shared character)."""
    whole = run.units.granularity == "document"
    g_items: list[Item] = [((d, (m["start"], m["end"])), run.units.whole[d] if whole else run.units.of(d, m["start"]), m["type"]) for d, m in gold]
    p_items: list[Item] = [((d, (m["start"], m["end"])), run.units.whole[d] if whole else run.units.of(d, m["start"]), m.get("type")) for d, m in pred]
    by_group_g: dict = {}
    by_group_p: dict = {}
    for i, (key, _, typ) in enumerate(g_items):
        by_group_g.setdefault((key[0], typ), []).append(i)
    for i, (key, _, typ) in enumerate(p_items):
        by_group_p.setdefault((key[0], typ), []).append(i)
    ious = {}
    for grp, gi in by_group_g.items():
        pi = by_group_p.get(grp)
        if not pi:
            continue
        for a, b in overlapping_pairs([g_items[i][0][1] for i in gi], [p_items[j][0][1] for j in pi]):
            g, p = gi[a], pi[b]  # inline IoU: this loop is the hot part of the overlap modes
            (gs, ge), (ps, pe) = g_items[g][0][1], p_items[p][0][1]
            ious[(g, p)] = (min(ge, pe) - max(gs, ps)) / (max(ge, pe) - min(gs, ps))
    out = {}
    for name, min_iou in thresholds.items():
        scores = ious if min_iou <= 0 else {k: v for k, v in ious.items() if v >= min_iou}
        out[name], _ = match_optimal(g_items, p_items, scores, scores.get)
    return out


def _clusters(docs: dict[str, dict], layer: str, span_of, cluster_of, *, cross_doc: bool) -> dict:
    """mention key -> cluster id; items without a cluster are singletons."""
    out = {}
    for d, doc in docs.items():
        for x in _items(doc, layer):
            s = span_of(x)
            c = cluster_of(x)
            key = (d, s[0], s[1])
            if c is None:
                out[key] = ("singleton", d, x["id"])
            else:
                out[key] = c if cross_doc else (d, c)
    return out


def _coreference(run: Run) -> None:
    for prefix, layer, span_of, cluster_of in (
        ("coref", "mentions", _span, lambda m: m.get("entity")),
        ("event_coref", "events", lambda e: _span(e["trigger"]), lambda e: e.get("cluster")),
    ):
        for cross in (False, True):
            key = _clusters(run.gold, layer, span_of, cluster_of, cross_doc=cross)
            resp = _clusters(run.pred, layer, span_of, cluster_of, cross_doc=cross)
            scope = f"{prefix}.cross_doc" if cross else prefix
            for mname, fn in coref.METRICS.items():
                per_doc = {}
                if not cross:
                    by_doc_k: dict = {}
                    by_doc_r: dict = {}
                    for m, c in key.items():
                        by_doc_k.setdefault(m[0], {})[m] = c
                    for m, c in resp.items():
                        by_doc_r.setdefault(m[0], {})[m] = c
                    for d in run.gold:
                        per_doc[d] = fn(by_doc_k.get(d, {}), by_doc_r.get(d, {}))
                    total = tuple(math.fsum(v[i] for v in per_doc.values()) for i in range(4))
                else:
                    total = fn(key, resp)
                run.coref[f"{scope}.{mname}"] = {"*": total, **per_doc}


# --- layer 2: events ------------------------------------------------------------------

def _aligned(run: Run, d: str, ref: str, *, gold: bool) -> tuple[str, dict | None] | None:
    """The gold item a reference stands for: (kind, gold item), item None if unaligned.

    A gold reference stands for itself; a predicted mention, event or claim for the
    gold item it is aligned with (see the module docstring). None if dangling.
    """
    x = run.index(d, gold).get(ref)
    if x is None:
        return None
    kind, item = x
    if gold:
        return kind, item
    table = {"mention": run.mention_map, "event": run.event_map, "claim": run.claim_map}[kind]
    return kind, table.get((d, ref))


def _identity(run: Run, d: str, ref: str, *, gold: bool, event_by: str) -> Hashable:
    """The gold-side identity of a reference: a mention by its entity; an event by its
    cluster (``event_by="cluster"``) or by the gold event itself (``"item"``); a claim by
    the gold claim. Unaligned and dangling references get an identity of their own."""
    a = _aligned(run, d, ref, gold=gold)
    if a is None or a[1] is None:
        return ("unaligned", d, ref)
    kind, g = a
    if kind == "mention":
        return ("entity", g.get("entity") or ("singleton", d, g["id"]))
    if kind == "event" and event_by == "cluster":
        return ("event", g.get("cluster") or ("singleton", d, g["id"]))
    return (kind, d, g["id"])


def _filler(run: Run, d: str, ref: str, *, gold: bool) -> Hashable:
    """What an argument or claim source points at: an entity or an event cluster."""
    return _identity(run, d, ref, gold=gold, event_by="cluster")


def _events(run: Run) -> None:
    u = run.units.of
    g_ev = [(d, e) for d, doc in run.gold.items() for e in _items(doc, "events")]
    p_ev = [(d, e) for d, doc in run.pred.items() for e in _items(doc, "events")]
    run.tallies["events.trigger.identification"] = match_keys(
        [((d, *_span(e["trigger"])), u(d, e["trigger"]["start"]), e["type"]) for d, e in g_ev],
        [((d, *_span(e["trigger"])), u(d, e["trigger"]["start"]), e["type"]) for d, e in p_ev],
    )
    run.tallies["events.trigger.classification"] = match_keys(
        [((d, *_span(e["trigger"]), e["type"]), u(d, e["trigger"]["start"]), e["type"]) for d, e in g_ev],
        [((d, *_span(e["trigger"]), e["type"]), u(d, e["trigger"]["start"]), e["type"]) for d, e in p_ev],
    )
    gold_by_trigger = {(d, *_span(e["trigger"])): e for d, e in g_ev}
    for d, e in p_ev:
        g = gold_by_trigger.get((d, *_span(e["trigger"])))
        if g is not None:
            run.event_map[(d, e["id"])] = g

    def args(events, gold: bool, with_role: bool):
        for d, e in events:
            for a in e.get("arguments") or []:
                filler = _filler(run, d, a["ref"], gold=gold)
                key = (d, *_span(e["trigger"]), e["type"], a["role"] if with_role else None, filler)
                yield key, u(d, e["trigger"]["start"]), a["role"]

    run.tallies["events.argument.identification"] = match_keys(args(g_ev, True, False), args(p_ev, False, False))
    run.tallies["events.argument.classification"] = match_keys(args(g_ev, True, True), args(p_ev, False, True))
    run.type_tallies.update(("events.trigger.identification", "events.trigger.classification", "events.argument.classification"))

    pairs = [(g, p) for d, p in p_ev if (g := run.event_map.get((d, p["id"]))) is not None]
    for attr in ("type", "mode", "polarity", "modality"):
        run.attr_pairs[f"events.{attr}"] = ([g.get(attr) for g, _ in pairs], [p.get(attr, "<missing>") for _, p in pairs])


# --- layer 3: claims ------------------------------------------------------------------

def _claims(run: Run) -> None:
    u = run.units.of
    g_cl = [(d, c) for d, doc in run.gold.items() for c in _items(doc, "claims")]
    p_cl = [(d, c) for d, doc in run.pred.items() for c in _items(doc, "claims")]
    for part in ("cue", "content"):
        run.tallies[f"claims.{part}"] = match_keys(
            [((d, *_span(c[part])), u(d, c[part]["start"]), None) for d, c in g_cl if c.get(part)],
            [((d, *_span(c[part])), u(d, c[part]["start"]), None) for d, c in p_cl if c.get(part)],
        )

    def source_items(claims, gold):
        for d, c in claims:
            src = c.get("source")
            if src is None:
                continue
            m = run.index(d, gold).get(src)
            if m is not None:
                yield (d, *_span(m[1])), u(d, m[1]["start"]), None

    run.tallies["claims.source"] = match_keys(source_items(g_cl, True), source_items(p_cl, False))

    # content overlap (the claim alignment) and the claim tuple
    p_claims = [(d, c) for d, c in p_cl if c.get("content")]

    def source_entity(d, c, gold):
        return ("none",) if c.get("source") is None else _filler(run, d, c["source"], gold=gold)

    g_src = [source_entity(d, c, True) for d, c in g_cl]
    p_src = [source_entity(d, c, False) for d, c in p_claims]
    # item keys are the claims' content, so that ties are broken by content, never by position
    g_items = [(_claim_key(d, c, s), u(d, c["content"]["start"]), None) for (d, c), s in zip(g_cl, g_src)]
    p_items = [(_claim_key(d, c, s), u(d, c["content"]["start"]), None) for (d, c), s in zip(p_claims, p_src)]
    g_tok = [run.tokens.of(d, *_span(c["content"])) for d, c in g_cl]
    p_tok = [run.tokens.of(d, *_span(c["content"])) for d, c in p_claims]
    by_doc: dict[str, list[int]] = {}
    for pi, (pd, _) in enumerate(p_claims):
        by_doc.setdefault(pd, []).append(pi)
    candidates = [(gi, pi) for gi, (gd, _) in enumerate(g_cl) for pi in by_doc.get(gd, ()) if g_tok[gi] & p_tok[pi]]

    def content_ok(g, p):
        s = set_iou(g_tok[g], p_tok[p])
        return s if s >= IOU_MIN else None

    def agreeing(g, p):
        """How many of source, cue, quote type and check-worthiness agree: the tie-break."""
        gc, pc = g_cl[g][1], p_claims[p][1]
        return ((g_src[g] == p_src[p]) + (_cue(gc) == _cue(pc))
                + sum(gc.get(a) == pc.get(a, "<missing>") for a in ("quote_type", "check_worthiness")))

    tally, pairs = match_optimal(g_items, p_items, candidates, content_ok, prefer=agreeing, prefer_max=4)
    run.tallies["claims.content.overlap"] = tally
    for g, p in pairs:
        run.claim_map[(p_claims[p][0], p_claims[p][1]["id"])] = g_cl[g][1]

    def tuple_ok(g, p):
        s = content_ok(g, p)
        return s if s is not None and g_src[g] == p_src[p] else None

    run.tallies["claims.tuple"], _ = match_optimal(g_items, p_items, candidates, tuple_ok, prefer=agreeing, prefer_max=4)
    for attr in ("quote_type", "check_worthiness"):
        run.attr_pairs[f"claims.{attr}"] = (
            [g_cl[g][1].get(attr) for g, _ in pairs], [p_claims[p][1].get(attr, "<missing>") for _, p in pairs]
        )


def _cue(c: dict) -> tuple | None:
    return _span(c["cue"]) if c.get("cue") else None


def _claim_key(d: str, c: dict, source) -> tuple:
    """A claim by its content: document, content span, cue span, aligned source, attributes,
    and last its id (which decides only between claims equal in everything else)."""
    return (d, *_span(c["content"]), _cue(c) or (-1, -1), repr(source),
            str(c.get("quote_type")), str(c.get("check_worthiness")), c["id"])


# --- layer 4: relations ---------------------------------------------------------------

def _endpoint(run: Run, d: str, ref: str, *, gold: bool) -> Hashable:
    """A relation end: a mention by its entity, an event or claim by the gold item itself."""
    return _identity(run, d, ref, gold=gold, event_by="item")


def _relation_items(run: Run, gold: bool, symmetric: dict[str, bool]):
    docs = run.gold if gold else run.pred
    corpus = run.gold_corpus if gold else run.pred_corpus
    within, cross = [], []
    for d, doc in docs.items():
        for r in _items(doc, "relations"):
            h = _endpoint(run, d, r["head"], gold=gold)
            t = _endpoint(run, d, r["tail"], gold=gold)
            if symmetric.get(r["type"]):
                h, t = sorted((h, t), key=repr)
            anchor = _anchor(run, d, r["head"], gold)
            within.append(((d, r["type"], h, t), run.units.of(d, anchor), r["type"]))
    for r in corpus.get("relations") or []:
        h = _endpoint(run, r["head"]["doc"], r["head"]["id"], gold=gold)
        t = _endpoint(run, r["tail"]["doc"], r["tail"]["id"], gold=gold)
        if symmetric.get(r["type"]):
            h, t = sorted((h, t), key=repr)
        hd = r["head"]["doc"]
        unit = run.units.of(hd, _anchor(run, hd, r["head"]["id"], gold)) if hd in run.gold else ("?", 0)
        cross.append((("corpus", r["type"], h, t), unit, r["type"]))
    return within, cross


def _anchor(run: Run, d: str, ref: str, gold: bool) -> int:
    x = run.index(d, gold).get(ref)
    if x is None:
        return 0
    kind, item = x
    if kind == "mention":
        return item["start"]
    if kind == "event":
        return item["trigger"]["start"]
    return item["content"]["start"] if item.get("content") else 0


def _relations(run: Run) -> None:
    symmetric = run.symmetric
    g_within, g_cross = _relation_items(run, True, symmetric)
    p_within, p_cross = _relation_items(run, False, symmetric)
    run.tallies["relations.strict"] = match_keys(g_within + g_cross, p_within + p_cross)
    run.tallies["relations.within_doc"] = match_keys(g_within, p_within)
    run.tallies["relations.cross_doc"] = match_keys(g_cross, p_cross)
    run.type_tallies.update(("relations.strict",))
    run.attr_pairs["relations.type"] = _type_pairs(g_within + g_cross, p_within + p_cross)


def _type_pairs(gold_items: list, pred_items: list) -> tuple[list, list]:
    """Relation types of relations whose two ends align (unordered), any type. Equal types
    are paired first, the rest in sorted order: independent of the order of the input."""
    by_ends: dict = {}
    for side, items in ((0, gold_items), (1, pred_items)):
        for key, _, typ in items:
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


# --- attributes on matched items ------------------------------------------------------

def _agreement(gold: list, pred: list) -> dict:
    """Accuracy, macro-F1 and Cohen's kappa of an attribute over aligned pairs.

    Macro-F1 is sklearn's ``f1_score(average="macro")`` over the labels that
    occur in the gold or the predictions; a missing prediction is the label
    ``<missing>`` and counts as wrong.
    """
    n = len(gold)
    if n == 0:
        return {"accuracy": None, "macro_f1": None, "kappa": None, "n": 0, "correct": 0}
    from sklearn.metrics import cohen_kappa_score, f1_score

    g = ["<null>" if x is None else str(x) for x in gold]
    p = ["<null>" if x is None else str(x) for x in pred]
    correct = sum(a == b for a, b in zip(g, p))
    labels = sorted(set(g) | set(p))
    macro = float(f1_score(g, p, labels=labels, average="macro", zero_division=0))
    # Cohen's kappa is undefined when chance agreement is 1 (a single label throughout)
    kappa = None if len(labels) < 2 else float(cohen_kappa_score(g, p, labels=labels))
    return {"accuracy": correct / n, "macro_f1": macro, "kappa": kappa, "n": n, "correct": correct}


# --- the result ------------------------------------------------------------------------

COREF_SCOPES = ("coref", "coref.cross_doc", "event_coref", "event_coref.cross_doc")


def coref_scope(counts: dict[str, tuple]) -> dict[str, dict]:
    """The metrics of one coreference scope (metric name -> counts) with their CoNLL mean.

    MUC has no links to count on a side whose clusters are all singletons. As coval
    (``coval/eval/evaluator.py``, unittests TC-A-10, TC-M-2) and scorch do, the ratio
    over that side is then 0, not null, when the other side has links and the side
    itself has mentions: an all-singleton response scores MUC 0/0/0, and CoNLL stays
    a number. With links on neither side (or no mentions), MUC stays null.
    """
    out = {}
    for name, c in counts.items():
        out[name] = ratio_metric(*c)
    muc, b3 = out["muc"], counts["b3"]
    resp_mentions, key_mentions = b3[1], b3[3]
    if muc["p_den"] == 0 and muc["r_den"] > 0 and resp_mentions > 0:
        muc["precision"] = 0.0
    if muc["r_den"] == 0 and muc["p_den"] > 0 and key_mentions > 0:
        muc["recall"] = 0.0
    muc["f1"] = f1_of(muc["precision"], muc["recall"])
    f1s = [out[n]["f1"] for n in coref.CONLL_PARTS]
    conll = ratio_metric(0, 0, 0, 0)
    conll.update(f1=None if None in f1s else sum(f1s) / len(f1s), p_num=None, p_den=None, r_num=None, r_den=None)
    out["conll"] = conll
    return out


def _document_row(run: Run, d: str, by_doc: dict[str, dict]) -> dict:
    """The per-document breakdown of one document."""
    empty = count_metric(0, 0, 0)
    row = {name: groups.get(d, empty) for name, groups in by_doc.items()}
    for scope in ("coref", "event_coref"):
        for mname, m in coref_scope({n: run.coref[f"{scope}.{n}"][d] for n in coref.METRICS}).items():
            row[f"{scope}.{mname}"] = m
    return row


def _result(run: Run) -> dict:
    metrics: dict[str, dict] = {}
    for name, tally in run.tallies.items():
        metrics[name] = tally.metric()
    for scope in COREF_SCOPES:
        for mname, m in coref_scope({n: run.coref[f"{scope}.{n}"]["*"] for n in coref.METRICS}).items():
            metrics[f"{scope}.{mname}"] = m

    per_type = {name: {str(k): v for k, v in run.tallies[name].by(1).items()} for name in sorted(run.type_tallies)}
    by_doc = {name: tally.by(0) for name, tally in run.tallies.items() if name != "relations.cross_doc"}
    per_document = {d: _document_row(run, d, by_doc) for d in run.gold}
    return {
        "metrics": dict(sorted(metrics.items())),
        "attributes": {k: _agreement(*v) for k, v in sorted(run.attr_pairs.items())},
        "per_type": per_type,
        "per_document": per_document,
        "_tallies": run.tallies,
        "_units": run.units.all(),
    }


# --- streaming: one document at a time -------------------------------------------------------

ALL_DOCUMENTS = ("*", 0)  # the unit of merged counts when the unit is the document
COREF_LAYERS = (
    ("coref", "mentions", _span, lambda m: m.get("entity")),
    ("event_coref", "events", lambda e: _span(e["trigger"]), lambda e: e.get("cluster")),
)


def score_documents(pairs, *, gold_corpus: dict | None = None, pred_corpus: dict | None = None, units: str = "document", schema) -> dict[str, Any]:
    """The same result as :func:`score`, computed as a map over documents and a sum.

    ``pairs`` yields ``(doc_id, gold_record, predicted_record_or_None)``; only one
    document's records are needed at a time, so memory does not hold the corpus.
    What crosses documents is kept compactly: cluster ids per mention and trigger
    (cross-document coreference) and the aligned ends of the corpus relations.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _score_documents(pairs, gold_corpus or {}, pred_corpus or {}, units, symmetric_types(schema))
    finally:
        if paused:
            gc.enable()


def _score_documents(pairs, gold_corpus: dict, pred_corpus: dict, units: str, symmetric: dict[str, bool]) -> dict[str, Any]:
    wanted = {True: set(), False: set()}
    for side, corpus in ((True, gold_corpus), (False, pred_corpus)):
        for r in corpus.get("relations") or []:
            wanted[side].update(((r["head"]["doc"], r["head"]["id"]), (r["tail"]["doc"], r["tail"]["id"])))
    tallies: dict[str, Tally] = {}
    type_tallies: set[str] = set()
    within: dict[str, list] = {}
    cross_stats = {prefix: coref.Contingency() for prefix, *_ in COREF_LAYERS}
    # with the document as unit, merged counts need only the type (the per-document
    # breakdown is made as each document goes by), so memory does not grow with documents
    collapse = units == "document"
    attr_pairs: dict[str, tuple[list, list]] = {}
    ends: dict[tuple, tuple] = {}  # (side, doc, id) -> (identity, unit)
    per_document: dict[str, dict] = {}
    all_units: list = []
    for d, g, p in pairs:
        run = Run({d: g}, {d: p if p is not None else {"id": d}}, {}, {}, Units({d: g}, units), Tokens({d: g}), symmetric)
        _score_layers(run)
        for name, t in run.tallies.items():
            total = tallies.setdefault(name, Tally())
            for part in ("tp", "fp", "fn"):
                counts = getattr(t, part)
                if collapse:
                    counts = Counter({(ALL_DOCUMENTS, typ): n for (_, typ), n in counts.items()})
                getattr(total, part).update(counts)
        type_tallies |= run.type_tallies
        for name, counts in run.coref.items():
            if d in counts:
                within.setdefault(name, []).append(counts[d])
        for prefix, layer, span_of, cluster_of in COREF_LAYERS:
            cross_stats[prefix].add(_clusters(run.gold, layer, span_of, cluster_of, cross_doc=True),
                                    _clusters(run.pred, layer, span_of, cluster_of, cross_doc=True))
        for name, (gl, pl) in run.attr_pairs.items():
            acc = attr_pairs.setdefault(name, ([], []))
            acc[0].extend(gl)
            acc[1].extend(pl)
        for side in (True, False):
            for dd, ref in wanted[side]:
                if dd == d:
                    ends[(side, d, ref)] = (_endpoint(run, d, ref, gold=side), run.units.of(d, _anchor(run, d, ref, side)))
        per_document[d] = _document_row(run, d, {name: t.by(0) for name, t in run.tallies.items() if name != "relations.cross_doc"})
        all_units.extend(run.units.all())

    # relations between documents, from the ends aligned on the way
    def cross_items(corpus: dict, side: bool) -> list:
        out = []
        for r in corpus.get("relations") or []:
            (h, unit), (t, _) = (ends.get((side, e["doc"], e["id"]), (("unaligned", e["doc"], e["id"]), ("?", 0))) for e in (r["head"], r["tail"]))
            if symmetric.get(r["type"]):
                h, t = sorted((h, t), key=repr)
            out.append((("corpus", r["type"], h, t), unit, r["type"]))
        return out

    cross = match_keys(cross_items(gold_corpus, True), cross_items(pred_corpus, False))
    tallies["relations.cross_doc"] = cross
    strict = tallies.setdefault("relations.strict", Tally())
    for part in ("tp", "fp", "fn"):
        getattr(strict, part).update(getattr(cross, part))
    for d, m in cross.by(0).items():  # a cross-document link counts for its head's document
        if d in per_document:
            row = per_document[d]["relations.strict"]
            per_document[d]["relations.strict"] = count_metric(row["tp"] + m["tp"], row["fp"] + m["fp"], row["fn"] + m["fn"])
    # the relation type agreement of cross-document links joins the within-document pairs
    g_types, p_types = _type_pairs(cross_items(gold_corpus, True), cross_items(pred_corpus, False))
    acc = attr_pairs.setdefault("relations.type", ([], []))
    acc[0].extend(g_types)
    acc[1].extend(p_types)

    metrics = {name: t.metric() for name, t in tallies.items()}
    for prefix, *_ in COREF_LAYERS:
        for cross_scope in (False, True):
            scope = f"{prefix}.cross_doc" if cross_scope else prefix
            counts = {}
            for mname in coref.METRICS:
                if cross_scope:
                    counts[mname] = coref.FROM_CONTINGENCY[mname](cross_stats[prefix])
                else:
                    rows = within.get(f"{scope}.{mname}", [])
                    counts[mname] = tuple(math.fsum(v[i] for v in rows) for i in range(4))
            for mname, m in coref_scope(counts).items():
                metrics[f"{scope}.{mname}"] = m
    return {
        "metrics": dict(sorted(metrics.items())),
        "attributes": {k: _agreement(*v) for k, v in sorted(attr_pairs.items())},
        "per_type": {name: {str(k): v for k, v in tallies[name].by(1).items()} for name in sorted(type_tallies)},
        "per_document": per_document,
        "_tallies": tallies,
        "_units": sorted(all_units),
    }
