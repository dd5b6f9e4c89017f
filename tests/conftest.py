"""Shared fixtures (the helpers they use are in tests/helpers/)."""

import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import ROOT


@pytest.fixture
def run_cli():
    """Run a console entry point as a user would; return the CompletedProcess."""

    def run(tool: str, *args: str, cwd: Path | None = None, input: str | None = None):
        module = {"ceasefire-eval": "ceasefire.eval.cli", "ceasefire-annotate": "ceasefire.annotate.cli"}[tool]
        return subprocess.run(
            [sys.executable, "-m", module, *map(str, args)],
            capture_output=True, text=True, cwd=cwd or ROOT, input=input, timeout=600,
        )

    return run
