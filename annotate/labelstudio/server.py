"""A local Label Studio server (127.0.0.1 only) and the project on it.

Facts this relies on (verified for Label Studio 1.23.2 / SDK 2.1.2, see the
project's platform notes): the data folder must be given with
``LABEL_STUDIO_BASE_DATA_DIR`` (``--data-dir`` alone still writes to the home
folder); the user and its legacy API token are created from environment
variables on the first start only, and the token works only with
``--enable-legacy-api-token``; without ``--internal-host`` the server binds
0.0.0.0; a busy port makes it move silently to the next one; settings fall back
from ``LABEL_STUDIO_X`` to a plain ``X``, so stray ``PORT``/``HOST``/``USERNAME``
variables are removed; telemetry and update checks are switched off.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ceasefire.schema.records import atomic_write

HOST = "127.0.0.1"
PROJECT_TITLE = "Ceasefire"
CREDENTIALS = "credentials.json"
STATE = "serve.json"  # what `serve` started (status, port, pid, pass, projects), read by `pull`
LOCK = "serve.lock"  # held (flock) by `serve`, its watchdog and the server while any of them lives
#: serve.json's status: "starting" from the moment `serve` takes the folder, "ready" once the
#: tasks are imported, "stopped" once `serve` has stopped the server
STATUSES = ("starting", "ready", "stopped")
STRAY_SETTINGS = ("PORT", "HOST", "USERNAME", "PASSWORD", "USER_TOKEN", "DATA_DIR", "BASE_DATA_DIR", "LABEL_STUDIO_API_KEY", "LABEL_STUDIO_URL")


#: the longest `serve` waits for the server to stop: the watchdog's SIGTERM grace, then SIGKILL
STOP_TIMEOUT = 20.0


class ServerError(RuntimeError):
    pass


@dataclass
class Credentials:
    username: str
    password: str
    token: str

    @classmethod
    def load_or_create(cls, folder: Path) -> "Credentials":
        path = folder / CREDENTIALS
        if path.exists():
            return cls(**_read_object(path, {k: str for k in ("username", "password", "token")}, required=True))
        private_folder(folder)
        creds = cls("annotator@ceasefire.local", secrets.token_urlsafe(12), secrets.token_hex(20))
        write_private(path, json.dumps(creds.__dict__, indent=1))
        return creds


def private_folder(folder: Path) -> None:
    """The server's folder, readable by its owner only (it holds the database with the API token)."""
    folder.mkdir(mode=0o700, exist_ok=True)  # its own folder exists: `serve` checked --dir before any work
    folder.chmod(0o700)


#: The files of the server folder that `serve` writes or changes the mode of (Label Studio writes the rest).
OWN_FILES = (CREDENTIALS, STATE, LOCK, "server.log", "label_studio.sqlite3*")


def refuse_links(folder: Path) -> None:
    """Refuse a server folder where one of :data:`OWN_FILES` is a symbolic link: `serve` would write
    (and chmod) through it, to wherever it points, and `pull` would read from there."""
    from ceasefire.schema import InputError, Location, Problem

    links = [f for name in OWN_FILES for f in sorted(folder.glob(name)) + [folder / name] if f.is_symlink()]
    if links:
        raise InputError([Problem(Location(str(f)), None, "--dir", f"is a symbolic link to {os.readlink(f)}", has_value=False,
                                  allowed="a regular file written by `serve` (remove the link)") for f in dict.fromkeys(links)])


def write_private(path: Path, text: str) -> None:
    """Write a file of mode 0600 (no moment at which others can read it), atomically: a `serve`
    cut while it saves its state or credentials leaves the earlier file, never a truncated one.
    The rename replaces a symbolic link at ``path`` rather than writing through it (and
    refuse_links says so first, with a message)."""
    atomic_write(path, text, private=True)


def save_state(folder: Path, **state) -> None:
    write_private(folder / STATE, json.dumps(state, indent=1))


def load_state(folder: Path) -> dict:
    """What the last `serve` in this folder started ({} if it left nothing); a broken file is refused."""
    path = folder / STATE
    if not path.exists():
        return {}
    state = _read_object(path, {"status": str, "port": int, "pid": int, "group": int, "pass_": str, "project": int, "title": str,
                                "projects": list}, required=False)
    if "status" in state and state["status"] not in STATUSES:
        _refuse(path, "status", state["status"], "is not a server status", ", ".join(STATUSES))
    bad = [p for p in state.get("projects", []) if not isinstance(p, str)]
    if bad:
        _refuse(path, "projects", bad[0], "is not a project name", "a list of annotator names (strings)")
    if "port" in state and not 1 <= state["port"] <= 65535:
        _refuse(path, "port", state["port"], "is not a port number", "1 to 65535")
    from .config import ALL, PASSES

    if "pass_" in state and state["pass_"] not in (ALL, *PASSES):
        _refuse(path, "pass_", state["pass_"], "is not an annotation pass", ", ".join((ALL, *PASSES)))
    return state


