"""Attribute agreement against scikit-learn, the reference implementation of macro-F1 and kappa."""

import random

import pytest
from sklearn.metrics import cohen_kappa_score, f1_score

from ceasefire.eval.agreement import agreement


@pytest.mark.parametrize("seed", range(60))
def test_macro_f1_and_kappa_equal_scikit_learn(seed):
    rng = random.Random(seed)
    labels = ["A", "B", "C", None, "<missing>"][: rng.randrange(2, 6)]
    n = rng.randrange(1, 40)
    gold = [rng.choice(labels[:-1] or labels) for _ in range(n)]
    pred = [x if rng.random() < 0.6 else rng.choice(labels) for x in gold]
    ours = agreement(gold, pred)
    g = ["<null>" if x is None else x for x in gold]
    p = ["<null>" if x is None else x for x in pred]
    seen = sorted(set(g) | set(p))
    assert abs(ours["macro_f1"] - f1_score(g, p, labels=seen, average="macro", zero_division=0)) < 1e-12
    if len(seen) < 2:
        assert ours["kappa"] is None
    else:
        assert abs(ours["kappa"] - cohen_kappa_score(g, p, labels=seen)) < 1e-12
    assert ours["accuracy"] == sum(a == b for a, b in zip(g, p)) / n


def test_no_pairs_is_null():
    assert agreement([], []) == {"accuracy": None, "macro_f1": None, "kappa": None, "n": 0, "correct": 0}
