"""`ceasefire-eval score / compare / agree` as a user runs them."""

import json

import pytest

from ceasefire.eval.api import agree_files, public, score_files
from ceasefire.eval.counts import METRIC_KEYS

from helpers.paths import EXAMPLES

GOLD = EXAMPLES / "valid" / "example.jsonl"
REQUIRED = [
    "mentions.strict", "mentions.exact", "mentions.overlap", "mentions.type",
    *[f"{s}.{m}" for s in ("coref", "coref.cross_doc", "event_coref", "event_coref.cross_doc") for m in ("muc", "b3", "ceafe", "lea", "conll")],
    "events.trigger.identification", "events.trigger.classification", "events.argument.identification", "events.argument.classification",
    "claims.source", "claims.cue", "claims.content", "claims.tuple", "relations.strict",
]


def _records():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_score_output_describes_itself(run_cli, tmp_path):
    out = tmp_path / "scores.json"
    r = run_cli("ceasefire-eval", "score", GOLD, "--gold", GOLD, "-o", out)
    assert r.returncode == 0, r.stderr
    result = json.loads(out.read_text())
    for name in REQUIRED:
        assert set(result["metrics"][name]) == set(METRIC_KEYS), name
    assert result["scorer"]["name"] == "ceasefire-eval" and result["schema_version"] == "1.2.0"
    assert len(result["gold"]["fingerprint"]) == 64
    assert set(result["per_document"]) == {"ex1", "ex2"}
    assert "PERSON" in result["per_type"]["mentions.strict"]
    assert result["predictions"]["missing_documents_scored_as_empty"] == []


def test_text_only_spans_score_like_offsets(tmp_path):
    recs = _records()
    for rec in recs[:2]:
        for m in rec["mentions"]:
            del m["start"], m["end"]
    pred = _write(tmp_path / "p.jsonl", recs)
    result = public(score_files([pred], gold=GOLD))
    assert result["metrics"]["mentions.strict"]["f1"] == 1.0


def test_missing_document_is_refused_unless_allowed(run_cli, tmp_path):
    pred = _write(tmp_path / "p.jsonl", _records()[:1])
    r = run_cli("ceasefire-eval", "score", pred, "--gold", GOLD)
    assert r.returncode == 2 and "document 'ex2'" in r.stderr and "--allow-missing" in r.stderr
    r = run_cli("ceasefire-eval", "score", pred, "--gold", GOLD, "--allow-missing")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["predictions"]["missing_documents_scored_as_empty"] == ["ex2"]
    assert result["metrics"]["mentions.strict"]["fn"] == 3  # ex2's three mentions
    for fmt in ("table", "markdown"):  # said where a person reads the scores, not only in the JSON
        r = run_cli("ceasefire-eval", "score", pred, "--gold", GOLD, "--allow-missing", "--format", fmt)
        assert r.returncode == 0 and "documents missing from the predictions, scored as empty (--allow-missing): ex2" in r.stdout, (fmt, r.stdout)


def test_missing_layers_are_reported(tmp_path):
    recs = _records()
    del recs[0]["claims"], recs[1]["relations"]
    result = public(score_files([_write(tmp_path / "p.jsonl", recs)], gold=GOLD))
    assert result["predictions"]["missing_layers_scored_as_empty"] == {"ex1": ["claims"], "ex2": ["relations"]}


@pytest.mark.parametrize(
    "mutate, fragments",
    [
        (lambda r: r[0].update(id="ex9"), ["document 'ex9'", "is not a document of the gold", "allowed: ex1, ex2"]),
        (lambda r: r[0]["mentions"][0].update(text="Donald"), ["mentions[0].text", "does not match the document text"]),
        (lambda r: r[1]["events"][0].update(type="AGREES"), ["events[0].type", '"AGREES" is not a known value']),
        (lambda r: r[1]["claims"][0].update(source="m99"), ["claims[0].source", '"m99" does not name a mention']),
        (lambda r: r[0]["mentions"][1].update(start=None), ["mentions[1].start", "has the wrong type"]),
        (lambda r: r[0].update(text=r[0]["text"] + " "), ["document 'ex1'", "text", "differs from the gold text"]),
    ],
)
def test_bad_predictions_get_one_clear_message(run_cli, tmp_path, mutate, fragments):
    recs = _records()
    mutate(recs)
    out = tmp_path / "scores.json"
    r = run_cli("ceasefire-eval", "score", _write(tmp_path / "p.jsonl", recs), "--gold", GOLD, "-o", out)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, r.stderr
    assert "p.jsonl:" in errors[0]
    for f in fragments:
        assert f in errors[0], (f, errors[0])
    assert not out.exists()  # no partial output


