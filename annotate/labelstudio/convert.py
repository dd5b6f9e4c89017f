"""Records <-> Label Studio tasks and results (pure functions, no server).

``tasks_for`` turns document records (and the corpus's cross-document links) into
Label Studio tasks for one annotation pass; ``from_results`` turns a task's result
list back into a record, checking everything the server does not: labels, offsets
and ``text`` against the task text, per-region items without a region, relations to
missing regions, relation labels and their ends, attribute values, picked ids,
cross-document links, and (in a pass) that the layers the pass does not own came
back unchanged. The layout of regions and relations is described in
:mod:`.config`. Results are read in any order, with any extra fields the Label
Studio UI adds (``origin``, ``readonly``, ...).

A task carries, besides the text, the pick lists of its config (the corpus's
entities and event clusters with their names, the other articles' events and claims
as link targets) and, in a pass, the records it started from (``base``): a pass's
result replaces only the layers that pass owns.
"""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ceasefire.schema import Schema
from ceasefire.schema.records import DOC_LAYERS, canonical_document

from .config import (ALL, ATTR, CLAIM, CLAIM_PARTS, CLUSTERS, CONTENT, CUE, ENTITIES, ENTITY_INFO, LABELS_EDITED, LABELS_SHOWN, LINK_TARGETS, MENTION,
                        OPTIONAL, OPTIONAL_FIELDS, OWNS, TEXT, TRIGGER, link_control, link_controls, mode_control, optional_control, relation_label, relation_labels, type_labels)



def per_region_fields(schema: Schema) -> dict[str, dict[str, str]]:
    """For each kind of region, its per-region controls and their result type."""
    def optional(tag: str) -> dict[str, str]:
        return {optional_control(w, tag): "choices" if w == "optional" else "textarea" for w in OPTIONAL_FIELDS}

    return {
        MENTION: {ATTR["level"]: "choices", ATTR["entity"]: "choices", ATTR["new_entity"]: "textarea",
                  ATTR["entity_name"]: "textarea", ATTR["entity_qid"]: "textarea", **optional(MENTION)},
        TRIGGER: {ATTR["polarity"]: "choices", ATTR["modality"]: "choices",
                  **{mode_control(t): "choices" for t, e in schema.event_types.items() if e.modes},
                  ATTR["cluster"]: "choices", ATTR["new_cluster"]: "textarea",
                  **{c: "choices" for c in link_controls(schema, False)}, **optional(TRIGGER)},
        CONTENT: {ATTR["quote_type"]: "choices", ATTR["check_worthiness"]: "choices",
                  **{c: "choices" for c in link_controls(schema, True)}, **optional(CLAIM)},
        CUE: {},
    }


def cue_region_id(claim_id: str) -> str:
    return f"{claim_id}__cue"


# --- records -> task ------------------------------------------------------------------------

def _span_value(span: dict) -> dict:
    return {"start": span["start"], "end": span["end"], "text": span["text"]}


def _region(rid: str, control: str, span: dict, label: str) -> dict:
    return {"id": rid, "from_name": control, "to_name": TEXT, "type": "labels", "value": {**_span_value(span), "labels": [label]}}


def _attr(rid: str, control: str, span: dict, kind: str, value) -> dict:
    key = "choices" if kind == "choices" else "text"
    return {"id": rid, "from_name": control, "to_name": TEXT, "type": kind,
            "value": {**_span_value(span), key: value if isinstance(value, list) else [value]}}


def _relations(pairs: dict[tuple[str, str], list[str]]) -> list[dict]:
    """One relation result per ordered pair, with all its labels: the UI keeps one per pair."""
    return [{"type": "relation", "from_id": s, "to_id": d, "direction": "right", "labels": labels} for (s, d), labels in pairs.items()]


def _layers(pass_: str) -> tuple[set[str], set[str]]:
    """(kinds of region with their fields and relations, kinds of region drawn bare) in a pass."""
    return set(LABELS_EDITED[pass_]), set(LABELS_SHOWN[pass_])


