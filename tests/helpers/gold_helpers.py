"""Finding gold items by text, for the tests of the shipped gold."""

import json
import re
import shutil
from pathlib import Path

from ceasefire.data import gold_dir

D0, D4 = "000_8ce9f93fccec955a", "004_2b10ae636b3461d6"


def load_gold(folder: Path | None = None):
    folder = folder or gold_dir()
    docs = {}
    for d in (D0, D4):
        docs[d] = json.loads((folder / f"{d}.json").read_text(encoding="utf-8"))
    corpus = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    return docs, corpus


def nth(doc, text, k=0):
    """Start offset of the k-th whole-word occurrence of text in the document."""
    found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", doc["text"])]
    assert len(found) > k, f"{text!r} occurs {len(found)} times in {doc['id']}"
    return found[k]


def mention(doc, text, k=0):
    s = nth(doc, text, k)
    found = [m for m in doc["mentions"] if m["start"] == s and m["text"] == text]
    assert found, f"no mention {text!r} (occurrence {k}) in {doc['id']}"
    return found[0]


def event(doc, text, k=0):
    s = nth(doc, text, k)
    found = [e for e in doc["events"] if e["trigger"]["start"] == s and e["trigger"]["text"] == text]
    assert found, f"no event {text!r} (occurrence {k}) in {doc['id']}"
    return found[0]


def claim(doc, content_start_text, k=0):
    s = nth(doc, content_start_text, k)
    found = [c for c in doc["claims"] if c["content"]["start"] == s]
    assert found, f"no claim whose content starts at {content_start_text!r} in {doc['id']}"
    return found[0]


def by_id(doc, ident):
    for layer in ("mentions", "events", "claims"):
        for x in doc[layer]:
            if x["id"] == ident:
                return x
    raise KeyError(ident)


def has_relation(doc, typ, head, tail):
    return any(r["type"] == typ and r["head"] == head["id"] and r["tail"] == tail["id"] for r in doc["relations"])


def copy_gold(tmp_path: Path) -> Path:
    """A copy of the shipped gold folder, for tests that edit it into a violation."""
    dst = tmp_path / "gold"
    shutil.copytree(gold_dir(), dst)
    return dst


def edit_record(folder: Path, name: str, fn) -> None:
    """Apply fn to the record in folder/name.json (a document id, or "corpus") and write it back."""
    path = folder / f"{name}.json"
    rec = json.loads(path.read_text(encoding="utf-8"))
    fn(rec)
    path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
