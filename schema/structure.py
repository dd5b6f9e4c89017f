"""Structural checks: a record against the generated JSON Schema.

Implements the small subset of JSON Schema that :mod:`.json_schema` emits
(type, properties, required, additionalProperties, enum, const, minLength,
pattern, minimum, items, minItems, anyOf, $ref) so that every failure becomes a
message naming the field, the bad value and what is allowed, and every
failure is reported, not just the first.

Two halves share one definition of validity. :class:`Checker` compiles each
(sub)schema once into a function that only answers "valid?", with no paths or
messages to build; that is all a valid record costs (the benchmark's report reads
100,000 predicted mentions, and interpreting the schema for every value took
most of validation). Only a value that fails is walked by the interpreter
(:meth:`Checker.check`), which descends only into the parts that fail and yields
every message, in the same order as before. The two must agree exactly: a value
is valid if and only if the interpreter yields nothing for it (tests/schema/test_structure_compiled.py
checks both on gold records with one field broken in every way the schema checks).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterator

#: Stands for the value of a field that is absent.
MISSING = object()

_JSON_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "null": type(None),
}

Predicate = Callable[[Any], bool]


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern:
    # JSON Schema patterns are ECMA-262 regexes, where a final "$" matches only at the end
    # of the string; Python's "$" also matches before a final newline ("m1\n" would pass).
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _type_ok(value: Any, typ: str) -> bool:
    if typ == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if typ == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if typ == "boolean":
        return isinstance(value, bool)
    return isinstance(value, _JSON_TYPES[typ])


def _json_type(value: Any) -> str:
    for name in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _type_ok(value, name):
            return name
    return type(value).__name__


class Checker:
    """Checks values against the subschemas of one root schema (compiled once, on first use)."""

    def __init__(self, root: dict):
        self.root = root
        # id(subschema) -> predicate; the root holds every subschema, so ids stay valid
        self._compiled: dict[int, Predicate] = {}

    def check(self, value: Any, schema: dict, path: str = "") -> Iterator[tuple[str, Any, str, str | None]]:
        """Yield ``(field, value, message, allowed)`` for every violation."""
        if self.valid(schema)(value):
            return
        yield from self._explain(value, schema, path)

    # --- the fast half: is it valid? -------------------------------------------------------------

    def valid(self, schema: dict) -> Predicate:
        """The predicate "the interpreter finds nothing wrong" for ``schema``."""
        key = id(schema)
        fn = self._compiled.get(key)
        if fn is None:
            late: list[Predicate] = []
            self._compiled[key] = lambda v: late[0](v)  # a $ref back to a schema being compiled
            fn = self._compile(schema)
            late.append(fn)
            self._compiled[key] = fn
        return fn

    def _compile(self, schema: dict) -> Predicate:
        # The same keywords, in the same precedence, as _explain.
        if "$ref" in schema:
            return self.valid(self.root["$defs"][schema["$ref"].rsplit("/", 1)[-1]])
        if "anyOf" in schema:
            branches = [self.valid(b) for b in schema["anyOf"]]
            if len(branches) == 2 and {"type": "null"} in schema["anyOf"]:
                other = branches[schema["anyOf"].index({"type": "null"}) ^ 1]
                return lambda v: v is None or other(v)
            return lambda v: any(f(v) for f in branches)
        tests: list[Predicate] = []
        if "const" in schema:
            const = schema["const"]
            tests.append(lambda v: not v != const)  # exactly the interpreter's comparison
        if "enum" in schema:
            allowed = schema["enum"]
            return _all([*tests, lambda v: v in allowed])
        typ = schema.get("type")
        if typ == "string":
            tests.append(_string(schema.get("minLength", 0), schema.get("pattern")))
        elif typ == "integer":
            tests.append(_integer(schema.get("minimum")))
        elif typ == "array":
            tests.append(_array(schema.get("minItems", 0), None if schema.get("items") is None else self.valid(schema["items"])))
        elif typ == "object":
            props = {k: self.valid(sub) for k, sub in schema.get("properties", {}).items()}
            tests.append(_object(props, tuple(schema.get("required", ())), schema.get("additionalProperties") is False))
        elif typ is not None:
            tests.append(lambda v: _type_ok(v, typ))
        return _all(tests)

    # --- the slow half: what is wrong, and where --------------------------------------------------

    def _explain(self, value: Any, schema: dict, path: str) -> Iterator[tuple[str, Any, str, str | None]]:
        root, check = self.root, self.check
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            yield from check(value, root["$defs"][name], path)
            return
        if "anyOf" in schema:
            branches = schema["anyOf"]
            failures = [list(check(value, b, path)) for b in branches]
            if any(not f for f in failures):
                return
            non_null = [f for b, f in zip(branches, failures) if b.get("type") != "null"]
            first = non_null[0] if non_null else failures[0]
            if len(branches) == 2 and any(b.get("type") == "null" for b in branches):
                yield from ((f, v, m, (a + ", or null") if a else "null or a valid value") for f, v, m, a in first)
            else:
                yield from first
            return
        if "const" in schema and value != schema["const"]:
            yield path, value, "is not the expected value", repr(schema["const"])
            return
        if "enum" in schema:
            if value not in schema["enum"]:
                yield path, value, "is not a known value", ", ".join(map(str, schema["enum"]))
            return
        typ = schema.get("type")
        if typ is not None and not _type_ok(value, typ):
            yield path, value, f"has the wrong type ({_json_type(value)})", f"a JSON {typ}"
            return
        if typ == "string":
            if len(value) < schema.get("minLength", 0):
                yield path, value, "is empty", "a non-empty string"
            elif "pattern" in schema and not _regex(schema["pattern"]).search(value):
                yield path, value, "does not match the required form", f"strings matching {schema['pattern']}"
        elif typ == "integer":
            if value < schema.get("minimum", value):
                yield path, value, "is below the minimum", f">= {schema['minimum']}"
        elif typ == "array":
            if len(value) < schema.get("minItems", 0):
                yield path, value, f"has {len(value)} items", f"at least {schema['minItems']}"
            items = schema.get("items")
            if items is not None:
                ok = self.valid(items)
                for i, item in enumerate(value):
                    if not ok(item):
                        yield from self._explain(item, items, f"{path}[{i}]")
        elif typ == "object":
            props = schema.get("properties", {})
            for key in schema.get("required", ()):
                if key not in value:
                    yield _join(path, key), MISSING, "is missing", None
            if schema.get("additionalProperties") is False:
                for key in value:
                    if key not in props:
                        yield _join(path, key), value[key], "is not a field of this object", ", ".join(props)
            for key, sub in props.items():
                if key in value:
                    yield from check(value[key], sub, _join(path, key))


def _all(tests: list[Predicate]) -> Predicate:
    if not tests:
        return lambda v: True
    if len(tests) == 1:
        return tests[0]
    return lambda v: all(t(v) for t in tests)


def _string(min_length: int, pattern: str | None) -> Predicate:
    search = _regex(pattern).search if pattern is not None else None
    if search is None:
        return lambda v: isinstance(v, str) and len(v) >= min_length
    return lambda v: isinstance(v, str) and len(v) >= min_length and search(v) is not None


def _integer(minimum) -> Predicate:
    if minimum is None:
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and not v < minimum


def _array(min_items: int, item_ok: Predicate | None) -> Predicate:
    def ok(v) -> bool:
        if not isinstance(v, list) or len(v) < min_items:
            return False
        if item_ok is not None:
            for x in v:
                if not item_ok(x):
                    return False
        return True

    return ok


def _object(props: dict[str, Predicate], required: tuple[str, ...], closed: bool) -> Predicate:
    def ok(v) -> bool:
        if not isinstance(v, dict):
            return False
        for key in required:
            if key not in v:
                return False
        for key, x in v.items():
            f = props.get(key)
            if f is None:
                if closed:
                    return False
            elif not f(x):
                return False
        return True

    return ok


def check(value: Any, schema: dict, root: dict, path: str = "") -> Iterator[tuple[str, Any, str, str | None]]:
    """Yield ``(field, value, message, allowed)`` for every violation (one value; a caller
    checking many records against one root makes one :class:`Checker` and reuses it)."""
    return Checker(root).check(value, schema, path)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
