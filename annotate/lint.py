"""Data lint over an annotated corpus, in the spirit of ``spacy debug data``.

Checks that go beyond the validator (which runs first): names annotated in one
place are annotated everywhere, spans carry no punctuation padding, events have
arguments, claims have cue and content, the same actor has the same id in both
articles, and the texts are the shipped articles byte for byte. Deliberate
exceptions are listed, each with its reason, in ``data/lint_exceptions.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

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
         check_articles: bool = True) -> list[Problem]:
    schema = schema or load_schema()
    exceptions = exceptions or Exceptions.load()
    loaded, problems = read_records([path])
    result = validate_records(loaded, schema=schema, mode=GOLD)
    problems += result.problems
    if problems:
        return problems
    docs, locs = result.documents, result.locations
    if check_articles:
        problems += _articles(docs, locs)
    problems += _names(docs, locs, exceptions)
    problems += _padding(docs, locs)
    problems += _events(docs, locs, exceptions)
    problems += _claims(docs, locs)
    problems += _same_actor_same_id(docs, locs)
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


def _articles(docs, locs) -> list[Problem]:
    out = []
    arts = load_articles()
    for d, doc in docs.items():
        if d not in arts:
            out.append(Problem(locs[d], d, "id", "is not a shipped article", d, ", ".join(sorted(arts))))
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
