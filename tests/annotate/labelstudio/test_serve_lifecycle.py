"""The Label Studio server's life is bound to `serve` (issue 21, items 1-4), with a real server.

`serve` runs as a user runs it (a subprocess in a session of its own, signalled by pid). All
tests share one data folder, so only the first start pays for the migrations (about a minute);
each later start of the same folder takes a few seconds. The measured stop times are printed
(run with ``-s`` to see them).
"""

import copy
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from ceasefire.annotate.labelstudio.convert import tasks_for
from ceasefire.annotate.labelstudio.server import Credentials, client, find_project, free_port, project_title, save_state

from helpers.interrupt_at import check_interrupted, contents, interrupt, snapshot
from helpers.ls_helpers import gold

#: needs a Label Studio server: `pytest -m "not server and not browser"` leaves it out
pytestmark = pytest.mark.server

#: what the issue allows a stop to take: the watchdog's bound (20 s) and a little slack for a busy machine
STOP_BOUND = 30.0


class Serve:
    """`ceasefire-annotate serve ARGS`, its output read in a thread (so a test can act while it starts)."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([sys.executable, "-m", "ceasefire.annotate.cli", "serve", *map(str, args)],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=lambda: self.lines.extend(self.proc.stdout), daemon=True)
        self._reader.start()

    def output(self) -> str:
        return "".join(self.lines)

    def wait_ready(self, timeout=400):
        deadline = time.monotonic() + timeout
        while "press Ctrl-C" not in self.output():
            assert self.proc.poll() is None and time.monotonic() < deadline, self.output()
            time.sleep(0.2)
        return self

    def finish(self, sig=signal.SIGINT, timeout=60) -> int:
        if self.proc.poll() is None and sig is not None:
            os.kill(self.proc.pid, sig)
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            code = self.proc.wait()
        self._reader.join(timeout=10)
        return code


def label_studio_processes(folder: Path, group: int | None) -> list[str]:
    """Live processes of the server's process group, and any process whose command line names
    the folder (the server and its watchdog are started with ``--data-dir FOLDER``)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError):
            continue
        if stat[0] == "Z":
            continue
        if (group is not None and int(stat[2]) == group) or (str(folder) in cmdline and "serve" not in cmdline.split()):
            found.append(f"{proc.name}: {cmdline.strip()}")
    return found


def errors(stderr: str) -> list[str]:
    """The problem lines of a refusal (the project's format adds one summary line after them)."""
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def state(folder: Path) -> dict:
    return json.loads((folder / "serve.json").read_text())


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """One server folder for the module; whatever a test leaves running is stopped at the end."""
    path = tmp_path_factory.mktemp("serve") / "ls"
    yield path
    for line in label_studio_processes(path, None):
        os.kill(int(line.split(":")[0]), signal.SIGKILL)


STOP_TIMES: dict[str, float] = {}


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=lambda s: s.name)
def test_a_signal_to_serve_stops_the_whole_server(folder, sig, run_cli):
    port = free_port()
    run = Serve("--dir", folder, "--port", port).wait_ready()
    group = state(folder)["group"]
    before = label_studio_processes(folder, group)
    assert len(before) >= 2, before  # the watchdog and label-studio
    assert state(folder)["status"] == "ready" and state(folder)["pid"] == run.proc.pid

    began = time.monotonic()
    os.kill(run.proc.pid, sig)  # as `kill -SIG <serve's pid>` does: to serve alone, not to its group
    deadline = began + STOP_BOUND
    while (label_studio_processes(folder, group) or run.proc.poll() is None) and time.monotonic() < deadline:
        time.sleep(0.05)
    took = time.monotonic() - began
    STOP_TIMES[sig.name] = took
    print(f"\n{sig.name} to serve: no Label Studio process left after {took:.2f} s")

    assert label_studio_processes(folder, group) == [], f"left after {STOP_BOUND} s: {before}"
    assert port_free(port)
    code = run.finish()
    if sig == signal.SIGKILL:
        assert code == -signal.SIGKILL
        # a crash: serve.json still says "ready" with the pid of the dead `serve`
        assert state(folder)["status"] == "ready"
        result = run_cli("ceasefire-annotate", "pull", "--dir", folder, "-o", folder.parent / "never.jsonl")
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip() == (f"error: no server running in {folder}; start `ceasefire-annotate serve --dir {folder}` "
                                         f"(the `serve` of pid {run.proc.pid} named in {folder / 'serve.json'} is gone: it was killed or crashed)")
        assert not (folder.parent / "never.jsonl").exists()
    else:
        assert code == 0, run.output()
        assert f"stopping Label Studio ({sig.name})" in run.output() and "Label Studio stopped in" in run.output()
        assert state(folder)["status"] == "stopped"