def test_malformed_prediction_line(run_cli, tmp_path):
    pred = tmp_path / "p.jsonl"
    pred.write_text(GOLD.read_text() + "{oops\n")
    r = run_cli("ceasefire-eval", "score", pred, "--gold", GOLD)
    assert r.returncode == 2 and "p.jsonl:4: is not valid JSON" in r.stderr


@pytest.mark.parametrize("sub", ["validate", "score", "compare", "agree"])
def test_every_subcommand_help_has_an_example(run_cli, sub):
    r = run_cli("ceasefire-eval", sub, "--help")
    assert r.returncode == 0 and "example" in r.stdout and f"ceasefire-eval {sub}" in r.stdout


@pytest.mark.parametrize("sub", ["jsonschema", "summary", "lint"])
def test_annotate_subcommand_help_has_an_example(run_cli, sub):
    r = run_cli("ceasefire-annotate", sub, "--help")
    assert r.returncode == 0 and "example" in r.stdout


def test_bootstrap_adds_intervals_and_states_the_unit(tmp_path):
    result = public(score_files([GOLD], gold=GOLD, bootstrap=50))
    assert result["bootstrap"]["resampling_unit"] == "sentence"
    assert result["metrics"]["mentions.strict"]["ci"]["f1"] == [1.0, 1.0]
    assert result["metrics"]["coref.b3"]["ci"] is None and "coref.b3" in result["bootstrap"]["not_resampled"]
    plain = public(score_files([GOLD], gold=GOLD))
    assert plain["metrics"]["mentions.strict"]["ci"] is None  # same keys either way


def test_compare_identical_systems_is_not_significant(run_cli):
    r = run_cli("ceasefire-eval", "compare", GOLD, GOLD, "--gold", GOLD, "--samples", "100", "--trials", "100")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    m = result["metrics"]["mentions.strict"]
    assert m["delta"] == 0.0 and m["p_bootstrap"] == 1.0 and m["p_ar"] == 1.0
    assert result["test"]["resampling_unit"] == "sentence"


def test_compare_is_deterministic_and_signed(run_cli, tmp_path):
    recs = _records()
    ex1 = recs[0]  # drop the mention of Russia, its entity and the relations
    ex1["mentions"] = [m for m in ex1["mentions"] if m["id"] != "m3"]
    ex1["entities"] = [e for e in ex1["entities"] if e["id"] != "russia"]
    ex1["relations"] = []
    worse = _write(tmp_path / "worse.jsonl", recs)
    outs = [run_cli("ceasefire-eval", "compare", GOLD, worse, "--gold", GOLD, "--allow-missing", "--samples", "200", "--trials", "200").stdout for _ in range(2)]
    assert outs[0] == outs[1]
    m = json.loads(outs[0])["metrics"]["mentions.strict"]
    assert m["f1_a"] == 1.0 and m["delta"] < 0


def test_agree_equals_scoring_one_annotation_against_the_other(tmp_path):
    recs = _records()
    recs[0]["mentions"][0]["level"] = "NOM"
    b = _write(tmp_path / "b.jsonl", recs)
    agreement = agree_files(GOLD, b)
    scored = public(score_files([b], gold=GOLD))
    assert agreement["metrics"] == scored["metrics"]
    assert agreement["layers"]["actors"]["pairwise_f1"]["mentions.strict"] == scored["metrics"]["mentions.strict"]["f1"]
    assert agreement["layers"]["actors"]["kappa"]["mentions.level"] < 1.0
    assert agreement["layers"]["actors"]["kappa"]["mentions.type"] == 1.0


def test_agree_refuses_an_invalid_annotation(run_cli, tmp_path):
    r = run_cli("ceasefire-eval", "agree", GOLD, EXAMPLES / "bad" / "dangling_argument.jsonl")
    assert r.returncode == 2 and "(in the annotation B)" in r.stderr


def test_compare_table_heads_and_p_values_read_as_in_the_readme(run_cli, tmp_path):
    from ceasefire.eval.render import COMPARISON_HEAD, p_value

    r = run_cli("ceasefire-eval", "compare", GOLD, GOLD, "--gold", GOLD, "--samples", "200", "--trials", "200", "--format", "table")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split()[:len(" ".join(COMPARISON_HEAD).split())] == " ".join(COMPARISON_HEAD).split()
    assert p_value(1 / 10001) == "< 0.001" and p_value(0.0005) == "0.001" and p_value(None) == "n/a"  # (c + 1) / (n + 1) is never 0
