"""Tiny hand-checkable documents for the metric tests (see tests/CASES.md).

``doc(text, mentions=[...], ...)`` builds a record; spans are given as
``(text, k)`` = the k-th occurrence of ``text``, so offsets never need to be
counted by hand.
"""

from ceasefire.eval.scorer import score
from ceasefire.schema import load_schema

SCHEMA = load_schema()


def at(text, s, k=0):
    i = -1
    for _ in range(k + 1):
        i = text.index(s, i + 1)
    return {"start": i, "end": i + len(s), "text": s}


def mention(text, mid, s, typ="PERSON", entity=None, k=0):
    m = {"id": mid, **at(text, s, k), "type": typ}
    if entity is not None:
        m["entity"] = entity
    return m


def event(text, eid, s, typ, cluster=None, args=(), k=0, **attrs):
    e = {"id": eid, "type": typ, "trigger": at(text, s, k), "arguments": [{"role": r, "ref": x} for r, x in args]}
    if cluster is not None:
        e["cluster"] = cluster
    e.update(attrs)
    return e


def claim(text, cid, content, source=None, cue=None, k=0, **attrs):
    c = {"id": cid, "source": source, "content": at(text, content, k)}
    if cue is not None:
        c["cue"] = at(text, cue)
    c.update(attrs)
    return c


def doc(doc_id, text, mentions=(), events=(), claims=(), relations=()):
    return {"id": doc_id, "text": text, "mentions": list(mentions), "events": list(events), "claims": list(claims),
            "relations": [{"id": f"r{i}", "type": t, "head": h, "tail": tl} for i, (t, h, tl) in enumerate(relations)]}


def run(gold_docs, pred_docs, gold_corpus=None, pred_corpus=None):
    """Score as ``ceasefire-eval score`` does (the one scoring path), without validation."""
    p = {d["id"]: d for d in pred_docs}
    pairs = ((g["id"], g, p.get(g["id"])) for g in gold_docs)
    return score(pairs, schema=SCHEMA, gold_corpus=gold_corpus, pred_corpus=pred_corpus).as_dict()


def prf(result, name):
    m = result["metrics"][name]
    return m["precision"], m["recall"], m["f1"]
