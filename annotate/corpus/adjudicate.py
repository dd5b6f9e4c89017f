"""`ceasefire-annotate adjudicate`: two annotations and a file of decisions -> the gold.

Both annotations are cut into *units*, each named by what it denotes, never by its id
(the names `diff` prints):

==========  ===========================================  ==========================================
unit        name                                         compared on
==========  ===========================================  ==========================================
meta        ``meta``                                     the document's metadata
mention     ``mention 'Putin'@120``                      type, level, entity, optional, ...
entity      ``entity putin``                             name, type, qid (when both sides have it)
event       ``event 'agreed'@95``                        type, mode, polarity, modality, cluster,
                                                         arguments (as ``ROLE`` -> unit name), ...
claim       ``claim 'content text'@209``                 cue, source, parent, quote type, ...
relation    ``relation TYPE(head -> tail)``              detail, optional
link        ``link TYPE(doc:head -> doc:tail)``          detail, optional (corpus record)
==========  ===========================================  ==========================================

B's entity and event-cluster ids are first renamed to A's wherever the two annotators grouped
the same items under different names (:func:`align_clusters`). A *difference* is then a unit
present on one side only, or with other values on the two sides. Its id is ``DOC UNIT`` (``corpus UNIT`` for links). The decisions file (YAML or
JSON) decides every difference, and nothing else::

    decisions:
      - difference: "005_1f0c... event 'signed'@88"
        take: B                      # A or B: that side's version (absence included)
        set: {modality: ASSERTED}    # optional edit of the taken item (an "edit" decision)
        why: "the text says it happened"

A review may change what both annotators agree on, or add what neither has (the second
adjudication of the shipped gold did both). Such changes are ``edits``, each naming its unit;
an edit of a unit that is a difference is refused (decide it instead), and so is ``set`` or
``remove`` of a unit the result does not have, and ``add`` of one it has::

    edits:
      - unit: "004_2b10... event 'squeeze out'@2489"
        set: {cluster: putin_no_yes_week}
      - unit: "000_8ce9... relation SUBEVENT_OF(event 'invaded'@2012 -> event 'war'@1950)"
        add: {}                      # the fields besides the name: {} or {detail: ..., optional: ...}
      - unit: "004_2b10... mention 'energy and infrastructure'@78"
        add: {start: 78, end: 103, text: energy and infrastructure, type: OBJECT, level: NOM, entity: energy_infrastructure}
      - unit: "000_8ce9... claim 'a full ceasefire'@902"
        remove: true
        why: "3.1: no clause as complement"

Units that do not differ come over as they are. Ids are renumbered in text order
(m1.., v1.., c1.., r1.., x1..), entities are the ones the mentions use (A's record where
A has it), and the corpus clusters are recomputed from use, so a cluster id used in two
or more articles joins them, whichever articles they are. The result must pass the
validator. ``--template`` writes a decisions file that lists every difference with both
versions, to be filled in.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path


from ceasefire.schema import InputError, Location, Problem, Schema
from ceasefire.schema.records import Loaded, canonical_corpus, canonical_document
from ceasefire.schema.validate import GOLD, validate_records

from .records import clusters_from_use

SIDES = ("A", "B")
#: the kinds of unit of a document (the corpus record has links)
DOC_KINDS = ("meta", "mention", "entity", "event", "claim", "relation")
#: unit kind -> (layer, the part holding the span, id prefix when renumbered)
SPAN_LAYERS = {"mention": ("mentions", None, "m"), "event": ("events", "trigger", "v"), "claim": ("claims", "content", "c")}


def _name(kind: str, item: dict) -> str:
    part = SPAN_LAYERS[kind][1]
    span = item[part] if part else item
    return f"{kind} {span['text']!r}@{span['start']}"


def units(doc: dict) -> dict[str, dict]:
    """The document's units: name -> value (a record item without its id, references as unit names)."""
    names = {}
    for kind, (layer, _, _) in SPAN_LAYERS.items():
        for item in doc.get(layer) or []:
            names[item["id"]] = _name(kind, item)
    out: dict[str, dict] = {"meta": {"meta": doc.get("meta")}}
    for kind, (layer, _, _) in SPAN_LAYERS.items():
        for item in doc.get(layer) or []:
            value = {k: v for k, v in item.items() if k != "id"}
            if kind == "event":
                value["arguments"] = sorted(({"role": a["role"], "ref": names.get(a["ref"], a["ref"])} for a in item["arguments"]),
                                            key=lambda a: (a["role"], a["ref"]))
            if kind == "claim":
                value["source"] = names.get(item["source"], item["source"]) if item["source"] else None
                value["parent"] = names.get(item["parent"], item["parent"]) if item["parent"] else None
            out[_name(kind, item)] = value
    for e in doc.get("entities") or []:
        out[f"entity {e['id']}"] = {k: v for k, v in e.items() if k != "id"}
    for r in doc.get("relations") or []:
        value = {k: v for k, v in r.items() if k not in ("id", "type", "head", "tail")}
        out[f"relation {r['type']}({names.get(r['head'], r['head'])} -> {names.get(r['tail'], r['tail'])})"] = value
    return out