def to_results(doc: dict, links: list[dict] | None = None, pass_: str = ALL) -> list[dict]:
    """Label Studio result items for a document record, as the config of this pass shows it.

    ``links`` are the corpus relations whose head is in this document.
    """
    edited, shown = _layers(pass_)
    with_relations = pass_ in (ALL, "relations")
    out: list[dict] = []
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    links_by_head: dict[str, dict[tuple, list[str]]] = defaultdict(lambda: defaultdict(list))
    optional_lines: dict[str, list[str]] = defaultdict(list)  # head region -> lines of its optional relations
    for r in links or []:
        target = f"{r['tail']['doc']} {r['tail']['id']}"
        links_by_head[r["head"]["id"]][(r["type"], r.get("detail"))].append(target)
        if r.get("optional"):
            optional_lines[r["head"]["id"]].append(f"{relation_label(r['type'], r.get('detail'))} {target}: {r.get('optional_reason') or ''}")
    for r in (doc.get("relations") or []) if with_relations else []:
        if r.get("optional"):
            optional_lines[r["head"]].append(f"{relation_label(r['type'], r.get('detail'))} {r['tail']}: {r.get('optional_reason') or ''}")

    def add_fields(rid: str, span: dict, item: dict, tag: str, layer_edited: bool, on_claim: bool | None = None):
        """The optional marker (in the layer's pass), links and optional relations (in the relations pass)."""
        if layer_edited and item.get("optional"):
            out.append(_attr(rid, optional_control("optional", tag), span, "choices", OPTIONAL))
            out.append(_attr(rid, optional_control("optional_reason", tag), span, "textarea", item.get("optional_reason") or ""))
        if not with_relations:
            return
        if on_claim is not None:
            for (t, detail), targets in links_by_head.get(rid, {}).items():
                out.append(_attr(rid, link_control(t, detail, on_claim), span, "choices", targets))
        if optional_lines.get(rid):
            out.append(_attr(rid, optional_control("optional_relations", tag), span, "textarea", optional_lines[rid]))

    for m in doc.get("mentions") or []:
        if MENTION in edited or MENTION in shown:
            out.append(_region(m["id"], MENTION, m, m["type"]))
        if MENTION in edited:
            if m.get("level"):
                out.append(_attr(m["id"], ATTR["level"], m, "choices", m["level"]))
            if m.get("entity"):
                out.append(_attr(m["id"], ATTR["entity"], m, "choices", m["entity"]))
        add_fields(m["id"], m, m, MENTION, MENTION in edited)
    for e in doc.get("events") or []:
        t = e["trigger"]
        if TRIGGER in edited or TRIGGER in shown:
            out.append(_region(e["id"], TRIGGER, t, e["type"]))
        add_fields(e["id"], t, e, TRIGGER, TRIGGER in edited, False)
        if TRIGGER not in edited:
            continue
        for field_ in ("polarity", "modality"):
            if e.get(field_):
                out.append(_attr(e["id"], ATTR[field_], t, "choices", e[field_]))
        if e.get("mode"):
            out.append(_attr(e["id"], mode_control(e["type"]), t, "choices", e["mode"]))
        if e.get("cluster"):
            out.append(_attr(e["id"], ATTR["cluster"], t, "choices", e["cluster"]))
        for a in e.get("arguments") or []:
            pairs[(e["id"], a["ref"])].append(a["role"])
    for c in doc.get("claims") or []:
        content = c["content"]
        if CLAIM in edited or CLAIM in shown:
            out.append(_region(c["id"], CLAIM, content, CONTENT))
        add_fields(c["id"], content, c, CLAIM, CLAIM in edited, True)
        if CLAIM not in edited:
            continue
        for field_ in ("quote_type", "check_worthiness"):
            if c.get(field_):
                out.append(_attr(c["id"], ATTR[field_], content, "choices", c[field_]))
        if c.get("cue"):
            out.append(_region(cue_region_id(c["id"]), CLAIM, c["cue"], CUE))
            pairs[(c["id"], cue_region_id(c["id"]))].append("cue")
        for part in ("source", "parent"):
            if c.get(part):
                pairs[(c["id"], c[part])].append(part)
    for r in (doc.get("relations") or []) if with_relations else []:
        pairs[(r["head"], r["tail"])].append(relation_label(r["type"], r.get("detail")))
    return out + _relations(pairs)


