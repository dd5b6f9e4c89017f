"""The README's two commands are the ones CI and users run."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text)[:2]


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    main, tests = _commands()
    assert text.index(main) < 600 and text.index(tests) < 800
    assert "pip install -e ." in main and "ceasefire-eval score" in main
    assert "pip install -e '.[test]'" in tests and "pytest" in tests


def test_ci_runs_the_readme_test_command_verbatim():
    _, tests = _commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci


def test_readme_figures_are_generated_and_current(run_cli):
    """The README's counts, agreement and published figures are the generated blocks, current."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in ("statistics", "agreement-summary", "published-agreement"):
        assert f"<!-- generated:{block} -->" in text, block
    r = run_cli("ceasefire-annotate", "datasheet", "--check", "--path", "README.md")
    assert r.returncode == 0, r.stderr


def test_readme_says_who_annotated_and_what_the_agreement_measures():
    from ceasefire.annotate.dataset.datasheet import PAIRS, WHO

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    data = text[text.index("## The data"):text.index("## Loading with `datasets`")]
    assert WHO in data and "No human annotated or adjudicated" in data
    assert [label for label, _, _ in PAIRS][:3] == ["C vs D", "C vs gold", "D vs gold"]
    assert "| C vs D | C vs gold | D vs gold | A vs B (history) |" in data
    # the guidelines no longer name the answers: README must not say they do
    assert "settled\n  with an example from the articles" not in text and "version 2.0" in text


def test_a_file_without_generated_blocks_is_refused(run_cli, tmp_path):
    doc = tmp_path / "notes.md"
    doc.write_text("# Notes\n\nno blocks here\n", encoding="utf-8")
    r = run_cli("ceasefire-annotate", "datasheet", "--check", "--path", doc)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"{doc}: no generated block found; allowed markers: <!-- generated:statistics -->" in r.stderr
    assert doc.read_text(encoding="utf-8") == "# Notes\n\nno blocks here\n"
