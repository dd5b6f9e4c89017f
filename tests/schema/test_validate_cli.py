"""`ceasefire-eval validate`: one clear message per problem, exit 2, never a traceback.

Each file in tests/examples/bad/ is the valid example with exactly one thing
broken (see tests/examples/make_examples.py); the table says what the one
message must contain.
"""

import pytest

from helpers.paths import EXAMPLES

BAD = {
    # file stem: (field named in the message, fragment of the message)
    "malformed_json": ("malformed_json.jsonl:3", "is not valid JSON"),
    "unknown_mention_type": ("mentions[0].type", '"PERSN" is not a known value; allowed: PERSON, GROUP'),
    "unknown_attribute_value": ("events[0].modality", '"MAYBE" is not a known value; allowed: ASSERTED, PROPOSED'),
    "offset_out_of_range": ("mentions[2].start", "90 and end 101 are not a non-empty span inside the text; allowed: 0 <= start < end <= 93"),
    "offset_text_mismatch": ("mentions[1].text", "does not match the document text at [27, 59), which is 'Russian President Vladimir Putin'"),
    "duplicate_id": ("claims[0].id", '"m3" is already used by mentions[2]'),
    "dangling_argument": ("events[1].arguments[1].ref", '"m9" does not name a mention or event'),
    "relation_head_constraint": ("relations[0].head", "not allowed as head of LEADER_OF; allowed: mention:PERSON"),
    "role_not_allowed": ("events[1].arguments[0].role", '"THEME" is not a role of PROTEST events; allowed: ACTOR, RECIPIENT, LOCATION, TIME'),
    "role_filler_type": ("events[2].arguments[3].ref", "which cannot fill TIME; allowed: mention:TIME"),
    "empty_span": ("mentions[4].text", '"" is empty'),
    "whitespace_padded_span": ("mentions[4].text", '" Tuesday" has leading or trailing whitespace'),
    "mode_not_of_type": ("events[0].mode", '"phone" is not a PLOVER mode of AGREE'),
    "undeclared_cross_doc_cluster": ("event_clusters", "does not declare event cluster id 'call_0318', which documents ex1, ex2 share"),
    "dangling_claim_source": ("claims[0].source", '"m7" does not name a mention'),
    "unknown_relation_type": ("relations[1].type", '"PRECEDES" is not a known value; allowed: MEMBER_OF'),
    "missing_field": ("claims[0].cue", "is missing"),
}


def test_every_bad_example_is_in_the_table():
    assert {p.stem for p in (EXAMPLES / "bad").iterdir()} == set(BAD)


def test_valid_example_passes(run_cli):
    r = run_cli("ceasefire-eval", "validate", EXAMPLES / "valid" / "example.jsonl")
    assert r.returncode == 0, r.stderr
    assert "OK: 2 documents" in r.stdout


@pytest.mark.parametrize("stem", sorted(BAD))
def test_bad_example_gives_one_clear_message(run_cli, stem):
    path = EXAMPLES / "bad" / f"{stem}.jsonl"
    r = run_cli("ceasefire-eval", "validate", path)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, r.stderr
    field, fragment = BAD[stem]
    assert str(path) in errors[0]
    assert field in errors[0] and fragment in errors[0], errors[0]


def test_folder_of_bad_examples_reports_every_problem_at_once(run_cli):
    r = run_cli("ceasefire-eval", "validate", *sorted((EXAMPLES / "bad").iterdir()))
    assert r.returncode == 2
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    # the files all describe the same documents, so read together they also clash
    # (duplicate ids, several corpus records): more than one message per file
    assert len(errors) > len(BAD)
    for stem in BAD:
        assert any(f"{stem}.jsonl" in e for e in errors), stem


def test_each_bad_file_alone_in_a_folder(run_cli, tmp_path):
    """Validating a folder reads every file in it; one bad file, one message."""
    for stem in ("dangling_argument", "offset_out_of_range"):
        d = tmp_path / stem
        d.mkdir()
        (d / "x.jsonl").write_text((EXAMPLES / "bad" / f"{stem}.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
        r = run_cli("ceasefire-eval", "validate", d)
        assert r.returncode == 2 and r.stderr.count("error:") == 1


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("[1, 2]\n", "is not a record: expected a JSON object"),
        ("", "folder holds no"),
    ],
)
def test_odd_inputs_fail_cleanly(run_cli, tmp_path, content, fragment):
    if content:
        f = tmp_path / "odd.json"
        f.write_text(content)
    r = run_cli("ceasefire-eval", "validate", tmp_path)
    assert r.returncode == 2 and fragment in r.stderr and "Traceback" not in r.stderr


def test_missing_file_and_non_utf8(run_cli, tmp_path):
    r = run_cli("ceasefire-eval", "validate", tmp_path / "nope.jsonl")
    assert r.returncode == 2 and "no such file or folder" in r.stderr
    f = tmp_path / "latin1.jsonl"
    f.write_bytes('{"id": "caf\xe9"}\n'.encode("latin-1"))
    r = run_cli("ceasefire-eval", "validate", f)
    assert r.returncode == 2 and "is not UTF-8" in r.stderr and "Traceback" not in r.stderr


def test_help_shows_an_example(run_cli):
    r = run_cli("ceasefire-eval", "validate", "--help")
    assert r.returncode == 0 and "example" in r.stdout and "ceasefire-eval validate" in r.stdout
