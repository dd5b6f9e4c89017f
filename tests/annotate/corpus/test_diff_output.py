"""`ceasefire-annotate diff` prints values as the record files write them: null, true, false and
[a, b], never Python's None or ['a'] (issue 27)."""

import json
import re

from ceasefire.annotate.cli import main
from ceasefire.annotate.corpus.diff import diff_documents

from helpers.paths import ROOT

ANNOTATIONS = ROOT / "data" / "annotations"
PYTHON_VALUES = re.compile(r"\b(None|True|False)\b|\[['\"]")


def test_diff_of_the_shipped_annotations_has_no_python_values(capsys):
    assert main(["diff", str(ANNOTATIONS / "A"), str(ANNOTATIONS / "B")]) == 0
    out = capsys.readouterr().out
    assert PYTHON_VALUES.findall(out) == []
    # the two annotations differ in an event without a PLOVER mode, and in one's mode
    assert "mode=null cluster=" in out and "A=destroy B=null" in out


def test_an_absent_optional_flag_is_no_difference_from_false():
    doc = json.loads((ANNOTATIONS / "A" / "000_8ce9f93fccec955a.json").read_text(encoding="utf-8"))
    other = json.loads(json.dumps(doc))
    other["mentions"][0]["optional"] = False
    assert diff_documents(doc, other) == []
    other["mentions"][0]["optional"] = True
    assert diff_documents(doc, other) == [f"mention optional: {doc['mentions'][0]['text']!r}@{doc['mentions'][0]['start']} A=false B=true"]
