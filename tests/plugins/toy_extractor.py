"""Toy extractors for the tests of `ceasefire-eval run` (a function, a command, broken ones)."""

import json
import re
import sys


def names(text):
    """Every capitalised 'Putin' and 'Trump' as a PERSON mention, spans by text alone."""
    return {"mentions": [{"id": f"m{i}", "text": m.group(), "type": "PERSON"} for i, m in enumerate(re.finditer(r"\b(?:Putin|Trump)\b", text))]}


def with_id(text, doc_id):
    assert doc_id in ("000_8ce9f93fccec955a", "004_2b10ae636b3461d6")
    return names(text)


def crashes(text):
    raise RuntimeError("model not loaded")


def bad_label(text):
    return {"mentions": [{"id": "m1", "text": "Putin", "type": "PRESIDENT"}]}


if __name__ == "__main__":
    print(json.dumps(names(sys.stdin.read())))
