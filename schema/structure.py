"""Structural checks: a record against the generated JSON Schema.

Implements the small subset of JSON Schema that :mod:`.json_schema` emits
(type, properties, required, additionalProperties, enum, const, minLength,
pattern, minimum, items, minItems, anyOf, $ref) so that every failure becomes a
message naming the field, the bad value and what is allowed, and every
failure is reported, not just the first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

#: Stands for the value of a field that is absent.
MISSING = object()

_JSON_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "null": type(None),
}


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


def check(value: Any, schema: dict, root: dict, path: str = "") -> Iterator[tuple[str, Any, str, str | None]]:
    """Yield ``(field, value, message, allowed)`` for every violation."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        yield from check(value, root["$defs"][name], root, path)
        return
    if "anyOf" in schema:
        branches = schema["anyOf"]
        failures = [list(check(value, b, root, path)) for b in branches]
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
            for i, item in enumerate(value):
                yield from check(item, items, root, f"{path}[{i}]")
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
                yield from check(value[key], sub, root, _join(path, key))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
