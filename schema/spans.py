"""Placing spans that a prediction gives by ``text`` alone.

The rule (also in schema/FORMAT.md), applied per document and per span role
(mention, trigger, cue, content), in the order the spans appear in the record:

1. A span with ``start`` and ``end`` stays where it is.
2. A span with ``occurrence: k`` goes to the k-th (0-based) occurrence of its
   exact text in the document; occurrences are counted at every start
   position, left to right, case- and accent-sensitive, no normalisation.
3. Any other span goes to the leftmost occurrence of its text not already
   taken by a span of the same role placed by rules 1-3.

A span whose text does not occur, or whose occurrences are all taken, is an
error. The placement depends only on the record, so it is deterministic.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

#: span role -> function yielding (path, span dict) for every span of that role.
SpanWalker = Callable[[dict], Iterator[tuple[str, dict]]]


def _mentions(doc: dict) -> Iterator[tuple[str, dict]]:
    for i, m in enumerate(_list(doc.get("mentions"))):
        if isinstance(m, dict):
            yield f"mentions[{i}]", m


def _part(layer: str, part: str) -> SpanWalker:
    def walk(doc: dict) -> Iterator[tuple[str, dict]]:
        for i, item in enumerate(_list(doc.get(layer))):
            if isinstance(item, dict) and isinstance(item.get(part), dict):
                yield f"{layer}[{i}].{part}", item[part]

    return walk


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


SPAN_ROLES: dict[str, SpanWalker] = {
    "mention": _mentions,
    "trigger": _part("events", "trigger"),
    "cue": _part("claims", "cue"),
    "content": _part("claims", "content"),
}


def iter_spans(doc: dict) -> Iterator[tuple[str, str, dict]]:
    """Yield ``(role, path, span)`` for every span of a document record."""
    for role, walk in SPAN_ROLES.items():
        for path, span in walk(doc):
            yield role, path, span


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every occurrence of ``needle`` in ``text``, overlapping included."""
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def place_spans(doc: dict, text: str) -> list[tuple[str, Any, str]]:
    """Fill in ``start``/``end`` of text-only spans in ``doc`` (in place).

    Returns ``(path, value, message)`` for every span that cannot be placed.
    """
    problems: list[tuple[str, Any, str]] = []
    for role, walk in SPAN_ROLES.items():
        spans = list(walk(doc))
        taken = {
            (s["start"], s["end"])
            for _, s in spans
            if isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
        }
        for path, span in spans:
            if "start" in span or "end" in span:
                continue
            needle = span.get("text")
            if not isinstance(needle, str) or not needle:
                continue  # reported by the structural check
            found = occurrences(text, needle)
            if not found:
                problems.append((f"{path}.text", needle, "does not occur in the document text"))
                continue
            k = span.get("occurrence")
            if k is not None:
                if not isinstance(k, int) or isinstance(k, bool) or not 0 <= k < len(found):
                    problems.append((f"{path}.occurrence", k, f"is out of range: the text occurs {len(found)} times (0-based)"))
                    continue
                start = found[k]
            else:
                start = next((s for s in found if (s, s + len(needle)) not in taken), None)
                if start is None:
                    problems.append((f"{path}.text", needle, f"occurs {len(found)} times and every occurrence is already taken by another {role} span"))
                    continue
            span["start"], span["end"] = start, start + len(needle)
            taken.add((span["start"], span["end"]))
    return problems
