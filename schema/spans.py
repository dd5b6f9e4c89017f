"""Placing prediction spans that are given by ``text`` alone.

The rule is defined in schema/FORMAT.md ("Spans given by text alone"); in short,
per document and per span role (mention, trigger, cue, content):

1. A span with ``start`` and ``end`` stays where it is.
2. The *occurrences* of a text are the places where it occurs without cutting a
   run of word characters; only if there is none, the word-internal ones; only
   if there is none of those either, the occurrences after normalisation
   (:func:`normalise`).
3. A span with ``occurrence: k`` takes the k-th of those occurrences.
4. The other spans with the same text are assigned to occurrences by an optimal
   matching that maximises, first, the number placed on a gold span of the same
   role *and label* (mention type, event type), then the number placed on any
   gold span of the role; ties go, spans taken in order of their item's id and
   occurrences from left to right, to the leftmost occurrence. No list order is
   looked at, so the result cannot depend on one.
5. In a role whose items may share a span (the claim cue, guidelines 3.4), spans
   may share an occurrence; in the other roles an occurrence takes one span.

The gold is only used to choose *among the occurrences of the text the
prediction gave*: every position considered covers that text, so a span can
only ever match a gold span with the same text. Without the gold (``validate``)
rule 4 reduces to the tie-break.

A span that cannot be placed (its text does not occur, or every occurrence is
taken) is *unplaced*: it gets a position past the end of the text, distinct for
each such span, which no gold span can match or overlap, so the scorer counts it,
and everything that refers to it, as a false positive.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from .structure import MISSING

#: span role -> function yielding (path, span dict, item the span belongs to).
SpanWalker = Callable[[dict], Iterator[tuple[str, dict, dict]]]

#: Roles whose items may share one span: a continuation quote has "the same cue span
#: as the claim it continues" (schema/GUIDELINES.md 3.4). Mentions and triggers are
#: one per span (the validator checks it); claim contents are one per quotation.
SHARED_ROLES = frozenset({"cue"})


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _mentions(doc: dict) -> Iterator[tuple[str, dict, dict]]:
    for i, m in enumerate(_list(doc.get("mentions"))):
        if isinstance(m, dict):
            yield f"mentions[{i}]", m, m


def _part(layer: str, part: str) -> SpanWalker:
    def walk(doc: dict) -> Iterator[tuple[str, dict, dict]]:
        for i, item in enumerate(_list(doc.get(layer))):
            if isinstance(item, dict) and isinstance(item.get(part), dict):
                yield f"{layer}[{i}].{part}", item[part], item

    return walk


SPAN_ROLES: dict[str, SpanWalker] = {
    "mention": _mentions,
    "trigger": _part("events", "trigger"),
    "cue": _part("claims", "cue"),
    "content": _part("claims", "content"),
}

#: The label that must agree for a placement to count as "same label" (rule 4).
_LABELED = {"mention", "trigger"}


def _label(role: str, item: dict) -> Any:
    return item.get("type") if role in _LABELED else None


def iter_spans(doc: dict) -> Iterator[tuple[str, str, dict]]:
    """Yield ``(role, path, span)`` for every span of a document record."""
    for role, walk in SPAN_ROLES.items():
        for path, span, _ in walk(doc):
            yield role, path, span


# --- occurrences -----------------------------------------------------------------------

_WORD = re.compile(r"\w")


def _cuts_word(text: str, i: int) -> bool:
    """True if a span boundary at ``i`` falls inside a run of word characters."""
    return 0 < i < len(text) and bool(_WORD.match(text[i - 1])) and bool(_WORD.match(text[i]))


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every occurrence of ``needle`` in ``text``, overlapping included."""
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


#: Typographic variants folded by the fallback: quote marks, apostrophes and primes to the
#: ASCII ' and ", hyphens, dashes and the minus sign to the ASCII hyphen-minus.
_FOLD = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}


