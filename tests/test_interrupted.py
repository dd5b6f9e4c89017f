"""An interrupted command leaves the previous output as it was and no temporary file behind.

Each test runs the real command in a child process (tests/helpers/interrupt_at.py), which
sends the command a signal at one moment of its writing: while the staging folder (or the
temporary file) is half written, and as it is renamed into place, after the old output folder
was renamed away. Before each
run the output exists from an earlier, uninterrupted run. Afterwards:

- the command exits with 128 + the signal's number and says so on one line, without a traceback;
- cut while writing, the output is the earlier one itself: the same folder (inode) holding the
  same files (inodes and bytes);
- cut during the swap of an output folder (or of the pages of a report), the swap finishes: the
  output is the new one, complete (a file output is one rename, cut before it like a folder
  while writing);
- in either case the folder holding the output has nothing else in it than before (no
  ``.NAME.new-*``, ``.NAME.old-*`` or ``.NAME.*.tmp``).

The same for ``pull -o``, which needs a running server, is in
tests/annotate/labelstudio/test_labelstudio_server.py.
"""

from __future__ import annotations

import os
import shutil

import pytest

from helpers.interrupt_at import check_interrupted, contents, interrupt, snapshot
from helpers.paths import ROOT

#: command -> (tool, argv, output name, set-up of its inputs in the working folder)
COMMANDS = {
    "build": ("ceasefire-annotate", ["build", "--out", "hf"], "hf", lambda w: None),
    "import": ("ceasefire-annotate", ["import", "export.json", "-o", "out"], "out",
               lambda w: shutil.copy(ROOT / "data" / "labelstudio" / "export.json", w / "export.json")),
    "import_jsonl": ("ceasefire-annotate", ["import", "export.json", "-o", "out.jsonl"], "out.jsonl",
                     lambda w: shutil.copy(ROOT / "data" / "labelstudio" / "export.json", w / "export.json")),
    "report": ("ceasefire-eval", ["report", "pred.jsonl", "-o", "report.html"], "report.html",
               lambda w: shutil.copy(ROOT / "leaderboard" / "baseline.jsonl", w / "pred.jsonl")),
    "adjudicate": ("ceasefire-annotate", ["adjudicate", "A", "B", "--decisions", "d.yaml", "-o", "out"], "out",
                   lambda w: (shutil.copytree(ROOT / "data" / "annotations" / "A", w / "A"),
                              shutil.copytree(ROOT / "data" / "annotations" / "B", w / "B"),
                              shutil.copy(ROOT / "data" / "adjudication" / "decisions.yaml", w / "d.yaml"))),
}


@pytest.fixture
def earlier(tmp_path, request, run_cli):
    """The working folder, with the command's output from an earlier, uninterrupted run."""
    tool, argv, name, setup = COMMANDS[request.param]
    work = tmp_path / "work"
    work.mkdir()
    setup(work)
    first = run_cli(tool, *argv, cwd=work)
    assert first.returncode == 0, first.stderr
    return tool, argv, work, work / name


#: (command, moment) where the cut comes before the output is replaced: while any output is being
#: written, and for a file output also as its temporary file is to be renamed onto it
CUT_BEFORE = [(c, "writing") for c in sorted(COMMANDS)] + [("import_jsonl", "swap")]


@pytest.mark.parametrize("earlier, moment", CUT_BEFORE, indirect=["earlier"])
@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_cut_before_the_output_is_replaced_leaves_the_earlier_one(earlier, moment, signame):
    tool, argv, work, out = earlier
    before, around = snapshot(out), sorted(os.listdir(work))
    check_interrupted(interrupt(tool, argv, out.name, moment, signame, work), moment, signame)
    assert snapshot(out) == before, "the earlier output was changed"
    assert sorted(os.listdir(work)) == around, "something was left beside the output"


#: the outputs replaced in steps that are held together: a folder (two renames) and a report's pages
SWAP_FINISHES = ["adjudicate", "build", "import", "report"]


@pytest.mark.parametrize("earlier", SWAP_FINISHES, indirect=True)
@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_cut_during_the_swap_finishes_it(earlier, signame):
    """Between the two renames of the swap there is no output at all; the signal waits for the second."""
    tool, argv, work, out = earlier
    before, around = snapshot(out), sorted(os.listdir(work))
    check_interrupted(interrupt(tool, argv, out.name, "swap", signame, work), "swap", signame)
    assert out.exists(), "the output is gone: the old one was renamed away and the new one never came"
    assert contents(out) == {k: digest for k, (_, digest) in before.items()}, "the new output is not complete"
    assert snapshot(out)[out.name][0] != before[out.name][0], "the output was not the new folder"
    assert sorted(os.listdir(work)) == around, "something was left beside the output"


@pytest.mark.parametrize("earlier", sorted(COMMANDS), indirect=True)
def test_what_a_sigkill_left_is_named_and_kept(earlier, run_cli):
    """SIGKILL cannot be caught or held: what a killed run left beside the output (a staging or
    previous folder, a temporary or part file, in the names this project makes) is named by the
    next run on one line of stderr, and neither read nor removed. A look-alike without a
    manifest, made by somebody else, is not named."""
    tool, argv, work, out = earlier
    left_old = work / f".{out.name}.old-k1ll3d"
    left_old.mkdir()
    (left_old / ".ceasefire-output").write_text("# written by ceasefire\nx.json\n", encoding="utf-8")
    (left_old / "x.json").write_text("{}", encoding="utf-8")
    left_tmp = work / f".{out.name}.a1b2c3.tmp"
    left_tmp.write_text("half", encoding="utf-8")
    theirs = work / f".{out.name}.new-theirs"
    theirs.mkdir()
    before = snapshot(left_old) | snapshot(theirs)
    r = run_cli(tool, *argv, cwd=work)
    assert r.returncode == 0, r.stderr
    notes = [line for line in r.stderr.splitlines() if line.startswith("note: beside")]
    assert len(notes) == 1 and left_old.name in notes[0] and left_tmp.name in notes[0] and theirs.name not in notes[0], r.stderr
    assert snapshot(left_old) | snapshot(theirs) == before and left_tmp.read_text(encoding="utf-8") == "half"
