"""The token view (the `tokens` config): seqeval's strict F1 on it equals the scorer's
`mentions.strict` on the top-level mentions, and BIO round-trips the top-level spans."""

import pytest
from seqeval.metrics import f1_score
from seqeval.scheme import IOB2

from ceasefire.annotate.dataset import token_view
from ceasefire.data import data_dir
from ceasefire.schema.corpus import load_gold
from ceasefire.eval.scorer import score
from ceasefire.schema import load_schema

SCHEMA = load_schema()
GOLD = load_gold(None, schema=SCHEMA).documents


def _perturbed() -> dict[str, dict]:
    """The gold with every third top-level mention retyped and every fifth dropped."""
    types = list(SCHEMA.mention_types)
    out = {}
    for d, doc in GOLD.items():
        mentions = []
        for i, m in enumerate(token_view.top_level(doc["mentions"])):
            if i % 5 == 4:
                continue
            if i % 3 == 2:
                m = dict(m, type=types[(types.index(m["type"]) + 1) % len(types)])
            mentions.append(m)
        out[d] = dict(doc, mentions=mentions)
    return out


PREDICTIONS = {
    "annotator A": lambda: load_gold(data_dir() / "annotations" / "A", schema=SCHEMA).documents,
    "annotator B": lambda: load_gold(data_dir() / "annotations" / "B", schema=SCHEMA).documents,
    "perturbed gold": _perturbed,
}


def _mentions_only(docs: dict[str, dict]) -> dict[str, dict]:
    """Each document with only its top-level mentions, the other layers empty."""
    return {d: {"id": d, "text": x["text"], "mentions": token_view.top_level(x["mentions"]),
                "entities": [], "events": [], "claims": [], "relations": []} for d, x in docs.items()}


@pytest.mark.parametrize("name", PREDICTIONS)
def test_seqeval_strict_f1_on_the_token_view_equals_mentions_strict_on_top_level(name):
    pred = PREDICTIONS[name]()
    y_true, y_pred = [], []
    for d in sorted(GOLD):
        gold_rows = token_view.doc_rows(GOLD[d])
        pred_rows = token_view.doc_rows(GOLD[d], pred[d]["mentions"])  # the gold's sentences and tokens
        # the view loses nothing of the top-level mentions, on either side
        assert token_view.decode(pred_rows) == {(m["start"], m["end"], m["type"]) for m in token_view.top_level(pred[d]["mentions"])}
        y_true += [r["tags"] for r in gold_rows]
        y_pred += [r["tags"] for r in pred_rows]
    gold, predicted = _mentions_only(GOLD), _mentions_only(pred)
    pairs = ((d, gold[d], predicted.get(d)) for d in sorted(gold))
    ours = score(pairs, schema=load_schema()).as_dict()["metrics"]["mentions.strict"]
    theirs = f1_score(y_true, y_pred, mode="strict", scheme=IOB2)
    assert theirs == pytest.approx(ours["f1"], abs=1e-12)
    assert ours["tp"] > 0
    if name == "perturbed gold":
        assert ours["f1"] < 0.9  # the test can tell a difference


def test_nesting_counts_a_hand_checked_case():
    ms = [{"id": "a", "start": 0, "end": 10}, {"id": "b", "start": 0, "end": 4}, {"id": "c", "start": 6, "end": 10},
          {"id": "d", "start": 12, "end": 16}, {"id": "e", "start": 14, "end": 20}]
    assert token_view.nesting(ms) == {"mentions": 5, "top_level": 3, "nested_pairs": 2, "crossing_pairs": 1}
    assert [m["id"] for m in token_view.top_level(ms)] == ["a", "d", "e"]


def test_sentences_are_the_scorers_joined_where_a_mention_would_be_cut():
    text = "Talks with U.S. officials ended. Then more."
    mentions = [{"id": "m1", "start": 11, "end": 25, "text": "U.S. officials", "type": "GROUP"}]
    spans, joins = token_view.sentences("d", text, mentions)
    assert [text[a:b] for a, b in spans] == ["Talks with U.S. officials ended.", "Then more."]
    assert joins == 1
    spans, joins = token_view.sentences("d", text, [])
    assert [text[a:b] for a, b in spans] == ["Talks with U.S.", "officials ended.", "Then more."] and joins == 0


def test_a_mention_inside_a_token_is_refused_with_its_id():
    doc = {"id": "d", "text": "Putinism rises.", "mentions": []}
    with pytest.raises(ValueError, match=r"mention m1 'Putin' \[0, 5\) does not start and end on token boundaries"):
        token_view.doc_rows(doc, [{"id": "m1", "start": 0, "end": 5, "text": "Putin", "type": "PERSON"}])


def test_bio_decoding_is_strict_iob2():
    row = {"tags": ["B-PERSON", "I-PERSON", "I-STATE", "O", "I-PERSON", "B-TIME"],
           "token_starts": [0, 2, 4, 6, 8, 10], "token_ends": [1, 3, 5, 7, 9, 11]}
    # an I- of another type, or after O, starts nothing (seqeval strict drops such spans too)
    assert token_view.decode([row]) == {(0, 3, "PERSON"), (10, 11, "TIME")}
