"""Writing an annotation: the records of a corpus as a .jsonl file or a folder (import, pull, adjudicate)."""

from __future__ import annotations

from pathlib import Path

from ceasefire.outputs import check_output_file, safe_name, write_file, write_folder
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


def folder_files(documents: dict[str, dict], corpus: dict) -> dict[str, str]:
    """File name -> content of a records folder: one pretty JSON file per document plus corpus.json."""
    files = {f"{safe_name(d, what='document id')}.json": dumps_pretty(documents[d]) for d in sorted(documents)}
    if "corpus.json" in files:
        raise InputError([Problem(None, "corpus", "id", "names the file of the corpus record", "corpus", "any other document id")])
    files["corpus.json"] = dumps_pretty(corpus)
    return files


def stale_files(folder: str | Path, documents: dict[str, dict], corpus: dict) -> list[str]:
    """What differs between a records folder on disk and what :func:`write_records` would write
    there (the JSON files; empty when the folder is current)."""
    folder = Path(folder)
    files = folder_files(documents, corpus)
    on_disk = {p.name for p in folder.glob("*.json")} if folder.is_dir() else set()
    stale = [f"{folder / n}: missing" for n in sorted(set(files) - on_disk)]
    stale += [f"{folder / n}: not written by this adjudication" for n in sorted(on_disk - set(files))]
    stale += [f"{folder / n}: differs" for n in sorted(set(files) & on_disk) if (folder / n).read_bytes() != files[n].encode("utf-8")]
    return stale
