"""Generated sections of the dataset card: the codes, one example per config, the token
view's losses, and where the project lives. Everything comes from ``schema.yaml``, the
built rows or the package metadata, so the card cannot drift from them."""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from ceasefire.schema import Schema

from . import token_view
from .configs import CONFIGS, decode_labels

LIST_ITEMS = 2  # items shown of a long list in an example row
TEXT_CHARS = 120  # characters shown of a long string in an example row


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _table(header: tuple[str, ...], rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def codes_markdown(schema: Schema) -> str:
    """What every label means, with its anchor, from the schema's definitions."""
    roles = schema.raw["events"]["roles"]
    parts = [
        ("Mention types (`type` of mentions and entities; the `B-`/`I-` tags of `tokens`)", _table(
            ("code", "definition", "anchor"), [(f"`{k}`", v["definition"], v["anchor"]) for k, v in schema.mention_types.items()])),
        ("Mention levels (`level`)", _table(
            ("code", "definition", "anchor"), [(f"`{k}`", v["definition"], v["anchor"]) for k, v in schema.mention_levels.items()])),
        (f"Event types (`type` of events; PLOVER {schema.plover_version})", _table(
            ("code", "definition", "modes"), [(f"`{k}`", t.definition, ", ".join(f"`{m}`" for m in t.modes) or "none (mode is null)")
                                              for k, t in schema.event_types.items()])),
        ("PLOVER modes (`mode`, null where the type has none; one value list for all types)", _table(
            ("event type", "mode", "definition"), [(f"`{k}`", f"`{m}`", d) for k, t in schema.event_types.items() for m, d in t.modes.items()])),
        ("Argument roles (`arguments[].role`)", _table(
            ("code", "definition", "filled by"), [(f"`{k}`", roles[k]["definition"], schema.describe_endpoints(v)) for k, v in schema.roles.items()])),
        ("Event polarity (`polarity`)", _table(
            ("code", "definition", "anchor"), [(f"`{k}`", v["definition"], v["anchor"]) for k, v in schema.polarity.items()])),
        ("Event modality (`modality`)", _table(
            ("code", "definition", "anchor"), [(f"`{k}`", v["definition"], v["anchor"]) for k, v in schema.modality.items()])),
        ("Claim quote type (`quote_type`)", _table(
            ("code", "definition", "anchor"), [(f"`{k}`", v["definition"], v["anchor"]) for k, v in schema.quote_type.items()])),
        ("Claim check-worthiness (`check_worthiness`)", _table(
            ("code", "definition", "anchor"), [(f"`{k}`", v["definition"], v["anchor"]) for k, v in schema.check_worthiness.items()])),
        ("Relation types (`type` of relations)", _table(
            ("code", "definition", "head → tail", "across articles"),
            [(f"`{k}`", r.definition, f"{schema.describe_endpoints(r.head)} → {schema.describe_endpoints(r.tail)}", "yes" if r.cross_document else "no")
             for k, r in schema.relation_types.items()])),
        (f"Relation detail (`detail`: set on {', '.join(f'`{t}`' for t in schema.detail_types)}, null on every other type)", _table(
            ("code", "definition", "anchor"), [(f"`{k}`", v["definition"], v["anchor"]) for k, v in schema.relation_detail.items()])),
    ]
    return "\n\n".join(f"**{title}**\n\n{table}" for title, table in parts)


def _shorten(value: Any) -> Any:
    if isinstance(value, str) and len(value) > TEXT_CHARS:
        return value[:TEXT_CHARS] + f"… ({len(value)} characters)"
    if isinstance(value, list):
        head = [_shorten(v) for v in value[:LIST_ITEMS]]
        return head + ([f"… {len(value) - LIST_ITEMS} more"] if len(value) > LIST_ITEMS else [])
    if isinstance(value, dict):
        return {k: _shorten(v) for k, v in value.items()}
    return value


def examples_markdown(rows: dict[str, list[dict]], features: dict) -> str:
    """The first row of every config, as `load_dataset(...)["test"][0]` gives it, with
    ClassLabel integers shown beside their names (so as JSON, not Python: "0 (PERSON)")."""
    out = []
    for config in CONFIGS:
        row = features[config].encode_example(rows[config][0])
        shown = decode_labels(row, features[config], lambda f, v: f"{v} ({f.int2str(v)})")
        fields = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in _shorten(shown).items())
        out.append(f"`{config}`:\n\n```json\n{{\n{fields}\n}}\n```")  # JSON, so that it parses (tests/test_examples.py)
    return "\n\n".join(out)


