"""`ceasefire-annotate build`: the publishable dataset folder from the gold."""

from __future__ import annotations

import shutil
import tempfile
from importlib import resources
from pathlib import Path

from ceasefire import __version__
from ceasefire.schema.corpus import load_gold
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
    """Build the folder; returns the sizes. The folder is replaced as a whole at the end."""
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

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    staging.chmod(0o755)
    try:
        for rel, content in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                path.write_text(content, encoding="utf-8", newline="\n")
            else:
                path.write_bytes(content)
        old = out.with_name(f".{out.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if out.exists():
            out.rename(old)
        staging.rename(out)
        if old.exists():
            shutil.rmtree(old)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return sizes