def _quote(span: dict, limit: int = 40) -> str:
    t = " ".join(span["text"].split())
    return "“" + (t if len(t) <= limit else t[: limit - 1] + "…") + "”"


def _option(stored: str, shown: str) -> dict:
    return {"value": shown, "alias": stored, "html": shown}


def pick_lists(documents: dict[str, dict]) -> dict[str, list[dict]]:
    """The corpus's entities and event clusters as options (value = id, html = what is shown)."""
    names: dict[str, dict] = {}
    for d in sorted(documents):
        for ent in documents[d].get("entities") or []:
            names.setdefault(ent["id"], ent)
        for m in documents[d].get("mentions") or []:
            if m.get("entity"):
                names.setdefault(m["entity"], {"id": m["entity"], "name": None})
    clusters: dict[str, list[str]] = defaultdict(list)
    for d in sorted(documents):
        for e in documents[d].get("events") or []:
            if e.get("cluster"):
                clusters[e["cluster"]].append(f"{e['type']} {_quote(e['trigger'], 25)}")
    # the select list shows `value` and stores `alias` (it ignores `html`): show the name, store the id
    entity_opts = [_option(eid, f"{ent['name']} ({eid})" if ent.get("name") else eid)
                   for eid, ent in sorted(names.items(), key=lambda kv: ((kv[1].get("name") or kv[0]).casefold(), kv[0]))]
    cluster_opts = [_option(cid, f"{cid}: " + "; ".join(sorted(set(seen))[:3])) for cid, seen in sorted(clusters.items())]
    info = {eid: {k: ent.get(k) for k in ("type", "name", "qid")} for eid, ent in sorted(names.items())}
    return {ENTITIES: entity_opts, ENTITY_INFO: info, CLUSTERS: cluster_opts}


def link_targets(documents: dict[str, dict], doc_id: str) -> list[dict]:
    """The events and claims of the other articles, as link targets ``DOCUMENT_ID ITEM_ID``."""
    out = []
    for d in sorted(documents):
        if d == doc_id:
            continue
        for e in documents[d].get("events") or []:
            out.append(_option(f"{d} {e['id']}", f"{d[:3]} {e['id']} {e['type']} {_quote(e['trigger'])}"))
        for c in documents[d].get("claims") or []:
            out.append(_option(f"{d} {c['id']}", f"{d[:3]} {c['id']} claim {_quote(c['content'])}"))
    return out


def links_info(doc_id: str, links: list[dict]) -> str:
    """The cross-document links touching this article, in both directions, as lines to read."""
    lines = []
    for r in links:
        if r["head"]["doc"] == doc_id:
            lines.append(f"{r['head']['id']} → {r['type']} → {r['tail']['doc']} {r['tail']['id']}")
        elif r["tail"]["doc"] == doc_id:
            lines.append(f"{r['tail']['id']} ← {r['type']} ← {r['head']['doc']} {r['head']['id']}")
    return "\n".join(lines) or "(none yet)"


def to_task(doc: dict, links: list[dict], corpus_id: str, *, as_: str = "annotations", model_version: str = "gold",
            pass_: str = ALL, picks: dict | None = None, targets: list[dict] | None = None, all_links: list[dict] | None = None) -> dict:
    head_links = [r for r in links if r["head"]["doc"] == doc["id"]]
    data = {"text": doc["text"], "doc_id": doc["id"], "title": (doc.get("meta") or {}).get("title") or doc["id"],
            "meta": doc.get("meta"), "corpus_id": corpus_id, "pass": pass_,
            **(picks or pick_lists({doc["id"]: doc})), LINK_TARGETS: targets or [],
            "links_info": links_info(doc["id"], all_links if all_links is not None else head_links)}
    if pass_ != ALL:  # a fresh task (`as_="none"`) starts from no annotation at all
        fresh = {k: v for k, v in doc.items() if k not in DOC_LAYERS} | {k: [] for k in DOC_LAYERS}
        data["base"] = {"document": fresh, "links": []} if as_ == "none" else {"document": doc, "links": head_links}
    if as_ == "none":
        return {"data": data}
    result = to_results(doc, head_links, pass_)
    if as_ == "predictions":
        return {"data": data, "predictions": [{"model_version": model_version, "result": result}]}
    return {"data": data, "annotations": [{"result": result}]}


