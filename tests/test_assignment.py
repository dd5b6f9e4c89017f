"""The plain-Python assignment solver against scipy.optimize.linear_sum_assignment."""

import random

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from ceasefire.eval.assignment import _hungarian, max_weight_assignment


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
