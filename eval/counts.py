"""Counts and the ratios computed from them.

Metrics return counts; ratios come last (coval returns numerator and
denominator, spaCy's PRFScore adds). Every metric in the output has the same
keys, and a ratio whose denominator is zero is ``None`` (JSON null), never 0.

**An empty side** (the rule of eval/METRICS.md, "Empty layers"): F1 is null only when
precision and recall are both undefined (no item on either side). When one of them is
undefined, the other is 0 (a system that predicts nothing recalls nothing; predictions
against an empty gold are all wrong), and F1 is 0. For counts that is
``2 tp / (2 tp + fp + fn)``, F1 as scikit-learn computes it since 1.3, with
``zero_division`` reached only when tp + fp + fn = 0; seqeval, conlleval and the
`evaluate` metrics give the same 0. The bootstrap (:mod:`.stats`) and `compare` apply the
same rule, so a system that leaves a layer out scores 0 on it everywhere.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Hashable

#: The keys every metric carries in the output, in this order.
METRIC_KEYS = ("precision", "recall", "f1", "tp", "fp", "fn", "p_num", "p_den", "r_num", "r_den", "ci")


def _div(num: float, den: float) -> float | None:
    return None if den == 0 else num / den


def f1_of(p: float | None, r: float | None) -> float | None:
    """Harmonic mean; 0 when one side is undefined or both are 0; None when both are undefined."""
    if p is None and r is None:
        return None
    if p is None or r is None:
        return 0.0  # one side empty: the other ratio is 0 (see the module docstring)
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def ratio_metric(p_num: float, p_den: float, r_num: float, r_den: float, *, tp=None, fp=None, fn=None) -> dict:
    p, r = _div(p_num, p_den), _div(r_num, r_den)
    return {"precision": p, "recall": r, "f1": f1_of(p, r), "tp": tp, "fp": fp, "fn": fn,
            "p_num": p_num, "p_den": p_den, "r_num": r_num, "r_den": r_den, "ci": None}


def count_metric(tp: int, fp: int, fn: int) -> dict:
    return ratio_metric(tp, tp + fp, tp, tp + fn, tp=tp, fp=fp, fn=fn)


@dataclass
class Tally:
    """tp / fp / fn of one metric, each counted per (unit, type).

    ``unit`` is the resampling unit of an item, ``(document id, sentence index)``;
    summing over units gives the corpus counts, over types the per-type ones.
    ``optional`` counts the optional gold items ("gold") and those a prediction
    matched ("matched"); they are in none of tp, fp, fn (eval/METRICS.md).
    """

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    optional: Counter = field(default_factory=Counter)

    def totals(self) -> tuple[int, int, int]:
        return sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())

    def metric(self) -> dict:
        return count_metric(*self.totals())

    def by(self, index: int) -> dict[Hashable, dict]:
        """Counts grouped by part ``index`` of the (unit, type) key: 0 unit, 1 type."""
        groups: dict = {}
        for which, counter in (("tp", self.tp), ("fp", self.fp), ("fn", self.fn)):
            for key, n in counter.items():
                g = key[index] if index == 1 else key[0][0]  # unit -> its document
                groups.setdefault(g, {"tp": 0, "fp": 0, "fn": 0})[which] += n
        return {g: count_metric(c["tp"], c["fp"], c["fn"]) for g, c in sorted(groups.items(), key=lambda kv: str(kv[0]))}

