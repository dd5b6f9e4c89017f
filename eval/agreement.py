"""Agreement on an attribute over aligned pairs: accuracy, macro-F1 and Cohen's kappa.

Computed here in a few lines of plain Python, so that scoring does not pay for
importing scikit-learn (about half a second); ``tests/eval/test_agreement.py`` checks
both figures against scikit-learn's ``f1_score(average="macro")`` and
``cohen_kappa_score``, the reference implementation.
"""

from __future__ import annotations

from collections import Counter

MISSING = "<missing>"  # a predicted item without the attribute: a label of its own, always wrong
NULL = "<null>"  # a null value compares as this label


def agreement(gold: list, pred: list) -> dict:
    """Accuracy, macro-F1 over the labels seen in gold or prediction, and Cohen's kappa
    (null when only one label occurs, where chance agreement is 1)."""
    n = len(gold)
    if n == 0:
        return {"accuracy": None, "macro_f1": None, "kappa": None, "n": 0, "correct": 0}
    g = [NULL if x is None else str(x) for x in gold]
    p = [NULL if x is None else str(x) for x in pred]
    correct = sum(a == b for a, b in zip(g, p))
    labels = sorted(set(g) | set(p))
    return {"accuracy": correct / n, "macro_f1": macro_f1(g, p, labels), "kappa": kappa(g, p, labels) if len(labels) > 1 else None,
            "n": n, "correct": correct}


def macro_f1(g: list[str], p: list[str], labels: list[str]) -> float:
    """Mean over labels of 2 tp / (gold + predicted), as scikit-learn with zero_division=0."""
    tp = Counter(a for a, b in zip(g, p) if a == b)
    gc, pc = Counter(g), Counter(p)
    return sum(2 * tp[x] / (gc[x] + pc[x]) if gc[x] + pc[x] else 0.0 for x in labels) / len(labels)


def kappa(g: list[str], p: list[str], labels: list[str]) -> float:
    """Cohen's kappa: (observed - chance agreement) / (1 - chance agreement)."""
    n = len(g)
    observed = sum(a == b for a, b in zip(g, p)) / n
    gc, pc = Counter(g), Counter(p)
    chance = sum(gc[x] * pc[x] for x in labels) / (n * n)
    return (observed - chance) / (1 - chance)