def normalise(s: str) -> tuple[str, list[tuple[int, int]]]:
    """The fallback normalisation of ``s`` and, per output character, the [start, end) of ``s`` it came from.

    NFC (per base character and its combining marks), quote marks and dashes folded
    (``_FOLD``), and every run of whitespace made one space.
    """
    out: list[str] = []
    src: list[tuple[int, int]] = []
    i, n = 0, len(s)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(s[j]):
            j += 1
        for c in unicodedata.normalize("NFC", s[i:j]):
            if c.isspace():
                if out and out[-1] == " " and src[-1][1] == i and s[i - 1].isspace():
                    src[-1] = (src[-1][0], j)  # extend the run of whitespace
                    continue
                c = " "
            out.append(_FOLD.get(c, c))
            src.append((i, j))
        i = j
    return "".join(out), src


@dataclass(frozen=True)
class Candidates:
    """The occurrences of one needle: [start, end) spans and how they were found."""

    spans: tuple[tuple[int, int], ...]
    how: str  # "exact", "inside a word", "normalised", "normalised inside a word", or "none"


class _Finder:
    """Occurrences of needles in one text (the normalised text is built once, on demand)."""

    def __init__(self, text: str):
        self.text = text
        self._norm: tuple[str, list[tuple[int, int]]] | None = None

    def find(self, needle: str) -> Candidates:
        text = self.text
        found = [(s, s + len(needle)) for s in occurrences(text, needle)]
        if found:
            return self._bounded(text, found, found, "exact")
        if self._norm is None:
            self._norm = normalise(text)
        ntext, src = self._norm
        nneedle = normalise(needle)[0]
        if not nneedle:
            return Candidates((), "none")
        nfound = [(s, s + len(nneedle)) for s in occurrences(ntext, nneedle)]
        if not nfound:
            return Candidates((), "none")
        mapped = [(src[s][0], src[e - 1][1]) for s, e in nfound]
        return self._bounded(ntext, nfound, mapped, "normalised")

    @staticmethod
    def _bounded(text, found, mapped, how) -> Candidates:
        keep = [m for (s, e), m in zip(found, mapped) if not _cuts_word(text, s) and not _cuts_word(text, e)]
        if keep:
            return Candidates(tuple(keep), how)
        return Candidates(tuple(mapped), "inside a word" if how == "exact" else f"{how} inside a word")


# --- the placement -------------------------------------------------------------------------

@dataclass
class Placed:
    """One span given by text alone and where it went (``span`` None if unplaced)."""

    path: str
    role: str
    item_id: Any
    text: str  # the text the prediction gave
    how: str  # as Candidates.how; "unplaced" if it could not be placed
    span: tuple[int, int] | None
    reason: str = ""
    target: dict = field(default_factory=dict, repr=False, compare=False)  # the span dict in the record
    item: dict = field(default_factory=dict, repr=False, compare=False)  # the mention, event or claim


@dataclass
class Placement:
    """What placing one document's text-only spans did."""

    placed: list[Placed] = field(default_factory=list)
    #: (path, value, message) for spans that make the record wrong whatever the gold
    #: (an ``occurrence`` out of range)
    errors: list[tuple[str, Any, str]] = field(default_factory=list)

    @property
    def unplaced(self) -> list[Placed]:
        return [p for p in self.placed if p.span is None]


def _id_key(item: dict) -> tuple:
    """Natural order of an item's id ("m2" before "m10"), then its content: never its list position."""
    iid = item.get("id")
    parts = tuple((0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.findall(r"\d+|\D+", iid)) if isinstance(iid, str) else ()
    return parts, json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)


def _gold_slots(gold: dict | None, role: str) -> dict[tuple[int, int], Counter]:
    """[start, end) -> labels of the gold spans of ``role`` there (a multiset)."""
    slots: dict[tuple[int, int], Counter] = defaultdict(Counter)
    if gold:
        for _, span, item in SPAN_ROLES[role](gold):
            if isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
                slots[(span["start"], span["end"])][_label(role, item)] += 1
    return slots


