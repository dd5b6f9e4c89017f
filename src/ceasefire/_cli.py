"""What both command-line tools share: printing problems, exit codes, and regenerating
the generated blocks and files they keep current."""

from __future__ import annotations

import sys
from typing import Iterable

from ceasefire.schema.problems import Problem

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def print_problems(problems: Iterable[Problem], stream=None) -> int:
    """Print one line per problem and a count; return the exit code."""
    stream = stream or sys.stderr
    problems = list(problems)
    for p in problems:
        print(f"error: {p.format()}", file=stream)
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"{len(problems)} {noun} found; nothing was written.", file=stream)
        return EXIT_BAD_INPUT
    return EXIT_OK


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
