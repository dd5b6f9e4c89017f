"""The token view of the mentions: sentences, tokens and BIO tags of the top-level mentions.

Sentences and tokens are the scorer's (:class:`ceasefire.eval.text.Text`), so the token view, the bootstrap and
token IoU share one definition. One rule is added: where the scorer's rough
splitter breaks inside a gold mention ("U.S. and Russian officials" ends a
"sentence" at "U.S."), the two sentences are joined, so that no mention is cut.

BIO cannot hold nesting: only top-level mentions (not inside another mention)
are tagged. :func:`nesting` counts what that loses.
"""

from __future__ import annotations

from bisect import bisect_right

from ceasefire.eval.text import Text

OUTSIDE = "O"


def tag_names(mention_types) -> list[str]:
    """``O``, then ``B-T``, ``I-T`` for every mention type T in schema order."""
    return [OUTSIDE] + [f"{p}-{t}" for t in mention_types for p in ("B", "I")]


def _inside(a: dict, b: dict) -> bool:
    """a lies within b (spans are unique per document, so a is not b)."""
    return b["start"] <= a["start"] and a["end"] <= b["end"] and a is not b


def top_level(mentions: list[dict]) -> list[dict]:
    """The mentions that lie within no other mention, in their stored order."""
    return [m for m in mentions if not any(_inside(m, o) for o in mentions)]


def nesting(mentions: list[dict]) -> dict[str, int]:
    """Counts of what BIO loses: nested pairs, crossing pairs, mentions left out."""
    nested = sum(_inside(a, b) for a in mentions for b in mentions)
    crossing = sum(a["start"] < b["start"] < a["end"] < b["end"] for a in mentions for b in mentions)
    return {"mentions": len(mentions), "top_level": len(top_level(mentions)), "nested_pairs": nested, "crossing_pairs": crossing}


def sentences(doc_id: str, text: str, mentions: list[dict]) -> tuple[list[tuple[int, int]], int]:
    """[start, end) of each sentence (scorer's splitter, joined where a mention would be
    cut, surrounding whitespace dropped, empty ones left out), and the number of joins."""
    starts = Text(doc_id, text, "sentence").sentence_starts
    cut = {i for m in mentions for i in range(bisect_right(starts, m["start"]), bisect_right(starts, m["end"] - 1))}
    kept = [s for i, s in enumerate(starts) if i not in cut]
    bounds = list(zip(kept, kept[1:] + [len(text)]))
    out = [(b - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())) for a, b in bounds]
    return [(a, b) for a, b in out if b > a], len(cut)


def encode(spans: list[tuple[int, int]], tokens: list[tuple[int, int]], mentions: list[dict]) -> list[list[str]]:
    """BIO tags of the tokens of each sentence. Raises ValueError when a mention's
    boundary falls inside a token or its span crosses a sentence."""
    sent_of = [bisect_right([a for a, _ in spans], t[0]) - 1 for t in tokens]
    firsts = {t[0]: i for i, t in enumerate(tokens)}
    lasts = {t[1]: i for i, t in enumerate(tokens)}
    tags = [OUTSIDE] * len(tokens)
    for m in mentions:
        lo, hi = firsts.get(m["start"]), lasts.get(m["end"])
        where = f"mention {m['id']} {m['text']!r} [{m['start']}, {m['end']})"
        if lo is None or hi is None:
            raise ValueError(f"{where} does not start and end on token boundaries")
        if sent_of[lo] != sent_of[hi]:
            raise ValueError(f"{where} crosses a sentence boundary")
        for i in range(lo, hi + 1):
            tags[i] = ("B-" if i == lo else "I-") + m["type"]
    out: list[list[str]] = [[] for _ in spans]
    for i, s in enumerate(sent_of):
        out[s].append(tags[i])
    return out


def decode(rows: list[dict]) -> set[tuple[int, int, str]]:
    """(start, end, type) of every tagged span in token-view rows (IOB2, strict)."""
    out = set()
    for r in rows:
        open_ = None
        for tag, a, b in zip(list(r["tags"]) + [OUTSIDE], list(r["token_starts"]) + [None], list(r["token_ends"]) + [None]):
            if open_ and not (tag.startswith("I-") and tag[2:] == open_[2]):
                out.add(tuple(open_))
                open_ = None
            if tag.startswith("B-"):
                open_ = [a, b, tag[2:]]
            elif open_:
                open_[1] = b
    return out


def doc_rows(doc: dict, mentions: list[dict] | None = None) -> list[dict]:
    """One row per sentence of ``doc``: tokens, their offsets, BIO tags (as names) of
    the top-level ones among ``mentions`` (default: the document's own). Sentences
    are always cut by the document's own mentions, so gold and predictions share them."""
    d, text = doc["id"], doc["text"]
    spans, _ = sentences(d, text, doc["mentions"])
    tokens = Text(d, text).token_spans()
    tags = encode(spans, tokens, top_level(doc["mentions"] if mentions is None else mentions))
    rows = []
    for s, (a, b) in enumerate(spans):
        toks = [t for t in tokens if a <= t[0] < b]
        rows.append({"doc_id": d, "sentence": s, "start": a, "end": b, "text": text[a:b],
                     "tokens": [text[x:y] for x, y in toks], "token_starts": [x for x, _ in toks],
                     "token_ends": [y for _, y in toks], "tags": tags[s]})
    return rows
