"""The Label Studio labelling config, generated from the schema.

What the annotator sees, and how each part of a record is expressed:

- span labels: ``mention`` (one label per mention type), ``trigger`` (one per
  event type), ``claim`` (``CONTENT`` and ``CUE``);
- relations between regions: event argument roles (trigger -> filler), claim
  parts (``cue``, ``source``, ``parent``: content -> cue / source mention /
  parent content), and every relation type of the schema (head -> tail);
- per-region attributes, shown when a region of the matching layer is selected:
  mention level, entity id (corpus-wide), entity name and Wikidata QID; event
  polarity, modality, PLOVER mode, event cluster id (corpus-wide); claim quote
  type and check-worthiness; and, on triggers and claim contents, cross-document
  links as lines ``TYPE DOCUMENT_ID ITEM_ID`` (Label Studio has no relations
  across tasks, so the corpus-level links are written on their head region).

Region ids are the record's item ids, so a mention ``m3`` is the region ``m3``.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from ceasefire.schema import Schema

TEXT = "text"
MENTION, TRIGGER, CLAIM = "mention", "trigger", "claim"
CONTENT, CUE = "CONTENT", "CUE"
CLAIM_PARTS = ("cue", "source", "parent")  # relation labels: content -> cue / source / parent content
ATTR = {
    "level": "level",
    "entity": "entity",
    "entity_name": "entity_name",
    "entity_qid": "entity_qid",
    "polarity": "polarity",
    "modality": "modality",
    "mode": "mode",
    "cluster": "event_cluster",
    "quote_type": "quote_type",
    "check_worthiness": "check_worthiness",
    "links": "cross_document_links",
}

PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c",
           "#fabebe", "#008080", "#e6beff", "#9a6324", "#fffac8", "#800000", "#aaffc3", "#808000",
           "#ffd8b1", "#000075", "#808080", "#b8860b"]


def relation_labels(schema: Schema) -> list[str]:
    return [*schema.roles, *CLAIM_PARTS, *schema.relation_types]


def _labels(name: str, values: dict[str, str], offset: int) -> list[str]:
    out = [f'  <Labels name="{name}" toName="{TEXT}" showInline="true">']
    for i, (value, hint) in enumerate(values.items()):
        color = PALETTE[(i + offset) % len(PALETTE)]
        out.append(f"    <Label value={quoteattr(value)} background={quoteattr(color)} hint={quoteattr(hint)}/>")
    out.append("  </Labels>")
    return out


def _choices(name: str, values, *, required: bool = False) -> list[str]:
    req = ' required="true"' if required else ""
    out = [f'    <Choices name="{name}" toName="{TEXT}" perRegion="true" choice="single-radio"{req}>']
    out += [f"      <Choice value={quoteattr(v)}/>" for v in values]
    out.append("    </Choices>")
    return out


def _textarea(name: str, placeholder: str) -> list[str]:
    return [f'    <TextArea name="{name}" toName="{TEXT}" perRegion="true" editable="true" maxSubmissions="1" placeholder={quoteattr(placeholder)}/>']


def build_config(schema: Schema) -> str:
    lines = [f"<!-- Generated from schema/schema.yaml (schema {schema.version}) by `ceasefire-annotate config`; do not edit. -->", "<View>"]
    lines.append('  <Header value="$title"/>')
    lines.append(f'  <Text name="{TEXT}" value="$text" granularity="symbol"/>')
    lines += _labels(MENTION, {t: s["definition"] for t, s in schema.mention_types.items()}, 0)
    lines += _labels(TRIGGER, {t: e.definition for t, e in schema.event_types.items()}, 5)
    lines += _labels(CLAIM, {CONTENT: "the attributed content (the claim's region)", CUE: "the attribution cue"}, 11)
    lines.append('  <Relations>')
    for label in relation_labels(schema):
        lines.append(f"    <Relation value={quoteattr(label)}/>")
    lines.append('  </Relations>')
    lines.append(f'  <View visibleWhen="region-selected" whenTagName="{MENTION}">')
    lines.append('    <Header value="Mention"/>')
    lines += _choices(ATTR["level"], schema.mention_levels, required=True)
    lines += _textarea(ATTR["entity"], "entity id, corpus-wide (the same id in both articles = the same actor)")
    lines += _textarea(ATTR["entity_name"], "entity's canonical name")
    lines += _textarea(ATTR["entity_qid"], "Wikidata QID, only if certain (e.g. Q7747)")
    lines.append('  </View>')
    lines.append(f'  <View visibleWhen="region-selected" whenTagName="{TRIGGER}">')
    lines.append('    <Header value="Event"/>')
    lines += _choices(ATTR["polarity"], schema.polarity, required=True)
    lines += _choices(ATTR["modality"], schema.modality, required=True)
    lines += _choices(ATTR["mode"], schema.all_modes)
    lines += _textarea(ATTR["cluster"], "event cluster id, corpus-wide")
    lines += _textarea(ATTR["links"], "cross-document links, one per line: TYPE DOCUMENT_ID ITEM_ID")
    lines.append('  </View>')
    lines.append(f'  <View visibleWhen="region-selected" whenTagName="{CLAIM}" whenLabelValue="{CONTENT}">')
    lines.append('    <Header value="Claim"/>')
    lines += _choices(ATTR["quote_type"], schema.quote_type, required=True)
    lines += _choices(ATTR["check_worthiness"], schema.check_worthiness, required=True)
    lines += _textarea(ATTR["links"] + "_claim", "cross-document links, one per line: TYPE DOCUMENT_ID ITEM_ID")
    lines.append('  </View>')
    lines.append("</View>")
    return "\n".join(lines) + "\n"
