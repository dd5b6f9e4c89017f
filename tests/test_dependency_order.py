"""Imports go one way: schema <- eval <- annotate (and the baselines use none of the three)."""

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


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((a.name, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_no_import_against_the_dependency_order(folder):
    bad = [f"{path.relative_to(ROOT)}:{line}: {name}"
           for path in sorted((ROOT / folder).glob("*.py"))
           for name, line in _imports(path)
           if name.startswith(FORBIDDEN[folder])]
    assert not bad, bad
