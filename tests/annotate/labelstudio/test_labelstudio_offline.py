"""Label Studio config, tasks and the export importer, without a server."""

import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasefire.annotate.labelstudio.config import build_config
from ceasefire.annotate.labelstudio.convert import from_results, tasks_for
from ceasefire.annotate.labelstudio.importer import import_tasks
from ceasefire.schema import load_schema
from ceasefire.schema.model import SCHEMA_FILE
from ceasefire.schema.records import canonical_document

from helpers.ls_helpers import export_like, gold

ROOT = SCHEMA_FILE.parents[1]
SCHEMA = load_schema()


def test_committed_config_is_in_sync_with_the_schema():
    assert (ROOT / "annotate" / "labelstudio" / "labelstudio.xml").read_text(encoding="utf-8") == build_config(SCHEMA)


def test_config_parses_with_the_sdk_and_covers_the_schema():
    from label_studio_sdk.label_interface import LabelInterface

    li = LabelInterface(build_config(SCHEMA))
    controls = {c.name: c for c in li.controls}
    assert set(controls["mention"].labels) == set(SCHEMA.mention_types)
    assert set(controls["trigger"].labels) == set(SCHEMA.event_types)
    xml = build_config(SCHEMA)
    plain = [t for t in SCHEMA.relation_types if t not in SCHEMA.detail_types]
    with_detail = [f"{t}/{d}" for t in SCHEMA.detail_types for d in SCHEMA.relation_detail]
    for label in [*SCHEMA.roles, *plain, *with_detail, "cue", "source", "parent"]:
        assert f'<Relation value="{label}"/>' in xml
    assert '<Relation value="CORROBORATES"/>' not in xml  # its detail is required: always part of the label
    for control in ("optional_mention", "optional_reason_trigger", "optional_relations_claim", "link_CONTRADICTS_SCOPE", "link_CORROBORATES_TIME_claim"):
        assert f'name="{control}"' in xml


def test_every_view_names_each_control_once():
    """The server refuses a config with two controls of one name ("Label config contains
    non-unique names"); the SDK's parser does not notice."""
    import re
    from collections import Counter

    from ceasefire.annotate.labelstudio.config import ALL, PASSES

    for pass_ in (ALL, *PASSES):
        names = Counter(re.findall(r'<\w+ name="([^"]+)"', build_config(SCHEMA, pass_)))
        assert [n for n, c in names.items() if c > 1] == [], pass_


def test_gold_tasks_pass_the_sdk_prediction_check():
    from label_studio_sdk.label_interface import LabelInterface

    li = LabelInterface(build_config(SCHEMA))
    g = gold()
    for task in tasks_for(g.documents, g.corpus, as_="predictions"):
        assert li.validate_prediction(task["predictions"][0])


def test_schema_change_flows_into_the_config(tmp_path):
    from ceasefire.schema import load_schema as load

    path = tmp_path / "schema.yaml"
    path.write_text(SCHEMA_FILE.read_text(encoding="utf-8").replace("    ASSAULT:\n", "    ATTACK:\n"), encoding="utf-8")
    xml = build_config(load(path))
    assert 'value="ATTACK"' in xml and 'value="ASSAULT"' not in xml


def test_gold_round_trips_offline_through_a_shuffled_export():
    g = gold()
    docs, corpus, problems = import_tasks(export_like(g.documents, g.corpus, seed=3), "export.json", SCHEMA)
    assert problems == []
    assert docs == g.documents and corpus == g.corpus


def test_committed_real_export_imports_to_the_gold(run_cli, tmp_path):
    out = tmp_path / "from-ls"
    r = run_cli("ceasefire-annotate", "import", ROOT / "data" / "labelstudio" / "export.json", "-o", out)
    assert r.returncode == 0, r.stderr
    g = gold()
    for d, doc in g.documents.items():
        assert json.loads((out / f"{d}.json").read_text(encoding="utf-8")) == doc
    assert json.loads((out / "corpus.json").read_text(encoding="utf-8")) == g.corpus


# --- malformed exports: one clear message per problem ------------------------------------------

def _first(result, pred):
    return next(i for i, item in enumerate(result) if pred(item))


def _break_offsets(res):
    i = _first(res, lambda x: x["type"] == "labels" and x["from_name"] == "mention")
    res[i]["value"]["start"] += 1


def _unknown_label(res):
    i = _first(res, lambda x: x["type"] == "labels" and x["from_name"] == "trigger")
    res[i]["value"]["labels"] = ["ATTACK"]
    # its attributes and relations go too, so that only the label is wrong
    rid = res[i]["id"]
    res[:] = [x for x in res if not (x.get("id") == rid and x["type"] != "labels") and x.get("from_id") != rid and x.get("to_id") != rid]


