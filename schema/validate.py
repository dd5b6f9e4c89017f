"""The validator: records against the schema and against their text.

One function, :func:`validate_records`, serves ``ceasefire-eval validate``, the
scorer, the Label Studio importer and the data lint tests. It never raises on
bad input; it returns every problem it finds.

Checks, by kind (each problem names file, line, document, field, value and
what is allowed):

- structure: fields, types and enumerations from the generated JSON Schema;
- spans: offsets in range, ``text`` equal to the document text at the offsets,
  not empty, no leading or trailing whitespace;
- ids: unique within a document (one namespace for mentions, events, claims
  and relations), unique documents, at most one corpus record;
- references: mention entities, event arguments, claim sources and parents,
  relation heads and tails must exist;
- constraints: argument roles allowed for the event type and filled by an
  allowed layer/type, PLOVER mode allowed for the event type, relation
  head/tail layers and types, claim nesting depth, one type per event
  cluster, one definition per entity id across documents, cross-document
  ids declared in the corpus record and used where declared.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import json_schema, structure
from .model import Schema, load_schema
from .problems import Location, Problem, allowed_list
from .records import DOC_LAYERS, NO_RECORDS_ALLOWED, Loaded
from .spans import Placement, iter_spans, place_spans

GOLD = "gold"
PREDICTION = "prediction"
MODES = (GOLD, PREDICTION)
#: fields of a document record whose structural problem makes the whole record unusable
_WHOLE = frozenset(("id", "text", *DOC_LAYERS))
#: the lists of a document or corpus record that other items refer to
_LAYERS = frozenset((*DOC_LAYERS, "documents", "entity_clusters", "event_clusters"))
#: what is allowed where a prediction record is given as gold
PREDICTION_GIVEN_AS_GOLD = ("a gold record, which carries the article's text and meta; predictions are checked with "
                            "`ceasefire-eval validate --predictions` and scored with `ceasefire-eval score`")
#: where an input is said to be when it holds no record to name it by
IN_INPUT = "the input"


@dataclass
class Validated:
    """The outcome of validation: documents by id, the corpus record, problems.

    In prediction mode the documents are copies with every span placed (see
    :mod:`.spans`) and ``text`` filled in from the reference.
    """

    documents: dict[str, dict] = field(default_factory=dict)
    corpus: dict | None = None
    problems: list[Problem] = field(default_factory=list)
    locations: dict[str, Location] = field(default_factory=dict)
    #: documents present in the input but refused (unknown id, wrong text); the
    #: cross-document checks do not report their absence a second time
    refused: set[str] = field(default_factory=set)
    #: prediction mode: how each document's text-only spans were placed (see :mod:`.spans`)
    placement: dict[str, Placement] = field(default_factory=dict)
    #: prediction mode, unless strict: text-only spans that could not be placed; they are
    #: scored as false positives, so they do not make the input invalid
    warnings: list[Problem] = field(default_factory=list)
    #: lists of the corpus record that are missing or of the wrong form (already reported): the
    #: checks that read them are skipped
    corpus_lost: frozenset = frozenset()

    @property
    def ok(self) -> bool:
        return not self.problems


class _Reporter:
    def __init__(self, out: list[Problem]):
        self.out = out

    def __call__(self, loc, doc, fld, message, value=structure.MISSING, allowed=None):
        self.out.append(Problem(loc, doc, fld, message, None if value is structure.MISSING else value, allowed, value is not structure.MISSING))


def validate_records(
    loaded: list[Loaded],
    *,
    schema: Schema | None = None,
    mode: str = GOLD,
    reference: dict[str, str] | None = None,
    incomplete: bool = False,
    gold: dict[str, dict] | None = None,
    strict: bool = False,
    source: str | None = None,
    allow_empty: bool = False,
    empty_allowed: str = NO_RECORDS_ALLOWED,
) -> Validated:
    """Check records; ``reference`` maps document id -> text (required for predictions).

    ``incomplete``: some records of the input could not be read (already reported), so the
    corpus record's checks of which documents exist would only repeat that and are skipped.

    Predictions only: ``gold`` (document id -> gold record) chooses among the occurrences
    of a text-only span's text (schema/FORMAT.md); a text-only span that cannot be placed
    is a warning (scored as a false positive), or an error with ``strict``.

    ``source`` names the input in the one message that refuses an input without document records
    when it holds no record to name it by (records given in memory, say); ``allow_empty`` (predictions
    with ``allow_missing``) accepts an input without any record; ``empty_allowed`` says, in that
    message, what the input should hold.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    schema = schema or load_schema()
    result = Validated()
    if incomplete:
        result.refused.add("")  # an unreadable record: its id is unknown
    report = _Reporter(result.problems)
    root = json_schema.build(schema, gold=(mode == GOLD))
    checker = structure.Checker(root)
    corpus_loc: Location | None = None

    for item in loaded:
        rec, loc = item.record, item.location
        doc_id = rec.get("id") if isinstance(rec.get("id"), str) else None
        is_corpus = rec.get("record") == "corpus"
        target = root["$defs"]["corpus" if is_corpus else "document"]
        if mode == GOLD and not is_corpus and "text" not in rec and "meta" not in rec:
            # a prediction record given where gold is expected: one message saying so, not one per missing field
            report(loc, doc_id, "text", "is missing, and so is meta: this looks like a prediction record, where gold records are expected",
                   structure.MISSING, PREDICTION_GIVEN_AS_GOLD)
            result.refused.add(doc_id or "")
            continue
        bad_paths, lost = _check_structure(rec, target, checker, lambda *a: report(loc, None if is_corpus else doc_id, *a))
        if is_corpus:
            if result.corpus is not None:
                report(loc, None, "record", f"is a second corpus record (the first is at {corpus_loc})", "corpus", "one corpus record per input")
                continue
            result.corpus, corpus_loc = rec, loc
            result.corpus_lost = lost | (bad_paths & _LAYERS)
            continue
        if lost:
            result.refused.add(doc_id or "")  # the corpus record's checks would report the lost layer once per cluster and link
        if bad_paths & _WHOLE:
            # the id, the text or a whole layer has the wrong form: the checks below and those of the
            # corpus record would only repeat it, once per reference, span or listed document
            result.refused.add(doc_id or "")
            continue
        if doc_id is None:
            continue  # structural check reported the id
        if doc_id in result.documents:
            report(loc, doc_id, "id", f"is a duplicate document id (first at {result.locations[doc_id]})", doc_id, "one record per document")
            continue
        if mode == PREDICTION:
            warn = report if strict else _Reporter(result.warnings)
            rec = _prepare_prediction(rec, loc, doc_id, reference, (gold or {}).get(doc_id), report, warn, result.placement)
            if rec is None:
                result.refused.add(doc_id)
                continue
        result.documents[doc_id] = rec
        result.locations[doc_id] = loc
        unplaced = {p.path for p in result.placement[doc_id].unplaced} if doc_id in result.placement else set()
        _check_document(rec, loc, doc_id, schema, mode, bad_paths, report, unplaced, lost)

    if not incomplete and all(item.is_corpus for item in loaded) and not (allow_empty and not loaded):
        # the corpus record's checks would report each document it names as missing, one by one
        where = corpus_loc or Location(source or IN_INPUT)
        only = ", only the corpus record" if corpus_loc else ""
        report(where, None, "", f"holds no document record{only}", structure.MISSING, empty_allowed)
        return result
    if mode == GOLD and result.documents and result.corpus is None:
        first = next(iter(result.locations.values()))
        report(Location(first.file), None, "record", "no corpus record found", structure.MISSING, 'a record with "record": "corpus" (cross-document clusters and relations)')
    _check_cross_document(result, corpus_loc, schema, mode, report)
    return result


