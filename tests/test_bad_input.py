"""Bad input, as a careless or hostile user gives it: one message, exit 2, nothing touched.

Every row of CASES runs one command (in-process, through the same ``main`` as the console
script) in a fresh folder that holds the files the row sets up, and checks the rules of the
docs/maintainers.md, "Bad input":

- exit code 2 and exactly one ``error:`` line, holding every fragment the row names (file,
  line, document, field, bad value, what is allowed);
- no traceback (an exception escaping ``main`` fails the test);
- no file created, changed or deleted, in the working folder, beside it, or in the
  repository's data (a pre-existing ``-o`` file stays byte-identical).

The rows come from the bad-input sweep (issue 13), the commands added since (issue 21) and the
cases a careful tester tries next. The second pass of issue 21 searched for more of each class it
fixed: every place that reads a folder the user hands over (`grep` for `iterdir`, `glob`,
`read_bytes`, `os.open` under annotate/ and eval/: corpus folders, server folders,
`leaderboard --root`), every option whose value becomes an id or a file name (the argparse
declarations: `--corpus-id`, `--project`, `--document`), every `return 1`, and every field of a
record whose wrong type made the validator repeat itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from helpers.paths import ROOT

from ceasefire.annotate.cli import main as annotate_main
from ceasefire.eval.cli import main as eval_main

DOC0, DOC4 = "000_8ce9f93fccec955a", "004_2b10ae636b3461d6"
BASELINE = ROOT / "leaderboard" / "baseline.jsonl"
EXPORT = ROOT / "data" / "labelstudio" / "export.json"
SCHEMA = ROOT / "schema" / "schema.yaml"
PLUGINS = ROOT / "tests" / "plugins"


# -- setting up the files of a case ---------------------------------------------------------

def baseline_records() -> list[dict]:
    return [json.loads(line) for line in BASELINE.read_text(encoding="utf-8").splitlines()]


def write_records(path: Path, records: list[dict]) -> None:
    # ASCII escapes, so that a lone surrogate is written as "\\ud800", as a hostile file holds it
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def preds(edit=None, name="pred.jsonl"):
    """Set-up: the baseline's predictions, with ``edit(records)`` applied."""
    def make(tmp: Path) -> None:
        records = baseline_records()
        if edit:
            edit(records)
        write_records(tmp / name, records)
    return make