def corpus_units(docs: dict[str, dict], corpus: dict | None) -> dict[str, dict]:
    names = {d: {i["id"]: _name(k, i) for k, (layer, _, _) in SPAN_LAYERS.items() for i in doc.get(layer) or []} for d, doc in docs.items()}
    out = {}
    for r in (corpus or {}).get("relations") or []:
        h, t = r["head"], r["tail"]
        key = f"link {r['type']}({h['doc']}:{names.get(h['doc'], {}).get(h['id'], h['id'])} -> {t['doc']}:{names.get(t['doc'], {}).get(t['id'], t['id'])})"
        out[key] = {k: v for k, v in r.items() if k not in ("id", "type", "head", "tail")}
    return out


def _entities_only_used(a: dict, b: dict) -> set[str]:
    """Entity units that are not differences in themselves: present on one side only (the
    entity follows its mentions) -- only a record present on both sides with other values is."""
    return {k for k in set(a) ^ set(b) if k.startswith("entity ")}


def align_clusters(a_docs: dict, b_docs: dict) -> dict:
    """B's documents with each entity and event-cluster id renamed to A's where the two
    annotators grouped the same items under different names.

    Cluster ids are names the annotators chose; only the grouping is annotation. A B id is
    renamed to an A id when, over the items both annotated (same span), the B cluster's
    items are all in that one A cluster and the A cluster's items all in that B cluster,
    and B does not use the A id for another cluster. Splits and merges stay differences.
    """
    b_docs = copy.deepcopy(b_docs)
    for layer, part, field in (("mentions", None, "entity"), ("events", "trigger", "cluster")):
        a_to_b: dict[str, set] = {}
        b_to_a: dict[str, set] = {}
        for d in set(a_docs) & set(b_docs):
            key = (lambda x: (x[part]["start"], x[part]["end"])) if part else (lambda x: (x["start"], x["end"]))
            a_of = {key(x): x.get(field) for x in a_docs[d].get(layer) or []}
            for x in b_docs[d].get(layer) or []:
                if key(x) in a_of and x.get(field) and a_of[key(x)]:
                    a_to_b.setdefault(a_of[key(x)], set()).add(x[field])
                    b_to_a.setdefault(x[field], set()).add(a_of[key(x)])
        b_ids = {x.get(field) for doc in b_docs.values() for x in doc.get(layer) or []}
        rename = {b: next(iter(a)) for b, a in b_to_a.items()
                  if len(a) == 1 and a_to_b[next(iter(a))] == {b} and next(iter(a)) != b and next(iter(a)) not in b_ids}
        for doc in b_docs.values():
            for x in doc.get(layer) or []:
                x[field] = rename.get(x.get(field), x.get(field))
            if layer == "mentions":
                for e in doc.get("entities") or []:
                    e["id"] = rename.get(e["id"], e["id"])
    return b_docs


