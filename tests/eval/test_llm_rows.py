"""The language-model rows of the leaderboard are what leaderboard/llm/GIVEN.md says (issue 20).

Each row's answers are kept verbatim with the prompts and answer schemas the model was given:
the sha256 sums in GIVEN.md hold for every file, every answer is valid against its strict answer
schema, and the stored prompts are what `ceasefire-eval prompt` writes today (a schema or guideline
change that alters the prompt makes the rows stale, and this test says so). The leaderboard shows a
layer the prompt did not ask for as "not asked", and the scorer's figure for every layer it did.
"""

import hashlib
import json
import re

import jsonschema
import pytest
import yaml
from ceasefire.eval.leaderboard import COLUMNS

from helpers.paths import ROOT

LLM = ROOT / "leaderboard" / "llm"
SYSTEMS = yaml.safe_load((ROOT / "leaderboard" / "systems.yaml").read_text(encoding="utf-8"))
ROWS = [s for s in SYSTEMS if s.get("llm")]
DOCS = [d["id"] for d in json.loads((ROOT / "data" / "articles" / "articles.json").read_text(encoding="utf-8"))]
ALL = "mentions,entities,events,claims,relations"


def given_sums() -> dict[str, str]:
    text = (LLM / "GIVEN.md").read_text(encoding="utf-8")
    return {path: digest for digest, path in re.findall(r"^([0-9a-f]{64})  (\S+)$", text, flags=re.M)}


def test_at_least_four_rows_two_of_them_of_all_layers():
    assert len(ROWS) >= 4
    assert sum(r["llm"]["layers"] == ALL for r in ROWS) >= 2
    assert {"mentions", "events"} <= {r["llm"]["layers"] for r in ROWS}
    compared = [r for r in ROWS if r.get("compare_with")]
    assert compared and all(r["llm"]["layers"] == ALL for r in compared)


def test_every_file_given_or_returned_is_listed_with_its_sum():
    sums = given_sums()
    files = sorted(p for p in LLM.rglob("*") if p.is_file() and p.name != "GIVEN.md")
    assert files and sorted(sums) == sorted(str(p.relative_to(LLM)) for p in files)
    for path, digest in sums.items():
        assert hashlib.sha256((LLM / path).read_bytes()).hexdigest() == digest, path


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["name"])
def test_each_answer_is_valid_against_the_strict_answer_schema(row):
    schema = json.loads((ROOT / row["llm"]["prompts"] / "answer.schema.json").read_text(encoding="utf-8"))
    for doc in DOCS:
        answer = json.loads((ROOT / row["predictions"] / f"{doc}.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(answer)
        assert answer["id"] == doc


@pytest.mark.parametrize("folder", sorted({r["llm"]["prompts"] for r in ROWS}))
def test_the_stored_prompts_are_what_prompt_writes_today(folder, tmp_path, run_cli):
    layers = {r["llm"]["layers"] for r in ROWS if r["llm"]["prompts"] == folder}
    assert len(layers) == 1, folder
    for doc in DOCS:
        out, schema = tmp_path / f"{doc}.md", tmp_path / "answer.schema.json"
        r = run_cli("ceasefire-eval", "prompt", "--layers", *layers, "--document", doc, "-o", out, "--json-schema", schema)
        assert r.returncode == 0, r.stderr
        assert out.read_bytes() == (ROOT / folder / f"{doc}.md").read_bytes(), (folder, doc)
        assert schema.read_bytes() == (ROOT / folder / "answer.schema.json").read_bytes(), folder


def test_the_leaderboard_shows_layers_not_asked_and_the_scorers_figures(run_cli):
    board = run_cli("ceasefire-eval", "leaderboard")
    assert board.returncode == 0, board.stderr
    lines = board.stdout.splitlines()
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    for row in ROWS:
        cells = [c.strip() for c in next(x for x in lines if x.startswith(f"| {row['name']} |")).strip("|").split("|")]
        metrics = json.loads(run_cli("ceasefire-eval", "score", ROOT / row["predictions"]).stdout)["metrics"]
        asked = row["llm"]["layers"].split(",")
        for metric, label, layer in COLUMNS:
            cell = cells[head.index(label)]
            if layer in asked:
                assert cell.startswith(f"{100 * metrics[metric]['f1']:.1f}"), (row["name"], label, cell)
            else:
                assert cell == "not asked", (row["name"], label, cell)
