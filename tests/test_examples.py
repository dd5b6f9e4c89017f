"""Every fenced Python block of README.md, of the guides in docs/ and of the dataset card runs, every
JSON block parses: the doctests with doctest, the other blocks as scripts in a fresh process
(offline, with a fresh datasets cache; the card's blocks against data/hf)."""

import doctest
import json
import os
import py_compile
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import ROOT

HF = ROOT / "data" / "hf"
#: the pages a user reads in the checkout: the front page and the guides
PAGES = ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md"))]


def blocks(path: Path, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)


def _run_script(code: str, cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1", HF_DATASETS_CACHE=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cwd, timeout=600)


def test_the_doctests_run():
    assert any(">>>" in b for b in blocks(ROOT / "README.md", "python")), "the README shows the Python API with a doctest"
    assert any(">>>" in b for b in blocks(ROOT / "docs" / "systems.md", "python")), "the systems guide documents it with doctests"
    cwd = os.getcwd()
    os.chdir(ROOT)  # the examples name data/... as a user in the checkout would
    try:
        for page in PAGES:
            for i, text in enumerate(b for b in blocks(ROOT / page, "python") if ">>>" in b):
                test = doctest.DocTestParser().get_doctest(text, {}, f"{page} python block {i}", page, 0)
                runner = doctest.DocTestRunner()
                runner.run(test)
                assert runner.failures == 0 and runner.tries > 0, f"{page} python block {i} failed (see the doctest output above)"
    finally:
        os.chdir(cwd)


def _scripts(page: str) -> list[str]:
    return [b for b in blocks(ROOT / page, "python") if ">>>" not in b]


@pytest.mark.parametrize("where", [*(p for p in PAGES if _scripts(p)), "card"])
def test_every_python_block_runs(where, tmp_path):
    if where != "card":
        scripts, cwd = _scripts(where), ROOT
    else:
        scripts, cwd = [b.replace("path/to/this/folder", str(HF)) for b in blocks(HF / "README.md", "python")], tmp_path
        assert len(scripts) >= 5
    assert scripts
    for i, code in enumerate(scripts):
        r = _run_script(code, cwd, tmp_path)
        assert r.returncode == 0, (where, i, code[:200], r.stderr[-2000:])


def test_the_card_body_and_its_generators_fence_only_code_that_runs():
    """The card is generated from annotate/dataset/card_body.md and annotate/dataset/card_sections.py: what they
    fence as Python is what the built card fences (the test above runs it), and what they show
    as data is JSON that parses."""
    body = ROOT / "annotate" / "dataset" / "card_body.md"
    # the same blocks (the body's {placeholders} are filled in by the build)
    assert len(blocks(body, "python")) == len(blocks(HF / "README.md", "python"))
    assert "```python" not in (ROOT / "annotate" / "dataset" / "card_sections.py").read_text(encoding="utf-8")
    json_blocks = blocks(HF / "README.md", "json")
    assert len(json_blocks) >= 9  # one example per config, and the prediction line
    for b in json_blocks:
        json.loads(b) if b.lstrip().startswith("{") and b.count("\n") > 1 else [json.loads(line) for line in b.splitlines() if line.strip()]
    for page in PAGES:
        for b in blocks(ROOT / page, "json"):
            json.loads(b)


def test_the_examples_that_need_a_model_or_an_api_compile():
    # spaCy's model and the OpenAI API are not on the test machine: these are checked as code
    for path in sorted((ROOT / "examples").glob("*.py")):
        py_compile.compile(str(path), doraise=True)
