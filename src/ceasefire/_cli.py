"""What both command-line tools share: printing problems, exit codes, and regenerating
the generated blocks and files they keep current."""

from __future__ import annotations

import argparse
import io
import os
import signal
import sys
from typing import Iterable

from ceasefire.interrupts import signal_number, stop_signals_raise
from ceasefire.schema.problems import Problem

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def print_problems(problems: Iterable[Problem], stream=None) -> int:
    """Print one line per problem and a count; return the exit code. The count says that nothing
    was written only for a command that was to write a file or folder (a read-only command such as
    `lint` or `validate` has nothing to leave unwritten)."""
    from ceasefire.outputs import checked_outputs

    stream = stream or sys.stderr
    problems = list(problems)
    for p in problems:
        print(f"error: {p.format()}", file=stream)
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"{len(problems)} {noun} found{'; nothing was written' if checked_outputs() else ''}.", file=stream)
        return EXIT_BAD_INPUT
    return EXIT_OK


def refuse_unused_options(given: list[str], when: str, allowed: str) -> int:
    """Refuse options that the chosen mode of a command does not read (one line, exit 2): saying
    nothing would let the user believe they took effect."""
    verb = "does" if len(given) == 1 else "do"
    return print_problems([Problem(None, None, ", ".join(given), f"{verb} nothing {when}", has_value=False, allowed=allowed)])


#: The exit code when the reader of stdout went away (``cmd | head``): 128 + SIGPIPE, what the shell
#: reports for a program that SIGPIPE ended (``yes | head``), as the stop signals above give 128 + their number.
EXIT_READER_GONE = 128 + signal.SIGPIPE


def run(parser: argparse.ArgumentParser, argv: list[str] | None = None) -> int:
    """Parse the command line and run the command; bad input is reported (exit 2), never a traceback.
    A reader that closes the pipe early (``| head``) ends the command quietly, exit 141."""
    from ceasefire.outputs import forget_outputs

    args = parser.parse_args(argv)  # argparse itself ignores a closed pipe when it prints --help or usage
    forget_outputs()  # what an earlier command of this process checked (tests run many) is not this one's
    try:
        code = _run_command(args)
        return code if _flushed() else EXIT_READER_GONE  # output that fit in the buffer meets the closed pipe here
    except BrokenPipeError:
        _flushed()
        return EXIT_READER_GONE


def say(*args) -> None:
    """Print a line of progress that the work does not wait on (`publish` announcing its upload):
    a reader that went away does not stop the work, and the rest goes to /dev/null."""
    try:
        print(*args, flush=True)
    except BrokenPipeError:
        _flushed()


def _flushed() -> bool:
    """Flush stdout and stderr; False when a reader has closed one of them. That stream then points
    at /dev/null, so that Python's own flush at exit fails no more (the advice of the signal module's
    docs, "Note on SIGPIPE"), and the command ends without a traceback or a message."""
    ok = True
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            ok = False
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
            except (OSError, ValueError, io.UnsupportedOperation):  # not a real file (a test's capture)
                pass
        except (OSError, ValueError):  # closed or not flushable: nothing more to say on it
            pass
    return ok


