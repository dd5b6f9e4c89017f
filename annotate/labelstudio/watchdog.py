"""The watchdog between `serve` and the Label Studio server: the server never outlives `serve`.

`serve` does not start ``label-studio`` itself; it starts this small process (in a session
and process group of its own) and keeps the write end of a pipe, the *lifeline*, whose read
end only this process holds. Whatever ends `serve` -- Ctrl-C, ``kill``, a closed terminal,
SIGKILL, the out-of-memory killer -- the kernel closes the write end and this process reads
end-of-file. It then stops its whole process group: SIGTERM to the group, up to ``GRACE``
seconds for every process of it to exit, then SIGKILL to whatever is left.

Why a watchdog and not only ``prctl(PR_SET_PDEATHSIG)`` on the server: the parent-death
signal fires when the *thread* that forked the child ends, not the process (a `serve` that
started the server from a worker thread would kill it early); it reaches only that one
child, not the processes the server starts in turn; and nothing waits for the server to
finish. A pipe's end-of-file comes however the parent dies. The parent-death signal is
still set on the server (this watchdog is single-threaded, so its one thread lives as long
as it does) for the one case the lifeline cannot cover: this watchdog itself killed.

Usage (by :class:`ceasefire.annotate.labelstudio.server.Server` only)::

    python -m ceasefire.annotate.labelstudio.watchdog LIFELINE_FD LOCK_FD GRACE -- label-studio start ...
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

#: seconds the group has to exit after SIGTERM before it is sent SIGKILL
GRACE = 15.0
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

_signalled: list[int] = []


def _die_with_parent(parent: int):
    """A preexec function: the child gets SIGTERM when this process ends (Linux)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        libc = None

    def preexec() -> None:
        if libc is not None and sys.platform.startswith("linux"):
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
            if os.getppid() != parent:  # the parent died before prctl took effect
                os.kill(os.getpid(), signal.SIGTERM)
    return preexec


def group_members(pgid: int) -> list[int]:
    """Live processes (not zombies) of a process group, read from /proc (Linux)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()  # after "(comm)": state, ppid, pgrp, session, ...
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return sorted(members)


def _others(pgid: int, child: subprocess.Popen) -> list[int]:
    child.poll()  # reap the server, so that it does not linger as a zombie member
    return [p for p in group_members(pgid) if p != os.getpid()]


def stop_group(child: subprocess.Popen, grace: float = GRACE) -> None:
    """SIGTERM to this process's group, up to ``grace`` seconds, then SIGKILL to what is left."""
    pgid = os.getpgrp()
    os.killpg(pgid, signal.SIGTERM)  # this process catches it (see main)
    deadline = time.monotonic() + grace
    while _others(pgid, child) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in _others(pgid, child):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 5
    while _others(pgid, child) and time.monotonic() < deadline:
        time.sleep(0.05)


def main(argv: list[str]) -> int:
    lifeline, lock_fd, grace = int(argv[0]), int(argv[1]), float(argv[2])
    command = argv[argv.index("--") + 1:]
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):  # a stop for the group, not for this process alone
        signal.signal(sig, lambda signum, _frame: _signalled.append(signum))
    keep = (lock_fd,) if lock_fd >= 0 else ()  # the folder's lock stays held while the server lives
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, pass_fds=keep, preexec_fn=_die_with_parent(os.getpid()))
    try:
        while child.poll() is None and not _signalled:
            try:
                ready, _, _ = select.select([lifeline], [], [], 0.5)
            except InterruptedError:
                continue
            if ready and not os.read(lifeline, 64):  # end-of-file: `serve` has ended or let go
                break
    finally:
        stop_group(child, grace)
    return child.returncode if child.returncode is not None and child.returncode >= 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
