"""Coreference metrics: MUC, B-cubed, CEAF-e, LEA, and the CoNLL average.

Each function takes the key (gold) and the response (predicted) as mappings
``mention -> cluster id`` and returns ``(p_num, p_den, r_num, r_den)``, which
add across documents. They work from sparse contingency counts (how many
mentions each key cluster shares with each response cluster), so their cost
is linear in the number of mentions, CEAF-e's assignment aside.

Definitions, with mentions present on one side only treated as in coval
(github.com/ns-moosavi/coval, ``coval/eval/evaluator.py``):

- MUC (Vilain et al. 1995): recall = sum over key clusters K of
  (|K| - |partition of K by the response|) / sum (|K| - 1); a key mention with
  no response cluster is a part of its own. Precision swaps key and response.
- B-cubed (Bagga and Baldwin 1998): recall = sum over K, R of |K n R|^2 / |K|,
  divided by the number of key mentions. Precision swaps.
- CEAF-e (Luo 2005): phi4(K, R) = 2 |K n R| / (|K| + |R|); the one-to-one
  alignment of clusters maximising the total phi4; recall = total / #key
  clusters, precision = total / #response clusters.
- LEA (Moosavi and Strube 2016): recall = sum over K of
  |K| * links(K found in the response) / links(K), divided by the number of key
  mentions, with links(n) = n(n-1)/2; a singleton's one "self link" is found
  when the mention is a singleton in the response too. Precision swaps.
- CoNLL (Pradhan et al. 2012): the mean of the MUC, B-cubed and CEAF-e F1.

Singletons are kept: every gold mention belongs to a cluster, one-mention
clusters included (B-cubed and CEAF-e depend on this; the README says so).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Hashable, Mapping

import numpy as np
from scipy.optimize import linear_sum_assignment

Assignment = Mapping[Hashable, Hashable]


def _contingency(key: Assignment, response: Assignment) -> Counter:
    return Counter((c, response[m]) for m, c in key.items() if m in response)


def _muc_side(key: Assignment, response: Assignment, cont: Counter, swap: bool) -> tuple[int, int]:
    sizes = Counter(key.values())
    parts = Counter()
    inside = Counter()
    for (k, r), n in cont.items():
        c = r if swap else k
        parts[c] += 1
        inside[c] += n
    num = den = 0
    for c, size in sizes.items():
        num += size - (parts[c] + size - inside[c])
        den += size - 1
    return num, den


def muc(key: Assignment, response: Assignment) -> tuple[float, float, float, float]:
    cont = _contingency(key, response)
    r_num, r_den = _muc_side(key, response, cont, swap=False)
    p_num, p_den = _muc_side(response, key, cont, swap=True)
    return p_num, p_den, r_num, r_den


def b_cubed(key: Assignment, response: Assignment) -> tuple[float, float, float, float]:
    cont = _contingency(key, response)
    ksize, rsize = Counter(key.values()), Counter(response.values())
    r_num = math.fsum(n * n / ksize[k] for (k, _), n in cont.items())
    p_num = math.fsum(n * n / rsize[r] for (_, r), n in cont.items())
    return p_num, len(response), r_num, len(key)


def ceaf_e(key: Assignment, response: Assignment) -> tuple[float, float, float, float]:
    cont = _contingency(key, response)
    ksize, rsize = Counter(key.values()), Counter(response.values())
    total = _max_alignment({(k, r): 2 * n / (ksize[k] + rsize[r]) for (k, r), n in cont.items()})
    return total, len(rsize), total, len(ksize)


def _max_alignment(weights: dict[tuple, float]) -> float:
    """Total weight of the best one-to-one alignment, solved per connected component."""
    adj_k: dict = defaultdict(list)
    adj_r: dict = defaultdict(list)
    for k, r in weights:
        adj_k[k].append(r)
        adj_r[r].append(k)
    seen_k: set = set()
    parts: list[float] = []
    for start in adj_k:
        if start in seen_k:
            continue
        ks, rs, stack = [], set(), [start]
        seen_k.add(start)
        while stack:
            k = stack.pop()
            ks.append(k)
            for r in adj_k[k]:
                if r not in rs:
                    rs.add(r)
                    for k2 in adj_r[r]:
                        if k2 not in seen_k:
                            seen_k.add(k2)
                            stack.append(k2)
        if len(ks) == 1 and len(rs) == 1:
            parts.append(weights[(ks[0], next(iter(rs)))])
            continue
        rl = list(rs)
        ri = {r: i for i, r in enumerate(rl)}
        m = np.zeros((len(ks), len(rl)))
        for i, k in enumerate(ks):
            for r in adj_k[k]:
                m[i, ri[r]] = weights[(k, r)]
        rows, cols = linear_sum_assignment(m, maximize=True)
        parts.extend(float(x) for x in m[rows, cols])
    # fsum: exactly rounded, so the total does not depend on the order of the input
    return math.fsum(parts)


def _lea_side(key: Assignment, response: Assignment, cont: Counter, swap: bool) -> tuple[float, int]:
    sizes = Counter(key.values())
    other_sizes = Counter(response.values())
    common = Counter()
    for (k, r), n in cont.items():
        c = r if swap else k
        common[c] += n * (n - 1) / 2
    singleton_found = set()
    for m, c in key.items():
        if sizes[c] == 1 and m in response and other_sizes[response[m]] == 1:
            singleton_found.add(c)
    terms = []
    for c, size in sizes.items():
        if size == 1:
            terms.append(1.0 if c in singleton_found else 0.0)
        else:
            terms.append(size * common[c] / (size * (size - 1) / 2))
    return math.fsum(terms), sum(sizes.values())


def lea(key: Assignment, response: Assignment) -> tuple[float, float, float, float]:
    cont = _contingency(key, response)
    r_num, r_den = _lea_side(key, response, cont, swap=False)
    p_num, p_den = _lea_side(response, key, cont, swap=True)
    return p_num, p_den, r_num, r_den


METRICS = {"muc": muc, "b3": b_cubed, "ceafe": ceaf_e, "lea": lea}
CONLL_PARTS = ("muc", "b3", "ceafe")
