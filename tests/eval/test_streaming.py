"""One scoring path: the corpus result is a sum over documents, whatever the unit kept."""

import json

import pytest

from ceasefire.data import data_dir, gold_dir
from ceasefire.schema.corpus import load_gold, load_predictions
from ceasefire.eval.scorer import score
from ceasefire.schema import load_schema

ROOT = data_dir().parent
SCHEMA = load_schema()


def _load(pred):
    gold = load_gold(gold_dir(), schema=SCHEMA)
    p, _ = load_predictions([ROOT / pred], gold, schema=SCHEMA, allow_missing=False)
    return gold, p


def _pairs(gold, p, order=None):
    return ((d, gold.documents[d], p.documents.get(d)) for d in (order or list(gold.documents)))


def _json(x):
    return json.loads(json.dumps(x, sort_keys=True))


@pytest.mark.parametrize("pred", ["data/annotations/B", "leaderboard/baseline.jsonl"])
def test_sentence_units_give_the_same_scores_as_document_units(pred):
    gold, p = _load(pred)
    by_doc = score(_pairs(gold, p), schema=SCHEMA, gold_corpus=gold.corpus, pred_corpus=p.corpus, units="document")
    by_sentence = score(_pairs(gold, p), schema=SCHEMA, gold_corpus=gold.corpus, pred_corpus=p.corpus, units="sentence")
    assert _json(by_doc.as_dict()) == _json(by_sentence.as_dict())
    assert len(by_sentence.units) > len(by_doc.units) == len(gold.documents)
    for name, t in by_doc.tallies.items():
        assert by_sentence.tallies[name].totals() == t.totals(), name


@pytest.mark.parametrize("pred", ["data/annotations/B", "leaderboard/baseline.jsonl"])
def test_each_document_row_is_that_document_scored_alone(pred):
    gold, p = _load(pred)
    whole = score(_pairs(gold, p, sorted(gold.documents, reverse=True)), schema=SCHEMA, gold_corpus=gold.corpus, pred_corpus=p.corpus)
    for d in gold.documents:
        alone = score(_pairs(gold, p, [d]), schema=SCHEMA)
        row = whole.per_document[d]
        for name, m in alone.metrics.items():
            if name in row and ".cross_doc" not in name and name != "relations.strict":
                assert _json(row[name]) == _json(m), (d, name)


def test_document_alignments_stream_to_the_caller_in_order():
    gold, p = _load("data/annotations/B")
    seen = []
    score(_pairs(gold, p), schema=SCHEMA, on_document=lambda pair, doc: seen.append((pair.doc_id, len(doc.alignment.mention))))
    assert [d for d, _ in seen] == list(gold.documents) and all(n > 0 for _, n in seen)
