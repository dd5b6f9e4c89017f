"""The determinate rule for CORROBORATES and CONTRADICTS (GUIDELINES.md 4.4), as a program.

Given the mentions, events, claims and SPOKESPERSON_FOR relations of the documents, it says for
every event cluster and pair of different sources which details both give, and which two event
mentions carry them. Whether two values *conflict* is the one human judgement the rule leaves;
everything else follows, so lint checks the gold against this plan and adjudication writes the
CORROBORATES links from it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

LINK_TYPES = ("CORROBORATES", "CONTRADICTS")
#: The details in the order of the guidelines' table (also the order of schema.yaml).
DETAILS = ("OCCURRENCE", "PARTICIPANTS", "SCOPE", "DURATION", "TIME", "PLACE")
ROLE_DETAIL = {"ACTOR": "PARTICIPANTS", "RECIPIENT": "PARTICIPANTS", "THEME": "SCOPE", "LOCATION": "PLACE"}
# A TIME filler that names a length ("30-day", "a week", "for a month") gives DURATION; a point or
# period ("Tuesday", "last week", "over three years ago") gives TIME. Relative words mark a point.
_LENGTH = re.compile(r"^(?:for\s+)?(\w+)[- ](?:hour|day|week|month|year)s?$", re.I)
_POINT = {"last", "next", "this", "that", "coming", "previous", "past", "same", "every", "each"}


def is_length(text: str) -> bool:
    m = _LENGTH.match(text.strip())
    return bool(m) and m.group(1).lower() not in _POINT


@dataclass(frozen=True)
class Mention:
    """One event mention as a statement: where it is, who states it, the details it gives."""

    doc: str
    id: str
    start: int
    cluster: str
    source: tuple
    values: dict = field(hash=False, compare=False)  # detail -> frozenset of entity/cluster ids
    asserted: bool = False
    negative: bool = False

    @property
    def order(self) -> tuple:
        return (self.doc, self.start)


def _outermost(claims: dict, c: dict) -> dict:
    seen = set()
    while c.get("parent") and c["parent"] in claims and c["id"] not in seen:
        seen.add(c["id"])
        c = claims[c["parent"]]
    return c


def speaker_of(docs: dict) -> dict:
    """Entity id -> the entity it speaks for (SPOKESPERSON_FOR), over all documents."""
    out = {}
    for doc in docs.values():
        ent = {m["id"]: m["entity"] for m in doc["mentions"]}
        for r in doc["relations"]:
            if r["type"] == "SPOKESPERSON_FOR" and r["head"] in ent and r["tail"] in ent:
                out[ent[r["head"]]] = ent[r["tail"]]
    return out


def source_of(doc: dict, position: int, speakers: dict) -> tuple:
    """The source of whatever is stated at ``position``: the outermost claim's source, else the author."""
    claims = {c["id"]: c for c in doc["claims"]}
    inside = [c for c in doc["claims"] if c["content"]["start"] <= position < c["content"]["end"]]
    if not inside:
        return ("author", doc["id"])
    top = _outermost(claims, inside[0])
    if top["source"] is None:
        return ("claim", doc["id"], top["id"])
    entity = next(m["entity"] for m in doc["mentions"] if m["id"] == top["source"])
    return ("entity", speakers.get(entity, entity))


def event_mentions(docs: dict) -> list[Mention]:
    speakers = speaker_of(docs)
    out = []
    for d in sorted(docs):
        doc = docs[d]
        items = {m["id"]: m for m in doc["mentions"]}
        clusters = {e["id"]: e["cluster"] for e in doc["events"]}
        for e in doc["events"]:
            values: dict = {}
            for a in e["arguments"]:
                ref = a["ref"]
                if a["role"] == "TIME":
                    filler = items.get(ref)
                    detail = "DURATION" if filler and is_length(filler["text"]) else "TIME"
                else:
                    detail = ROLE_DETAIL[a["role"]]
                key = items[ref]["entity"] if ref in items else clusters.get(ref, ref)
                values.setdefault(detail, set()).add(key)
            out.append(Mention(d, e["id"], e["trigger"]["start"], e["cluster"], source_of(doc, e["trigger"]["start"], speakers),
                               {k: frozenset(v) for k, v in values.items()}, e["modality"] == "ASSERTED", e["polarity"] == "NEGATIVE"))
    return out


def _gives(a: Mention, b: Mention, detail: str) -> bool:
    if detail == "OCCURRENCE":
        return a.asserted and b.asserted and (a.negative or b.negative)
    return detail in a.values and detail in b.values


@dataclass(frozen=True)
class Pair:
    """A cluster and two sources that both state something about it: the links 4.4 allows."""

    cluster: str
    sources: frozenset
    details: tuple  # details both sources give, in the table's order
    first: dict  # detail -> (Mention, Mention), the first mention of each source giving it

    def corroboration(self) -> tuple[str, Mention, Mention]:
        d = self.details[0]
        return (d, *self.first[d])


def plan(docs: dict) -> list[Pair]:
    """Every (cluster, pair of sources) that 4.4 links, with the details both give."""
    by_cluster: dict = {}
    for m in event_mentions(docs):
        by_cluster.setdefault(m.cluster, {}).setdefault(m.source, []).append(m)
    out = []
    for cluster in sorted(by_cluster):
        sources = by_cluster[cluster]
        for s1, s2 in itertools.combinations(sorted(sources, key=repr), 2):
            first = {}
            for detail in DETAILS:
                for a in sorted(sources[s1], key=lambda m: m.order):
                    b = next((b for b in sorted(sources[s2], key=lambda m: m.order) if _gives(a, b, detail)), None)
                    if b is not None:
                        first[detail] = (a, b)
                        break
            if first:
                out.append(Pair(cluster, frozenset((s1, s2)), tuple(d for d in DETAILS if d in first), first))
    return out


def values_conflict_impossible(detail: str, a: Mention, b: Mention) -> bool:
    """True when the two values are identical, so they cannot conflict."""
    if detail == "OCCURRENCE":
        return a.negative == b.negative
    return a.values.get(detail) == b.values.get(detail)