def place_spans(doc: dict, text: str, *, gold: dict | None = None) -> Placement:
    """Give every text-only span of ``doc`` a ``start`` and ``end`` (in place).

    ``gold`` is the gold record of the same document, used only to choose among
    the occurrences of a span's own text (module docstring); without it the
    tie-break alone decides. Unplaced spans get distinct positions past the end
    of the text and are listed in the result.
    """
    result = Placement()
    if all("start" in span and "end" in span for _, _, span in iter_spans(doc)):
        return result  # every span has offsets: nothing to place (the common, fast case)
    finder = _Finder(text)
    for role, walk in SPAN_ROLES.items():
        _place_role(role, list(walk(doc)), finder, _gold_slots(gold, role), result)
    # distinct positions past the end of the text, in an order that depends on no list
    unplaced = sorted(result.unplaced, key=lambda p: (list(SPAN_ROLES).index(p.role), p.text, _id_key(p.item)))
    for k, p in enumerate(unplaced):
        p.target["start"] = len(text) + 1 + 2 * k
        p.target["end"] = len(text) + 2 + 2 * k
    return result


def _place_role(role: str, spans: list, finder: _Finder, slots: dict, result: Placement) -> None:
    shared = role in SHARED_ROLES
    used: Counter = Counter()  # [start, end) -> spans of this role placed there

    def take(pos: tuple[int, int], label: Any) -> None:
        used[pos] += 1
        left = slots.get(pos)
        if left:  # the gold slot this span will match: its own label if there is one left
            lab = label if left[label] > 0 else min(left, key=repr)
            left[lab] -= 1
            if not left[lab]:
                del left[lab]

    groups: dict[str, list] = defaultdict(list)
    for path, span, item in spans:
        if "start" in span or "end" in span:
            if isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
                take((span["start"], span["end"]), _label(role, item))
            elif ("start" in span) != ("end" in span):
                given, missing = ("start", "end") if "start" in span else ("end", "start")
                result.errors.append((f"{path}.{missing}", MISSING, f"is missing while {given} is given (give both offsets, or neither and the text alone)"))
            continue
        needle = span.get("text")
        if isinstance(needle, str) and needle:  # otherwise the structural check reports it
            groups[needle].append((path, span, item))

    found = {needle: finder.find(needle) for needle in groups}
    # exact texts first, so that a normalised text never takes an exact text's occurrence
    order = sorted(groups, key=lambda t: (found[t].how.startswith("normalised"), t))

    def record(path, span, item, needle, cand, pos, reason=""):
        if pos is not None:
            span["start"], span["end"] = pos
            if cand.how.startswith("normalised"):
                span["text"] = finder.text[pos[0]:pos[1]]
        result.placed.append(Placed(path, role, item.get("id"), needle, cand.how if pos else "unplaced", pos, reason, span, item))

    for needle in order:
        cand = found[needle]
        members = sorted(groups[needle], key=lambda m: _id_key(m[2]))
        free = []
        for path, span, item in members:
            k = span.get("occurrence")
            if k is None:
                free.append((path, span, item))
            elif not cand.spans:
                record(path, span, item, needle, cand, None, "does not occur in the document text")
            elif not isinstance(k, int) or isinstance(k, bool) or not 0 <= k < len(cand.spans):
                result.errors.append((f"{path}.occurrence", k, f"is out of range: the text occurs {_times(len(cand.spans))} (0-based)"))
            else:
                take(cand.spans[k], _label(role, item))
                record(path, span, item, needle, cand, cand.spans[k])
        if not cand.spans:
            for path, span, item in free:
                record(path, span, item, needle, cand, None, "does not occur in the document text")
            continue

        def open_(pos):
            return shared or not used[pos]

        # rule 4: same label on a gold span, then any gold span, then anywhere (leftmost)
        tests = (
            lambda pos, lab: open_(pos) and slots.get(pos, {}).get(lab, 0) > 0,
            lambda pos, lab: open_(pos) and bool(slots.get(pos)),
            lambda pos, lab: not used[pos],
            lambda pos, lab: shared,
        )
        for test in tests:
            waiting = []
            for path, span, item in free:
                lab = _label(role, item)
                pos = next((c for c in cand.spans if test(c, lab)), None)
                if pos is None:
                    waiting.append((path, span, item))
                else:
                    take(pos, lab)
                    record(path, span, item, needle, cand, pos)
            free = waiting
        for path, span, item in free:
            record(path, span, item, needle, cand, None,
                   f"occurs {_times(len(cand.spans))} and every occurrence is already taken by another {role} span")


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


