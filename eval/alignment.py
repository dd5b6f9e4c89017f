"""How one document's predictions stand for its gold items, and what a reference means.

- a predicted mention is aligned to the gold mention with the same span (spans are
  unique per document on both sides; the validator checks it);
- a predicted event to the gold event with the same trigger span;
- a predicted claim to a gold claim by the optimal one-to-one matching of content
  spans with token IoU >= 0.5 (``claims.content.overlap``, see :mod:`.claims`).

A reference (an argument filler, a claim source, a relation end) then has a
gold-side *identity*: a mention its entity, an event its cluster or the gold event,
a claim the gold claim. Unaligned and dangling references get identities of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable

from .text import Text

KINDS = (("mentions", "mention"), ("events", "event"), ("claims", "claim"))


def items(doc: dict, layer: str) -> list[dict]:
    return doc.get(layer) or []


def optional_indices(xs: list[dict]) -> set[int]:
    """Positions of the gold items marked ``optional`` (schema/schema.yaml, ``optional``)."""
    return {i for i, x in enumerate(xs) if x.get("optional")}


def span(x: dict) -> tuple[int, int]:
    return x["start"], x["end"]


def index(doc: dict) -> dict[str, tuple[str, dict]]:
    """id -> (kind, item) for the mentions, events and claims of one document."""
    return {x["id"]: (kind, x) for layer, kind in KINDS for x in items(doc, layer)}


@dataclass
class Pair:
    """One document: its gold record, its predicted record and its text."""

    doc_id: str
    gold: dict
    pred: dict
    text: Text
    gold_index: dict = field(init=False)
    pred_index: dict = field(init=False)

    def __post_init__(self):
        self.gold_index, self.pred_index = index(self.gold), index(self.pred)

    def side(self, gold: bool) -> dict:
        return self.gold if gold else self.pred

    def optional(self, ref) -> bool:
        """Whether the gold item ``ref`` (a mention, event or claim) is marked optional."""
        x = self.gold_index.get(ref)
        return x is not None and bool(x[1].get("optional"))


@dataclass
class Alignment:
    """Predicted id -> the gold item it is aligned with, per kind, in one document."""

    pair: Pair
    mention: dict[str, dict] = field(default_factory=dict)
    event: dict[str, dict] = field(default_factory=dict)
    claim: dict[str, dict] = field(default_factory=dict)

    def aligned(self, ref: str, *, gold: bool) -> tuple[str, dict | None] | None:
        """(kind, gold item) a reference stands for; the item is None if unaligned, and
        the whole is None if the reference is dangling."""
        x = (self.pair.gold_index if gold else self.pair.pred_index).get(ref)
        if x is None:
            return None
        kind, item = x
        return (kind, item) if gold else (kind, getattr(self, kind).get(ref))

    def identity(self, ref: str, *, gold: bool, event_by: str) -> Hashable:
        """A mention by its entity; an event by its cluster (``event_by="cluster"``) or by the
        gold event itself (``"item"``); a claim by the gold claim."""
        d = self.pair.doc_id
        a = self.aligned(ref, gold=gold)
        if a is None or a[1] is None:
            return ("unaligned", d, ref)
        kind, g = a
        if kind == "mention":
            return ("entity", g.get("entity") or ("singleton", d, g["id"]))
        if kind == "event" and event_by == "cluster":
            return ("event", g.get("cluster") or ("singleton", d, g["id"]))
        return (kind, d, g["id"])

    def filler(self, ref: str, *, gold: bool) -> Hashable:
        """What an argument or a claim source points at: an entity or an event cluster."""
        return self.identity(ref, gold=gold, event_by="cluster")

    def anchor(self, ref: str, *, gold: bool) -> int:
        """The offset whose sentence a relation from this reference counts in."""
        x = (self.pair.gold_index if gold else self.pair.pred_index).get(ref)
        if x is None:
            return 0
        kind, item = x
        if kind == "mention":
            return item["start"]
        if kind == "event":
            return item["trigger"]["start"]
        return item["content"]["start"] if item.get("content") else 0
