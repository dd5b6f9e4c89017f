"""Reading and writing records (the interchange format for gold and predictions).

A path may be a JSONL file (one record per line), a JSON file (one record or a
list of records) or a folder of such files. Reading never raises on bad input:
it returns the records it could parse and a :class:`Problem` for each failure.
Writing is atomic: a file is either written whole or not at all.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ceasefire.interrupts import uninterrupted

from .problems import Location, Problem

#: Keys of the layers, in the order records are written.
DOC_LAYERS = ("mentions", "entities", "events", "claims", "relations")
#: The schema's four layers and the record layers that hold each: actors are mentions and their
#: entities; the links between documents, in the corpus record, are relations too.
SCHEMA_LAYERS = {"actors": ("mentions", "entities"), "events": ("events",), "claims": ("claims",), "relations": ("relations", "links")}


@dataclass
class Loaded:
    record: dict[str, Any]
    location: Location

    @property
    def is_corpus(self) -> bool:
        return self.record.get("record") == "corpus"


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        # special files are listed too, so that reading them is refused with a message
        return sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl") and not p.is_dir())
    return [path]


def read_records(paths: Iterable[str | Path], *, allow_empty: bool = False,
                 allowed: str | None = None) -> tuple[list[Loaded], list[Problem]]:
    """Parse every record in ``paths``; return records and problems. A file without a record is a
    problem (``allowed`` says what it should hold) unless ``allow_empty``."""
    loaded: list[Loaded] = []
    problems: list[Problem] = []
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            problems.append(Problem(Location(str(path)), None, "", "no such file or folder", has_value=False))
            continue
        files = _files(path)
        if path.is_dir() and not files:
            problems.append(Problem(Location(str(path)), None, "", "folder holds no .json or .jsonl file", has_value=False))
        for f in files:
            before = len(loaded) + len(problems)
            _read_file(f, loaded, problems)
            if len(loaded) + len(problems) == before and not allow_empty:
                # an empty file is a mistake (a truncated output, the wrong file): a system that found
                # nothing still writes one record per document, so no use needs a file without records
                problems.append(Problem(Location(str(f)), None, "", "holds no records", has_value=False, allowed=allowed or NO_RECORDS_ALLOWED))
    return loaded, problems


#: What an input of records must hold, for the message that refuses one without any.
NO_RECORDS_ALLOWED = 'a record per document (also one where nothing was found: {"id": "<document id>"}) and at most one corpus record'
#: ... and what predictions must hold: with --allow-missing, an input without records is every document missing
#: (eval's acceptance: "score on an empty prediction file gives recall 0")
NO_PREDICTIONS_ALLOWED = NO_RECORDS_ALLOWED.replace("per document", "per gold document")
ALLOW_MISSING_HINT = "; --allow-missing scores a missing one as empty"


#: Inputs larger than this are refused before reading (the two articles' gold is ~200 KB;
#: predictions for 10,000 synthetic documents in the benchmark are under 1 GB).
MAX_INPUT_BYTES = 2 * 1024**3


def read_text(f: Path) -> tuple[str | None, Problem | None]:
    """The UTF-8 text of an input file, or the problem that prevents reading it."""
    where = Location(str(f))
    try:
        st = f.stat()
    except OSError as exc:
        return None, Problem(where, None, "", f"cannot be read: {exc.strerror}", has_value=False)
    if not stat.S_ISREG(st.st_mode):
        # a FIFO would block forever and /dev/zero never ends: only regular files are read
        return None, Problem(where, None, "", "is not a regular file", has_value=False, allowed="a JSON or JSONL file, or a folder of them")
    if st.st_size > MAX_INPUT_BYTES:
        return None, Problem(where, None, "", f"is {st.st_size} bytes long", has_value=False, allowed=f"at most {MAX_INPUT_BYTES} bytes")
    try:
        # "utf-8-sig": a byte-order mark at the start is accepted and dropped
        return f.read_bytes().decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, Problem(where, None, "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})", has_value=False)
    except OSError as exc:
        return None, Problem(where, None, "", f"cannot be read: {exc.strerror}", has_value=False)


def read_json(f: Path) -> tuple[Any, Problem | None]:
    """One JSON value from a file, or the problem with it (never raises on bad input)."""
    content, problem = read_text(f)
    if problem:
        return None, problem
    obj, error = parse_json(content)
    if error:
        return None, Problem(Location(str(f), _error_line(error)), None, "", error, has_value=False)
    return obj, None


#: The deepest a YAML input may nest. The project's own files nest at most six levels; PyYAML takes
#: time quadratic in the depth (50,000 open brackets: about 50 s), so depth is checked while reading.
MAX_YAML_DEPTH = 100


def read_yaml(f: Path, allowed: str) -> tuple[Any, Problem | None]:
    """One YAML value from a file, or the problem with it (never raises on bad input).

    Refused before anything is built: aliases (an alias repeats a node without copying it, so a few
    lines can stand for billions of items, "billion laughs"; the files read here are written out in
    full and need none), tags that are not YAML's own (``!!python/...`` is not
    constructed by the safe loader) and nesting past :data:`MAX_YAML_DEPTH`."""
    import yaml

    text, problem = read_text(f)
    if problem:
        return None, problem

    def refused(line: int, message: str, what: str = allowed) -> tuple[None, Problem]:
        return None, Problem(Location(str(f), line), None, "", message, has_value=False, allowed=what)

    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                return refused(line, f"uses the YAML alias *{event.anchor}", f"{allowed} without anchors and aliases (&name, *name)")
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return refused(line, f"is nested more than {MAX_YAML_DEPTH} levels deep")
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
        return yaml.safe_load(text), None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(str(exc).split())
        return refused(mark.line + 1 if mark else None, f"is not YAML: {detail}")
    except yaml.YAMLError as exc:
        return refused(None, f"is not YAML: {' '.join(str(exc).split())}")


def _read_file(f: Path, loaded: list[Loaded], problems: list[Problem]) -> None:
    if f.suffix != ".jsonl":
        obj, problem = read_json(f)
        if problem:
            problems.append(problem)
            return
        for item in obj if isinstance(obj, list) else [obj]:
            _accept(item, Location(str(f)), loaded, problems)
        return
    content, problem = read_text(f)
    if problem:
        problems.append(problem)
        return
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        obj, error = parse_json(line)
        if error:
            problems.append(Problem(Location(str(f), lineno), None, "", error, has_value=False))
            continue
        _accept(obj, Location(str(f), lineno), loaded, problems)


def _error_line(error: str) -> int | None:
    import re

    m = re.search(r" at line (\d+)", error)
    return int(m.group(1)) if m else None


def parse_json(text: str) -> tuple[Any, str | None]:
    """``(value, None)``, or ``(None, message)`` for text that is not JSON this project accepts.

    Beyond syntax errors, this refuses what would otherwise crash later: nesting too deep
    for Python's parser, integers beyond Python's digit limit, and strings holding lone
    UTF-16 surrogates, which cannot be written out as UTF-8.
    """
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, f"is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
    except RecursionError:
        return None, "is not valid JSON for this tool: nested too deeply"
    except ValueError as exc:  # an integer of more than 4,300 digits (Python's limit)
        return None, f"is not valid JSON for this tool: {str(exc).split(';')[0]}"
    # A lone surrogate reaches a parsed value only as a \uD800-\uDFFF escape or raw in the
    # text; walking every string of a clean record (nearly all) cost as much as parsing it.
    bad = _lone_surrogate(obj) if _SURROGATE_ESCAPE.search(text) or not _encodable(text) else None
    if bad is not None:
        return None, f"holds a string with a lone surrogate ('{bad}'), which is not valid Unicode text"
    return obj, None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _lone_surrogate(obj: Any) -> str | None:
    """The first string (key or value) in ``obj`` that cannot be encoded as UTF-8, if any."""
    stack = [obj]
    while stack:
        cur = stack.pop()
        if isinstance(cur, str):
            strings = (cur,)
        elif isinstance(cur, dict):
            strings = cur.keys()
            stack.extend(cur.values())
        elif isinstance(cur, list):
            strings = ()
            stack.extend(cur)
        else:
            continue
        for s in strings:
            try:
                s.encode("utf-8")
            except UnicodeEncodeError:
                return s[:40].encode("utf-8", "backslashreplace").decode("ascii")
    return None


def _accept(obj: Any, loc: Location, loaded: list[Loaded], problems: list[Problem]) -> None:
    if not isinstance(obj, dict):
        # null as JSON writes it, not Python's NoneType
        problems.append(Problem(loc, None, "", "is not a record: expected a JSON object", value="null" if obj is None else type(obj).__name__))
        return
    loaded.append(Loaded(obj, loc))


# -- writing ------------------------------------------------------------------------

def atomic_write(path: str | Path, content: str, *, private: bool = False) -> None:
    """Write ``content`` to ``path`` via a temporary file and a rename; an error or an
    interruption (Ctrl-C, kill) on the way removes the temporary file and leaves ``path`` as it was.
    A ``private`` file keeps the mode 0600 that the temporary file is made with, so that at no
    moment can others read it."""
    path = Path(path)
    tmp = None
    try:
        with uninterrupted():  # once made, the temporary file is known here, so that it is removed again
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file ordinary permissions
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def dumps_jsonl(records: Iterable[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records)


def dumps_records(records: list[dict], path: str | Path) -> str:
    """Records as ``path`` is read back: JSONL for a ``.jsonl`` file, else one JSON list."""
    if Path(path).suffix == ".jsonl":
        return dumps_jsonl(records)
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"


def dumps_pretty(record: dict) -> str:
    """A reviewable JSON rendering: one line per top-level field and per layer item.

    Diffs of the gold then show one changed line per changed annotation.
    """
    lines = ["{"]
    keys = list(record)
    for i, key in enumerate(keys):
        value = record[key]
        comma = "," if i < len(keys) - 1 else ""
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"  {json.dumps(key)}: [")
            for j, item in enumerate(value):
                sep = "," if j < len(value) - 1 else ""
                lines.append(f"    {json.dumps(item, ensure_ascii=False)}{sep}")
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- canonical order ------------------------------------------------------------------
# One order for every list of a record, so that records built by different routes (the
# adjudication script, the Label Studio importer) compare equal. Relation ids, which
# Label Studio does not keep, are numbered in this order (r1.. in a document, x1.. in the
# corpus record).

def _positions(doc: dict) -> dict[str, int]:
    pos = {}
    for m in doc.get("mentions") or []:
        pos[m["id"]] = m["start"]
    for e in doc.get("events") or []:
        pos[e["id"]] = e["trigger"]["start"]
    for c in doc.get("claims") or []:
        pos[c["id"]] = c["content"]["start"]
    return pos


def canonical_document(doc: dict, roles: list[str], *, renumber_relations: bool = True) -> dict:
    """The document with every list in canonical order (a new dict; input unchanged)."""
    import copy

    doc = copy.deepcopy(doc)
    pos = _positions(doc)
    role_rank = {r: i for i, r in enumerate(roles)}
    if "mentions" in doc:
        doc["mentions"].sort(key=lambda m: (m["start"], -m["end"], m["id"]))
    if "entities" in doc:
        doc["entities"].sort(key=lambda e: e["id"])
    for e in doc.get("events") or []:
        e.get("arguments", []).sort(key=lambda a: (role_rank.get(a["role"], len(role_rank)), pos.get(a["ref"], -1), a["ref"]))
    if "events" in doc:
        doc["events"].sort(key=lambda e: (e["trigger"]["start"], -e["trigger"]["end"], e["id"]))
    if "claims" in doc:
        doc["claims"].sort(key=lambda c: (c["content"]["start"], -c["content"]["end"], c["id"]))
    if "relations" in doc:
        # detail and optional last: a total order even for records the validator would refuse as repeats
        doc["relations"].sort(key=lambda r: (pos.get(r["head"], -1), pos.get(r["tail"], -1), r["type"], r["head"], r["tail"],
                                             str(r.get("detail")), bool(r.get("optional"))))
        if renumber_relations:
            for i, r in enumerate(doc["relations"], 1):
                r["id"] = f"r{i}"
    return doc


def canonical_corpus(corpus: dict, documents: dict[str, dict], *, renumber_relations: bool = True) -> dict:
    import copy

    corpus = copy.deepcopy(corpus)
    pos = {d: _positions(doc) for d, doc in documents.items()}
    for part in ("entity_clusters", "event_clusters"):
        if part in corpus:
            corpus[part].sort(key=lambda c: c["id"])
            for c in corpus[part]:
                c["documents"] = sorted(c["documents"])
    if "relations" in corpus:
        def key(r):
            h, t = r["head"], r["tail"]
            return (h["doc"], pos.get(h["doc"], {}).get(h["id"], -1), t["doc"], pos.get(t["doc"], {}).get(t["id"], -1), r["type"], h["id"], t["id"],
                    str(r.get("detail")), bool(r.get("optional")))

        corpus["relations"].sort(key=key)
        if renumber_relations:
            for i, r in enumerate(corpus["relations"], 1):
                r["id"] = f"x{i}"
    return corpus
