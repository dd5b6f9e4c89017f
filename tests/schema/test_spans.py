"""Placing prediction spans given by text alone: one test per rule of schema/FORMAT.md
("Spans given by text alone"), on texts small enough to check by hand."""

import itertools

import pytest

from ceasefire.schema.spans import normalise, occurrences, place_spans
from helpers.paths import ROOT

TEXT = "Putin met Trump. Putin called Trump. Putin"


def _mentions(*specs, typ="PERSON"):
    return {"mentions": [{"id": f"m{i}", "type": typ, **s} for i, s in enumerate(specs)]}


def _where(doc, layer="mentions"):
    return [(m["start"], m["end"]) for m in doc[layer]]


def test_occurrences_count_every_start_position():
    assert occurrences("aaa", "aa") == [0, 1]
    assert occurrences(TEXT, "Putin") == [0, 17, 37]


def test_without_gold_spans_take_occurrences_left_to_right_in_id_order():
    doc = {"mentions": [{"id": "m10", "type": "PERSON", "text": "Putin"}, {"id": "m2", "type": "PERSON", "text": "Putin"}]}
    assert place_spans(doc, TEXT).unplaced == []
    assert _where(doc) == [(17, 22), (0, 5)]  # m2 before m10: ids in natural order, not list order


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


def test_occurrences_respect_word_boundaries():
    text = "Russian troops left. Russia agreed."
    doc = _mentions({"text": "Russia"}, typ="STATE")
    placement = place_spans(doc, text)
    assert _where(doc) == [(21, 27)] and placement.placed[0].how == "exact"


def test_a_word_internal_match_is_used_only_when_nothing_else_exists():
    doc = _mentions({"text": "Russia"}, typ="STATE")
    placement = place_spans(doc, "Russian troops left.")
    assert _where(doc) == [(0, 6)] and placement.placed[0].how == "inside a word"


def test_gold_chooses_among_occurrences_by_label_then_by_span():
    text = "Ukraine said Ukraine and Ukraine."
    gold = {"mentions": [{"id": "g1", "type": "LOCATION", "start": 25, "end": 32, "text": "Ukraine"},
                         {"id": "g2", "type": "STATE", "start": 13, "end": 20, "text": "Ukraine"}]}
    doc = {"mentions": [{"id": "a", "type": "STATE", "text": "Ukraine"}, {"id": "b", "type": "LOCATION", "text": "Ukraine"},
                        {"id": "c", "type": "STATE", "text": "Ukraine"}]}
    place_spans(doc, text, gold=gold)
    # a and b take the gold spans of their own type; c, last by id, takes what is left
    assert _where(doc) == [(13, 20), (25, 32), (0, 7)]


def test_a_wrong_label_still_takes_a_gold_span_before_an_empty_occurrence():
    text = "Ukraine said Ukraine."
    gold = {"mentions": [{"id": "g", "type": "LOCATION", "start": 13, "end": 20, "text": "Ukraine"}]}
    doc = _mentions({"text": "Ukraine"}, typ="STATE")
    place_spans(doc, text, gold=gold)
    assert _where(doc) == [(13, 20)]  # counts for mentions.exact, not for mentions.strict


@pytest.mark.parametrize("perm", list(itertools.permutations(range(3))))
def test_placement_does_not_depend_on_list_order(perm):
    text = "Ukraine said Ukraine and Ukraine."
    gold = {"mentions": [{"id": "g1", "type": "LOCATION", "start": 25, "end": 32, "text": "Ukraine"}]}
    items = [{"id": "a", "type": "STATE", "text": "Ukraine"}, {"id": "b", "type": "LOCATION", "text": "Ukraine"},
             {"id": "c", "type": "STATE", "text": "Ukraine"}]
    doc = {"mentions": [dict(items[i]) for i in perm]}
    place_spans(doc, text, gold=gold)
    assert {m["id"]: (m["start"], m["end"]) for m in doc["mentions"]} == {"b": (25, 32), "a": (0, 7), "c": (13, 20)}


