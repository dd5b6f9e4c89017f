"""Maximum-weight one-to-one assignment of the rows and columns of a small dense matrix.

Both optimal matchings (:mod:`.matching`) and CEAF-e (:mod:`.coref`) solve many tiny
problems, one per connected component. Up to ``SMALL`` cells they are solved here
in plain Python (the Hungarian algorithm with potentials, O(n^2 m); Kuhn 1955,
Munkres 1957, in the shortest-augmenting-path form of Jonker and Volgenant 1987),
which spares every run of the command line the ~0.4 s import of SciPy; larger ones
go to ``scipy.optimize.linear_sum_assignment`` when SciPy is installed (the 'stats'
extra), and to the same Python solver otherwise: the core install scores every input,
only more slowly on very large components. ``tests/eval/test_assignment.py`` checks that both
give the same optimal total on random matrices.
"""

from __future__ import annotations

from typing import Hashable, Iterable

#: Matrices with at most this many cells are solved in Python (a few milliseconds at most).
SMALL = 400


def components(edges: Iterable[tuple[Hashable, Hashable]]) -> list[list[tuple]]:
    """The edges of a bipartite graph, (left, right) pairs, grouped by connected component.

    Left and right nodes are apart even when equal. Each group keeps the input order, and
    the groups come in the order of their first edge, so results never depend on hashing.
    Union-find with path halving: near-linear in the number of edges.
    """
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = list(edges)
    for a, b in edges:
        ra, rb = find((0, a)), find((1, b))
        if ra != rb:
            parent[ra] = rb
    groups: dict = {}
    for e in edges:
        groups.setdefault(find((0, e[0])), []).append(e)
    return list(groups.values())


def max_weight_assignment(w: list[list[float]]) -> list[tuple[int, int]]:
    """(row, column) pairs of an assignment of min(rows, columns) pairs of maximum total weight."""
    n = len(w)
    m = len(w[0]) if n else 0
    if n == 0 or m == 0:
        return []
    if n * m > SMALL and _scipy() is not None:
        import numpy as np

        rows, cols = _scipy()(np.asarray(w, dtype=float), maximize=True)
        return [(int(r), int(c)) for r, c in zip(rows, cols)]
    if n > m:
        return [(r, c) for c, r in _hungarian([list(col) for col in zip(*w)])]
    return _hungarian(w)


def _scipy():
    """scipy.optimize.linear_sum_assignment, or None without SciPy (the core install)."""
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError:
        return None
    return linear_sum_assignment


def _hungarian(w: list[list[float]]) -> list[tuple[int, int]]:
    """Every row assigned to a distinct column (rows <= columns), maximising the total."""
    n, m = len(w), len(w[0])
    inf = float("inf")
    u = [0.0] * (n + 1)  # row potentials
    v = [0.0] * (m + 1)  # column potentials
    p = [0] * (m + 1)  # p[j]: the row assigned to column j (1-based; 0 = none)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:  # grow a shortest augmenting path from row i
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            row = w[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -row[j - 1] - u[i0] - v[j]  # costs are negated weights
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:  # augment along the path
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j])