def raw(name: str, content: str | bytes):
    def make(tmp: Path) -> None:
        (tmp / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return make


def export(edit=None, name="export.json"):
    def make(tmp: Path) -> None:
        tasks = json.loads(EXPORT.read_text(encoding="utf-8"))
        if edit:
            edit(tasks)
        (tmp / name).write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return make


def schema_file(edit):
    def make(tmp: Path) -> None:
        import yaml

        raw_schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
        edit(raw_schema)
        (tmp / "schema.yaml").write_text(yaml.safe_dump(raw_schema, allow_unicode=True), encoding="utf-8")
    return make


def both(*makers):
    def make(tmp: Path) -> None:
        for m in makers:
            m(tmp)
    return make


def fifo(name: str):
    def make(tmp: Path) -> None:
        os.mkfifo(tmp / name)
    return make


def folder(name: str, *files: str):
    def make(tmp: Path) -> None:
        (tmp / name).mkdir()
        for f in files:
            (tmp / name / f).write_text("the user's own file\n", encoding="utf-8")
    return make


def first_mention(records, **change):
    records[0]["mentions"][0].update(change)


def drop_key(records, key):
    del records[0]["mentions"][0][key]


def ls_folder(credentials: str | None = None, state: str | None = None):
    """Set-up: a server folder `ls` as `serve` leaves it, with these credentials.json and serve.json."""
    good = json.dumps({"username": "a@b.c", "password": "p", "token": "0" * 40})

    def make(tmp: Path) -> None:
        (tmp / "ls").mkdir()
        (tmp / "ls" / "credentials.json").write_text(good if credentials is None else credentials, encoding="utf-8")
        if state is not None:
            (tmp / "ls" / "serve.json").write_text(state, encoding="utf-8")
    return make


def ls_link(name: str, dangling: bool = False):
    """Set-up: the server folder's ``name`` replaced by a symbolic link to a file beside the working
    folder (which does not exist when ``dangling``: `serve` would create it there)."""
    def make(tmp: Path) -> None:
        target = tmp / "ls" / name
        beside = tmp.parent / f"beside-{name}"
        if target.exists():
            beside.write_bytes(target.read_bytes())
            target.unlink()
        elif not dangling:
            beside.write_text("a file beside the working folder\n", encoding="utf-8")
        target.symlink_to(beside)
    return make


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def systems(text: str):
    """Set-up: a checkout-like folder `r` whose leaderboard/systems.yaml holds ``text`` (and the baseline beside it)."""
    def make(tmp: Path) -> None:
        (tmp / "r" / "leaderboard").mkdir(parents=True)
        shutil.copy(BASELINE, tmp / "r" / "leaderboard" / "baseline.jsonl")
        (tmp / "r" / "README.md").write_text("<!-- generated:leaderboard -->\n<!-- /generated:leaderboard -->\n", encoding="utf-8")
        (tmp / "r" / "leaderboard" / "systems.yaml").write_text(text, encoding="utf-8")
    return make


def region_id_to_number(tasks):
    """Every item and relation of one mention's region carries the id 7 instead of a string."""
    result = tasks[0]["annotations"][0]["result"]
    rid = next(r["id"] for r in result if r["type"] == "labels" and r["from_name"] == "mention")
    for r in result:
        if r.get("id") == rid:
            r["id"] = 7
        for end in ("from_id", "to_id"):
            if r.get(end) == rid:
                r[end] = 7


def relation_result(tasks):
    return next(r for r in tasks[0]["annotations"][0]["result"] if r["type"] == "relation")



def copied(src: Path, name: str):
    """Set-up: a copy of a shipped folder (annotations, articles) under ``name``."""
    def make(tmp: Path) -> None:
        shutil.copytree(src, tmp / name)
    return make


def corpus(edit=None, name="c"):
    """Set-up: a corpus folder laid out like data/ (articles/ with articles.json, gold/), its
    manifest passed through ``edit(entries)``."""
    def make(tmp: Path) -> None:
        shutil.copytree(ROOT / "data" / "articles", tmp / name / "articles")
        shutil.copytree(ROOT / "data" / "gold", tmp / name / "gold")
        if edit:
            manifest = tmp / name / "articles" / "articles.json"
            entries = json.loads(manifest.read_text(encoding="utf-8"))
            edit(entries)
            manifest.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return make


def link_beside(rel: str, name="c"):
    """Set-up: the corpus file articles/``rel`` replaced by a symbolic link to a copy beside the working folder."""
    def make(tmp: Path) -> None:
        target = tmp / name / "articles" / rel
        beside = tmp.parent / ("beside" + Path(rel).suffix)
        beside.write_bytes(target.read_bytes())
        target.unlink()
        target.symlink_to(beside)
    return make


def seed_link(name="c"):
    """Set-up: the corpus's first article replaced by a symbolic link to a file beside the working folder."""
    return link_beside(f"{DOC0}.txt", name)


def link_manifest(name="c"):
    return link_beside("articles.json", name)


def link_inside(name="c"):
    """Set-up: the corpus's first article replaced by a symbolic link to a copy inside the corpus (gold/)."""
    def make(tmp: Path) -> None:
        article = tmp / name / "articles" / f"{DOC0}.txt"
        (tmp / name / "gold" / "copy.txt").write_bytes(article.read_bytes())
        article.unlink()
        article.symlink_to(Path("..") / "gold" / "copy.txt")
    return make


def decisions(extra: str = "", edit=None, name="d.yaml"):
    """Set-up: the shipped decisions file (which adjudicates the copies A and B), with ``edit(text)``
    applied and ``extra`` appended."""
    def make(tmp: Path) -> None:
        text = (ROOT / "data" / "adjudication" / "decisions.yaml").read_text(encoding="utf-8")
        (tmp / name).write_text((edit(text) if edit else text) + extra, encoding="utf-8")
    return make


def first_decision(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


def ann(*more):
    return both(copied(ROOT / "data" / "annotations" / "A", "A"), copied(ROOT / "data" / "annotations" / "B", "B"), *more)


def ann_record(side: str, edit):
    def make(tmp: Path) -> None:
        f = tmp / side / f"{DOC0}.json"
        rec = json.loads(f.read_text(encoding="utf-8"))
        edit(rec)
        f.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    return make


def misname(record: dict, key: str) -> None:
    """The list ``key`` of a record under a wrong name: "mentions" -> "mention"."""
    record[key[:-1]] = record.pop(key)


def gold_file(name: str, edit):
    """Set-up: the file ``name`` of the gold copy ``g`` passed through ``edit(record)``."""
    def make(tmp: Path) -> None:
        f = tmp / "g" / name
        rec = json.loads(f.read_text(encoding="utf-8"))
        edit(rec)
        f.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    return make


def one_document_gold(name="one.jsonl"):
    """Set-up: valid gold of the first article alone (its record and a corpus record listing it)."""
    def make(tmp: Path) -> None:
        doc = json.loads((ROOT / "data" / "gold" / f"{DOC0}.json").read_text(encoding="utf-8"))
        corpus_record = {"record": "corpus", "id": "one", "documents": [DOC0], "entity_clusters": [], "event_clusters": [], "relations": []}
        write_records(tmp / name, [doc, corpus_record])
    return make


LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi")) + "decisions: *i\n"
ADJ = ["adjudicate", "A", "B", "--decisions", "d.yaml", "-o", "out"]
#: an extractor that writes to stderr without end (a program on one line of `python -c`)
STDERR_FOREVER = f"{sys.executable} -c \"import sys; [sys.stderr.write('x' * 65536) for _ in iter(int, 1)]\""

# -- the table -------------------------------------------------------------------------------
# id: (tool, argv, set-up, fragments the first error line must hold[, number of error lines])
# `run` reports a failing extractor once per document: two lines for the two articles.
E, A = "eval", "annotate"
CASES = {
    # critical and high: paths from input, deleting, clobbering
    "import_doc_id_absolute": (A, ["import", "export.json", "-o", "out"],
                               export(lambda t: t[0]["data"].update(doc_id="/tmp/victim")),
                               ["export.json task", "data.doc_id", '"/tmp/victim"', "is not a document id", "allowed: strings matching"]),
    "import_doc_id_parent": (A, ["import", "export.json", "-o", "out"], export(lambda t: t[0]["data"].update(doc_id="../../x")),
                             ["data.doc_id", '"../../x"']),
    "import_into_cwd": (A, ["import", "export.json", "-o", "."], both(export(), raw("notes.txt", "mine\n")),
                        [".: -o:", "overlaps the input export.json"]),
    "import_into_foreign_folder": (A, ["import", "export.json", "-o", "mine"], both(export(), folder("mine", "a.txt")),
                                   ["mine: -o:", "did not write", "allowed: a new or empty folder"]),
    "import_into_file": (A, ["import", "export.json", "-o", "notes.txt"], both(export(), raw("notes.txt", "mine\n")),
                         ["notes.txt: -o:", "is a file"]),
    "import_jsonl_onto_input": (A, ["import", "export.jsonl", "-o", "export.jsonl"], export(name="export.jsonl"),
                                ["export.jsonl: -o:", "is also an input"]),
    "build_into_foreign_folder": (A, ["build", "--out", "mine"], folder("mine", "thesis.tex"),
                                  ["mine: --out:", "did not write"]),
    "build_into_file": (A, ["build", "--out", "notes.txt"], raw("notes.txt", "mine\n"), ["notes.txt: --out:", "is a file"]),
    "build_into_gold": (A, ["build", "--out", str(ROOT / "data" / "gold")], None, ["--out:", "overlaps the input"]),
    "score_onto_its_input": (E, ["score", "pred.jsonl", "-o", "pred.jsonl"], preds(), ["pred.jsonl: -o:", "is also an input"]),
    "score_onto_a_link_to_its_input": (E, ["score", "pred.jsonl", "-o", "link.jsonl"],
                                       both(preds(), lambda tmp: (tmp / "link.jsonl").symlink_to(tmp / "pred.jsonl")),
                                       ["link.jsonl: -o:", "is also an input"]),
    "import_into_a_link_to_the_export_folder": (A, ["import", "e/export.json", "-o", "out"],
                                                both(folder("e"), export(name="e/export.json"), lambda tmp: (tmp / "out").symlink_to(tmp / "e")),
                                                ["out: -o:", "overlaps the input"]),
    "score_into_input_folder": (E, ["score", "p", "-o", "p/scores.json"], both(folder("p"), preds(name="p/pred.jsonl")),
                                ["-o:", "inside the input folder p"]),
    "score_onto_gold": (E, ["score", "pred.jsonl", "-o", str(ROOT / "data" / "gold" / "corpus.json")], preds(),
                        ["corpus.json: -o:", "inside the input folder"]),
    "score_output_is_folder": (E, ["score", "pred.jsonl", "-o", "d"], both(preds(), folder("d")), ["d: -o:", "is a folder"]),
    "score_output_under_file": (E, ["score", "pred.jsonl", "-o", "notes.txt/x.json"], both(preds(), raw("notes.txt", "x")),
                                ["-o:", "which is not a folder"]),
    "score_output_in_proc": (E, ["score", "pred.jsonl", "-o", "/proc/ceasefire.json"], preds(), ["/proc/ceasefire.json: -o:", "cannot be written"]),
    "report_onto_its_input": (E, ["report", "pred.jsonl", "-o", "pred.jsonl"], preds(), ["pred.jsonl: -o:", "is also an input"]),
    "run_bad_extractor_leaves_nothing": (E, ["run", "toy_extractor:bad_label", "-p", "preds.json"], None,
                                         ["preds.json", "mentions[0].type", '"PRESIDENT" is not a known value'], 2),
    "run_predictions_equal_output": (E, ["run", "toy_extractor:names", "-p", "x.jsonl", "-o", "x.jsonl"], None,
                                     ["x.jsonl: -o:", "is also an input"]),
    # medium: validate says OK, then score crashes
    "span_start_without_end": (E, ["score", "pred.jsonl"], preds(lambda r: drop_key(r, "end")),
                               ["pred.jsonl:1", DOC0, "mentions[0].end", "is missing while start is given", "give both offsets, or neither"]),
    "span_end_without_start": (E, ["validate", "--predictions", "pred.jsonl"], preds(lambda r: drop_key(r, "start")),
                               ["pred.jsonl:1", DOC0, "mentions[0].start", "is missing while end is given"]),
    "lone_surrogate_id_score": (E, ["score", "pred.jsonl"], preds(lambda r: first_mention(r, id="ent\ud800x")),
                                ["pred.jsonl:1", "lone surrogate", "ent\\ud800x"]),
    "lone_surrogate_id_report": (E, ["report", "pred.jsonl", "-o", "r.html"], preds(lambda r: first_mention(r, id="ent\ud800x")),
                                 ["pred.jsonl:1", "lone surrogate"]),
    "validate_empty_file": (E, ["validate", "--predictions", "empty.jsonl"], raw("empty.jsonl", ""),
                            ["empty.jsonl", "holds no records", "allowed: a record per gold document"]),
    "validate_missing_document": (E, ["validate", "--predictions", "pred.jsonl"], preds(lambda r: r.pop(1) and r.pop(1)),
                                  ["pred.jsonl", DOC4, "has no prediction"]),
    "run_returns_set": (E, ["run", "bad_extractors:returns_set"], None, [DOC0, "is not JSON", "set"], 2),
    "run_returns_object": (E, ["run", "bad_extractors:returns_object"], None, [DOC0, "is not JSON"], 2),
    "run_returns_surrogate": (E, ["run", "bad_extractors:returns_surrogate"], None, [DOC0, "lone surrogate"], 2),
    # medium: tracebacks instead of messages
    "deep_nesting": (E, ["validate", "deep.json"], raw("deep.json", "[" * 200_000), ["deep.json", "nested too deeply"]),
    "huge_integer": (E, ["validate", "big.jsonl"], raw("big.jsonl", '{"id": ' + "9" * 5000 + "}\n"), ["big.jsonl:1", "4300 digits"]),
    "dev_zero": (E, ["validate", "/dev/zero"], None, ["/dev/zero", "is not a regular file"]),
    "named_pipe": (E, ["score", "pipe.jsonl"], fifo("pipe.jsonl"), ["pipe.jsonl", "is not a regular file"]),
    "named_pipe_in_folder": (E, ["validate", "--predictions", "p"], both(folder("p"), fifo("p/pipe.jsonl")), ["pipe.jsonl", "is not a regular file"]),
    "bootstrap_huge": (E, ["score", "pred.jsonl", "--bootstrap", "1000000000"], preds(), ["--bootstrap", "'1000000000'", "allowed: 0 (off) to 100,000"]),
    "bootstrap_negative_run": (E, ["run", "toy_extractor:names", "--bootstrap", "-1"], None, ["--bootstrap", "'-1'"]),
    "bootstrap_negative_report": (E, ["report", "pred.jsonl", "-o", "r.html", "--bootstrap", "-1"], preds(), ["--bootstrap", "'-1'"]),
    "seed_negative": (E, ["score", "pred.jsonl", "--seed", "-1"], preds(), ["--seed", "'-1'", "allowed: an integer from 0"]),
    "samples_zero": (E, ["compare", "pred.jsonl", "pred.jsonl", "--samples", "0"], preds(), ["--samples", "'0' is not a positive number of resamples"]),
    "leaderboard_missing_root": (E, ["leaderboard", "--root", "nowhere"], None, ["nowhere: --root:", "leaderboard/systems.yaml"]),
    "datasheet_path_folder": (A, ["datasheet", "--path", "d"], folder("d"), ["d: --path: is a folder"]),
    "serve_port_out_of_range": (A, ["serve", "--port", "70000", "--dir", "ls"], None, ["--port", "'70000' is not a port number", "1 to 65535"]),
    "pull_port_out_of_range": (A, ["pull", "-o", "out", "--port", "0"], None, ["--port", "'0'"]),
    "schema_missing_key": (E, ["validate", "--schema", "schema.yaml", str(ROOT / "data" / "gold")], schema_file(lambda s: s.pop("relations")),
                           ["schema.yaml", "relations"]),
    "schema_actors_string": (E, ["validate", "--schema", "schema.yaml", str(ROOT / "data" / "gold")],
                             schema_file(lambda s: s.update(actors="people")), ["schema.yaml", "wrong shape"]),
    "schema_binary": (E, ["validate", "--schema", "schema.yaml", str(ROOT / "data" / "gold")], raw("schema.yaml", b"\x00\xff\xfe\x89PNG"),
                      ["schema.yaml", "not UTF-8"]),
    "schema_no_version": (E, ["validate", "--schema", "schema.yaml", str(ROOT / "data" / "gold")], schema_file(lambda s: s.pop("version")),
                          ["schema.yaml", "version"]),
    "schema_bad_regex": (E, ["validate", "--schema", "schema.yaml", str(ROOT / "data" / "gold")],
                         schema_file(lambda s: s["actors"]["entity"].update(qid_pattern="^Q[")), ["schema.yaml", "qid_pattern", "not a valid regular expression"]),
    "schema_billion_laughs": (E, ["validate", "--schema", "schema.yaml", str(ROOT / "data" / "gold")], raw("schema.yaml", LAUGHS),
                              ["schema.yaml:2", "alias *a"]),
    "schema_deep": (A, ["config", "--schema", "schema.yaml"], raw("schema.yaml", "{" * 50_000), ["schema.yaml:1", "nested more than 100 levels"]),
    "schema_python_tag": (E, ["validate", "--schema", "schema.yaml", str(ROOT / "data" / "gold")],
                          raw("schema.yaml", "version: !!python/object/apply:os.system ['touch pwned']\n"), ["schema.yaml", "is not YAML"]),
    "schema_is_folder": (E, ["validate", "--schema", "d", str(ROOT / "data" / "gold")], folder("d"), ["d", "is not a regular file"]),
    "export_annotations_int": (A, ["import", "export.json", "-o", "out"], export(lambda t: t[0].update(annotations=5)),
                               ["export.json task 0", "annotations", "5 has the wrong type (int)", "allowed: a list"]),
    "export_corpus_id_list": (A, ["import", "export.json", "-o", "out"], export(lambda t: t[0]["data"].update(corpus_id=["a"])),
                              ["data.corpus_id", "has the wrong type (list)"]),
    "export_task_id_list": (A, ["import", "export.json", "-o", "out"], export(lambda t: t[1].update(id=[1])), ["task 1", "id", "wrong type"]),
    "export_from_id_list": (A, ["import", "export.json", "-o", "out"], export(lambda t: relation_result(t).update(from_id=["m1", "m2"])),
                            ["export.json task 1", "].from_id", '["m1", "m2"] is not a region id (list)', "allowed: a non-empty string"]),
    "export_to_id_number": (A, ["import", "export.json", "-o", "out"], export(lambda t: relation_result(t).update(to_id=3)),
                            ["export.json task 1", "].to_id", "3 is not a region id (int)"]),
    "export_region_ids_mixed": (A, ["import", "export.json", "-o", "out"], export(region_id_to_number),
                                ["export.json task 1", "].id", "7 is not a region id (int)", "all strings"]),
    "export_from_name_list": (A, ["import", "export.json", "-o", "out"],
                              export(lambda t: next(r for r in t[0]["annotations"][0]["result"] if r.get("from_name", "").startswith("mode_"))
                                     .update(from_name=["mode"])),
                              ["export.json task 1", "].from_name", '["mode"] is not the name of a control']),
    "export_relation_label_object": (A, ["import", "export.json", "-o", "out"], export(lambda t: relation_result(t).update(labels=[{"a": 1}])),
                                     ["export.json task 1", "].labels", "is not a list of known relation labels"]),
    "pull_credentials_not_json": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder("{token"), ["ls/credentials.json", "JSON"]),
    "pull_credentials_not_object": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder("[]"),
                                    ["ls/credentials.json", '"list" is not a JSON object', "allowed: an object with username, password, token"]),
    "pull_credentials_missing_key": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder('{"username": "u", "password": "p"}'),
                                     ["ls/credentials.json", "token: is missing", "allowed: a str"]),
    "pull_credentials_wrong_type": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder('{"username": "u", "password": "p", "token": 5}'),
                                    ["ls/credentials.json", "token: 5 has the wrong type (int)"]),
    "pull_state_not_json": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder(state="port=8080"), ["ls/serve.json", "JSON"]),
    "pull_state_port_string": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder(state='{"port": "8080"}'),
                               ["ls/serve.json", 'port: "8080" has the wrong type (str)', "serve` again"]),
    "pull_state_port_out_of_range": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder(state='{"port": 70000, "pass_": "all"}'),
                                     ["ls/serve.json", "port: 70000 is not a port number", "1 to 65535"]),
    "pull_state_unknown_pass": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder(state='{"port": 8080, "pass_": "people"}'),
                                ["ls/serve.json", 'pass_: "people" is not an annotation pass', "actors"]),
    "pull_state_not_object": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder(state="7"), ["ls/serve.json", "is not a JSON object"]),
    "pull_state_projects_not_names": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder(state='{"port": 8080, "projects": ["alice", 7]}'),
                                      ["ls/serve.json", "projects: 7 is not a project name"]),
    "serve_credentials_wrong_type": (A, ["serve", "--dir", "ls", "--port", "1"], ls_folder('{"username": 1, "password": "p", "token": "t"}'),
                                     ["ls/credentials.json", "username: 1 has the wrong type (int)"]),
    "export_empty": (A, ["import", "export.json", "-o", "out"], raw("export.json", "[]"), ["export.json", "holds no tasks"]),
    "export_not_a_list": (A, ["import", "export.json", "-o", "out"], raw("export.json", '{"tasks": []}'), ["export.json", "is not a Label Studio JSON export"]),
    "corpus_seed_file_outside": (A, ["add", "new.txt", "--corpus", "c"],
                                 both(raw("new.txt", "A new article.\n"), folder("c"), folder("c/articles"),
                                      raw("c/articles/articles.json", '[{"id": "x", "seed_file": "../../beside.txt", "sha256": "' + "0" * 64 + '", "meta": {}}]')),
                                 ["c/articles/articles.json", "[0].seed_file", '"../../beside.txt" is not a plain name']),
    # low: run
    "run_command_hangs": (E, ["run", "--command", f"{sys.executable} -c 'import time; time.sleep(60)'", "--timeout", "1"], None,
                          [DOC0, "did not finish within 1 seconds", "allowed: a longer --timeout"], 2),
    "run_sys_exit": (E, ["run", "bad_extractors:exits"], None, [DOC0, "called sys.exit(3)"], 2),
    "run_corpus_returns_list": (E, ["run", "toy_extractor:names", "--corpus", "bad_extractors:corpus_list"], None,
                                ["bad_extractors:corpus_list", "returned no record", '"list"']),
    "run_command_not_found": (E, ["run", "--command", "no-such-program-xyz"], None, [DOC0, "command cannot be run"], 2),
    "run_timeout_negative": (E, ["run", "toy_extractor:names", "--timeout", "-5"], None, ["--timeout", "'-5'"]),
    # low: smaller gaps
    "id_with_newline": (E, ["validate", "--predictions", "pred.jsonl"], preds(lambda r: first_mention(r, id="m1\n")),
                        ["pred.jsonl:1", DOC0, "mentions[0].id", "does not match the required form"]),
    "bom_then_bad_label": (E, ["validate", "--predictions", "pred.jsonl"],
                           lambda tmp: (preds(lambda r: first_mention(r, type="PRESIDENT"))(tmp),
                                        (tmp / "pred.jsonl").write_bytes(b"\xef\xbb\xbf" + (tmp / "pred.jsonl").read_bytes())),
                           ["pred.jsonl:1", "mentions[0].type", '"PRESIDENT"']),
    # issue 21: the commands added since, as a careless or hostile user runs them
    # adjudicate: the decisions file
    "adjudicate_billion_laughs": (A, ADJ, ann(raw("d.yaml", LAUGHS)), ["d.yaml:2", "alias *a", "decisions file without anchors"]),
    "adjudicate_one_alias": (A, ADJ, ann(decisions(edit=first_decision("take: A", "take: &side A")),
                                          decisions(edit=lambda t: t.replace("take: A", "take: *side").replace("take: &side A", "take: A", 0))),
                             ["d.yaml:", "alias *side"]),
    "adjudicate_python_object": (A, ADJ, ann(raw("d.yaml", "decisions: !!python/object/apply:os.system ['touch pwned']\n")),
                                 ["d.yaml", "is not YAML", "python/object/apply:os.system"]),
    "adjudicate_python_name": (A, ADJ, ann(raw("d.yaml", "decisions:\n  - !!python/name:os.system\n")), ["d.yaml", "is not YAML"]),
    "adjudicate_deep_nesting": (A, ADJ, ann(raw("d.yaml", "decisions: " + "[" * 50_000)), ["d.yaml:1", "is nested more than 100 levels deep"]),
    "adjudicate_deep_block_nesting": (A, ADJ, ann(raw("d.yaml", "decisions:\n" + "".join("  " * i + "- \n" for i in range(1, 150)))),
                                      ["d.yaml:", "is nested more than 100 levels deep"]),
    "adjudicate_not_utf8": (A, ADJ, ann(raw("d.yaml", b"decisions: [\xff\xfe]\n")), ["d.yaml", "not UTF-8"]),
    "adjudicate_decisions_missing": (A, ADJ, ann(), ["d.yaml", "cannot be read", "No such file"]),
    "adjudicate_top_is_list": (A, ADJ, ann(raw("d.yaml", "- take: A\n")), ["d.yaml", "is not a mapping", "allowed: decisions: [...]"]),
    "adjudicate_decisions_not_list": (A, ADJ, ann(raw("d.yaml", "decisions: 5\n")), ["d.yaml", "decisions: is not a list"]),
    "adjudicate_unknown_part": (A, ADJ, ann(decisions("notes: hello\n")), ["d.yaml", "notes", "is not a part of an adjudication file", "decisions, edits"]),
    "adjudicate_decision_matches_nothing": (A, ADJ, ann(decisions(edit=lambda t: t.replace("\nedits:", '\n  - difference: "no such thing"\n    take: A\nedits:', 1))),
                                            ["d.yaml", "].difference", '"no such thing"', "matches no difference", "allowed: an id listed by"]),
    "adjudicate_take_unknown": (A, ADJ, ann(decisions(edit=first_decision("take: A", "take: C"))),
                                ["d.yaml", "decisions[0].take", '"C" is not a side', "allowed: A or B"]),
    "adjudicate_take_list": (A, ADJ, ann(decisions(edit=first_decision("take: A", "take: [A]"))), ["d.yaml", "decisions[0].take", "is not a side"]),
    "adjudicate_decision_is_string": (A, ADJ, ann(decisions(edit=first_decision("  - difference:", "  - take A\n  - difference:"))),
                                      ["d.yaml", "decisions[0]", '"take A" is not a mapping']),
    "adjudicate_set_not_mapping": (A, ADJ, ann(decisions(edit=first_decision("take: A", "take: A\n    set: 5"))),
                                   ["d.yaml", "decisions[0].set", "5 is not a mapping of fields"]),
    "adjudicate_decided_twice": (A, ADJ, ann(decisions(edit=lambda t: t.replace("\nedits:", "\n" + t[t.index("  - difference:"):t.index("  - difference:", t.index("  - difference:") + 1)].rstrip("\n") + "\nedits:", 1))),
                                 ["d.yaml", "is decided twice"]),
    "adjudicate_edits_not_list": (A, ADJ, ann(raw("d.yaml", "decisions: []\nedits: {add: 1}\n")), ["d.yaml", "edits: is not a list"]),
    "adjudicate_onto_decisions": (A, ["adjudicate", "A", "B", "--decisions", "d.jsonl", "-o", "d.jsonl"], ann(decisions(name="d.jsonl")),
                                  ["d.jsonl: -o:", "is also an input"]),
    "adjudicate_into_A": (A, ["adjudicate", "A", "B", "--decisions", "d.yaml", "-o", "A"], ann(decisions()), ["A: -o:", "overlaps the input A"]),
    "adjudicate_template_onto_input": (A, ["adjudicate", "A", "B", "--template", "A/corpus.json"], ann(), ["corpus.json", "inside the input folder A"]),
    # diff
    "diff_missing_side": (A, ["diff", "A", "nowhere"], ann(), ["nowhere", "no such file or folder"]),
    "diff_side_binary": (A, ["diff", "A", "b.jsonl"], ann(raw("b.jsonl", b"\x89PNG\x00\xff")), ["b.jsonl", "not UTF-8"]),
    # add: the article and the corpus manifest
    "add_not_utf8": (A, ["add", "new.txt", "--corpus", "c"], both(corpus(), raw("new.txt", b"caf\xe9\n")), ["new.txt", "not UTF-8"]),
    "add_empty": (A, ["add", "new.txt", "--corpus", "c"], both(corpus(), raw("new.txt", "")), ["new.txt", "empty"]),
    "add_duplicate": (A, ["add", f"c/articles/{DOC0}.txt", "--corpus", "c"], corpus(), [f"{DOC0}.txt", "already"]),
    "add_article_is_folder": (A, ["add", "d", "--corpus", "c"], both(corpus(), folder("d")), ["d", "is not a regular file"]),
    "add_dev_zero": (A, ["add", "/dev/zero", "--corpus", "c"], corpus(), ["/dev/zero", "is not a regular file"]),
    "add_bad_date": (A, ["add", "new.txt", "--corpus", "c", "--date", "2025-13-45"], both(corpus(), raw("new.txt", "A new article.\n")),
                     ["--date", "2025-13-45", "YYYY-MM-DD"]),
    "add_manifest_id_absolute": (A, ["add", "new.txt", "--corpus", "c"],
                                 both(corpus(lambda e: e[0].update(id="/etc/passwd")), raw("new.txt", "A new article.\n")),
                                 ["c/articles/articles.json", "'/etc/passwd'", "[0].id", "is not a plain name"]),
    "add_manifest_id_slash": (A, ["add", "new.txt", "--corpus", "c"], both(corpus(lambda e: e[0].update(id="a/b")), raw("new.txt", "A new article.\n")),
                              ["c/articles/articles.json", "'a/b'", "[0].id", "is not a plain name"]),
    "add_manifest_seed_absolute": (A, ["add", "new.txt", "--corpus", "c"],
                                   both(corpus(lambda e: e[0].update(seed_file="/etc/passwd")), raw("new.txt", "A new article.\n")),
                                   ["c/articles/articles.json", "seed_file"]),
    "add_manifest_not_json": (A, ["add", "new.txt", "--corpus", "c"], both(corpus(), raw("c/articles/articles.json", "[{"), raw("new.txt", "A new article.\n")),
                              ["c/articles/articles.json", "is not valid JSON", "Expecting property name"]),
    "add_corpus_missing": (A, ["add", "new.txt", "--corpus", "nowhere"], raw("new.txt", "A new article.\n"), ["nowhere", "--corpus"]),
    # lint --corpus
    "lint_corpus_seed_outside": (A, ["lint", "--corpus", "c"], corpus(lambda e: e[0].update(seed_file="../../beside.txt")),
                                 ["c/articles/articles.json", "seed_file"]),
    "lint_corpus_id_parent": (A, ["lint", "--corpus", "c"], corpus(lambda e: e[0].update(id="../x")), ["c/articles/articles.json", "'../x'", "[0].id", "is not a plain name"]),
    "lint_corpus_manifest_not_list": (A, ["lint", "--corpus", "c"], both(corpus(), raw("c/articles/articles.json", '{"id": 1}')),
                                      ["c/articles/articles.json"]),
    # preannotate: an extractor run on the corpus's articles
    "preannotate_document_path": (A, ["preannotate", "--corpus", "c", "--document", "../x", "-o", "p.jsonl"], corpus(), ["--document", '"../x"']),
    "preannotate_command_hangs": (A, ["preannotate", "--corpus", "c", "--document", DOC0, "-o", "p.jsonl", "--timeout", "1",
                                      "--command", f"{sys.executable} -c 'import time; time.sleep(60)'"], corpus(),
                                  [DOC0, "did not finish within 1 seconds"]),
    "preannotate_command_gigabytes": (A, ["preannotate", "--corpus", "c", "--document", DOC0, "-o", "p.jsonl", "--timeout", "60",
                                          "--command", "yes"], corpus(), [DOC0, "command printed more than 64 MiB"]),
    "preannotate_onto_manifest": (A, ["preannotate", "--corpus", "c", "-o", "c/articles/p.jsonl"], corpus(), ["-o:", "inside the input folder"]),
    "preannotate_corpus_id_absolute": (A, ["preannotate", "--corpus", "c", "-o", "p.jsonl"], corpus(lambda e: e[0].update(id="/etc/passwd")),
                                       ["c/articles/articles.json", "'/etc/passwd'", "[0].id", "is not a plain name"]),
    # ceasefire-eval run: the same extractor guard
    "run_command_gigabytes": (E, ["run", "--command", "yes"], None, [DOC0, "command printed more than 64 MiB"], 2),
    # prompt
    "prompt_unknown_layer": (E, ["prompt", "--layers", "mentions,people"], None, ["--layers", "people", "mentions"]),
    "prompt_document_path": (E, ["prompt", "--document", "../../etc/passwd"], None, ["--document", "../../etc/passwd"]),
    "prompt_document_unknown": (E, ["prompt", "--document", "999_0000000000000000"], None, ["--document", "999_0000000000000000"]),
    "prompt_json_schema_onto_schema": (E, ["prompt", "--schema", "schema.yaml", "--json-schema", "schema.yaml"], schema_file(lambda s: None),
                                       ["schema.yaml", "is also an input"]),
    "prompt_output_is_folder": (E, ["prompt", "-o", "d"], folder("d"), ["d: -o:", "is a folder"]),
    "prompt_output_equals_json_schema": (E, ["prompt", "-o", "a.json", "--json-schema", "a.json"], None, ["a.json"]),
    # tasks / serve --corpus
    "tasks_corpus_missing": (A, ["tasks", "--corpus", "nowhere"], None, ["nowhere", "--corpus"]),
    "tasks_corpus_id_absolute": (A, ["tasks", "--corpus", "c"], corpus(lambda e: e[0].update(id="/etc/passwd")), ["c/articles/articles.json", "'/etc/passwd'", "[0].id", "is not a plain name"]),
    "tasks_corpus_onto_manifest": (A, ["tasks", "--corpus", "c", "-o", "c/articles/articles.json"], corpus(), ["-o:", "inside the input folder"]),
    "serve_corpus_id_slash": (A, ["serve", "--corpus", "c", "--dir", "ls", "--port", "1"], corpus(lambda e: e[0].update(id="a/b")),
                              ["c/articles/articles.json", "'a/b'", "[0].id", "is not a plain name"]),
    "serve_corpus_seed_outside": (A, ["serve", "--corpus", "c", "--dir", "ls", "--port", "1"], corpus(lambda e: e[0].update(seed_file="../../beside.txt")),
                                  ["c/articles/articles.json", "seed_file"]),
    # the same classes, found by searching (see the module's docstring): symbolic links in a server folder
    "serve_state_symlink": (A, ["serve", "--dir", "ls", "--port", "1"], both(ls_folder(state='{"status": "stopped"}'), ls_link("serve.json")),
                            ["ls/serve.json", "--dir", "is a symbolic link to", "a regular file written by `serve`"]),
    "serve_credentials_dangling_link": (A, ["serve", "--dir", "ls", "--port", "1"], both(folder("ls"), ls_link("credentials.json", dangling=True)),
                                        ["ls/credentials.json", "is a symbolic link to"]),
    "serve_log_symlink": (A, ["serve", "--dir", "ls", "--port", "1"], both(ls_folder(), ls_link("server.log")), ["ls/server.log", "is a symbolic link"]),
    "serve_database_symlink": (A, ["serve", "--dir", "ls", "--port", "1"], both(ls_folder(), ls_link("label_studio.sqlite3")),
                               ["ls/label_studio.sqlite3", "is a symbolic link"]),
    "pull_credentials_symlink": (A, ["pull", "-o", "out", "--dir", "ls"], both(ls_folder(), ls_link("credentials.json")),
                                 ["ls/credentials.json", "is a symbolic link"]),
    # ... and in a corpus: a folder of it, its gold, its SHA256SUMS, an article that is a named pipe
    "lint_corpus_articles_folder_link": (A, ["lint", "--corpus", "c"],
                                         both(copied(ROOT / "data" / "articles", "elsewhere"), folder("c"), copied(ROOT / "data" / "gold", "c/gold"),
                                              lambda tmp: (tmp / "c" / "articles").symlink_to(tmp / "elsewhere")),
                                         ["c/articles/articles.json", "lies outside the corpus folder"]),
    "tasks_corpus_gold_file_link": (A, ["tasks", "--corpus", "c"],
                                    both(corpus(), lambda tmp: ((tmp / "c" / "gold" / f"{DOC0}.json").rename(tmp / "g.json"),
                                                                (tmp / "c" / "gold" / f"{DOC0}.json").symlink_to(tmp / "g.json"))),
                                    [f"c/gold/{DOC0}.json", "is a symbolic link"]),
    "serve_corpus_gold_folder_link": (A, ["serve", "--corpus", "c", "--dir", "ls", "--port", "1"],
                                      both(copied(ROOT / "data" / "articles", "c/articles"), copied(ROOT / "data" / "gold", "g"),
                                           lambda tmp: (tmp / "c" / "gold").symlink_to(tmp / "g")),
                                      ["c/gold", "is a symbolic link", "a folder inside the corpus folder"]),
    "add_sums_symlink": (A, ["add", "new.txt", "--corpus", "c"], both(corpus(), link_beside("SHA256SUMS"), raw("new.txt", "A new article.\n")),
                         ["c/articles/SHA256SUMS", "is a symbolic link"]),
    "lint_corpus_article_fifo": (A, ["lint", "--corpus", "c"],
                                 both(corpus(lambda e: e[0].update(seed_file="pipe.txt")), fifo("c/articles/pipe.txt")),
                                 ["c/articles/articles.json", DOC0, "[0].seed_file", '"pipe.txt"', "is not a regular file"]),
    "lint_corpus_duplicate_id": (A, ["lint", "--corpus", "c"], corpus(lambda e: e[1].update(id=e[0]["id"])),
                                 ["c/articles/articles.json", "[1].id", "is listed twice (first in entry 0)"]),
    # ids that are paths: the other option that names an id
    "records_corpus_id_path": (A, ["records", "--from", str(ROOT / "data" / "hf"), "--corpus-id", "/etc/passwd", "-o", "out"], None,
                               ["--corpus-id", '"/etc/passwd"', "letters, digits"]),
    # pull against a port where nothing answers: a state the user must fix
    "pull_port_nothing_listening": (A, ["pull", "-o", "out", "--dir", "ls", "--port", str(free_port())], ls_folder(),
                                    ["cannot export from Label Studio", "allowed: the port of the `serve` running for"]),
    # one message per bad field: a layer or the text of the wrong type, in scoring and in the gold
    "score_mentions_string": (E, ["score", "pred.jsonl"], preds(lambda r: r[0].update(mentions="Putin")),
                              ["pred.jsonl:1", DOC0, "mentions", '"Putin" has the wrong type']),
    "validate_gold_text_number": (E, ["validate", "g"], both(copied(ROOT / "data" / "gold", "g"), ann_record("g", lambda r: r.update(text=5))),
                                  [f"g/{DOC0}.json", DOC0, "text: 5 has the wrong type"]),
    "diff_events_object": (A, ["diff", "A", "B"], ann(ann_record("A", lambda r: r.update(events={}))), ["A/", DOC0, "events: {} has the wrong type"]),
    # -- empty and misdirected input (i27a)
    # an input without a document record, in every command that reads records (found by grepping for
    # read_records, load_gold, load_predictions and validate_records): one message naming the file
    **{f"{name}_empty_file": (tool, [cmd, "empty.jsonl", *more], raw("empty.jsonl", ""), ["empty.jsonl", "holds no records", "allowed: a record per document"])
       for name, tool, cmd, more in (("validate_gold", E, "validate", []), ("summary", A, "summary", []),
                                     ("summary_json", A, "summary", ["--format", "json"]), ("lint", A, "lint", ["--any-text"]))},
    # predictions: refused unless --allow-missing, which scores every document as empty (eval's acceptance, tests/eval/test_score_gold.py)
    **{f"{cmd}_empty_file": (E, [cmd, "empty.jsonl", *more], raw("empty.jsonl", ""),
                             ["empty.jsonl", "holds no records", "a record per gold document", "--allow-missing scores a missing one as empty"])
       for cmd, more in (("score", []), ("report", ["-o", "r.html"]))},
    # ... but `tasks` allows some documents missing, not all of them
    "tasks_empty_file": (A, ["tasks", "empty.jsonl"], raw("empty.jsonl", ""), ["empty.jsonl", "holds no records"]),
    "agree_empty_files": (E, ["agree", "empty.jsonl", "empty.jsonl"], raw("empty.jsonl", ""), ["empty.jsonl", "holds no records (in the annotation A)"], 2),
    "diff_empty_side": (A, ["diff", "A", "empty.jsonl"], ann(raw("empty.jsonl", "")), ["empty.jsonl", "holds no records"]),
    "score_gold_empty": (E, ["score", "pred.jsonl", "--gold", "empty.jsonl"], both(preds(), raw("empty.jsonl", "")),
                         ["empty.jsonl", "holds no records (in the gold)"]),
    "validate_blank_lines_only": (E, ["validate", "blank.jsonl"], raw("blank.jsonl", "\n  \n\n"), ["blank.jsonl", "holds no records"]),
    "validate_empty_json_list": (E, ["validate", "--predictions", "empty.json"], raw("empty.json", "[]"), ["empty.json", "holds no records"]),
    "validate_empty_file_in_gold_folder": (E, ["validate", "g"], both(copied(ROOT / "data" / "gold", "g"), raw("g/more.jsonl", "")),
                                           ["g/more.jsonl", "holds no records"]),
    "validate_corpus_record_alone": (E, ["validate", str(ROOT / "data" / "gold" / "corpus.json")], None,
                                     ["corpus.json", "holds no document record, only the corpus record"]),
    "score_corpus_record_alone": (E, ["score", "pred.jsonl"], preds(lambda r: r.__delitem__(slice(0, 2))),
                                  ["pred.jsonl:1", "holds no document record, only the corpus record"]),
    "validate_null_record": (E, ["validate", "n.jsonl"], raw("n.jsonl", "null\n"), ["n.jsonl:1", '"null" is not a record', "expected a JSON object"]),
    "schema_empty": (E, ["validate", "--schema", "schema.yaml", str(ROOT / "data" / "gold")], raw("schema.yaml", ""),
                     ["schema.yaml", "is not a schema", "found nothing (the file is empty)"]),
    # predictions where gold is expected: one message per record, saying so
    **{f"{cmd}_predictions_as_gold": (A if cmd in ("summary", "lint") else E, [cmd, "pred.jsonl"], preds(),
                                      ["pred.jsonl:1", DOC0, "text: is missing, and so is meta", "looks like a prediction record",
                                       "`ceasefire-eval validate --predictions`"], 2) for cmd in ("validate", "summary", "lint")},
    "diff_predictions_as_gold": (A, ["diff", "A", "pred.jsonl"], ann(preds()), ["pred.jsonl:1", "looks like a prediction record"], 2),
    "score_gold_is_predictions": (E, ["score", "pred.jsonl", "--gold", "pred.jsonl"], preds(),
                                  ["pred.jsonl:1", "looks like a prediction record", "(in the gold)"], 2),
    # options that do nothing in the mode given
    **{f"validate_{flag.strip('-').replace('-', '_')}_without_predictions": (E, ["validate", *args, str(ROOT / "data" / "gold")], None,
                                                                             [flag, "only with --predictions", "add --predictions"])
       for flag, args in (("--strict", ["--strict"]), ("--allow-missing", ["--allow-missing"]), ("--gold", ["--gold", str(ROOT / "data" / "gold")]))},
    "adjudicate_from_gold_without_template": (A, ADJ + ["--from-gold", str(ROOT / "data" / "gold")], ann(decisions()),
                                              ["--from-gold", "does nothing with --decisions", "allowed: --template FILE [--from-gold GOLD]"]),
    "adjudicate_template_with_check": (A, ["adjudicate", "A", "B", "--template", "t.yaml", "--check"], ann(), ["--check", "does nothing with --template"]),
    "adjudicate_template_with_output": (A, ["adjudicate", "A", "B", "--template", "t.yaml", "-o", "out"], ann(), ["-o", "does nothing with --template"]),
    # a layer under a wrong name: one message, naming the layer it stands for, and no message per reference into it
    **{f"score_layer_misnamed_{layer}": (E, ["score", "pred.jsonl"], preds(lambda r, k=layer, i=i: misname(r[i], k)),
                                         [f"pred.jsonl:{i + 1}", f"{layer[:-1]}:", "is not a field of this object", f"(is it '{layer}', misspelt?)"])
       for i, layer in ((0, "mentions"), (0, "events"), (0, "claims"), (0, "relations"), (2, "entity_clusters"), (2, "event_clusters"))},
    **{f"validate_gold_layer_misnamed_{layer}": (E, ["validate", "g"], both(copied(ROOT / "data" / "gold", "g"), gold_file(name, lambda r, k=layer: misname(r, k))),
                                                 [f"g/{name}", f"{layer[:-1]}:", f"(is it '{layer}', misspelt?)"])
       for name, layer in [(f"{DOC0}.json", k) for k in ("mentions", "entities", "events", "claims", "relations")]
       + [("corpus.json", k) for k in ("documents", "entity_clusters", "event_clusters", "relations")]},
    # agree: each side named as itself, and documents or texts that differ said in agree's words
    "agree_first_annotation_is_predictions": (E, ["agree", "pred.jsonl", "B"], ann(preds()), ["pred.jsonl:1", "(in the annotation A)"], 2),
    "agree_second_lacks_a_document": (E, ["agree", str(ROOT / "data" / "gold"), "one.jsonl"], one_document_gold(),
                                      ["one.jsonl", DOC4, "is not annotated in annotation B (annotation A has it)"]),
    "agree_second_has_another_document": (E, ["agree", "one.jsonl", str(ROOT / "data" / "gold")], one_document_gold(),
                                          [DOC4, "is not a document of annotation A", f"allowed: {DOC0}"]),
    "agree_texts_differ": (E, ["agree", "A", "B"], ann(ann_record("B", lambda r: r.update(text=r["text"] + "x"))),
                           ["B", DOC0, "text: differs from the text of this document in annotation A"]),
    # leaderboard --root: its systems.yaml is input too
    "leaderboard_predictions_outside_root": (E, ["leaderboard", "--root", "r"], systems("- {name: x, predictions: ../../beside.txt, about: y}\n"),
                                             ["r/leaderboard/systems.yaml", "[0].predictions", '"../../beside.txt" lies outside --root', "a predictions file"]),
    "leaderboard_predictions_absolute": (E, ["leaderboard", "--root", "r"], systems("- {name: x, predictions: /etc/passwd, about: y}\n"),
                                         ["[0].predictions", '"/etc/passwd" lies outside --root']),
    "leaderboard_systems_not_list": (E, ["leaderboard", "--root", "r"], systems("name: x\n"), ["r/leaderboard/systems.yaml", "is not a list of systems"]),
    "leaderboard_systems_python_tag": (E, ["leaderboard", "--root", "r"], systems("- !!python/object/apply:os.system ['touch pwned']\n"),
                                       ["r/leaderboard/systems.yaml", "is not YAML"]),
    "leaderboard_systems_billion_laughs": (E, ["leaderboard", "--root", "r"], systems(LAUGHS.replace("decisions: *i", "- *i")),
                                           ["r/leaderboard/systems.yaml:2", "alias *a", "without anchors and aliases"]),
    "leaderboard_systems_deep": (E, ["leaderboard", "--root", "r"], systems("[" * 50_000), ["r/leaderboard/systems.yaml:1", "nested more than 100 levels"]),
    "leaderboard_system_missing_name": (E, ["leaderboard", "--root", "r"], systems("- {predictions: leaderboard/baseline.jsonl, about: y}\n"),
                                        ["[0].name", "is missing or not a string"]),
    "leaderboard_compare_with_unknown": (E, ["leaderboard", "--root", "r", "--write"],
                                         systems("- {name: x, predictions: leaderboard/baseline.jsonl, about: y, compare_with: z}\n"),
                                         ["[0].compare_with", '"z" names no system']),
    "leaderboard_readme_without_markers": (E, ["leaderboard", "--root", "r", "--write"],
                                           both(systems("- {name: x, predictions: leaderboard/baseline.jsonl, about: y}\n"),
                                                raw("r/README.md", "# A README without the block\n")),
                                           ["r/README.md", "markers", "allowed: a UTF-8 README.md holding the block"]),
    "leaderboard_readme_missing": (E, ["leaderboard", "--root", "r", "--check"],
                                   both(systems("- {name: x, predictions: leaderboard/baseline.jsonl, about: y}\n"),
                                        lambda tmp: (tmp / "r" / "README.md").unlink()),
                                   ["r/README.md", "No such file", "allowed: a UTF-8 README.md"]),
    # pull --project
    # issue 21, item 5 (second pass): symbolic links in a corpus
    "add_manifest_symlink": (A, ["add", "new.txt", "--corpus", "c"], both(corpus(), link_manifest(), raw("new.txt", "A new article.\n")),
                             ["c/articles/articles.json", "is a symbolic link", "allowed: a regular file inside the corpus folder"]),
    "add_article_symlink": (A, ["add", "new.txt", "--corpus", "c"], both(corpus(), seed_link(), raw("new.txt", "A new article.\n")),
                            [f"c/articles/{DOC0}.txt", "is a symbolic link", "a regular file inside the corpus folder"]),
    "lint_corpus_article_symlink": (A, ["lint", "--corpus", "c"], both(corpus(), seed_link()),
                                    ["c/articles/articles.json", DOC0, "[0].seed_file", f"c/articles/{DOC0}.txt", "is a symbolic link", "a regular file inside the corpus folder"]),
    "lint_corpus_manifest_symlink": (A, ["lint", "--corpus", "c"], both(corpus(), link_manifest()), ["c/articles/articles.json", "is a symbolic link"]),
    "tasks_corpus_article_symlink": (A, ["tasks", "--corpus", "c"], both(corpus(), seed_link()), [f"c/articles/{DOC0}.txt", "is a symbolic link"]),
    "preannotate_article_symlink": (A, ["preannotate", "--corpus", "c", "-o", "p.jsonl"], both(corpus(), seed_link()),
                                    [f"c/articles/{DOC0}.txt", "is a symbolic link"]),
    "serve_corpus_article_symlink": (A, ["serve", "--corpus", "c", "--dir", "ls", "--port", "1"], both(corpus(), seed_link()),
                                     [f"c/articles/{DOC0}.txt", "is a symbolic link"]),
    "lint_corpus_link_inside": (A, ["lint", "--corpus", "c"], both(corpus(), link_inside()), [f"c/articles/{DOC0}.txt", "is a symbolic link"]),
    # ids that are paths
    "adjudicate_corpus_id_path": (A, ADJ + ["--corpus-id", "../x"], ann(decisions()), ["--corpus-id", '"../x"', "letters, digits"]),
    "pull_project_path": (A, ["pull", "-o", "out", "--dir", "ls", "--project", "../x"], ls_folder(), ["--project", '"../x"', "letters, digits"]),
    "serve_project_path": (A, ["serve", "--dir", "ls", "--port", "1", "--project", "a/b"], None, ["--project", '"a/b"', "letters, digits"]),
    "diff_record_id_parent": (A, ["diff", "A", "B"], ann(ann_record("A", lambda r: r.update(id="../x"))),
                              ["A/", ".json", "id", '"../x"', "does not match the required form"]),
    "diff_record_id_absolute": (A, ["diff", "A", "B"], ann(ann_record("B", lambda r: r.update(id="/etc/passwd"))), ["B/", '"/etc/passwd"']),
    "adjudicate_record_id_slash": (A, ADJ, ann(decisions(), ann_record("A", lambda r: r.update(id="a/b"))), ["A/", '"a/b"']),
    # exit codes of pull: the argument checks need no server
    "pull_project_unknown": (A, ["pull", "-o", "out", "--dir", "ls", "--project", "carol"],
                             ls_folder(state='{"port": 8080, "pass_": "all", "projects": ["alice", "bob"]}'),
                             ["--project", '"carol"', "allowed: alice, bob"]),
    "pull_no_server": (A, ["pull", "-o", "out", "--dir", "ls"], ls_folder(), ["no server running in", "start `ceasefire-annotate serve"]),
    # a manifest entry's error names the entry and the field
    "lint_corpus_entry_sha256_number": (A, ["lint", "--corpus", "c"], corpus(lambda e: e[1].update(sha256=5)),
                                        ["c/articles/articles.json", DOC4, "[1].sha256: 5 is not a sha256", "64 lowercase hex digits"]),
    "lint_corpus_entry_id_missing": (A, ["lint", "--corpus", "c"], corpus(lambda e: e[0].pop("id")), ["c/articles/articles.json", "[0].id: is missing"]),
    # diff: one line per bad field
    "diff_mentions_not_list": (A, ["diff", "A", "B"], ann(ann_record("B", lambda r: r.update(mentions=5))), ["B/", DOC0, "mentions", "5"]),
    # an extractor that prints invalid UTF-8, or gigabytes to stderr
    "run_command_with_newline": (E, ["run", "--command", f"{sys.executable} -c \"import sys\nsys.exit(4)\""], None,
                                 [DOC0, "\\nsys.exit(4)", "command exited with code 4"], 2),
    "run_command_not_utf8": (E, ["run", "--command", f"{sys.executable} -c \"import sys; sys.stdout.buffer.write(bytes([255, 254]))\""], None,
                             [DOC0, "not UTF-8"], 2),
    "preannotate_command_not_utf8": (A, ["preannotate", "--corpus", "c", "--document", DOC0, "-o", "p.jsonl",
                                         "--command", f"{sys.executable} -c \"import sys; sys.stdout.buffer.write(bytes([255, 254]))\""], corpus(),
                                     [DOC0, "not UTF-8"]),
    "run_command_stderr_gigabytes": (E, ["run", "--command", STDERR_FOREVER, "--timeout", "60"], None,
                                     [DOC0, "command printed more than 64 MiB to stderr"], 2),
    "preannotate_command_stderr_gigabytes": (A, ["preannotate", "--corpus", "c", "--document", DOC0, "-o", "p.jsonl", "--timeout", "60",
                                                 "--command", STDERR_FOREVER],
                                             corpus(), [DOC0, "command printed more than 64 MiB to stderr"]),
    # -- output paths (i27b): an output in a folder that does not exist is refused, and no folder is made
    # (one row per kind of writer: each option of ceasefire.outputs' callers that names a file or a folder)
    "score_output_in_missing_folder": (E, ["score", "pred.jsonl", "-o", "missing/x.json"], preds(),
                                       ["missing/x.json: -o:", "its folder missing does not exist", "mkdir -p missing"]),
    "agree_output_in_missing_folder": (E, ["agree", "A", "B", "-o", "/nonexistent-ceasefire/dir/x.json"], ann(),
                                       ["/nonexistent-ceasefire/dir/x.json: -o:", "its folder /nonexistent-ceasefire/dir does not exist"]),
    "report_output_in_missing_folder": (E, ["report", "pred.jsonl", "-o", "missing/r.html"], preds(), ["missing/r.html: -o:", "does not exist"]),
    "run_predictions_in_missing_folder": (E, ["run", "toy_extractor:names", "-p", "missing/p.jsonl"], None, ["missing/p.jsonl: -p:", "does not exist"]),
    "run_output_in_missing_folder": (E, ["run", "toy_extractor:names", "-p", "p.jsonl", "-o", "missing/s.json"], None,
                                     ["missing/s.json: -o:", "does not exist"]),
    "prompt_json_schema_in_missing_folder": (E, ["prompt", "--json-schema", "missing/a.json"], None, ["missing/a.json: --json-schema:", "does not exist"]),
    "prompt_output_in_missing_folder": (E, ["prompt", "--json-schema", "a.json", "-o", "missing/p.md"], None, ["missing/p.md: -o:", "does not exist"]),
    "jsonschema_out_in_missing_folder": (A, ["jsonschema", "--out", "missing/js"], None, ["missing/js: --out:", "its folder missing does not exist"]),
    "build_out_in_missing_folder": (A, ["build", "--out", "missing/hf"], None, ["missing/hf: --out:", "does not exist"]),
    "config_out_in_missing_folder": (A, ["config", "--out", "missing/ls.xml"], None, ["missing/ls.xml: --out:", "does not exist"]),
    "tasks_output_in_missing_folder": (A, ["tasks", "-o", "missing/t.json"], None, ["missing/t.json: -o:", "does not exist"]),
    "import_folder_in_missing_folder": (A, ["import", "export.json", "-o", "missing/out"], export(), ["missing/out: -o:", "does not exist"]),
    "import_jsonl_in_missing_folder": (A, ["import", "export.json", "-o", "missing/out.jsonl"], export(), ["missing/out.jsonl: -o:", "does not exist"]),
    "pull_output_in_missing_folder": (A, ["pull", "-o", "missing/out", "--dir", "ls"], ls_folder(), ["missing/out: -o:", "does not exist"]),
    "records_output_in_missing_folder": (A, ["records", "--from", str(ROOT / "data" / "hf"), "-o", "missing/gold"], None,
                                         ["missing/gold: -o:", "does not exist"]),
    "preannotate_output_in_missing_folder": (A, ["preannotate", "--corpus", "c", "-o", "missing/p.jsonl"], corpus(),
                                             ["missing/p.jsonl: -o:", "does not exist"]),
    "adjudicate_output_in_missing_folder": (A, ["adjudicate", "A", "B", "--decisions", "d.yaml", "-o", "missing/gold"], ann(decisions()),
                                            ["missing/gold: -o:", "does not exist"]),
    "adjudicate_template_in_missing_folder": (A, ["adjudicate", "A", "B", "--template", "missing/d.yaml"], ann(),
                                              ["missing/d.yaml: --template:", "does not exist"]),
    "serve_dir_in_missing_folder": (A, ["serve", "--dir", "missing/ls", "--port", "1"], None, ["missing/ls: --dir:", "does not exist"]),
    "add_corpus_missing": (A, ["add", "new.txt", "--corpus", "missing/c"], raw("new.txt", "A new article.\n"), ["missing/c/articles/articles.json", "--corpus"]),
}

