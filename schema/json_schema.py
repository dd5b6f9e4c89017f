"""The record format as JSON Schema (draft 2020-12), generated from the schema.

This is the one description of the record's structure: the committed files
``gold.schema.json`` and ``prediction.schema.json`` are written from it for
users outside Python, and :mod:`.structure` enforces the same dicts when
validating. Enumerations come from :class:`Schema`, so a type renamed in
``schema.yaml`` changes both.

Gold records must carry every layer and attribute; predictions may omit any
layer or attribute, and may give a span by its ``text`` alone.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Schema

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = r"^\S+$"
#: Document ids become file names (one JSON file per document): plain names only, so
#: that no id can point outside the folder it is written to ("/", "..", spaces).
DOC_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


def _enum(values) -> dict:
    return {"enum": list(values)}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _obj(props: dict, required: list[str], *, extra: bool = False, description: str | None = None) -> dict:
    out: dict[str, Any] = {"type": "object", "properties": props, "required": required, "additionalProperties": extra}
    if description:
        out = {"description": description, **out}
    return out


def build(schema: Schema, *, gold: bool) -> dict:
    """Return the JSON Schema of one record (a document or the corpus part)."""
    ident = {"type": "string", "minLength": 1, "pattern": ID_PATTERN}
    doc_ident = {"type": "string", "minLength": 1, "pattern": DOC_ID_PATTERN}
    offset = {"type": "integer", "minimum": 0}
    span_props = {"start": offset, "end": offset, "text": {"type": "string", "minLength": 1}}
    if not gold:
        span_props["occurrence"] = {
            "type": "integer",
            "minimum": 0,
            "description": "For a span given by text alone: which occurrence of the text (0-based) is meant.",
        }
    span_required = ["start", "end", "text"] if gold else ["text"]
    span = _obj(span_props, span_required, description="[start, end) code-point offsets plus the covered text.")

    def req(*names: str) -> list[str]:
        return list(names) if gold else [n for n in names if n in ("id", "type", "role", "ref", "head", "tail", "text")]

    # Optional gold items (schema.yaml `optional`): accepted in predictions too, so the gold
    # itself can be scored as a prediction.
    optional = {
        "optional": {"type": "boolean", "description": "Gold only: the item is debatable; the scorer neither misses it nor counts it as a false positive."},
        "optional_reason": {"type": "string", "minLength": 1, "description": "Why the item is debatable (required with optional: true)."},
    }

    def opt(layer: str) -> dict:
        return optional if layer in schema.optional_layers else {}

    mention = _obj(
        {
            **span_props,
            "id": ident,
            "type": _enum(schema.mention_types),
            "level": _enum(schema.mention_levels),
            "entity": ident,
            **opt("mentions"),
        },
        req("id", "start", "end", "text", "type", "level", "entity") if gold else ["id", "text", "type"],
    )
    entity = _obj(
        {
            "id": ident,
            "type": _enum(schema.mention_types),
            "name": {"type": "string", "minLength": 1},
            "qid": _nullable({"type": "string", "pattern": schema.qid_pattern}),
        },
        req("id", "type", "name", "qid"),
    )
    argument = _obj({"role": _enum(schema.roles), "ref": ident}, ["role", "ref"])
    event = _obj(
        {
            "id": ident,
            "type": _enum(schema.event_types),
            "mode": _nullable(_enum(schema.all_modes)),
            "trigger": span,
            "polarity": _enum(schema.polarity),
            "modality": _enum(schema.modality),
            "cluster": ident,
            "arguments": {"type": "array", "items": argument},
            **opt("events"),
        },
        req("id", "type", "mode", "trigger", "polarity", "modality", "cluster", "arguments") if gold else ["id", "type", "trigger"],
    )
    claim = _obj(
        {
            "id": ident,
            "source": _nullable(ident),
            "cue": span,
            "content": span,
            "quote_type": _enum(schema.quote_type),
            "check_worthiness": _enum(schema.check_worthiness),
            "parent": _nullable(ident),
            **opt("claims"),
        },
        req("id", "source", "cue", "content", "quote_type", "check_worthiness", "parent") if gold else ["id", "content"],
    )
    # `detail` belongs to the types listed in the schema (CORROBORATES, CONTRADICTS);
    # which types must carry it is checked by lint, since JSON Schema here has no if/then.
    detail = {"detail": {**_nullable(_enum(schema.relation_detail)),
                         "description": f"Only on {', '.join(schema.detail_types)}: the detail that agrees or conflicts."}}
    relation = _obj(
        {"id": ident, "type": _enum(schema.relation_types), "head": ident, "tail": ident, **detail, **opt("relations")},
        ["id", "type", "head", "tail"],
    )
    meta = {
        "type": "object",
        "description": "Facts about the article; unknown values are null, never guessed.",
        "properties": {
            "title": _nullable({"type": "string"}),
            "publisher": _nullable({"type": "string"}),
            "url": _nullable({"type": "string"}),
            "published": _nullable({"type": "string"}),
            "event_date": _nullable({"type": "string"}),
            "language": _nullable({"type": "string"}),  # may be unknown, like the rest (`add --language`)
            "event_date_basis": _nullable({"type": "string"}),
            "notes": {"type": "array", "items": {"type": "string"}},
            "seed_file": {"type": "string"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        },
        "additionalProperties": True,
    }
    layers = {
        "mentions": {"type": "array", "items": mention},
        "entities": {"type": "array", "items": entity},
        "events": {"type": "array", "items": event},
        "claims": {"type": "array", "items": claim},
        "relations": {"type": "array", "items": relation},
    }
    document = _obj(
        {"record": {"const": "document"}, "id": doc_ident, "meta": meta, "text": {"type": "string"}, **layers},
        ["id", "meta", "text", *layers] if gold else ["id"],
        description="One article with its annotation.",
    )
    doc_ref = _obj({"doc": doc_ident, "id": ident}, ["doc", "id"])
    cluster = _obj(
        {"id": ident, "documents": {"type": "array", "items": doc_ident, "minItems": 2}},
        ["id", "documents"],
        description="A cluster id declared as shared by several documents.",
    )
    corpus = _obj(
        {
            "record": {"const": "corpus"},
            "id": ident,
            "documents": {"type": "array", "items": doc_ident},
            "entity_clusters": {"type": "array", "items": cluster},
            "event_clusters": {"type": "array", "items": cluster},
            "relations": {
                "type": "array",
                "items": _obj(
                    {"id": ident, "type": _enum(schema.relation_types), "head": doc_ref, "tail": doc_ref, **detail, **opt("relations")},
                    ["id", "type", "head", "tail"],
                ),
            },
        },
        ["record", "id", "documents", "entity_clusters", "event_clusters", "relations"] if gold else ["record"],
        description="Corpus-level parts: cross-document clusters and relations.",
    )
    kind = "gold" if gold else "prediction"
    return {
        "$schema": DIALECT,
        "$id": f"https://ceasefire.invalid/schema/{schema.version}/{kind}.schema.json",
        "title": f"Ceasefire {kind} record (schema {schema.version})",
        "description": (
            "One line of a Ceasefire JSONL file: a document record, or the corpus record "
            "(\"record\": \"corpus\"). Generated from schema/schema.yaml; do not edit."
        ),
        "$defs": {"document": document, "corpus": corpus},
        "oneOf": [
            {"$ref": "#/$defs/document"},
            {"$ref": "#/$defs/corpus"},
        ],
    }


def render(schema: Schema, *, gold: bool) -> str:
    return json.dumps(build(schema, gold=gold), indent=2, ensure_ascii=False) + "\n"


def committed_files(schema: Schema) -> dict[str, str]:
    """File name (beside schema.yaml) -> content, for every generated JSON Schema."""
    return {
        "gold.schema.json": render(schema, gold=True),
        "prediction.schema.json": render(schema, gold=False),
    }