def _dangling(res):
    res.append({"type": "relation", "from_id": "v1", "to_id": "ghost", "direction": "right", "labels": ["ACTOR"]})


def _orphan(res):
    res.append({"id": "nowhere", "from_name": "level", "to_name": "text", "type": "choices", "value": {"start": 0, "end": 5, "text": "Putin", "choices": ["NAM"]}})


def _wrong_text(res):
    i = _first(res, lambda x: x["type"] == "labels" and x["from_name"] == "mention")
    res[i]["value"]["text"] = res[i]["value"]["text"].upper() + "X"


def _wrong_ends(res):
    res.append({"type": "relation", "from_id": "m1", "to_id": "m2", "direction": "right", "labels": ["ACTOR"]})


def _optional_line_without_relation(res):
    i = _first(res, lambda x: x["type"] == "labels" and x["from_name"] == "trigger")
    res.append({**res[i], "from_name": "optional_relations_trigger", "type": "textarea",
                "value": {**{k: res[i]["value"][k] for k in ("start", "end", "text")}, "text": ["CORROBORATES/TIME ghost: why"]}})


def _reason_without_optional(res):
    i = _first(res, lambda x: x["type"] == "labels" and x["from_name"] == "mention")
    res.append({**res[i], "from_name": "optional_reason_mention", "type": "textarea",
                "value": {**{k: res[i]["value"][k] for k in ("start", "end", "text")}, "text": ["why"]}})


def _detail_missing(res):
    i = _first(res, lambda x: x["type"] == "relation" and any(label.startswith("CORROBORATES/") for label in x["labels"]))
    res[i]["labels"] = ["CORROBORATES"]


