"""Growing the corpus, end to end on a constructed third article (made-up topic): add ->
pre-annotate -> two annotations -> diff -> adjudicate -> lint -> agree -> build ->
load_dataset -> score, on a tmp copy of the corpus. The two annotations are records files
(what two annotators' `pull`s give); the shipped data stay untouched."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire.annotate.corpus.adjudicate import apply, differences
from ceasefire.data import data_dir, load_articles
from ceasefire.schema import InputError, load_schema

from helpers import grow_fixture as fx

OLD = ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6"]


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """The 3-article fixture corpus with its adjudicated gold; every step through the CLI."""
    tmp = tmp_path_factory.mktemp("grow")
    shipped = {part: _tree(data_dir() / part) for part in ("articles", "gold", "hf")}
    corpus = fx.corpus_copy(tmp)
    env = dict(os.environ)

    def cli(tool, *args, ok=True):
        module = {"ceasefire-eval": "ceasefire.eval.cli", "ceasefire-annotate": "ceasefire.annotate.cli"}[tool]
        r = subprocess.run([sys.executable, "-m", module, *map(str, args)], capture_output=True, text=True, cwd=tmp, env=env, timeout=900)
        if ok:
            assert r.returncode == 0, f"{tool} {args}: {r.stderr}"
        return r

    r = cli("ceasefire-annotate", "add", fx.ARTICLE, "--corpus", corpus, "--title", "Velland and Ostria sign Marova water accord",
            "--language", "en")
    arts = load_articles(corpus / "articles")
    (new_id,) = set(arts) - set(load_articles())
    text = arts[new_id]["text"]
    cli("ceasefire-annotate", "preannotate", "--corpus", corpus, "--document", new_id, "-o", tmp / "pre.jsonl")
    cli("ceasefire-annotate", "tasks", "--corpus", corpus, tmp / "pre.jsonl", "--as-predictions", "-o", tmp / "review.json")
    meta = arts[new_id]["meta"]
    doc_a = fx.annotation_a(new_id, text, meta)
    ann_a = fx.write_annotation(tmp / "annotations" / "alice", corpus / "gold", doc_a)
    ann_b = fx.write_annotation(tmp / "annotations" / "bob", corpus / "gold", fx.annotation_b(doc_a))
    (tmp / "decisions.yaml").write_text(fx.decisions(new_id, text), encoding="utf-8")
    gold = corpus / "gold3"
    return {"tmp": tmp, "corpus": corpus, "id": new_id, "text": text, "cli": cli, "a": ann_a, "b": ann_b,
            "gold": gold, "shipped": shipped, "add": r,
            "adjudicate": cli("ceasefire-annotate", "adjudicate", ann_a, ann_b, "--decisions", tmp / "decisions.yaml", "-o", gold)}


def test_add_copies_verbatim_and_records_sha256(grown):
    corpus, new_id = grown["corpus"], grown["id"]
    raw = fx.ARTICLE.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    assert new_id == f"005_{digest[:16]}"
    assert (corpus / "articles" / f"{new_id}.txt").read_bytes() == raw
    index = json.loads((corpus / "articles" / "articles.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in index] == ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6", new_id]
    entry = index[-1]
    assert entry["sha256"] == digest
    assert entry["meta"]["title"] == "Velland and Ostria sign Marova water accord" and entry["meta"]["language"] == "en"
    assert entry["meta"]["published"] is None and entry["meta"]["source"] is None and entry["meta"]["publisher"] is None
    sums = (corpus / "articles" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert f"{digest}  {new_id}.txt" in sums and len(sums) == 3
    r = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=corpus / "articles", capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("content, message", [
    (None, "is already in the corpus as 005_"),
    (b"Caf\xe9 au lait", "is not UTF-8: byte 3"),
    (b"", "is empty"),
    (b" \n\t\n", "holds only whitespace"),
])
def test_add_refuses_duplicates_non_utf8_and_empty_text(grown, tmp_path, content, message):
    corpus = grown["corpus"]
    path = fx.ARTICLE
    if content is not None:
        path = tmp_path / "new.txt"
        path.write_bytes(content)
    before = _tree(corpus / "articles")
    r = grown["cli"]("ceasefire-annotate", "add", path, "--corpus", corpus, ok=False)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
    assert _tree(corpus / "articles") == before


def test_add_refuses_a_bad_date(grown, tmp_path):
    path = tmp_path / "other.txt"
    path.write_text("Another made-up story.\n", encoding="utf-8")
    before = _tree(grown["corpus"] / "articles")
    r = grown["cli"]("ceasefire-annotate", "add", path, "--corpus", grown["corpus"], "--date", "18 March", ok=False)
    assert r.returncode == 2 and "--date" in r.stderr and "YYYY-MM-DD" in r.stderr
    assert _tree(grown["corpus"] / "articles") == before


def test_add_with_every_field_unknown_records_null_and_validates(grown, tmp_path):
    from ceasefire.schema import Loaded, Location
    from ceasefire.schema.validate import validate_records

    corpus = fx.corpus_copy(tmp_path)
    path = tmp_path / "bare.txt"
    path.write_text("Talks on the Marova river resumed.\n", encoding="utf-8")
    grown["cli"]("ceasefire-annotate", "add", path, "--corpus", corpus)
    entry = json.loads((corpus / "articles" / "articles.json").read_text(encoding="utf-8"))[-1]
    assert all(entry["meta"][k] is None for k in ("title", "published", "event_date", "language", "source", "publisher", "url"))
    text = path.read_text(encoding="utf-8")
    doc = {"id": entry["id"], "meta": load_articles(corpus / "articles")[entry["id"]]["meta"], "text": text,
           "mentions": [], "entities": [], "events": [], "claims": [], "relations": []}
    corpus_record = {"record": "corpus", "id": "c", "documents": [entry["id"]], "entity_clusters": [], "event_clusters": [], "relations": []}
    result = validate_records([Loaded(doc, Location("x")), Loaded(corpus_record, Location("x"))], schema=load_schema())
    assert result.problems == []


def test_preannotation_is_predictions_and_label_studio_tasks(grown):
    """`tasks --corpus C pre.jsonl --as-predictions` (what `serve --corpus C --records pre.jsonl`
    imports): the new article with the extractor's predictions, the old ones with their gold,
    and pick lists and link targets that span all three."""
    tmp, new_id, text = grown["tmp"], grown["id"], grown["text"]
    records = [json.loads(line) for line in (tmp / "pre.jsonl").read_text(encoding="utf-8").splitlines()]
    (doc,) = [r for r in records if r.get("id") == new_id]
    assert doc["mentions"] and all(text[m["start"]:m["end"]] == m["text"] for m in doc["mentions"])
    assert any(m["text"] == "Russia" for m in doc["mentions"])   # the baseline's lexicon finds it
    tasks = {t["data"]["doc_id"]: t for t in json.loads((tmp / "review.json").read_text(encoding="utf-8"))}
    assert sorted(tasks) == [*OLD, new_id]
    task = tasks[new_id]
    assert task["data"]["text"] == text and not task.get("annotations")
    (prediction,) = task["predictions"]
    assert prediction["model_version"] == "pre"
    labels = [r for r in prediction["result"] if r.get("type") == "labels"]
    assert len(labels) >= len(doc["mentions"])
    for d in OLD:
        assert [p["model_version"] for p in tasks[d]["predictions"]] == ["gold"]
        assert tasks[d]["data"]["entities"] == task["data"]["entities"]  # one pick list for the corpus
    entity_ids = {o["alias"] for o in task["data"]["entities"]}
    assert {"russia", "putin", "velland", "trell"} <= entity_ids
    assert {t["alias"].split()[0] for t in task["data"]["link_targets"]} == set(OLD)
    assert new_id in {t["alias"].split()[0] for t in tasks[OLD[1]]["data"]["link_targets"]}


def test_tasks_for_a_corpus_without_records(grown, tmp_path):
    """The new article, with no gold and no records yet, is a task with its text alone; the
    shipped corpus given as --corpus gives exactly the tasks it always gave."""
    cli = grown["cli"]
    cli("ceasefire-annotate", "tasks", "--corpus", grown["corpus"], "-o", tmp_path / "t.json")
    tasks = {t["data"]["doc_id"]: t for t in json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))}
    assert set(tasks[grown["id"]]) == {"data"} and tasks[grown["id"]]["data"]["text"] == grown["text"]
    assert all(tasks[d]["annotations"] for d in OLD)
    cli("ceasefire-annotate", "tasks", "-o", tmp_path / "shipped.json")
    cli("ceasefire-annotate", "tasks", "--corpus", fx.corpus_copy(tmp_path), "-o", tmp_path / "copy.json")
    assert (tmp_path / "copy.json").read_bytes() == (tmp_path / "shipped.json").read_bytes()


def test_tasks_for_a_corpus_refuse_what_is_not_its_articles(grown, tmp_path):
    shipped = fx.corpus_copy(tmp_path)  # the records pre-annotate an article this corpus does not hold
    r = grown["cli"]("ceasefire-annotate", "tasks", "--corpus", shipped, grown["tmp"] / "pre.jsonl", "-o", tmp_path / "t.json", ok=False)
    assert r.returncode == 2 and grown["id"] in r.stderr and "Traceback" not in r.stderr
    manifest = shipped / "articles" / "articles.json"  # the gold annotates an article the manifest no longer lists
    manifest.write_text(json.dumps(json.loads(manifest.read_text(encoding="utf-8"))[:1]), encoding="utf-8")
    r = grown["cli"]("ceasefire-annotate", "tasks", "--corpus", shipped, "-o", tmp_path / "t.json", ok=False)
    assert r.returncode == 2 and "document '004_2b10ae636b3461d6': id: " in r.stderr and "is not an article of the corpus" in r.stderr
    assert not (tmp_path / "t.json").exists()


def test_diff_lists_the_five_differences(grown):
    r = grown["cli"]("ceasefire-annotate", "diff", grown["a"], grown["b"])
    assert f"== {grown['id']}: 5 differences" in r.stdout
    assert "5 differences in all" in r.stdout


def test_adjudicate_applies_each_decision(grown):
    assert "applied 5 decisions" in grown["adjudicate"].stdout
    doc = json.loads((grown["gold"] / f"{grown['id']}.json").read_text(encoding="utf-8"))
    by_text = {(m["text"], m["start"]): m for m in doc["mentions"]}
    (spokesman,) = [m for m in doc["mentions"] if m["text"] == "a spokesman"]
    assert spokesman["level"] == "NOM"                                                 # take A
    (agreed,) = [e for e in doc["events"] if e["trigger"]["text"] == "agreed"]
    assert agreed["modality"] == "ASSERTED"                                            # take B, set
    assert sorted(r["type"] for r in doc["relations"]) == ["MEMBER_OF", "SPOKESPERSON_FOR"]   # take A (B has none); edit: add
    (welcomed,) = [e for e in doc["events"] if e["trigger"]["text"] == "welcomed"]
    assert welcomed["cluster"] == "russia_welcomes_marova"                             # edit: set
    (trell,) = [c for c in doc["claims"] if c["content"]["text"].startswith("the accord")]
    assert trell["check_worthiness"] == "CFS"                                          # take B
    countries = [m for m in doc["mentions"] if m["text"] == "the two countries"]
    assert countries and countries[0]["entity"] == "velland_ostria"                     # take B, entity from B
    assert {"id": "velland_ostria", "type": "GROUP", "name": "the two countries", "qid": None} in doc["entities"]
    corpus = json.loads((grown["gold"] / "corpus.json").read_text(encoding="utf-8"))
    assert corpus["documents"] == ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6", grown["id"]]
    (russia,) = [c for c in corpus["entity_clusters"] if c["id"] == "russia"]
    assert russia["documents"] == ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6", grown["id"]]
    # the shipped articles' gold comes through unchanged
    for d in ("000_8ce9f93fccec955a", "004_2b10ae636b3461d6"):
        assert json.loads((grown["gold"] / f"{d}.json").read_text(encoding="utf-8")) == json.loads((data_dir() / "gold" / f"{d}.json").read_text(encoding="utf-8"))
    shipped = json.loads((data_dir() / "gold" / "corpus.json").read_text(encoding="utf-8"))
    assert corpus["relations"] == shipped["relations"]


def _diffs(grown):
    from ceasefire.annotate.corpus.folder import read_annotation as _annotation

    schema = load_schema()
    return _annotation(grown["a"], schema), _annotation(grown["b"], schema), schema


def test_adjudicate_refuses_decisions_that_match_no_difference(grown):
    (a, ac), (b, bc), schema = _diffs(grown)
    diffs = differences(a, ac, b, bc)
    assert len(diffs) == 5
    decisions = [{"difference": k, "take": "A"} for k in diffs]
    decisions.append({"difference": f"{grown['id']} mention 'Velland'@0", "take": "B"})   # A and B agree on it
    with pytest.raises(InputError) as exc:
        apply(a, ac, b, bc, decisions, schema=schema)
    (p,) = exc.value.problems
    assert p.field == "decisions[5].difference" and "matches no difference" in p.message


@pytest.mark.parametrize("edit, field, message", [
    ({"unit": "{d} mention 'a spokesman'@{s}", "set": {"level": "PRO"}}, "edits[0].unit", "is a difference between A and B"),
    ({"unit": "{d} mention 'Velland'@0", "add": {}}, "edits[0].unit", "is already in the result"),
    ({"unit": "{d} mention 'Velland'@1", "remove": True}, "edits[0].unit", "is not in the result"),
    ({"unit": "{d} mention 'Velland'@0", "set": {"level": "NOM"}, "remove": True}, "edits[0]", "needs exactly one of add, set, remove"),
    ({"unit": "nowhere mention 'Velland'@0", "remove": True}, "edits[0].unit", "names no document"),
    ({"unit": "{d} token 'Velland'@0", "add": {}}, "edits[0].unit", "is not a unit name"),
    ({"unit": "{d} mention 'Ostria'@45", "add": {"start": 46, "end": 52, "text": "stria,", "type": "STATE", "level": "NAM",
                                               "entity": "ostria"}}, "edits[0].add", "does not match the unit name"),
])
def test_adjudicate_refuses_bad_edits(grown, edit, field, message):
    (a, ac), (b, bc), schema = _diffs(grown)
    decisions = [{"difference": k, "take": "A"} for k in differences(a, ac, b, bc)]
    s = fx.span(grown["text"], "a spokesman")["start"]
    edit = {k: v.format(d=grown["id"], s=s) if isinstance(v, str) else v for k, v in edit.items()}
    with pytest.raises(InputError) as exc:
        apply(a, ac, b, bc, decisions, schema=schema, edits=[edit])
    (p,) = exc.value.problems
    assert p.field == field and message in p.message


def test_adjudicate_removing_a_referenced_item_is_refused(grown):
    (a, ac), (b, bc), schema = _diffs(grown)
    decisions = [{"difference": k, "take": "A"} for k in differences(a, ac, b, bc)]
    with pytest.raises(InputError) as exc:
        apply(a, ac, b, bc, decisions, schema=schema, edits=[{"unit": f"{grown['id']} mention 'Russia'@{fx.span(grown['text'], 'Russia')['start']}", "remove": True}])
    assert any("refers to an item the result does not have" in p.message for p in exc.value.problems)


def test_a_cross_document_link_joins_the_new_article_to_an_old_one(grown):
    """A link between the third article and 000 (and one to 004) goes through adjudication and the validator."""
    (a, ac), (b, bc), schema = _diffs(grown)
    decisions = [{"difference": k, "take": "A"} for k in differences(a, ac, b, bc)]
    signed = f"{grown['id']}:event 'signed'@{fx.span(grown['text'], 'signed')['start']}"
    edits = [{"unit": f"corpus link CORROBORATES({signed} -> 000_8ce9f93fccec955a:event 'Agrees'@6)", "add": {"detail": "PARTICIPANTS"}},
             {"unit": f"corpus link CONTRADICTS(004_2b10ae636b3461d6:event 'negotiated'@63 -> {signed})", "add": {"detail": "TIME"}}]
    docs, corpus = apply(a, ac, b, bc, decisions, schema=schema, edits=edits)
    new = docs[grown["id"]]
    (v,) = [e["id"] for e in new["events"] if e["trigger"]["text"] == "signed"]
    pairs = {(r["type"], r["head"]["doc"], r["head"]["id"], r["tail"]["doc"], r["tail"]["id"]) for r in corpus["relations"]}
    assert ("CORROBORATES", grown["id"], v, "000_8ce9f93fccec955a", "v1") in pairs
    assert ("CONTRADICTS", "004_2b10ae636b3461d6", "v1", grown["id"], v) in pairs


def test_adjudicate_refuses_undecided_differences_and_bad_sides(grown):
    (a, ac), (b, bc), schema = _diffs(grown)
    keys = list(differences(a, ac, b, bc))
    decisions = [{"difference": keys[0], "take": "C"}] + [{"difference": k, "take": "B"} for k in keys[1:4]]
    with pytest.raises(InputError) as exc:
        apply(a, ac, b, bc, decisions, schema=schema)
    messages = [p.format() for p in exc.value.problems]
    assert any("decisions[0].take" in m and "A or B" in m for m in messages)
    assert any(f"no decision for the difference {keys[4]!r}" in m for m in messages)


def test_adjudicate_cli_writes_nothing_on_a_bad_decision(grown, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(fx.decisions(grown["id"], grown["text"]).replace("take: A\n    why: the spokesman", "take: maybe\n    why: the spokesman"), encoding="utf-8")
    out = tmp_path / "gold"
    r = grown["cli"]("ceasefire-annotate", "adjudicate", grown["a"], grown["b"], "--decisions", bad, "-o", out, ok=False)
    assert r.returncode == 2 and "decisions[2].take" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_template_lists_every_difference_to_decide(grown, tmp_path):
    import yaml

    out = tmp_path / "template.yaml"
    grown["cli"]("ceasefire-annotate", "adjudicate", grown["a"], grown["b"], "--template", out)
    listed = yaml.safe_load(out.read_text(encoding="utf-8"))["decisions"]
    decided = yaml.safe_load(fx.decisions(grown["id"], grown["text"]))["decisions"]
    assert sorted(d["difference"] for d in listed) == sorted(d["difference"] for d in decided)
    assert all(d["take"] is None for d in listed)


def test_lint_and_agree_run_on_the_result(grown):
    cli = grown["cli"]
    r = cli("ceasefire-annotate", "lint", grown["gold"], "--corpus", grown["corpus"], ok=False)
    assert r.returncode == 0, r.stderr
    # the shipped articles alone are not this corpus
    r = cli("ceasefire-annotate", "lint", data_dir() / "gold", "--corpus", grown["corpus"], ok=False)
    assert r.returncode == 2 and f"document '{grown['id']}': article has no annotation" in r.stderr
    r = cli("ceasefire-eval", "agree", grown["a"], grown["b"], "--format", "json")
    result = json.loads(r.stdout)
    actors = result["layers"]["actors"]
    assert actors["pairwise_f1"]["mentions.strict"] < 1.0
    assert actors["kappa"]["mentions.level"] < 1.0                    # "a spokesman": NOM against NAM
    from ceasefire.eval.api import agree_files

    shipped = agree_files(data_dir() / "gold", data_dir() / "gold")["layers"]["actors"]["matched_units"]["mentions.level"]
    assert actors["matched_units"]["mentions.level"] == shipped + 9    # every article, the third included


def test_build_and_load_the_three_article_dataset(grown, tmp_path):
    out = tmp_path / "hf"
    grown["cli"]("ceasefire-annotate", "build", "--gold", grown["gold"], "--annotations", grown["a"], grown["b"], "--out", out)
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "three English news articles" in card and "There are three articles." in card and grown["id"] in card
    code = ("import json, sys; from datasets import load_dataset; d = load_dataset(sys.argv[1])['test']; "
            "m = load_dataset(sys.argv[1], 'mentions')['test']; c = load_dataset(sys.argv[1], 'cross_document')['test']; "
            "print(json.dumps({'ids': list(d['id']), 'texts': list(d['text']), 'mention_docs': sorted(set(list(m['doc_id']))), 'cross': [dict(r) for r in c]}))")
    env = dict(os.environ, HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1", HF_DATASETS_CACHE=str(tmp_path / "cache"))
    r = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["ids"] == ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6", grown["id"]]
    assert got["texts"][2] == grown["text"]
    assert grown["id"] in got["mention_docs"]
    (russia,) = [row for row in got["cross"] if row["kind"] == "entity_cluster" and row["id"] == "russia"]
    assert russia["documents"] == ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6", grown["id"]]


def test_datasheet_follows_the_corpus(grown, tmp_path):
    sheet = tmp_path / "DATASHEET.md"
    sheet.write_text((data_dir().parent / "DATASHEET.md").read_text(encoding="utf-8"), encoding="utf-8")
    grown["cli"]("ceasefire-annotate", "datasheet", "--path", sheet, "--gold", grown["gold"], "--annotations", grown["a"], grown["b"])
    text = sheet.read_text(encoding="utf-8")
    assert f"| {grown['id']} | corpus |" in text
    from ceasefire.eval.api import agree_files

    kappa = agree_files(grown["a"], grown["b"])["layers"]["actors"]["kappa"]["mentions.level"]
    assert f"| actors | Cohen's kappa `mentions.level` | {kappa:.3f}" in text


def test_score_predictions_covering_all_three(grown, tmp_path):
    cli = grown["cli"]
    pred = tmp_path / "baseline3.jsonl"
    cli("ceasefire-annotate", "preannotate", "--corpus", grown["corpus"], "-o", pred)
    ids = [json.loads(line).get("id") for line in pred.read_text(encoding="utf-8").splitlines()]
    assert ids[:3] == ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6", grown["id"]]
    r = cli("ceasefire-eval", "validate", "--predictions", pred, "--gold", grown["gold"], ok=False)
    assert r.returncode == 0, r.stderr
    r = cli("ceasefire-eval", "score", pred, "--gold", grown["gold"], "--format", "json")
    result = json.loads(r.stdout)
    per_doc = result["per_document"] if "per_document" in result else result["documents"]
    assert grown["id"] in json.dumps(per_doc)
    assert 0 < result["metrics"]["mentions.strict"]["f1"] < 1
    assert result["metrics"]["coref.cross_doc.conll"]["f1"] is not None   # the clusters across all three articles
    report = tmp_path / "report.html"
    cli("ceasefire-eval", "report", pred, "--gold", grown["gold"], "-o", report)
    html = report.read_text(encoding="utf-8")
    assert grown["id"] in html and "Across the articles" in html and "Across the two articles" not in html
    r = cli("ceasefire-annotate", "summary", grown["gold"])
    assert f"| {grown['id']} | corpus |" in r.stdout and "shared by two or more articles" in r.stdout
    # `run --gold` runs the extractor on the gold's articles, all three
    cli("ceasefire-eval", "run", "ceasefire.baselines.rule_based:extract", "--corpus", "ceasefire.baselines.rule_based:link_documents",
        "--gold", grown["gold"], "-p", tmp_path / "run3.jsonl")
    def spans(path):
        return {r["id"]: sorted((m["start"], m["end"], m["type"]) for m in r["mentions"])
                for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r.get("record") != "corpus"}

    assert spans(tmp_path / "run3.jsonl") == spans(pred) and len(spans(pred)) == 3
    # the shipped gold refuses the third article: it is not one of its documents
    r = cli("ceasefire-eval", "score", pred, ok=False)
    assert r.returncode == 2 and grown["id"] in r.stderr


def test_shipped_release_is_untouched(grown):
    for part, tree in grown["shipped"].items():
        assert _tree(data_dir() / part) == tree, part


def test_cross_document_coreference_counts_the_third_article(grown, tmp_path):
    """The gold scored against itself is perfect across all three articles; moving the third
    article's `Russia` to an entity of its own breaks only the cross-document cluster."""
    records = [json.loads((grown["gold"] / f"{d}.json").read_text(encoding="utf-8"))
               for d in ("000_8ce9f93fccec955a", "004_2b10ae636b3461d6", grown["id"])]
    corpus = json.loads((grown["gold"] / "corpus.json").read_text(encoding="utf-8"))

    def score(docs, corp, name):
        path = tmp_path / name
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in docs + [corp]), encoding="utf-8")
        r = grown["cli"]("ceasefire-eval", "score", path, "--gold", grown["gold"], "--format", "json")
        return json.loads(r.stdout)["metrics"]

    same = score(records, corpus, "same.jsonl")
    assert same["coref.cross_doc.conll"]["f1"] == 1.0 and same["coref.conll"]["f1"] == 1.0
    moved = json.loads(json.dumps(records))
    for m in moved[2]["mentions"]:
        if m["entity"] == "russia":
            m["entity"] = "russia_elsewhere"
    for e in moved[2]["entities"]:
        if e["id"] == "russia":
            e["id"] = "russia_elsewhere"
    corp = json.loads(json.dumps(corpus))
    for c in corp["entity_clusters"]:
        if c["id"] == "russia":
            c["documents"] = ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6"]
    got = score(moved, corp, "moved.jsonl")
    assert got["coref.conll"]["f1"] == 1.0                    # within each article nothing changed
    assert got["coref.cross_doc.conll"]["f1"] < 1.0           # across the three, Russia is split


def test_serve_refuses_a_bad_project_name_before_starting(grown, tmp_path):
    r = grown["cli"]("ceasefire-annotate", "serve", "--corpus", grown["corpus"], "--project", "alice/../x", "--dir", tmp_path / "ls", ok=False)
    assert r.returncode == 2 and "--project" in r.stderr and "alice/../x" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "ls").exists()
