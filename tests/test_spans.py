"""Placing prediction spans given by text alone (schema/FORMAT.md, 'Spans given by text alone')."""

import pytest

from ceasefire.schema.spans import occurrences, place_spans

TEXT = "Putin met Trump. Putin called Trump. Putin"


def _mentions(*specs):
    return {"mentions": [dict(id=f"m{i}", type="PERSON", **s) for i, s in enumerate(specs)]}


def test_occurrences_count_every_start_position():
    assert occurrences("aaa", "aa") == [0, 1]
    assert occurrences(TEXT, "Putin") == [0, 17, 37]


def test_text_only_spans_take_occurrences_left_to_right():
    doc = _mentions({"text": "Putin"}, {"text": "Putin"})
    assert place_spans(doc, TEXT) == []
    assert [(m["start"], m["end"]) for m in doc["mentions"]] == [(0, 5), (17, 22)]


def test_offsets_given_elsewhere_are_skipped():
    doc = _mentions({"text": "Putin", "start": 0, "end": 5}, {"text": "Putin"})
    place_spans(doc, TEXT)
    assert doc["mentions"][1]["start"] == 17


def test_explicit_occurrence_wins():
    doc = _mentions({"text": "Putin", "occurrence": 2}, {"text": "Putin"})
    place_spans(doc, TEXT)
    assert doc["mentions"][0]["start"] == 37 and doc["mentions"][1]["start"] == 0


def test_roles_are_independent():
    doc = {"mentions": [{"id": "m0", "type": "PERSON", "text": "Trump"}],
           "events": [{"id": "v0", "type": "CONSULT", "trigger": {"text": "Trump"}}]}
    place_spans(doc, TEXT)
    assert doc["mentions"][0]["start"] == doc["events"][0]["trigger"]["start"] == 10


@pytest.mark.parametrize(
    "spans, fragment",
    [
        ([{"text": "Biden"}], "does not occur"),
        ([{"text": "Trump"}] * 3, "every occurrence is already taken"),
        ([{"text": "Trump", "occurrence": 2}], "out of range"),
        ([{"text": "putin"}], "does not occur"),  # case-sensitive
    ],
)
def test_unplaceable_spans_are_errors(spans, fragment):
    problems = place_spans(_mentions(*spans), TEXT)
    assert len(problems) == 1 and fragment in problems[0][2]
