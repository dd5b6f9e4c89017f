"""The plain-Python assignment solver against scipy.optimize.linear_sum_assignment."""

import random

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from ceasefire.eval.assignment import _hungarian, components, max_weight_assignment


@pytest.mark.parametrize("seed", range(200))
def test_same_optimal_total_as_scipy(seed):
    rng = random.Random(seed)
    n, m = rng.randrange(1, 9), rng.randrange(1, 9)
    # sparse, tied and fractional weights, as the matchings and CEAF-e produce
    w = [[rng.choice([0.0, 0.0, 0.5, 1.0, rng.random(), 3 + rng.random()]) for _ in range(m)] for _ in range(n)]
    ours = max_weight_assignment(w)
    rows, cols = linear_sum_assignment(np.asarray(w), maximize=True)
    assert len(ours) == min(n, m)
    assert len({r for r, _ in ours}) == len({c for _, c in ours}) == len(ours)
    assert abs(sum(w[r][c] for r, c in ours) - float(np.asarray(w)[rows, cols].sum())) < 1e-9


def test_large_matrices_go_to_scipy_with_the_same_result():
    rng = random.Random(1)
    w = [[rng.random() for _ in range(30)] for _ in range(25)]  # 750 cells > SMALL
    big = max_weight_assignment(w)
    small = _hungarian(w)
    assert abs(sum(w[r][c] for r, c in big) - sum(w[r][c] for r, c in small)) < 1e-9


def test_components_by_hand():
    # left 1-2 share right "x"; left 3 alone with "y"; left "x" is not right "x"
    edges = [(1, "x"), (3, "y"), (2, "x"), ("x", "z")]
    assert components(edges) == [[(1, "x"), (2, "x")], [(3, "y")], [("x", "z")]]
    assert components([]) == []


@pytest.mark.parametrize("seed", range(50))
def test_components_agree_with_scipy(seed):
    """The same partition of the edges as scipy.sparse.csgraph.connected_components."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    rng = random.Random(seed)
    n, m = rng.randrange(1, 12), rng.randrange(1, 12)
    edges = sorted({(rng.randrange(n), rng.randrange(m)) for _ in range(rng.randrange(1, 20))})
    rng.shuffle(edges)
    graph = coo_matrix(([1] * len(edges), ([g for g, _ in edges], [n + p for _, p in edges])), shape=(n + m, n + m))
    _, label = connected_components(graph, directed=False)
    theirs = {frozenset(e for e in edges if label[e[0]] == c) for c in {label[g] for g, _ in edges}}
    ours = components(edges)
    assert {frozenset(c) for c in ours} == theirs
    assert [e for c in ours for e in c] != [] and all(c == [e for e in edges if e in set(c)] for c in ours)  # input order kept