# errors of one cluster of events with two types name where the clash is
CLUSTER_CLASH = "cluster_type_clash"


def _tree(*roots: Path) -> dict[str, str]:
    """Every file below the roots (and the roots' siblings' names), with a content hash."""
    out = {}
    for root in roots:
        if not root.exists():
            continue
        for p in sorted(root.rglob("*")):
            if p.is_symlink() or not (p.is_file() or p.is_dir()):
                out[str(p)] = "special"
            elif p.is_file():
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
            else:
                out[str(p)] = "dir"
    return out


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "beside.txt").write_text("a file beside the working folder\n", encoding="utf-8")
    shutil.copy(PLUGINS / "toy_extractor.py", work / "toy_extractor.py")
    shutil.copy(PLUGINS / "bad_extractors.py", work / "bad_extractors.py")
    monkeypatch.chdir(work)
    monkeypatch.syspath_prepend(str(work))
    return work


def _run(tool: str, argv: list[str], capsys) -> tuple[int, str, str]:
    main = eval_main if tool == E else annotate_main
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse refuses options with exit 2
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(case, workdir, capsys):
    tool, argv, setup, fragments, *count = CASES[case]
    if setup:
        setup(workdir)
    for m in ("toy_extractor", "bad_extractors"):
        sys.modules.pop(m, None)
    roots = (workdir.parent, ROOT / "data", ROOT / "schema", ROOT / "leaderboard")
    before = _tree(*roots)
    code, out, err = _run(tool, argv, capsys)
    errors = [line for line in err.splitlines() if line.startswith("error:") or ": error:" in line]
    assert code == 2, f"exit {code}\nstderr: {err}\nstdout: {out[:500]}"
    assert "Traceback" not in err
    assert len(errors) == (count[0] if count else 1), err
    for fragment in fragments:
        assert fragment in errors[0], f"{fragment!r} not in {errors[0]!r}"
    assert _tree(*roots) == before, "a file was created, changed or deleted"


