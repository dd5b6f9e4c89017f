"""Installed size of the core and of each extra, each in a fresh virtual environment.

    python benchmarks/install_sizes.py [--extras core,stats,hf,...] [--wheel DIR]

Builds the wheel (``pip wheel --no-deps``), then for each extra makes a new venv, installs
``ceasefire[extra]`` from the wheel and measures its site-packages minus that of an empty
venv (pip and setuptools are not counted). Prints one Markdown row per extra; the
table in docs/systems.md ("Python API and installs") comes from this.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def size(path: Path) -> int:
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            p = Path(dirpath, f)
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def site_packages(venv: Path) -> Path:
    return next((venv / "lib").glob("python*/site-packages"))


def main() -> int:
    extras = ["core", *tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--extras", default=",".join(e for e in extras if e != "bench"), help="comma-separated (default: all but bench)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        import shutil

        source = tmp / "source"  # a clean copy: a build/ left in the checkout would leak into the wheel
        shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", ".labelstudio"))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "wheel", source], check=True)
        wheel = next((tmp / "wheel").glob("*.whl"))
        subprocess.run([sys.executable, "-m", "venv", tmp / "empty"], check=True)
        base = size(site_packages(tmp / "empty"))
        print("| install | installed size (MB) | packages |\n|---|---:|---:|")
        for extra in args.extras.split(","):
            venv = tmp / f"v-{extra}"
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
            spec = str(wheel) if extra == "core" else f"{wheel}[{extra}]"
            subprocess.run([venv / "bin" / "pip", "install", "-q", spec], check=True, stderr=subprocess.DEVNULL)
            n = len(list(site_packages(venv).glob("*.dist-info")))
            label = "`pip install ceasefire` (core)" if extra == "core" else f"`pip install 'ceasefire[{extra}]'`"
            print(f"| {label} | {(size(site_packages(venv)) - base) / 1e6:.1f} | {n} |", flush=True)
            subprocess.run(["rm", "-rf", venv], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
