"""Run a real ceasefire command and send it a signal at a chosen moment of its writing.

    python interrupt_at.py NAME MOMENT SIGNAL TOOL ARG...

The command is the console script's own ``main``, unchanged; what is added is an audit hook
(:func:`sys.addaudithook`, Python's record of the file operations a program makes) that watches
the writes to the output NAME and, at MOMENT, sends SIGNAL to this process. A process that
signals itself runs the handler at once, inside the hook, so the interruption lands just before
the operation the hook saw (which then does not happen), at the same place each time, as a
signal sent from outside on a timer would not.

MOMENT is one of:

- ``writing``: for a folder output, as the second file in the staging folder ``.NAME.new-*`` is
  opened (one is written already); for a file output, as the first temporary file
  ``.NAME.*.tmp`` (or part of a report, ``.NAME.*.part``), made already, is opened for writing;
- ``swap``: for a folder output, as the staging folder is renamed to NAME, the old output
  having been renamed away to ``.NAME.old-*`` just before; for a file output, as the first
  temporary file is renamed onto NAME.

On stderr the hook prints ``interrupt_at: sent SIGNAL at MOMENT`` once it has fired, so that a
test can tell an interruption that landed from one that never came.

The tests import :func:`interrupt` (which runs this script) and the checks below it.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path


def _name(path) -> str:
    return os.path.basename(os.fsdecode(path)) if isinstance(path, (str, bytes, os.PathLike)) else ""


# -- for the tests that run it --------------------------------------------------------------

def snapshot(path: Path) -> dict[str, tuple[int, str]]:
    """Every file and folder at and below ``path``: inode and, for files, a hash of the bytes."""
    paths = [path, *sorted(path.rglob("*"))] if path.is_dir() else [path]
    return {p.relative_to(path.parent).as_posix(): (p.stat().st_ino, hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir")
            for p in paths}


def contents(path: Path) -> dict[str, str]:
    return {k: digest for k, (_, digest) in snapshot(path).items()}


def interrupt(tool: str, argv: list[str], name: str, moment: str, signame: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, __file__, name, moment, signame, tool, *argv],
                          cwd=cwd, capture_output=True, text=True, timeout=600)


def check_interrupted(result: subprocess.CompletedProcess, moment: str, signame: str) -> None:
    assert f"interrupt_at: sent {signame} at {moment}" in result.stderr, f"the signal never came:\n{result.stderr}"
    assert result.returncode == 128 + signal.Signals[signame], result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"interrupted by {signame}" in errors[0], result.stderr


# -- the script ------------------------------------------------------------------------------

def main() -> int:
    name, moment, signame, tool, *argv = sys.argv[1:]
    signum = signal.Signals[signame]
    staging, temporary = f".{name}.new-", f".{name}."
    seen = {"opened": 0, "tmp": False, "fired": False}

    def is_tmp(path) -> bool:
        base = _name(path)
        return base.startswith(temporary) and base.endswith((".tmp", ".part"))

    def fire() -> None:
        seen["fired"] = True
        print(f"interrupt_at: sent {signame} at {moment}", file=sys.stderr, flush=True)
        os.kill(os.getpid(), signum)

    def hook(event: str, args: tuple) -> None:
        if seen["fired"]:
            return
        if event == "open" and isinstance(args[0], int) and seen["tmp"] and moment == "writing":
            fire()  # the temporary file's descriptor, opened for writing
        elif event == "open" and not isinstance(args[0], int):
            if args[1] is None and is_tmp(args[0]):  # os.open, as tempfile.mkstemp makes the file
                seen["tmp"] = True
            elif moment == "writing" and args[1] and "w" in args[1] and _name(os.path.dirname(os.fsdecode(args[0]))).startswith(staging):
                seen["opened"] += 1
                if seen["opened"] == 2:
                    fire()
        elif event == "os.rename" and moment == "swap" and (_name(args[0]).startswith(staging) or is_tmp(args[0])):
            fire()

    sys.addaudithook(hook)
    if tool == "ceasefire-annotate":
        from ceasefire.annotate.cli import main as run
    else:
        from ceasefire.eval.cli import main as run
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
