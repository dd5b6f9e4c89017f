"""`ceasefire-annotate build`: the publishable dataset folder from the gold."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ceasefire import __version__
from ceasefire.outputs import write_folder
from ceasefire.eval.gold import load_gold
from ceasefire.schema import Schema

from .card import card_metadata, render_card
from .hf_dataset import CONFIGS, build_files, manifest
from .reporting import agreement_markdown, statistics_markdown

ROW_OF = {
    "documents": "article, with every layer",
    "mentions": "actor/argument mention (with its entity's name and QID)",
    "entities": "entity of an article (mention count, shared across articles or not)",
    "events": "event mention (trigger, attributes, cluster, arguments with their text)",
    "claims": "claim (source, cue, content, attributes, parent)",
    "relations": "relation, within an article or between the two",
    "cross_document": "cluster shared by both articles, or relation between them",
}


def _fields(features: dict) -> str:
    def show(f) -> str:
        from datasets import List, Value

        if isinstance(f, Value):
            return f.dtype
        if isinstance(f, List):
            return f"list of {show(f.feature)}"
        if isinstance(f, dict):
            return "{" + ", ".join(f"{k}: {show(v)}" for k, v in f.items()) + "}"
        return type(f).__name__

    return "\n".join(f"- `{c}`: " + ", ".join(f"`{k}` ({show(v)})" for k, v in features[c].items()) for c in CONFIGS)


def _leaderboard() -> str:
    from ceasefire.data import data_dir
    from ceasefire.eval.leaderboard import leaderboard_markdown

    root = data_dir().parent
    if not (root / "leaderboard" / "systems.yaml").exists():
        return "See the project repository (`ceasefire-eval leaderboard`)."
    return leaderboard_markdown(root).strip()


def build_dataset(out: str | Path, *, schema: Schema, gold: str | Path | None = None) -> dict:
    """Build the folder; returns the sizes. The folder is swapped in whole (see :mod:`ceasefire.outputs`)."""
    corpus = load_gold(gold, schema=schema)
    built = build_files(corpus.documents, corpus.corpus, schema)
    files: dict[str, bytes | str] = dict(built["files"])
    sizes, feats = built["sizes"], built["features"]
    meta = card_metadata(sizes, feats)
    body = resources.files("ceasefire.annotate").joinpath("card_body.md").read_text(encoding="utf-8")
    table = "\n".join(f"| `{c}` | {ROW_OF[c]} | {sizes[c]['num_examples']} |" for c in CONFIGS)
    for key, value in (
        ("{config_table}", table),
        ("{fields}", _fields(feats)),
        ("{statistics}", statistics_markdown(corpus.documents, corpus.corpus).strip()),
        ("{agreement}", agreement_markdown().strip()),
        ("{version}", __version__),
        ("{leaderboard}", _leaderboard()),
    ):
        body = body.replace(key, value)
    files["README.md"] = render_card(meta, body)
    files["SHA256SUMS"] = manifest(built["files"])

    write_folder(out, files, inputs=[p for p in (gold,) if p])
    return sizes
