"""The life of one `serve` in its folder, and what `pull` reads of it.

- **One server per folder**: `serve` takes the folder's lock (:func:`server.lock_folder`) and
  hands it to the watchdog and the server, so it is held until the last of them has ended; a
  second `serve` is refused, naming the running one's port and pid.
- **State**: ``serve.json`` says ``starting`` (with the port and `serve`'s pid) from the moment
  the folder is taken, ``ready`` once the tasks are imported, and ``stopped`` once the server
  is gone. A `serve` killed with SIGKILL cannot write ``stopped``; `pull` then sees that the
  pid is gone (or that nobody holds the lock) and says so.
- **Signals**: SIGINT, SIGTERM and SIGHUP stop the server and wait for it (at most
  :data:`server.STOP_TIMEOUT` seconds); SIGKILL of `serve` is answered by the watchdog
  (:mod:`.watchdog`).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from ceasefire.interrupts import STOP_SIGNALS, Interrupted, signal_number
from ceasefire.outputs import safe_name
from ceasefire.schema import InputError, Location, Problem

from .server import (HOST, STATE, STOP_TIMEOUT, Credentials, Server, ServerError, client, ensure_project, folder_locked,
                     import_missing_tasks, load_state, lock_folder, port_in_use, project_title, refuse_links, save_state)

def _raise_stop(signum, _frame):
    for sig in STOP_SIGNALS:  # a second signal (Ctrl-C pressed twice) must not cut the stop short
        signal.signal(sig, signal.SIG_IGN)
    raise Interrupted(signum)


def _say(*args, **kwargs) -> None:
    """Print, where a closed terminal (SIGHUP) must not turn stopping into a crash."""
    try:
        print(*args, flush=True, **kwargs)
    except OSError:
        pass


def alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _safe_state(folder: Path) -> dict:
    try:
        return load_state(folder)
    except InputError:
        return {}


def _running(folder: Path) -> Problem:
    state = _safe_state(folder)
    port, pid = state.get("port", "?"), state.get("pid", "?")
    return Problem(Location(str(folder)), None, "--dir",
                   f"a `serve` already runs for this folder: Label Studio on port {port}, serve's pid {pid} ({state.get('status', 'unknown')})",
                   has_value=False, allowed=f"one server per folder: use that one, stop it (Ctrl-C, or kill {pid}), or give another --dir")


def refuse_if_busy(folder: Path, port: int) -> None:
    """Before any work: a folder whose server runs, or a port another program holds, is refused
    (neither check creates or changes anything)."""
    refuse_links(folder)
    if folder_locked(folder):
        raise InputError([_running(folder)])
    if port_in_use(port):
        raise InputError([Problem(None, None, "--port", f"is in use on {HOST} by another program", port,
                                  "a free port (Label Studio would silently move to the next one)")])


def serve(folder: Path, port: int, tasks: list[dict], config: str, pass_: str, names: list[str | None]) -> int:
    """Run the server for ``folder`` until a stop signal (exit 0) or its own end (exit 1)."""
    creds = Credentials.load_or_create(folder)
    lock = lock_folder(folder)
    if lock is None:  # another `serve` took the folder after refuse_if_busy
        raise InputError([_running(folder)])
    state = {"port": port, "pid": os.getpid(), "pass_": pass_, "projects": [n for n in names if n]}
    previous = {sig: signal.signal(sig, _raise_stop) for sig in STOP_SIGNALS}
    server = Server(folder, port, creds, lock_fd=lock)
    code = 1
    try:
        save_state(folder, status="starting", **state)
        _say(f"starting Label Studio on {server.url} with its data in {folder} (the first start takes about a minute) ...")
        server.launch()
        state["group"] = server.proc.pid
        save_state(folder, status="starting", **state)
        server.wait_ready()
        ls = client(server.url, creds.token)
        for name in names:  # one project per annotator keeps their annotations apart
            title = project_title(pass_, name)
            project = ensure_project(ls, config, title)
            added = import_missing_tasks(ls, project, tasks)
            _say(f"project {project} ({title!r}): {added} task(s) imported, {len(tasks) - added} already there")
            _say(f"open {server.url}/projects/{project}/data")
        save_state(folder, status="ready", **state)  # for `pull`
        _say(f"log in as {creds.username} / password {creds.password}")
        _say(f"(credentials in {folder / 'credentials.json'}); press Ctrl-C to stop the server "
             f"(Ctrl-C, kill and a closed terminal stop it within {STOP_TIMEOUT:.0f} s)")
        while server.proc.poll() is None:
            server.proc.wait(timeout=None)
        _say(f"error: Label Studio exited with code {server.proc.returncode}; see {server.log_path}", file=sys.stderr)
    except KeyboardInterrupt as exc:
        _say(f"stopping Label Studio ({signal.Signals(signal_number(exc)).name}) ...")
        code = 0
    except ServerError as exc:
        _say(f"error: {exc}", file=sys.stderr)
    finally:
        for sig in STOP_SIGNALS:  # as in _raise_stop, for the other ways out; the watchdog bounds the stop anyway
            signal.signal(sig, signal.SIG_IGN)
        began = time.monotonic()
        server.stop()
        save_state(folder, status="stopped", **state)
        os.close(lock)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if code == 0:
            _say(f"Label Studio stopped in {time.monotonic() - began:.1f} s")
    return code


def pull_project(folder: Path, state: dict, name: str | None) -> str | None:
    """The annotator's project `pull` exports (None: the one project `serve` made without --project);
    raise InputError for a name that is not a plain name or not one `serve` made in the folder."""
    made = state.get("projects")
    if name is not None:
        safe_name(name, what="--project")
        if made is not None and name not in made:
            allowed = ", ".join(made) if made else "none: `serve` made one project without --project; leave --project out"
            raise InputError([Problem(Location(str(folder / STATE)), None, "--project", "is not a project `serve` made in this folder", name, allowed)])
        return name
    if made and len(made) > 1:
        raise InputError([Problem(Location(str(folder)), None, "--project", "is missing: `serve` made one project per annotator",
                                  has_value=False, allowed=", ".join(made))])
    return made[0] if made else None


def pull_port(folder: Path, state: dict, port: int | None) -> tuple[int | None, str | None]:
    """The port `pull` exports from, or why there is none: the server is still starting, its
    `serve` was killed or crashed, or no server runs in the folder (no state, or a stopped one)."""
    if port:
        return port, None  # the user named the server
    no_server = f"no server running in {folder}; start `ceasefire-annotate serve --dir {folder}`"
    status, pid = state.get("status"), state.get("pid")
    if not state or status == "stopped":
        return None, no_server
    if status is None:  # written by a `serve` older than the status field: only the port is known
        return state.get("port"), None
    if not alive(pid):
        return None, f"{no_server} (the `serve` of pid {pid} named in {folder / 'serve.json'} is gone: it was killed or crashed)"
    if not folder_locked(folder):  # the pid is some other process now
        return None, f"{no_server} (serve.json is stale: nothing holds {folder / 'serve.lock'})"
    if status == "starting":
        return None, (f"the Label Studio server of {folder} on port {state.get('port')} is still starting (serve's pid "
                      f"{pid}); run `pull` again once `serve` prints \"press Ctrl-C\"")
    return state.get("port"), None
