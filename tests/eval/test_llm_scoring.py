"""Scoring a language-model-style extractor fairly (issue 16), on annotation B of both articles
with every offset removed (tests/llm_fixture.py): placement that no list order can change,
shared cues, hallucinated spans as exact false positives, and the normalised fallback."""

import json
import random
from collections import defaultdict

import pytest

from ceasefire.eval.api import public, score_files
from ceasefire.schema import InputError
from ceasefire.schema.spans import SPAN_ROLES

from helpers.llm_fixture import annotation_b, shuffled, without_offsets, write_jsonl

SCORED = ("metrics", "attributes", "per_type", "per_document")


def _score(path, **kw) -> dict:
    return public(score_files([path], **kw))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("llm")
    return {
        "offsets": write_jsonl(tmp / "b_offsets.jsonl", annotation_b()),
        "text_only": write_jsonl(tmp / "b_text_only.jsonl", without_offsets(annotation_b())),
        "tmp": tmp,
    }


@pytest.fixture(scope="module")
def text_only_score(files):
    return _score(files["text_only"])


def _placed_records(path) -> dict[str, dict]:
    from ceasefire.schema.corpus import load_gold, load_predictions
    from ceasefire.schema import load_schema

    schema = load_schema()
    gold = load_gold(schema=schema)
    return load_predictions([path], gold, schema=schema, allow_missing=False)[0].documents, gold.documents


def test_text_only_scores_as_with_offsets(files, text_only_score):
    with_offsets = _score(files["offsets"])
    for part in SCORED:
        assert text_only_score[part] == with_offsets[part], part
    placement = text_only_score["predictions"]["placement"]
    assert placement["text_only_spans"] == 329 and placement["unplaced_spans"]["count"] == 0


def test_every_unambiguous_span_goes_where_the_annotator_put_it(files):
    """A span moves only where its text occurs more than once and the annotator's own position
    holds no gold span of its role: then the rule cannot know, and the span stays unmatched."""
    placed, gold = _placed_records(files["text_only"])
    original = {r["id"]: r for r in annotation_b() if r.get("record") != "corpus"}
    moved = checked = 0
    for doc_id, doc in placed.items():
        text = doc["text"]
        for role, walk in SPAN_ROLES.items():
            gold_spans = {(s["start"], s["end"]) for _, s, _ in walk(gold[doc_id])}
            for (path, span, _), (_, orig, _) in zip(walk(doc), walk(original[doc_id])):
                checked += 1
                here, there = (span["start"], span["end"]), (orig["start"], orig["end"])
                if here != there:
                    moved += 1
                    assert text.count(orig["text"]) > 1 and there not in gold_spans and here not in gold_spans, (doc_id, path)
    # 000: the trigger "shift" and the cue "agreed" of a claim the gold does not have (guidelines 2.0,
    # 3.1): texts that occur more than once with no gold span of their role at either place
    assert checked == 329 and moved == 2


def test_twenty_shufflings_of_every_list_score_identically(files, text_only_score):
    rng = random.Random(16)
    base = text_only_score
    boot = _score(files["text_only"], bootstrap=100)
    records = without_offsets(annotation_b())
    for i in range(20):
        path = write_jsonl(files["tmp"] / f"shuffled_{i}.jsonl", shuffled(records, rng))
        result = _score(path)
        for part in SCORED:
            assert result[part] == base[part], (i, part)
        if i < 3:  # the sentence units of the bootstrap do not move either
            assert _score(path, bootstrap=100)["metrics"] == boot["metrics"]


def test_shared_cues_are_placed_on_one_span(files, text_only_score):
    placed, _ = _placed_records(files["text_only"])
    shared = defaultdict(set)
    for rec in annotation_b():
        for c in rec.get("claims", []):
            shared[(rec["id"], c["cue"]["start"], c["cue"]["end"])].add(c["id"])
    groups = [(d, ids) for (d, *_), ids in shared.items() if len(ids) > 1]
    assert groups  # 004: a continuation quote shares the cue of the claim it continues (guidelines 3.4)
    for d, ids in groups:
        cues = {(c["cue"]["start"], c["cue"]["end"]) for c in placed[d]["claims"] if c["id"] in ids}
        assert len(cues) == 1
    assert text_only_score["metrics"]["claims.cue"] == _score(files["offsets"])["metrics"]["claims.cue"]


# --- hallucinated spans ---------------------------------------------------------------------

DOC = "000_8ce9f93fccec955a"


def _with_hallucinations() -> list[dict]:
    records = without_offsets(annotation_b())
    doc = next(r for r in records if r.get("id") == DOC)
    state = next(m["id"] for m in doc["mentions"] if m["type"] == "STATE")
    doc["mentions"].append({"id": "mH", "text": "Vladimir Putin's ally", "type": "PERSON"})
    doc["events"][0].setdefault("arguments", []).append({"role": "RECIPIENT", "ref": "mH"})
    doc["events"].append({"id": "vH", "type": "ASSAULT", "trigger": {"text": "annexed"},
                          "arguments": [{"role": "ACTOR", "ref": "mH"}, {"role": "RECIPIENT", "ref": state}]})
    doc["claims"].append({"id": "cH", "source": "mH", "cue": {"text": "whispered"}, "content": {"text": "Russia will never stop"},
                          "quote_type": "INDIRECT"})
    doc["relations"].append({"id": "rH", "type": "LEADER_OF", "head": "mH", "tail": state})
    return records


