"""Synthetic corpora made by perturbing the gold, for the speed benchmark.

- ``replicate(n)``: n documents, each a copy of one gold article with its text
  shifted by a random prefix (every offset moves), ids suffixed per copy;
- ``long_documents(n_docs, mentions_per_doc)``: documents made of many shifted
  copies of the articles back to back, for scorers that work per document;
- ``perturb(docs)``: a prediction: spans jittered, types swapped, mentions dropped
  and added, clusters split and merged, event types swapped, relations dropped.

Everything is seeded, so a run is reproducible.
"""

from __future__ import annotations

import copy
import random

from ceasefire.schema.corpus import load_gold
from ceasefire.schema import load_schema

SCHEMA = load_schema()
TYPES = [t for t in SCHEMA.mention_types if t not in ("TIME", "OBJECT", "LOCATION")]


def gold_docs():
    g = load_gold(None, schema=SCHEMA)
    return [g.documents[d] for d in sorted(g.documents)], g.corpus


def _shift_doc(doc: dict, shift: int, suffix: str, prefix_char: str = "x") -> dict:
    d = copy.deepcopy(doc)
    d["id"] = f"{doc['id']}{suffix}"
    d["text"] = prefix_char * (shift - 1) + "\n" + doc["text"] if shift else doc["text"]
    for m in d["mentions"]:
        m["start"] += shift
        m["end"] += shift
        m["entity"] = m["entity"] + suffix
    for e in d["entities"]:
        e["id"] += suffix
    for e in d["events"]:
        e["trigger"]["start"] += shift
        e["trigger"]["end"] += shift
        e["cluster"] += suffix
    for c in d["claims"]:
        for part in ("cue", "content"):
            if c.get(part):
                c[part]["start"] += shift
                c[part]["end"] += shift
    return d


def replicate(n: int, seed: int = 0) -> dict[str, dict]:
    rng = random.Random(seed)
    base, _ = gold_docs()
    return {d["id"]: d for d in (_shift_doc(base[i % len(base)], rng.randrange(1, 50), f"-{i}") for i in range(n))}


def long_documents(n_docs: int, mentions_per_doc: int, seed: int = 0) -> dict[str, dict]:
    """Documents of about ``mentions_per_doc`` mentions (mentions layer only)."""
    rng = random.Random(seed)
    base, _ = gold_docs()
    out = {}
    for i in range(n_docs):
        text_parts, mentions, offset, k = [], [], 0, 0
        while len(mentions) < mentions_per_doc:
            src = base[k % len(base)]
            pad = rng.randrange(1, 20)
            text_parts.append(" " * pad)
            offset += pad
            for m in src["mentions"]:
                if len(mentions) >= mentions_per_doc:
                    break
                mentions.append({"id": f"m{len(mentions)}", "start": m["start"] + offset, "end": m["end"] + offset,
                                 "text": m["text"], "type": m["type"], "level": m["level"], "entity": f"{m['entity']}-{k}"})
            text_parts.append(src["text"])
            offset += len(src["text"])
            k += 1
        out[f"long-{i}"] = {"id": f"long-{i}", "text": "".join(text_parts), "mentions": mentions}
    return out


def perturb(docs: dict[str, dict], seed: int = 1, rate: float = 0.1) -> dict[str, dict]:
    rng = random.Random(seed)
    out = {}
    for d, doc in docs.items():
        p = copy.deepcopy(doc)
        text = p["text"]
        kept, seen = [], set()
        for m in p["mentions"]:
            r = rng.random()
            if r < rate:
                continue  # dropped
            if r < 2 * rate:  # jittered by one or two characters at one end
                delta = rng.choice([-2, -1, 1, 2])
                if rng.random() < 0.5:
                    m["start"] = min(max(0, m["start"] + delta), m["end"] - 1)
                else:
                    m["end"] = max(min(len(text), m["end"] + delta), m["start"] + 1)
                m["text"] = text[m["start"]:m["end"]]
            elif r < 3 * rate:
                m["type"] = rng.choice(TYPES)
            if rng.random() < rate:  # split: a mention leaves its cluster
                m["entity"] = f"{m['entity']}-split{rng.randrange(3)}"
            elif rng.random() < rate:  # merge: a mention joins another cluster
                m["entity"] = rng.choice(doc["mentions"])["entity"]
            if (m["start"], m["end"]) in seen or not m["text"].strip() or m["text"] != m["text"].strip():
                continue
            seen.add((m["start"], m["end"]))
            kept.append(m)
        for j in range(int(len(doc["mentions"]) * rate)):  # spurious mentions
            s = rng.randrange(0, max(1, len(text) - 10))
            e = s + rng.randrange(3, 9)
            if (s, e) in seen or text[s:e] != text[s:e].strip() or not text[s:e].strip():
                continue
            seen.add((s, e))
            kept.append({"id": f"spurious{j}", "start": s, "end": e, "text": text[s:e], "type": rng.choice(TYPES), "level": "NAM", "entity": f"sp{j}"})
        p["mentions"] = kept
        ids = {m["id"] for m in kept}
        p.pop("entities", None)
        if "events" in p:
            for e in p["events"]:
                if rng.random() < rate:
                    e["type"] = rng.choice(list(SCHEMA.event_types))
                    e["mode"] = None
                e["arguments"] = [a for a in e["arguments"] if a["ref"] in ids or a["ref"].startswith("v")]
            for c in p.get("claims", []):
                if c["source"] not in ids:
                    c["source"] = None
            p["relations"] = [r for r in p.get("relations", []) if rng.random() > rate and all(x in ids or x[0] in "vc" for x in (r["head"], r["tail"]))]
            types = {}
            for e in p["events"]:  # one type per cluster, as the format requires
                e["cluster"] = e["cluster"] if types.setdefault(e["cluster"], e["type"]) == e["type"] else f"{e['cluster']}-{e['type']}"
        out[d] = p
    return out


def replicate_pairs(n: int, seed: int = 5):
    """(doc_id, gold, prediction) for n shifted copies, made one at a time (nothing kept)."""
    rng = random.Random(seed)
    base, _ = gold_docs()
    for i in range(n):
        g = _shift_doc(base[i % len(base)], rng.randrange(1, 50), f"-{i}")
        yield g["id"], g, perturb({g["id"]: g}, seed=seed + 1 + i)[g["id"]]
