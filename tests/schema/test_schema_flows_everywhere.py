"""One change in schema.yaml changes the JSON Schema and the validator, with no code edits."""

import json

from ceasefire.schema import load_schema, read_records
from ceasefire.schema.json_schema import build
from ceasefire.schema.model import SCHEMA_FILE
from ceasefire.schema.validate import validate_records

from helpers.paths import EXAMPLES


def _renamed_schema(tmp_path, old, new):
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    path = tmp_path / "schema.yaml"
    path.write_text(text.replace(f"mention:{old}", f"mention:{new}").replace(f"    {old}:\n", f"    {new}:\n", 1), encoding="utf-8")
    return load_schema(path)


def test_renaming_a_mention_type_changes_json_schema_and_validator(tmp_path, run_cli):
    renamed = _renamed_schema(tmp_path, "PERSON", "HUMAN")
    assert "HUMAN" in renamed.mention_types and "PERSON" not in renamed.mention_types
    enum = build(renamed, gold=True)["$defs"]["document"]["properties"]["mentions"]["items"]["properties"]["type"]["enum"]
    assert "HUMAN" in enum and "PERSON" not in enum

    example = EXAMPLES / "valid" / "example.jsonl"
    loaded, _ = read_records([example])
    assert validate_records(loaded).ok  # valid under the shipped schema
    problems = validate_records(loaded, schema=renamed).problems
    assert problems and all("PERSON" in p.format() for p in problems)

    converted = tmp_path / "example.jsonl"
    converted.write_text(example.read_text(encoding="utf-8").replace('"PERSON"', '"HUMAN"'), encoding="utf-8")
    loaded, _ = read_records([converted])
    assert validate_records(loaded, schema=renamed).ok

    # the command-line tools read the same file
    assert run_cli("ceasefire-eval", "validate", "--schema", renamed.path, converted).returncode == 0
    assert run_cli("ceasefire-eval", "validate", "--schema", renamed.path, example).returncode == 2
    out = tmp_path / "js"
    assert run_cli("ceasefire-annotate", "jsonschema", "--schema", renamed.path, "--out", out).returncode == 0
    assert "HUMAN" in json.loads((out / "gold.schema.json").read_text())["$defs"]["document"]["properties"]["mentions"]["items"]["properties"]["type"]["enum"]


def test_removing_a_role_from_an_event_type_is_enforced(tmp_path):
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    # CONSULT loses TIME: the valid example's call on Tuesday becomes an error
    start = text.index("    CONSULT:")
    roles_at = text.index("roles: [ACTOR, RECIPIENT, THEME, LOCATION, TIME]", start)
    text = text[:roles_at] + "roles: [ACTOR, RECIPIENT, THEME, LOCATION]" + text[roles_at + len("roles: [ACTOR, RECIPIENT, THEME, LOCATION, TIME]"):]
    path = tmp_path / "schema.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, _ = read_records([EXAMPLES / "valid" / "example.jsonl"])
    problems = validate_records(loaded, schema=load_schema(path)).problems
    assert [p.field for p in problems] == ["events[2].arguments[2].role"]
    assert "is not a role of CONSULT events" in problems[0].format()
