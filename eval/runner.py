"""`ceasefire-eval run`: call any extractor on every article and collect its records.

An extractor is either a Python function ``text -> record`` (it may also take the
document id as a second argument), named ``package.module:function``, or a shell
command that reads the article text on stdin and writes one JSON record on
stdout. A record is a dict with any of the layers (schema/FORMAT.md); spans may
be given by text alone. An optional corpus function receives ``{doc_id: record}``
and returns the corpus record (cross-document clusters and links).
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import json
import os
import selectors
import shlex
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from ceasefire.schema import InputError, Location, Problem
from ceasefire.schema.records import parse_json


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
                  corpus_function: str | None = None, timeout: float = 600) -> tuple[list[dict], list[Problem]]:
    """Records for every article (plus the corpus record, if a corpus function is given).

    The extractor is user code: whatever it does (raises, calls ``sys.exit``, prints,
    hangs past ``timeout`` seconds, returns something that is not a JSON record) becomes
    a problem naming the document, never a crash. What a function prints goes to stderr,
    so that it cannot corrupt ``--format json`` on stdout.
    """
    problems: list[Problem] = []
    fn = load_callable(function, "extractor") if function else None
    # a command may hold a newline (a `python -c` program): escaped, so that each message stays one line
    where = Location(function or (command if command is None or command.isprintable() else command.encode("unicode_escape").decode("ascii")) or "?")
    records: dict[str, dict] = {}
    for doc_id in sorted(articles):
        text = articles[doc_id]["text"]
        if fn is not None:
            rec, problem = _guarded(lambda: _call(fn, text, doc_id), where, doc_id, "extractor")
        else:
            rec, problem = _run_command(command, text, where, doc_id, timeout)
        if problem is None:
            rec, problem = _as_record(rec, where, doc_id, "a dict in the record format")
        if problem is not None:
            problems.append(problem)
            continue
        records[doc_id] = {"id": doc_id, **{k: v for k, v in rec.items() if k != "id"}}
    out = [records[d] for d in sorted(records)]
    if corpus_function and not problems:
        corpus_fn = load_callable(corpus_function, "corpus")
        where = Location(corpus_function)
        corpus, problem = _guarded(lambda: corpus_fn(records), where, None, "corpus function")
        if problem is None:
            corpus, problem = _as_record(corpus, where, None, "a dict: the corpus record (schema/FORMAT.md)")
        if problem is not None:
            problems.append(problem)
        else:
            out.append({**corpus, "record": "corpus"})
    return out, problems


def _guarded(call: Callable, where: Location, doc_id: str | None, what: str):
    """``(value, None)`` from calling user code, or ``(None, problem)``; its stdout goes to stderr."""
    try:
        with contextlib.redirect_stdout(sys.stderr):
            return call(), None
    except SystemExit as exc:
        return None, Problem(where, doc_id, "", f"{what} called sys.exit({exc.code!r})", has_value=False, allowed="return a record, or raise an exception")
    except Exception as exc:  # the extractor is user code: report its failure, do not crash
        return None, Problem(where, doc_id, "", f"{what} raised {type(exc).__name__}: {exc}", has_value=False)


#: The most a command may print for one article: a record of a long article is a few hundred
#: kilobytes, so this is far above any real one and stops a runaway program before memory does.
MAX_OUTPUT = 64 * 1024 * 1024
#: What is kept of a command's stderr: its tail is shown when the command fails.
STDERR_KEPT = 64 * 1024


def _run_command(command: str, text: str, where: Location, doc_id: str, timeout: float):
    try:
        args = shlex.split(command)
        # a group of its own, so that what the command starts can be stopped with it
        proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except (OSError, ValueError) as exc:  # not found, not executable, bad quoting
        return None, Problem(where, doc_id, "", f"command cannot be run: {exc}", has_value=False)
    with proc:  # on leaving: the pipes closed and the command reaped
        try:
            out, err, stop = _collect(proc, text.encode("utf-8"), timeout)
        finally:  # also when `run` itself is interrupted: no process of the command outlives it
            _stop_group(proc.pid)
    if stop == "timeout":
        return None, Problem(where, doc_id, "", f"command did not finish within {timeout:g} seconds", has_value=False, allowed="a longer --timeout")
    if stop:  # "stdout" or "stderr": more than MAX_OUTPUT
        return None, Problem(where, doc_id, "", f"command printed more than {MAX_OUTPUT // 2**20} MiB"
                             + (" to stderr" if stop == "stderr" else ""), has_value=False, allowed="one JSON record on stdout")
    if proc.returncode != 0:
        tail = err.decode("utf-8", "replace").strip()[-300:]
        return None, Problem(where, doc_id, "", f"command exited with code {proc.returncode}: {tail}", has_value=False)
    try:
        decoded = out.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, Problem(where, doc_id, "", f"command output is not UTF-8 (byte {out[exc.start]:#04x} at offset {exc.start})",
                             has_value=False, allowed="one JSON record on stdout, in UTF-8")
    obj, error = parse_json(decoded)
    if error:
        return None, Problem(where, doc_id, "", f"command output {error}", has_value=False, allowed="one JSON record on stdout")
    return obj, None


#: How long the pipes may stay open once the command has exited: a process it left in the
#: background holding them is not waited for (what it prints is not the command's answer).
AFTER_EXIT = 1.0


def _collect(proc: subprocess.Popen, data: bytes, timeout: float) -> tuple[bytes, bytes, str | None]:
    """Feed ``data`` and read stdout and stderr until the command has exited and its pipes are
    closed (or :data:`AFTER_EXIT` has passed since it exited), stopping at the deadline or once
    either passes MAX_OUTPUT; communicate() would hold all of it in memory.
    Of stderr only the last :data:`STDERR_KEPT` bytes are kept (a failure message shows its tail).
    The command is not reaped here, so its process group keeps its id for :func:`_stop_group`."""
    deadline = time.monotonic() + timeout
    chunks: dict = {proc.stdout: [], proc.stderr: []}
    sizes = {proc.stdout: 0, proc.stderr: 0}
    names = {proc.stdout: "stdout", proc.stderr: "stderr"}
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    sel.register(proc.stderr, selectors.EVENT_READ)
    writer = threading.Thread(target=_feed, args=(proc.stdin, data), daemon=True)
    writer.start()
    stop = None
    exited_at = None
    while sel.get_map():
        now = time.monotonic()
        if now >= deadline:
            stop = "timeout"
            break
        if exited_at is None and _exited(proc.pid):
            exited_at = now
        if exited_at is not None and now - exited_at > AFTER_EXIT:
            break
        for key, _ in sel.select(min(deadline - now, 0.25)):
            block = os.read(key.fd, 1 << 16)
            if not block:
                sel.unregister(key.fileobj)
                continue
            sizes[key.fileobj] += len(block)
            if sizes[key.fileobj] > MAX_OUTPUT:
                stop = names[key.fileobj]
            chunks[key.fileobj].append(block)
            if key.fileobj is proc.stderr and len(chunks[proc.stderr]) > 2:  # a bounded tail, not all of it
                chunks[proc.stderr] = [b"".join(chunks[proc.stderr])[-STDERR_KEPT:]]
        if stop:
            break
    sel.close()
    while not stop and not _exited(proc.pid):  # its pipes are closed, and it still runs
        if time.monotonic() >= deadline:
            stop = "timeout"
        time.sleep(0.05)
    return b"".join(chunks[proc.stdout]), b"".join(chunks[proc.stderr]), stop


def _exited(pid: int) -> bool:
    """Whether the child ``pid`` has ended, without reaping it (WNOWAIT)."""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None


def _stop_group(pid: int) -> None:
    """SIGKILL to the process group the command leads: the command, if it still runs, and anything
    it started. Its leader is not reaped yet, so the group's id cannot have passed to another."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):  # the group is gone
        pass


def _feed(pipe, data: bytes) -> None:
    try:
        pipe.write(data)
        pipe.close()
    except OSError:  # the program exited without reading all of its input
        pass


def _as_record(value, where: Location, doc_id: str | None, allowed: str):
    """A JSON-clean copy of what user code returned, or the problem with it."""
    if not isinstance(value, dict):
        return None, Problem(where, doc_id, "", "returned no record", type(value).__name__, allowed)
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError) as exc:  # a set, an object, a circular reference, NaN is fine
        return None, Problem(where, doc_id, "", f"returned a value that is not JSON: {exc}", has_value=False, allowed=allowed)
    obj, error = parse_json(text)
    if error:
        return None, Problem(where, doc_id, "", f"returned a record that {error}", has_value=False, allowed=allowed)
    return obj, None
