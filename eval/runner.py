"""`ceasefire-eval run`: call any extractor on every article and collect its records.

An extractor is either a Python function ``text -> record`` (it may also take the
document id as a second argument), named ``package.module:function``, or a shell
command that reads the article text on stdin and writes one JSON record on
stdout. A record is a dict with any of the layers (schema/FORMAT.md); spans may
be given by text alone. An optional corpus function receives ``{doc_id: record}``
and returns the corpus record (cross-document clusters and links).
"""

from __future__ import annotations

import importlib
import inspect
import json
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Callable

from ceasefire.schema import InputError, Location, Problem


def load_callable(spec: str, what: str) -> Callable:
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise InputError([Problem(None, None, what, "is not MODULE:FUNCTION", spec, "e.g. ceasefire.baselines.rule_based:extract")])
    sys.path.insert(0, str(Path.cwd()))  # so that a module next to the user's working directory is found
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:  # the user's module may fail in any way while importing
        raise InputError([Problem(None, None, what, f"cannot be imported: {type(exc).__name__}: {exc}", spec)]) from None
    finally:
        sys.path.pop(0)
    fn = getattr(module, attr, None)
    if not callable(fn):
        raise InputError([Problem(None, None, what, f"module {module_name!r} has no function {attr!r}", spec)])
    return fn


def _call(fn: Callable, text: str, doc_id: str):
    try:
        params = [p for p in inspect.signature(fn).parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        params = []
    return fn(text, doc_id) if len(params) >= 2 else fn(text)


def run_extractor(articles: dict[str, dict], *, function: str | None = None, command: str | None = None,
                  corpus_function: str | None = None) -> tuple[list[dict], list[Problem]]:
    """Records for every article (plus the corpus record, if a corpus function is given)."""
    problems: list[Problem] = []
    fn = load_callable(function, "extractor") if function else None
    records: dict[str, dict] = {}
    for doc_id in sorted(articles):
        text = articles[doc_id]["text"]
        where = Location(function or command or "?")
        try:
            if fn is not None:
                rec = _call(fn, text, doc_id)
            else:
                proc = subprocess.run(shlex.split(command), input=text, capture_output=True, text=True, timeout=3600)
                if proc.returncode != 0:
                    problems.append(Problem(where, doc_id, "", f"command exited with code {proc.returncode}: {proc.stderr.strip()[-300:]}", has_value=False))
                    continue
                rec = json.loads(proc.stdout)
        except json.JSONDecodeError as exc:
            problems.append(Problem(where, doc_id, "", f"command output is not one JSON record: {exc}", has_value=False))
            continue
        except Exception as exc:  # the extractor is user code: report its failure, do not crash
            problems.append(Problem(where, doc_id, "", f"extractor raised {type(exc).__name__}: {exc}", has_value=False))
            continue
        if not isinstance(rec, dict):
            problems.append(Problem(where, doc_id, "", "extractor returned no record", type(rec).__name__, "a dict in the record format"))
            continue
        rec = {"id": doc_id, **{k: v for k, v in rec.items() if k != "id"}}
        records[doc_id] = rec
    out = [records[d] for d in sorted(records)]
    if corpus_function and not problems:
        try:
            corpus = load_callable(corpus_function, "corpus")(records)
        except InputError:
            raise
        except Exception as exc:
            problems.append(Problem(Location(corpus_function), None, "", f"corpus function raised {type(exc).__name__}: {exc}", has_value=False))
        else:
            if isinstance(corpus, dict):
                out.append({"record": "corpus", **corpus})
    return out, problems