def token_view_markdown(documents: dict[str, dict]) -> str:
    """What the BIO view keeps and loses, counted on the gold."""
    total = {"mentions": 0, "top_level": 0, "nested_pairs": 0, "crossing_pairs": 0}
    sentences = tokens = joins = 0
    for doc in documents.values():
        for k, v in token_view.nesting(doc["mentions"]).items():
            total[k] += v
        rows = token_view.doc_rows(doc)
        sentences += len(rows)
        tokens += sum(len(r["tokens"]) for r in rows)
        joins += token_view.sentences(doc["id"], doc["text"], doc["mentions"])[1]
    left = total["mentions"] - total["top_level"]
    return (f"The `tokens` config has {sentences} sentences and {tokens} tokens. It tags {total['top_level']} of the "
            f"{total['mentions']} mentions: BIO cannot nest, and {left} mentions lie inside another mention "
            f"({total['nested_pairs']} nested pairs, such as \"Russian\" inside \"Russian President Vladimir Putin\"; "
            f"{total['crossing_pairs']} crossing pairs). Those {left} are only in the `mentions` and `documents` configs. "
            f"{joins} sentence breaks of the scorer's splitter fell inside a mention (\"U.S. and Russian officials\"), "
            "and those sentences are joined, so no tagged mention is cut.")


def optional_markdown(documents: dict[str, dict], corpus: dict, schema: Schema) -> str:
    """How many gold items are optional, per layer, and what that means for scoring."""
    from .summary import summarize

    counts = summarize(documents, corpus)["optional"]
    spec = schema.raw["optional"]
    names = {"relations": "relations within an article", "cross_document_relations": "relations between the articles"}
    per_layer = ", ".join(f"{names.get(layer, layer)} {n}" for layer, n in counts.items())
    return (f"{sum(counts.values())} gold items are marked `optional: true`, each with its `optional_reason` ({per_layer}). "
            f"The schema's definition: \"{spec['definition']}\" This is the rule of the optional slots of the TAC KBP "
            "slot-filling scorer: for scoring, an optional item is neither counted as missed when a prediction leaves it "
            "out, nor as a false positive when a prediction has it. Adjudication marks an item optional only when it is "
            f"genuinely debatable, and at most {schema.max_optional_share:.0%} of any layer "
            f"({', '.join(schema.optional_layers)}). In every config where these items appear, `optional` is a bool "
            "(false for all other items) and `optional_reason` is null unless `optional` is true, so "
            "`ds.filter(lambda r: not r[\"optional\"])` keeps the undisputed items.")


def cross_links_markdown(corpus: dict) -> str:
    """One line saying where the relations between the articles are."""
    from ceasefire.annotate.corpus.folder import article_words

    words = article_words(len(corpus.get("documents") or []))
    by_type: dict[str, int] = {}
    for r in corpus["relations"]:
        by_type[r["type"]] = by_type.get(r["type"], 0) + 1
    counts = ", ".join(f"{t} {n}" for t, n in sorted(by_type.items()))
    return (f"The {len(corpus['relations'])} relations between {words['the_articles']} ({counts}) belong to no single article, so "
            "they are not in `documents`: they are the rows of `cross_document` with `kind == \"relation\"` (ids and "
            "documents) and the rows of `relations` with `cross_document == True` (with the text of both ends).")


def project_markdown() -> str:
    """Repository and contact lines, from the installed package's metadata."""
    meta = metadata.metadata("ceasefire")
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    repo = urls.get("Repository") or urls.get("Homepage")
    author = meta.get("Author") or meta.get("Author-email") or "the maintainers"
    return "\n".join([
        f"- **Repository:** {repo}" if repo else
        "- **Repository:** the Ceasefire project repository (no public URL has been assigned yet; "
        "`[project.urls]` in its `pyproject.toml` fills this line)",
        f"- **Point of contact:** {author}, through the repository's issue tracker (no email address is published)",
        "- **Datasheet:** [`DATASHEET.md`](DATASHEET.md) (Gebru et al.'s seven sections, every question answered)",
        "- **Record format:** [`FORMAT.md`](FORMAT.md); **metrics:** [`METRICS.md`](METRICS.md); "
        f"**licence:** [`LICENSE.md`](LICENSE.md)",
    ])