def test_a_killed_watchdog_takes_the_server_with_it(folder):
    """The one case the lifeline cannot cover: the watchdog itself killed. The server's
    parent-death signal (SIGTERM) stops it; `serve` sees its server gone and exits 1."""
    run = Serve("--dir", folder, "--port", free_port()).wait_ready()
    group = state(folder)["group"]
    assert len(label_studio_processes(folder, group)) >= 2
    began = time.monotonic()
    os.kill(group, signal.SIGKILL)  # the watchdog's pid is the group's id
    deadline = began + STOP_BOUND
    while label_studio_processes(folder, group) and time.monotonic() < deadline:
        time.sleep(0.05)
    print(f"\nSIGKILL to the watchdog: no Label Studio process left after {time.monotonic() - began:.2f} s")
    assert label_studio_processes(folder, group) == []
    assert run.finish(None) == 1, run.output()  # by itself
    assert "error: Label Studio exited with code" in run.output()
    assert state(folder)["status"] == "stopped"


def test_pull_while_starting_and_a_second_serve_are_refused(folder, run_cli):
    port, other = free_port(), free_port()
    run = Serve("--dir", folder, "--port", port)
    try:
        deadline = time.monotonic() + 60
        while not (folder / "serve.json").exists() or state(folder).get("pid") != run.proc.pid:
            assert time.monotonic() < deadline, run.output()
            time.sleep(0.05)
        pulled = run_cli("ceasefire-annotate", "pull", "--dir", folder, "-o", folder.parent / "early.jsonl")
        assert "press Ctrl-C" not in run.output(), "the server got ready before pull ran: this run proves nothing"
        assert pulled.returncode == 2
        assert pulled.stderr.strip() == (f"error: the Label Studio server of {folder} on port {port} is still starting "
                                         f"(serve's pid {run.proc.pid}); run `pull` again once `serve` prints \"press Ctrl-C\"")

        run.wait_ready()
        listing = sorted(p.name for p in folder.iterdir())
        second = run_cli("ceasefire-annotate", "serve", "--dir", folder, "--port", other)
        assert second.returncode == 2, second.stderr
        assert second.stdout == "" and "Traceback" not in second.stderr
        [message] = errors(second.stderr)
        assert f"port {port}" in message and f"pid {run.proc.pid}" in message
        assert port_free(other) and sorted(p.name for p in folder.iterdir()) == listing
        assert state(folder)["pid"] == run.proc.pid and state(folder)["status"] == "ready"
    finally:
        assert run.finish() == 0, run.output()


def test_a_busy_port_is_refused_before_any_work(tmp_path, run_cli):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = run_cli("ceasefire-annotate", "serve", "--dir", tmp_path / "new", "--port", port)
    assert result.returncode == 2, result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert errors(result.stderr) == [f"error: --port: {port} is in use on 127.0.0.1 by another program; "
                                     "allowed: a free port (Label Studio would silently move to the next one)"]
    assert not (tmp_path / "new").exists(), "a refused serve must not create its folder"


def test_pull_with_a_stale_state(tmp_path, run_cli):
    folder = tmp_path / "ls"
    Credentials.load_or_create(folder)
    no_server = f"error: no server running in {folder}; start `ceasefire-annotate serve --dir {folder}`"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    cases = {
        "stopped": ({"status": "stopped", "port": 1, "pid": os.getpid()}, no_server),
        "no state": (None, no_server),
        "dead pid": ({"status": "ready", "port": 1, "pid": gone.pid}, f"{no_server} (the `serve` of pid {gone.pid} named in "
                                                                       f"{folder / 'serve.json'} is gone: it was killed or crashed)"),
        # a pid that lives (this test's) but holds no lock: the pid was reused by another process
        "pid reused": ({"status": "ready", "port": 1, "pid": os.getpid()}, f"{no_server} (serve.json is stale: nothing holds "
                                                                           f"{folder / 'serve.lock'})"),
    }
    for case, (written, message) in cases.items():
        (folder / "serve.json").unlink(missing_ok=True)
        if written:
            save_state(folder, **written)
        result = run_cli("ceasefire-annotate", "pull", "--dir", folder, "-o", tmp_path / "out.jsonl")
        assert (result.returncode, result.stderr.strip()) == (2, message), case
        assert not (tmp_path / "out.jsonl").exists()


def _post(url: str, token: str, body: dict) -> dict:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": f"Token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read().decode())


def _documents(path: Path) -> dict:
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return {d["id"]: d for d in lines if "text" in d}


