"""`ceasefire-eval prompt`: task instructions and an answer JSON Schema for a language model.

Both are generated from ``schema/schema.yaml`` (types, values, definitions, argument
fillers, relation endpoints) and ``schema/GUIDELINES.md`` (the sections of the chosen
layers), so a renamed type changes the prompt, the answer schema and the scorer at once.

The answer is one prediction record in the record format (schema/FORMAT.md) with every
span given by its text alone: a saved answer is scored as it is.

The answer schema keeps to what structured-output APIs accept in their strictest mode.
OpenAI's strict mode supports "only a subset of JSON Schema" (openai-python,
``src/openai/types/responses/response_format_text_json_schema_config.py``): the root
must be an object and not an ``anyOf``, every object must list all of its properties
in ``required`` and set ``additionalProperties: false``, and optional values are written
as nullable instead (a field-by-field comparison of OpenAI, Anthropic and Gemini:
https://strictly-structured.codygo.com/models; the common subset "every field required,
nullable instead of optional, additionalProperties: false, no numeric or length
constraints": https://www.developersdigest.tech/blog/structured-outputs-across-ai-apis-2026).
So the schema uses only ``type``, ``properties``, ``required``, ``additionalProperties:
false``, ``items``, ``enum``, ``anyOf`` (below the root, for null) and ``description``,
and none of :data:`AVOIDED`. The record format's own JSON Schema
(``prediction.schema.json``) uses several of them and is not meant for this.
"""

from __future__ import annotations

import re
from typing import Any

from ceasefire.schema import Schema
from ceasefire.schema.records import DOC_LAYERS, SCHEMA_LAYERS

#: JSON Schema keywords the answer schema never uses, with what strict structured-output
#: modes do with them (see the module docstring for the sources).
AVOIDED = {
    "oneOf": "not supported (anyOf only, and not at the root)",
    "allOf": "not supported",
    "not": "not supported",
    "$ref": "supported by some APIs only; the schema is written out inline",
    "$defs": "as $ref",
    "const": "not supported everywhere; a one-value enum says the same",
    "pattern": "not supported or limited (ids and QIDs are described in words)",
    "format": "limited to a few formats",
    "minLength": "not supported",
    "maxLength": "not supported",
    "minimum": "not supported everywhere",
    "maximum": "not supported everywhere",
    "minItems": "not supported everywhere",
    "maxItems": "not supported everywhere",
    "uniqueItems": "not supported",
    "default": "not permitted",
    "$schema, title": "not needed; a strict mode may reject keys it does not know (the schema is JSON Schema 2020-12)",
    "optional properties": "every property is required; a value that may be absent is nullable",
    "additionalProperties: true": "must be false on every object",
}

#: The guideline sections (by number) behind each layer; section 0 always comes first.
GUIDELINE_SECTIONS = {"mentions": ["1"], "entities": ["1.6"], "events": ["2"], "claims": ["3"], "relations": ["4"]}
#: What a layer needs: entities describe the entities of mentions.
NEEDS = {"entities": "mentions"}


class LayerError(ValueError):
    """An unknown layer name, or a layer without one it needs."""


def parse_layers(spec: str) -> list[str]:
    """``"mentions,events"`` -> layers in record order; raise LayerError naming the bad value."""
    given = [n.strip() for n in spec.split(",") if n.strip()]
    # a schema layer (actors) stands for the record layers that hold it (mentions, entities)
    names = [layer for n in given for layer in SCHEMA_LAYERS.get(n, (n,)) if layer in DOC_LAYERS or n not in SCHEMA_LAYERS]
    bad = [n for n in names if n not in DOC_LAYERS]
    if bad or not names:
        raise LayerError(f"--layers: {', '.join(map(repr, bad)) or 'nothing'} is not a layer; allowed: a comma-separated list of "
                         f"{', '.join(DOC_LAYERS)}, or of the schema's layers {', '.join(SCHEMA_LAYERS)} (actors = mentions and entities)")
    for layer, needed in NEEDS.items():
        if layer in names and needed not in names:
            raise LayerError(f"--layers: {layer} needs {needed} (an entity is defined by its mentions); allowed: add {needed}")
    return [layer for layer in DOC_LAYERS if layer in names]


#: The kind of item each layer gives, as relation and argument endpoints name them.
KIND_OF_LAYER = {"mentions": "mention", "events": "event", "claims": "claim"}


def answer_kinds(layers: list[str]) -> set[str]:
    """The kinds of item an answer with ``layers`` holds (what its refs, heads and tails can name)."""
    return {KIND_OF_LAYER[layer] for layer in layers if layer in KIND_OF_LAYER}


