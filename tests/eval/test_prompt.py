"""`ceasefire-eval prompt`: instructions from the schema and guidelines, and an answer JSON Schema
that strict structured-output modes accept; a model-style answer validates against it and scores."""

import json

import jsonschema
import pytest

from ceasefire.eval.api import public, score_files
from ceasefire.schema import load_schema

from helpers.llm_fixture import annotation_b, without_offsets, write_jsonl

ALL = "mentions,entities,events,claims,relations"
#: Keywords a strict structured-output mode rejects or limits (eval/prompt.py cites the sources);
#: written out here again so that the test does not trust the module's own list.
BANNED = {"oneOf", "allOf", "not", "$ref", "$defs", "const", "pattern", "format", "minLength", "maxLength",
          "minimum", "maximum", "minItems", "maxItems", "uniqueItems", "default", "if", "then", "else"}


def _emit(run_cli, tmp_path, layers=ALL, *extra):
    out = tmp_path / f"{layers.replace(',', '_')}.schema.json"
    r = run_cli("ceasefire-eval", "prompt", "--layers", layers, "--json-schema", out, *extra)
    assert r.returncode == 0, r.stderr
    return r.stdout, json.loads(out.read_text(encoding="utf-8"))


def _strict_problems(node, path="$", root=True) -> list[str]:
    """Every place where ``node`` breaks the strict structured-output subset."""
    out = []
    if isinstance(node, dict):
        out += [f"{path}: {k}" for k in node if k in BANNED]
        if root and (node.get("type") != "object" or "anyOf" in node):
            out.append(f"{path}: the root must be a plain object")
        if node.get("type") == "object":
            if node.get("additionalProperties") is not False:
                out.append(f"{path}: additionalProperties is not false")
            if sorted(node.get("required", [])) != sorted(node.get("properties", {})):
                out.append(f"{path}: not every property is required")
        for k, v in node.items():
            if k in ("properties",):
                out += [p for name, sub in v.items() for p in _strict_problems(sub, f"{path}.{name}", False)]
            elif isinstance(v, (dict, list)) and k not in ("enum", "required"):
                out += _strict_problems(v, f"{path}.{k}", False)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _strict_problems(v, f"{path}[{i}]", False)
    return out


@pytest.mark.parametrize("layers", [ALL, "mentions", "mentions,events", "claims", "events,relations"])
def test_answer_schema_keeps_to_the_strict_subset(run_cli, tmp_path, layers):
    _, schema = _emit(run_cli, tmp_path, layers)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert _strict_problems(schema) == []
    assert set(schema["properties"]) == {"id", *layers.split(",")}


def test_the_strictness_check_can_fail():
    assert _strict_problems({"type": "object", "properties": {"a": {"type": "string", "minLength": 1}}, "required": [], "additionalProperties": True})


def test_instructions_come_from_the_schema_and_the_guidelines(run_cli, tmp_path):
    text, schema = _emit(run_cli, tmp_path, "mentions,events")
    s = load_schema()
    for name in [*s.mention_types, *s.event_types, *s.roles, *s.modality]:
        assert f"`{name}`" in text, name
    assert "## 1. Actors" in text and "## 2. Events" in text and "## 3. Claims" not in text
    assert schema["properties"]["events"]["items"]["properties"]["type"]["enum"] == list(s.event_types)
    text, _ = _emit(run_cli, tmp_path, "claims", "--document", "004_2b10ae636b3461d6")
    assert "## 3. Claims" in text and "## 1. Actors" not in text and "<article>" in text and "004_2b10ae636b3461d6" in text


@pytest.mark.parametrize("layers, fragment", [("mentions,foo", "'foo' is not a layer"), ("entities", "entities needs mentions")])
def test_bad_layers_are_refused(run_cli, tmp_path, layers, fragment):
    r = run_cli("ceasefire-eval", "prompt", "--layers", layers, "--json-schema", tmp_path / "s.json")
    assert r.returncode == 2 and fragment in r.stderr and "allowed:" in r.stderr and not (tmp_path / "s.json").exists()


def _model_answers(layers: list[str]) -> list[dict]:
    """What a model following the prompt returns for each article: B's annotation without offsets,
    only the asked layers, entity and cluster ids prefixed with the document id, no corpus record."""
    out = []
    for rec in without_offsets(annotation_b()):
        if rec.get("record") == "corpus":
            continue
        d = rec["id"]
        for m in rec["mentions"]:
            m["entity"] = f"{d}/{m['entity']}"
        for e in rec["entities"]:
            e["id"] = f"{d}/{e['id']}"
        for e in rec["events"]:
            e["cluster"] = f"{d}/{e['cluster']}"
        for r in rec["relations"]:
            r.setdefault("detail", None)  # strict mode: every property present, null where it does not apply
        out.append({"id": d, **{layer: rec[layer] for layer in layers}})
    return out


