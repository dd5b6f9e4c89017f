"""Imports go one way: schema <- eval <- annotate (and the baselines use none of the three);
inside annotate/, corpus <- lint, labelstudio, dataset; the Python API (src/ceasefire/api.py) is
the top: it may import them all, and none imports it; and no module imports itself round a cycle."""

import ast
from pathlib import Path

import pytest
from helpers.paths import ROOT

# package folder -> the ceasefire packages it must not import
FORBIDDEN = {
    "schema": ("ceasefire.eval", "ceasefire.annotate", "ceasefire.baselines"),
    "eval": ("ceasefire.annotate", "ceasefire.baselines"),
    "baselines": ("ceasefire.eval", "ceasefire.annotate"),
    "src/ceasefire": ("ceasefire.eval", "ceasefire.annotate", "ceasefire.baselines"),
}
#: the rooms of annotate/ and their rank: a room imports only rooms of a lower rank
ROOMS = {"corpus": 0, "lint": 1, "labelstudio": 1, "dataset": 1}
#: import package -> folder (as pyproject.toml maps them)
PACKAGES = {"ceasefire.schema": "schema", "ceasefire.eval": "eval", "ceasefire.annotate": "annotate",
            "ceasefire.baselines": "baselines", "ceasefire.data": "data", "ceasefire": "src/ceasefire"}


def _module(path: Path) -> str:
    for package, folder in sorted(PACKAGES.items(), key=lambda kv: -len(kv[1])):
        base = ROOT / folder
        if path.is_relative_to(base):
            parts = [p for p in path.relative_to(base).with_suffix("").parts if p != "__init__"]
            return ".".join([package, *parts])
    raise ValueError(path)


TOP = ROOT / "src" / "ceasefire" / "api.py"


def _imports(path: Path):
    """(module, line) of every import, relative ones resolved, lazy ones included."""
    here = _module(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((a.name, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(p for p in (base, node.module) if p)
            yield module, node.lineno
            for a in node.names:  # `from . import token_view` imports a module
                yield f"{module}.{a.name}", node.lineno


def _files(folder: str):
    return sorted(p for p in (ROOT / folder).rglob("*.py") if "work" not in p.relative_to(ROOT).parts)


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_no_import_against_the_dependency_order(folder):
    bad = [f"{path.relative_to(ROOT)}:{line}: {name}"
           for path in _files(folder) if path != TOP
           for name, line in _imports(path)
           if name.startswith(FORBIDDEN[folder])]
    assert not bad, bad


def test_annotate_holds_rooms_and_the_dispatcher_only():
    loose = sorted(p.name for p in (ROOT / "annotate").iterdir() if p.is_file() and p.name not in ("__init__.py", "cli.py"))
    rooms = sorted(p.name for p in (ROOT / "annotate").iterdir() if p.is_dir() and p.name != "__pycache__")
    assert not loose and rooms == sorted(ROOMS), (loose, rooms)
    assert len((ROOT / "annotate" / "cli.py").read_text(encoding="utf-8").splitlines()) < 250


@pytest.mark.parametrize("room", sorted(ROOMS))
def test_rooms_import_only_lower_rooms(room):
    bad = []
    for path in _files(f"annotate/{room}"):
        for name, line in _imports(path):
            parts = name.split(".")
            if parts[:2] == ["ceasefire", "annotate"] and len(parts) > 2 and parts[2] != room:
                other = parts[2]
                if other == "cli" or ROOMS.get(other, 99) >= ROOMS[room]:
                    bad.append(f"{path.relative_to(ROOT)}:{line}: {name}")
    assert not bad, bad


def _graph() -> dict[str, set[str]]:
    files = [p for folder in PACKAGES.values() for p in _files(folder)]
    modules = {_module(p): p for p in files}
    graph = {}
    for m, p in modules.items():
        # a module's own ancestor packages are initialised before it (`from ceasefire import
        # __version__` in ceasefire.eval.api): an edge to one closes no cycle
        graph[m] = {n for n, _ in _imports(p) if n in modules and n != m and not m.startswith(n + ".")}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(m):
        state[m] = 1
        path.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_no_import_cycle_between_modules():
    """Lazy imports count too: a cycle through a function-level import is still a knot."""
    assert _cycle(_graph()) is None, " -> ".join(_cycle(_graph()))


def test_the_cycle_check_can_fail():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_the_python_api_is_imported_by_no_package_module():
    # ceasefire/__init__.py re-exports the API on first use (``ceasefire.score``): that is its face, not a use
    facade = ROOT / "src" / "ceasefire" / "__init__.py"
    bad = [f"{path.relative_to(ROOT)}:{line}: {name}"
           for folder in ("schema", "eval", "annotate", "baselines", "data", "src/ceasefire")
           for path in _files(folder) if path not in (TOP, facade)
           for name, line in _imports(path)
           if name == "ceasefire.api"]
    assert not bad, bad