def _check_structure(rec: dict, target: dict, checker: structure.Checker, at) -> tuple[set[str], frozenset]:
    """Report the structural problems of one record; return the items they are in, and the lists
    that references cannot be checked against.

    A list under a wrong name ("mention") is an unknown field, and the list is then absent: that
    is reported once, the unknown field naming the list it is close to (not again as "mentions:
    is missing"), and references into the absent list are not reported one by one. Which unknown
    name stands for which list is a guess, so with any unknown field every absent list counts."""
    props = target["properties"]
    unknown = [k for k in rec if k not in props]
    absent = [k for k in props if k not in rec and k in _LAYERS]
    misnamed = {}
    for key in unknown:
        close = difflib.get_close_matches(key, [a for a in absent if a not in misnamed.values()], n=1)
        if close:
            misnamed[key] = close[0]
    bad_paths = set()
    for fld, value, message, allowed in checker.check(rec, target):
        bad_paths.add(_item_path(fld))
        if value is structure.MISSING and fld in misnamed.values():
            continue  # said with the field that stands for it
        if fld in misnamed:
            message = f"{message} (is it {misnamed[fld]!r}, misspelt?)"
        at(fld, message, value, allowed)
    return bad_paths, frozenset(absent) if unknown else frozenset()


def _item_path(fld: str) -> str:
    """'mentions[3].start' -> 'mentions[3]' (the item a structural problem is in)."""
    m = re.match(r"^([a-z_]+\[\d+\])", fld)
    return m.group(1) if m else fld