def test_a_model_style_answer_validates_against_the_schema_and_scores(run_cli, tmp_path):
    _, schema = _emit(run_cli, tmp_path, ALL)
    answers = _model_answers(ALL.split(","))
    validator = jsonschema.Draft202012Validator(schema)
    for answer in answers:
        assert list(validator.iter_errors(answer)) == []
    path = write_jsonl(tmp_path / "answers.jsonl", answers)
    r = run_cli("ceasefire-eval", "score", path)
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    reference = public(score_files([write_jsonl(tmp_path / "b.jsonl", annotation_b())]))
    # the layers that do not depend on cross-document ids score as B with offsets
    for name in ("mentions.strict", "events.trigger.classification", "events.argument.classification", "claims.tuple", "coref.conll",
                 "relations.within_doc"):
        assert result["metrics"][name]["f1"] == reference["metrics"][name]["f1"], name
    assert result["predictions"]["placement"]["unplaced_spans"]["count"] == 0


def test_an_answer_with_other_layers_fails_the_schema_and_a_subset_scores(run_cli, tmp_path):
    _, schema = _emit(run_cli, tmp_path, "mentions,events")
    validator = jsonschema.Draft202012Validator(schema)
    full = _model_answers(ALL.split(","))[0]
    assert any("claims" in e.message for e in validator.iter_errors(full))  # additionalProperties: false
    answers = _model_answers(["mentions", "events"])
    assert all(not list(validator.iter_errors(a)) for a in answers)
    result = public(score_files([write_jsonl(tmp_path / "subset.jsonl", answers)]))
    assert result["metrics"]["mentions.strict"]["f1"] > 0.9
    assert all(set(v) == {"entities", "claims", "relations"} for v in result["predictions"]["missing_layers_scored_as_empty"].values())


def test_answer_schema_stays_within_the_size_limits(run_cli, tmp_path):
    """OpenAI's first published limits for strict mode, the smallest known: at most 100 object
    properties in all and 5 levels of nesting (https://community.openai.com/t/918388)."""
    _, schema = _emit(run_cli, tmp_path, ALL)

    def walk(node, depth):
        props = node.get("properties", {})
        subs = [*props.values(), *([node["items"]] if "items" in node else []), *node.get("anyOf", [])]
        counts = [walk(s, depth + (s.get("type") in ("object", "array"))) for s in subs]
        return len(props) + sum(c for c, _ in counts), max([depth, *(d for _, d in counts)])

    properties, depth = walk(schema, 1)
    assert properties <= 100 and depth <= 5, (properties, depth)


def test_the_readme_answer_validates_and_scores(run_cli, tmp_path):
    """The saved answer shown in the systems guide is valid under the schema `prompt` writes for its layers."""
    import re

    from helpers.llm_fixture import ROOT

    guide = (ROOT / "docs" / "systems.md").read_text(encoding="utf-8")
    section = guide.split("## Scoring a language-model extractor")[1]
    answer = json.loads(re.search(r"```json\n(.+?)\n```", section, re.S).group(1))
    _, schema = _emit(run_cli, tmp_path, "mentions,events,claims")
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(answer)) == []
    r = run_cli("ceasefire-eval", "score", write_jsonl(tmp_path / "readme.jsonl", [answer]), "--allow-missing")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["metrics"]["mentions.strict"]["tp"] == 1


def test_run_command_loop_with_a_model_style_script(run_cli, tmp_path):
    import sys

    from helpers.llm_fixture import ROOT

    out = tmp_path / "llm.jsonl"
    r = run_cli("ceasefire-eval", "run", "--command", f"{sys.executable} {ROOT / 'tests' / 'plugins' / 'llm_answer.py'}",
                "-p", out, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("warning:") == 1 and "warning: 2 text-only predicted spans" in r.stderr  # one per article
    result = json.loads(r.stdout)
    assert result["predictions"]["placement"]["unplaced_spans"]["count"] == 2
    assert result["metrics"]["mentions.strict"]["fp"] >= 2 and result["metrics"]["mentions.strict"]["f1"] > 0.9
    assert len(out.read_text().splitlines()) == 2


def test_a_layer_set_without_mentions_asks_for_no_mention():
    """`--layers events` gives no mentions: the prompt and the answer schema may not ask for one
    (the first language-model run of issue 20 was told `ref` names "a mention or event")."""
    from ceasefire.eval.prompt import answer_schema, guidelines_text, instructions

    schema = load_schema()
    text = instructions(schema, ["events"], guidelines_text())
    assert "`ref` is the id of an event of the answer" in text and "mention or event" not in text
    assert "Filled by: mention" not in text and "Not part of this answer" in text
    ref = answer_schema(schema, ["events"])["properties"]["events"]["items"]["properties"]["arguments"]["items"]["properties"]["ref"]
    assert ref["description"] == "The id of the event that fills the role."
    full = instructions(schema, ["mentions", "events", "relations"], guidelines_text())
    assert "`ref` is the id of a mention or event of the answer" in full and "Not part of this answer" not in full
    rel = instructions(schema, ["events", "relations"], guidelines_text())
    assert "Not part of this answer (their ends are not asked for): `MEMBER_OF`" in rel


def test_the_schema_layer_names_are_accepted_as_the_readme_gives_them():
    from ceasefire.eval.prompt import parse_layers

    assert parse_layers("actors") == ["mentions", "entities"]
    assert parse_layers("relations,actors,events") == ["mentions", "entities", "events", "relations"]
    assert parse_layers("mentions,actors") == ["mentions", "entities"]