# --- the report ----------------------------------------------------------------------------

#: What each kind of item is called in the report, by role of its span.
_REFERABLE = {"mention": "mention", "trigger": "event", "content": "claim"}


def _referrers(doc: dict, corpus: dict | None, doc_id: str, item_id: Any) -> list[str]:
    """Everything that refers to item ``item_id`` (and is scored through it), by id."""
    out = []
    for ev in _list(doc.get("events")):
        for arg in _list(ev.get("arguments") if isinstance(ev, dict) else None):
            if isinstance(arg, dict) and arg.get("ref") == item_id:
                out.append(f"event {ev.get('id')} argument {arg.get('role')}")
    for cl in _list(doc.get("claims")):
        if isinstance(cl, dict) and cl.get("source") == item_id:
            out.append(f"claim {cl.get('id')} source")
    for rel in _list(doc.get("relations")):
        for end in ("head", "tail"):
            if isinstance(rel, dict) and rel.get(end) == item_id:
                out.append(f"relation {rel.get('id')} {end}")
    for rel in _list((corpus or {}).get("relations")):
        for end in ("head", "tail"):
            ref = rel.get(end) if isinstance(rel, dict) else None
            if isinstance(ref, dict) and ref.get("doc") == doc_id and ref.get("id") == item_id:
                out.append(f"corpus relation {rel.get('id')} {end}")
    return sorted(out)


def report(placements: dict[str, Placement], documents: dict[str, dict], corpus: dict | None = None) -> dict:
    """The placement part of a score's output: unplaced spans, and spans placed by a fallback.

    Every list is sorted by document, role, text and id, so it does not depend on the
    order of the input's lists (``field`` is the span's path in the input, for finding it).
    """
    def items(pred) -> list[dict]:
        out = []
        for doc_id in sorted(placements):
            for p in placements[doc_id].placed:
                if not pred(p):
                    continue
                row = {"document": doc_id, "role": p.role, "id": p.item_id, "text": p.text, "field": p.path}
                if p.span is None:
                    row["reason"] = p.reason
                    kind = _REFERABLE.get(p.role)
                    row["referred_to_by"] = _referrers(documents.get(doc_id, {}), corpus, doc_id, p.item_id) if kind else []
                else:
                    row["placed_at"] = list(p.span)
                    row["placed_text"] = p.target.get("text")
                out.append(row)
        return sorted(out, key=lambda r: (r["document"], list(SPAN_ROLES).index(r["role"]), r["text"], str(r["id"]), r["field"]))

    unplaced = items(lambda p: p.span is None)
    return {
        "text_only_spans": sum(len(p.placed) for p in placements.values()),
        "unplaced_spans": {
            "count": len(unplaced),
            "scored_as": "false positives in their layer, with every argument, claim source and relation that refers to their item",
            "items": unplaced,
        },
        "placed_by_normalisation": _part_report(items(lambda p: p.span is not None and p.how.startswith("normalised"))),
        "placed_inside_a_word": _part_report(items(lambda p: p.span is not None and p.how.endswith("inside a word"))),
    }


def _part_report(rows: list[dict]) -> dict:
    return {"count": len(rows), "items": rows}
