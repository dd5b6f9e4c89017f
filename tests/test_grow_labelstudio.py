"""Growing the corpus through a real Label Studio server (label-studio 1.23.2 on 127.0.0.1):
the third article's pre-annotation is imported as predictions, two annotations are submitted
through the API, each is pulled with `ceasefire-annotate pull` into its own folder, and the
two pulls are diffed, adjudicated, linted and compared.

The project holds the three articles: the shipped two with their gold as annotations, the new
one with the baseline's predictions. Both annotators submit in one project, one after the
other, and each `pull` is taken right after its annotator's submission (`pull` takes the
newest annotation of a task); with the current `serve`, which loads only the shipped articles,
a project per annotator would need a `serve` that follows a corpus (issue 11's rewrite).
"""

import json
import subprocess
import sys

import pytest

from ceasefire.annotate.ls_config import build_config
from ceasefire.annotate.ls_convert import tasks_for
from ceasefire.annotate.ls_server import PROJECT_TITLE, Credentials, Server, client, ensure_project, free_port, import_missing_tasks
from ceasefire.data import load_articles
from ceasefire.schema.corpus import load_gold
from ceasefire.schema import load_schema
from ceasefire.schema.records import canonical_document

import grow_fixture as fx

SCHEMA = load_schema()


def _cli(tmp, *args):
    r = subprocess.run([sys.executable, "-m", "ceasefire.annotate.cli", *map(str, args)], capture_output=True, text=True, cwd=tmp, timeout=900)
    assert r.returncode == 0, f"{args}: {r.stderr}"
    return r


@pytest.fixture(scope="module")
def pulled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("grow_ls")
    corpus = fx.corpus_copy(tmp)
    _cli(tmp, "add", fx.ARTICLE, "--corpus", corpus, "--title", "Velland and Ostria sign Marova water accord", "--language", "en")
    arts = load_articles(corpus / "articles")
    (new_id,) = set(arts) - set(load_articles())
    _cli(tmp, "preannotate", "--corpus", corpus, "--document", new_id, "-o", tmp / "pre.jsonl", "--tasks", tmp / "review.json")
    doc_a = fx.annotation_a(new_id, arts[new_id]["text"], arts[new_id]["meta"])
    doc_b = fx.annotation_b(doc_a)
    gold = load_gold(corpus / "gold", schema=SCHEMA)

    folder = tmp / "labelstudio"
    srv = Server(folder, free_port(), Credentials.load_or_create(folder))
    try:
        srv.start()
        ls = client(srv.url, srv.creds.token)
        pid = ensure_project(ls, build_config(SCHEMA), title=PROJECT_TITLE)
        review = json.loads((tmp / "review.json").read_text(encoding="utf-8"))
        assert import_missing_tasks(ls, pid, tasks_for(gold.documents, gold.corpus) + review) == 3
        (task,) = [t for t in ls.tasks.list(project=pid) if t.data["doc_id"] == new_id]
        predictions = list(ls.predictions.list(task=task.id))
        out = {"id": new_id, "tmp": tmp, "corpus": corpus, "a_doc": doc_a, "b_doc": doc_b,
               "predictions": predictions, "baseline": [json.loads(x) for x in (tmp / "pre.jsonl").read_text(encoding="utf-8").splitlines()]}
        for name, doc in (("alice", doc_a), ("bob", doc_b)):
            (result,) = [t["annotations"][0]["result"] for t in tasks_for({new_id: doc}, None)]
            ls.annotations.create(id=task.id, result=result, was_cancelled=False)
            _cli(tmp, "pull", "--dir", folder, "--port", srv.port, "-o", tmp / "annotations" / name)
            out[name] = tmp / "annotations" / name
        yield out
    finally:
        srv.stop()


def test_preannotation_shows_as_predictions_in_label_studio(pulled):
    (prediction,) = pulled["predictions"]
    assert prediction.model_version == "ceasefire.baselines.rule_based:extract"
    (base,) = [r for r in pulled["baseline"] if r.get("id") == pulled["id"]]
    regions = {(r["value"]["start"], r["value"]["end"]) for r in prediction.result if r.get("type") == "labels"}
    assert {(m["start"], m["end"]) for m in base["mentions"]} <= regions


def test_each_pull_is_its_annotators_records(pulled):
    new, roles = pulled["id"], list(SCHEMA.roles)
    for name, doc in (("alice", pulled["a_doc"]), ("bob", pulled["b_doc"])):
        got = load_gold(pulled[name], schema=SCHEMA)
        assert canonical_document(got.documents[new], roles) == canonical_document(doc, roles), name
        assert sorted(got.documents) == ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6", new]
        (russia,) = [c for c in got.corpus["entity_clusters"] if c["id"] == "russia"]
        assert russia["documents"] == ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6", new]  # joins the new article to both


@pytest.fixture(scope="module")
def adjudicated(pulled):
    tmp, a, b = pulled["tmp"], pulled["alice"], pulled["bob"]
    (tmp / "decisions.yaml").write_text(fx.decisions(pulled["id"], pulled["a_doc"]["text"]), encoding="utf-8")
    _cli(tmp, "adjudicate", a, b, "--decisions", tmp / "decisions.yaml", "-o", pulled["corpus"] / "gold3")
    return pulled["corpus"] / "gold3"


def test_pulls_diff_adjudicate_agree(pulled, adjudicated):
    tmp, a, b = pulled["tmp"], pulled["alice"], pulled["bob"]
    r = _cli(tmp, "diff", a, b)
    assert f"== {pulled['id']}: 5 differences" in r.stdout and "5 differences in all" in r.stdout
    doc = load_gold(adjudicated, schema=SCHEMA).documents[pulled["id"]]
    assert sorted(r["type"] for r in doc["relations"]) == ["MEMBER_OF", "SPOKESPERSON_FOR"]
    r = subprocess.run([sys.executable, "-m", "ceasefire.eval.cli", "agree", a, b, "--format", "json"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["layers"]["actors"]["kappa"]["mentions.level"] < 1.0


def test_shipped_gold_survives_the_pull(pulled):
    """What the shipped articles' gold loses on its way through today's converter."""
    got = load_gold(pulled["alice"], schema=SCHEMA)
    want = load_gold(fx.write_annotation(pulled["tmp"] / "expected" / "alice", pulled["corpus"] / "gold", pulled["a_doc"]), schema=SCHEMA)
    shipped = [d for d in want.documents if d != pulled["id"]]
    if got.corpus != want.corpus or any(got.documents[d] != want.documents[d] for d in shipped):
        pytest.xfail("annotate/ls_convert.py (issue 11's rewrite) drops relation `detail` and item `optional`/`optional_reason` "
                     "(guidelines 2.0 fields); lint then refuses the adjudicated pulls")
    assert got.corpus == want.corpus and all(got.documents[d] == want.documents[d] for d in shipped)


def test_adjudicated_pulls_pass_lint(pulled, adjudicated):
    r = subprocess.run([sys.executable, "-m", "ceasefire.annotate.cli", "lint", adjudicated, "--corpus", pulled["corpus"]],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0 and "names the wrong detail" in r.stderr:
        pytest.xfail("the pulls lost relation `detail` (see test_shipped_gold_survives_the_pull)")
    assert r.returncode == 0, r.stderr