def test_a_pre_existing_output_file_stays_byte_identical(workdir, capsys):
    preds(lambda r: drop_key(r, "end"))(workdir)
    (workdir / "scores.json").write_bytes(b"previous scores\n")
    code, _, err = _run(E, ["score", "pred.jsonl", "-o", "scores.json"], capsys)
    assert code == 2 and "mentions[0].end" in err
    assert (workdir / "scores.json").read_bytes() == b"previous scores\n"


def test_hostile_ids_write_nothing_outside_the_output_folder(workdir, capsys):
    victim_dir = workdir.parent / "victims"
    victim_dir.mkdir()
    for n, doc_id in enumerate([str(victim_dir / "victim"), "../../x", "../victims/y", "a/b", ".hidden", "..", "c\\d"]):
        export(lambda t, d=doc_id: t[0]["data"].update(doc_id=d), name=f"export{n}.json")(workdir)
        before = _tree(workdir.parent, Path("/tmp/x.json"))
        code, _, err = _run(A, ["import", f"export{n}.json", "-o", "out"], capsys)
        assert code == 2, (doc_id, err)
        assert not (workdir / "out").exists()
        assert _tree(workdir.parent) == {k: v for k, v in before.items() if k.startswith(str(workdir.parent))}
        assert list(victim_dir.iterdir()) == []


