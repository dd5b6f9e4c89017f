"""Writing an annotation: the records of a corpus as a .jsonl file or a folder (import, pull, adjudicate)."""

from __future__ import annotations

from pathlib import Path

from ceasefire.schema import Problem


def write_records(out: str | Path, documents: dict[str, dict], corpus: dict, *, inputs=()) -> None:
    """A .jsonl file, or a folder with one pretty JSON file per document plus corpus.json.

    The rules of :mod:`ceasefire.outputs` apply: an input is never overwritten, a folder
    holding anything but an earlier output is refused, and a document id becomes a file
    name only if it is a plain name.
    """
    from ceasefire.outputs import check_output_file, safe_name, write_file, write_folder
    from ceasefire.schema import InputError
    from ceasefire.schema.records import dumps_jsonl, dumps_pretty

    if Path(out).suffix == ".jsonl":
        check_output_file(out, inputs=inputs)
        write_file(out, dumps_jsonl([documents[d] for d in sorted(documents)] + [corpus]))
        return
    files = {f"{safe_name(d, what='document id')}.json": dumps_pretty(documents[d]) for d in sorted(documents)}
    if "corpus.json" in files:
        raise InputError([Problem(None, "corpus", "id", "names the file of the corpus record", "corpus", "any other document id")])
    files["corpus.json"] = dumps_pretty(corpus)
    write_folder(out, files, inputs=inputs)
