"""Layer 2: event triggers and arguments (``events.trigger.*``, ``events.argument.*``) of one document."""

from __future__ import annotations

from .alignment import Alignment, Pair, items, optional_indices, span
from .counts import Tally
from .matching import match_keys

PER_TYPE = ("events.trigger.identification", "events.trigger.classification", "events.argument.classification")
ATTRIBUTES = ("type", "mode", "polarity", "modality")


def align(pair: Pair) -> tuple[dict[str, dict], dict[str, tuple[list, list]]]:
    """Predicted event id -> gold event with the same trigger span; attribute pairs."""
    gold_by_trigger = {span(e["trigger"]): e for e in items(pair.gold, "events")}
    mapping, pairs = {}, []
    for e in items(pair.pred, "events"):
        g = gold_by_trigger.get(span(e["trigger"]))
        if g is not None:
            mapping[e["id"]] = g
            if not g.get("optional"):  # attributes are compared on ordinary items only
                pairs.append((g, e))
    attrs = {f"events.{a}": ([g.get(a) for g, _ in pairs], [p.get(a, "<missing>") for _, p in pairs]) for a in ATTRIBUTES}
    return mapping, attrs


def score(pair: Pair, alignment: Alignment) -> dict[str, Tally]:
    """Triggers by span (and type); arguments attached to an event with the gold event's
    trigger span and type, fillers compared by their gold-side identity. The arguments of
    an optional gold event, and those whose filler is an optional item, are optional."""
    u = pair.text.unit
    opt_events = optional_indices(items(pair.gold, "events"))
    opt_args = {i for i, (e, a) in enumerate((e, a) for e in items(pair.gold, "events") for a in e.get("arguments") or [])
                if e.get("optional") or pair.optional(a["ref"])}

    def triggers(gold: bool, typed: bool):
        return [((*span(e["trigger"]), e["type"] if typed else None), u(e["trigger"]["start"]), e["type"])
                for e in items(pair.side(gold), "events")]

    def arguments(gold: bool, with_role: bool):
        for e in items(pair.side(gold), "events"):
            for a in e.get("arguments") or []:
                filler = alignment.filler(a["ref"], gold=gold)
                key = (*span(e["trigger"]), e["type"], a["role"] if with_role else None, filler)
                yield key, u(e["trigger"]["start"]), a["role"]

    return {
        "events.trigger.identification": match_keys(triggers(True, False), triggers(False, False), opt_events),
        "events.trigger.classification": match_keys(triggers(True, True), triggers(False, True), opt_events),
        "events.argument.identification": match_keys(arguments(True, False), arguments(False, False), opt_args),
        "events.argument.classification": match_keys(arguments(True, True), arguments(False, True), opt_args),
    }