def _run_command(args) -> int:
    from ceasefire.schema import InputError, SchemaError

    try:
        with stop_signals_raise():  # kill and a closed terminal end a command as Ctrl-C does
            return args.func(args)
    except KeyboardInterrupt as exc:
        signum = signal_number(exc)
        try:  # after a hang-up the terminal may be gone
            print(f"error: interrupted by {signal.Signals(signum).name}; no output was left half-written "
                  "(each is as it was before, or complete)", file=sys.stderr)
        except OSError:
            pass
        return 128 + signum
    except InputError as exc:
        return print_problems(exc.problems)
    except SchemaError as exc:
        print(f"error: schema: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ModuleNotFoundError as exc:  # an optional extra that is not installed: say which
        from ceasefire.extras import report_missing_extra

        return report_missing_extra(exc, args.command)


def write_or_check(path, current: str, new: str, *, check: bool, stale: str, wrote: str) -> int:
    """Write a regenerated file, or with ``check`` only report whether it is current."""
    from ceasefire.schema.records import atomic_write

    if check:
        if new != current:
            print(f"error: {path}: {stale}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"OK: {path} is up to date")
        return EXIT_OK
    atomic_write(path, new)
    print(wrote)
    return EXIT_OK


def replace_generated(text: str, name: str, content: str) -> str:
    """Replace the block between ``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->``."""
    start, end = f"<!-- generated:{name} -->", f"<!-- /generated:{name} -->"
    i, j = text.find(start), text.find(end)
    if i < 0 or j < i:
        raise ValueError(f"markers {start} ... {end} not found")
    return text[: i + len(start)] + "\n" + content + text[j:]


# -- options shared by the commands of both tools ---------------------------------------------
# Each option is declared once here; a command takes the ones it needs as argparse parents
# (`parents=options("gold", "schema")`), so that names, types and help read the same everywhere.

#: Upper bound on --bootstrap, --samples and --trials: 100,000 resamples already give
#: percentile intervals far finer than two documents can support; more only costs memory.
MAX_RESAMPLES = 100_000


def bounded(convert, low, high, what: str, allowed: str):
    """An argparse type: ``convert(value)`` within [low, high], else a message with what is allowed."""
    def parse(value: str):
        try:
            n = convert(value)
        except ValueError:
            n = None
        if n is None or not low <= n <= high:
            raise argparse.ArgumentTypeError(f"{value!r} is not {what}; allowed: {allowed}")
        return n
    return parse


resamples = bounded(int, 0, MAX_RESAMPLES, "a number of resamples", f"0 (off) to {MAX_RESAMPLES:,}")
positive_resamples = bounded(int, 1, MAX_RESAMPLES, "a positive number of resamples", f"1 to {MAX_RESAMPLES:,}")
#: NumPy's generators take seeds from 0 to 2**32 - 1
seed = bounded(int, 0, 2**32 - 1, "a seed", f"an integer from 0 to {2**32 - 1}")
timeout = bounded(float, 0.001, 86_400, "a timeout", "seconds, more than 0 and at most 86400")
port_number = bounded(int, 1, 65535, "a port number", "1 to 65535")

OPTIONS: dict[str, tuple[tuple[str, ...], dict]] = {
    "schema": (("--schema",), dict(metavar="PATH", help="schema file (default: the shipped schema.yaml)")),
    "gold": (("--gold",), dict(metavar="PATH", help="gold records (default: the shipped data/gold)")),
    "output": (("-o", "--output"), dict(metavar="FILE", help="write the result here (atomically) instead of stdout (default: stdout)")),
    "allow-missing": (("--allow-missing",), dict(action="store_true", help="score a gold document without predictions as empty instead of refusing; the output lists it")),
    "strict": (("--strict",), dict(action="store_true", help="refuse predictions with text-only spans that cannot be placed (default: score them as false positives)")),
    "bootstrap": (("--bootstrap",), dict(type=resamples, default=0, metavar="N", help="95%% confidence intervals from N resamples of sentences (default: 0, off)")),
    "seed": (("--seed",), dict(type=seed, default=12345, help="random seed for resampling (default: 12345, as sacrebleu)")),
    "corpus": (("--corpus",), dict(metavar="DIR", help="corpus folder holding articles/ (with articles.json) and gold/, laid out like data/ (default: the shipped data/)")),
    # an extractor given as a program, for `run` and `preannotate`
    "command": (("--command",), dict(metavar="CMD", help="run this program instead of a function: it reads an article's text on stdin and prints one JSON record (default: none)")),
    "timeout": (("--timeout",), dict(type=timeout, default=600, metavar="SECONDS", help="with --command: give up on a document after this many seconds, and stop the program and what it started (default: 600)")),
    # the records that `import`, `pull` and `records` write
    "records-output": (("-o", "--output"), dict(required=True, metavar="PATH", help="output folder (one JSON file per document plus corpus.json), or a .jsonl file (required)")),
    # the two annotations that `agree`, `diff` and `adjudicate` compare
    "ann-a": (("a",), dict(metavar="ANN_A", help="the first annotation: a records file or folder")),
    "ann-b": (("b",), dict(metavar="ANN_B", help="the second annotation of the same articles: a records file or folder")),
}


def options(*names: str) -> list[argparse.ArgumentParser]:
    """One argparse parent holding the named shared options."""
    parent = argparse.ArgumentParser(add_help=False)
    for name in names:
        add_option(parent, name)
    return [parent]


def add_option(p, name: str, **change) -> None:
    """Add the shared option ``name`` to ``p`` (a parser or a group), with ``change`` to its settings."""
    flags, kwargs = OPTIONS[name]
    p.add_argument(*flags, **{**kwargs, **change})


def add_format(p: argparse.ArgumentParser, *choices: str, default: str | None = None) -> None:
    """--format with the command's choices (the first is the default unless given)."""
    default = default or choices[0]
    p.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")


def formatter(prog):
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32)