def differences(a_docs: dict, a_corpus: dict | None, b_docs: dict, b_corpus: dict | None) -> dict[str, dict]:
    """Difference id -> {"A": value or None, "B": value or None}, in a stable order (B's
    cluster ids aligned to A's first, :func:`align_clusters`)."""
    b_docs = align_clusters(a_docs, b_docs)
    out: dict[str, dict] = {}
    for d in sorted(a_docs):
        ua, ub = units(a_docs[d]), units(b_docs[d])
        skip = _entities_only_used(ua, ub)
        for key in sorted(set(ua) | set(ub)):
            if key not in skip and ua.get(key) != ub.get(key):
                out[f"{d} {key}"] = {"A": ua.get(key), "B": ub.get(key)}
    ca, cb = corpus_units(a_docs, a_corpus), corpus_units(b_docs, b_corpus)
    for key in sorted(set(ca) | set(cb)):
        if ca.get(key) != cb.get(key):
            out[f"corpus {key}"] = {"A": ca.get(key), "B": cb.get(key)}
    return out


def template(diffs: dict[str, dict], derived: tuple[list[dict], list[dict]] | None = None) -> str:
    """A decisions file listing every difference, each with both versions, to be filled in
    (or, with ``derived``, filled in with the decisions and edits of :func:`derive`)."""
    taken = {d["difference"]: d for d in derived[0]} if derived else {}
    lines = ["# Decisions for `ceasefire-annotate adjudicate`: one per difference; take A or B,",
             "# optionally `set` fields of the taken item, and say why.", "decisions:"]
    for key, sides in diffs.items():
        lines.append(f"  - difference: {json.dumps(key, ensure_ascii=False)}")
        for side in SIDES:
            lines.append(f"    # {side}: {json.dumps(sides[side], ensure_ascii=False) if sides[side] is not None else '(absent)'}")
        dec = taken.get(key, {})
        lines.append(f"    take: {dec.get('take', 'null')}")
        if "set" in dec:
            lines.append(f"    set: {json.dumps(dec['set'], ensure_ascii=False)}")
        lines.append("    why: null")
    if derived and derived[1]:
        lines.append("edits:")
        for e in derived[1]:
            lines.append(f"  - unit: {json.dumps(e['unit'], ensure_ascii=False)}")
            action = next(k for k in ("add", "set", "remove") if k in e)
            lines.append(f"    {action}: {json.dumps(e[action], ensure_ascii=False)}")
            lines.append("    why: null")
    return "\n".join(lines) + "\n"


def derive(a_docs: dict, a_corpus: dict | None, b_docs: dict, b_corpus: dict | None,
           gold_docs: dict, gold_corpus: dict | None) -> tuple[list[dict], list[dict]]:
    """The decisions and edits that turn A and B into an existing gold (to move a hand-made
    adjudication into a decisions file): each difference takes the side the gold has, with
    `set` for the fields where the gold has neither; everything else the gold changed is an edit."""
    b_docs = align_clusters(a_docs, b_docs)
    diffs = differences(a_docs, a_corpus, b_docs, b_corpus)
    gold = {d: units(doc) for d, doc in gold_docs.items()}
    gold["corpus"] = corpus_units(gold_docs, gold_corpus)
    ours = {d: units(doc) for d, doc in a_docs.items()}
    ours["corpus"] = corpus_units(a_docs, a_corpus)
    decisions, edits = [], []
    for key, sides in diffs.items():
        where, _, unit = key.partition(" ")
        g = gold.get(where, {}).get(unit)
        side = next((s for s in SIDES if sides[s] == g), None)
        if side is None:  # the gold has neither version: edit the side that has the item
            side = "A" if sides["A"] is not None else "B"
            decisions.append({"difference": key, "take": side, "set": {k: v for k, v in (g or {}).items() if sides[side].get(k) != v}})
        else:
            decisions.append({"difference": key, "take": side})
    for where in gold:
        for unit in sorted(set(gold[where]) | set(ours.get(where, {}))):
            g, a = gold[where].get(unit), ours.get(where, {}).get(unit)
            if f"{where} {unit}" in diffs or g == a or (unit.startswith("entity ") and g is None):
                continue  # an entity comes and goes with its mentions
            if a is None:
                edits.append({"unit": f"{where} {unit}", "add": g})
            elif g is None:
                edits.append({"unit": f"{where} {unit}", "remove": True})
            else:
                edits.append({"unit": f"{where} {unit}", "set": {k: v for k, v in g.items() if a.get(k) != v}})
    return decisions, edits