def test_cues_may_share_an_occurrence():
    text = "Putin said it. He said more. Trump said no."
    gold = {"claims": [{"id": "g1", "cue": {"start": 6, "end": 10, "text": "said"}},
                       {"id": "g2", "cue": {"start": 6, "end": 10, "text": "said"}},
                       {"id": "g3", "cue": {"start": 35, "end": 39, "text": "said"}}]}
    doc = {"claims": [{"id": f"c{i}", "cue": {"text": "said"}, "content": {"text": t}} for i, t in enumerate(("it", "more", "no"))]}
    placement = place_spans(doc, text, gold=gold)
    assert placement.unplaced == []
    assert sorted((c["cue"]["start"], c["cue"]["end"]) for c in doc["claims"]) == [(6, 10), (6, 10), (35, 39)]
    # more cues than occurrences: still placed (cues share), never unplaced
    doc = {"claims": [{"id": f"c{i}", "cue": {"text": "said"}} for i in range(5)]}
    assert place_spans(doc, text).unplaced == []


@pytest.mark.parametrize(
    "given, placed",
    [
        ("Putin's deal", "Putin’s deal"),  # straight apostrophe for a curly one
        ('"energy and infrastructure"', "“energy and infrastructure”"),
        ("Trump-Putin call", "Trump–Putin call"),  # hyphen for an en dash
        ("call\n of", "call  of"),  # runs of whitespace, in the text and in the span
        ("cafe\u0301", "café"),  # NFC
    ],
)
def test_normalised_fallback(given, placed):
    text = f"On Tuesday, Putin’s deal, “energy and infrastructure”, the Trump–Putin call  of the café."
    doc = _mentions({"text": given})
    placement = place_spans(doc, text)
    (p,) = placement.placed
    assert p.how == "normalised" and text[p.span[0]:p.span[1]] == placed == doc["mentions"][0]["text"]


def test_normalisation_maps_back_to_the_original_offsets():
    norm, src = normalise("a \u2014  b\n\nc")
    assert norm == "a - b c" and [src[i] for i in range(len(norm))] == [(0, 1), (1, 2), (2, 3), (3, 5), (5, 6), (6, 8), (8, 9)]


def test_exact_text_is_preferred_to_the_fallback():
    text = "Putin's aide and Putin’s aide"
    doc = _mentions({"text": "Putin's aide"})
    assert place_spans(doc, text).placed[0].how == "exact" and _where(doc) == [(0, 12)]


@pytest.mark.parametrize(
    "spans, fragment",
    [
        ([{"text": "Biden"}], "does not occur"),
        ([{"text": "Trump"}] * 3, "every occurrence is already taken"),
        ([{"text": "putin"}], "does not occur"),  # case is not normalised
    ],
)
def test_unplaceable_spans_are_listed_and_put_past_the_end_of_the_text(spans, fragment):
    doc = _mentions(*spans)
    placement = place_spans(doc, TEXT)
    (p,) = placement.unplaced
    assert fragment in p.reason
    starts = [m["start"] for m in doc["mentions"] if m["start"] > len(TEXT)]
    assert len(starts) == 1 and doc["mentions"][int(p.item_id[1:])]["end"] == starts[0] + 1


def test_unplaced_spans_get_distinct_positions():
    doc = _mentions({"text": "Biden"}, {"text": "Harris"})
    place_spans(doc, TEXT)
    assert sorted(_where(doc)) == [(len(TEXT) + 1, len(TEXT) + 2), (len(TEXT) + 3, len(TEXT) + 4)]


def test_an_occurrence_out_of_range_is_an_error():
    placement = place_spans(_mentions({"text": "Trump", "occurrence": 2}), TEXT)
    assert placement.errors and "out of range" in placement.errors[0][2]


def test_every_placement_row_has_a_test():
    """The placement table of eval/METRICS.md names, per row, tests that exist."""
    import re

    root = ROOT
    text = (root / "eval" / "METRICS.md").read_text(encoding="utf-8").split("## Spans given by text alone: placement")[1]
    sources = (root / "tests" / "schema" / "test_spans.py").read_text(encoding="utf-8") + (root / "tests" / "eval" / "test_llm_scoring.py").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| placement rule")]
    assert len(rows) == 10
    for line in rows:
        names = re.findall(r"`(test_\w+)`", line.rsplit("|", 2)[1])
        assert names and all(f"def {n}(" in sources for n in names), line


@pytest.mark.parametrize("given", [{"start": 0}, {"end": 5}])
def test_one_offset_without_the_other_is_an_error(given):
    placement = place_spans(_mentions({"text": "Putin", **given}), TEXT)
    (path, _, message) = placement.errors[0]
    assert path == "mentions[0]." + ("end" if "start" in given else "start") and "is missing while" in message
