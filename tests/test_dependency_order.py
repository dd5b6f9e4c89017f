"""Imports go one way: schema <- eval <- annotate (and the baselines use none of the three).
The Python API (src/ceasefire/api.py) is the top: it may import them all, and none imports it."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# package folder -> the ceasefire packages it must not import
FORBIDDEN = {
    "schema": ("ceasefire.eval", "ceasefire.annotate", "ceasefire.baselines"),
    "eval": ("ceasefire.annotate", "ceasefire.baselines"),
    "baselines": ("ceasefire.eval", "ceasefire.annotate"),
    "src/ceasefire": ("ceasefire.eval", "ceasefire.annotate", "ceasefire.baselines"),
}


TOP = ROOT / "src" / "ceasefire" / "api.py"


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((a.name, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_no_import_against_the_dependency_order(folder):
    bad = [f"{path.relative_to(ROOT)}:{line}: {name}"
           for path in sorted((ROOT / folder).glob("*.py")) if path != TOP
           for name, line in _imports(path)
           if name.startswith(FORBIDDEN[folder])]
    assert not bad, bad


def test_the_python_api_is_imported_by_no_package_module():
    bad = [f"{path.relative_to(ROOT)}:{line}: {name}"
           for folder in ("schema", "eval", "annotate", "baselines", "data", "src/ceasefire")
           for path in sorted((ROOT / folder).glob("*.py")) if path != TOP
           for name, line in _imports(path)
           if name == "ceasefire.api"]
    assert not bad, bad