def _refuse(path: Path, field: str, value, message: str, allowed: str | None = None, has_value: bool = True):
    from ceasefire.schema import InputError, Location, Problem

    hint = "; start `ceasefire-annotate serve` again, or delete the file" if path.name == STATE else ""
    raise InputError([Problem(Location(str(path)), None, field, message + hint, value, allowed, has_value=has_value)])


def _read_object(path: Path, fields: dict[str, type], *, required: bool) -> dict:
    """A JSON object of the server folder, each field of its type (all of them present if required)."""
    from ceasefire.schema import InputError
    from ceasefire.schema.records import read_json

    obj, problem = read_json(path)
    if problem:
        raise InputError([problem])
    if not isinstance(obj, dict):
        _refuse(path, "", type(obj).__name__, "is not a JSON object", "an object with " + ", ".join(fields))
    for key, kind in fields.items():
        if key not in obj:
            if required:
                _refuse(path, key, None, "is missing", f"a {kind.__name__}", has_value=False)
            continue
        if not isinstance(obj[key], kind) or isinstance(obj[key], bool):
            _refuse(path, key, obj[key], f"has the wrong type ({type(obj[key]).__name__})", f"a {kind.__name__}")
    return {k: obj[k] for k in fields if k in obj}


def lock_folder(folder: Path) -> int | None:
    """The folder's lock, taken (an open file descriptor), or None when another `serve` holds it.

    An ``flock`` lock belongs to the open file, not to the file's existence: it goes when the
    last process holding the descriptor ends, however it ends, so a crash never leaves it stale.
    """
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def folder_locked(folder: Path) -> bool:
    """Whether a `serve` (or the server it started) still holds the folder's lock; changes nothing."""
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex((HOST, port)) == 0


def server_env(folder: Path, creds: Credentials) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in STRAY_SETTINGS}
    env.update(
        LABEL_STUDIO_BASE_DATA_DIR=str(folder),
        LABEL_STUDIO_USERNAME=creds.username,
        LABEL_STUDIO_PASSWORD=creds.password,
        LABEL_STUDIO_USER_TOKEN=creds.token,
        LABEL_STUDIO_LATEST_VERSION_CHECK="false",
        LABEL_STUDIO_COLLECT_ANALYTICS="false",
        LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true",
        SENTRY_DSN="",
        FRONTEND_SENTRY_DSN="",
    )
    return env


def label_studio_executable() -> str:
    exe = Path(sys.executable).with_name("label-studio")
    if exe.exists():
        return str(exe)
    found = shutil.which("label-studio")
    if not found:
        from ceasefire.extras import install_hint

        raise ServerError(f"the label-studio server (label-studio==1.23.2) is not installed. {install_hint('server')}")
    return found


