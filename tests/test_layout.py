"""tests/ mirrors the packages, the shared helpers live in tests/helpers/, and every test that
starts a Label Studio server or drives a browser carries its marker (so `-m "not server"` is honest)."""

import re

import pytest

from helpers.paths import ROOT, TESTS

#: test folder -> the package folder it mirrors
MIRRORS = {"schema": "schema", "eval": "eval", "data": "data", "annotate/corpus": "annotate/corpus",
           "annotate/lint": "annotate/lint", "annotate/labelstudio": "annotate/labelstudio", "annotate/dataset": "annotate/dataset",
           "browser": None}
#: the tests of the whole house (every command, what all commands share, interrupted commands, the README and its
#: examples, the import order, the wheel, this layout) stay at the top
TOP = {"test_bad_input.py", "test_cli_conventions.py", "test_dependency_order.py", "test_examples.py", "test_interrupted.py",
       "test_layout.py", "test_readme.py", "test_wheel.py"}
#: what in a test module's source shows it needs the marker
NEEDS = {"server": re.compile(r"\bserve_process\b|\bServer\("), "browser": re.compile(r"\bplaywright\(\)")}


def _test_files():
    return sorted(p for p in TESTS.rglob("test_*.py") if "plugins" not in p.parts and "examples" not in p.parts)


def test_every_test_file_sits_in_a_mirror_of_its_package():
    misplaced = []
    for p in _test_files():
        folder = p.parent.relative_to(TESTS).as_posix()
        if folder == ".":
            if p.name not in TOP:
                misplaced.append(p.name)
        elif folder not in MIRRORS:
            misplaced.append(p.relative_to(TESTS).as_posix())
    assert not misplaced, misplaced
    for folder, package in MIRRORS.items():
        assert any((TESTS / folder).glob("test_*.py")), folder
        assert package is None or (ROOT / package).is_dir(), package


def test_helpers_live_in_one_place():
    loose = sorted(p.relative_to(TESTS).as_posix() for p in TESTS.rglob("*.py")
                   if not p.name.startswith("test_") and p.name != "conftest.py"
                   and not {"helpers", "plugins", "examples"} & set(p.relative_to(TESTS).parts))
    assert not loose, loose
    assert not list(TESTS.rglob("conftest.py"))[1:], "one conftest.py, at tests/"


@pytest.mark.parametrize("marker", sorted(NEEDS))
def test_tests_that_need_a_server_or_a_browser_are_marked(marker):
    unmarked = []
    for p in _test_files():
        text = p.read_text(encoding="utf-8")
        if p.name != "test_layout.py" and NEEDS[marker].search(text):
            marks = re.search(r"^pytestmark = (.+)$", text, flags=re.M)
            if not marks or f"pytest.mark.{marker}" not in marks.group(1):
                unmarked.append(p.relative_to(TESTS).as_posix())
    assert not unmarked, unmarked


def test_the_markers_are_registered():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "--strict-markers" in text
    for marker in NEEDS:
        assert re.search(rf'^\s+"{marker}: ', text, flags=re.M), marker
