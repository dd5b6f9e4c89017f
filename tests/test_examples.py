"""Every fenced Python block of README.md and of the dataset card runs, every JSON block parses:
the README's doctests with doctest, the other blocks as scripts in a fresh process (offline,
with a fresh datasets cache; the card's blocks against data/hf)."""

import doctest
import json
import os
import py_compile
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HF = ROOT / "data" / "hf"


def blocks(path: Path, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)


def _run_script(code: str, cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1", HF_DATASETS_CACHE=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cwd, timeout=600)


def test_the_readme_doctests_run():
    tests = [b for b in blocks(ROOT / "README.md", "python") if ">>>" in b]
    assert tests, "the README documents the Python API with a doctest"
    cwd = os.getcwd()
    os.chdir(ROOT)  # the examples name data/... as a user in the checkout would
    try:
        for i, text in enumerate(tests):
            test = doctest.DocTestParser().get_doctest(text, {}, f"README.md python block {i}", "README.md", 0)
            runner = doctest.DocTestRunner()
            runner.run(test)
            assert runner.failures == 0 and runner.tries > 0, f"README.md python block {i} failed (see the doctest output above)"
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("where", ["README.md", "card"])
def test_every_python_block_runs(where, tmp_path):
    if where == "README.md":
        scripts, cwd = [b for b in blocks(ROOT / "README.md", "python") if ">>>" not in b], ROOT
    else:
        scripts, cwd = [b.replace("path/to/this/folder", str(HF)) for b in blocks(HF / "README.md", "python")], tmp_path
        assert len(scripts) >= 5
    assert scripts
    for i, code in enumerate(scripts):
        r = _run_script(code, cwd, tmp_path)
        assert r.returncode == 0, (where, i, code[:200], r.stderr[-2000:])


def test_the_card_body_and_its_generators_fence_only_code_that_runs():
    """The card is generated from annotate/card_body.md and annotate/card_sections.py: what they
    fence as Python is what the built card fences (the test above runs it), and what they show
    as data is JSON that parses."""
    body = ROOT / "annotate" / "card_body.md"
    # the same blocks (the body's {placeholders} are filled in by the build)
    assert len(blocks(body, "python")) == len(blocks(HF / "README.md", "python"))
    assert "```python" not in (ROOT / "annotate" / "card_sections.py").read_text(encoding="utf-8")
    json_blocks = blocks(HF / "README.md", "json")
    assert len(json_blocks) >= 9  # one example per config, and the prediction line
    for b in json_blocks:
        json.loads(b) if b.lstrip().startswith("{") and b.count("\n") > 1 else [json.loads(line) for line in b.splitlines() if line.strip()]
    for b in blocks(ROOT / "README.md", "json"):
        json.loads(b)


def test_the_examples_that_need_a_model_or_an_api_compile():
    # spaCy's model and the OpenAI API are not on the test machine: these are checked as code
    for path in sorted((ROOT / "examples").glob("*.py")):
        py_compile.compile(str(path), doraise=True)
