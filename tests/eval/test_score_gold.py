"""The scorer on the shipped gold: the checks the eval issue names as 'done when'."""

import json

from ceasefire.data import data_dir, gold_dir
from ceasefire.eval.api import agree_files, public, score_files

from helpers.gold_helpers import D0, D4


def test_gold_against_itself_scores_one_on_every_metric(run_cli):
    r = run_cli("ceasefire-eval", "score", gold_dir())
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    for name, m in result["metrics"].items():
        assert m["f1"] == 1.0, name
    for name, a in result["attributes"].items():
        assert a["accuracy"] == 1.0, name


def test_empty_predictions_score_recall_zero(run_cli, tmp_path):
    ids_only = tmp_path / "ids.jsonl"
    ids_only.write_text(json.dumps({"id": D0}) + "\n" + json.dumps({"id": D4}) + "\n")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    for args in ([ids_only], [empty, "--allow-missing"]):
        r = run_cli("ceasefire-eval", "score", *args)
        assert r.returncode == 0, r.stderr
        result = json.loads(r.stdout)
        for name, m in result["metrics"].items():
            assert m["precision"] is None, name
            # eval/METRICS.md row `empty`: nothing predicted is F1 0 on every layer, CoNLL too
            assert m["f1"] == 0.0, name
            if not name.endswith(".conll"):
                assert m["recall"] == 0.0, name
    assert result["predictions"]["missing_documents_scored_as_empty"] == [D0, D4]
    r = run_cli("ceasefire-eval", "score", empty)
    assert r.returncode == 2 and "--allow-missing" in r.stderr


def test_agree_reports_what_scoring_one_annotation_against_the_other_gives():
    a, b = data_dir() / "annotations" / "A", data_dir() / "annotations" / "B"
    agreement = agree_files(a, b)
    scored = public(score_files([b], gold=a))
    assert agreement["metrics"] == scored["metrics"]
    assert agreement["attributes"] == scored["attributes"]
    for layer in agreement["layers"].values():
        for name, f1 in layer["pairwise_f1"].items():
            assert f1 == scored["metrics"][name]["f1"]
    # pairwise F1 is symmetric: swapping the annotations swaps precision and recall
    swapped = public(score_files([a], gold=b))
    for name in ("mentions.strict", "events.trigger.classification", "claims.tuple", "relations.strict"):
        assert swapped["metrics"][name]["precision"] == scored["metrics"][name]["recall"]
        assert abs(swapped["metrics"][name]["f1"] - scored["metrics"][name]["f1"]) < 1e-12