def tasks_for(documents: dict[str, dict], corpus: dict | None, *, as_: str = "annotations", model_version: str = "gold",
              pass_: str = ALL) -> list[dict]:
    corpus = corpus or {}
    all_links = corpus.get("relations") or []
    corpus_id = corpus.get("id") or "ceasefire"
    picks = pick_lists(documents)
    return [to_task(documents[d], [r for r in all_links if d in (r["head"]["doc"], r["tail"]["doc"])], corpus_id, as_=as_,
                    model_version=model_version, pass_=pass_, picks=picks, targets=link_targets(documents, d),
                    all_links=[r for r in all_links if d in (r["head"]["doc"], r["tail"]["doc"])])
            for d in sorted(documents)]


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


class _Reader:
    """One task's result list, read in phases: regions, their fields, relations, entities, links."""

    def __init__(self, data: dict, schema: Schema, pass_: str, names_required: bool):
        self.data, self.schema, self.pass_, self.names_required = data, schema, pass_, names_required
        self.text, self.doc_id = data["text"], data["doc_id"]
        self.problems: list[tuple[str, Any, str, str | None]] = []
        self.regions: dict[str, dict] = {}  # id -> {"layer", "label", "span"}
        self.refused: set[str] = set()  # regions already reported: their fields and relations are not reported again
        self.bad_ids: set[str] = set()  # region ids of the wrong type already reported (as JSON)
        self.attrs: dict[str, dict[str, Any]] = defaultdict(dict)
        self.fields = per_region_fields(schema)
        self.relation_labels = set(relation_labels(schema, pass_))
        self.type_labels = type_labels(schema)  # relation label -> (type, detail)
        self.links = {**link_controls(schema, False), **link_controls(schema, True)}  # link control -> (type, detail)

    def bad(self, where, value, message, allowed=None):
        self.problems.append((where, value, message, allowed))

    # phase 1: sort the items, read the regions
    def read_items(self, results: list) -> tuple[list, list]:
        attr_items, relation_items = [], []
        labels_allowed = {MENTION: list(self.schema.mention_types), TRIGGER: list(self.schema.event_types), CLAIM: [CONTENT, CUE]}
        for i, item in enumerate(results):
            where = f"result[{i}]"
            if not isinstance(item, dict):
                self.bad(where, item, "is not a result item (object)")
                continue
            kind = item.get("type")
            meta = item.get("meta")
            if isinstance(meta, dict) and any(v for v in meta.values()):
                self.bad(f"{where}.meta", meta, "holds region notes, which the record format cannot keep", "no notes (put the information in a field)")
            if kind == "relation":
                relation_items.append((i, item))
                continue
            if kind not in ("labels", "choices", "textarea"):
                self.bad(f"{where}.type", kind, "is not a result type of the Ceasefire config", "labels, choices, textarea, relation")
                continue
            if item.get("to_name") != TEXT:
                self.bad(f"{where}.to_name", item.get("to_name"), "does not name the text object", TEXT)
                continue
            if not isinstance(item.get("from_name"), str):
                self.bad(f"{where}.from_name", item.get("from_name"), "is not the name of a control (a string)", "a control of the Ceasefire config")
                continue
            rid = item.get("id")
            if not self._region_id(f"{where}.id", rid):
                continue
            if kind == "labels":
                self._region(where, rid, item, labels_allowed)
            else:
                attr_items.append((i, item))
        return attr_items, relation_items

    def _region_id(self, where: str, rid) -> bool:
        """Whether ``rid`` can be a region id (a non-empty string); a bad one is reported once,
        not again for each item or relation that repeats it."""
        if isinstance(rid, str) and rid:
            return True
        key = json.dumps(rid, sort_keys=True, default=repr)
        if key not in self.bad_ids:
            self.bad_ids.add(key)
            self.bad(where, rid, f"is not a region id ({type(rid).__name__}); region ids of one task are all strings", "a non-empty string")
        return False

    def _region(self, where: str, rid: str, item: dict, labels_allowed: dict) -> None:
        value = item.get("value") if isinstance(item.get("value"), dict) else {}
        self.refused.add(rid)  # until the region passes every check below
        control = item.get("from_name")
        if control not in labels_allowed:
            self.bad(f"{where}.from_name", control, "is not a span-label control", ", ".join(labels_allowed))
            return
        label = _single(value, "labels")
        if label not in labels_allowed[control]:
            self.bad(f"{where}.value.labels", value.get("labels"), f"is not one known {control} label", ", ".join(labels_allowed[control]))
            return
        start, end, stext = value.get("start"), value.get("end"), value.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool) and 0 <= start < end <= len(self.text)):
            self.bad(f"{where}.value.start", [start, end], "is not a non-empty span inside the text", f"0 <= start < end <= {len(self.text)}")
            return
        if stext != self.text[start:end]:
            self.bad(f"{where}.value.text", stext, f"does not match the task text at [{start}, {end}), which is {self.text[start:end]!r}")
            return
        if rid in self.regions:
            self.bad(f"{where}.id", rid, "is the id of another region too", "one region per id")
            return
        layer = CONTENT if label == CONTENT else CUE if label == CUE else control
        self.regions[rid] = {"layer": layer, "label": label, "span": {"start": start, "end": end, "text": stext}}
        self.refused.discard(rid)

    # phase 2: per-region fields
    def read_attrs(self, attr_items: list) -> None:
        choice_values = {ATTR["level"]: list(self.schema.mention_levels), ATTR["polarity"]: list(self.schema.polarity),
                         ATTR["modality"]: list(self.schema.modality), **{optional_control("optional", t): [OPTIONAL] for t in (MENTION, TRIGGER, CLAIM)},
                         ATTR["quote_type"]: list(self.schema.quote_type), ATTR["check_worthiness"]: list(self.schema.check_worthiness),
                         **{mode_control(t): list(e.modes) for t, e in self.schema.event_types.items()}}
        for i, item in attr_items:
            where = f"result[{i}]"
            rid, control, kind = item["id"], item.get("from_name"), item["type"]
            value = item.get("value") if isinstance(item.get("value"), dict) else {}
            region = self.regions.get(rid)
            if region is None and rid in self.refused:
                continue
            if region is None:
                self.bad(f"{where}.id", rid, f"is a per-region {control} item whose region does not exist", "the id of a labelled span")
                continue
            allowed_here = self.fields[region["layer"]]
            if allowed_here.get(control) != kind:
                self.bad(f"{where}.from_name", control, f"is not a field of a {region['layer']} region", ", ".join(allowed_here) or "none")
                continue
            if control in self.links or control.startswith("optional_relations_"):  # several picks, or several entries
                v = value.get("choices" if kind == "choices" else "text")
                if not (isinstance(v, list) and v and all(isinstance(x, str) for x in v)):
                    self.bad(f"{where}.value", value, "does not hold a list of link targets" if kind == "choices" else "does not hold a list of entries")
                    continue
            else:
                v = _single(value, "choices" if kind == "choices" else "text")
                if v is None:
                    self.bad(f"{where}.value", value, "does not hold exactly one value")
                    continue
            if control.startswith(ATTR["mode"] + "_") and control != mode_control(region["label"]):
                self.bad(f"{where}.from_name", control, f"is the mode of another event type than {region['label']}", mode_control(region["label"]))
                continue
            if kind == "choices" and control in choice_values and v not in choice_values[control]:
                self.bad(f"{where}.value.choices", v, f"is not a {control} value", ", ".join(choice_values[control]))
                continue
            if control in self.attrs[rid]:
                self.bad(f"{where}.from_name", control, "is given twice for this region")
                continue
            self.attrs[rid][control] = v

    def _picked(self, rid: str, pick: str, new: str, what: str) -> str | None:
        a = self.attrs.get(rid, {})
        picked, typed = a.get(pick), (a.get(new) or "").strip() or None
        if picked is not None and typed is not None and picked.strip() != typed:
            self.bad(f"region {rid}", [picked, typed], f"has both a picked {what} and a new one", f"one {what}: pick one or type a new id")
        return typed or (picked.strip() if picked is not None else None)

    # phase 3: the records of the regions
    def build_items(self) -> tuple[list, dict, dict]:
        mentions, events, claims = [], {}, {}
        for rid, r in self.regions.items():
            a = self.attrs.get(rid, {})
            if r["layer"] == MENTION:
                m = {"id": rid, **r["span"], "type": r["label"]}
                if ATTR["level"] in a:
                    m["level"] = a[ATTR["level"]]
                entity = self._picked(rid, ATTR["entity"], ATTR["new_entity"], "entity")
                if entity:
                    m["entity"] = entity
                mentions.append(m)
            elif r["layer"] == TRIGGER:
                mode = a.get(mode_control(r["label"]))
                ev = {"id": rid, "type": r["label"], "mode": mode, "trigger": r["span"], "arguments": []}
                for f_ in ("polarity", "modality"):
                    if ATTR[f_] in a:
                        ev[f_] = a[ATTR[f_]]
                cluster = self._picked(rid, ATTR["cluster"], ATTR["new_cluster"], "event cluster")
                if cluster:
                    ev["cluster"] = cluster
                events[rid] = ev
            elif r["layer"] == CONTENT:
                c = {"id": rid, "source": None, "content": r["span"], "parent": None}
                for f_ in ("quote_type", "check_worthiness"):
                    if ATTR[f_] in a:
                        c[f_] = a[ATTR[f_]]
                claims[rid] = c
        for tag, items in ((MENTION, mentions), (TRIGGER, events.values()), (CLAIM, claims.values())):
            for item in items:
                self._optional(item, self.attrs.get(item["id"], {}), tag)
        return mentions, events, claims

    def _optional(self, item: dict, a: dict, tag: str) -> None:
        reason = (a.get(optional_control("optional_reason", tag)) or "").strip()
        if a.get(optional_control("optional", tag)) == OPTIONAL:
            item["optional"] = True
            item["optional_reason"] = reason
        elif reason:
            self.bad(f"region {item['id']}.{optional_control('optional_reason', tag)}", reason, "gives a reason but the item is not marked optional",
                     "tick 'optional', or clear the reason")

    # phase 4: relations (one result may carry several labels)
    def read_relations(self, relation_items: list, events: dict, claims: dict) -> list[dict]:
        rels, cue_used = [], set()
        for i, item in relation_items:
            where = f"result[{i}]"
            src, dst = item.get("from_id"), item.get("to_id")
            if not (self._region_id(f"{where}.from_id", src) and self._region_id(f"{where}.to_id", dst)):
                continue
            labels = item.get("labels")
            if not (isinstance(labels, list) and labels and all(isinstance(x, str) and x in self.relation_labels for x in labels)):
                self.bad(f"{where}.labels", labels, "is not a list of known relation labels", ", ".join(sorted(self.relation_labels)))
                continue
            missing = [x for x in (src, dst) if x not in self.regions]
            if any(x in self.refused for x in missing):
                continue
            if missing:
                self.bad(f"{where}.from_id" if src in missing else f"{where}.to_id", missing[0], "does not name a region of this task (dangling relation)")
                continue
            for label in labels:
                self._relation(where, src, dst, label, events, claims, rels, cue_used)
        for rid, r in self.regions.items():
            if r["layer"] == CUE and rid not in cue_used:
                self.bad(f"region {rid}", r["span"]["text"], "is a claim CUE that no claim CONTENT points to (relation 'cue')", "every CUE joined to its claim")
        return rels

    def _relation(self, where, src, dst, label, events, claims, rels, cue_used) -> None:
        s_layer, d_layer = self.regions[src]["layer"], self.regions[dst]["layer"]
        ends = {"from": src, "to": dst, "label": label}
        if label in self.schema.roles:
            if s_layer != TRIGGER or d_layer not in (MENTION, TRIGGER):
                self.bad(where, ends, f"joins a {s_layer} to a {d_layer}", "an argument role goes from a trigger to a mention or trigger")
                return
            events[src]["arguments"].append({"role": label, "ref": dst})
        elif label in CLAIM_PARTS:
            need = {"cue": CUE, "source": MENTION, "parent": CONTENT}[label]
            if s_layer != CONTENT or d_layer != need:
                self.bad(where, ends, f"joins a {s_layer} to a {d_layer}", f"{label} goes from a claim CONTENT to a {need}")
                return
            c = claims[src]
            if (label == "cue" and "cue" in c) or (label in ("source", "parent") and c[label] is not None):
                self.bad(where, ends, f"gives claim {src!r} a second {label}", f"one {label} per claim")
                return
            if label == "cue":
                c["cue"] = self.regions[dst]["span"]
                cue_used.add(dst)
            else:
                c[label] = dst
        else:
            if CUE in (s_layer, d_layer):
                self.bad(where, ends, "has a claim CUE at one end", "relations join mentions, triggers and claim CONTENT regions")
                return
            rel_type, detail = self.type_labels[label]
            rels.append({"id": "", "type": rel_type, "head": src, "tail": dst, **({"detail": detail} if detail else {})})

    # phase 5: entities, one definition per id: name and QID typed on a mention, else from the pick list
    def build_entities(self, mentions: list[dict]) -> list[dict]:
        known = self.data.get(ENTITY_INFO) if isinstance(self.data.get(ENTITY_INFO), dict) else {}
        base_entities = {e["id"]: e for e in ((self.data.get("base") or {}).get("document") or {}).get("entities") or []}
        entities: dict[str, dict] = {}
        for m in mentions:
            eid = m.get("entity")
            if not eid:
                continue
            a = self.attrs.get(m["id"], {})
            ent = entities.setdefault(eid, {"id": eid, "type": m["type"], "name": None, "qid": None, "_typed": set()})
            for key, v in (("name", a.get(ATTR["entity_name"])), ("qid", a.get(ATTR["entity_qid"]))):
                if v is None or not v.strip():
                    continue
                v = v.strip()
                if key in ent["_typed"] and ent[key] != v:
                    self.bad(f"region {m['id']}", v, f"gives entity {eid!r} the {key} {v!r}, but another mention gives {ent[key]!r}", f"one {key} per entity")
                ent[key] = v
                ent["_typed"].add(key)
        out, unnamed = [], []
        for eid, ent in entities.items():
            prior = base_entities.get(eid) or known.get(eid)
            if prior:
                ent["type"] = prior.get("type") or ent["type"]
                for key in ("name", "qid"):
                    if key not in ent["_typed"]:
                        ent[key] = prior.get(key)
            del ent["_typed"]
            (out if ent["name"] is not None else unnamed).append(ent)
        if unnamed and (self.names_required or out):
            for ent in unnamed:
                self.bad(f"entity {ent['id']}", ent["id"], "has no name: type it in 'Entity name' on one of its mentions",
                         "the canonical name on at least one mention" + ("" if self.names_required else " (or no entity named at all)"))
        return out if out or not unnamed else None  # None: predictions without entity records

    # phase 6: cross-document links on their head region
    def read_links(self) -> list[dict]:
        links = []
        for rid, a in self.attrs.items():
            for control, v in a.items():
                if control not in self.links:
                    continue
                link_type, detail = self.links[control]
                for target in v:
                    parts = target.split()
                    if len(parts) != 2:
                        self.bad(f"region {rid}.{control}", target, "is not a link target", "DOCUMENT_ID ITEM_ID")
                        continue
                    links.append({"id": "", "type": link_type, "head": {"doc": self.doc_id, "id": rid}, "tail": {"doc": parts[0], "id": parts[1]},
                                  **({"detail": detail} if detail else {})})
        return links

    # phase 6b: optional relations and links, one entry each on their head region: LABEL TARGET: reason
    def mark_optional_relations(self, rels: list[dict], links: list[dict]) -> None:
        for rid, a in self.attrs.items():
            control = next((c for c in a if c.startswith("optional_relations_")), None)
            for n, line in enumerate("\n".join(a.get(control) or []).splitlines(), 1):
                if not line.strip():
                    continue
                where = f"region {rid}.{control} line {n}"
                ref, sep, reason = line.partition(": ")
                parts = ref.split()
                if not sep or len(parts) not in (2, 3) or parts[0] not in self.type_labels:
                    self.bad(where, line, "is not an optional relation line", "LABEL TARGET: reason, TARGET a region id or DOCUMENT_ID ITEM_ID")
                    continue
                rel_type, detail = self.type_labels[parts[0]]
                if len(parts) == 2:
                    found = [r for r in rels if (r["head"], r["tail"], r["type"], r.get("detail")) == (rid, parts[1], rel_type, detail)]
                else:
                    found = [r for r in links if (r["head"]["id"], r["tail"]["doc"], r["tail"]["id"], r["type"], r.get("detail"))
                             == (rid, parts[1], parts[2], rel_type, detail)]
                if not found:
                    self.bad(where, line, "names no relation or link of this region", "a relation drawn (or a link picked) from this region")
                    continue
                found[0].update(optional=True, optional_reason=reason.strip())

    # phase 7 (passes): the layers this pass does not own come from the base, unchanged
    def merge_into_base(self, doc: dict, links: list[dict]) -> tuple[dict, list[dict]]:
        base = self.data.get("base")
        if not (isinstance(base, dict) and isinstance(base.get("document"), dict)):
            self.bad("data.base", None, f"is missing: a task of the {self.pass_} pass carries the records it started from", "tasks made by `ceasefire-annotate serve --pass`")
            return doc, links
        expected = {}
        for item in to_results(base["document"], [], self.pass_):
            if item["type"] == "labels" and item["from_name"] in LABELS_SHOWN[self.pass_]:
                expected[item["id"]] = item["value"]
        for rid, r in self.regions.items():
            layer_tag = CLAIM if r["layer"] in (CONTENT, CUE) else r["layer"]
            if layer_tag not in LABELS_SHOWN[self.pass_]:
                continue
            want = expected.pop(rid, None)
            got = {**r["span"], "labels": [r["label"]]}
            if want != got:
                self.bad(f"region {rid}", got, f"was added or changed in the {self.pass_} pass, which does not own {r['layer']} regions",
                         "change it in its own pass")
        for rid, value in expected.items():
            self.bad(f"region {rid}", value, f"was deleted in the {self.pass_} pass, which does not own it", "delete it in its own pass")
        merged = copy.deepcopy(base["document"])
        for layer in OWNS[self.pass_]:
            if layer != "links":
                merged[layer] = doc[layer]
        return merged, (links if "links" in OWNS[self.pass_] else copy.deepcopy(base.get("links") or []))


