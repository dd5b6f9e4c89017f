"""Every difference between two annotations of the same articles, for adjudication.

Items are compared by what they denote, not by their ids: mentions by span,
events by trigger span, claims by content span, relations by their ends
(described by span and text). The output is one line per difference.
"""

from __future__ import annotations

import json
from collections import defaultdict


def _shown(value) -> str:
    """A value as the record files write it (null, true, false), a list as [a, b]; never Python's None or ['a']."""
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    return str(value)


def _span(x: dict) -> str:
    return f"{x['text']!r}@{x['start']}"


def _desc(doc: dict, ref: str) -> str:
    for layer, part in (("mentions", None), ("events", "trigger"), ("claims", "content")):
        for x in doc[layer]:
            if x["id"] == ref:
                s = x[part] if part else x
                return f"{layer[:-1]}:{_span(s)}"
    return f"?{ref}"


def _marks(x: dict) -> str:
    """The relation detail and the optional flag (guidelines 2.0), when present."""
    return (f" detail={x['detail']}" if x.get("detail") else "") + (" optional" if x.get("optional") else "")


def _entity_partition(doc: dict) -> dict[tuple[int, int], str]:
    return {(m["start"], m["end"]): m["entity"] for m in doc["mentions"]}


def _one_sided(what: str, xa: dict, xb: dict, describe) -> list[str]:
    """A line per item only in A, then per item only in B; ``describe(side, item)``."""
    return [f"{what} only in {side}: {describe(side, x[k])}" for side, x, y in (("A", xa, xb), ("B", xb, xa)) for k in sorted(set(x) - set(y))]


#: what an absent attribute means (an item without "optional" is not optional)
_ABSENT = {"optional": False}


def _changed(what: str, x: dict, y: dict, attrs: tuple[str, ...], where: str) -> list[str]:
    out = []
    for attr in attrs:
        a, b = x.get(attr, _ABSENT.get(attr)), y.get(attr, _ABSENT.get(attr))
        if a != b:
            out.append(f"{what} {attr}: {where} A={_shown(a)} B={_shown(b)}")
    return out


def _regrouped(shared: list, a_group, b_group) -> tuple[dict, dict]:
    """A group -> the B groups of its shared items, and B group -> the A groups (splits and merges)."""
    a_to_b: dict = defaultdict(set)
    b_to_a: dict = defaultdict(set)
    for k in shared:
        a_to_b[a_group(k)].add(b_group(k))
        b_to_a[b_group(k)].add(a_group(k))
    return a_to_b, b_to_a


def diff_documents(a: dict, b: dict) -> list[str]:
    return _diff_mentions(a, b) + _diff_events(a, b) + _diff_claims(a, b) + _diff_relations(a, b)


def _diff_mentions(a: dict, b: dict) -> list[str]:
    ma = {(m["start"], m["end"]): m for m in a["mentions"]}
    mb = {(m["start"], m["end"]): m for m in b["mentions"]}
    out = _one_sided("mention", ma, mb, lambda _, m: f"{_span(m)} {m['type']} {m['level']} entity={_shown(m['entity'])}")
    shared = sorted(set(ma) & set(mb))
    for k in shared:
        out += _changed("mention", ma[k], mb[k], ("type", "level", "optional"), _span(ma[k]))
    # clustering: shared mentions whose A-cluster maps to several B-clusters or vice versa
    a_to_b, b_to_a = _regrouped(shared, lambda k: ma[k]["entity"], lambda k: mb[k]["entity"])
    for ea, ebs in sorted(a_to_b.items()):
        if len(ebs) > 1:
            members = sorted((k, mb[k]["entity"]) for k in shared if ma[k]["entity"] == ea)
            out.append(f"entity split: A {ea} = B " + ", ".join(f"{eb}:{ma[k]['text']!r}@{k[0]}" for k, eb in members))
    for eb, eas in sorted(b_to_a.items()):
        if len(eas) > 1:
            members = sorted((k, ma[k]["entity"]) for k in shared if mb[k]["entity"] == eb)
            out.append(f"entity merge: B {eb} = A " + ", ".join(f"{ea}:{mb[k]['text']!r}@{k[0]}" for k, ea in members))
    return out