def _prepare_prediction(rec, loc, doc_id, reference, gold, report, warn, placements):
    if reference is None:
        raise ValueError("prediction mode needs the reference texts")
    if doc_id not in reference:
        report(loc, doc_id, "id", "is not a document of the gold", doc_id, allowed_list(sorted(reference)))
        return None
    rec = _copy(rec)
    text = reference[doc_id]
    if "text" in rec and rec["text"] != text:
        report(loc, doc_id, "text", "differs from the gold text of this document (predictions must keep the verbatim text, or omit it)", structure.MISSING)
        return None
    rec["text"] = text
    placement = placements[doc_id] = place_spans(rec, text, gold=gold)
    for fld, value, message in placement.errors:
        report(loc, doc_id, fld, message, value)
    for p in placement.unplaced:
        warn(loc, doc_id, f"{p.path}.text", p.reason, p.text)
    return rec


#: Values that copying leaves shared, as deepcopy does: they cannot change.
_IMMUTABLE = frozenset({str, int, float, bool, type(None)})


def _copy(value: Any) -> Any:
    """A deep copy of a record (placing spans changes it; the caller's stays as it was).
    Records are JSON values: their dicts and lists are copied here directly, in a third
    of deepcopy's time; anything else goes to deepcopy."""
    t = type(value)
    if t is dict:
        return {k: v if type(v) in _IMMUTABLE else _copy(v) for k, v in value.items()}
    if t is list:
        return [v if type(v) in _IMMUTABLE else _copy(v) for v in value]
    return value if t in _IMMUTABLE else copy.deepcopy(value)


def _check_document(doc, loc, doc_id, schema: Schema, mode, bad_paths, report, unplaced=frozenset(), lost=frozenset()):
    """Every check of one document record, phase by phase (each reports through ``at``).
    ``lost``: layers the record lacks because they are under a wrong name (already reported);
    a reference that could point into one is not reported as dangling."""
    text = doc.get("text")
    if not isinstance(text, str):
        return

    def at(fld, message, value=structure.MISSING, allowed=None):
        report(loc, doc_id, fld, message, value, allowed)

    _check_spans(doc, text, bad_paths, unplaced, at)
    _check_one_item_per_span(doc, bad_paths, at)
    kinds = _collect_ids(doc, bad_paths, at)
    _check_entities(doc, mode, bad_paths, at, lost)
    _check_events(doc, schema, kinds, at, lost)
    _check_claims(doc, schema, kinds, at, lost)
    _check_relations(doc, schema, kinds, at, lost)


def _check_spans(doc, text, bad_paths, unplaced, at):
    """Offsets inside the text, `text` equal to the text there, no surrounding whitespace."""
    n = len(text)
    for role, path, span in iter_spans(doc):
        if (bad_paths and _item_path(path) in bad_paths) or path in unplaced:
            continue  # unplaced text-only spans sit past the end of the text on purpose
        start, end, stext = span.get("start"), span.get("end"), span.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(stext, str)):
            continue  # unplaced prediction span (already reported) or structural problem
        if not 0 <= start < end <= n:
            at(f"{path}.start", f"and end {end} are not a non-empty span inside the text", start, f"0 <= start < end <= {n}")
            continue
        actual = text[start:end]
        if actual != stext:
            at(f"{path}.text", f"does not match the document text at [{start}, {end}), which is {actual!r}", stext)
        elif stext != stext.strip():
            at(f"{path}.text", "has leading or trailing whitespace", stext, "minimal spans, no surrounding whitespace")


