"""The Label Studio round trip against a real server on 127.0.0.1.

One server (label-studio 1.23.2) is started for the module on a free port with a
temporary data folder, and stopped at the end whatever happens.
"""

import copy
import json

import pytest

from ceasefire.annotate.labelstudio.config import build_config
from ceasefire.annotate.labelstudio.convert import tasks_for
from ceasefire.annotate.labelstudio.importer import import_tasks
from ceasefire.annotate.labelstudio.server import (Credentials, Server, client, ensure_project, export_full_json, export_plain,
                                          free_port, import_missing_tasks)
from ceasefire.schema import load_schema

from helpers.ls_helpers import gold, serve_process

#: needs a Label Studio server: `pytest -m "not server and not browser"` leaves it out
pytestmark = pytest.mark.server

SCHEMA = load_schema()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("labelstudio")
    srv = Server(folder, free_port(), Credentials.load_or_create(folder))
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()
        assert srv.proc is None or srv.proc.poll() is not None, "the server must be stopped"


@pytest.fixture(scope="module")
def project(server):
    ls = client(server.url, server.creds.token)
    g = gold()
    pid = ensure_project(ls, build_config(SCHEMA), title="round trip")
    assert import_missing_tasks(ls, pid, tasks_for(g.documents, g.corpus)) == 2
    return ls, pid


def _ui_like(export, seed=11):
    """Shuffle results and add the `origin` field, as the Label Studio UI does on submit."""
    import random

    rng = random.Random(seed)
    export = copy.deepcopy(export)
    for task in export:
        for ann in task["annotations"]:
            rng.shuffle(ann["result"])
            for item in ann["result"]:
                if item["type"] != "relation":
                    item["origin"] = "prediction"
    return export


def test_server_listens_on_loopback_only(server):
    assert server.url.startswith("http://127.0.0.1:") and server.healthy()


@pytest.mark.parametrize("kind", ["snapshot", "plain"])
def test_gold_round_trips_through_the_server(server, project, kind):
    ls, pid = project
    export = export_full_json(ls, pid) if kind == "snapshot" else export_plain(server.url, server.creds.token, pid)
    assert len(export) == 2
    g = gold()
    docs, corpus, problems = import_tasks(_ui_like(export), f"{kind} export", SCHEMA)
    assert problems == []
    assert docs == g.documents
    assert corpus == g.corpus


def test_committed_export_is_what_this_server_makes_of_the_gold(server, project):
    """data/labelstudio/export.json is the gold imported into Label Studio 1.23.2 and exported as a
    full JSON snapshot (the same helpers); each task's data and result are today's."""
    from helpers.paths import ROOT

    ls, pid = project
    committed = json.loads((ROOT / "data" / "labelstudio" / "export.json").read_text(encoding="utf-8"))
    fresh = export_full_json(ls, pid)

    def content(tasks):
        return {t["data"]["doc_id"]: (t["data"], t["annotations"][0]["result"]) for t in tasks}

    assert content(committed) == content(fresh)


def test_reimport_and_same_project_do_not_duplicate(server, project):
    ls, pid = project
    g = gold()
    assert ensure_project(ls, build_config(SCHEMA), title="round trip") == pid
    assert import_missing_tasks(ls, pid, tasks_for(g.documents, g.corpus)) == 0
    assert len(list(ls.tasks.list(project=pid))) == 2
    assert sum(p.title == "round trip" for p in ls.projects.list()) == 1


def test_an_edited_annotation_comes_back_as_exactly_that_change(server, project):
    ls, pid = project
    g = gold()
    export = export_plain(server.url, server.creds.token, pid)
    task = next(t for t in export if t["data"]["doc_id"] == "000_8ce9f93fccec955a")
    ann = task["annotations"][0]
    result = copy.deepcopy(ann["result"])
    doc = g.documents["000_8ce9f93fccec955a"]
    text = doc["text"]

    # 1. remove a mention no annotation refers to (region and its per-region items)
    used = {a["ref"] for e in doc["events"] for a in e["arguments"]} | {c["source"] for c in doc["claims"]}
    used |= {r["head"] for r in doc["relations"]} | {r["tail"] for r in doc["relations"]}
    per_entity = {}
    for m in doc["mentions"]:
        per_entity[m["entity"]] = per_entity.get(m["entity"], 0) + 1
    removed = next(m for m in doc["mentions"] if m["id"] not in used and per_entity[m["entity"]] > 1)
    result = [x for x in result if x.get("id") != removed["id"]]
    # 2. add a region the way the UI does (random id), with its attributes
    s = text.index("Middle Eastern")
    span = {"start": s, "end": s + len("Middle Eastern"), "text": "Middle Eastern"}
    new_id = "Xy7kP0qZ1a"
    result += [
        {"id": new_id, "from_name": "mention", "to_name": "text", "type": "labels", "origin": "manual", "value": {**span, "labels": ["LOCATION"]}},
        {"id": new_id, "from_name": "level", "to_name": "text", "type": "choices", "origin": "manual", "value": {**span, "choices": ["NAM"]}},
        {"id": new_id, "from_name": "entity", "to_name": "text", "type": "choices", "origin": "manual", "value": {**span, "choices": ["middle_east"]}},
    ]
    # 3. change one attribute: the polarity of the first event
    first_event = doc["events"][0]
    for x in result:
        if x.get("id") == first_event["id"] and x["from_name"] == "polarity":
            x["value"]["choices"] = ["NEGATIVE"]
    ls.annotations.update(id=ann["id"], result=result)

    after = export_plain(server.url, server.creds.token, pid)
    docs, corpus, problems = import_tasks(_ui_like(after), "edited export", SCHEMA)
    assert problems == []

    expected = copy.deepcopy(doc)
    expected["mentions"] = [m for m in expected["mentions"] if m["id"] != removed["id"]]
    expected["mentions"].append({"id": new_id, **span, "type": "LOCATION", "level": "NAM", "entity": "middle_east"})
    expected["events"][0]["polarity"] = "NEGATIVE"
    from ceasefire.schema.records import canonical_document

    assert docs["000_8ce9f93fccec955a"] == canonical_document(expected, list(SCHEMA.roles))
    assert docs["004_2b10ae636b3461d6"] == g.documents["004_2b10ae636b3461d6"]
    assert corpus == g.corpus
    ls.annotations.update(id=ann["id"], result=ann["result"])  # put the gold back for other tests


def test_serve_command_starts_reuses_and_stops(tmp_path):
    folder = tmp_path / "ls"
    port = free_port()
    outputs = []
    for _ in range(2):
        with serve_process("--dir", folder, "--port", port) as run:
            pass
        assert run.proc.returncode == 0, "".join(run.lines)
        outputs.append("".join(run.lines))
    assert "2 task(s) imported, 0 already there" in outputs[0]
    assert "0 task(s) imported, 2 already there" in outputs[1]
    assert f"http://127.0.0.1:{port}" in outputs[0] and "log in as" in outputs[0]
    creds = json.loads((folder / "credentials.json").read_text())
    assert creds["password"] in outputs[0]
    # the server is gone after Ctrl-C
    import socket

    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0
