"""The README is a front page: the two commands CI and users run, the generated counts and
leaderboard, one example per user, and a link to each guide in docs/, whose blocks are current."""

import re
from pathlib import Path

import pytest
from helpers.paths import ROOT

README = ROOT / "README.md"
GUIDES = ("dataset.md", "systems.md", "annotators.md", "maintainers.md")


def _commands():
    text = README.read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text)[:2]


def test_readme_starts_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    main, tests = _commands()
    assert text.index(main) < 600 and text.index(tests) < 800
    assert "pip install -e ." in main and "ceasefire-eval score" in main
    assert "pip install -e '.[test]'" in tests and "pytest" in tests


def test_ci_runs_the_readme_test_command_verbatim():
    _, tests = _commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci


def test_readme_is_a_front_page_linking_every_guide():
    text = README.read_text(encoding="utf-8")
    # the prose stays a front page; the generated tables (statistics, leaderboard) grow with the
    # corpus and the rows, and are not counted
    prose = re.sub(r"<!-- generated:(\w[\w-]*) -->.*?<!-- /generated:\1 -->", "", text, flags=re.S)
    assert prose != text and len(prose.splitlines()) <= 140
    for guide in GUIDES:
        assert f"](docs/{guide}" in text, guide
        assert (ROOT / "docs" / guide).is_file(), guide
    # one short example for each user: load the dataset, score a system, annotate in Label Studio
    for heading, example in (("## Load the dataset", 'load_dataset("data/hf")'), ("## Score a system", "ceasefire-eval run"),
                             ("## Annotate in Label Studio", "ceasefire-annotate serve")):
        section = text.split(heading, 1)[1].split("\n## ", 1)[0]
        assert example in section and "](docs/" in section, heading


@pytest.mark.parametrize("page", ["README.md", *(f"docs/{g}" for g in GUIDES)])
def test_every_relative_link_resolves(page):
    path = ROOT / page
    text = path.read_text(encoding="utf-8")
    bad = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith(("http://", "https://", "#")):
            continue
        file, _, anchor = target.partition("#")
        dest = (path.parent / file).resolve()
        if not dest.exists():
            bad.append(target)
        elif anchor and dest.suffix == ".md":
            headings = {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-")
                        for h in re.findall(r"^#+ (.+)$", dest.read_text(encoding="utf-8"), flags=re.M)}
            if anchor not in headings:
                bad.append(target)
    assert not bad, bad


def test_generated_blocks_are_current(run_cli):
    """The README's counts and the dataset guide's agreement and published figures are the generated blocks, current."""
    where = {"README.md": ("statistics",), "docs/dataset.md": ("agreement-summary", "published-agreement")}
    for page, blocks in where.items():
        text = (ROOT / page).read_text(encoding="utf-8")
        for block in blocks:
            assert f"<!-- generated:{block} -->" in text, (page, block)
        r = run_cli("ceasefire-annotate", "datasheet", "--check", "--path", page)
        assert r.returncode == 0, r.stderr
    assert "<!-- generated:leaderboard -->" in README.read_text(encoding="utf-8")
    r = run_cli("ceasefire-eval", "leaderboard", "--check")
    assert r.returncode == 0, r.stderr


def test_the_benchmark_tables_are_the_ones_the_run_wrote():
    """bench.py --write-docs writes the same text into the maintainers' guide and benchmarks/RESULTS.md."""
    guide = (ROOT / "docs" / "maintainers.md").read_text(encoding="utf-8")
    block = guide.split("<!-- generated:benchmark -->\n", 1)[1].split("<!-- /generated:benchmark -->", 1)[0]
    results = (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    assert block.strip() and results.endswith(block)


def test_the_dataset_guide_says_who_annotated_and_what_the_agreement_measures():
    from ceasefire.annotate.dataset.datasheet import PAIRS, WHO

    text = (ROOT / "docs" / "dataset.md").read_text(encoding="utf-8")
    data = text[text.index("## What is in `data/`"):text.index("## Loading with `datasets`")]
    assert WHO in data and "No human annotated or adjudicated" in data
    assert "No human annotated or adjudicated" in README.read_text(encoding="utf-8")
    assert [label for label, _, _ in PAIRS][:3] == ["E vs F", "E vs gold", "F vs gold"]
    assert "| E vs F | E vs gold | F vs gold | C vs D (history) | A vs B (history) |" in data
    # the guidelines no longer name the answers: the guides must not say they do
    for page in ("README.md", *(f"docs/{g}" for g in GUIDES)):
        assert "settled\n  with an example from the articles" not in (ROOT / page).read_text(encoding="utf-8"), page
    assert "version 2.0" in text


def test_a_file_without_generated_blocks_is_refused(run_cli, tmp_path):
    doc = tmp_path / "notes.md"
    doc.write_text("# Notes\n\nno blocks here\n", encoding="utf-8")
    r = run_cli("ceasefire-annotate", "datasheet", "--check", "--path", doc)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"{doc}: no generated block found; allowed markers: <!-- generated:statistics -->" in r.stderr
    assert doc.read_text(encoding="utf-8") == "# Notes\n\nno blocks here\n"


def test_the_guides_name_the_current_guidelines_and_extras():
    """A guide that names the guidelines' version names the one in the file; a guide that shows
    a command of an extra says which extra to install."""
    version = re.search(r"^Version (\S+) ", (ROOT / "schema" / "GUIDELINES.md").read_text(encoding="utf-8"), re.M).group(1)
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for named in re.findall(r"`schema/GUIDELINES\.md` \(version ([^)]+)\)", text):
            assert named == version, f"{page.name} names guidelines version {named}; the file is version {version}"
        code = "\n".join(re.findall(r"```(?:bash|python)\n(.+?)```", text, re.S))
        if "load_dataset(" in code:
            assert "'.[hf]'" in text or "'.[build]'" in text, f"{page.name} shows load_dataset without naming the extra that installs datasets"
        if "--bootstrap" in code or "ceasefire-eval compare" in code:
            assert "'.[stats]'" in text or "'.[test]'" in text, f"{page.name} shows --bootstrap or compare without naming the stats extra"