def _check_one_item_per_span(doc, bad_paths, at):
    """One mention per span and one event per trigger span: the scorer aligns by span."""
    for layer, part, what in (("mentions", None, "mention"), ("events", "trigger", "event trigger")):
        seen_spans: dict[tuple[int, int], int] = {}  # span -> index of its first item (paths are made only for a message)
        for i, item in enumerate(_items(doc, layer)):
            span = item.get(part) if part else item
            if not isinstance(span, dict) or (bad_paths and f"{layer}[{i}]" in bad_paths):
                continue
            key = (span.get("start"), span.get("end"))
            if not (isinstance(key[0], int) and isinstance(key[1], int)):
                continue
            first = seen_spans.setdefault(key, i)
            if first != i:
                at(_span_path(layer, part, i), f"covers the same span [{key[0]}, {key[1]}) as {_span_path(layer, part, first)}", span.get("text"), f"one {what} per span")


def _span_path(layer: str, part: str | None, i: int) -> str:
    return f"{layer}[{i}]" + (f".{part}" if part else "")


def _collect_ids(doc, bad_paths, at):
    """Ids unique across the layers of a document; returns id -> (kind, type, path)."""
    kinds: dict[str, tuple[str, str | None, str]] = {}  # id -> (kind, type, path)
    for layer, kind in (("mentions", "mention"), ("events", "event"), ("claims", "claim"), ("relations", "relation")):
        for i, item in enumerate(_items(doc, layer)):
            iid = item.get("id")
            if not isinstance(iid, str):
                continue
            path = f"{layer}[{i}]"
            if iid in kinds:
                at(f"{path}.id", f"is already used by {kinds[iid][2]}", iid, "ids unique within a document across mentions, events, claims and relations")
                continue
            # an item whose own fields are broken was reported already; its type is
            # unknown (None), so constraints that depend on it are not checked again
            typ = None if kind == "claim" or path in bad_paths else item.get("type")
            kinds[iid] = (kind, typ, path)
    return kinds


def _check_entities(doc, mode, bad_paths, at, lost):
    """Every mention's entity defined, of the mention's type; every entity mentioned."""
    entity_defs = {}
    have_entities = "entities" in doc
    for i, ent in enumerate(_items(doc, "entities")):
        eid = ent.get("id")
        if not isinstance(eid, str):
            continue
        if eid in entity_defs:
            at(f"entities[{i}].id", "is defined twice in this document", eid, "one definition per entity")
            continue
        entity_defs[eid] = (i, ent)
    used_entities = set()
    for i, m in enumerate(_items(doc, "mentions")):
        eid = m.get("entity")
        if not isinstance(eid, str):
            continue
        used_entities.add(eid)
        if have_entities or mode == GOLD:
            if eid not in entity_defs:
                at(f"mentions[{i}].entity", "is not defined in this document's entities", eid, allowed_list(entity_defs) or "(no entities defined)")
            elif f"mentions[{i}]" not in bad_paths and "type" in m and entity_defs[eid][1].get("type") not in (None, m.get("type")):
                at(f"mentions[{i}].type", f"differs from the type of its entity {eid!r} ({entity_defs[eid][1].get('type')})", m.get("type"), "the entity's type")
    for eid, (i, _) in entity_defs.items():
        if eid not in used_entities and "mentions" not in lost:
            at(f"entities[{i}].id", "has no mention in this document", eid, "entities that some mention refers to")


