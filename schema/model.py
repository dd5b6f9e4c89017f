"""The annotation schema, loaded from ``schema.yaml``.

Every other part of the project (the JSON Schema, the validator, the Label
Studio config, the dataset features, the scorer's checks) asks this object for
types, values and constraints; none of them lists a type of its own.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any


SCHEMA_FILE = Path(__file__).with_name("schema.yaml")

#: Layers an endpoint (argument filler, claim source, relation head/tail) may name.
ENDPOINT_KINDS = ("mention", "event", "claim")


class SchemaError(ValueError):
    """The schema file itself is inconsistent."""


@dataclass(frozen=True)
class Endpoint:
    """One allowed endpoint, written ``kind`` or ``kind:TYPE`` in the schema."""

    kind: str
    type: str | None = None

    @classmethod
    def parse(cls, spec: str) -> "Endpoint":
        kind, _, typ = spec.partition(":")
        return cls(kind, typ or None)

    def allows(self, kind: str, typ: str | None) -> bool:
        return self.kind == kind and (self.type is None or self.type == typ)

    def __str__(self) -> str:
        return f"{self.kind}:{self.type}" if self.type else self.kind


def _describe(endpoints: tuple[Endpoint, ...]) -> str:
    return ", ".join(str(e) for e in endpoints)


@dataclass(frozen=True)
class EventType:
    name: str
    definition: str
    anchor: str
    modes: dict[str, str]
    roles: tuple[str, ...]


@dataclass(frozen=True)
class RelationType:
    name: str
    definition: str
    anchor: str
    head: tuple[Endpoint, ...]
    tail: tuple[Endpoint, ...]
    symmetric: bool
    cross_document: bool


@dataclass(frozen=True)
class Schema:
    """Typed view of ``schema.yaml``; ``raw`` keeps the whole file."""

    path: Path
    raw: dict[str, Any] = field(repr=False)
    version: str
    mention_types: dict[str, dict]
    actor_types: tuple[str, ...]
    mention_levels: dict[str, dict]
    qid_pattern: str
    event_types: dict[str, EventType]
    roles: dict[str, tuple[Endpoint, ...]]
    polarity: dict[str, dict]
    modality: dict[str, dict]
    claim_source: tuple[Endpoint, ...]
    quote_type: dict[str, dict]
    check_worthiness: dict[str, dict]
    max_claim_depth: int
    relation_types: dict[str, RelationType]
    plover_version: str
    #: values of the relation attribute ``detail`` and the relation types that carry it
    relation_detail: dict[str, dict] = field(default_factory=dict)
    detail_types: tuple[str, ...] = ()
    #: layers whose items may be marked optional, and the largest share of a layer that may be
    optional_layers: tuple[str, ...] = ()
    max_optional_share: float = 0.0

    # -- derived views used by the validator, the config generator and the scorer
    @property
    def all_modes(self) -> list[str]:
        seen: dict[str, None] = {}
        for et in self.event_types.values():
            for m in et.modes:
                seen.setdefault(m, None)
        return list(seen)

    def describe_endpoints(self, endpoints: tuple[Endpoint, ...]) -> str:
        return _describe(endpoints)

    @staticmethod
    def endpoint_ok(endpoints: tuple[Endpoint, ...], kind: str, typ: str | None) -> bool:
        return any(e.allows(kind, typ) for e in endpoints)


def _values(block: dict, where: str) -> dict[str, dict]:
    values = block.get("values")
    if not isinstance(values, dict) or not values:
        raise SchemaError(f"{where}: needs a non-empty 'values' mapping")
    for name, spec in values.items():
        _defined(spec, f"{where}.values.{name}")
    return values


def _defined(spec: Any, where: str) -> None:
    if not isinstance(spec, dict) or not spec.get("definition") or not spec.get("anchor"):
        raise SchemaError(f"{where}: every type and value needs a 'definition' and an 'anchor'")


def _endpoints(specs: Any, where: str, schema_types: dict[str, set[str]]) -> tuple[Endpoint, ...]:
    if not isinstance(specs, list) or not specs:
        raise SchemaError(f"{where}: needs a non-empty list of endpoints")
    out = []
    for spec in specs:
        ep = Endpoint.parse(str(spec))
        if ep.kind not in ENDPOINT_KINDS:
            raise SchemaError(f"{where}: endpoint {spec!r} has kind {ep.kind!r}; allowed: {', '.join(ENDPOINT_KINDS)}")
        if ep.type is not None and ep.type not in schema_types[ep.kind]:
            raise SchemaError(f"{where}: endpoint {spec!r} names unknown {ep.kind} type {ep.type!r}")
        out.append(ep)
    return tuple(out)


def parse_schema(raw: dict[str, Any], path: Path) -> Schema:
    """Build a :class:`Schema` from the parsed YAML, checking it is coherent."""
    try:
        actors, events, claims, relations = (raw[k] for k in ("actors", "events", "claims", "relations"))
    except (KeyError, TypeError) as exc:
        raise SchemaError(f"{path}: missing top-level layer {exc}") from None
    mention_types = actors["mention_types"]
    for name, spec in mention_types.items():
        _defined(spec, f"actors.mention_types.{name}")
    for name, spec in actors["mention_levels"].items():
        _defined(spec, f"actors.mention_levels.{name}")
    event_types_raw = events.get("types") or {}
    if not event_types_raw:
        raise SchemaError(f"{path}: events.types is empty")
    types_by_kind = {"mention": set(mention_types), "event": set(event_types_raw), "claim": set()}

    roles = {}
    for role, spec in events["roles"].items():
        _defined(spec, f"events.roles.{role}")
        roles[role] = _endpoints(spec.get("fillers"), f"events.roles.{role}.fillers", types_by_kind)

    event_types = {}
    for name, spec in event_types_raw.items():
        _defined(spec, f"events.types.{name}")
        type_roles = tuple(spec.get("roles") or roles)
        unknown = [r for r in type_roles if r not in roles]
        if unknown:
            raise SchemaError(f"events.types.{name}.roles: unknown roles {unknown}; allowed: {', '.join(roles)}")
        modes = {}
        for mode, mdef in (spec.get("modes") or {}).items():
            modes[str(mode)] = str(mdef)
        event_types[name] = EventType(name, spec["definition"], spec["anchor"], modes, type_roles)

    relation_types = {}
    for name, spec in relations["types"].items():
        _defined(spec, f"relations.types.{name}")
        head = _endpoints(spec.get("head"), f"relations.types.{name}.head", types_by_kind)
        tail = _endpoints(spec.get("tail"), f"relations.types.{name}.tail", types_by_kind)
        symmetric = bool(spec.get("symmetric", False))
        if symmetric and set(head) != set(tail):
            raise SchemaError(f"relations.types.{name}: a symmetric type needs the same head and tail endpoints")
        relation_types[name] = RelationType(
            name, spec["definition"], spec["anchor"], head, tail, symmetric, bool(spec.get("cross_document", False))
        )

    try:
        re.compile(actors["entity"]["qid_pattern"])
    except re.error as exc:
        raise SchemaError(f"{path}: actors.entity.qid_pattern: {actors['entity']['qid_pattern']!r} is not a valid regular expression ({exc})") from None
    if "version" not in raw or not isinstance(raw["version"], (str, int, float)):
        raise SchemaError(f"{path}: version: missing or not a string; allowed: a version such as '1.0.0'")
    ev_attrs = events["attributes"]
    cl_attrs = claims["attributes"]
    detail = (relations.get("attributes") or {}).get("detail")
    relation_detail, detail_types = {}, ()
    if detail is not None:
        _defined(detail, "relations.attributes.detail")
        relation_detail = _values(detail, "relations.attributes.detail")
        detail_types = tuple(detail.get("types") or ())
        unknown = [t for t in detail_types if t not in relation_types]
        if unknown or not detail_types:
            raise SchemaError(f"relations.attributes.detail.types: needs relation types of the schema, got {list(detail_types)}; allowed: {', '.join(relation_types)}")
    return Schema(
        path=path,
        raw=raw,
        version=str(raw["version"]),
        mention_types=mention_types,
        actor_types=tuple(n for n, s in mention_types.items() if s.get("actor")),
        mention_levels=actors["mention_levels"],
        qid_pattern=actors["entity"]["qid_pattern"],
        event_types=event_types,
        roles=roles,
        polarity=_values(ev_attrs["polarity"], "events.attributes.polarity"),
        modality=_values(ev_attrs["modality"], "events.attributes.modality"),
        claim_source=_endpoints(claims["parts"]["source"]["fillers"], "claims.parts.source.fillers", types_by_kind),
        quote_type=_values(cl_attrs["quote_type"], "claims.attributes.quote_type"),
        check_worthiness=_values(cl_attrs["check_worthiness"], "claims.attributes.check_worthiness"),
        max_claim_depth=int(claims.get("max_depth", 2)),
        relation_types=relation_types,
        plover_version=str(events.get("plover_version", "")),
        relation_detail=relation_detail,
        detail_types=detail_types,
        optional_layers=tuple((raw.get("optional") or {}).get("layers") or ()),
        max_optional_share=float((raw.get("optional") or {}).get("max_share", 0.0)),
    )


def load_schema(path: str | Path | None = None) -> Schema:
    """Load and check a schema file; the shipped ``schema.yaml`` by default."""
    return _load_cached(str(Path(path).resolve()) if path else str(SCHEMA_FILE))


@lru_cache(maxsize=8)
def _load_cached(path: str) -> Schema:
    from .records import read_yaml

    p = Path(path)
    raw, problem = read_yaml(p, "a YAML schema")
    if problem is not None:
        where = f"{p}:{problem.location.line}" if problem.location and problem.location.line else str(p)
        raise SchemaError(f"{where}: cannot read schema: {problem.message}")
    if not isinstance(raw, dict):
        raise SchemaError(f"{p}: is not a schema: expected a YAML mapping with version, actors, events, claims, relations; found {'nothing (the file is empty)' if raw is None else type(raw).__name__}")
    try:
        return parse_schema(raw, p)
    except KeyError as exc:
        raise SchemaError(f"{p}: a required key is missing: {exc}") from None
    except (TypeError, AttributeError, ValueError) as exc:
        # a section of the wrong shape, e.g. `actors: "x"` where a mapping is expected
        raise SchemaError(f"{p}: a section has the wrong shape (expected mappings of names to definitions): {type(exc).__name__}: {exc}") from None