def _kinds_text(kinds: set[str], *, article: bool = True) -> str:
    names = [k for k in ("mention", "event", "claim") if k in kinds]
    text = " or ".join(names) or "item"
    return (("an " if text[0] in "aeiou" else "a ") + text) if article else text


# --- the answer schema ----------------------------------------------------------------------

def _obj(props: dict[str, dict], description: str | None = None) -> dict:
    out: dict[str, Any] = {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}
    return {"description": description, **out} if description else out


def _str(description: str) -> dict:
    return {"type": "string", "description": description}


def _enum(values, description: str | None = None) -> dict:
    out = {"type": "string", "enum": list(values)}
    return {"description": description, **out} if description else out


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _span(what: str) -> dict:
    return _obj({"text": _str(f"The {what}, copied exactly from the article (no offsets).")})


def answer_schema(schema: Schema, layers: list[str]) -> dict:
    """The JSON Schema of an answer that gives ``layers`` (see the module docstring)."""
    ident = "An id of your choice, unique in the answer across mentions, events, claims and relations."
    props: dict[str, dict] = {"id": _str("The id of the document, as given with the article.")}
    if "mentions" in layers:
        props["mentions"] = {"type": "array", "items": _obj({
            "id": _str(ident),
            "text": _str("The mention, copied exactly from the article (no offsets)."),
            "type": _enum(schema.mention_types),
            "level": _enum(schema.mention_levels),
            "entity": _str("The id of the entity the mention refers to; mentions of one entity share it."),
        })}
    if "entities" in layers:
        props["entities"] = {"type": "array", "items": _obj({
            "id": _str("An entity id used by the mentions' entity field."),
            "type": _enum(schema.mention_types),
            "name": _str("The canonical name of the entity."),
            "qid": _nullable(_str("The Wikidata id (Q followed by digits), only if certain.")),
        })}
    if "events" in layers:
        props["events"] = {"type": "array", "items": _obj({
            "id": _str(ident),
            "type": _enum(schema.event_types),
            "mode": _nullable(_enum(schema.all_modes, "A PLOVER mode of the event's type, or null.")),
            "trigger": _span("trigger"),
            "polarity": _enum(schema.polarity),
            "modality": _enum(schema.modality),
            "cluster": _str("The id of the event cluster; mentions of one real-world event share it."),
            "arguments": {"type": "array", "items": _obj({
                "role": _enum(schema.roles),
                "ref": _str(f"The id of the {_kinds_text(answer_kinds(layers) & {'mention', 'event'}, article=False)} that fills the role."),
            })},
        })}
    if "claims" in layers:
        claim = {"id": _str(ident)}
        if "mentions" in layers:
            claim["source"] = _nullable(_str("The id of the source mention, or null when the text names no source."))
        claim.update({
            "cue": _span("cue"),
            "content": _span("content"),
            "quote_type": _enum(schema.quote_type),
            "check_worthiness": _enum(schema.check_worthiness),
            "parent": _nullable(_str("The id of the claim this one is nested in, or null.")),
        })
        props["claims"] = {"type": "array", "items": _obj(claim)}
    if "relations" in layers:
        relation = {
            "id": _str(ident),
            "type": _enum(schema.relation_types),
            "head": _str("The id of the head item."),
            "tail": _str("The id of the tail item."),
        }
        if schema.relation_detail:
            # the guidelines ask for it on these types, so the answer must have room for it
            relation["detail"] = _nullable(_enum(schema.relation_detail, f"Required on {' and '.join(schema.detail_types)}, null on every other type."))
        props["relations"] = {"type": "array", "items": _obj(relation)}
    return _obj(props, f"One article's annotation ({', '.join(layers)}; Ceasefire schema {schema.version}); "
                       "every span is given by its exact text. Generated by `ceasefire-eval prompt`.")


# --- the instructions --------------------------------------------------------------------------

def _values(values: dict[str, dict]) -> list[str]:
    return [f"- `{name}`: {spec.get('definition', '').strip()}" for name, spec in values.items()]


def guideline_sections(text: str, numbers: list[str]) -> str:
    """The sections of GUIDELINES.md whose heading number is one of ``numbers`` (with their subsections)."""
    out, keep = [], False
    for line in text.splitlines():
        m = re.match(r"^(#{2,3}) (\d+(?:\.\d+)?)\.? ", line)
        if m:
            num = m.group(2)
            keep = any(num == n or num.startswith(n + ".") for n in numbers)
        if keep:
            out.append(line)
    return "\n".join(out).strip()