def _check_events(doc, schema, kinds, at, lost):
    """Modes of the event type; argument roles, fillers and references."""
    for i, ev in enumerate(_items(doc, "events")):
        path = f"events[{i}]"
        etype = schema.event_types.get(ev.get("type"))
        if etype is None:
            continue
        mode_value = ev.get("mode")
        if mode_value is not None and isinstance(mode_value, str) and mode_value not in etype.modes:
            at(f"{path}.mode", f"is not a PLOVER mode of {etype.name}", mode_value, allowed_list(etype.modes) or "null (this type has no modes)")
        seen_args = set()
        for j, arg in enumerate(_list(ev.get("arguments"))):
            if not isinstance(arg, dict):
                continue
            role, ref = arg.get("role"), arg.get("ref")
            apath = f"{path}.arguments[{j}]"
            if role in schema.roles and role not in etype.roles:
                at(f"{apath}.role", f"is not a role of {etype.name} events", role, allowed_list(etype.roles))
            if not isinstance(ref, str):
                continue
            if (role, ref) in seen_args:
                at(apath, "repeats an argument of this event", {"role": role, "ref": ref}, "each (role, ref) once")
            seen_args.add((role, ref))
            target = kinds.get(ref)
            if target is None:
                if not lost & {"mentions", "events"}:
                    at(f"{apath}.ref", "does not name a mention or event of this document", ref)
            elif ref == ev.get("id"):
                at(f"{apath}.ref", "points at the event itself", ref, "another mention or event")
            elif role in schema.roles and not _unknown(target) and not Schema.endpoint_ok(schema.roles[role], target[0], target[1]):
                at(f"{apath}.ref", f"is {_a(target[0])}{_typed(target)}, which cannot fill {role}", ref, schema.describe_endpoints(schema.roles[role]))


def _check_claims(doc, schema, kinds, at, lost):
    """Claim sources and the nesting of claims."""
    claims = {c.get("id"): c for c in _items(doc, "claims") if isinstance(c.get("id"), str)}
    for i, cl in enumerate(_items(doc, "claims")):
        path = f"claims[{i}]"
        src = cl.get("source")
        if isinstance(src, str):
            target = kinds.get(src)
            if target is None:
                if "mentions" not in lost:
                    at(f"{path}.source", "does not name a mention of this document", src)
            elif not _unknown(target) and not Schema.endpoint_ok(schema.claim_source, target[0], target[1]):
                at(f"{path}.source", f"is {_a(target[0])}{_typed(target)}, which cannot be a claim source", src, schema.describe_endpoints(schema.claim_source))
        parent = cl.get("parent")
        if isinstance(parent, str):
            if parent not in claims:
                at(f"{path}.parent", "does not name a claim of this document", parent, allowed_list(k for k in claims if k != cl.get("id")) or "null")
            else:
                depth, cur, seen = 1, cl, {cl.get("id")}
                while isinstance(cur.get("parent"), str) and cur["parent"] in claims:
                    cur = claims[cur["parent"]]
                    depth += 1
                    if cur.get("id") in seen:
                        at(f"{path}.parent", "makes a cycle of nested claims", parent, "a chain ending in a claim with parent null")
                        break
                    seen.add(cur.get("id"))
                else:
                    if depth > schema.max_claim_depth:
                        at(f"{path}.parent", f"nests this claim {depth} levels deep", parent, f"at most {schema.max_claim_depth} levels")


def _check_relations(doc, schema, kinds, at, lost):
    """Relation ends that exist and are allowed; no self-relation; each relation once."""
    seen_rel = {}
    for i, rel in enumerate(_items(doc, "relations")):
        path = f"relations[{i}]"
        rtype = schema.relation_types.get(rel.get("type"))
        head, tail = rel.get("head"), rel.get("tail")
        if rtype is None or not isinstance(head, str) or not isinstance(tail, str):
            continue
        ends_ok = True
        for end_name, ref, allowed in (("head", head, rtype.head), ("tail", tail, rtype.tail)):
            target = kinds.get(ref)
            if target is None or target[0] == "relation":
                if target is not None or not lost & {"mentions", "events", "claims"}:
                    at(f"{path}.{end_name}", "does not name a mention, event or claim of this document", ref)
                ends_ok = False
            elif _unknown(target):
                ends_ok = False
            elif not Schema.endpoint_ok(allowed, target[0], target[1]):
                at(f"{path}.{end_name}", f"is {_a(target[0])}{_typed(target)}, not allowed as {end_name} of {rtype.name}", ref, schema.describe_endpoints(allowed))
                ends_ok = False
        if not ends_ok:
            continue
        if head == tail:
            at(path, "relates an item to itself", {"head": head, "tail": tail}, "two different items")
            continue
        key = (rtype.name, *sorted((head, tail))) if rtype.symmetric else (rtype.name, head, tail)
        if key in seen_rel:
            at(path, f"repeats {seen_rel[key]}", {"type": rtype.name, "head": head, "tail": tail}, "each relation once (symmetric types in either direction)")
        else:
            seen_rel[key] = path


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _typed(target: tuple) -> str:
    return f" of type {target[1]}" if target[1] else ""


