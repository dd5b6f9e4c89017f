"""Inputs that hold nothing to check, or the wrong kind of record (issue 27): what the rows of
tests/test_bad_input.py cannot show, because it is not one message of a command.

- an input without document records is refused through the Python API too, and an empty list
  of records is not taken for "the shipped gold";
- a system that found nothing still scores: one record per document, each with its id alone (and
  an empty file with --allow-missing: tests/eval/test_score_gold.py);
- a layer under a wrong name silences only the references into it, not the record's other problems.
"""

import copy
import json

import pytest

import ceasefire
from ceasefire.schema import InputError, load_schema
from ceasefire.schema.corpus import load_gold, load_predictions

from helpers.paths import ROOT

SCHEMA = load_schema()
DOCS = ("000_8ce9f93fccec955a", "004_2b10ae636b3461d6")


def baseline() -> list[dict]:
    return [json.loads(line) for line in (ROOT / "leaderboard" / "baseline.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("records, where", [([], "<records>"), ([{"record": "corpus"}], "<records>[0]")], ids=["nothing", "corpus_record_alone"])
def test_records_in_memory_without_a_document_are_one_problem(records, where):
    problems = ceasefire.validate(records)
    assert [p.location.file for p in problems if "holds no document record" in p.message] == [where]


def test_an_empty_list_is_not_the_shipped_gold():
    with pytest.raises(InputError) as exc:
        ceasefire.load_gold([])
    assert [p.message for p in exc.value.problems] == ["holds no document record (in the gold)"]


def test_a_system_that_found_nothing_is_scored():
    """Nothing found is one record per document holding its id: no layer is refused, every count is 0 tp."""
    result = ceasefire.score([{"id": d} for d in DOCS])
    strict = result.metrics["mentions.strict"]
    assert (strict["tp"], strict["fp"], strict["recall"]) == (0, 0, 0)
    assert result.output["predictions"]["missing_documents_scored_as_empty"] == []


def test_a_misnamed_layer_still_lets_other_problems_through():
    records = baseline()
    records[0]["mention"] = records[0].pop("mentions")
    records[0]["events"][0]["type"] = "PARTY"
    with pytest.raises(InputError) as exc:
        load_predictions(records, load_gold(None, schema=SCHEMA), schema=SCHEMA, allow_missing=False)
    fields = [p.field for p in exc.value.problems]
    assert fields == ["mention", "events[0].type"], [p.format() for p in exc.value.problems]


def test_a_gold_record_without_text_but_with_meta_is_not_taken_for_a_prediction():
    records = [json.loads((ROOT / "data" / "gold" / f"{d}.json").read_text(encoding="utf-8")) for d in DOCS]
    records.append(json.loads((ROOT / "data" / "gold" / "corpus.json").read_text(encoding="utf-8")))
    broken = copy.deepcopy(records)
    del broken[0]["text"]
    problems = ceasefire.validate(broken)
    assert [(p.field, p.message) for p in problems] == [("text", "is missing (in the records)")]
