"""Invariances of the scorer, and a differential test of the span metrics."""

import itertools
import json
import random

import pytest

from helpers.casebook import doc, run
from ceasefire.schema import read_records
from ceasefire.schema.validate import validate_records

from helpers.paths import EXAMPLES


def _example():
    loaded, _ = read_records([EXAMPLES / "valid" / "example.jsonl"])
    v = validate_records(loaded)
    return v.documents, v.corpus


def _strip(result):
    return {k: v for k, v in result.items() if not k.startswith("_")}


def test_perfect_prediction_scores_one_wherever_defined():
    docs, corpus = _example()
    r = run(list(docs.values()), list(docs.values()), corpus, corpus)
    for name, m in r["metrics"].items():
        assert m["f1"] in (1.0, None), name
        if m["fp"] is not None:
            assert m["fp"] == 0 and m["fn"] == 0, name
    assert all(a["accuracy"] == 1.0 for a in r["attributes"].values())


def test_empty_prediction_has_recall_zero_and_precision_null():
    docs, corpus = _example()
    r = run(list(docs.values()), [{"id": d} for d in docs], corpus, None)
    for name, m in r["metrics"].items():
        assert m["precision"] is None, name
        assert m["recall"] in (0.0, None), name
        if name in ("mentions.strict", "events.trigger.classification", "claims.tuple", "relations.strict"):
            assert m["recall"] == 0.0


def _shuffled(docs, rng):
    out = []
    for d in docs:
        d = json.loads(json.dumps(d))
        for layer in ("mentions", "entities", "events", "claims", "relations"):
            if layer in d:
                rng.shuffle(d[layer])
        for e in d.get("events", []):
            rng.shuffle(e["arguments"])
        out.append(d)
    rng.shuffle(out)
    return out


def test_shuffled_input_gives_identical_output():
    docs, corpus = _example()
    gold = list(docs.values())
    pred = json.loads(json.dumps(gold))
    # make the prediction imperfect in several layers
    pred[0]["mentions"][0]["type"] = "GROUP"
    pred[0]["mentions"][1]["entity"] = "trump"
    pred[1]["events"][0]["type"] = "CONSULT"
    pred[0]["relations"].pop()
    base = _strip(run(gold, pred, corpus, corpus))
    rng = random.Random(7)
    for _ in range(5):
        again = _strip(run(_shuffled(gold, rng), _shuffled(pred, rng), corpus, corpus))
        assert json.dumps(again, sort_keys=True) == json.dumps(base, sort_keys=True)


# --- differential: brute-force maximum matching vs the scorer ----------------------------

def _brute_force(gold, pred, ok):
    """Largest number of one-to-one pairs (g, p) with ok(g, p), by trying every assignment."""
    best = 0
    small, large = (gold, pred) if len(gold) <= len(pred) else (pred, gold)
    swap = small is pred
    for perm in itertools.permutations(range(len(large)), len(small)):
        n = sum(ok(large[j], small[i]) if swap else ok(small[i], large[j]) for i, j in enumerate(perm))
        best = max(best, n)
    return best


def _iou(a, b):
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else 0.0


@pytest.mark.parametrize("seed", range(40))
def test_span_metrics_agree_with_brute_force(seed):
    rng = random.Random(seed)
    text = "x" * 40
    types = ["PERSON", "STATE"]

    def spans(n):
        out = set()
        while len(out) < n:
            s = rng.randrange(0, 36)
            out.add((s, s + rng.randrange(1, 5), rng.choice(types)))
        return sorted(out)

    g, p = spans(rng.randrange(0, 6)), spans(rng.randrange(0, 6))
    # one mention per span on each side (the validator's rule)
    g = list({(s, e): (s, e, t) for s, e, t in g}.values())
    p = list({(s, e): (s, e, t) for s, e, t in p}.values())
    mk = lambda prefix, xs: [{"id": f"{prefix}{i}", "start": s, "end": e, "text": text[s:e], "type": t} for i, (s, e, t) in enumerate(xs)]
    r = run([doc("d", text, mk("g", g))], [doc("d", text, mk("p", p))])
    expected = {
        "mentions.strict": _brute_force(g, p, lambda a, b: a == b),
        "mentions.exact": _brute_force(g, p, lambda a, b: a[:2] == b[:2]),
        "mentions.overlap": _brute_force(g, p, lambda a, b: a[2] == b[2] and _iou(a, b) >= 0.5),
        "mentions.type": _brute_force(g, p, lambda a, b: a[2] == b[2] and _iou(a, b) > 0),
    }
    for name, tp in expected.items():
        m = r["metrics"][name]
        assert (m["tp"], m["fp"], m["fn"]) == (tp, len(p) - tp, len(g) - tp), name