def _unknown(target: tuple) -> bool:
    """A mention or event whose type was invalid (and already reported)."""
    return target[0] in ("mention", "event") and target[1] is None


def _items(doc: dict, layer: str) -> list[dict]:
    return [x for x in _list(doc.get(layer)) if isinstance(x, dict)]


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _check_cross_document(result: Validated, corpus_loc, schema: Schema, mode, report):
    """The checks across documents: entity definitions and event-cluster types, then the corpus
    record (documents listed, clusters declared where used, cross-document relations)."""
    used = _check_shared_ids(result, schema, report)
    if result.refused:
        return  # the corpus record refers to refused documents: its checks would only repeat that
    corpus = result.corpus or {}
    if "documents" not in result.corpus_lost:
        _check_listed_documents(corpus, result.documents, corpus_loc, mode, report)
    _check_cluster_declarations(corpus, used, result, corpus_loc, report)
    _check_cross_relations(corpus, result.documents, corpus_loc, schema, report)


def _check_shared_ids(result: Validated, schema: Schema, report) -> dict[str, dict[str, list[str]]]:
    """One definition per entity id, one type per event cluster; returns where each id is used."""
    docs = result.documents
    entity_docs: dict[str, list[str]] = defaultdict(list)
    event_docs: dict[str, list[str]] = defaultdict(list)
    event_types: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    first_of_type: dict[tuple[str, str], tuple[str, int]] = {}  # (cluster, type) -> (document, event index)
    entity_defs: dict[str, tuple[str, dict]] = {}
    for doc_id, doc in docs.items():
        loc = result.locations[doc_id]
        for eid in dict.fromkeys(m.get("entity") for m in _items(doc, "mentions") if isinstance(m.get("entity"), str)):
            entity_docs[eid].append(doc_id)
        for n, ev in enumerate(_list(doc.get("events"))):
            cid = ev.get("cluster") if isinstance(ev, dict) else None
            if isinstance(cid, str):
                where = event_docs[cid]
                if not where or where[-1] != doc_id:  # each document is visited once: a list scan is not needed
                    where.append(doc_id)
                if ev.get("type") in schema.event_types:
                    event_types[cid][ev["type"]].add(doc_id)
                    first_of_type.setdefault((cid, ev["type"]), (doc_id, n))
        for i, ent in enumerate(_items(doc, "entities")):
            eid = ent.get("id")
            if not isinstance(eid, str):
                continue
            desc = {k: ent.get(k) for k in ("type", "name", "qid")}
            if eid in entity_defs and entity_defs[eid][1] != desc:
                other = entity_defs[eid]
                report(loc, doc_id, f"entities[{i}]", f"defines entity {eid!r} differently from document {other[0]!r} ({other[1]})", desc, "one definition (type, name, qid) per entity id across documents")
            entity_defs.setdefault(eid, (doc_id, desc))
    for cid, types in event_types.items():
        if len(types) > 1:
            where = "; ".join(f"{t} in {', '.join(sorted(d))}" for t, d in sorted(types.items()))
            # reported at the first event of the second type, so that the message names its file, line and document
            doc_id, n = first_of_type[(cid, sorted(types)[1])]
            report(result.locations[doc_id], doc_id, f"events[{n}].cluster", f"groups events of different types ({where})", cid, "one event type per cluster")

    return {"entity_clusters": entity_docs, "event_clusters": event_docs}


def _check_listed_documents(corpus: dict, docs: dict, loc, mode, report) -> None:
    listed = corpus.get("documents")
    if isinstance(listed, list):
        for i, d in enumerate(listed):
            if d not in docs:
                report(loc, None, f"documents[{i}]", "is listed in the corpus record but has no document record", d, allowed_list(docs))
        if mode == GOLD:
            for d in docs:
                if d not in listed:
                    report(loc, None, "documents", f"does not list document {d!r}", listed, "every document of the input")