#: metric -> false positives the hallucinations add: each unplaced span, and each thing that refers to one
EXTRA_FP = {
    "mentions.strict": 1, "mentions.exact": 1, "mentions.overlap": 1, "mentions.type": 1,
    "events.trigger.identification": 1, "events.trigger.classification": 1,
    "events.argument.identification": 3, "events.argument.classification": 3,  # one argument of mH elsewhere, two of vH
    "claims.source": 1, "claims.cue": 1, "claims.content": 1, "claims.content.overlap": 1, "claims.tuple": 1,
    "relations.strict": 1, "relations.within_doc": 1,
}


def test_hallucinated_spans_are_exactly_counted_false_positives(files, text_only_score):
    path = write_jsonl(files["tmp"] / "hallucinated.jsonl", _with_hallucinations())
    result = _score(path)
    for name, m in result["metrics"].items():
        base = text_only_score["metrics"][name]
        if "tp" not in base or name.startswith(("coref", "event_coref")):
            continue
        assert (m["tp"], m["fn"]) == (base["tp"], base["fn"]), name
        assert m["fp"] == base["fp"] + EXTRA_FP.get(name, 0), name
    unplaced = result["predictions"]["placement"]["unplaced_spans"]
    assert unplaced["count"] == 4
    assert {(u["role"], u["id"]) for u in unplaced["items"]} == {("mention", "mH"), ("trigger", "vH"), ("cue", "cH"), ("content", "cH")}
    mention = next(u for u in unplaced["items"] if u["id"] == "mH")
    assert mention["reason"] == "does not occur in the document text"
    assert len(mention["referred_to_by"]) == 4  # an argument elsewhere, vH's ACTOR, cH's source, rH's head
    # coreference: the extra mention lowers precision only
    for scope in ("coref.muc", "coref.b3", "coref.ceafe", "coref.lea"):
        assert result["metrics"][scope]["recall"] == text_only_score["metrics"][scope]["recall"], scope


def test_strict_refuses_hallucinated_spans(files):
    path = write_jsonl(files["tmp"] / "hallucinated_strict.jsonl", _with_hallucinations())
    with pytest.raises(InputError) as exc:
        score_files([path], strict=True)
    assert len(exc.value.problems) == 4 and all("does not occur in the document text" in p.message for p in exc.value.problems)


def test_commands_warn_once_and_strict_refuses(run_cli, files):
    path = write_jsonl(files["tmp"] / "hallucinated_cli.jsonl", _with_hallucinations())
    r = run_cli("ceasefire-eval", "score", path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("warning:") == 1 and "warning: 4 text-only predicted spans" in r.stderr
    assert json.loads(r.stdout)["predictions"]["placement"]["unplaced_spans"]["count"] == 4
    r = run_cli("ceasefire-eval", "score", path, "--strict")
    assert r.returncode == 2 and r.stdout == "" and "Vladimir Putin's ally" in r.stderr and "4 problems found" in r.stderr
    r = run_cli("ceasefire-eval", "validate", "--predictions", path)
    assert r.returncode == 0 and r.stderr.count("warning:") == 4 and "mentions[" in r.stderr and r.stdout.startswith("OK:")
    r = run_cli("ceasefire-eval", "validate", "--predictions", "--strict", path)
    assert r.returncode == 2 and r.stderr.count("error:") == 4


def test_spans_with_wrong_offsets_stay_errors(files):
    records = annotation_b()
    records[0]["mentions"][0]["start"] += 1
    path = write_jsonl(files["tmp"] / "bad_offsets.jsonl", records)
    with pytest.raises(InputError) as exc:
        score_files([path])
    assert "does not match the document text" in exc.value.problems[0].message


# --- the normalised fallback ----------------------------------------------------------------------

STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def test_straight_quotes_are_placed_through_the_fallback(files, text_only_score):
    records = without_offsets(annotation_b())
    texts = {r["id"]: r["text"] for r in annotation_b() if "text" in r}
    expected = 0
    for rec in records:
        for walk in SPAN_ROLES.values():
            for _, span, _ in walk(rec):
                straight = span["text"].translate(STRAIGHT)
                if straight != span["text"]:
                    span["text"] = straight
                    expected += straight not in texts[rec["id"]]
    assert expected >= 5  # the articles use curly apostrophes and quote marks (6 such spans in B)
    result = _score(write_jsonl(files["tmp"] / "straight.jsonl", records))
    for part in SCORED:
        assert result[part] == text_only_score[part], part
    fallback = result["predictions"]["placement"]["placed_by_normalisation"]
    assert fallback["count"] == expected
    assert all(item["placed_text"].translate(STRAIGHT) == item["text"] for item in fallback["items"])


def test_the_report_path_counts_unplaced_spans_alike(files):
    """The HTML report's run (scoring with a per-document callback) counts unplaced spans as `score` does."""
    path = write_jsonl(files["tmp"] / "hallucinated_paths.jsonl", _with_hallucinations())
    streamed = _score(path, bootstrap=50)
    seen = []
    reported = score_files([path], bootstrap=50, on_document=lambda pair, doc: seen.append(pair.doc_id))
    assert sorted(seen) == sorted(reported.output["gold"]["documents"])
    for part in SCORED:
        assert public(reported)[part] == streamed[part], part


def test_validate_places_text_only_spans_without_the_gold(run_cli, files):
    r = run_cli("ceasefire-eval", "validate", "--predictions", files["text_only"])
    assert r.returncode == 0 and r.stderr == "" and r.stdout.startswith("OK: 2 documents")
