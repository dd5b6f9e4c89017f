"""`run --command`: no process the extractor starts outlives `run`, and a process it leaves in the
background holding its output is not waited for.

Each extractor here starts a child (a long sleep) that inherits its stdout and writes the child's pid
to a file, so the test can look for it afterwards. Before the command was given a process group of
its own, the child of a hanging command survived the timeout, and a command that answered and left
such a child made `run` wait for the whole --timeout and fail.
"""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

#: An extractor that starts a child holding its stdout, then answers (AFTER = "answer") or hangs.
EXTRACTOR = """
import json, pathlib, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
with open(sys.argv[1], "a") as f:
    f.write(f"{{child.pid}} {{__import__('os').getpid()}}\\n")
sys.stdin.read()
if "{after}" == "answer":
    print(json.dumps({{"mentions": [{{"id": "m1", "text": "Putin", "type": "PERSON"}}]}}))
else:
    time.sleep(300)
"""


def _extractor(tmp_path: Path, after: str) -> tuple[str, Path]:
    script = tmp_path / f"{after}.py"
    script.write_text(EXTRACTOR.format(after=after), encoding="utf-8")
    pids = tmp_path / f"{after}.pids"
    return f"{sys.executable} {script} {pids}", pids


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its parent to reap it does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def _gone(pids: Path, expected: int) -> list[int]:
    """The pids the extractors wrote that still run, after a short grace for the kernel."""
    written = [int(p) for line in pids.read_text().splitlines() for p in line.split()]
    assert len(written) == 2 * expected, written  # one child and one command per article
    deadline = time.monotonic() + 5
    while any(map(_alive, written)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [p for p in written if _alive(p)]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ceasefire.eval.cli", "run", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


def test_a_child_left_holding_stdout_is_not_waited_for_and_is_stopped(tmp_path):
    command, pids = _extractor(tmp_path, "answer")
    r = _run("--command", command, "--timeout", "60", "-p", str(tmp_path / "p.jsonl"), "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr  # not "did not finish within 60 seconds"
    assert json.loads(r.stdout)["metrics"]["mentions.exact"]["tp"] >= 1
    assert _gone(pids, expected=2) == []


def test_a_hanging_command_is_stopped_with_everything_it_started(tmp_path):
    command, pids = _extractor(tmp_path, "hang")
    r = _run("--command", command, "--timeout", "2", "-p", str(tmp_path / "p.jsonl"), cwd=tmp_path)
    assert r.returncode == 2 and "did not finish within 2 seconds" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not (tmp_path / "p.jsonl").exists()
    assert _gone(pids, expected=2) == []


def test_run_interrupted_while_the_command_runs_leaves_no_process(tmp_path):
    command, pids = _extractor(tmp_path, "hang")
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        pids.unlink(missing_ok=True)
        proc = subprocess.Popen([sys.executable, "-m", "ceasefire.eval.cli", "run", "--command", command, "--timeout", "300",
                                 "-p", str(tmp_path / "p.jsonl")], cwd=tmp_path, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not (pids.exists() and pids.read_text().endswith("\n")) and time.monotonic() < deadline:
            time.sleep(0.1)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 128 + sig and "interrupted by" in err and "Traceback" not in err, (sig, proc.returncode, err)
        assert _gone(pids, expected=1) == [], sig
