"""Writing an annotation: the records of a corpus as a .jsonl file or a folder (import, pull, adjudicate)."""

from __future__ import annotations

from pathlib import Path

from ceasefire.outputs import check_output_file, check_output_folder, safe_name, write_file, write_folder
from ceasefire.schema import InputError, Problem
from ceasefire.schema.records import dumps_jsonl, dumps_pretty


def write_records(out: str | Path, documents: dict[str, dict], corpus: dict, *, inputs=()) -> None:
    """A .jsonl file, or a folder with one pretty JSON file per document plus corpus.json.

    The rules of :mod:`ceasefire.outputs` apply: an input is never overwritten, a folder
    holding anything but an earlier output is refused, and a document id becomes a file
    name only if it is a plain name.
    """
    if Path(out).suffix == ".jsonl":
        check_output_file(out, inputs=inputs)
        write_file(out, dumps_jsonl([documents[d] for d in sorted(documents)] + [corpus]))
        return
    write_folder(out, folder_files(documents, corpus), inputs=inputs)


def check_records_output(out: str | Path, *, inputs=()) -> None:
    """Refuse, before any work, an output that :func:`write_records` would refuse: a .jsonl file or
    a records folder, by the rules of :mod:`ceasefire.outputs`."""
    if Path(out).suffix == ".jsonl":
        check_output_file(out, inputs=inputs)
    else:
        check_output_folder(out, inputs=inputs)


def folder_files(documents: dict[str, dict], corpus: dict) -> dict[str, str]:
    """File name -> content of a records folder: one pretty JSON file per document plus corpus.json."""
    files = {f"{safe_name(d, what='document id')}.json": dumps_pretty(documents[d]) for d in sorted(documents)}
    if "corpus.json" in files:
        raise InputError([Problem(None, "corpus", "id", "names the file of the corpus record", "corpus", "any other document id")])
    files["corpus.json"] = dumps_pretty(corpus)
    return files


def stale_files(out: str | Path, documents: dict[str, dict], corpus: dict) -> list[str]:
    """What differs between a records file or folder on disk and what :func:`write_records` would
    write there (a folder's JSON files; empty when it is current)."""
    out = Path(out)
    if out.suffix == ".jsonl":
        new = dumps_jsonl([documents[d] for d in sorted(documents)] + [corpus]).encode("utf-8")
        return [] if out.is_file() and out.read_bytes() == new else [f"{out}: {'differs' if out.is_file() else 'missing'}"]
    files = folder_files(documents, corpus)
    on_disk = {p.name for p in out.glob("*.json")} if out.is_dir() else set()
    stale = [f"{out / n}: missing" for n in sorted(set(files) - on_disk)]
    stale += [f"{out / n}: not written by this adjudication" for n in sorted(on_disk - set(files))]
    stale += [f"{out / n}: differs" for n in sorted(set(files) & on_disk) if (out / n).read_bytes() != files[n].encode("utf-8")]
    return stale


def clusters_from_use(documents: dict[str, dict]) -> dict[str, list[dict]]:
    """Entity and event cluster declarations for the ids that several documents use: what a
    corpus record must declare when the documents come without one."""
    used: dict[str, dict[str, set]] = {"entity_clusters": {}, "event_clusters": {}}
    for d, doc in documents.items():
        for m in doc.get("mentions") or []:
            if m.get("entity") is not None:
                used["entity_clusters"].setdefault(m["entity"], set()).add(d)
        for e in doc.get("events") or []:
            if e.get("cluster") is not None:
                used["event_clusters"].setdefault(e["cluster"], set()).add(d)
    return {part: [{"id": c, "documents": sorted(ds)} for c, ds in sorted(ids.items()) if len(ds) > 1]
            for part, ids in used.items()}
