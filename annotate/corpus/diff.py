"""Every difference between two annotations of the same articles, for adjudication.

Items are compared by what they denote, not by their ids: mentions by span,
events by trigger span, claims by content span, relations by their ends
(described by span and text). The output is one line per difference.
"""

from __future__ import annotations

from collections import defaultdict


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


def diff_documents(a: dict, b: dict) -> list[str]:
    out = []
    ma = {(m["start"], m["end"]): m for m in a["mentions"]}
    mb = {(m["start"], m["end"]): m for m in b["mentions"]}
    for k in sorted(set(ma) - set(mb)):
        m = ma[k]
        out.append(f"mention only in A: {_span(m)} {m['type']} {m['level']} entity={m['entity']}")
    for k in sorted(set(mb) - set(ma)):
        m = mb[k]
        out.append(f"mention only in B: {_span(m)} {m['type']} {m['level']} entity={m['entity']}")
    for k in sorted(set(ma) & set(mb)):
        for attr in ("type", "level", "optional"):
            if ma[k].get(attr) != mb[k].get(attr):
                out.append(f"mention {attr}: {_span(ma[k])} A={ma[k].get(attr)} B={mb[k].get(attr)}")
    # clustering: shared mentions whose A-cluster maps to several B-clusters or vice versa
    a_to_b: dict = defaultdict(set)
    b_to_a: dict = defaultdict(set)
    for k in set(ma) & set(mb):
        a_to_b[ma[k]["entity"]].add(mb[k]["entity"])
        b_to_a[mb[k]["entity"]].add(ma[k]["entity"])
    for ea, ebs in sorted(a_to_b.items()):
        if len(ebs) > 1:
            members = sorted((k, mb[k]["entity"]) for k in set(ma) & set(mb) if ma[k]["entity"] == ea)
            out.append(f"entity split: A {ea} = B " + ", ".join(f"{eb}:{ma[k]['text']!r}@{k[0]}" for k, eb in members))
    for eb, eas in sorted(b_to_a.items()):
        if len(eas) > 1:
            members = sorted((k, ma[k]["entity"]) for k in set(ma) & set(mb) if mb[k]["entity"] == eb)
            out.append(f"entity merge: B {eb} = A " + ", ".join(f"{ea}:{mb[k]['text']!r}@{k[0]}" for k, ea in members))

    ea = {(e["trigger"]["start"], e["trigger"]["end"]): e for e in a["events"]}
    eb = {(e["trigger"]["start"], e["trigger"]["end"]): e for e in b["events"]}

    def args(doc, e):
        return sorted(f"{x['role']}={_desc(doc, x['ref'])}" for x in e["arguments"])

    for k in sorted(set(ea) - set(eb)):
        e = ea[k]
        out.append(f"event only in A: {_span(e['trigger'])} {e['type']} {e['modality']} {e['polarity']} mode={e['mode']} cluster={e['cluster']} args={args(a, e)}{_marks(e)}")
    for k in sorted(set(eb) - set(ea)):
        e = eb[k]
        out.append(f"event only in B: {_span(e['trigger'])} {e['type']} {e['modality']} {e['polarity']} mode={e['mode']} cluster={e['cluster']} args={args(b, e)}{_marks(e)}")
    for k in sorted(set(ea) & set(eb)):
        x, y = ea[k], eb[k]
        for attr in ("type", "mode", "polarity", "modality", "optional"):
            if x.get(attr) != y.get(attr):
                out.append(f"event {attr}: {_span(x['trigger'])} A={x.get(attr)} B={y.get(attr)}")
        ax, ay = args(a, x), args(b, y)
        if ax != ay:
            out.append(f"event args: {_span(x['trigger'])} only A={sorted(set(ax) - set(ay))} only B={sorted(set(ay) - set(ax))}")
    a_to_b = defaultdict(set)
    for k in set(ea) & set(eb):
        a_to_b[ea[k]["cluster"]].add(eb[k]["cluster"])
    b_to_a = defaultdict(set)
    for k in set(ea) & set(eb):
        b_to_a[eb[k]["cluster"]].add(ea[k]["cluster"])
    for c, cs in sorted(a_to_b.items()):
        if len(cs) > 1:
            out.append(f"event cluster split: A {c} -> B {sorted(cs)}: " + ", ".join(f"{ea[k]['trigger']['text']!r}@{k[0]}={eb[k]['cluster']}" for k in sorted(set(ea) & set(eb)) if ea[k]['cluster'] == c))
    for c, cs in sorted(b_to_a.items()):
        if len(cs) > 1:
            out.append(f"event cluster merge: B {c} <- A {sorted(cs)}: " + ", ".join(f"{eb[k]['trigger']['text']!r}@{k[0]}={ea[k]['cluster']}" for k in sorted(set(ea) & set(eb)) if eb[k]['cluster'] == c))

    ca = {(c["content"]["start"], c["content"]["end"]): c for c in a["claims"]}
    cb = {(c["content"]["start"], c["content"]["end"]): c for c in b["claims"]}

    def cdesc(doc, c):
        src = _desc(doc, c["source"]) if c["source"] else None
        par = _desc(doc, c["parent"]) if c["parent"] else None
        return f"content={_span(c['content'])} cue={_span(c['cue'])} source={src} {c['quote_type']} {c['check_worthiness']} parent={par}{_marks(c)}"

    for k in sorted(set(ca) - set(cb)):
        out.append(f"claim only in A: {cdesc(a, ca[k])}")
    for k in sorted(set(cb) - set(ca)):
        out.append(f"claim only in B: {cdesc(b, cb[k])}")
    for k in sorted(set(ca) & set(cb)):
        x, y = cdesc(a, ca[k]), cdesc(b, cb[k])
        if x != y:
            out.append(f"claim differs:\n      A {x}\n      B {y}")

    def rels(doc):
        return {f"{r['type']}({_desc(doc, r['head'])} -> {_desc(doc, r['tail'])}){_marks(r)}" for r in doc["relations"]}

    ra, rb = rels(a), rels(b)
    for r in sorted(ra - rb):
        out.append(f"relation only in A: {r}")
    for r in sorted(rb - ra):
        out.append(f"relation only in B: {r}")
    return out


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
    out = [f"cross-doc relation only in A: {r}" for r in sorted(ra - rb)]
    out += [f"cross-doc relation only in B: {r}" for r in sorted(rb - ra)]
    return out