def test_an_annotation_and_a_draft_survive_a_restart(folder, run_cli, tmp_path):
    g = gold()
    results = {t["data"]["doc_id"]: t["annotations"][0]["result"] for t in tasks_for(g.documents, g.corpus)}
    submitted, drafted = sorted(results)
    # the draft differs from the annotation under it: the first event's polarity turned NEGATIVE (the gold says POSITIVE)
    event = g.documents[drafted]["events"][0]
    assert event["polarity"] == "POSITIVE"
    draft = copy.deepcopy(results[drafted])
    changed = [x for x in draft if x.get("id") == event["id"] and x["from_name"] == "polarity"]
    assert len(changed) == 1
    changed[0]["value"]["choices"] = ["NEGATIVE"]
    creds = Credentials.load_or_create(folder)
    args = ("--dir", folder, "--empty", "--project", "restart")
    run = Serve(*args, "--port", free_port()).wait_ready()
    try:
        url = f"http://127.0.0.1:{state(folder)['port']}"
        ls = client(url, creds.token)
        project = find_project(ls, project_title("all", "restart"))
        tasks = {t.data["doc_id"]: t.id for t in ls.tasks.list(project=project)}
        # what the UI sends: Submit posts an annotation, the autosave (about 5 s after an edit) posts a draft
        for doc in (submitted, drafted):
            _post(f"{url}/api/tasks/{tasks[doc]}/annotations", creds.token, {"result": results[doc], "lead_time": 12.5})
        time.sleep(1.1)  # the draft is newer than the annotation, as when the annotator edits after Submit
        _post(f"{url}/api/tasks/{tasks[drafted]}/drafts", creds.token, {"result": draft, "lead_time": 3.0})
    finally:
        assert run.finish(signal.SIGTERM) == 0, run.output()

    again = Serve(*args, "--port", free_port()).wait_ready()
    try:
        assert "0 task(s) imported, 2 already there" in again.output()
        plain = run_cli("ceasefire-annotate", "pull", "--dir", folder, "-o", tmp_path / "plain.jsonl")
        with_drafts = run_cli("ceasefire-annotate", "pull", "--dir", folder, "--drafts", "-o", tmp_path / "drafts.jsonl")
    finally:
        assert again.finish() == 0, again.output()
    assert plain.returncode == 0 and with_drafts.returncode == 0, plain.stderr + with_drafts.stderr
    assert "unsubmitted draft" in plain.stderr and drafted in plain.stderr
    assert _documents(tmp_path / "plain.jsonl") == g.documents
    expected = copy.deepcopy(g.documents)
    expected[drafted]["events"][0]["polarity"] = "NEGATIVE"
    assert "took the unsubmitted draft" in with_drafts.stderr
    assert _documents(tmp_path / "drafts.jsonl") == expected


def test_an_interrupted_pull_leaves_the_earlier_output(folder, run_cli, tmp_path):
    """Issue 21, item 5, for `pull -o` (the other commands are in tests/test_interrupted.py): cut
    while it writes its folder, the earlier output stays; cut as the folder is swapped in, it finishes."""
    g = gold()
    results = {t["data"]["doc_id"]: t["annotations"][0]["result"] for t in tasks_for(g.documents, g.corpus)}
    creds = Credentials.load_or_create(folder)
    run = Serve("--dir", folder, "--empty", "--project", "interrupted", "--port", free_port()).wait_ready()
    try:
        url = f"http://127.0.0.1:{state(folder)['port']}"
        project = find_project(client(url, creds.token), project_title("all", "interrupted"))
        for task in client(url, creds.token).tasks.list(project=project):
            _post(f"{url}/api/tasks/{task.id}/annotations", creds.token, {"result": results[task.data["doc_id"]], "lead_time": 5.0})
        argv = ["pull", "--dir", str(folder), "-o", "pulled"]
        first = run_cli("ceasefire-annotate", *argv, cwd=tmp_path)
        assert first.returncode == 0, first.stderr
        out = tmp_path / "pulled"
        before, around = snapshot(out), sorted(os.listdir(tmp_path))
        for signame in ("SIGINT", "SIGTERM", "SIGHUP"):
            check_interrupted(interrupt("ceasefire-annotate", argv, "pulled", "writing", signame, tmp_path), "writing", signame)
            assert snapshot(out) == before, signame
            assert sorted(os.listdir(tmp_path)) == around, signame
        check_interrupted(interrupt("ceasefire-annotate", argv, "pulled", "swap", "SIGINT", tmp_path), "swap", "SIGINT")
        assert out.exists(), "the output is gone"
        assert contents(out) == {k: digest for k, (_, digest) in before.items()}
        assert snapshot(out)["pulled"][0] != before["pulled"][0], "the output was not the new folder"
        assert sorted(os.listdir(tmp_path)) == around
    finally:
        assert run.finish() == 0, run.output()
