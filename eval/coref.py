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
clusters included (B-cubed and CEAF-e depend on this; eval/METRICS.md says so).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Hashable, Mapping

from .assignment import components, max_weight_assignment
from .counts import f1_of, ratio_metric


Assignment = Mapping[Hashable, Hashable]


class Contingency:
    """Sufficient statistics of key against response: how many mentions each key cluster
    shares with each response cluster, and every cluster's size. They add up across
    documents, so corpus-wide clusters can be scored one document at a time."""

    __slots__ = ("shared", "key_size", "resp_size")

    def __init__(self):
        self.shared: Counter = Counter()
        self.key_size: Counter = Counter()
        self.resp_size: Counter = Counter()

    @classmethod
    def of(cls, key: Assignment, response: Assignment) -> "Contingency":
        c = cls()
        c.add(key, response)
        return c

    def add(self, key: Assignment, response: Assignment) -> None:
        """Add the mentions of one document (mention keys must not repeat across calls)."""
        self.shared.update((c, response[m]) for m, c in key.items() if m in response)
        self.key_size.update(key.values())
        self.resp_size.update(response.values())

    def merge(self, other: "Contingency") -> None:
        """Add another document's table (its mentions are not in this one)."""
        self.shared.update(other.shared)
        self.key_size.update(other.key_size)
        self.resp_size.update(other.resp_size)


def _muc_side(sizes: Counter, shared: Counter, swap: bool) -> tuple[int, int]:
    parts = Counter()
    inside = Counter()
    for (k, r), n in shared.items():
        c = r if swap else k
        parts[c] += 1
        inside[c] += n
    num = den = 0
    for c, size in sizes.items():
        num += size - (parts[c] + size - inside[c])
        den += size - 1
    return num, den


def muc_c(c: Contingency) -> tuple[float, float, float, float]:
    r_num, r_den = _muc_side(c.key_size, c.shared, swap=False)
    p_num, p_den = _muc_side(c.resp_size, c.shared, swap=True)
    return p_num, p_den, r_num, r_den


def b_cubed_c(c: Contingency) -> tuple[float, float, float, float]:
    r_num = math.fsum(n * n / c.key_size[k] for (k, _), n in c.shared.items())
    p_num = math.fsum(n * n / c.resp_size[r] for (_, r), n in c.shared.items())
    return p_num, sum(c.resp_size.values()), r_num, sum(c.key_size.values())


def ceaf_e_c(c: Contingency) -> tuple[float, float, float, float]:
    total = _max_alignment({(k, r): 2 * n / (c.key_size[k] + c.resp_size[r]) for (k, r), n in c.shared.items()})
    return total, len(c.resp_size), total, len(c.key_size)


def _max_alignment(weights: dict[tuple, float]) -> float:
    """Total weight of the best one-to-one alignment, solved per connected component."""
    parts: list[float] = []
    for comp in components(weights):
        if len(comp) == 1:
            parts.append(weights[comp[0]])
            continue
        ki = {k: i for i, k in enumerate(dict.fromkeys(k for k, _ in comp))}
        ri = {r: i for i, r in enumerate(dict.fromkeys(r for _, r in comp))}
        m = [[0.0] * len(ri) for _ in ki]
        for k, r in comp:
            m[ki[k]][ri[r]] = weights[(k, r)]
        parts.extend(m[r][c] for r, c in max_weight_assignment(m))
    # fsum: exactly rounded, so the total does not depend on the order of the input
    return math.fsum(parts)


def _lea_side(sizes: Counter, other_sizes: Counter, shared: Counter, swap: bool) -> tuple[float, int]:
    common = Counter()
    singleton_found = set()
    for (k, r), n in shared.items():
        c, o = (r, k) if swap else (k, r)
        common[c] += n * (n - 1) / 2
        if n == 1 and sizes[c] == 1 and other_sizes[o] == 1:
            singleton_found.add(c)
    terms = []
    for c, size in sizes.items():
        if size == 1:
            terms.append(1.0 if c in singleton_found else 0.0)
        else:
            terms.append(size * common[c] / (size * (size - 1) / 2))
    return math.fsum(terms), sum(sizes.values())


def lea_c(c: Contingency) -> tuple[float, float, float, float]:
    r_num, r_den = _lea_side(c.key_size, c.resp_size, c.shared, swap=False)
    p_num, p_den = _lea_side(c.resp_size, c.key_size, c.shared, swap=True)
    return p_num, p_den, r_num, r_den


def muc(key: Assignment, response: Assignment) -> tuple[float, float, float, float]:
    return muc_c(Contingency.of(key, response))


def b_cubed(key: Assignment, response: Assignment) -> tuple[float, float, float, float]:
    return b_cubed_c(Contingency.of(key, response))


def ceaf_e(key: Assignment, response: Assignment) -> tuple[float, float, float, float]:
    return ceaf_e_c(Contingency.of(key, response))


def lea(key: Assignment, response: Assignment) -> tuple[float, float, float, float]:
    return lea_c(Contingency.of(key, response))


METRICS = {"muc": muc, "b3": b_cubed, "ceafe": ceaf_e, "lea": lea}
FROM_CONTINGENCY = {"muc": muc_c, "b3": b_cubed_c, "ceafe": ceaf_e_c, "lea": lea_c}
CONLL_PARTS = ("muc", "b3", "ceafe")


def scope_metrics(counts: dict[str, tuple]) -> dict[str, dict]:
    """The metrics of one scope (metric name -> counts), with their CoNLL mean.

    MUC has no links to count on a side whose clusters are all singletons. As coval
    (``coval/eval/evaluator.py``; its unittests TC-A-10, TC-M-2) and scorch do, the
    ratio over that side is then 0, not null, when the other side has links and the
    side itself has mentions: an all-singleton response scores MUC 0/0/0, and CoNLL
    stays a number. With links on neither side (or no mentions), MUC stays null.
    """
    out = {name: ratio_metric(*c) for name, c in counts.items()}
    muc, b3 = out["muc"], counts["b3"]
    resp_mentions, key_mentions = b3[1], b3[3]
    if muc["p_den"] == 0 and muc["r_den"] > 0 and resp_mentions > 0:
        muc["precision"] = 0.0
    if muc["r_den"] == 0 and muc["p_den"] > 0 and key_mentions > 0:
        muc["recall"] = 0.0
    muc["f1"] = f1_of(muc["precision"], muc["recall"])
    f1s = [out[n]["f1"] for n in CONLL_PARTS]
    conll = ratio_metric(0, 0, 0, 0)
    conll.update(f1=None if None in f1s else sum(f1s) / len(f1s), p_num=None, p_den=None, r_num=None, r_den=None)
    out["conll"] = conll
    return out
