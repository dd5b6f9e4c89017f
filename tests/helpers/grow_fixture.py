"""A constructed third article (made-up topic) and two annotations of it, for the
growing-the-corpus tests. Offsets are found in the text, never typed."""

import copy
import json
import shutil
from pathlib import Path

from ceasefire.data import data_dir
from helpers.paths import FIXTURES

ARTICLE = FIXTURES / "marova_accord.txt"


def corpus_copy(tmp_path: Path) -> Path:
    """A copy of the shipped corpus (articles and gold), laid out like data/."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for part in ("articles", "gold"):
        shutil.copytree(data_dir() / part, corpus / part)
    return corpus


def span(text: str, s: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(s, start + 1)
    return {"start": start, "end": start + len(s), "text": s}


def annotation_a(doc_id: str, text: str, meta: dict) -> dict:
    """Annotator A's record of the new article. ("Monday" is left out: the shipped 004 does
    not annotate its "Monday"s, and the lint's name rule holds across the corpus.)"""
    def m(i, s, nth, typ, level, entity):
        return {"id": i, **span(text, s, nth), "type": typ, "level": level, "entity": entity}

    mentions = [
        m("m1", "Velland", 0, "STATE", "NAM", "velland"), m("m2", "Ostria", 0, "STATE", "NAM", "ostria"),
        m("m3", "Velland", 1, "STATE", "NAM", "velland"), m("m4", "Ostria", 1, "STATE", "NAM", "ostria"),
        m("m6", "Velland", 2, "STATE", "NAM", "velland"),
        m("m7", "Ana Trell", 0, "PERSON", "NAM", "trell"), m("m8", "Ostria", 2, "STATE", "NAM", "ostria"),
        m("m9", "Russia", 0, "STATE", "NAM", "russia"), m("m10", "a spokesman", 0, "PERSON", "NOM", "russia_spokesman"),
    ]
    entities = [
        {"id": "ostria", "type": "STATE", "name": "Ostria", "qid": None},
        {"id": "russia", "type": "STATE", "name": "Russia", "qid": "Q159"},   # the shipped articles' entity
        {"id": "russia_spokesman", "type": "PERSON", "name": "a spokesman", "qid": None},
        {"id": "trell", "type": "PERSON", "name": "Ana Trell", "qid": None},
        {"id": "velland", "type": "STATE", "name": "Velland", "qid": None},
    ]

    def v(i, s, typ, modality, cluster, arguments):
        return {"id": i, "type": typ, "mode": None, "trigger": span(text, s), "polarity": "POSITIVE", "modality": modality,
                "cluster": cluster, "arguments": [{"role": r, "ref": ref} for r, ref in arguments]}

    events = [
        v("v1", "sign", "AGREE", "ASSERTED", "marova_accord", [("ACTOR", "m1"), ("ACTOR", "m2")]),
        v("v2", "signed", "AGREE", "ASSERTED", "marova_accord", [("ACTOR", "m3"), ("ACTOR", "m4")]),
        v("v3", "agreed", "AGREE", "ASSERTED", "ostria_agrees_release", [("ACTOR", "m8")]),
        v("v4", "welcomed", "SUPPORT", "ASSERTED", "russia_welcomes_accord", [("ACTOR", "m9")]),
    ]
    claims = [
        {"id": "c1", "source": "m7", "cue": span(text, "said"), "content": span(text, "the accord would end a dispute that began in 2019"),
         "quote_type": "INDIRECT", "check_worthiness": "UFS", "parent": None},
        {"id": "c2", "source": "m10", "cue": span(text, "said", 1), "content": span(text, "Russia welcomed the accord"),
         "quote_type": "INDIRECT", "check_worthiness": "CFS", "parent": None},
    ]
    relations = [{"id": "r1", "type": "SPOKESPERSON_FOR", "head": "m10", "tail": "m9"}]
    return {"id": doc_id, "meta": meta, "text": text, "mentions": mentions, "entities": entities, "events": events,
            "claims": claims, "relations": relations}


def annotation_b(doc: dict) -> dict:
    """Annotator B: five differences from A, one of each kind the decisions below settle."""
    b = copy.deepcopy(doc)
    text = b["text"]
    b["mentions"][8]["level"] = "NAM"                                   # "a spokesman" as a name
    b["events"][2]["modality"] = "PROPOSED"                              # "agreed": PROPOSED
    b["relations"] = []                                                  # no SPOKESPERSON_FOR
    b["claims"][0]["check_worthiness"] = "CFS"                           # Trell's claim check-worthy
    b["mentions"].append({"id": "m11", **span(text, "the two countries"), "type": "GROUP", "level": "NOM", "entity": "velland_ostria"})
    b["entities"].append({"id": "velland_ostria", "type": "GROUP", "name": "the two countries", "qid": None})
    return b


