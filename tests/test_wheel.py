"""The wheel stands alone: built from the checkout, installed in a fresh venv (with the
'build' extra, which `build --check` needs), every command runs from a folder outside the
checkout without a traceback, and what the messages point to is inside it."""

import os
import subprocess
import sys
import zipfile

import pytest
from helpers.paths import ROOT



def _sub_commands(module: str) -> list[str]:
    import importlib

    parser = importlib.import_module(module).build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    import shutil

    tmp = tmp_path_factory.mktemp("wheel")
    # built from a clean copy: setuptools builds in the source tree, and a build/ left there would
    # carry files the checkout no longer has (and the suite must not write into the checkout)
    source = tmp / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", ".labelstudio"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "dist", source], check=True, timeout=600)
    wheel = next((tmp / "dist").glob("ceasefire-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, timeout=600)
    # a real install with its dependencies (pip's cache makes it quick)
    subprocess.run([venv / "bin" / "pip", "install", "-q", f"{wheel}[build]"], check=True, timeout=1200, capture_output=True)
    outside = tmp / "elsewhere"
    outside.mkdir()
    site = next((venv / "lib").glob("python*/site-packages"))
    return {"wheel": wheel, "venv": venv, "cwd": outside, "site": site / "ceasefire"}


def _run(installed, tool, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1", HF_HOME=str(installed["cwd"] / ".hf"))
    return subprocess.run([installed["venv"] / "bin" / tool, *map(str, args)], cwd=installed["cwd"], env=env,
                          capture_output=True, text=True, timeout=600)


def test_the_wheel_holds_what_commands_read_and_point_to(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for path in ("schema/FORMAT.md", "schema/schema.yaml", "eval/METRICS.md", "schema/GUIDELINES.md", "annotate/dataset/card_body.md",
                 "annotate/labelstudio/labelstudio.xml",
                 "LICENSE", "LICENSE-DATA.md", "DATASHEET.md", "data/gold/corpus.json", "data/hf/README.md",
                 "data/hf/documents/test.parquet", "leaderboard/systems.yaml", "leaderboard/baseline.jsonl"):
        assert f"ceasefire/{path}" in names, path
    assert "MIT License" in (installed["site"] / "LICENSE").read_text(encoding="utf-8")
    meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(installed["wheel"]).read(meta).decode()
    assert "License-Expression: MIT" in text and "License-File: LICENSE" in text


@pytest.mark.parametrize("tool,module", [("ceasefire-eval", "ceasefire.eval.cli"), ("ceasefire-annotate", "ceasefire.annotate.cli")])
def test_every_help_runs_outside_the_checkout(installed, tool, module):
    for args in ([], *([c] for c in _sub_commands(module))):
        r = _run(installed, tool, *args, "--help")
        assert r.returncode == 0 and "Traceback" not in r.stderr, (args, r.stderr)
        assert "usage:" in r.stdout


def test_the_commands_run_outside_the_checkout(installed):
    site, cwd = installed["site"], installed["cwd"]
    runs = [
        ("ceasefire-eval", "validate", site / "data" / "gold"),
        ("ceasefire-eval", "validate", "--predictions", site / "data" / "annotations" / "B"),
        ("ceasefire-eval", "score", site / "data" / "annotations" / "B", "--format", "table", "--bootstrap", "20"),
        ("ceasefire-eval", "prompt", "--layers", "mentions,events", "-o", cwd / "prompt.md", "--json-schema", cwd / "answer.json"),
        ("ceasefire-eval", "report", site / "data" / "annotations" / "B", "-o", cwd / "report.html"),
        ("ceasefire-annotate", "build", "--check"),
        ("ceasefire-annotate", "records", "--from", site / "data" / "hf", "-o", cwd / "gold_again"),
        ("ceasefire-annotate", "summary"),
    ]
    for tool, *args in runs:
        r = _run(installed, tool, *args)
        assert r.returncode == 0 and "Traceback" not in r.stderr, (args, r.stdout[-500:], r.stderr[-2000:])
    assert "METRICS.md" in _run(installed, "ceasefire-eval", "score", "--help").stdout
    assert (cwd / "report.html").stat().st_size > 10_000 and "mentions" in (cwd / "prompt.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in (cwd / "gold_again").glob("*.json")) == sorted(p.name for p in (ROOT / "data" / "gold").glob("*.json"))


def test_a_command_that_needs_a_checkout_says_so(installed):
    r = _run(installed, "ceasefire-eval", "leaderboard")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "checkout" in r.stderr


def test_the_core_install_names_the_extra_a_command_needs(installed, tmp_path):
    """The core install (PyYAML only) scores; what needs an extra says which, in one line, exit 2."""
    venv = tmp_path / "core"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, timeout=600)
    subprocess.run([venv / "bin" / "pip", "install", "-q", installed["wheel"]], check=True, timeout=600, capture_output=True)
    core = dict(installed, venv=venv, site=next((venv / "lib").glob("python*/site-packages")) / "ceasefire")
    b = core["site"] / "data" / "annotations" / "B"
    r = _run(core, "ceasefire-eval", "score", b, "--format", "table")
    assert r.returncode == 0 and "mentions.strict" in r.stdout, r.stderr
    for tool, args, extra in (("ceasefire-eval", ["score", b, "--bootstrap", "10"], "stats"),
                              ("ceasefire-eval", ["compare", b, b], "stats"),
                              ("ceasefire-annotate", ["records", "--from", core["site"] / "data" / "hf", "-o", tmp_path / "out"], "hf"),
                              ("ceasefire-annotate", ["build", "--check"], "build")):
        r = _run(core, tool, *args)
        assert r.returncode == 2 and "Traceback" not in r.stderr, (args, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and f"ceasefire[{extra}]" in r.stderr, (args, r.stderr)
    assert not (tmp_path / "out").exists()
