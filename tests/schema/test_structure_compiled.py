"""The compiled structural check (schema/structure.py) agrees with the interpreter it skips.

``Checker.valid`` answers "valid?" without building messages; ``Checker.check`` walks only what
fails. Both must agree with the plain interpreter on every value: valid exactly when the
interpreter finds nothing, and the same messages in the same order when it finds something.
The values are the shipped gold records with one change each, of every kind the schema checks.
"""

import copy
import json

import pytest

from ceasefire.data import gold_dir
from ceasefire.schema import load_schema
from ceasefire.schema.json_schema import build
from ceasefire.schema.structure import Checker


class Interpreter(Checker):
    """The interpreter alone: nothing is ever taken as valid without walking it."""

    def valid(self, schema):
        return lambda value: False


def _document() -> dict:
    """A shipped gold document cut to three items per layer (the checks are per item)."""
    path = next(p for p in sorted(gold_dir().glob("*.json")) if p.stem != "corpus")
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {k: v[:3] if isinstance(v, list) else v for k, v in doc.items()}


#: Replacement values that break (or happen to satisfy) the keywords of the schema subset.
ODD = [None, True, 0, -1, 1.5, "", " ", "x y", "m1\n", "NOT_A_TYPE", [], [1], {}, {"x": 1}]


def _mutations(doc: dict):
    """Yield copies of ``doc`` with one field changed, dropped or added, in every layer."""
    yield "unchanged", doc
    for layer in ("mentions", "entities", "events", "claims", "relations"):
        items = doc.get(layer) or []
        if not items:
            continue
        item = items[len(items) // 2]
        fields = list(item) + [f"{k}.{s}" for k, v in item.items() if isinstance(v, dict) for s in v]
        for name in fields:
            for odd in ODD:
                changed = copy.deepcopy(doc)
                target = changed[layer][len(items) // 2]
                *parents, last = name.split(".")
                for p in parents:
                    target = target[p]
                target[last] = odd
                yield f"{layer}.{name}={odd!r}", changed
            changed = copy.deepcopy(doc)
            target = changed[layer][len(items) // 2]
            *parents, last = name.split(".")
            for p in parents:
                target = target[p]
            del target[last]
            yield f"{layer}.{name} dropped", changed
        changed = copy.deepcopy(doc)
        changed[layer][0]["surplus"] = 1
        yield f"{layer} surplus field", changed
        changed = copy.deepcopy(doc)
        changed[layer].append("not an object")
        yield f"{layer} non-object item", changed
    for key in ("id", "text", "record", "meta"):
        for odd in ODD:
            changed = copy.deepcopy(doc)
            changed[key] = odd
            yield f"{key}={odd!r}", changed


@pytest.mark.parametrize("gold", [True, False])
def test_compiled_check_agrees_with_the_interpreter(gold):
    root = build(load_schema(), gold=gold)
    target = root["$defs"]["document"]
    fast, slow = Checker(root), Interpreter(root)
    seen_invalid = seen_valid = 0
    for what, value in _mutations(_document()):
        expected = list(slow.check(value, target))
        assert fast.valid(target)(value) == (not expected), what
        assert list(fast.check(value, target)) == expected, what
        seen_invalid += bool(expected)
        seen_valid += not expected
    # the mutations exercise both answers
    assert seen_invalid > 100 and seen_valid > 10
