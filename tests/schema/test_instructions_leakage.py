"""No instruction quotes an article (issue 20).

Every text a system or an annotator is given is checked against every article of the corpus
manifest (data/articles/articles.json): schema.yaml, the guidelines, FORMAT.md, the record
format's JSON Schemas, the `prompt` output for every layer set with its answer schema, and the
Label Studio config of every pass. `ceasefire.schema.leakage` says what a finding is.
"""

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire.data import load_articles
from ceasefire.eval.prompt import LayerError, answer_schema, guidelines_text, instructions, parse_layers
from ceasefire.schema import load_schema
from ceasefire.schema.leakage import NAMES_ALLOWED, PHRASES_ALLOWED, RUN, Articles, check_texts
from ceasefire.schema.records import DOC_LAYERS
from helpers.paths import ROOT

INSTRUCTION_FILES = ["schema/schema.yaml", "schema/FORMAT.md", "schema/gold.schema.json", "schema/prediction.schema.json"]
PASSES = ["all", "actors", "events", "claims", "relations"]


def articles() -> dict[str, str]:
    return {doc: a["text"] for doc, a in load_articles().items()}


def layer_sets() -> list[list[str]]:
    out = []
    for n in range(1, len(DOC_LAYERS) + 1):
        for combo in itertools.combinations(DOC_LAYERS, n):
            try:
                out.append(parse_layers(",".join(combo)))
            except LayerError:
                continue
    return out


def descriptions(node, path="$"):
    """Every description and enum value of a JSON Schema, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield f"{path}.description", value
            else:
                yield from descriptions(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from descriptions(value, f"{path}[{i}]")
    elif isinstance(node, str) and path.split(".")[-1].startswith("enum"):
        yield path, node


def instruction_texts():
    for name in INSTRUCTION_FILES:
        yield name, (ROOT / name).read_text(encoding="utf-8")
    yield "GUIDELINES.md", guidelines_text()
    schema = load_schema()
    for layers in layer_sets():
        tag = ",".join(layers)
        yield f"prompt --layers {tag}", instructions(schema, layers, guidelines_text())
        yield from ((f"answer schema --layers {tag} {where}", text) for where, text in descriptions(answer_schema(schema, layers)))
    for pass_ in PASSES:
        out = subprocess.run([sys.executable, "-m", "ceasefire.annotate.cli", "config", "--pass", pass_, "--out", "-"],
                             capture_output=True, text=True, check=True).stdout
        yield f"Label Studio config --pass {pass_}", out


def test_the_check_finds_each_kind_of_quotation():
    texts = {"a1": "Officials of Freedonia said on Friday that the talks in Upper Vexland had collapsed, according to two aides."}
    index = Articles(texts)
    kinds = lambda text: sorted({f.kind for f in index.check(text)})  # noqa: E731
    assert kinds('A GROUP, such as "two aides".') == ["quoted"]
    assert kinds("A cue like “said on” marks a claim.") == ["quoted"]
    assert kinds("A cue like “according to” marks a claim.") == []          # allowed, with its reason
    assert kinds('A STATE ("Freedonia").') == ["name", "quoted"]
    assert kinds("the talks in Upper Vexland had collapsed here") == ["name", "run"]
    assert kinds("Start entity ids with the document id: doc/freedonia.") == ["name"]
    assert kinds("Say that the talks had ended.") == []                      # four words in a row, no name
    assert kinds('A cue such as "said".') == []                              # one lower-case word
    assert kinds("It's the officials' view.") == []                          # apostrophes open no quote


def test_the_check_fails_on_the_contaminated_schema_of_issue_20():
    """schema.yaml as it was before issue 20 quoted the articles; the check must say so."""
    old = subprocess.run(["git", "show", "cbad133:schema/schema.yaml"], cwd=ROOT, capture_output=True, text=True)
    if old.returncode != 0:
        pytest.skip("not a git checkout with the history of issue 20")
    found = check_texts(articles(), [("schema.yaml@cbad133", old.stdout)])
    for phrase in ("Kremlin sources", "fell short of an agreement", "warning of", "last week"):
        assert any(repr(phrase) in f for f in found), (phrase, found)


def test_an_added_article_is_covered_too():
    """The articles come from the manifest: a new one is checked like the first two."""
    extra = dict(articles(), x="A spokesman for Vexland said the Quorn Accord was dead.")
    found = check_texts(extra, [("probe", 'A "Quorn Accord" is an OBJECT.')])
    assert found and "article x" in found[0]


def test_allowed_names_and_phrases_have_reasons_and_are_few():
    allowed = {**NAMES_ALLOWED, **PHRASES_ALLOWED}
    assert len(allowed) <= 5 and all(isinstance(r, str) and len(r.split()) >= 8 for r in allowed.values())


def test_no_instruction_quotes_an_article():
    found = check_texts(articles(), instruction_texts())
    assert not found, f"{len(found)} quotations of the articles (runs of {RUN} words, quoted phrases, names):\n" + "\n".join(found)


def test_every_layer_set_and_pass_is_checked():
    names = [where for where, _ in instruction_texts()]
    assert sum(n.startswith("prompt --layers") for n in names) == len(layer_sets()) == 23
    assert sum(n.startswith("Label Studio config") for n in names) == len(PASSES)
    assert json.loads((ROOT / "schema/gold.schema.json").read_text())  # the files exist and parse
