"""What every command of both tools does alike (issue 27): its --help documents each argument,
it ends quietly when the reader of its output goes away (``cmd | head``), a missing extra is
named once, and what it writes by default in the current folder is ignored by git.

The help rules walk the parsers themselves, so that a command or option added later is held to
them without a line here: every option and positional has a help text; one that may be left out
says its default (or that it is required); an option that several commands take has one metavar
(the exceptions below say why theirs differ); a command that redeclares a shared option of
``ceasefire._cli.OPTIONS`` with its metavar and requiredness takes its help too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import pytest

from helpers.paths import PLUGINS, ROOT

from ceasefire._cli import EXIT_READER_GONE, OPTIONS
from ceasefire.annotate.cli import build_parser as annotate_parser
from ceasefire.eval.cli import build_parser as eval_parser
from ceasefire.extras import COMMAND_EXTRA, MODULE_EXTRA, PURPOSE, missing_extra

TOOLS = {"ceasefire-eval": eval_parser, "ceasefire-annotate": annotate_parser}
#: option -> its metavars, where one option string means different things in different commands
#: (renaming an option would break users' scripts)
METAVAR_EXCEPTIONS = {
    "--corpus": {"DIR", "MODULE:FUNCTION"},  # run's names the cross-document function, as preannotate's --corpus-function
    "--out": {"DIR", "FILE"},               # jsonschema and build write a folder, config one file
    "-o": {"FILE", "PATH"},                 # PATH: a records folder or a .jsonl file
}
FLAGS = (argparse._StoreTrueAction, argparse._StoreFalseAction, argparse._HelpAction, argparse._VersionAction)


def _subcommands():
    for tool, build in TOOLS.items():
        sub = next(a for a in build()._actions if isinstance(a, argparse._SubParsersAction))
        for name, parser in sub.choices.items():
            yield tool, name, parser


def _arguments():
    for tool, name, parser in _subcommands():
        for action in parser._actions:
            if not isinstance(action, argparse._HelpAction):
                yield tool, name, action


def _label(tool, name, action) -> str:
    return f"{tool} {name} {'/'.join(action.option_strings) or action.metavar or action.dest}"


def test_every_argument_has_a_help_text():
    missing = [_label(*a) for a in _arguments() if not a[2].help or a[2].help == argparse.SUPPRESS]
    assert not missing, missing


def test_every_argument_that_may_be_left_out_states_its_default():
    def optional(action) -> bool:
        if isinstance(action, FLAGS) or action.required:
            return False
        return bool(action.option_strings) or action.nargs in ("?", "*")
    silent = [_label(*a) for a in _arguments() if optional(a[2]) and not any(w in (a[2].help or "") for w in ("default", "required"))]
    assert not silent, silent


def test_an_option_of_several_commands_has_one_metavar():
    metavars: dict[str, set] = {}
    for _, _, action in _arguments():
        if action.option_strings and not isinstance(action, FLAGS) and action.choices is None:
            metavars.setdefault(action.option_strings[0], set()).add(str(action.metavar))
    differing = {o: m for o, m in metavars.items() if len(m) > 1 and m != METAVAR_EXCEPTIONS.get(o)}
    assert not differing, differing


def test_a_redeclared_shared_option_keeps_its_help():
    shared = {(flags, kw.get("metavar"), bool(kw.get("required"))): kw["help"] for flags, kw in OPTIONS.values()}
    drifted = []
    for tool, name, action in _arguments():
        key = (tuple(action.option_strings) or (action.dest,), action.metavar, bool(action.required))
        if key in shared and action.help != shared[key]:
            drifted.append((_label(tool, name, action), action.help, shared[key]))
    assert not drifted, drifted


def test_the_walk_sees_every_command():
    """The rules above are only as good as the walk: it meets every command of both tools."""
    names = {name for _, name, _ in _subcommands()}
    assert {"score", "run", "report", "diff", "adjudicate", "add", "serve", "records", "summary"} <= names
    assert len(names) == 8 + 16


def test_run_says_it_needs_a_function_or_a_command(run_cli):
    usage = run_cli("ceasefire-eval", "run", "--help").stdout.splitlines()[0]
    assert "(MODULE:FUNCTION | --command CMD)" in usage
    r = run_cli("ceasefire-eval", "run", "--format", "json")
    assert r.returncode == 2 and "one of the arguments MODULE:FUNCTION --command is required" in r.stderr
    r = run_cli("ceasefire-annotate", "preannotate", "x:y", "--command", "true", "-o", "p.jsonl")
    assert r.returncode == 2 and "not allowed with" in r.stderr


# -- a reader that goes away ------------------------------------------------------------------

def _into_a_closed_pipe(tool: str, *args, cwd=ROOT, stderr_too: bool = False) -> subprocess.CompletedProcess:
    """Run the command with stdout (and with ``stderr_too``, stderr) a pipe whose reader has already
    closed it: the command's first write, or its last flush, meets EPIPE every time, not when a
    `head` happens to be quicker than the writer."""
    module = {"ceasefire-eval": "ceasefire.eval.cli", "ceasefire-annotate": "ceasefire.annotate.cli"}[tool]
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", module, *map(str, args)], stdout=write,
                              stderr=write if stderr_too else subprocess.PIPE, cwd=cwd, timeout=600)
    finally:
        os.close(write)


#: (tool, arguments): commands that print a lot (diff, tasks), a little (validate, summary), and
#: a table after scoring
PIPED = {
    "diff": ("ceasefire-annotate", ["diff", "data/annotations/A", "data/annotations/B"]),
    "summary": ("ceasefire-annotate", ["summary"]),
    "tasks": ("ceasefire-annotate", ["tasks"]),
    "config": ("ceasefire-annotate", ["config", "--out", "-"]),
    "validate": ("ceasefire-eval", ["validate", "data/gold"]),
    "score": ("ceasefire-eval", ["score", "data/annotations/B", "--format", "table"]),
    "agree": ("ceasefire-eval", ["agree", "data/annotations/C", "data/annotations/D"]),
}


@pytest.mark.parametrize("case", sorted(PIPED))
def test_a_closed_pipe_ends_the_command_quietly(case):
    tool, args = PIPED[case]
    r = _into_a_closed_pipe(tool, *args)
    assert r.returncode == EXIT_READER_GONE == 141, r.stderr.decode()
    assert r.stderr == b"", r.stderr.decode()  # no traceback, no "Exception ignored" at exit, no message


def test_help_into_a_closed_pipe_is_quiet():
    """argparse prints --help itself and ignores the closed pipe: exit 0, as `--help` always exits."""
    r = _into_a_closed_pipe("ceasefire-eval", "score", "--help")
    assert (r.returncode, r.stderr) == (0, b"")


def test_a_closed_pipe_on_stdout_and_stderr(tmp_path):
    """`cmd 2>&1 | head`: the problems meet the closed pipe too."""
    r = _into_a_closed_pipe("ceasefire-annotate", "lint", "data/annotations/B", stderr_too=True)
    assert r.returncode == EXIT_READER_GONE


def test_what_a_command_writes_is_complete_when_its_reader_went_away(tmp_path):
    """`run` writes the predictions, then prints the scores into the closed pipe: the file is whole;
    `prompt` writes the answer's schema before printing the instructions."""
    pred = tmp_path / "p.jsonl"
    r = _into_a_closed_pipe("ceasefire-eval", "run", "toy_extractor:names", "-p", pred, "--format", "table", cwd=PLUGINS)
    assert r.returncode == EXIT_READER_GONE and b"Traceback" not in r.stderr, r.stderr.decode()
    assert [json.loads(line)["id"] for line in pred.read_text(encoding="utf-8").splitlines()] == ["000_8ce9f93fccec955a", "004_2b10ae636b3461d6"]
    r = _into_a_closed_pipe("ceasefire-eval", "prompt", "--json-schema", tmp_path / "answer.json")
    assert r.returncode == EXIT_READER_GONE and b"Traceback" not in r.stderr
    assert json.loads((tmp_path / "answer.json").read_text(encoding="utf-8"))["type"] == "object"