def test_cluster_type_clash_names_file_and_line(workdir, capsys):
    def clash(records):
        ev = records[0]["events"]
        typed = {}
        for e in ev:
            typed.setdefault(e["type"], e)
        first, second = list(typed.values())[:2]
        first["cluster"] = second["cluster"] = "clash"
    preds(clash)(workdir)
    code, _, err = _run(E, ["validate", "--predictions", "pred.jsonl"], capsys)
    assert code == 2
    line = next(ln for ln in err.splitlines() if "different types" in ln)
    assert "pred.jsonl:1:" in line and DOC0 in line and ".cluster" in line and '"clash"' in line


def test_output_folder_of_an_earlier_run_is_replaced(workdir, capsys):
    export()(workdir)
    assert _run(A, ["import", "export.json", "-o", "out"], capsys)[0] == 0
    first = _tree(workdir / "out")
    assert _run(A, ["import", "export.json", "-o", "out"], capsys)[0] == 0
    assert _tree(workdir / "out") == first
    assert sorted(p.name for p in workdir.iterdir()) == ["bad_extractors.py", "export.json", "out", "toy_extractor.py"]


def test_a_byte_order_mark_is_accepted(workdir, capsys):
    preds()(workdir)
    (workdir / "pred.jsonl").write_bytes(b"\xef\xbb\xbf" + (workdir / "pred.jsonl").read_bytes())
    code, out, err = _run(E, ["validate", "--predictions", "pred.jsonl"], capsys)
    assert code == 0, err
    assert out.startswith("OK: 2 documents")


def test_an_extractor_that_prints_does_not_corrupt_json_output(workdir, capsys):
    code, out, err = _run(E, ["run", "bad_extractors:prints", "--format", "json", "-p", "p.jsonl"], capsys)
    assert code == 0, err
    json.loads(out)  # stdout is the JSON result alone
    assert "loading my model" in err


def test_validate_and_score_refuse_with_the_same_message(workdir, capsys):
    preds(lambda r: drop_key(r, "end"))(workdir)
    _, _, validate_err = _run(E, ["validate", "--predictions", "pred.jsonl"], capsys)
    _, _, score_err = _run(E, ["score", "pred.jsonl"], capsys)
    assert validate_err == score_err and "mentions[0].end" in score_err


def test_no_traceback_from_the_console_script(run_cli, tmp_path):
    """The same rules through a real process, as a user runs it."""
    (tmp_path / "deep.json").write_text("[" * 200_000, encoding="utf-8")
    r = run_cli("ceasefire-eval", "score", tmp_path / "deep.json", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "nested too deeply" in r.stderr
