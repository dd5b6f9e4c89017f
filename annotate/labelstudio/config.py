"""The Label Studio labelling configs, generated from the schema: one per annotation pass.

Annotation goes in passes, as in most annotation projects: ``actors`` (mentions and
their entities), ``events`` (triggers, attributes and arguments), ``claims`` (content,
cue, source, parent), ``relations`` (relations between regions, and cross-document
links); ``all`` shows every layer at once. A pass's view shows the regions of earlier
layers (so that arguments, sources and relations can be drawn to them) but neither
their labels bar nor their attributes nor their relations.

What the annotator sees, and how each part of a record is expressed:

- span labels: ``mention`` (one label per mention type), ``trigger`` (one per
  event type), ``claim`` (``CONTENT`` and ``CUE``);
- relations between regions: event argument roles (trigger -> filler), claim
  parts (``cue``, ``source``, ``parent``: content -> cue / source mention /
  parent content), and every relation type of the schema (head -> tail). Label
  Studio keeps one relation per ordered pair of regions, so the Relations tag
  takes several labels (``choice="multiple"``) and one relation carries every
  label of its pair;
- per-region fields, each under a header and shown only when a region of its kind
  is selected. Required fields carry ``visibleWhen="region-selected"`` and
  ``whenTagName`` (and ``whenLabelValue``) themselves: Label Studio 1.23.2 checks a
  required field inside a conditional View against every region, which blocks
  Submit (see the project's platform notes);
- ids are picked, not typed: the entity and the event cluster are chosen from the
  corpus's existing ones, listed with their names from the task data
  (``value="$entities"``, ``value="$event_clusters"``); a new one is typed in the
  "new ..." field. Cross-document links are picked per link type from the other
  articles' events and claims (``value="$link_targets"``) on their head region;
- the PLOVER mode is one Choices per event type, shown only for a trigger of that
  type (``whenLabelValue``);
- the relation attribute ``detail`` (on the types the schema gives it: CORROBORATES,
  CONTRADICTS) is part of the relation label, ``CORROBORATES/SCOPE``: Label Studio
  1.23.2 has no per-relation fields (a relation carries only its labels), so the label
  list holds one label per type and detail. Cross-document links are picked in one
  list per type and detail (``link_CORROBORATES_SCOPE``);
- optional gold items (adjudicators only): an ``optional`` checkbox and its reason on
  the item's region, in the pass that owns the layer; an optional relation or link is
  an entry ``LABEL TARGET: reason`` in the "optional relations" field of its head
  region (TARGET is a region id, or ``DOCUMENT_ID ITEM_ID`` for a link).

Region ids are the record's item ids, so a mention ``m3`` is the region ``m3``.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from ceasefire.schema import Schema
from ceasefire.schema.records import SCHEMA_LAYERS

TEXT = "text"
MENTION, TRIGGER, CLAIM = "mention", "trigger", "claim"
CONTENT, CUE = "CONTENT", "CUE"
CLAIM_PARTS = ("cue", "source", "parent")  # relation labels: content -> cue / source / parent content
ATTR = {
    "level": "level",
    "entity": "entity",
    "new_entity": "new_entity",
    "entity_name": "entity_name",
    "entity_qid": "entity_qid",
    "polarity": "polarity",
    "modality": "modality",
    "mode": "mode",  # one control per event type: mode_AGREE, ...
    "cluster": "event_cluster",
    "new_cluster": "new_event_cluster",
    "quote_type": "quote_type",
    "check_worthiness": "check_worthiness",
}
# adjudication fields, one control per kind of region (Label Studio wants unique control names):
# optional_mention, optional_reason_trigger, optional_relations_claim, ...
OPTIONAL_FIELDS = ("optional", "optional_reason", "optional_relations")
OPTIONAL = "optional"  # the one value of the `optional` checkbox
# the region kind (span-label control, label) of each layer that may hold optional items
OPTIONAL_REGION = {"mentions": ("mention", None), "events": ("trigger", None), "claims": ("claim", "CONTENT")}
# data fields of a task that feed the pick lists
ENTITIES, CLUSTERS, LINK_TARGETS = "entities", "event_clusters", "link_targets"
ENTITY_INFO = "entity_info"  # id -> type, name, qid: what a picked entity stands for

ALL = "all"
PASSES = ("actors", "events", "claims", "relations")
# the layers (parts of a record) each pass owns; `all` owns every one
OWNS = SCHEMA_LAYERS
# the span-label controls a pass annotates, and those it only shows (regions of earlier layers)
LABELS_EDITED = {ALL: (MENTION, TRIGGER, CLAIM), "actors": (MENTION,), "events": (TRIGGER,), "claims": (CLAIM,), "relations": ()}
LABELS_SHOWN = {ALL: (), "actors": (), "events": (MENTION,), "claims": (MENTION,), "relations": (MENTION, TRIGGER, CLAIM)}

PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c",
           "#fabebe", "#008080", "#e6beff", "#9a6324", "#fffac8", "#800000", "#aaffc3", "#808000",
           "#ffd8b1", "#000075", "#808080", "#b8860b"]


def check_pass(name: str) -> str:
    if name not in (ALL, *PASSES):
        raise ValueError(f"unknown pass {name!r}; allowed: {', '.join((ALL, *PASSES))}")
    return name


def mode_control(event_type: str) -> str:
    return f"{ATTR['mode']}_{event_type}"


def optional_control(what: str, tag: str) -> str:
    return f"{what}_{tag}"


def type_labels(schema: Schema) -> dict[str, tuple[str, str | None]]:
    """Relation label -> (relation type, detail): ``CORROBORATES/SCOPE`` for the types that carry
    a detail, the plain type for the others."""
    out = {}
    for t in schema.relation_types:
        if t in schema.detail_types:
            out.update({f"{t}/{d}": (t, d) for d in schema.relation_detail})
        else:
            out[t] = (t, None)
    return out


def relation_label(rel_type: str, detail: str | None) -> str:
    return f"{rel_type}/{detail}" if detail else rel_type


def link_control(rel_type: str, detail: str | None, on_claim: bool) -> str:
    return f"link_{rel_type}" + (f"_{detail}" if detail else "") + ("_claim" if on_claim else "")


def link_controls(schema: Schema, on_claim: bool) -> dict[str, tuple[str, str | None]]:
    """The pick list controls of cross-document links on a trigger or a claim: control -> (type, detail)."""
    return {link_control(*pair, on_claim): pair for pair in type_labels(schema).values() if schema.relation_types[pair[0]].cross_document}


def relation_labels(schema: Schema, pass_: str = ALL) -> list[str]:
    """The relation labels of a pass, in a fixed order (roles, claim parts, relation types)."""
    parts = {"events": [*schema.roles], "claims": [*CLAIM_PARTS], "relations": [*type_labels(schema)], "actors": []}
    if pass_ == ALL:
        return [*schema.roles, *CLAIM_PARTS, *type_labels(schema)]
    return parts[pass_]


def _labels(name: str, values: dict[str, str], offset: int) -> list[str]:
    out = [f'  <Labels name="{name}" toName="{TEXT}" showInline="true">']
    for i, (value, hint) in enumerate(values.items()):
        color = PALETTE[(i + offset) % len(PALETTE)]
        out.append(f"    <Label value={quoteattr(value)} background={quoteattr(color)} hint={quoteattr(hint)}/>")
    out.append("  </Labels>")
    return out


def _when(tag: str, label: str | None) -> str:
    return f'visibleWhen="region-selected" whenTagName="{tag}"' + (f' whenLabelValue="{label}"' if label else "")


def _field(header: str, control: str, tag: str, label: str | None = None) -> list[str]:
    """A per-region field under its header, both shown only when a region of this kind is selected.
    The condition sits on the control itself too: that is what scopes `required` to this kind."""
    when = _when(tag, label)
    return [f"  <View {when}>", f"    <Header value={quoteattr(header)} size=\"6\"/>",
            f"    {control.format(when=when)}", "  </View>"]


def _choices(name: str, values, *, required: bool = False) -> str:
    req = ' required="true"' if required else ""
    options = "".join(f"<Choice value={quoteattr(v)}/>" for v in values)
    return f'<Choices name="{name}" toName="{TEXT}" perRegion="true" choice="single-radio"{req} layout="inline" {{when}}>{options}</Choices>'


def _pick(name: str, data_field: str, *, multiple: bool = False) -> str:
    choice = "multiple" if multiple else "single"
    return f'<Choices name="{name}" toName="{TEXT}" perRegion="true" choice="{choice}" layout="select" value="${data_field}" allowNested="false" {{when}}/>'


def _textarea(name: str, placeholder: str, *, one: bool = True) -> str:
    """A per-region text field; ``one=False`` takes several entries (one per Enter)."""
    limit = ' maxSubmissions="1"' if one else ""
    return (f'<TextArea name="{name}" toName="{TEXT}" perRegion="true" editable="true"{limit} '
            f'rows="1" placeholder={quoteattr(placeholder)} {{when}}/>')


def _mention_fields(schema: Schema) -> list[str]:
    out = _field("Mention level", _choices(ATTR["level"], schema.mention_levels, required=True), MENTION)
    out += _field("Entity (pick one of the corpus)", _pick(ATTR["entity"], ENTITIES), MENTION)
    out += _field("New entity: its id, when none in the list fits", _textarea(ATTR["new_entity"], "a new corpus-wide id, e.g. lavrov"), MENTION)
    out += _field("Entity name (for a new entity, or to correct it)", _textarea(ATTR["entity_name"], "canonical name, e.g. Sergei Lavrov"), MENTION)
    out += _field("Wikidata QID (only if certain)", _textarea(ATTR["entity_qid"], "e.g. Q7747"), MENTION)
    return out


def _event_fields(schema: Schema) -> list[str]:
    out = _field("Polarity", _choices(ATTR["polarity"], schema.polarity, required=True), TRIGGER)
    out += _field("Modality", _choices(ATTR["modality"], schema.modality, required=True), TRIGGER)
    for t, spec in schema.event_types.items():
        if spec.modes:
            out += _field(f"{t} mode (PLOVER)", _choices(mode_control(t), spec.modes), TRIGGER, t)
    out += _field("Event cluster (pick one of the corpus)", _pick(ATTR["cluster"], CLUSTERS), TRIGGER)
    out += _field("New event cluster: its id", _textarea(ATTR["new_cluster"], "a new corpus-wide id, e.g. agree_energy"), TRIGGER)
    return out


def _claim_fields(schema: Schema) -> list[str]:
    out = _field("Quote type", _choices(ATTR["quote_type"], schema.quote_type, required=True), CLAIM, CONTENT)
    out += _field("Check-worthiness", _choices(ATTR["check_worthiness"], schema.check_worthiness, required=True), CLAIM, CONTENT)
    return out


def _link_fields(schema: Schema) -> list[str]:
    out = []
    for on_claim, tag, label in ((False, TRIGGER, None), (True, CLAIM, CONTENT)):
        for control, pair in link_controls(schema, on_claim).items():
            out += _field(f"{relation_label(*pair)} (links to the other articles)", _pick(control, LINK_TARGETS, multiple=True), tag, label)
    return out


def _optional_fields(schema: Schema, layer: str) -> list[str]:
    """For adjudicators: mark the item of a region optional, with the reason."""
    if layer not in schema.optional_layers:
        return []
    tag, label = OPTIONAL_REGION[layer]
    box = (f'<Choices name="{optional_control("optional", tag)}" toName="{TEXT}" perRegion="true" choice="multiple" layout="inline" {{when}}>'
           f'<Choice value="{OPTIONAL}" hint="not missed when absent, no false positive when predicted"/></Choices>')
    out = _field("Optional (adjudication only: genuinely debatable)", box, tag, label)
    return out + _field("Why it is optional", _textarea(optional_control("optional_reason", tag), "the reason (required with optional)"), tag, label)


def _optional_relation_fields(schema: Schema) -> list[str]:
    if "relations" not in schema.optional_layers:
        return []
    placeholder = "adjudication only, one entry per optional relation from here: LABEL TARGET: reason"
    return [line for tag, label in ((MENTION, None), (TRIGGER, None), (CLAIM, CONTENT))
            for line in _field("Optional relations and links from this region", _textarea(optional_control("optional_relations", tag), placeholder, one=False), tag, label)]


def build_config(schema: Schema, pass_: str = ALL) -> str:
    check_pass(pass_)
    title = "all layers" if pass_ == ALL else f"pass: {pass_}"
    lines = [f"<!-- Generated from schema/schema.yaml (schema {schema.version}) by `ceasefire-annotate config`; do not edit. -->", "<View>"]
    lines.append(f'  <Header value="$title ({title})"/>')
    if pass_ in ("relations", ALL):
        lines.append('  <Collapse><Panel value="Cross-document links of this article (both directions)"><Text name="links_info" value="$links_info"/></Panel></Collapse>')
    lines.append(f'  <Text name="{TEXT}" value="$text" granularity="symbol"/>')
    groups = {MENTION: ({t: s["definition"] for t, s in schema.mention_types.items()}, 0),
              TRIGGER: ({t: e.definition for t, e in schema.event_types.items()}, 5),
              CLAIM: ({CONTENT: "the attributed content (the claim's region)", CUE: "the attribution cue"}, 11)}
    for name in (MENTION, TRIGGER, CLAIM):
        if name in LABELS_EDITED[pass_]:
            lines += _labels(name, *groups[name])
    shown = [n for n in (MENTION, TRIGGER, CLAIM) if n in LABELS_SHOWN[pass_]]
    if shown:  # earlier layers: their regions are drawn, their labels bar is hidden
        lines.append('  <View style="display: none">')
        for name in shown:
            lines += ["  " + x for x in _labels(name, *groups[name])]
        lines.append("  </View>")
    rel = relation_labels(schema, pass_)
    if rel:
        lines.append('  <Relations choice="multiple">')
        lines += [f"    <Relation value={quoteattr(label)}/>" for label in rel]
        lines.append("  </Relations>")
    if pass_ in ("actors", ALL):
        lines += _mention_fields(schema) + _optional_fields(schema, "mentions")
    if pass_ in ("events", ALL):
        lines += _event_fields(schema) + _optional_fields(schema, "events")
    if pass_ in ("claims", ALL):
        lines += _claim_fields(schema) + _optional_fields(schema, "claims")
    if pass_ in ("relations", ALL):
        lines += _link_fields(schema) + _optional_relation_fields(schema)
    lines.append("</View>")
    return "\n".join(lines) + "\n"
