"""Data lint over an annotated corpus, in the spirit of ``spacy debug data``.

Checks that go beyond the validator (which runs first): names annotated in one
place are annotated everywhere, spans carry no punctuation padding, events have
arguments, claims have cue and content, the same actor has the same id in both
articles, and the texts are the shipped articles byte for byte. The rules of
guidelines 2.0 that a program can check: quote type from the quote marks (3.5),
no THEME on an AGREE that is a claim cue (2.3), CORROBORATES/CONTRADICTS exactly
as the determinate rule 4.4 says (``statements.py``), `detail` only on those two
types, and optional items with a reason, at most 10% of a layer. Deliberate
exceptions are listed, each with its reason, in ``data/lint_exceptions.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ceasefire.annotate.lint import statements
from ceasefire.data import data_dir, load_articles
from ceasefire.schema import Location, Problem, Schema, load_schema, read_records
from ceasefire.schema.spans import iter_spans
from ceasefire.schema.validate import GOLD, validate_records

EXCEPTIONS_FILE = "lint_exceptions.yaml"
PUNCT = ".,;:!?\"'“”‘’()[]—–-"
OPENERS, CLOSERS = "“‘\"'(", "”’\"')"
ABBREVIATION_END = re.compile(r"(?:\b\w\.){2,}$")  # U.S.


@dataclass(frozen=True)
class Exceptions:
    """Deliberate exceptions: (document, text, start) -> reason, per check."""

    unannotated_names: dict
    events_without_arguments: dict

    @classmethod
    def load(cls, path: Path | None = None) -> "Exceptions":
        path = path or data_dir() / EXCEPTIONS_FILE
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
        raw = raw or {}

        def table(key):
            out = {}
            for e in raw.get(key) or []:
                out[(e["document"], e["text"], e.get("start"))] = e["reason"]
            return out

        return cls(table("unannotated_names"), table("events_without_arguments"))


def lint(path: str | Path, *, schema: Schema | None = None, exceptions: Exceptions | None = None,
         check_articles: bool = True, articles: dict[str, dict] | None = None) -> list[Problem]:
    """Lint problems of a records file or folder; ``articles`` (``{id: {"text"}}``, default:
    the shipped ones) are the articles the records must annotate, exactly."""
    schema = schema or load_schema()
    exceptions = exceptions or Exceptions.load()
    loaded, problems = read_records([path])
    result = validate_records(loaded, incomplete=bool(problems), schema=schema, mode=GOLD)
    problems += result.problems
    if problems:
        return problems
    docs, locs = result.documents, result.locations
    corpus = result.corpus or {"relations": []}
    if check_articles:
        problems += _articles(docs, locs, articles)
    problems += _names(docs, locs, exceptions)
    problems += _padding(docs, locs)
    problems += _events(docs, locs, exceptions)
    problems += _claims(docs, locs)
    problems += _same_actor_same_id(docs, locs)
    problems += _quote_types(docs, locs)
    problems += _agree_theme(docs, locs)
    problems += _requested_and_agreed(docs, locs)
    problems += _details(docs, corpus, locs)
    problems += _corroboration(docs, corpus, locs)
    problems += _optional(docs, corpus, locs, schema.max_optional_share)
    problems += _stale_exceptions(docs, exceptions)
    return problems


def _stale_exceptions(docs, exceptions: Exceptions) -> list[Problem]:
    """An exception that no longer matches the data would hide nothing and mislead readers."""
    out = []
    where = Location(str(data_dir() / EXCEPTIONS_FILE))
    for (d, text, start) in exceptions.events_without_arguments:
        doc = docs.get(d)
        if doc is None:
            continue
        ev = [e for e in doc["events"] if e["trigger"]["start"] == start and e["trigger"]["text"] == text]
        if not ev or ev[0]["arguments"]:
            out.append(Problem(where, d, "events_without_arguments", "matches no argument-less event of the data", {"text": text, "start": start}, "entries for events that exist and have no argument"))
    for (d, text, start) in exceptions.unannotated_names:
        doc = docs.get(d)
        if doc is not None and doc["text"][start:start + len(text)] != text:
            out.append(Problem(where, d, "unannotated_names", "does not occur at the given offset", {"text": text, "start": start}, "entries for occurrences that exist"))
    return out


def _articles(docs, locs, arts=None) -> list[Problem]:
    out = []
    arts = arts if arts is not None else load_articles()
    for d, doc in docs.items():
        if d not in arts:
            out.append(Problem(locs[d], d, "id", "is not an article of the corpus", d, ", ".join(sorted(arts))))
        elif doc["text"] != arts[d]["text"]:
            out.append(Problem(locs[d], d, "text", "differs from the article text (must be the seed byte for byte)", has_value=False))
    for d in sorted(set(arts) - set(docs)):
        out.append(Problem(None, d, "", "article has no annotation", has_value=False))
    return out


def _names(docs, locs, exceptions: Exceptions) -> list[Problem]:
    """Every occurrence of an annotated name is a mention, or inside a mention of that name's entity."""
    entities_of: dict[str, set] = {}
    for doc in docs.values():
        for m in doc["mentions"]:
            if m["level"] == "NAM":
                entities_of.setdefault(m["text"], set()).add(m["entity"])
    out = []
    for d, doc in docs.items():
        text = doc["text"]
        spans = {(m["start"], m["end"]) for m in doc["mentions"]}
        for name, entities in sorted(entities_of.items()):
            for occ in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                s, e = occ.span()
                if (s, e) in spans:
                    continue
                inside = any(m["start"] <= s and e <= m["end"] and m["entity"] in entities for m in doc["mentions"])
                if inside:
                    continue
                if (d, name, s) in exceptions.unannotated_names:
                    continue
                out.append(Problem(locs[d], d, "mentions", f"has no mention for this occurrence at [{s}, {e}) of a name annotated elsewhere",
                                   name, f"a mention with this span, or an entry in data/{EXCEPTIONS_FILE} (unannotated_names) with the reason"))
    return out