def _diff_events(a: dict, b: dict) -> list[str]:
    ea = {(e["trigger"]["start"], e["trigger"]["end"]): e for e in a["events"]}
    eb = {(e["trigger"]["start"], e["trigger"]["end"]): e for e in b["events"]}
    docs = {"A": a, "B": b}

    def args(doc, e):
        return sorted(f"{x['role']}={_desc(doc, x['ref'])}" for x in e["arguments"])

    out = _one_sided("event", ea, eb, lambda side, e: f"{_span(e['trigger'])} {e['type']} {e['modality']} {e['polarity']} mode={_shown(e['mode'])} "
                                                     f"cluster={_shown(e['cluster'])} args={_shown(args(docs[side], e))}{_marks(e)}")
    shared = sorted(set(ea) & set(eb))
    for k in shared:
        x, y = ea[k], eb[k]
        out += _changed("event", x, y, ("type", "mode", "polarity", "modality", "optional"), _span(x["trigger"]))
        ax, ay = args(a, x), args(b, y)
        if ax != ay:
            out.append(f"event args: {_span(x['trigger'])} only A={_shown(sorted(set(ax) - set(ay)))} only B={_shown(sorted(set(ay) - set(ax)))}")
    a_to_b, b_to_a = _regrouped(shared, lambda k: ea[k]["cluster"], lambda k: eb[k]["cluster"])
    for c, cs in sorted(a_to_b.items()):
        if len(cs) > 1:
            out.append(f"event cluster split: A {c} -> B {_shown(sorted(cs))}: " + ", ".join(f"{ea[k]['trigger']['text']!r}@{k[0]}={eb[k]['cluster']}" for k in shared if ea[k]['cluster'] == c))
    for c, cs in sorted(b_to_a.items()):
        if len(cs) > 1:
            out.append(f"event cluster merge: B {c} <- A {_shown(sorted(cs))}: " + ", ".join(f"{eb[k]['trigger']['text']!r}@{k[0]}={ea[k]['cluster']}" for k in shared if eb[k]['cluster'] == c))
    return out


def _diff_claims(a: dict, b: dict) -> list[str]:
    ca = {(c["content"]["start"], c["content"]["end"]): c for c in a["claims"]}
    cb = {(c["content"]["start"], c["content"]["end"]): c for c in b["claims"]}
    docs = {"A": a, "B": b}

    def cdesc(doc, c):
        src = _desc(doc, c["source"]) if c["source"] else None
        par = _desc(doc, c["parent"]) if c["parent"] else None
        return f"content={_span(c['content'])} cue={_span(c['cue'])} source={_shown(src)} {c['quote_type']} {c['check_worthiness']} parent={_shown(par)}{_marks(c)}"

    out = _one_sided("claim", ca, cb, lambda side, c: cdesc(docs[side], c))
    for k in sorted(set(ca) & set(cb)):
        x, y = cdesc(a, ca[k]), cdesc(b, cb[k])
        if x != y:
            out.append(f"claim differs:\n      A {x}\n      B {y}")
    return out


def _diff_relations(a: dict, b: dict) -> list[str]:
    def rels(doc):
        return {f"{r['type']}({_desc(doc, r['head'])} -> {_desc(doc, r['tail'])}){_marks(r)}" for r in doc["relations"]}

    ra, rb = rels(a), rels(b)
    return [f"relation only in A: {r}" for r in sorted(ra - rb)] + [f"relation only in B: {r}" for r in sorted(rb - ra)]


def diff_corpus(docs_a: dict, corpus_a: dict, docs_b: dict, corpus_b: dict) -> list[str]:
    def rels(docs, corpus):
        out = set()
        for r in corpus.get("relations") or []:
            h = f"{r['head']['doc'][:3]}:{_desc(docs[r['head']['doc']], r['head']['id'])}"
            t = f"{r['tail']['doc'][:3]}:{_desc(docs[r['tail']['doc']], r['tail']['id'])}"
            h, t = sorted((h, t))
            out.add(f"{r['type']}({h} <-> {t}){_marks(r)}")
        return out

    ra, rb = rels(docs_a, corpus_a), rels(docs_b, corpus_b)
    return [f"cross-doc relation only in A: {r}" for r in sorted(ra - rb)] + [f"cross-doc relation only in B: {r}" for r in sorted(rb - ra)]