def write_annotation(folder: Path, gold: Path, new_doc: dict) -> Path:
    """The shipped gold plus the new article's record; the corpus record joins it to the
    shipped articles through the entity `russia`."""
    folder.mkdir(parents=True)
    for f in gold.glob("*.json"):
        if f.name != "corpus.json":
            shutil.copy(f, folder / f.name)
    corpus = json.loads((gold / "corpus.json").read_text(encoding="utf-8"))
    corpus["documents"] = sorted(corpus["documents"] + [new_doc["id"]])
    for c in corpus["entity_clusters"]:
        if c["id"] == "russia":
            c["documents"] = sorted(c["documents"] + [new_doc["id"]])
    (folder / "corpus.json").write_text(json.dumps(corpus, ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / f"{new_doc['id']}.json").write_text(json.dumps(new_doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


DECISIONS = """\
decisions:
  - difference: "{d} mention 'a spokesman'@{spokesman}"
    take: A
    why: a common noun phrase is NOM (1.2)
  - difference: "{d} event 'agreed'@{agreed}"
    take: B
    set: {{modality: ASSERTED}}
    why: "edit: B's item, but the agreement itself happened (2.4)"
  - difference: "{d} relation SPOKESPERSON_FOR(mention 'a spokesman'@{spokesman} -> mention 'Russia'@{russia})"
    take: A
    why: the spokesman speaks for Russia
  - difference: "{d} claim 'the accord would end a dispute that began in 2019'@{claim}"
    take: B
    why: when the dispute began is checkable
  - difference: "{d} mention 'the two countries'@{countries}"
    take: B
    why: a NOM mention of both states
edits:
  - unit: "{d} event 'welcomed'@{welcomed}"
    set: {{cluster: russia_welcomes_marova}}
    why: a clearer cluster id (both annotators agree on the event)
  - unit: "{d} relation MEMBER_OF(mention 'Ana Trell'@{trell} -> mention 'Velland'@{velland})"
    add: {{}}
    why: "neither annotated it: Velland's foreign minister is a member of Velland's government"
"""


def decisions(doc_id: str, text: str) -> str:
    return DECISIONS.format(d=doc_id, agreed=span(text, "agreed")["start"], spokesman=span(text, "a spokesman")["start"],
                            russia=span(text, "Russia")["start"], claim=span(text, "the accord would end")["start"],
                            countries=span(text, "the two countries")["start"], welcomed=span(text, "welcomed")["start"],
                            trell=span(text, "Ana Trell")["start"], velland=span(text, "Velland", 2)["start"])


def as_submitted(doc: dict, data: dict) -> list[dict]:
    """The result an annotator submits for ``doc`` on the Label Studio task whose data is ``data``,
    done the way the UI asks: an entity or event cluster the task's pick list holds is picked; any
    other is typed as a new id ('New entity: its id', 'New event cluster: its id'); an entity the
    task does not know with this name and QID gets them typed ('Entity name', 'Wikidata QID') on
    its first mention."""
    from ceasefire.annotate.labelstudio.config import ATTR, CLUSTERS, ENTITIES, ENTITY_INFO
    from ceasefire.annotate.labelstudio.convert import to_results

    picks = {ATTR["entity"]: ({o["alias"] for o in data[ENTITIES]}, ATTR["new_entity"]),
             ATTR["cluster"]: ({o["alias"] for o in data[CLUSTERS]}, ATTR["new_cluster"])}
    entities = {e["id"]: e for e in doc["entities"]}
    first = {}
    for m in doc["mentions"]:
        first.setdefault(m["entity"], m["id"])
    out = []
    for item in to_results(doc):
        control = item.get("from_name")
        if control not in picks:
            out.append(item)
            continue
        (value,) = item["value"]["choices"]
        span = {k: item["value"][k] for k in ("start", "end")}
        listed, new_control = picks[control]

        def typed(ctrl, text):
            return {"id": item["id"], "from_name": ctrl, "to_name": item["to_name"], "type": "textarea", "value": {**span, "text": [text]}}

        out.append(item if value in listed else typed(new_control, value))
        if control == ATTR["entity"] and first[value] == item["id"]:
            ent, known = entities[value], data[ENTITY_INFO].get(value) or {}
            if (known.get("name"), known.get("qid")) != (ent["name"], ent["qid"]):
                out.append(typed(ATTR["entity_name"], ent["name"]))
                if ent["qid"]:
                    out.append(typed(ATTR["entity_qid"], ent["qid"]))
    return out