def _padding(docs, locs) -> list[Problem]:
    out = []
    for d, doc in docs.items():
        for role, path, span in iter_spans(doc):
            t = span["text"]
            bad = None
            if t[0] in PUNCT and not (t[0] in OPENERS and CLOSERS[OPENERS.index(t[0])] in t[1:]):
                bad = "starts"
            elif t[-1] in PUNCT and not (t[-1] in CLOSERS and OPENERS[CLOSERS.index(t[-1])] in t[:-1]) and not ABBREVIATION_END.search(t):
                bad = "ends"
            if bad:
                out.append(Problem(locs[d], d, f"{path}.text", f"{bad} with punctuation", t, "minimal spans (a quote mark only when its partner is inside the span; a final period only in abbreviations like U.S.)"))
    return out


def _events(docs, locs, exceptions: Exceptions) -> list[Problem]:
    out = []
    for d, doc in docs.items():
        for i, ev in enumerate(doc["events"]):
            if not ev["arguments"] and (d, ev["trigger"]["text"], ev["trigger"]["start"]) not in exceptions.events_without_arguments:
                out.append(Problem(locs[d], d, f"events[{i}].arguments", f"is empty for the {ev['type']} event triggered by {ev['trigger']['text']!r}", [],
                                   f"the arguments the text states, or an entry in data/{EXCEPTIONS_FILE} (events_without_arguments) with the reason"))
    return out


def _claims(docs, locs) -> list[Problem]:
    out = []
    for d, doc in docs.items():
        for i, c in enumerate(doc["claims"]):
            for part in ("cue", "content"):
                if not c.get(part):
                    out.append(Problem(locs[d], d, f"claims[{i}].{part}", "is empty", c.get(part), "every claim has a cue and a content"))
    return out


def _same_actor_same_id(docs, locs) -> list[Problem]:
    """Entities with the same QID or the same canonical name must share one corpus-wide id."""
    seen: dict = {}
    out = []
    for d, doc in docs.items():
        for e in doc["entities"]:
            for key in (("qid", e["qid"]), ("name", e["name"].casefold())):
                if key[1] is None:
                    continue
                other = seen.setdefault(key, (d, e["id"]))
                if other[1] != e["id"]:
                    out.append(Problem(locs[d], d, "entities", f"gives entity {e['id']!r} the same {key[0]} as entity {other[1]!r} of document {other[0]!r}", key[1],
                                       "one corpus-wide id per actor (cross-document coreference)"))
    return out


# -- guidelines 2.0 -----------------------------------------------------------------------------
DOUBLE_OPEN, DOUBLE_CLOSE, STRAIGHT = "“", "”", '"'


