"""Growing the corpus through a real Label Studio server (label-studio 1.23.2 on 127.0.0.1),
the way a maintainer does it (docs/annotators.md, "Growing the corpus"):

    add -> preannotate -> serve --corpus C --records pre.jsonl --project alice --project bob
        -> each annotator submits on the new article's task in their own project
        -> pull --project alice / --project bob -> diff -> adjudicate -> lint -> agree

`serve` runs as the command itself; one server for the module. Each annotator's result is
what the UI makes on THAT task (:func:`grow_fixture.as_submitted`): ids the task's pick lists
hold are picked, new ones typed, and a new entity's name typed in 'Entity name'. The old
articles are not touched: `pull` takes their pre-annotation, the corpus's gold.
"""

import json
import subprocess
import sys

import pytest

from ceasefire.annotate.labelstudio.config import CLUSTERS, ENTITIES, ENTITY_INFO, LINK_TARGETS
from ceasefire.annotate.labelstudio.server import Credentials, client, find_project, free_port, project_title
from ceasefire.data import load_articles
from ceasefire.schema import load_schema
from ceasefire.schema.corpus import load_gold
from ceasefire.schema.records import canonical_document

from helpers import grow_fixture as fx
from helpers.ls_helpers import serve_process

#: needs a Label Studio server: `pytest -m "not server and not browser"` leaves it out
pytestmark = pytest.mark.server

SCHEMA = load_schema()
ANNOTATORS = ("alice", "bob")
OLD = ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6"]


def _run(tmp, *args, ok=True, module="ceasefire.annotate.cli"):
    r = subprocess.run([sys.executable, "-m", module, *map(str, args)], capture_output=True, text=True, cwd=tmp, timeout=900)
    assert (r.returncode == 0) == ok, f"{args}: {r.returncode} {r.stderr}"
    return r


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("grow_ls")
    corpus = fx.corpus_copy(tmp)
    _run(tmp, "add", fx.ARTICLE, "--corpus", corpus, "--title", "Velland and Ostria sign Marova water accord", "--language", "en")
    arts = load_articles(corpus / "articles")
    (new_id,) = set(arts) - set(load_articles())
    _run(tmp, "preannotate", "--corpus", corpus, "--document", new_id, "-o", tmp / "pre.jsonl")
    folder, port = tmp / "labelstudio", free_port()
    projects = [x for name in ANNOTATORS for x in ("--project", name)]
    with serve_process("--corpus", corpus, "--records", tmp / "pre.jsonl", *projects, "--dir", folder, "--port", port, cwd=tmp) as run:
        creds = Credentials.load_or_create(folder)
        yield {"id": new_id, "tmp": tmp, "corpus": corpus, "dir": folder, "port": port, "output": "".join(run.lines),
               "ls": client(f"http://127.0.0.1:{port}", creds.token), "a_doc": fx.annotation_a(new_id, arts[new_id]["text"], arts[new_id]["meta"]),
               "baseline": [json.loads(x) for x in (tmp / "pre.jsonl").read_text(encoding="utf-8").splitlines()]}


def _tasks(served, name):
    ls = served["ls"]
    project = find_project(ls, project_title("all", name))
    return {t.data["doc_id"]: t for t in ls.tasks.list(project=project)}


@pytest.fixture(scope="module")
def pulled(served):
    tmp, new = served["tmp"], served["id"]
    docs = {"alice": served["a_doc"], "bob": fx.annotation_b(served["a_doc"])}
    (tmp / "annotations").mkdir()  # as docs/annotators.md does: outputs go into existing folders
    for name in ANNOTATORS:
        task = _tasks(served, name)[new]
        served["ls"].annotations.create(id=task.id, result=fx.as_submitted(docs[name], task.data), was_cancelled=False)
        _run(tmp, "pull", "--dir", served["dir"], "--project", name, "-o", tmp / "annotations" / name)
    return {**served, **{f"{n}_doc": docs[n] for n in ANNOTATORS}, **{n: tmp / "annotations" / n for n in ANNOTATORS}}


