"""Where the repository and the tests' data files are, for tests at any depth of tests/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
EXAMPLES = TESTS / "examples"
PLUGINS = TESTS / "plugins"
FIXTURES = TESTS / "fixtures"
