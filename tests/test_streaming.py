"""score_documents (one document at a time) gives exactly what score gives."""

import json

import pytest

from ceasefire.data import data_dir, gold_dir
from ceasefire.eval.gold import load_gold, load_predictions
from ceasefire.eval.scorer import score, score_documents
from ceasefire.schema import load_schema

ROOT = data_dir().parent


def _strip(result):
    return json.loads(json.dumps({k: v for k, v in result.items() if not k.startswith("_")}, sort_keys=True))


@pytest.mark.parametrize("pred", ["data/gold", "data/annotations/A", "data/annotations/B", "leaderboard/baseline.jsonl"])
@pytest.mark.parametrize("units", ["document", "sentence"])
def test_streaming_equals_in_memory(pred, units):
    schema = load_schema()
    gold = load_gold(gold_dir(), schema=schema)
    p, _ = load_predictions([ROOT / pred], gold, schema=schema, allow_missing=False)
    whole = score(gold.documents, p.documents, gold_corpus=gold.corpus, pred_corpus=p.corpus, units=units, schema=schema)
    pairs = ((d, gold.documents[d], p.documents.get(d)) for d in gold.documents)
    streamed = score_documents(pairs, gold_corpus=gold.corpus, pred_corpus=p.corpus, units=units, schema=schema)
    assert _strip(streamed) == _strip(whole)
    assert streamed["_units"] == whole["_units"]
    for name, t in whole["_tallies"].items():
        assert streamed["_tallies"][name].totals() == t.totals(), name
