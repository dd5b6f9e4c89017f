"""One-to-one matching of gold and predicted items.

Two ways, both independent of input order:

- :func:`match_keys`: items match when their keys are equal (exact spans,
  spans with type, argument tuples). Equal keys are interchangeable, so
  counting ``min(gold, pred)`` per key is the optimal one-to-one matching.
- :func:`match_optimal`: items match when a scoring function admits the pair
  (character IoU >= 0.5, any overlap, ...). The matching maximises first the
  number of matched pairs, then the total score (the Hungarian algorithm of
  :mod:`.assignment`, run per connected component of the candidate graph).
  nervaluate's greedy matching is what this replaces.

Both take ``optional``, the indices of gold items marked optional (the optional
slots of the TAC KBP slot-filling scorer): they take part in the matching like any
other gold item, so that a prediction matching one is not counted as a false
positive elsewhere; then a matched pair leaves tp, fp and fn, and an unmatched
optional item is not missed. Among equal keys, ordinary gold items are matched
first (equal keys are interchangeable, so this only gives the prediction the tp).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable, Collection, Hashable, Iterable, Sequence

from .assignment import components, max_weight_assignment
from .counts import Tally

#: An item to match: (key, unit, type). ``unit`` is where it counts for resampling.
Item = tuple[Hashable, Hashable, Hashable]


def match_keys(gold: Iterable[Item], pred: Iterable[Item], optional: Collection[int] = ()) -> Tally:
    gold, pred = list(gold), list(pred)
    if optional:
        return _match_counted(gold, pred, optional)
    g = {k: (u, t) for k, u, t in gold}
    p = {k: (u, t) for k, u, t in pred}
    if len(g) == len(gold) and len(p) == len(pred):
        # every key once on each side (the usual case): plain set operations
        common = g.keys() & p.keys()
        return Tally(Counter(map(g.__getitem__, common)), Counter(map(p.__getitem__, p.keys() - common)),
                     Counter(map(g.__getitem__, g.keys() - common)))
    return _match_counted(gold, pred)


def _match_counted(gold: list[Item], pred: list[Item], optional: Collection[int] = ()) -> Tally:
    """Keys that repeat: match min(count in gold, count in pred) of each, ordinary gold
    items before optional ones (popped from the end, so optional ones go first in)."""
    tally = Tally()
    pending: dict[Hashable, list] = defaultdict(list)
    for i in sorted(range(len(gold)), key=lambda i: i not in optional):
        key, unit, typ = gold[i]
        pending[key].append((unit, typ, i in optional))
    for key, unit, typ in pred:
        waiting = pending.get(key)
        if waiting:
            u, t, opt = waiting.pop()
            if opt:
                tally.optional["matched"] += 1
            else:
                tally.tp[(u, t)] += 1
        else:
            tally.fp[(unit, typ)] += 1
    for waiting in pending.values():
        for u, t, opt in waiting:
            if not opt:
                tally.fn[(u, t)] += 1
    tally.optional["gold"] += len(optional)
    return tally


def match_optimal(
    gold: Sequence[Item],
    pred: Sequence[Item],
    candidates: Iterable[tuple[int, int]],
    score: Callable[[int, int], float | None],
    *,
    prefer: Callable[[int, int], int] | None = None,
    prefer_max: int = 0,
    optional: Collection[int] = (),
) -> tuple[Tally, list[tuple[int, int]]]:
    """Match by index; ``candidates`` are (gold index, pred index) pairs worth scoring.

    ``score(g, p)`` returns a weight in [0, 1] for an admissible pair, None otherwise.
    Among the matchings with the most pairs and then the greatest total weight (to
    ``DIGITS`` decimals), the greatest total ``prefer(g, p)`` (an integer from 0 to
    ``prefer_max``) breaks ties; what is still tied goes to the predicted items whose
    keys sort first. Keys are content, so the result never
    depends on the order of the input. Optional gold items (indices in ``optional``)
    are matched like the others and then left out of the counts. Returns the tally
    and the matched pairs (with optional ones).
    """
    edges: dict[tuple[int, int], float] = {}
    for g, p in candidates:
        w = score(g, p)
        if w is not None:
            edges[(g, p)] = w
    pairs = _assign(edges, gold, pred, (prefer, prefer_max) if prefer else None)
    tally = Tally()
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for g, _ in pairs:
        if g in optional:
            tally.optional["matched"] += 1
        else:
            tally.tp[(gold[g][1], gold[g][2])] += 1
    for i, (_, unit, typ) in enumerate(pred):
        if i not in matched_p:
            tally.fp[(unit, typ)] += 1
    for i, (_, unit, typ) in enumerate(gold):
        if i not in matched_g and i not in optional:
            tally.fn[(unit, typ)] += 1
    tally.optional["gold"] += len(optional)
    return tally, pairs


#: Weights are compared to this many decimals, so that equal overlaps computed in a
#: different order (float sums) tie exactly and the tie-breaking rule decides.
DIGITS = 6


def _sort_key(key) -> tuple:
    """A total order over keys of mixed types: numbers by value, strings as such,
    tuples element by element, anything else by its repr."""
    if isinstance(key, tuple):
        return (2, tuple(_sort_key(x) for x in key))
    if isinstance(key, (int, float)) and not isinstance(key, bool):
        return (0, key)
    return (1, key if isinstance(key, str) else repr(key))


def _assign(edges: dict[tuple[int, int], float], gold: Sequence[Item], pred: Sequence[Item], prefer) -> list[tuple[int, int]]:
    """Maximum-cardinality, then maximum-weight, matching of a sparse bipartite graph."""
    if not edges:
        return []
    # pairs whose two ends have no other edge are matched as they are (the common case)
    g_deg = Counter(g for g, _ in edges)
    p_deg = Counter(p for _, p in edges)
    pairs = [(g, p) for g, p in edges if g_deg[g] == 1 and p_deg[p] == 1]
    if len(pairs) == len(edges):
        return sorted(pairs)
    alone = set(pairs)
    edges = {e: w for e, w in edges.items() if e not in alone}
    return sorted(pairs + _assign_components(edges, gold, pred, prefer))


def _assign_components(edges: dict[tuple[int, int], float], gold, pred, prefer) -> list[tuple[int, int]]:
    pairs = []
    for comp in ([(g, p, edges[(g, p)]) for g, p in group] for group in components(edges)):
        if len(comp) == 1:
            pairs.append(comp[0][:2])
            continue
        # rows and columns in the order of their keys (content), never of the input
        gs = sorted({g for g, _, _ in comp}, key=lambda i: _sort_key(gold[i][0]))
        ps = sorted({p for _, p, _ in comp}, key=lambda i: _sort_key(pred[i][0]))
        gi = {g: i for i, g in enumerate(gs)}
        pi = {p: i for i, p in enumerate(ps)}
        # weight 1 per matched pair dominates any sum of scores (each score <= 1,
        # at most k pairs); the tie-break terms sum to less than one unit of the last
        # decimal kept: preference first, then the earlier key
        k = min(len(gs), len(ps))
        bonus = k + 1
        unit = 10.0 ** -DIGITS / (k + 1)
        w = [[0.0] * len(ps) for _ in gs]
        for g, p, s in comp:
            tie = 0.0
            if prefer is not None:
                fn, most = prefer
                # the preference sums to an integer; the key's rank adds less than 1 in all
                tie = unit * (fn(g, p) + (1 - pi[p] / len(ps)) / (k + 1)) / (most + 1)
            w[gi[g]][pi[p]] = bonus + round(s, DIGITS) + tie
        pairs.extend((gs[r], ps[c]) for r, c in max_weight_assignment(w) if w[r][c] > 0)
    return pairs


def overlapping_pairs(gold_spans: Sequence[tuple[int, int]], pred_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(gold index, pred index) of every pair of spans sharing at least one character."""
    order = sorted(range(len(gold_spans)), key=lambda i: gold_spans[i])
    starts = [gold_spans[i][0] for i in order]
    import bisect

    max_len = max((e - s for s, e in gold_spans), default=0)
    out = []
    for p, (ps, pe) in enumerate(pred_spans):
        lo = bisect.bisect_left(starts, ps - max_len)
        hi = bisect.bisect_left(starts, pe)
        for k in range(lo, hi):
            g = order[k]
            gs, ge = gold_spans[g]
            if ge > ps and gs < pe:
                out.append((g, p))
    return out