def read_decisions(path: str | Path) -> tuple[list[dict], list[dict], list[Problem]]:
    """The decisions and the edits of an adjudication file (YAML or JSON)."""
    from ceasefire.schema.records import read_yaml

    data, problem = read_yaml(Path(path), "a YAML or JSON decisions file")
    if problem:
        return [], [], [problem]
    where = Location(str(path))
    if not isinstance(data, dict):
        return [], [], [Problem(where, None, "", "is not a mapping", has_value=False, allowed="decisions: [...] and, optionally, edits: [...]")]
    extra = sorted(set(data) - {"decisions", "edits"})
    problems = [Problem(where, None, k, "is not a part of an adjudication file", k, "decisions, edits") for k in extra]
    items, edits = data.get("decisions", []), data.get("edits", [])
    for name, value in (("decisions", items), ("edits", edits)):
        if not isinstance(value, list):
            problems.append(Problem(where, None, name, "is not a list", has_value=False, allowed=f"{name}: [...]"))
    return (items, edits, []) if not problems else ([], [], problems)


def apply(a_docs: dict, a_corpus: dict | None, b_docs: dict, b_corpus: dict | None, decisions: list[dict], *,
          schema: Schema, source: str = "decisions", edits: list[dict] | None = None,
          corpus_id: str | None = None) -> tuple[dict[str, dict], dict]:
    """The gold from A, B, the decisions and the edits; raise InputError naming every problem."""
    problems: list[Problem] = []

    def bad(i, field, message, value=None, allowed=None, has_value=True, doc=None):
        problems.append(Problem(Location(source), doc, f"decisions[{i}].{field}", message, value, allowed, has_value))

    only = sorted(set(a_docs) ^ set(b_docs))
    for d in only:
        problems.append(Problem(None, d, "", f"is annotated only in {'A' if d in a_docs else 'B'}", has_value=False,
                                allowed="two annotations of the same articles"))
    for d in sorted(set(a_docs) & set(b_docs)):
        if a_docs[d]["text"] != b_docs[d]["text"]:
            problems.append(Problem(None, d, "text", "differs between A and B", has_value=False, allowed="the same article text"))
    if problems:
        raise InputError(problems)
    b_docs = align_clusters(a_docs, b_docs)
    diffs = differences(a_docs, a_corpus, b_docs, b_corpus)
    chosen: dict[str, dict | None] = {}
    named: set[str] = set()  # differences with a decision, valid or not (a bad one is reported once)
    for i, dec in enumerate(decisions):
        if not isinstance(dec, dict):
            bad(i, "", "is not a mapping", dec, "{difference, take, set, why}")
            continue
        extra = sorted(set(dec) - {"difference", "take", "set", "why"})
        if extra:
            bad(i, extra[0], "is not a field of a decision", extra[0], "difference, take, set, why")
        key = dec.get("difference")
        if key not in diffs:
            bad(i, "difference", "matches no difference between A and B", key, "an id listed by `adjudicate --template`")
            continue
        if key in named:
            bad(i, "difference", "is decided twice", key)
            continue
        named.add(key)
        take = dec.get("take")
        if take not in SIDES:
            bad(i, "take", "is not a side", take, "A or B")
            continue
        value = copy.deepcopy(diffs[key][take])
        edit = dec.get("set")
        if edit is not None:
            if not isinstance(edit, dict) or not edit:
                bad(i, "set", "is not a mapping of fields", edit, "{field: value}")
                continue
            if value is None:
                bad(i, "set", f"edits an item that {take} does not have", edit, "take the side that has it")
                continue
            unknown = sorted(set(edit) - set(value) - {"optional", "optional_reason", "detail", "mode", "qid"})
            if unknown:
                bad(i, f"set.{unknown[0]}", "is not a field of this item", unknown[0], ", ".join(sorted(value)))
                continue
            value.update(edit)
        chosen[key] = value
    for key in diffs:
        if key not in named:
            problems.append(Problem(Location(source), key.split(" ", 1)[0], "decisions", f"no decision for the difference {key!r}",
                                    has_value=False, allowed="one decision per difference (`adjudicate --template` lists them)"))
    if problems:
        raise InputError(problems)
    return _build(a_docs, a_corpus, b_docs, chosen, edits or [], schema=schema, source=source, diffs=diffs, corpus_id=corpus_id)