def from_results(data: dict, results: list, schema: Schema, *, names_required: bool = True) -> Converted:
    """Convert one task's result list (any order) to a document record.

    The pass is the task's (``data["pass"]``, default all layers); ``names_required``
    is false for predictions, whose entities may have no name.
    """
    if not isinstance(data.get("text"), str) or not isinstance(data.get("doc_id"), str):
        return Converted(None, [], [("data", None, "task has no text or doc_id", "tasks made by `ceasefire-annotate tasks`")])
    if not isinstance(results, list):
        return Converted(None, [], [("result", type(results).__name__, "is not a list of result items", None)])
    pass_ = data.get("pass") or ALL
    if pass_ not in OWNS and pass_ != ALL:
        return Converted(None, [], [("data.pass", pass_, "is not an annotation pass", ", ".join((ALL, *OWNS)))])
    reader = _Reader(data, schema, pass_, names_required)
    attr_items, relation_items = reader.read_items(results)
    reader.read_attrs(attr_items)
    mentions, events, claims = reader.build_items()
    rels = reader.read_relations(relation_items, events, claims)
    entities = reader.build_entities(mentions) if pass_ in (ALL, "actors") else []
    links = reader.read_links()
    reader.mark_optional_relations(rels, links)
    doc = {"id": reader.doc_id, "meta": data.get("meta"), "text": reader.text, "mentions": mentions, "entities": entities,
           "events": list(events.values()), "claims": list(claims.values()), "relations": rels}
    for key in ("meta", "entities"):  # predictions may have neither
        if doc[key] is None:
            del doc[key]
    if pass_ != ALL:
        doc, links = reader.merge_into_base(doc, links)
    return Converted(canonical_document(doc, list(schema.roles)), links, reader.problems)
