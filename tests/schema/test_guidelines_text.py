"""Guidelines 2.0 are general: no fragment of eight words or more from either article.

Words are compared case-insensitively with punctuation ignored (curly and straight apostrophes
are one character), so a quoted fragment cannot hide behind different quote marks.
"""

import re
from pathlib import Path

from ceasefire.data import data_dir
from helpers.paths import ROOT

GUIDELINES = ROOT / "schema" / "GUIDELINES.md"
N = 8


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:'\w+)*", text.replace("’", "'").replace("‘", "'").lower())


def ngrams(ws: list[str], n: int = N) -> set[tuple[str, ...]]:
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def article_ngrams() -> set[tuple[str, ...]]:
    out = set()
    for path in sorted((data_dir() / "articles").glob("*.txt")):
        out |= ngrams(words(path.read_text(encoding="utf-8")))
    return out


def test_the_check_finds_a_copied_fragment():
    art = article_ngrams()
    first = sorted((data_dir() / "articles").glob("*.txt"))[0].read_text(encoding="utf-8")
    copied = " ".join(first.split()[:10])
    assert ngrams(words(f"As in “{copied}”, annotate it.")) & art


def test_no_eight_word_fragment_of_an_article_in_the_guidelines():
    found = ngrams(words(GUIDELINES.read_text(encoding="utf-8"))) & article_ngrams()
    assert not found, sorted(" ".join(f) for f in found)