class Server:
    """A running Label Studio process group, behind a watchdog; stop() ends it whatever happens.

    The process started is :mod:`ceasefire.annotate.labelstudio.watchdog` (in a session of its
    own), which starts ``label-studio`` and stops its whole group when this object's lifeline
    pipe closes: on :meth:`stop`, and also when the process holding this object dies in any way.
    """

    def __init__(self, folder: Path, port: int, creds: Credentials, log_path: Path | None = None, lock_fd: int = -1):
        self.folder, self.port, self.creds = Path(folder), port, creds
        self.url = f"http://{HOST}:{port}"
        self.log_path = log_path or self.folder / "server.log"
        self.lock_fd = lock_fd
        self.proc: subprocess.Popen | None = None  # the watchdog; its pid is the group's id
        self._lifeline: int | None = None

    def start(self, timeout: float = 300) -> "Server":
        self.launch()
        return self.wait_ready(timeout)

    def launch(self) -> None:
        from . import watchdog

        if port_in_use(self.port):
            raise ServerError(f"port {self.port} on {HOST} is already in use (Label Studio would silently move to another port); choose another with --port")
        private_folder(self.folder)
        for old in self.folder.glob("label_studio.sqlite3*"):  # made by an older version with the default mode
            if not old.is_symlink():
                old.chmod(0o600)
        log = os.fdopen(os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600), "ab")
        cmd = [label_studio_executable(), "start", "--no-browser", "--internal-host", HOST, "--port", str(self.port),
               "--data-dir", str(self.folder), "--enable-legacy-api-token"]
        lifeline, self._lifeline = os.pipe()  # only the watchdog gets the read end; the write end stays ours alone
        keep = (lifeline,) + ((self.lock_fd,) if self.lock_fd >= 0 else ())
        argv = [sys.executable, "-m", watchdog.__name__, str(lifeline), str(self.lock_fd), str(watchdog.GRACE), "--", *cmd]
        try:
            # umask 077 in the server: its database (which holds the API token) is created 0600
            self.proc = subprocess.Popen(argv, env=server_env(self.folder, self.creds), stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True, umask=0o077, pass_fds=keep)
        finally:
            os.close(lifeline)
            log.close()

    def wait_ready(self, timeout: float = 300) -> "Server":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerError(f"Label Studio exited with code {self.proc.returncode} while starting; see {self.log_path}")
            if self.healthy():
                return self
            time.sleep(1)
        self.stop()
        raise ServerError(f"Label Studio did not answer {self.url}/health within {timeout:.0f} s; see {self.log_path}")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=2) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def stop(self, timeout: float | None = None) -> None:
        """Let go of the lifeline and wait until the watchdog has stopped the whole group (at most
        :data:`STOP_TIMEOUT` seconds; then SIGKILL to whatever of the group is left)."""
        from .watchdog import group_members

        if self._lifeline is not None:
            os.close(self._lifeline)  # end-of-file for the watchdog: it stops the group
            self._lifeline = None
        if self.proc is None:
            return
        try:
            self.proc.wait(timeout=STOP_TIMEOUT if timeout is None else timeout)
        except subprocess.TimeoutExpired:
            pass
        for pid in group_members(self.proc.pid):  # only a watchdog that could not finish leaves anything here
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# --- the project on the server ------------------------------------------------------------------

def client(url: str, token: str):
    os.environ.pop("LABEL_STUDIO_API_KEY", None)  # the SDK reads it at import time
    from label_studio_sdk import LabelStudio

    return LabelStudio(base_url=url, api_key=token)


def ensure_project(ls, label_config: str, title: str = PROJECT_TITLE) -> int:
    """The id of the project with this title, created (or its config updated) as needed."""
    for p in ls.projects.list():
        if p.title == title:
            if (p.label_config or "").strip() != label_config.strip():
                ls.projects.update(id=p.id, label_config=label_config)
            return p.id
    return ls.projects.create(title=title, label_config=label_config).id


def existing_documents(ls, project_id: int) -> set[str]:
    return {t.data.get("doc_id") for t in ls.tasks.list(project=project_id) if isinstance(t.data, dict)}


def import_missing_tasks(ls, project_id: int, tasks: list[dict]) -> int:
    """Import the tasks whose document is not in the project yet (in one request); return how many."""
    have = existing_documents(ls, project_id)
    new = [t for t in tasks if t["data"]["doc_id"] not in have]
    if new:
        ls.projects.import_tasks(id=project_id, request=new, return_task_ids=True)
    return len(new)


def export_full_json(ls, project_id: int) -> list:
    """A snapshot export in the full JSON format (keeps region ids and relations), all tasks,
    with the drafts in full (a plain export holds only their ids)."""
    return ls.projects.exports.as_json(project_id, create_kwargs={"task_filter_options": {"view": None},
                                                                  "serialization_options": {"drafts": {"only_id": False}}})


def project_title(pass_: str, name: str | None = None) -> str:
    """'Ceasefire', with the annotator's project name (`serve --project`) and the pass."""
    title = f"{PROJECT_TITLE}: {name}" if name else PROJECT_TITLE
    return title if pass_ == "all" else f"{title} ({pass_} pass)"


def find_project(ls, title: str) -> int | None:
    return next((p.id for p in ls.projects.list() if p.title == title), None)


def attach_prediction_results(ls, tasks: list) -> list:
    """Exports list predictions by id only; fetch the results of tasks that have no annotation."""
    for task in tasks:
        annotated = any(isinstance(a, dict) and not a.get("was_cancelled") for a in task.get("annotations") or [])
        preds = task.get("predictions") or []
        if not annotated and preds and not isinstance(preds[0], dict):
            task["predictions"] = [{"id": p.id, "model_version": p.model_version, "result": p.result} for p in ls.predictions.list(task=task["id"])]
    return tasks


def export_plain(url: str, token: str, project_id: int) -> list:
    """The plain JSON export endpoint, all tasks (annotated or not)."""
    req = urllib.request.Request(f"{url}/api/projects/{project_id}/export?exportType=JSON&download_all_tasks=true",
                                 headers={"Authorization": f"Token {token}"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read().decode("utf-8"))
