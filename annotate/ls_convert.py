"""Records <-> Label Studio tasks and results (pure functions, no server).

``to_task`` turns a document record (and the cross-document links whose head is
in it) into a Label Studio task; ``from_results`` turns a task's result list back
into a record, checking everything the server does not: labels, offsets and
``text`` against the task text, per-region items without a region, relations to
missing regions, relation labels and their ends, attribute values, cluster ids,
cross-document link lines. The layout of regions and relations is described in
:mod:`.ls_config`. Results are read in any order, with any extra fields the
Label Studio UI adds (``origin``, ``readonly``, ...).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ceasefire.schema import Schema
from ceasefire.schema.records import canonical_document

from .ls_config import ATTR, CLAIM, CLAIM_PARTS, CONTENT, CUE, MENTION, TEXT, TRIGGER

LINKS_FIELDS = (ATTR["links"], ATTR["links"] + "_claim")
PER_REGION = {
    MENTION: {ATTR["level"]: "choices", ATTR["entity"]: "textarea", ATTR["entity_name"]: "textarea", ATTR["entity_qid"]: "textarea"},
    TRIGGER: {ATTR["polarity"]: "choices", ATTR["modality"]: "choices", ATTR["mode"]: "choices", ATTR["cluster"]: "textarea", LINKS_FIELDS[0]: "textarea"},
    CONTENT: {ATTR["quote_type"]: "choices", ATTR["check_worthiness"]: "choices", LINKS_FIELDS[1]: "textarea"},
    CUE: {},
}
IGNORED_ITEM_KEYS = {"id", "from_name", "to_name", "type", "value", "origin", "readonly", "hidden", "score", "parentID",
                     "from_id", "to_id", "direction", "labels", "item_index", "original_width", "original_height", "image_rotation"}


def cue_region_id(claim_id: str) -> str:
    return f"{claim_id}__cue"


# --- records -> task ------------------------------------------------------------------------

def _span_value(span: dict) -> dict:
    return {"start": span["start"], "end": span["end"], "text": span["text"]}


def _region(rid: str, control: str, span: dict, label: str) -> dict:
    return {"id": rid, "from_name": control, "to_name": TEXT, "type": "labels", "value": {**_span_value(span), "labels": [label]}}


def _attr(rid: str, control: str, span: dict, kind: str, value: str) -> dict:
    key = "choices" if kind == "choices" else "text"
    return {"id": rid, "from_name": control, "to_name": TEXT, "type": kind, "value": {**_span_value(span), key: [value]}}


def _relation(src: str, dst: str, label: str) -> dict:
    return {"type": "relation", "from_id": src, "to_id": dst, "direction": "right", "labels": [label]}


def to_results(doc: dict, links: list[dict] | None = None) -> list[dict]:
    """Label Studio result items for a document record.

    ``links`` are the corpus relations whose head is in this document.
    """
    out: list[dict] = []
    entities = {e["id"]: e for e in doc.get("entities") or []}
    links_by_head: dict[str, list[str]] = defaultdict(list)
    for r in links or []:
        links_by_head[r["head"]["id"]].append(f"{r['type']} {r['tail']['doc']} {r['tail']['id']}")
    for m in doc.get("mentions") or []:
        out.append(_region(m["id"], MENTION, m, m["type"]))
        if m.get("level"):
            out.append(_attr(m["id"], ATTR["level"], m, "choices", m["level"]))
        if m.get("entity"):
            out.append(_attr(m["id"], ATTR["entity"], m, "textarea", m["entity"]))
            ent = entities.get(m["entity"])
            if ent is not None:
                out.append(_attr(m["id"], ATTR["entity_name"], m, "textarea", ent["name"]))
                if ent.get("qid"):
                    out.append(_attr(m["id"], ATTR["entity_qid"], m, "textarea", ent["qid"]))
    for e in doc.get("events") or []:
        t = e["trigger"]
        out.append(_region(e["id"], TRIGGER, t, e["type"]))
        for field_, control in (("polarity", ATTR["polarity"]), ("modality", ATTR["modality"]), ("mode", ATTR["mode"])):
            if e.get(field_):
                out.append(_attr(e["id"], control, t, "choices", e[field_]))
        if e.get("cluster"):
            out.append(_attr(e["id"], ATTR["cluster"], t, "textarea", e["cluster"]))
        if links_by_head.get(e["id"]):
            out.append(_attr(e["id"], LINKS_FIELDS[0], t, "textarea", "\n".join(links_by_head[e["id"]])))
        for a in e.get("arguments") or []:
            out.append(_relation(e["id"], a["ref"], a["role"]))
    for c in doc.get("claims") or []:
        content = c["content"]
        out.append(_region(c["id"], CLAIM, content, CONTENT))
        for field_ in ("quote_type", "check_worthiness"):
            if c.get(field_):
                out.append(_attr(c["id"], ATTR[field_], content, "choices", c[field_]))
        if links_by_head.get(c["id"]):
            out.append(_attr(c["id"], LINKS_FIELDS[1], content, "textarea", "\n".join(links_by_head[c["id"]])))
        if c.get("cue"):
            out.append(_region(cue_region_id(c["id"]), CLAIM, c["cue"], CUE))
            out.append(_relation(c["id"], cue_region_id(c["id"]), "cue"))
        if c.get("source"):
            out.append(_relation(c["id"], c["source"], "source"))
        if c.get("parent"):
            out.append(_relation(c["id"], c["parent"], "parent"))
    for r in doc.get("relations") or []:
        out.append(_relation(r["head"], r["tail"], r["type"]))
    return out


def to_task(doc: dict, links: list[dict], corpus_id: str, *, as_: str = "annotations", model_version: str = "gold") -> dict:
    data = {"text": doc["text"], "doc_id": doc["id"], "title": (doc.get("meta") or {}).get("title") or doc["id"],
            "meta": doc.get("meta") or {}, "corpus_id": corpus_id}
    if as_ == "none":
        return {"data": data}
    result = to_results(doc, links)
    if as_ == "predictions":
        return {"data": data, "predictions": [{"model_version": model_version, "result": result}]}
    return {"data": data, "annotations": [{"result": result}]}


def tasks_for(documents: dict[str, dict], corpus: dict | None, *, as_: str = "annotations", model_version: str = "gold") -> list[dict]:
    corpus = corpus or {}
    links: dict[str, list[dict]] = defaultdict(list)
    for r in corpus.get("relations") or []:
        links[r["head"]["doc"]].append(r)
    corpus_id = corpus.get("id") or "ceasefire"
    return [to_task(documents[d], links[d], corpus_id, as_=as_, model_version=model_version) for d in sorted(documents)]


# --- results -> records ------------------------------------------------------------------------

@dataclass
class Converted:
    document: dict | None
    links: list[dict] = field(default_factory=list)  # corpus relations with the head in this document
    problems: list[tuple[str, Any, str, str | None]] = field(default_factory=list)  # (where, value, message, allowed)


def _single(value: dict, key: str):
    items = value.get(key)
    if isinstance(items, list) and len(items) == 1 and isinstance(items[0], str):
        return items[0]
    return None


def from_results(data: dict, results: list, schema: Schema, *, links_required_resolved: bool = False) -> Converted:
    """Convert one task's result list (any order) to a document record."""
    problems: list[tuple[str, Any, str, str | None]] = []

    def bad(where, value, message, allowed=None):
        problems.append((where, value, message, allowed))

    text = data.get("text")
    doc_id = data.get("doc_id")
    if not isinstance(text, str) or not isinstance(doc_id, str):
        bad("data", None, "task has no text or doc_id", "tasks made by `ceasefire-annotate tasks`")
        return Converted(None, [], problems)
    labels_allowed = {MENTION: list(schema.mention_types), TRIGGER: list(schema.event_types), CLAIM: [CONTENT, CUE]}
    choice_values = {ATTR["level"]: list(schema.mention_levels), ATTR["polarity"]: list(schema.polarity), ATTR["modality"]: list(schema.modality),
                     ATTR["mode"]: schema.all_modes, ATTR["quote_type"]: list(schema.quote_type), ATTR["check_worthiness"]: list(schema.check_worthiness)}
    relation_labels = {*schema.roles, *CLAIM_PARTS, *schema.relation_types}

    regions: dict[str, dict] = {}  # id -> {"layer", "label", "span"}
    refused: set[str] = set()  # regions already reported as broken: their attributes and relations are not reported again
    attrs: dict[str, dict[str, str]] = defaultdict(dict)
    pending_attrs: list[tuple[int, dict]] = []
    relations: list[tuple[int, dict]] = []
    if not isinstance(results, list):
        bad("result", type(results).__name__, "is not a list of result items")
        return Converted(None, [], problems)
    for i, item in enumerate(results):
        where = f"result[{i}]"
        if not isinstance(item, dict):
            bad(where, item, "is not a result item (object)")
            continue
        kind = item.get("type")
        meta = item.get("meta")
        if isinstance(meta, dict) and any(v for v in meta.values()):
            bad(f"{where}.meta", meta, "holds region notes, which the record format cannot keep", "no notes (put the information in a field)")
        if kind == "relation":
            relations.append((i, item))
            continue
        if kind not in ("labels", "choices", "textarea"):
            bad(f"{where}.type", kind, "is not a result type of the Ceasefire config", "labels, choices, textarea, relation")
            continue
        if item.get("to_name") != TEXT:
            bad(f"{where}.to_name", item.get("to_name"), "does not name the text object", TEXT)
            continue
        rid = item.get("id")
        if not isinstance(rid, str) or not rid:
            bad(f"{where}.id", rid, "is missing or empty", "the region's id")
            continue
        value = item.get("value") if isinstance(item.get("value"), dict) else {}
        if kind == "labels":
            refused.add(rid)  # until the region passes every check below
            control = item.get("from_name")
            if control not in labels_allowed:
                bad(f"{where}.from_name", control, "is not a span-label control", ", ".join(labels_allowed))
                continue
            label = _single(value, "labels")
            if label not in labels_allowed[control]:
                bad(f"{where}.value.labels", value.get("labels"), f"is not one known {control} label", ", ".join(labels_allowed[control]))
                continue
            start, end, stext = value.get("start"), value.get("end"), value.get("text")
            if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool) and 0 <= start < end <= len(text)):
                bad(f"{where}.value.start", [start, end], "is not a non-empty span inside the text", f"0 <= start < end <= {len(text)}")
                continue
            if stext != text[start:end]:
                bad(f"{where}.value.text", stext, f"does not match the task text at [{start}, {end}), which is {text[start:end]!r}")
                continue
            if rid in regions:
                bad(f"{where}.id", rid, "is the id of another region too", "one region per id")
                continue
            layer = CONTENT if label == CONTENT else CUE if label == CUE else control
            regions[rid] = {"layer": layer, "label": label, "span": {"start": start, "end": end, "text": stext}}
            refused.discard(rid)
        else:
            pending_attrs.append((i, item))

    for i, item in pending_attrs:
        where = f"result[{i}]"
        rid, control, kind = item["id"], item.get("from_name"), item["type"]
        value = item.get("value") if isinstance(item.get("value"), dict) else {}
        region = regions.get(rid)
        if region is None and rid in refused:
            continue
        if region is None:
            bad(f"{where}.id", rid, f"is a per-region {control} item whose region does not exist", "the id of a labelled span")
            continue
        allowed_here = PER_REGION[region["layer"]]
        if control not in allowed_here or allowed_here[control] != kind:
            bad(f"{where}.from_name", control, f"is not an attribute of a {region['layer']} region", ", ".join(allowed_here) or "none")
            continue
        v = _single(value, "choices" if kind == "choices" else "text")
        if v is None:
            bad(f"{where}.value", value, "does not hold exactly one value")
            continue
        if kind == "choices" and v not in choice_values[control]:
            bad(f"{where}.value.choices", v, f"is not a {control} value", ", ".join(choice_values[control]))
            continue
        if control in attrs[rid]:
            bad(f"{where}.from_name", control, "is given twice for this region")
            continue
        attrs[rid][control] = v

    mentions, events, claims, rels = [], {}, {}, []
    for rid, r in regions.items():
        a = attrs.get(rid, {})
        if r["layer"] == MENTION:
            m = {"id": rid, **r["span"], "type": r["label"]}
            if ATTR["level"] in a:
                m["level"] = a[ATTR["level"]]
            if ATTR["entity"] in a:
                m["entity"] = a[ATTR["entity"]].strip()
            mentions.append(m)
        elif r["layer"] == TRIGGER:
            ev = {"id": rid, "type": r["label"], "mode": a.get(ATTR["mode"]), "trigger": r["span"], "arguments": []}
            for f_, control in (("polarity", ATTR["polarity"]), ("modality", ATTR["modality"])):
                if control in a:
                    ev[f_] = a[control]
            if ATTR["cluster"] in a:
                ev["cluster"] = a[ATTR["cluster"]].strip()
            events[rid] = ev
        elif r["layer"] == CONTENT:
            c = {"id": rid, "source": None, "content": r["span"], "parent": None}
            for f_ in ("quote_type", "check_worthiness"):
                if ATTR[f_] in a:
                    c[f_] = a[ATTR[f_]]
            claims[rid] = c

    cue_used: set[str] = set()
    for i, item in relations:
        where = f"result[{i}]"
        src, dst = item.get("from_id"), item.get("to_id")
        label = _single(item, "labels")
        if label not in relation_labels:
            bad(f"{where}.labels", item.get("labels"), "is not one known relation label", ", ".join(sorted(relation_labels)))
            continue
        missing = [x for x in (src, dst) if x not in regions]
        if any(x in refused for x in missing):
            continue
        if missing:
            bad(f"{where}.from_id" if src in missing else f"{where}.to_id", missing[0], "does not name a region of this task (dangling relation)")
            continue
        s_layer, d_layer = regions[src]["layer"], regions[dst]["layer"]
        if label in schema.roles:
            if s_layer != TRIGGER or d_layer not in (MENTION, TRIGGER):
                bad(f"{where}", {"from": src, "to": dst, "label": label}, f"joins a {s_layer} to a {d_layer}", "an argument role goes from a trigger to a mention or trigger")
                continue
            events[src]["arguments"].append({"role": label, "ref": dst})
        elif label in CLAIM_PARTS:
            need = {"cue": CUE, "source": MENTION, "parent": CONTENT}[label]
            if s_layer != CONTENT or d_layer != need:
                bad(f"{where}", {"from": src, "to": dst, "label": label}, f"joins a {s_layer} to a {d_layer}", f"{label} goes from a claim CONTENT to a {need}")
                continue
            c = claims[src]
            key = label
            if (key == "cue" and "cue" in c) or (key in ("source", "parent") and c[key] is not None):
                bad(f"{where}", {"from": src, "to": dst, "label": label}, f"gives claim {src!r} a second {label}", f"one {label} per claim")
                continue
            if label == "cue":
                c["cue"] = regions[dst]["span"]
                cue_used.add(dst)
            else:
                c[label] = dst
        else:
            if CUE in (s_layer, d_layer):
                bad(f"{where}", {"from": src, "to": dst, "label": label}, "has a claim CUE at one end", "relations join mentions, triggers and claim CONTENT regions")
                continue
            rels.append({"id": "", "type": label, "head": src, "tail": dst})
    for rid, r in regions.items():
        if r["layer"] == CUE and rid not in cue_used:
            bad(f"region {rid}", r["span"]["text"], "is a claim CUE that no claim CONTENT points to (relation 'cue')", "every CUE joined to its claim")

    # entities: one definition per id, from the mentions' attributes
    entities: dict[str, dict] = {}
    for m in mentions:
        eid = m.get("entity")
        if not eid:
            continue
        a = attrs.get(m["id"], {})
        name, qid = a.get(ATTR["entity_name"]), a.get(ATTR["entity_qid"])
        ent = entities.setdefault(eid, {"id": eid, "type": m["type"], "name": None, "qid": None})
        for key, v in (("name", name), ("qid", qid)):
            if v is None:
                continue
            v = v.strip()
            if ent[key] is not None and ent[key] != v:
                bad(f"region {m['id']}", v, f"gives entity {eid!r} the {key} {v!r}, but another mention gives {ent[key]!r}", f"one {key} per entity")
            ent[key] = v
    for eid, ent in entities.items():
        if ent["name"] is None:
            bad(f"entity {eid}", eid, "has no entity_name on any of its mentions", "the canonical name on at least one mention")

    links = []
    for rid, a in attrs.items():
        for f_ in LINKS_FIELDS:
            if f_ not in a:
                continue
            for n, line in enumerate(a[f_].splitlines(), 1):
                if not line.strip():
                    continue
                parts = line.split()
                if len(parts) != 3 or parts[0] not in schema.relation_types:
                    bad(f"region {rid}.{f_} line {n}", line, "is not a link line", f"TYPE DOCUMENT_ID ITEM_ID with TYPE one of {', '.join(t for t, r in schema.relation_types.items() if r.cross_document)}")
                    continue
                links.append({"id": "", "type": parts[0], "head": {"doc": doc_id, "id": rid}, "tail": {"doc": parts[1], "id": parts[2]}})

    doc = {"id": doc_id, "meta": data.get("meta") or {}, "text": text,
           "mentions": mentions, "entities": list(entities.values()),
           "events": list(events.values()), "claims": list(claims.values()), "relations": rels}
    doc = canonical_document(doc, list(schema.roles))
    return Converted(doc, links, problems)