CASES = {
    "optional entry naming no relation": (_optional_line_without_relation, "names no relation or link of this region"),
    "reason but not optional": (_reason_without_optional, '"why" gives a reason but the item is not marked optional'),
    "relation type without its detail": (_detail_missing, '["CORROBORATES"] is not a list of known relation labels'),
    "bad offsets": (_break_offsets, "does not match the task text"),
    "unknown label": (_unknown_label, '["ATTACK"] is not one known trigger label'),
    "dangling relation": (_dangling, '"ghost" does not name a region of this task (dangling relation)'),
    "orphan per-region item": (_orphan, '"nowhere" is a per-region level item whose region does not exist'),
    "wrong span text": (_wrong_text, "does not match the task text"),
    "relation with wrong ends": (_wrong_ends, "joins a mention to a mention; allowed: an argument role goes from a trigger"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_export_gives_one_clear_message(run_cli, tmp_path, name):
    g = gold()
    export = export_like(g.documents, g.corpus)
    mutate, fragment = CASES[name]
    mutate(export[0]["annotations"][0]["result"])
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("ceasefire-annotate", "import", path, "-o", out)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, r.stderr
    assert fragment in errors[0] and "task 1" in errors[0] and "000_8ce9f93fccec955a" in errors[0]
    assert not out.exists()


def test_all_problems_of_an_export_are_reported_at_once(run_cli, tmp_path):
    g = gold()
    export = export_like(g.documents, g.corpus)
    for name, (mutate, _) in CASES.items():
        if name in ("dangling relation", "orphan per-region item", "unknown label"):
            mutate(export[0]["annotations"][0]["result"])
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    r = run_cli("ceasefire-annotate", "import", path, "-o", tmp_path / "out")
    assert r.returncode == 2
    assert len([line for line in r.stderr.splitlines() if line.startswith("error:")]) == 3


def test_not_json_and_not_an_export(run_cli, tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{nope")
    r = run_cli("ceasefire-annotate", "import", bad, "-o", tmp_path / "o")
    assert r.returncode == 2 and "is not valid JSON" in r.stderr
    bad.write_text('{"not": "a list"}')
    r = run_cli("ceasefire-annotate", "import", bad, "-o", tmp_path / "o")
    assert r.returncode == 2 and "is not a Label Studio JSON export" in r.stderr


# --- property test: random documents through the conversion --------------------------------------

ALPHABET = string.ascii_letters + "  ,.“”‘’—\n😀é"


@st.composite
def documents(draw):
    text = "\n\n" + draw(st.text(alphabet=ALPHABET, min_size=30, max_size=120))
    n = len(text)

    def span():
        s = draw(st.integers(0, n - 2))
        e = draw(st.integers(s + 1, min(n, s + 12)))
        return {"start": s, "end": e, "text": text[s:e]}

    mention_types = list(SCHEMA.mention_types)
    mentions, used = [], set()
    for i in range(draw(st.integers(1, 6))):
        sp = span()
        if (sp["start"], sp["end"]) in used:
            continue
        used.add((sp["start"], sp["end"]))
        ent = draw(st.sampled_from(["e1", "e2", "e3"]))
        mentions.append({"id": f"m{i}", **sp, "type": {"e1": "PERSON", "e2": "STATE", "e3": "OBJECT"}[ent],
                         "level": draw(st.sampled_from(list(SCHEMA.mention_levels))), "entity": ent})
    entities = [{"id": e, "type": {"e1": "PERSON", "e2": "STATE", "e3": "OBJECT"}[e], "name": f"name “{e}” 😀",
                 "qid": draw(st.sampled_from([None, "Q7747"]))} for e in sorted({m["entity"] for m in mentions})]
    events, tused = [], set()
    for i in range(draw(st.integers(0, 3))):
        sp = span()
        if (sp["start"], sp["end"]) in tused:
            continue
        tused.add((sp["start"], sp["end"]))
        etype = draw(st.sampled_from(list(SCHEMA.event_types)))
        modes = list(SCHEMA.event_types[etype].modes)
        args = []
        for m in draw(st.lists(st.sampled_from(mentions), max_size=2, unique_by=lambda m: m["id"])):
            args.append({"role": draw(st.sampled_from(list(SCHEMA.roles))), "ref": m["id"]})
        events.append({"id": f"v{i}", "type": etype, "mode": draw(st.sampled_from([None, *modes])), "trigger": sp,
                       "polarity": draw(st.sampled_from(list(SCHEMA.polarity))), "modality": draw(st.sampled_from(list(SCHEMA.modality))),
                       "cluster": draw(st.sampled_from(["k1", "k2"])), "arguments": args})
    claims = []
    for i in range(draw(st.integers(0, 2))):
        claims.append({"id": f"c{i}", "source": draw(st.sampled_from([None, *[m["id"] for m in mentions]])), "cue": span(), "content": span(),
                       "quote_type": draw(st.sampled_from(list(SCHEMA.quote_type))), "check_worthiness": draw(st.sampled_from(list(SCHEMA.check_worthiness))),
                       "parent": None})
    if len(claims) == 2 and draw(st.booleans()):
        claims[1]["parent"] = "c0"
    ids = [m["id"] for m in mentions] + [e["id"] for e in events] + [c["id"] for c in claims]
    relations, seen = [], set()
    for j in range(draw(st.integers(0, 3))):
        rtype = draw(st.sampled_from(list(SCHEMA.relation_types)))
        detail = {"detail": draw(st.sampled_from(list(SCHEMA.relation_detail)))} if rtype in SCHEMA.detail_types else {}
        head, tail = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        if (rtype, head, tail) in seen:
            continue  # a repeated relation is not a valid record (the validator refuses it): nothing to round-trip
        seen.add((rtype, head, tail))
        relations.append({"id": f"r{j}", "type": rtype, "head": head, "tail": tail, **detail})
    for item in (*mentions, *events, *claims, *relations):  # optional items, with a reason of any text on one line
        if draw(st.booleans()):
            item.update(optional=True, optional_reason=draw(st.sampled_from(["debatable: “see 2.5” 😀", "x", "a: b"])))
    return {"id": "doc", "meta": {"title": None}, "text": text, "mentions": mentions, "entities": entities,
            "events": events, "claims": claims, "relations": relations}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), seed=st.integers(0, 1000))
def test_random_documents_round_trip_through_label_studio_json(doc, seed):
    """Any document survives records -> Label Studio results (shuffled, with UI fields) -> records.
    Curly quotes, an emoji, leading blank lines, overlapping and nested spans, relations and
    per-region attributes are all in the generated documents."""
    import random

    task = tasks_for({doc["id"]: doc}, None)[0]
    results = task["annotations"][0]["result"]
    random.Random(seed).shuffle(results)
    for item in results:
        item.setdefault("origin", "manual")
    back = from_results(task["data"], json.loads(json.dumps(results)), SCHEMA)
    assert back.problems == []
    expected = canonical_document(doc, list(SCHEMA.roles))
    assert back.document == expected


# --- passes, multi-label relations, picked ids -------------------------------------------------

from ceasefire.annotate.labelstudio.config import ALL, PASSES  # noqa: E402

SAME_PAIR = {("000_8ce9f93fccec955a", "v44", "v46"), ("004_2b10ae636b3461d6", "v22", "v23"),
             ("004_2b10ae636b3461d6", "v50", "v52"), ("004_2b10ae636b3461d6", "v62", "v63")}


def _export(tasks):
    return [{"id": i + 1, "data": t["data"], "annotations": [{"id": 50 + i, "result": t["annotations"][0]["result"]}]}
            for i, t in enumerate(json.loads(json.dumps(tasks)))]


@pytest.mark.parametrize("pass_", [ALL, *PASSES])
def test_every_pass_round_trips_the_gold(pass_):
    g = gold()
    docs, corpus, problems = import_tasks(_export(tasks_for(g.documents, g.corpus, pass_=pass_)), "export.json", SCHEMA)
    assert problems == []
    assert docs == g.documents and corpus == g.corpus


def test_one_relation_result_per_pair_carries_every_label():
    g = gold()
    pairs = {}
    for task in tasks_for(g.documents, g.corpus):
        rels = [x for x in task["annotations"][0]["result"] if x["type"] == "relation"]
        keys = [(x["from_id"], x["to_id"]) for x in rels]
        assert len(keys) == len(set(keys)), "the UI keeps one relation per ordered pair"
        pairs.update({(task["data"]["doc_id"], x["from_id"], x["to_id"]): x["labels"] for x in rels})
    for key in SAME_PAIR:
        assert len(pairs[key]) == 2, key
    assert sorted(pairs[("000_8ce9f93fccec955a", "v44", "v46")]) == ["RESPONDS_TO", "THEME"]


def test_required_fields_carry_their_own_condition():
    """Label Studio checks a required field against every region unless the field itself says
    which regions it belongs to (Submit was blocked on every task)."""
    import xml.etree.ElementTree as ET

    for pass_ in (ALL, *PASSES):
        root = ET.fromstring(build_config(SCHEMA, pass_))
        required = [el for el in root.iter() if el.get("required") == "true"]
        assert all(el.get("visibleWhen") == "region-selected" and el.get("whenTagName") for el in required)
    root = ET.fromstring(build_config(SCHEMA))
    claim_fields = [el for el in root.iter() if el.get("name") in ("quote_type", "check_worthiness")]
    assert all(el.get("whenLabelValue") == "CONTENT" for el in claim_fields)
    modes = [el for el in root.iter() if (el.get("name") or "").startswith("mode_")]
    assert {el.get("whenLabelValue") for el in modes} == {t for t, e in SCHEMA.event_types.items() if e.modes}
    assert root.find(".//Relations").get("choice") == "multiple"


def test_ids_are_picked_from_the_corpus_with_their_names():
    g = gold()
    task = tasks_for(g.documents, g.corpus)[0]
    options = {o["alias"]: o["value"] for o in task["data"]["entities"]}
    assert options["putin"] == "Vladimir Putin (putin)"
    assert {e["id"] for d in g.documents.values() for e in d["entities"]} == set(options)
    assert {e["cluster"] for d in g.documents.values() for e in d["events"] if e.get("cluster")} == {o["alias"] for o in task["data"]["event_clusters"]}
    assert all(not o["alias"].startswith("000_") for o in task["data"]["link_targets"]), "links point to the other articles"


def _edit(task, fn):
    result = task["annotations"][0]["result"]
    fn(result)
    return task


def test_a_pass_changes_only_its_own_layers():
    g = gold()
    doc_id = "000_8ce9f93fccec955a"
    tasks = tasks_for(g.documents, g.corpus, pass_="events")

    def drop_first_event(result):
        rid = g.documents[doc_id]["events"][0]["id"]
        result[:] = [x for x in result if x.get("id") != rid and x.get("from_id") != rid and x.get("to_id") != rid]

    _edit(tasks[0], drop_first_event)
    docs, corpus, problems = import_tasks(_export(tasks), "events.json", SCHEMA)
    gone = g.documents[doc_id]["events"][0]["id"]
    # the event is gone; every other layer is the gold's (the validator reports what referred to it)
    assert [e["id"] for e in docs[doc_id]["events"]] == [e["id"] for e in g.documents[doc_id]["events"] if e["id"] != gone]
    assert docs[doc_id]["mentions"] == g.documents[doc_id]["mentions"] and docs[doc_id]["claims"] == g.documents[doc_id]["claims"]
    assert not any("was deleted" in p.message or "was added or changed" in p.message for p in problems)


def test_a_pass_refuses_changes_to_layers_it_does_not_own():
    g = gold()
    tasks = tasks_for(g.documents, g.corpus, pass_="claims")

    def move_a_mention(result):
        m = next(x for x in result if x["type"] == "labels" and x["from_name"] == "mention")
        m["value"]["labels"] = ["GROUP" if m["value"]["labels"] != ["GROUP"] else "PERSON"]

    _edit(tasks[0], move_a_mention)
    _, _, problems = import_tasks(_export(tasks), "claims.json", SCHEMA)
    assert len(problems) == 1 and "was added or changed in the claims pass, which does not own mention regions" in problems[0].message


# --- what `pull` takes, and the review round trip without a server -----------------------------

def _task_with(annotations=(), drafts=(), predictions=()):
    g = gold()
    task = tasks_for({"000_8ce9f93fccec955a": g.documents["000_8ce9f93fccec955a"]}, g.corpus)[0]
    result = task["annotations"][0]["result"]
    return {"id": 7, "data": task["data"], "annotations": [{"result": result, **a} for a in annotations],
            "drafts": [{"result": result, **d} for d in drafts], "predictions": [{"result": result, **p} for p in predictions]}


def test_pull_says_whose_annotation_it_took_and_names_drafts():
    task = _task_with(annotations=[{"id": 1, "completed_by": 3, "updated_at": "2026-11-28T10:00:00Z"},
                                   {"id": 2, "completed_by": {"email": "b@x"}, "updated_at": "2026-11-28T11:00:00Z"}],
                      drafts=[{"id": 9, "user": "c@x", "updated_at": "2026-11-28T12:00:00Z"}])
    notes = []
    import_tasks([task], "export.json", SCHEMA, notes=notes)
    assert "2 annotations (#1 by user 3, #2 by user b@x): took the newest, #2 by user b@x" in notes[0]
    assert "unsubmitted draft #9 by user c@x, NOT included" in notes[1]
    notes = []
    import_tasks([task], "export.json", SCHEMA, drafts=True, notes=notes)
    assert "took the unsubmitted draft #9 by user c@x (--drafts)" in notes[1]


def test_an_unsubmitted_task_is_named_not_passed_off_as_annotated():
    notes = []
    import_tasks([_task_with(predictions=[{"id": 4, "model_version": "baseline"}])], "export.json", SCHEMA, notes=notes)
    assert notes == ["task 7 (000_8ce9f93fccec955a): not submitted: took its pre-annotation (prediction #4, model_version 'baseline')"]


def test_review_tasks_convert_back_to_exactly_the_predictions(run_cli, tmp_path):
    from ceasefire.schema.corpus import load_gold, load_predictions

    baseline = ROOT / "leaderboard" / "baseline.jsonl"
    r = run_cli("ceasefire-annotate", "tasks", baseline, "--as-predictions", "-o", tmp_path / "review.json")
    assert r.returncode == 0, r.stderr
    tasks = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
    assert {t["predictions"][0]["model_version"] for t in tasks} == {"baseline"}
    r = run_cli("ceasefire-annotate", "import", tmp_path / "review.json", "--predictions", "-o", tmp_path / "back.jsonl")
    assert r.returncode == 0, r.stderr
    g = load_gold(None, schema=SCHEMA)
    pred, _ = load_predictions([baseline], g, schema=SCHEMA, allow_missing=True)
    back, _ = load_predictions([tmp_path / "back.jsonl"], g, schema=SCHEMA, allow_missing=True)
    assert back.documents == {d: canonical_document(doc, list(SCHEMA.roles)) for d, doc in pred.documents.items()}
    assert back.corpus == pred.corpus
    r = run_cli("ceasefire-annotate", "tasks", baseline, "--as-predictions", "--model-version", "v2")
    assert {t["predictions"][0]["model_version"] for t in json.loads(r.stdout)} == {"v2"}


def test_a_fresh_pass_task_starts_from_nothing():
    g = gold()
    task = tasks_for(g.documents, g.corpus, as_="none", pass_="actors")[0]
    base = task["data"]["base"]["document"]
    assert all(base[layer] == [] for layer in ("mentions", "entities", "events", "claims", "relations"))
    assert base["text"] == g.documents[task["data"]["doc_id"]]["text"]


def test_an_export_whose_every_task_is_refused_says_so_once_per_task():
    """No "holds no document record" after the tasks' own messages: that the records hold no
    document follows from the tasks being refused (issue 27)."""
    tasks = json.loads((ROOT / "data" / "labelstudio" / "export.json").read_text(encoding="utf-8"))
    for task in tasks:
        task["data"]["doc_id"] = "../x"
    _, _, problems = import_tasks(tasks, "export.json", SCHEMA)
    assert [p.field for p in problems] == ["data.doc_id"] * len(tasks), [p.format() for p in problems]
