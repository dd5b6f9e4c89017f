"""The Python API: score, validate and load records in memory, from files or from a
``datasets.Dataset``, exactly as ``ceasefire-eval`` does on files.

Every function here goes through the command line's own loading path
(:func:`ceasefire.schema.corpus.load_gold` and ``load_predictions``, then
:func:`ceasefire.eval.api.score_files`): records given in memory are read as a file's
would be, validated by the same checks, and their text-only spans placed by the same
rule. Bad input raises :class:`ceasefire.InputError`, whose ``problems`` are the messages
the command line prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from ceasefire.eval.api import DEFAULT_SEED, Scored, score_files
from ceasefire.schema import Problem, Schema, load_schema
from ceasefire.schema.corpus import Corpus, is_records
from ceasefire.schema.corpus import load_gold as _load_gold
from ceasefire.schema.corpus import load_predictions


def _schema(schema: Schema | str | Path | None) -> Schema:
    return schema if isinstance(schema, Schema) else load_schema(schema)


def _is_dataset(obj: Any) -> bool:
    # checked by module, so that plain records need no `datasets` (the 'hf' extra)
    return type(obj).__module__.split(".")[0] == "datasets"


def _source(obj: Any) -> list:
    """Records in memory, or a list of paths: what the loading path reads."""
    if _is_dataset(obj):
        from ceasefire.annotate.dataset.hub_records import records_from_dataset

        return records_from_dataset(obj)
    if isinstance(obj, (str, Path, dict)):
        return [obj]
    return list(obj)  # paths, or records


def _gold(gold: Any) -> Any:
    if gold is None:
        return None
    return _one(_source(gold))


def _many(paths: list):
    raise TypeError(f"gold: {len(paths)} paths given; allowed: one file or folder of gold records, or the records themselves")


def score(predictions: Any, gold: Any = None, *, allow_missing: bool = False, strict: bool = False, bootstrap: int = 0,
          seed: int = DEFAULT_SEED, schema: Schema | str | Path | None = None) -> Scored:
    """Validate ``predictions`` and score them against ``gold``, as ``ceasefire-eval score``.

    ``predictions``: a path or list of paths (JSONL/JSON files or folders), a record or a list
    of records in memory (dicts in the record format, the corpus record among them if any), or
    a ``datasets.Dataset`` in the features of the dataset's ``documents`` config (its
    ClassLabels decoded by its own features; entity and event ids shared by several rows
    become the corpus record's clusters). ``gold``: the shipped gold by default, else a
    path or records. Returns the typed result: ``result.metrics["mentions.strict"]["f1"]``,
    ``result.output`` (the JSON of the command line). Raises InputError on bad input.
    """
    return score_files(_source(predictions), gold=_gold(gold), allow_missing=allow_missing, strict=strict,
                       bootstrap=bootstrap, seed=seed, schema=_schema(schema))


def validate(records: Any, *, predictions: bool = False, gold: Any = None, allow_missing: bool = False, strict: bool = False,
             schema: Schema | str | Path | None = None) -> list[Problem]:
    """Every problem with ``records`` (paths, records in memory or a Dataset), as
    ``ceasefire-eval validate`` reports them; empty when they are valid.

    As gold by default; with ``predictions=True``, exactly the checks ``score`` runs first
    (against ``gold``). A text-only span that cannot be placed is no problem (``score``
    counts it as a false positive) unless ``strict``.
    """
    from ceasefire.schema import InputError

    schema = _schema(schema)
    source = _source(records)
    try:
        if predictions:
            load_predictions(source, _load_gold(_gold(gold), schema=schema), schema=schema, allow_missing=allow_missing, strict=strict)
        else:
            _load_gold(_one(source), schema=schema, what="records")
    except InputError as exc:
        return list(exc.problems)
    return []


def _one(source: list):
    """Records (none at all among them: an empty list, refused by the loader as holding no
    document record), or the one path of a corpus."""
    return source if is_records(source) or not source else source[0] if len(source) == 1 else _many(source)


def load_gold(gold: Any = None, *, schema: Schema | str | Path | None = None) -> Corpus:
    """The gold, validated: ``.documents`` (id -> record) and ``.corpus`` (the corpus record).
    The shipped gold by default, else a path or records. Raises InputError on bad input."""
    return _load_gold(_gold(gold), schema=_schema(schema))


__all__ = ["score", "validate", "load_gold"]
