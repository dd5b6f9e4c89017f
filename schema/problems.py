"""One problem found in the input, and how it is reported.

Every check in the project (reader, validator, Label Studio importer, scorer)
reports through :class:`Problem`, so every message names the same things:
file, line, document, field, the bad value and what is allowed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable


@dataclass(frozen=True)
class Location:
    """Where a record came from: a file and, for JSONL, its 1-based line."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


@dataclass(frozen=True)
class Problem:
    location: Location | None
    document: str | None
    field: str
    message: str
    value: Any = None
    allowed: str | None = None
    has_value: bool = True

    def format(self) -> str:
        parts = []
        if self.location is not None:
            parts.append(f"{self.location}:")
        if self.document is not None:
            parts.append(f"document {self.document!r}:")
        if self.field:
            parts.append(f"{self.field}:")
        msg = self.message
        if self.has_value:
            msg = f"{_show(self.value)} {msg}"
        parts.append(msg)
        text = " ".join(parts)
        if self.allowed:
            text += f"; allowed: {self.allowed}"
        return text

    def __str__(self) -> str:
        return self.format()


def _show(value: Any) -> str:
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


def allowed_list(values: Iterable[str]) -> str:
    return ", ".join(str(v) for v in values)


class InputError(Exception):
    """Raised by library entry points when the input has problems.

    The command-line tools catch it, print every problem and exit 2.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))
