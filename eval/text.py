"""One document's text as the scorer sees it: sentences (the resampling unit) and tokens.

Sentences end at a run of newlines, or at ., ! or ? (with any closing quote marks)
followed by whitespace. A rough splitter, but deterministic and the same for gold
and predictions, which is all the bootstrap needs. Tokens (for token IoU) are
maximal runs of word characters and each other non-space character.
"""

from __future__ import annotations

import re
from bisect import bisect_right

TOKEN_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']*\s+|\n+")
GRANULARITIES = ("document", "sentence")


class Text:
    """The units and tokens of one document. ``granularity`` is what counts are kept
    per: "document", or "sentence" when they will be resampled."""

    __slots__ = ("doc_id", "text", "granularity", "whole", "_starts", "_tokens")

    def __init__(self, doc_id: str, text: str, granularity: str = "document"):
        if granularity not in GRANULARITIES:
            raise ValueError(f"units: {granularity!r} is not one of {', '.join(GRANULARITIES)}")
        self.doc_id, self.text, self.granularity = doc_id, text, granularity
        self.whole = (doc_id, 0)
        self._starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)] if granularity == "sentence" else [0]
        self._tokens = None

    def unit(self, offset: int) -> tuple[str, int]:
        """The resampling unit (document id, sentence index) of a character offset."""
        if self.granularity == "document":
            return self.whole
        return self.doc_id, bisect_right(self._starts, offset) - 1

    def units(self) -> list[tuple[str, int]]:
        return [(self.doc_id, i) for i in range(len(self._starts))]

    @property
    def sentence_starts(self) -> list[int]:
        """Where each sentence starts (with granularity "sentence"; else just [0])."""
        return list(self._starts)

    def token_spans(self) -> list[tuple[int, int]]:
        """[start, end) of every token, in text order."""
        if self._tokens is None:
            self._tokens = [(m.start(), m.end()) for m in TOKEN_RE.finditer(self.text)]
        return list(self._tokens)

    def tokens(self, start: int, end: int) -> frozenset[int]:
        """Indices of the tokens wholly or partly inside [start, end)."""
        toks = self._tokens if self._tokens is not None else self.token_spans()  # only claims need tokens: made on first use
        lo, hi = 0, len(toks)
        while lo < hi:  # the first token ending after start
            mid = (lo + hi) // 2
            if toks[mid][1] <= start:
                lo = mid + 1
            else:
                hi = mid
        out = []
        for i in range(lo, len(toks)):
            if toks[i][0] >= end:
                break
            out.append(i)
        return frozenset(out)


def set_iou(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)