def test_publish_goes_on_when_its_reader_went_away():
    """`publish` prints the files it uploads before it uploads them: a closed pipe must not cut the
    upload short, so it goes on to the end (the dry run here: its checks, exit 0)."""
    r = _into_a_closed_pipe("ceasefire-annotate", "publish", "--repo-id", "my-org/ceasefire", "--dry-run")
    assert (r.returncode, r.stderr) == (0, b""), r.stderr.decode()


def test_an_open_pipe_still_gets_everything(tmp_path):
    """The control: with a reader that reads to the end, the same command exits 0 with its whole output."""
    r = subprocess.run([sys.executable, "-m", "ceasefire.annotate.cli", "diff", "data/annotations/A", "data/annotations/B"],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0 and r.stdout.rstrip().endswith("differences in all") and r.stderr == ""


# -- missing extras ---------------------------------------------------------------------------

COMMANDS = sorted({name for _, name, _ in _subcommands()})


@pytest.mark.parametrize("module", sorted(MODULE_EXTRA))
@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_module_names_one_extra(command, module):
    message = missing_extra(ModuleNotFoundError(f"No module named '{module}'", name=module), command)
    extra = COMMAND_EXTRA.get(command, MODULE_EXTRA[module])
    named = {e for e in PURPOSE if f"'{e}'" in message or f"[{e}]" in message}
    assert named == {extra}, message
    assert f"`{command}` needs {module}" in message


def test_build_names_the_build_extra_whatever_it_misses():
    for module in ("pyarrow", "datasets", "huggingface_hub", "numpy"):
        message = missing_extra(ModuleNotFoundError(name=module), "build")
        assert "ceasefire[build]" in message and "'hf'" not in message and "[hf]" not in message, message


# -- default outputs --------------------------------------------------------------------------

#: the destinations of the options that name what a command writes
OUTPUT_DESTS = {"output", "out", "predictions", "json_schema", "template", "dir"}


def test_what_commands_write_by_default_is_ignored_by_git():
    """`run` writes predictions.jsonl, `prompt` answer.schema.json and `serve` .labelstudio/ in the
    current folder unless told otherwise: in a checkout, git ignores them."""
    # a folder's pattern (".labelstudio/") matches a path said to be a folder, as git cannot see one that is not there yet
    defaults = {a.default + "/" * (a.dest == "dir") for _, _, a in _arguments()
                if a.dest in OUTPUT_DESTS and isinstance(a.default, str) and a.default != "-"}
    assert {"predictions.jsonl", "answer.schema.json", ".labelstudio/"} <= defaults
    r = subprocess.run(["git", "check-ignore", *sorted(defaults)], capture_output=True, text=True, cwd=ROOT)
    assert sorted(r.stdout.split()) == sorted(defaults), r.stdout


# -- what a refusal says ----------------------------------------------------------------------

def _main(tool, argv, capsys):
    from ceasefire.annotate.cli import main as annotate_main
    from ceasefire.eval.cli import main as eval_main

    code = (eval_main if tool == "ceasefire-eval" else annotate_main)([str(a) for a in argv])
    return code, capsys.readouterr().err.splitlines()


def test_only_a_command_that_writes_says_nothing_was_written(capsys, tmp_path):
    """`lint` and `validate` write nothing, so their count does not say so; `import` was to write."""
    for tool, argv in (("ceasefire-annotate", ["lint", ROOT / "data" / "annotations" / "B"]),
                       ("ceasefire-eval", ["validate", ROOT / "data" / "annotations" / "B" / "corpus.json", ROOT / "tests" / "examples" / "bad"])):
        code, err = _main(tool, argv, capsys)
        assert code == 2 and err[-1].endswith(" found."), err[-3:]
    code, err = _main("ceasefire-annotate", ["import", ROOT / "data" / "labelstudio" / "export.json", "-o", tmp_path / "no" / "out"], capsys)
    assert code == 2 and err[-1] == "1 problem found; nothing was written.", err
