"""The checks a corpus folder passes before any command reads it (`add`, `preannotate`,
`lint`/`tasks`/`serve --corpus`): its manifest, entry by entry, and the files of the folder.

A corpus folder is input the user hands over, possibly made by someone else, so nothing in it is
trusted. Two rules, checked here once for every command:

- **Every file of the corpus is a regular file inside the corpus folder.** The manifest, its
  SHA256SUMS, each article and each file of gold/ is refused when it is a symbolic link (even one
  that points inside: a copy, an archive or a review of the folder would then not hold what was
  annotated, and `add` would write through it), when a link higher up puts it outside the folder,
  or when it is not a regular file (a named pipe would block the reader forever).
- **Every manifest entry is checked field by field.** One message per bad field, naming the
  entry by its index and id: ``id`` and ``seed_file`` are plain names (they become file names),
  ``sha256`` is 64 lowercase hex digits and matches the text, the text is UTF-8, ``meta`` is an
  object, and no id or file is listed twice.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from ceasefire.schema import InputError, Location, Problem
from ceasefire.schema.json_schema import DOC_ID_PATTERN
from ceasefire.schema.records import MAX_INPUT_BYTES, read_json

#: What every file of a corpus must be; said in each refusal.
INSIDE = "a regular file inside the corpus folder (not a symbolic link)"
_PLAIN = re.compile(DOC_ID_PATTERN)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_PLAIN_ALLOWED = "a plain name: letters, digits, '.', '_' and '-', starting with a letter or digit"


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def file_problem(path: Path, root: Path, field: str, *, where: Location | None = None, document: str | None = None,
                 value=None) -> Problem | None:
    """Why ``path`` is not a regular file inside the corpus folder ``root`` (resolved), or None.

    The problem is reported at ``where`` (default: the path itself) under ``field``.
    """
    has_value = value is not None
    where = where or Location(str(path))
    shown = "" if where.file == str(path) else f" ({path})"
    if path.is_symlink():
        return Problem(where, document, field, f"is a symbolic link{shown} to {os.readlink(path)}", value, INSIDE, has_value)
    real = os.path.realpath(path)
    if not _inside(real, str(root)):
        return Problem(where, document, field, f"lies outside the corpus folder {root}{shown}: it is {real}", value, INSIDE, has_value)
    try:
        st = path.stat()
    except OSError as exc:
        return Problem(where, document, field, f"cannot be read{shown}: {exc.strerror}", value, INSIDE, has_value)
    if not stat.S_ISREG(st.st_mode):
        return Problem(where, document, field, f"is not a regular file{shown}", value, INSIDE, has_value)
    if st.st_size > MAX_INPUT_BYTES:
        return Problem(where, document, field, f"is {st.st_size} bytes long{shown}", value, f"at most {MAX_INPUT_BYTES} bytes", has_value)
    return None


def check_corpus_folder(corpus: str | Path, articles: Path, gold: Path) -> list[dict]:
    """The manifest's entries, every one checked with its text; raise InputError naming every problem."""
    root = Path(os.path.realpath(corpus))
    manifest = articles / "articles.json"
    problem = file_problem(manifest, root, "--corpus")
    if problem:
        raise InputError([problem])
    sums = articles / "SHA256SUMS"  # not read, but `add` rewrites it
    problems = [file_problem(sums, root, "--corpus")] if sums.exists() or sums.is_symlink() else []
    problems = [p for p in problems + _gold_problems(gold, root) if p]
    entries, problem = read_json(manifest)
    if problem:
        raise InputError([problem])
    if not isinstance(entries, list):
        raise InputError([Problem(Location(str(manifest)), None, "", f"is a JSON {type(entries).__name__}, not a list of entries",
                                  has_value=False, allowed='[{"id", "seed_file", "sha256", "meta"}, ...], one entry per article')])
    problems += _entry_problems(entries, manifest, root)
    if problems:
        raise InputError(problems)
    return entries


def _gold_problems(gold: Path, root: Path) -> list[Problem | None]:
    """The gold folder and the files of it that the record reader reads (.json, .jsonl)."""
    if not gold.exists() and not gold.is_symlink():
        return []  # a corpus without gold yet: its articles are annotated from the text
    if gold.is_symlink() or not _inside(os.path.realpath(gold), str(root)) or not gold.is_dir():
        return [Problem(Location(str(gold)), None, "--corpus", "is a symbolic link, not a folder, or outside the corpus folder",
                        has_value=False, allowed="a folder inside the corpus folder (not a symbolic link)")]
    return [file_problem(f, root, "--corpus") for f in sorted(gold.iterdir()) if f.suffix in (".json", ".jsonl")]


def _entry_problems(entries: list, manifest: Path, root: Path) -> list[Problem]:
    where = Location(str(manifest))
    problems: list[Problem] = []
    first: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(Problem(where, None, f"[{i}]", f"is a {type(entry).__name__}, not an entry", entry,
                                    '{"id", "seed_file", "sha256", "meta"}'))
            continue
        doc = entry["id"] if isinstance(entry.get("id"), str) else None

        def bad(key, message, allowed, has_value=True):
            problems.append(Problem(where, doc, f"[{i}].{key}", message, entry.get(key), allowed, has_value and key in entry))

        before = len(problems)
        for key in ("id", "seed_file"):
            value = entry.get(key)
            if key not in entry:
                bad(key, "is missing", _PLAIN_ALLOWED, False)
            elif not isinstance(value, str) or not _PLAIN.fullmatch(value):
                bad(key, "is not a plain name (it becomes a file name)", _PLAIN_ALLOWED)
            elif (key, value) in first:
                bad(key, f"is listed twice (first in entry {first[key, value]})", "each article once")
            else:
                first[key, value] = i
        if not isinstance(entry.get("sha256"), str) or not _SHA256.fullmatch(entry["sha256"]):
            bad("sha256", "is missing" if "sha256" not in entry else "is not a sha256", "64 lowercase hex digits: sha256sum of the text",
                "sha256" in entry)
        if not isinstance(entry.get("meta"), dict):
            bad("meta", "is missing" if "meta" not in entry else "is not an object", "an object of metadata (unknown values null)", "meta" in entry)
        if len(problems) == before:
            problems += _text_problems(entry, i, manifest.parent, root, where)
    return problems


def _text_problems(entry: dict, i: int, folder: Path, root: Path, where: Location) -> list[Problem]:
    """The article an entry names: a regular file of the corpus, its sha256 as listed, UTF-8."""
    doc, field, path = entry["id"], f"[{i}].seed_file", folder / entry["seed_file"]
    problem = file_problem(path, root, field, where=where, document=doc, value=entry["seed_file"])
    if problem:
        return [problem]
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != entry["sha256"]:
        return [Problem(where, doc, f"[{i}].sha256", f"differs from the sha256 of {path} ({digest})", entry["sha256"],
                        "the sha256 of the text: the article must be the listed text byte for byte")]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [Problem(where, doc, field, f"names a file that is not UTF-8 ({path}: byte {exc.start})", entry["seed_file"], "UTF-8 text")]
    return []
