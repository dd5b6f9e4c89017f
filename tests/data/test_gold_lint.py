"""Data lint over the shipped gold and the two independent annotations (issue: gold annotation)."""

import json

import pytest

from ceasefire.annotate.lint.checks import lint
from ceasefire.annotate.dataset.summary import summarize
from ceasefire.data import data_dir, gold_dir, load_articles

from helpers.gold_helpers import D0, D4, copy_gold, edit_record, load_gold

ANNOTATIONS = data_dir() / "annotations"


def test_gold_passes_the_lint():
    problems = lint(gold_dir())
    assert problems == [], "\n".join(p.format() for p in problems)


@pytest.mark.parametrize("path", [gold_dir(), ANNOTATIONS / "A", ANNOTATIONS / "B"], ids=["gold", "A", "B"])
def test_validate_passes(run_cli, path):
    r = run_cli("ceasefire-eval", "validate", path)
    assert r.returncode == 0, r.stderr


def test_gold_texts_and_meta_are_the_articles():
    docs, _ = load_gold()
    arts = load_articles()
    for d, doc in docs.items():
        assert doc["text"] == arts[d]["text"]
        assert doc["meta"]["sha256"] == arts[d]["meta"]["sha256"]


def _unreferenced(doc, text):
    used = {a["ref"] for e in doc["events"] for a in e["arguments"]} | {c["source"] for c in doc["claims"]}
    used |= {r["head"] for r in doc["relations"]} | {r["tail"] for r in doc["relations"]}
    return next(m for m in doc["mentions"] if m["text"] == text and m["id"] not in used)


def test_a_missed_name_occurrence_fails_the_lint(tmp_path):
    folder = copy_gold(tmp_path)
    removed = {}

    def drop(doc):
        m = _unreferenced(doc, "Putin")
        removed.update(m)
        doc["mentions"].remove(m)

    edit_record(folder, D4, drop)
    problems = [p.format() for p in lint(folder)]
    assert len(problems) == 1, problems
    assert '"Putin" has no mention for this occurrence' in problems[0] and f"[{removed['start']}, {removed['end']})" in problems[0]


def test_a_punctuation_padded_span_fails_the_lint(tmp_path):
    folder = copy_gold(tmp_path)

    def pad(doc):
        m = next(m for m in doc["mentions"] if doc["text"][m["end"]] == ",")
        m["end"] += 1
        m["text"] = doc["text"][m["start"]:m["end"]]

    edit_record(folder, D0, pad)
    problems = [p.format() for p in lint(folder)]
    assert any("ends with punctuation" in p for p in problems), problems


def test_the_same_actor_with_two_ids_fails_the_lint(tmp_path):
    folder = copy_gold(tmp_path)

    def rename(doc):
        for m in doc["mentions"]:
            if m["entity"] == "zelensky":
                m["entity"] = "zelenskyy"
        for e in doc["entities"]:
            if e["id"] == "zelensky":
                e["id"] = "zelenskyy"

    edit_record(folder, D4, rename)  # Zelensky occurs only in 004: no problem
    assert lint(folder) == []
    edit_record(folder, D4, lambda doc: [e.update(qid="Q7747") for e in doc["entities"] if e["id"] == "zelenskyy"])
    problems = [p.format() for p in lint(folder)]
    assert any("same qid" in p and "'putin'" in p for p in problems), problems


def test_an_event_losing_its_arguments_fails_the_lint(tmp_path):
    folder = copy_gold(tmp_path)
    # Trump's request is reported by one source only, so no CORROBORATES rests on its arguments
    edit_record(folder, D0, lambda doc: next(e for e in doc["events"] if e["trigger"]["text"] == "request").update(arguments=[]))
    problems = [p.format() for p in lint(folder)]
    assert len(problems) == 1 and "is empty for the REQUEST event triggered by 'request'" in problems[0]


def test_cross_document_ids_are_used_in_both_articles():
    docs, corpus = load_gold()
    for part, key in (("entity_clusters", lambda d: {m["entity"] for m in d["mentions"]}),
                      ("event_clusters", lambda d: {e["cluster"] for e in d["events"]})):
        used = {d: key(doc) for d, doc in docs.items()}
        declared = {c["id"] for c in corpus[part]}
        assert declared == used[D0] & used[D4]
    # the main actors and events of the story are shared, as they should be
    assert {"putin", "trump", "russia", "ukraine", "united_states", "us_executive", "leaders_trump_putin"} <= {c["id"] for c in corpus["entity_clusters"]}
    assert {"call_0318", "energy_ceasefire", "full_ceasefire_30day", "war_ukraine", "aid_freeze"} <= {c["id"] for c in corpus["event_clusters"]}


def test_cross_document_links_name_their_detail():
    """Guidelines 4.4: every cross-document link is a CORROBORATES or CONTRADICTS naming a detail.

    Under the determinate rule the two articles give no pair of conflicting values (LOG.md R7), so
    the gold has no CONTRADICTS; the lint tests show that one would be checked like the rest."""
    from ceasefire.schema import load_schema

    _, corpus = load_gold()
    assert corpus["relations"]
    for r in corpus["relations"]:
        assert r["type"] in ("CORROBORATES", "CONTRADICTS") and r["head"]["doc"] != r["tail"]["doc"]
        assert r["detail"] in load_schema().relation_detail


def test_summary_counts_match_the_records(run_cli):
    docs, corpus = load_gold()
    s = summarize(docs, corpus)
    assert s["documents"][D0]["mentions"] == len(docs[D0]["mentions"])
    assert s["totals"]["cross_document_relations"] == len(corpus["relations"])
    assert s["optional"] == {"mentions": 0, "events": 1, "claims": 1, "relations": 0, "cross_document_relations": 1}
    r = run_cli("ceasefire-annotate", "summary", "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout) == json.loads(json.dumps(s))


def test_independent_annotations_are_kept_as_they_were():
    """A and B (before adjudication) and C and D (guidelines 2.0, never adjudicated) are kept as made; sums pinned in their folders."""
    import hashlib

    for who in ("A", "B", "C", "D", "E", "F"):
        folder = ANNOTATIONS / who
        sums = dict(line.split()[::-1] for line in (folder / "SHA256SUMS").read_text().splitlines())
        assert set(sums) == {f"{D0}.json", f"{D4}.json", "corpus.json", "NOTES.md"}
        for name, digest in sums.items():
            assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, f"{who}/{name} changed"


def test_gold_is_in_canonical_order():
    """The order the Label Studio importer produces, so round trips compare equal."""
    from ceasefire.schema import load_schema
    from ceasefire.schema.records import canonical_corpus, canonical_document

    docs, corpus = load_gold()
    roles = list(load_schema().roles)
    for doc in docs.values():
        assert canonical_document(doc, roles) == doc
    assert canonical_corpus(corpus, docs) == corpus
