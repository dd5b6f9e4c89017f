"""A language-model-style prediction file: annotation B of both articles with every offset removed.

Built from the committed ``data/annotations/B`` at test time (so it cannot drift from it):
no ``start``, ``end``, ``text`` of the document or ``meta``; spans are given by text alone,
as an extractor that returns span texts would give them.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

from ceasefire.schema.spans import SPAN_ROLES
from helpers.paths import ROOT

ANNOTATION = ROOT / "data" / "annotations" / "B"


def annotation_b() -> list[dict]:
    """The records of annotation B, with offsets (documents in name order, then the corpus record)."""
    files = sorted(ANNOTATION.glob("0*.json")) + [ANNOTATION / "corpus.json"]
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def without_offsets(records: list[dict]) -> list[dict]:
    out = copy.deepcopy(records)
    for rec in out:
        if rec.get("record") == "corpus":
            continue
        rec.pop("text", None)
        rec.pop("meta", None)
        for walk in SPAN_ROLES.values():
            for _, span, _ in walk(rec):
                del span["start"], span["end"]
    return out


def shuffled(records: list[dict], rng: random.Random) -> list[dict]:
    """The same records with every list in a random order: records, layers, arguments, clusters."""
    out = copy.deepcopy(records)

    def shuffle(value):
        if isinstance(value, list):
            rng.shuffle(value)
            for x in value:
                shuffle(x)
        elif isinstance(value, dict):
            for x in value.values():
                shuffle(x)

    shuffle(out)
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