def quotation_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of the text between each pair of double quote marks (3.5), within a paragraph."""
    out, opened = [], None
    for i, ch in enumerate(text):
        if ch == "\n":
            opened = None  # a quotation never runs past its paragraph here; an unclosed one is ignored
        elif ch == DOUBLE_OPEN or (ch == STRAIGHT and opened is None):
            opened = i + 1
        elif (ch == DOUBLE_CLOSE or ch == STRAIGHT) and opened is not None:
            out.append((opened, i))
            opened = None
    return out


def quote_type_of(text: str, start: int, end: int) -> str:
    """The quote type that 3.5 reads off the quote marks around and inside [start, end)."""
    ranges = quotation_ranges(text)
    if any(s <= start and end <= e for s, e in ranges):
        return "DIRECT"
    if any(ch in (DOUBLE_OPEN, DOUBLE_CLOSE, STRAIGHT) for ch in text[start:end]):
        return "MIXED"
    return "INDIRECT"


def _quote_types(docs, locs) -> list[Problem]:
    out = []
    for d, doc in docs.items():
        for i, c in enumerate(doc["claims"]):
            want = quote_type_of(doc["text"], c["content"]["start"], c["content"]["end"])
            if c["quote_type"] != want:
                out.append(Problem(locs[d], d, f"claims[{i}].quote_type", f"contradicts the quote marks of the content {c['content']['text'][:40]!r}",
                                   c["quote_type"], f"{want} (guidelines 3.5: DIRECT inside one pair of double quote marks, MIXED with quoted stretches, else INDIRECT)"))
    return out


def _agree_theme(docs, locs) -> list[Problem]:
    """2.3: an AGREE whose trigger is (inside) a claim cue has a proposition as complement: no THEME."""
    out = []
    for d, doc in docs.items():
        cues = [(c["cue"]["start"], c["cue"]["end"]) for c in doc["claims"]]
        for i, e in enumerate(doc["events"]):
            t = e["trigger"]
            if e["type"] == "AGREE" and any(s <= t["start"] and t["end"] <= x for s, x in cues):
                for a in e["arguments"]:
                    if a["role"] == "THEME":
                        out.append(Problem(locs[d], d, f"events[{i}].arguments", f"gives a THEME to the AGREE {t['text']!r} at {t['start']}, which is the cue of a claim",
                                           a, "no THEME: the agreed proposition is the claim's content (guidelines 2.3)"))
    return out


def _requested_and_agreed(docs, locs) -> list[Problem]:
    """2.4: a concession that an asserted agreement takes as THEME is ASSERTED (the declaring act
    happened); otherwise what an asserted request asks for is PROPOSED."""
    out = []
    for d, doc in docs.items():
        events = {e["id"]: e for e in doc["events"]}

        def themes(types):
            return {a["ref"] for e in doc["events"] if e["type"] in types and e["modality"] == "ASSERTED" and e["polarity"] == "POSITIVE"
                    for a in e["arguments"] if a["role"] == "THEME" and a["ref"] in events}

        agreed, requested = themes({"AGREE"}), themes({"REQUEST"})
        for i, e in enumerate(doc["events"]):
            want = None
            if e["id"] in agreed and e["type"] == "CONCEDE":
                want, why = "ASSERTED", "a concession that an asserted AGREE takes as THEME was declared (guidelines 2.4)"
            elif e["id"] in requested and e["id"] not in agreed:
                want, why = "PROPOSED", "what an asserted request asks for is not realised (guidelines 2.4)"
            if want and e["modality"] != want:
                out.append(Problem(locs[d], d, f"events[{i}].modality", f"of {e['type']} {e['trigger']['text']!r} at {e['trigger']['start']}", e["modality"], f"{want}: {why}"))
    return out


def _all_relations(docs, corpus):
    """(where, relation, head (doc, id), tail (doc, id)) for document and corpus relations."""
    for d, doc in docs.items():
        for i, r in enumerate(doc["relations"]):
            yield d, f"relations[{i}]", r, (d, r["head"]), (d, r["tail"])
    for i, r in enumerate(corpus.get("relations") or []):
        yield None, f"corpus relations[{i}]", r, (r["head"]["doc"], r["head"]["id"]), (r["tail"]["doc"], r["tail"]["id"])


def _details(docs, corpus, locs) -> list[Problem]:
    out = []
    for d, path, r, _, _ in _all_relations(docs, corpus):
        has = r.get("detail") is not None
        if r["type"] in statements.LINK_TYPES and not has:
            out.append(Problem(locs.get(d), d, f"{path}.detail", f"is missing on {r['type']} {r['id']}", None, f"one of {', '.join(statements.DETAILS)} (guidelines 4.4)"))
        elif r["type"] not in statements.LINK_TYPES and has:
            out.append(Problem(locs.get(d), d, f"{path}.detail", f"is given on {r['type']} {r['id']}", r["detail"], "detail only on CORROBORATES and CONTRADICTS"))
    return out


def _corroboration(docs, corpus, locs) -> list[Problem]:
    """CORROBORATES/CONTRADICTS exactly as 4.4 plans them: right pairs, right mentions, right detail."""
    mentions = {(m.doc, m.id): m for m in statements.event_mentions(docs)}
    pairs = {(p.cluster, p.sources): p for p in statements.plan(docs)}
    found: dict = {}
    out = []

    def bad(d, path, message, value, allowed):
        out.append(Problem(locs.get(d), d, path, message, value, allowed))

    for d, path, r, h, t in _all_relations(docs, corpus):
        if r["type"] not in statements.LINK_TYPES:
            continue
        a, b = mentions.get(h), mentions.get(t)
        if a is None or b is None:
            bad(d, path, f"{r['type']} {r['id']} has an end that is not an event mention", {"head": r["head"], "tail": r["tail"]}, "two event mentions (guidelines 4.4)")
            continue
        if a.cluster != b.cluster:
            bad(d, path, f"{r['type']} {r['id']} joins events of different clusters", [a.cluster, b.cluster], "two mentions of one event cluster (4.4)")
            continue
        if a.source == b.source:
            bad(d, path, f"{r['type']} {r['id']} joins two mentions of one source", a.source, "different sources; a spokesperson counts as the body they speak for (4.4)")
            continue
        key = (a.cluster, frozenset((a.source, b.source)))
        if key in found:
            bad(d, path, f"{r['type']} {r['id']} repeats the link {found[key]} for this cluster and pair of sources", a.cluster, "one link per event cluster and pair of sources (4.4)")
            continue
        found[key] = r["id"]
        pair = pairs.get(key)
        detail = r.get("detail")
        if pair is None:
            bad(d, path, f"{r['type']} {r['id']} links sources that give no common detail of {a.cluster}", detail, "no link (4.4, rule 3)")
            continue
        if r["type"] == "CORROBORATES":
            want, x, y = pair.corroboration()
        else:
            want = detail if detail in pair.details else pair.details[0]
            x, y = pair.first[want]
            if detail in pair.details and statements.values_conflict_impossible(detail, x, y):
                bad(d, path, f"CONTRADICTS {r['id']} names {detail}, on which both mentions give the same value", detail, "a detail whose values cannot both be true (4.4)")
        if detail != want:
            bad(d, path, f"{r['type']} {r['id']} names the wrong detail", detail, f"{want} (of the details both give: {', '.join(pair.details)})")
        elif {(x.doc, x.id), (y.doc, y.id)} != {h, t}:
            bad(d, path, f"{r['type']} {r['id']} does not join the first mentions that give {want}", {"head": h, "tail": t}, f"{(x.doc, x.id)} and {(y.doc, y.id)} (4.4)")
    for key, pair in sorted(pairs.items(), key=lambda kv: (kv[0][0], sorted(map(repr, kv[0][1])))):
        if key not in found:
            _, x, y = pair.corroboration()
            where = x.doc if x.doc == y.doc else None
            bad(where, "relations", f"has no CORROBORATES/CONTRADICTS for cluster {pair.cluster!r} between {x.doc}:{x.id} and {y.doc}:{y.id}", list(pair.details),
                "a link for every cluster and pair of sources that give a common detail (4.4)")
    return out


def _optional(docs, corpus, locs, max_share: float) -> list[Problem]:
    """Optional items (guidelines 6) carry a reason and are at most 10% of any layer."""
    out = []
    layers = {}
    for d, doc in docs.items():
        for layer in ("mentions", "events", "claims", "relations"):
            for i, x in enumerate(doc[layer]):
                layers.setdefault(layer, []).append((d, f"{layer}[{i}]", x))
    for i, x in enumerate(corpus.get("relations") or []):
        layers.setdefault("cross-document relations", []).append((None, f"corpus relations[{i}]", x))
    optional_items = {(d, x["id"]) for layer in ("mentions", "events", "claims") for d, _, x in layers.get(layer, []) if x.get("optional")}
    for d, p, r, h, t in _all_relations(docs, corpus):
        if (h in optional_items or t in optional_items) and not r.get("optional"):
            out.append(Problem(locs.get(d), d, f"{p}.optional", f"is missing on {r['type']} {r['id']}, whose end is an optional item", r.get("optional"),
                               "true: a relation that depends on a debatable item is debatable too"))
    for layer, items in layers.items():
        optional = [(d, p, x) for d, p, x in items if x.get("optional")]
        for d, p, x in optional:
            if not (x.get("optional_reason") or "").strip():
                out.append(Problem(locs.get(d), d, f"{p}.optional_reason", "is missing on an optional item", x.get("optional_reason"), "the reason the item is debatable"))
        for d, p, x in items:
            if x.get("optional_reason") and not x.get("optional"):
                out.append(Problem(locs.get(d), d, f"{p}.optional_reason", "is given on an item that is not optional", x["optional_reason"], 'a reason only with "optional": true'))
        if len(optional) > max_share * len(items):
            out.append(Problem(None, None, layer, f"has {len(optional)} optional items of {len(items)}", len(optional), f"at most {max_share:.0%} of a layer (schema.yaml optional.max_share)"))
    return out