def _span_name(kind: str, item: dict) -> str | None:
    try:
        return _name(kind, item)
    except (KeyError, TypeError):
        return None


def _edit(merged: dict, unit: str, e: dict, i: int, bad, allowed_kinds: tuple[str, ...]) -> None:
    """Apply one edit to a unit table (a document's or the corpus's links)."""
    actions = [k for k in ("add", "set", "remove") if k in e]
    if len(actions) != 1:
        bad(i, "", "needs exactly one of add, set, remove", sorted(e), "add: {...} | set: {...} | remove: true")
        return
    action = actions[0]
    kind = unit.split(" ", 1)[0]
    if kind not in allowed_kinds:
        bad(i, "unit", "is not a unit name", unit, ", ".join(f"'{k} ...'" for k in allowed_kinds))
        return
    if action == "add":
        if unit in merged:
            bad(i, "unit", "is already in the result; `set` changes it", unit)
        elif kind in SPAN_LAYERS and isinstance(e["add"], dict) and _span_name(kind, e["add"]) != unit:
            bad(i, "add", f"gives a span that does not match the unit name ({_span_name(kind, e['add'])})", e["add"], unit)
        elif not isinstance(e["add"], dict):
            bad(i, "add", "is not a mapping of the item's fields", e["add"])
        else:
            merged[unit] = copy.deepcopy(e["add"])
        return
    if unit not in merged:
        bad(i, "unit", f"is not in the result, so it cannot be {'changed' if action == 'set' else 'removed'}", unit)
    elif action == "remove":
        if e["remove"] is not True:
            bad(i, "remove", "is not true", e["remove"], "true")
        else:
            del merged[unit]
    elif not isinstance(e["set"], dict) or not e["set"]:
        bad(i, "set", "is not a mapping of fields", e["set"], "{field: value}")
    else:
        merged[unit].update(copy.deepcopy(e["set"]))


def _build(a_docs, a_corpus, b_docs, chosen, edits, *, schema, source, diffs, corpus_id=None):
    problems: list[Problem] = []

    def bad(i, field, message, value=None, allowed=None, has_value=True):
        problems.append(Problem(Location(source), None, f"edits[{i}].{field}".rstrip("."), message, value, allowed, has_value))

    tables = {d: units(a_docs[d]) for d in a_docs}
    tables["corpus"] = corpus_units(a_docs, a_corpus)
    for key, value in chosen.items():
        where, _, unit = key.partition(" ")
        if value is None:
            tables[where].pop(unit, None)
        else:
            tables[where][unit] = value
    for i, e in enumerate(edits):
        if not isinstance(e, dict) or not isinstance(e.get("unit"), str):
            bad(i, "unit", "is missing or not a string", e.get("unit") if isinstance(e, dict) else e, "'DOC UNIT' or 'corpus UNIT'")
            continue
        extra = sorted(set(e) - {"unit", "add", "set", "remove", "why"})
        if extra:
            bad(i, extra[0], "is not a field of an edit", extra[0], "unit, add, set, remove, why")
            continue
        where, _, unit = e["unit"].partition(" ")
        if where not in tables:
            bad(i, "unit", "names no document of the annotations", where, ", ".join(sorted(tables)))
        elif e["unit"] in diffs:
            bad(i, "unit", "is a difference between A and B; decide it under `decisions`", e["unit"])
        else:
            _edit(tables[where], unit, e, i, bad, ("link",) if where == "corpus" else DOC_KINDS)
    if problems:
        raise InputError(problems)

    docs = {}
    for d in sorted(a_docs):
        docs[d] = _rebuild(a_docs[d], tables[d], units(b_docs[d]), problems, d, schema)
    corpus = _rebuild_corpus({"id": corpus_id} if corpus_id else a_corpus, docs, tables["corpus"], problems)
    if problems:
        raise InputError(problems)
    loaded = [Loaded(docs[d], Location(f"{source} (result, document {d})")) for d in docs] + [Loaded(corpus, Location(f"{source} (result, corpus)"))]
    result = validate_records(loaded, schema=schema, mode=GOLD)
    if result.problems:
        raise InputError(result.problems)
    return result.documents, result.corpus


