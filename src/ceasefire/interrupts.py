"""What an interruption (Ctrl-C, ``kill``, a closed terminal) does to a running command.

- :func:`stop_signals_raise`: while a command runs, SIGTERM and SIGHUP raise
  :class:`Interrupted`, as Ctrl-C raises :class:`KeyboardInterrupt`. Left at their default they
  would end the process at once, with no ``finally`` run, so a half-written temporary folder
  would stay behind. The command-line tools catch both and exit with 128 + the signal's number,
  the shell's convention, after one line on stderr.
- :func:`uninterrupted`: a few steps that must not be cut in half (swapping a new output folder
  in for the old one, the writes that add one article to a corpus) hold these signals back and
  raise the first one that came once they are done.

SIGKILL cannot be caught: a command killed that way may leave a ``.NAME.new-*`` staging folder
beside its output. The next run neither reads nor removes it (a command never deletes what it
cannot prove it made).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator

#: the signals that ask a command to stop and can be caught
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """A stop signal (a KeyboardInterrupt, so that Ctrl-C, ``kill`` and a hang-up end alike)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def signal_number(exc: KeyboardInterrupt) -> int:
    """The signal behind an interruption: SIGINT for Python's own KeyboardInterrupt."""
    return getattr(exc, "signum", signal.SIGINT)


def _raise(signum, _frame):
    raise Interrupted(signum)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()  # handlers can only be set there


@contextlib.contextmanager
def stop_signals_raise() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Interrupted` inside the block (where they were at their
    default; a handler someone else set is left alone)."""
    changed = {}
    if _main_thread():
        for sig in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(sig) == signal.SIG_DFL:
                changed[sig] = signal.signal(sig, _raise)
    try:
        yield
    finally:
        for sig, handler in changed.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold the stop signals back inside the block; the first that came is raised again after it,
    through the handler that was in place before."""
    pending: list[int] = []
    previous = {}
    if _main_thread():
        previous = {sig: signal.signal(sig, lambda signum, _frame: pending.append(signum)) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if pending:
            signal.raise_signal(pending[0])