def _check_cluster_declarations(corpus: dict, used_by_part: dict, result: Validated, loc, report) -> None:
    for part, what in (("entity_clusters", "entity"), ("event_clusters", "event cluster")):
        used = used_by_part[part]
        declared = {}
        for i, cl in enumerate(_items(corpus, part)):
            cid, cdocs = cl.get("id"), cl.get("documents")
            if not isinstance(cid, str) or not isinstance(cdocs, list):
                continue
            if cid in declared:
                report(loc, None, f"{part}[{i}].id", "is declared twice", cid, "one declaration per cluster")
                continue
            declared[cid] = i
            actual = used.get(cid, [])
            if sorted(set(cdocs)) != sorted(actual):
                report(loc, None, f"{part}[{i}].documents", f"does not match where {what} {cid!r} is used ({', '.join(sorted(actual)) or 'nowhere'})", cdocs, "exactly the documents that use the id")
        if part in result.corpus_lost:
            continue  # the corpus record's list is missing or misnamed (reported): every shared id would repeat that
        # only the shared, undeclared ids are sorted (most ids belong to one document)
        for cid in sorted(c for c, where in used.items() if len(where) > 1 and c not in declared):
            where = used[cid]
            report(loc or result.locations[where[0]], None, part, f"does not declare {what} id {cid!r}, which documents {', '.join(sorted(where))} share", structure.MISSING,
                   f"declare it in the corpus record's {part}, or use distinct ids per document")


def _check_cross_relations(corpus: dict, docs: dict, loc, schema: Schema, report) -> None:
    seen = {}
    index: dict[str, dict[str, tuple[str, str | None]]] = {}
    for i, rel in enumerate(_items(corpus, "relations")):
        path = f"relations[{i}]"
        rid = rel.get("id")
        if isinstance(rid, str):
            if rid in seen:
                report(loc, None, f"{path}.id", f"is already used by {seen[rid]}", rid, "unique relation ids in the corpus record")
            seen[rid] = path
        rtype = schema.relation_types.get(rel.get("type"))
        if rtype is None:
            continue
        if not rtype.cross_document:
            report(loc, None, f"{path}.type", "is not a cross-document relation type", rtype.name, allowed_list(n for n, r in schema.relation_types.items() if r.cross_document))
            continue
        ends = []
        for end_name, allowed in (("head", rtype.head), ("tail", rtype.tail)):
            ref = rel.get(end_name)
            if not isinstance(ref, dict) or not isinstance(ref.get("doc"), str) or not isinstance(ref.get("id"), str):
                ends.append(None)
                continue
            doc = docs.get(ref["doc"])
            if doc is None:
                report(loc, None, f"{path}.{end_name}.doc", "is not a document of the input", ref["doc"], allowed_list(docs))
                ends.append(None)
                continue
            if ref["doc"] not in index:
                index[ref["doc"]] = _kinds(doc)
            kind_type = index[ref["doc"]].get(ref["id"])
            if kind_type is None:
                report(loc, None, f"{path}.{end_name}.id", f"does not name an item of document {ref['doc']!r}", ref["id"])
                ends.append(None)
            elif not Schema.endpoint_ok(allowed, *kind_type):
                report(loc, None, f"{path}.{end_name}.id", f"is {_a(kind_type[0])}, not allowed as {end_name} of {rtype.name}", ref["id"], schema.describe_endpoints(allowed))
                ends.append(None)
            else:
                ends.append((ref["doc"], ref["id"]))
        if None not in ends and ends[0][0] == ends[1][0]:
            report(loc, None, path, "joins two items of the same document; within-document relations belong in that document's record", rel, "head and tail in different documents")


def _kinds(doc: dict) -> dict[str, tuple[str, str | None]]:
    """id -> (layer kind, type) for the mentions, events and claims of a document."""
    out = {}
    for layer, kind in (("mentions", "mention"), ("events", "event"), ("claims", "claim")):
        for item in _items(doc, layer):
            if isinstance(item.get("id"), str):
                out.setdefault(item["id"], (kind, item.get("type") if kind != "claim" else None))
    return out