def instructions(schema: Schema, layers: list[str], guidelines: str, *, article: tuple[str, str] | None = None) -> str:
    """The task prompt for ``layers``; ``article`` is (document id, text) to append, if any."""
    raw = schema.raw
    lines = [
        f"# Task: annotate one news article with the Ceasefire schema {schema.version}",
        "",
        f"Return one JSON object that follows the JSON Schema given with this prompt, with these layers: {', '.join(layers)}.",
        "Copy every span (mention, trigger, cue, content) exactly from the article: same characters, same case, same "
        "quote marks and dashes; do not give offsets. When a text occurs several times, give one item per occurrence "
        "you annotate; they are matched to the occurrences of that text in the article. A span that does not occur in "
        "the article counts as a wrong answer, and so does everything that refers to it.",
        f"Spans are minimal: {raw['spans']['minimal']}",
        "Ids are your own; one id names one mention, event, claim or relation of the answer. A field that refers to "
        "an item (entity, ref, source, parent, head, tail) must use an id from the same answer. Entity and event "
        "cluster ids are corpus-wide: the same id in the answers for two articles claims that they share the entity. "
        "When a document id is given with the article, start them with it and a slash (\"<document id>/varga\").",
    ]
    if "mentions" in layers:
        lines += ["", "## Mentions", "A mention is a span that names or refers to an actor, place, time or object. Types:",
                  *_values(schema.mention_types), "Levels:", *_values(schema.mention_levels),
                  f"Entities: {raw['actors']['entity']['definition'].strip()}"]
    if "events" in layers:
        lines += ["", "## Events", f"Event types are those of PLOVER {schema.plover_version}, with their modes (`mode` is null when none applies):"]
        for name, et in schema.event_types.items():
            spec = raw["events"]["types"][name]
            line = f"- `{name}`: {spec['definition']} {spec.get('notes', '')}".rstrip()
            if et.modes:
                line += " Modes: " + "; ".join(f"`{m}` ({str(d).rstrip('.')})" for m, d in spec["modes"].items()) + "."
            if tuple(et.roles) != tuple(schema.roles):
                line += f" Roles: {', '.join(et.roles)} only."
            lines.append(line)
        kinds = answer_kinds(layers)
        lines += [f"Argument roles (`ref` is the id of {_kinds_text(kinds & {'mention', 'event'})} of the answer):"]
        for r, ends in schema.roles.items():
            given = tuple(e for e in ends if e.kind in kinds)
            filled = f"Filled by: {schema.describe_endpoints(given)}." if given else \
                f"Not part of this answer: its fillers ({schema.describe_endpoints(ends)}) are not asked for."
            lines.append(f"- `{r}`: {raw['events']['roles'][r]['definition']} {filled}")
        if "mentions" not in layers:
            lines.append("Mentions are not asked for: give only the arguments that an event of the answer fills.")
        lines += ["Polarity:", *_values(schema.polarity), "Modality:", *_values(schema.modality)]
    if "claims" in layers:
        parts = raw["claims"]["parts"]
        lines += ["", "## Claims", raw["claims"]["definition"].strip(),
                  *(f"- `{p}`: {parts[p]['definition']}" for p in parts if p != "source" or "mentions" in layers),
                  f"Nesting: at most {schema.max_claim_depth} levels (`parent`).",
                  "Quote type:", *_values(schema.quote_type), "Check-worthiness:", *_values(schema.check_worthiness)]
    if "relations" in layers:
        kinds = answer_kinds(layers)
        lines += ["", "## Relations", "Types (head -> tail):"]
        left_out = []
        for name, rt in schema.relation_types.items():
            if not any(e.kind in kinds for e in rt.head) or not any(e.kind in kinds for e in rt.tail):
                left_out.append(name)
                continue
            sym = " Symmetric." if rt.symmetric else ""
            lines.append(f"- `{name}`: {rt.definition} Head: {schema.describe_endpoints(rt.head)}; tail: {schema.describe_endpoints(rt.tail)}.{sym}")
        if left_out:
            lines.append(f"Not part of this answer (their ends are not asked for): {', '.join(f'`{n}`' for n in left_out)}.")
        if schema.relation_detail:
            detail = raw["relations"]["attributes"]["detail"]
            lines += [f"Detail (`detail`): {detail['definition']}", *_values(schema.relation_detail)]
    numbers = ["0"] + [n for layer in layers for n in GUIDELINE_SECTIONS[layer]]
    lines += ["", "## Annotation guidelines (the parts for these layers)", "", guideline_sections(guidelines, numbers)]
    if article is not None:
        doc_id, text = article
        lines += ["", "## The article", f'Document id (the answer\'s "id"): {doc_id}', "", "<article>", text, "</article>"]
    return "\n".join(lines) + "\n"


def guidelines_text() -> str:
    """schema/GUIDELINES.md, shipped as package data of ceasefire.schema."""
    from importlib.resources import files

    return files("ceasefire.schema").joinpath("GUIDELINES.md").read_text(encoding="utf-8")
