"""The committed JSON Schema files are generated from schema.yaml and agree with the validator."""

import json

import jsonschema
import pytest

from ceasefire.schema import load_schema, read_records
from ceasefire.schema.json_schema import build, committed_files
from ceasefire.schema.validate import validate_records

from helpers.paths import EXAMPLES


def test_committed_json_schema_is_in_sync_with_schema_yaml():
    schema = load_schema()
    for name, content in committed_files(schema).items():
        committed = (schema.path.parent / name).read_text(encoding="utf-8")
        assert committed == content, f"{name} is stale: run `ceasefire-annotate jsonschema`"


@pytest.mark.parametrize("gold", [True, False])
def test_generated_schema_is_valid_json_schema(gold):
    jsonschema.Draft202012Validator.check_schema(build(load_schema(), gold=gold))


def _records(path):
    loaded, problems = read_records([path])
    assert not problems
    return [x.record for x in loaded]


def test_valid_example_passes_the_official_json_schema_validator():
    validator = jsonschema.Draft202012Validator(build(load_schema(), gold=True))
    for rec in _records(EXAMPLES / "valid" / "example.jsonl"):
        assert list(validator.iter_errors(rec)) == []


STRUCTURAL = ["unknown_mention_type", "unknown_attribute_value", "empty_span", "unknown_relation_type", "missing_field"]


@pytest.mark.parametrize("name", STRUCTURAL)
def test_structural_errors_are_found_by_both_validators(name):
    """Differential check: our structural walker and the jsonschema package agree."""
    schema = load_schema()
    validator = jsonschema.Draft202012Validator(build(schema, gold=True))
    path = EXAMPLES / "bad" / f"{name}.jsonl"
    theirs = sum(len(list(validator.iter_errors(r))) > 0 for r in _records(path))
    loaded, _ = read_records([path])
    ours = validate_records(loaded, schema=schema)
    assert theirs == 1
    assert len(ours.problems) == 1