def test_serve_loads_the_grown_corpus_per_annotator(served):
    """Every article in each annotator's project: the old ones with their gold, the new one with
    the baseline's predictions, and pick lists spanning all three."""
    new = served["id"]
    assert served["output"].count("3 task(s) imported, 0 already there") == len(ANNOTATORS)
    (base,) = [r for r in served["baseline"] if r.get("id") == new]
    for name in ANNOTATORS:
        tasks = _tasks(served, name)
        assert sorted(tasks) == [*OLD, new]
        (prediction,) = served["ls"].predictions.list(task=tasks[new].id)
        assert prediction.model_version == "pre"
        regions = {(r["value"]["start"], r["value"]["end"]) for r in prediction.result if r.get("type") == "labels"}
        assert {(m["start"], m["end"]) for m in base["mentions"]} <= regions
        for d in OLD:
            (gold_pred,) = served["ls"].predictions.list(task=tasks[d].id)
            assert gold_pred.model_version == "gold"
        data = tasks[new].data
        entity_ids = {o["alias"] for o in data[ENTITIES]}
        assert {"russia", "putin", "velland", "ostria"} <= entity_ids  # old articles' gold and the new article's predictions
        assert data[ENTITY_INFO]["russia"]["qid"] == "Q159"
        assert "agree_agreed" in {o["alias"] for o in data[CLUSTERS]}
        assert {t["alias"].split()[0] for t in data[LINK_TARGETS]} == set(OLD)
        assert new in {t["alias"].split()[0] for t in tasks[OLD[0]].data[LINK_TARGETS]}


def test_pull_needs_the_annotator_when_serve_made_several(served):
    r = _run(served["tmp"], "pull", "--dir", served["dir"], "-o", served["tmp"] / "which", ok=False)
    assert r.returncode == 2 and "--project: is missing" in r.stderr and "alice, bob" in r.stderr
    assert not (served["tmp"] / "which").exists()


def test_each_pull_is_its_annotators_records(pulled):
    new, roles = pulled["id"], list(SCHEMA.roles)
    for name in ANNOTATORS:
        got = load_gold(pulled[name], schema=SCHEMA)
        assert canonical_document(got.documents[new], roles) == canonical_document(pulled[f"{name}_doc"], roles), name
        assert sorted(got.documents) == [*OLD, new]
        (russia,) = [c for c in got.corpus["entity_clusters"] if c["id"] == "russia"]
        assert russia["documents"] == [*OLD, new]  # the new article joins both old ones through a picked entity


@pytest.fixture(scope="module")
def adjudicated(pulled):
    tmp, a, b = pulled["tmp"], pulled["alice"], pulled["bob"]
    (tmp / "decisions.yaml").write_text(fx.decisions(pulled["id"], pulled["a_doc"]["text"]), encoding="utf-8")
    _run(tmp, "adjudicate", a, b, "--decisions", tmp / "decisions.yaml", "-o", pulled["corpus"] / "gold3")
    return pulled["corpus"] / "gold3"


def test_pulls_diff_adjudicate_agree(pulled, adjudicated):
    tmp, a, b = pulled["tmp"], pulled["alice"], pulled["bob"]
    r = _run(tmp, "diff", a, b)
    assert f"== {pulled['id']}: 5 differences" in r.stdout and "5 differences in all" in r.stdout
    doc = load_gold(adjudicated, schema=SCHEMA).documents[pulled["id"]]
    assert sorted(r["type"] for r in doc["relations"]) == ["MEMBER_OF", "SPOKESPERSON_FOR"]
    r = _run(tmp, "agree", a, b, "--format", "json", module="ceasefire.eval.cli")
    assert json.loads(r.stdout)["layers"]["actors"]["kappa"]["mentions.level"] < 1.0


def test_shipped_gold_survives_the_pull(pulled):
    """The old articles come back from their pre-annotation (the gold) unchanged."""
    got = load_gold(pulled["alice"], schema=SCHEMA)
    want = load_gold(fx.write_annotation(pulled["tmp"] / "expected" / "alice", pulled["corpus"] / "gold", pulled["a_doc"]), schema=SCHEMA)
    assert got.corpus == want.corpus and all(got.documents[d] == want.documents[d] for d in OLD)


def test_adjudicated_pulls_pass_lint(pulled, adjudicated):
    r = subprocess.run([sys.executable, "-m", "ceasefire.annotate.cli", "lint", adjudicated, "--corpus", pulled["corpus"]],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
