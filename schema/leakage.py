"""Test text in instructions: does a text given to a system or an annotator quote an article?

An instruction (a schema definition, a guideline, the prompt, a JSON Schema description, a
Label Studio hint) that quotes the articles being scored shows a system part of the answer
key, and inflates an agreement measured with it. Three findings, all compared on words
(case-folded, curly and straight apostrophes alike, punctuation ignored):

- ``quoted``: a quoted phrase ("…", “…”, ‘…’ or `…`) of two or more words that occurs in an
  article ("Kremlin sources", "according to"), or one name of an article ("Kremlin");
- ``run``: a run of :data:`RUN` words that occurs in an article, quoted or not;
- ``name``: a name of an article (a capitalised word the article never writes in lower case,
  seen capitalised inside a sentence) anywhere in the instruction, unless :data:`NAMES_ALLOWED`
  lists it with the reason the instruction needs it.

The issue that asked for this check set the bar at quoted phrases of three words; two-word
cues ("according to") and spans ("last week") were among the quotes it found, so two is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

#: A run of this many words of an article, anywhere in an instruction, is a finding.
RUN = 5

#: Capitalised words of the articles that an instruction may use, each with why it needs them.
NAMES_ALLOWED: dict[str, str] = {
    "President": "a title, not a name: the rule that a title before a name belongs to the name span "
                 "(guidelines 1.2) is shown on invented names (President Ada Varga)",
}
#: Quoted phrases of the articles that an instruction may use, each with why it needs them.
PHRASES_ALLOWED: dict[str, str] = {
    "according to": "the English attribution preposition (PARC 3.0 counts it among cues); the cue rule "
                    "for attributions by preposition (guidelines 3.1, 3.4) cannot be stated without it, "
                    "and it only appears inside invented sentences or as the cue span of one",
}

_WORD = re.compile(r"\w+(?:'\w+)*")
# a quote opens after a non-word character (so the apostrophe of "Varga's" opens nothing)
_QUOTED = re.compile(r'(?<!\w)(?:"([^"\n]{1,200})"|“([^”\n]{1,200})”|‘([^’\n]{1,200})’(?!\w)|`([^`\n]{1,200})`)')
_IDENT = re.compile(r"[A-Za-z0-9]*(?:[_/][A-Za-z0-9]+)+")
_SENTENCE_END = re.compile(r"[.!?:]['\"”’)]*$")


@dataclass(frozen=True)
class Finding:
    kind: str      # "quoted", "run" or "name"
    phrase: str    # the words as they stand in the instruction
    article: str   # the id of an article that holds them

    def __str__(self) -> str:
        return f"{self.kind}: {self.phrase!r} (in article {self.article})"


def _fold(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def words(text: str) -> list[str]:
    """The words of ``text``, as written (apostrophes folded to ')."""
    return _WORD.findall(_fold(text))


def _grams(ws: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def _names(text: str) -> set[str]:
    """Capitalised words seen inside a sentence and never in lower case: the article's names."""
    lower = {w.lower() for w in words(text) if w[:1].islower()}
    names = set()
    for line in _fold(text).splitlines():
        ws = _WORD.findall(line)
        if len(ws) > 3 and sum(w[:1].isupper() for w in ws) > 0.7 * len(ws):
            continue  # a headline in title case capitalises every word
        previous = None
        for match in _WORD.finditer(line):
            w = match.group()
            before = line[:match.start()].rstrip()
            inside = previous is not None and not _SENTENCE_END.search(before) and not before.endswith(("\"", "“"))
            if inside and w[:1].isupper() and w.lower() not in lower:
                names.add(w)
            previous = w
    return names


class Articles:
    """The word sequences and names of a corpus's articles, ready to check instructions against."""

    def __init__(self, texts: dict[str, str]):
        self.texts = texts
        self._words = {doc: [w.lower() for w in words(t)] for doc, t in texts.items()}
        self._runs = {doc: _grams(ws, RUN) for doc, ws in self._words.items()}
        self._joined = {doc: " " + " ".join(ws) + " " for doc, ws in self._words.items()}
        self._names = {doc: _names(t) for doc, t in texts.items()}

    def holding(self, phrase_words: list[str]) -> str | None:
        """The first article whose words contain ``phrase_words`` in a row, or None."""
        needle = " " + " ".join(w.lower() for w in phrase_words) + " "
        return next((doc for doc, joined in self._joined.items() if needle in joined), None)

    def check(self, text: str) -> list[Finding]:
        """Every finding of ``text``, in order, each phrase once."""
        out: list[Finding] = []
        seen: set[tuple[str, str]] = set()

        def add(kind, phrase, doc):
            if (kind, phrase.lower()) not in seen:
                seen.add((kind, phrase.lower()))
                out.append(Finding(kind, phrase, doc))

        for match in _QUOTED.finditer(text):
            inner = next(g for g in match.groups() if g is not None)
            ws = [w for w in words(inner) if len(w) > 1 or w.isdigit()]
            if len(ws) >= 2:
                doc = self.holding(ws)
            elif ws and ws[0][:1].isupper():
                # one capitalised word: a name if the article writes it so ("Kremlin", not "AID")
                doc = next((d for d, names in self._names.items() if ws[0] in names), None)
            else:
                doc = None
            if doc is not None and " ".join(ws).lower() not in PHRASES_ALLOWED:
                add("quoted", " ".join(ws), doc)
        ws = words(text)
        lowered = [w.lower() for w in ws]
        for i in range(len(ws) - RUN + 1):
            gram = tuple(lowered[i:i + RUN])
            doc = next((d for d, runs in self._runs.items() if gram in runs), None)
            if doc is not None:
                add("run", " ".join(ws[i:i + RUN]), doc)
        for w in ws + _id_parts(text):
            if len(w) < 2 or w in NAMES_ALLOWED:
                continue
            doc = next((d for d, names in self._names.items() if w in names), None)
            if doc is not None:
                add("name", w, doc)
        return out


def _id_parts(text: str) -> list[str]:
    """The parts of identifiers (``doc/putin``, ``agree_truce``), capitalised: an id names as a word does."""
    return [part.capitalize() for ident in _IDENT.findall(text) for part in re.split(r"[^A-Za-z]+", ident) if part]


def check_texts(articles: dict[str, str], instructions: Iterable[tuple[str, str]]) -> list[str]:
    """``["<where>: <finding>", ...]`` for every ``(where, text)`` instruction."""
    index = Articles(articles)
    return [f"{where}: {finding}" for where, text in instructions for finding in index.check(text)]
