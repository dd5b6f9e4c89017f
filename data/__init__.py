"""The shipped data: the articles (articles/, listed in articles.json), the gold (gold/) and the
independent annotations (annotations/), installed as package data."""

import re
from importlib import resources
from pathlib import Path


def data_dir() -> Path:
    """Return the folder holding the shipped data files."""
    return Path(str(resources.files(__name__)))


def articles_dir() -> Path:
    return data_dir() / "articles"


def gold_dir() -> Path:
    return data_dir() / "gold"


#: The record format's document-id form (ceasefire.schema.json_schema.DOC_ID_PATTERN).
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def load_articles(folder: str | Path | None = None) -> dict[str, dict]:
    """Return ``{doc_id: {"text": ..., "meta": ...}}`` for the articles of ``folder``
    (default: the shipped ``articles/``; any corpus's articles folder, see
    :mod:`ceasefire.annotate.corpus.folder`).

    The text is read as the seed file's exact bytes decoded as UTF-8 (no newline
    translation), and its sha256 is checked against ``articles.json``.
    """
    import hashlib
    import json

    folder = Path(folder) if folder is not None else articles_dir()
    index = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    out = {}
    for i, entry in enumerate(index):
        # the file names must be plain names inside the folder (a corpus given by the user is
        # checked field by field before, by ceasefire.annotate.corpus.manifest)
        for key in ("id", "seed_file"):
            value = entry.get(key) if isinstance(entry, dict) else None
            if not isinstance(value, str) or not _PLAIN.fullmatch(value):
                raise ValueError(f"{folder / 'articles.json'}: entry {i}: {key}: {value!r} is not a plain name "
                                 "(letters, digits, '.', '_', '-', starting with a letter or digit)")
        raw = (folder / entry["seed_file"]).read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != entry["sha256"]:
            raise RuntimeError(f"{folder / entry['seed_file']}: sha256 {digest} differs from articles.json ({entry['sha256']}); the article text must be the seed byte for byte")
        meta = dict(entry["meta"], seed_file=entry["seed_file"], sha256=entry["sha256"])
        out[entry["id"]] = {"text": raw.decode("utf-8"), "meta": meta}
    return out