def _rebuild(base: dict, merged: dict[str, dict], b_units: dict[str, dict], problems: list, d: str, schema: Schema) -> dict:
    """A record from its units: ids in text order, references resolved, entities from use."""
    doc = {k: v for k, v in base.items() if k not in ("mentions", "entities", "events", "claims", "relations")}
    doc["meta"] = merged["meta"]["meta"]
    ids: dict[str, str] = {}
    for kind, (layer, part, prefix) in SPAN_LAYERS.items():
        names = sorted((n for n in merged if n.startswith(kind + " ")),
                       key=lambda n: ((merged[n][part] if part else merged[n])["start"], -(merged[n][part] if part else merged[n])["end"]))
        for i, n in enumerate(names, 1):
            ids[n] = f"{prefix}{i}"

    def ref(name, where):
        if name is None:
            return None
        if name not in ids:
            problems.append(Problem(None, d, where, "refers to an item the result does not have (decide it in as well)", name,
                                    "a mention, event or claim of the result"))
        return ids.get(name)

    for kind, (layer, _, _) in SPAN_LAYERS.items():
        doc[layer] = []
        for n, i in ids.items():
            if not n.startswith(kind + " "):
                continue
            item = {"id": i, **copy.deepcopy(merged[n])}
            if kind == "event":
                item["arguments"] = [{"role": a["role"], "ref": ref(a["ref"], f"{n} argument {a['role']}")} for a in item["arguments"]]
            if kind == "claim":
                item["source"] = ref(item["source"], f"{n} source")
                item["parent"] = ref(item["parent"], f"{n} parent")
            doc[layer].append(item)
    used = sorted({m["entity"] for m in doc["mentions"]})
    doc["entities"] = [{"id": e, **(merged.get(f"entity {e}") or b_units.get(f"entity {e}") or {})} for e in used]
    doc["relations"] = []
    for n, value in merged.items():
        if n.startswith("relation "):
            typ, _, rest = n[len("relation "):].partition("(")
            head, _, tail = rest[:-1].partition(" -> ")
            doc["relations"].append({"id": "r0", "type": typ, "head": ref(head, n), "tail": ref(tail, n), **value})
    order = [k for k in base if k in doc] + [k for k in doc if k not in base]
    return canonical_document({k: doc[k] for k in order}, list(schema.roles))


def _rebuild_corpus(base: dict | None, docs: dict[str, dict], links: dict[str, dict], problems: list) -> dict:
    ids = {d: {_name(k, i): i["id"] for k, (layer, _, _) in SPAN_LAYERS.items() for i in doc[layer]} for d, doc in docs.items()}
    relations = []
    for n, value in links.items():
        typ, _, rest = n[len("link "):].partition("(")
        ends = []
        for end in rest[:-1].split(" -> "):
            doc_id, _, name = end.partition(":")
            if name not in ids.get(doc_id, {}):
                problems.append(Problem(None, doc_id, n, "links an item the result does not have (decide it in as well)", name,
                                        "a mention, event or claim of the result"))
            ends.append({"doc": doc_id, "id": ids.get(doc_id, {}).get(name)})
        relations.append({"id": "x0", "type": typ, "head": ends[0], "tail": ends[1], **value})
    corpus = {"record": "corpus", "id": (base or {}).get("id", "ceasefire"), "documents": sorted(docs), **clusters_from_use(docs),
              "relations": relations}
    return canonical_corpus(corpus, docs)
