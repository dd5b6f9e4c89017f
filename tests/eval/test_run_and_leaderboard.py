"""`ceasefire-eval run` (plug in any system), the baseline and the leaderboard."""

import json
import re
import sys
from pathlib import Path

from ceasefire.data import load_articles
from ceasefire.eval.runner import run_extractor
from helpers.paths import ROOT, PLUGINS



def test_run_baseline_writes_and_scores_in_one_command(run_cli, tmp_path):
    pred = tmp_path / "baseline.jsonl"
    r = run_cli("ceasefire-eval", "run", "ceasefire.baselines.rule_based:extract", "--corpus", "ceasefire.baselines.rule_based:link_documents",
                "-p", pred, "--format", "json")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert 0 < result["metrics"]["mentions.strict"]["f1"] < 1
    assert result["predictions"]["path"] == str(pred)
    lines = pred.read_text().splitlines()
    assert len(lines) == 3 and json.loads(lines[-1])["record"] == "corpus"


def test_committed_baseline_predictions_are_what_the_baseline_produces():
    records, problems = run_extractor(load_articles(), function="ceasefire.baselines.rule_based:extract",
                                      corpus_function="ceasefire.baselines.rule_based:link_documents")
    assert problems == []
    committed = [json.loads(line) for line in (ROOT / "leaderboard" / "baseline.jsonl").read_text().splitlines()]
    assert committed == records


def test_run_a_function_and_a_command(run_cli, tmp_path):
    for args in (["toy_extractor:names"], ["toy_extractor:with_id"], ["--command", f"{sys.executable} {PLUGINS / 'toy_extractor.py'}"]):
        pred = tmp_path / "p.jsonl"
        r = run_cli("ceasefire-eval", "run", *args, "-p", pred, "--format", "json", cwd=PLUGINS)
        assert r.returncode == 0, r.stderr
        m = json.loads(r.stdout)["metrics"]["mentions.exact"]
        occurrences = sum(len(re.findall(r"\b(?:Putin|Trump)\b", a["text"])) for a in load_articles().values())
        assert m["tp"] + m["fp"] == occurrences  # every text-only span was placed
        assert m["tp"] > 20


def test_run_reports_broken_extractors_without_traceback(run_cli, tmp_path):
    cases = {
        "toy_extractor:crashes": "extractor raised RuntimeError: model not loaded",
        "toy_extractor:bad_label": '"PRESIDENT" is not a known value',
        "toy_extractor:missing": "module 'toy_extractor' has no function 'missing'",
        "no_such_module:f": "cannot be imported",
        "just-a-name": "is not MODULE:FUNCTION",
    }
    for spec, fragment in cases.items():
        pred = tmp_path / "p.jsonl"
        r = run_cli("ceasefire-eval", "run", spec, "-p", pred, cwd=PLUGINS)
        assert r.returncode == 2, (spec, r.stderr)
        assert fragment in r.stderr and "Traceback" not in r.stderr, (spec, r.stderr)
        assert not pred.exists(), spec


def test_leaderboard_in_readme_is_current(run_cli):
    r = run_cli("ceasefire-eval", "leaderboard", "--check")
    assert r.returncode == 0, r.stderr


def test_leaderboard_rows_come_from_the_scorer(run_cli):
    r = run_cli("ceasefire-eval", "leaderboard")
    assert r.returncode == 0
    baseline = next(line for line in r.stdout.splitlines() if line.startswith("| rule-based baseline"))
    s = run_cli("ceasefire-eval", "score", ROOT / "leaderboard" / "baseline.jsonl")
    f1 = json.loads(s.stdout)["metrics"]["mentions.strict"]["f1"]
    assert baseline.split("|")[2].strip().startswith(f"{100 * f1:.1f}")
