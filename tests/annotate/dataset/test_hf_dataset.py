"""The Hugging Face dataset folder: deterministic build, loads offline with the real
loader to exactly the gold, checked manifest and card, dry-run publish."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire.annotate.dataset.build import SHIPPED, build_dataset
from ceasefire.annotate.dataset.card import split_card, validate_metadata
from ceasefire.annotate.dataset import token_view
from ceasefire.annotate.dataset.configs import CONFIGS
from ceasefire.annotate.dataset.publish import TOKEN_VARIABLES
from ceasefire.data import data_dir
from ceasefire.schema import load_schema

from helpers.gold_helpers import D0, load_gold
from helpers.paths import ROOT

HF = data_dir() / "hf"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("hf") / "hf"
    build_dataset(out, schema=load_schema())
    return out


def test_build_is_deterministic(built, tmp_path):
    again = tmp_path / "hf"
    build_dataset(again, schema=load_schema())
    assert _files(again) == _files(built)


def test_committed_folder_is_current_byte_for_byte(run_cli):
    r = run_cli("ceasefire-annotate", "build", "--check")
    assert r.returncode == 0, f"data/hf is stale: run `ceasefire-annotate build`\n{r.stderr}"
    assert "is current" in r.stdout


def _gold_copy(tmp_path: Path) -> Path:
    import shutil

    gold = tmp_path / "gold"
    shutil.copytree(data_dir() / "gold", gold)
    return gold


def _change_one_label(gold: Path) -> str:
    """Flip one claim's check-worthiness in the copy (a change the validator accepts)."""
    path = gold / "000_8ce9f93fccec955a.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    claim = doc["claims"][0]
    claim["check_worthiness"] = "UFS" if claim["check_worthiness"] != "UFS" else "CFS"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return claim["id"]


def test_build_check_detects_a_one_label_change_in_the_gold(run_cli, tmp_path):
    gold = _gold_copy(tmp_path)
    r = run_cli("ceasefire-annotate", "build", "--check", "--gold", gold)
    assert r.returncode == 0, r.stderr  # an unchanged copy matches the committed folder
    _change_one_label(gold)
    r = run_cli("ceasefire-annotate", "build", "--check", "--gold", gold)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    differing = {line.split(": ")[1] for line in r.stderr.splitlines() if "differs from what the build writes now" in line}
    assert {str(HF / "claims" / "test.parquet"), str(HF / "documents" / "test.parquet"), str(HF / "SHA256SUMS")} <= differing
    assert str(HF / "mentions" / "test.parquet") not in differing  # only what the label touches


def test_build_check_names_missing_and_extra_files(run_cli, tmp_path):
    built = tmp_path / "hf"
    build_dataset(built, schema=load_schema())
    (built / "tokens" / "test.parquet").unlink()
    (built / "notes.txt").write_text("x")
    r = run_cli("ceasefire-annotate", "build", "--check", "--out", built)
    assert r.returncode == 2
    assert f"{built / 'tokens' / 'test.parquet'}: missing" in r.stderr
    assert f"{built / 'notes.txt'}: not written by the build" in r.stderr


def test_publish_runs_the_check_first(run_cli, tmp_path):
    gold = _gold_copy(tmp_path)
    _change_one_label(gold)
    r = run_cli("ceasefire-annotate", "publish", "--repo-id", "someone/ceasefire", "--dry-run", "--gold", gold)
    assert r.returncode == 2 and "stale" in r.stderr and "would upload" not in r.stdout


@pytest.mark.parametrize("repo_id", ["ceasefire", "some one/ceasefire", "a/b/c", "someone/cease--fire", "someone/ceasefire."])
def test_publish_refuses_a_bad_repo_id(run_cli, repo_id):
    r = run_cli("ceasefire-annotate", "publish", "--repo-id", repo_id, "--dry-run")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"--repo-id: {repo_id!r}" in r.stderr and "allowed: NAMESPACE/NAME" in r.stderr


@pytest.fixture(scope="module")
def loaded():
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1")
    r = subprocess.run([sys.executable, str(ROOT / "tests" / "helpers" / "hf_load_check.py"), str(HF)], capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_documents_config_is_exactly_the_gold(loaded):
    docs, corpus = load_gold()
    assert loaded["documents"] == docs
    assert loaded["corpus"] == corpus


def test_every_view_has_the_gold_counts_and_declared_features(loaded):
    docs, corpus = load_gold()
    expected = {
        "documents": len(docs),
        "mentions": sum(len(d["mentions"]) for d in docs.values()),
        "entities": sum(len(d["entities"]) for d in docs.values()),
        "events": sum(len(d["events"]) for d in docs.values()),
        "claims": sum(len(d["claims"]) for d in docs.values()),
        "relations": sum(len(d["relations"]) for d in docs.values()) + len(corpus["relations"]),
        "cross_document": len(corpus["entity_clusters"]) + len(corpus["event_clusters"]) + len(corpus["relations"]),
        "tokens": sum(len(token_view.doc_rows(d)) for d in docs.values()),
    }
    assert loaded["rows"] == expected
    assert all(n > 0 for n in loaded["rows"].values())
    assert all(loaded["features_ok"].values()), loaded["features_ok"]
    assert all(s == ["test"] for s in loaded["splits"].values())
    assert loaded["default_config_rows"] == len(docs)  # load_dataset(folder) gives documents


def test_labels_are_classlabels_with_the_schemas_full_value_lists(loaded):
    schema = load_schema()
    mention = {"type": list(schema.mention_types), "level": list(schema.mention_levels)}
    event = {"type": list(schema.event_types), "mode": schema.all_modes, "polarity": list(schema.polarity),
             "modality": list(schema.modality), "arguments[].role": list(schema.roles)}
    claim = {"quote_type": list(schema.quote_type), "check_worthiness": list(schema.check_worthiness)}
    relation = {"type": list(schema.relation_types), "detail": list(schema.relation_detail)}
    expected = {
        "documents": {**{f"mentions[].{k}": v for k, v in mention.items()}, "entities[].type": mention["type"],
                      **{f"events[].{k}": v for k, v in event.items()}, **{f"claims[].{k}": v for k, v in claim.items()},
                      **{f"relations[].{k}": v for k, v in relation.items()}},
        "mentions": mention, "entities": {"type": mention["type"]}, "events": event, "claims": claim,
        "relations": relation, "cross_document": relation,
        "tokens": {"tags[]": ["O"] + [f"{p}-{t}" for t in schema.mention_types for p in "BI"]},
    }
    assert loaded["class_labels"] == expected
    # full lists, not the values that happen to occur: PROTEST and MIXED-free modes are in, unused
    used = {e["type"] for d in loaded["documents"].values() for e in d["events"]}
    assert "PROTEST" not in used and "PROTEST" in expected["events"]["type"]


def test_optional_and_detail_are_in_every_config_where_the_items_are(loaded):
    """`optional` (a bool, false where the record leaves it out), `optional_reason` and `detail`
    (null where unset) reach every config of the items, with the gold's values."""
    from collections import Counter

    docs, corpus = load_gold()
    schema = load_schema()
    items = {layer: [x for d in docs.values() for x in d[layer]] for layer in ("mentions", "events", "claims", "relations")}
    items["relations"] += corpus["relations"]
    for layer in schema.optional_layers:
        gold = sorted(x["optional_reason"] for x in items[layer] if x.get("optional"))
        assert loaded["optional"][layer] == gold, layer
        assert loaded["unset_optional"][layer] == 0, layer  # a bool in every row, never null
    assert loaded["optional"]["cross_document"] == sorted(r["optional_reason"] for r in corpus["relations"] if r.get("optional"))
    assert sum(len(v) for v in loaded["optional"].values()) > 0  # the gold has optional items, so this can fail
    details = Counter(x.get("detail") for x in items["relations"])
    assert loaded["detail"]["relations"] == {str(k): n for k, n in details.items()}
    assert loaded["detail"]["cross_document"] == {str(k): n for k, n in Counter(r.get("detail") for r in corpus["relations"]).items()}
    assert set(details) - {None} and None in details  # both set and unset values occur


def test_a_written_unset_value_is_refused_not_silently_dropped():
    from ceasefire.annotate.dataset.configs import all_features, rows

    docs, corpus = load_gold()
    docs[D0]["mentions"][0]["optional"] = False
    with pytest.raises(ValueError, match=f"{D0}: mentions: {docs[D0]['mentions'][0]['id']}: optional: False is written"):
        rows(docs, corpus, all_features(load_schema()))


def test_token_config_tags_exactly_the_top_level_mentions(loaded):
    docs, _ = load_gold()
    rows = loaded["tokens"]
    for d, doc in docs.items():
        mine = [r for r in rows if r["doc_id"] == d]
        assert [r["sentence"] for r in mine] == list(range(len(mine)))
        for r in mine:
            assert r["text"] == doc["text"][r["start"]:r["end"]]
            assert r["tokens"] == [doc["text"][a:b] for a, b in zip(r["token_starts"], r["token_ends"])]
            assert len(r["tags"]) == len(r["tokens"])
        top = {(m["start"], m["end"], m["type"]) for m in token_view.top_level(doc["mentions"])}
        assert token_view.decode(mine) == top
    n = sum(token_view.nesting(doc["mentions"])["top_level"] for doc in docs.values())
    assert sum(t.startswith("B-") for r in rows for t in r["tags"]) == n


def test_card_states_the_loss_from_nesting_as_computed():
    from ceasefire.annotate.dataset.card_sections import token_view_markdown

    docs, _ = load_gold()
    _, body = split_card((HF / "README.md").read_text(encoding="utf-8"))
    assert token_view_markdown(docs) in body


def test_card_and_datasheet_report_the_honest_agreement_beside_published_figures():
    """C-D and C, D against the gold, A-B as history, who made them, and published figures with
    their sources: the generated blocks, as computed now, in the card and the datasheet."""
    from ceasefire.annotate.dataset.datasheet import PUBLISHED, WHO, agreement_markdown, published_markdown

    _, body = split_card((HF / "README.md").read_text(encoding="utf-8"))
    datasheet = (ROOT / "DATASHEET.md").read_text(encoding="utf-8")
    table = agreement_markdown()
    assert table.splitlines()[0] == "| layer | measure | E vs F | E vs gold | F vs gold | C vs D (history) | A vs B (history) |"
    for text in (body, datasheet):
        assert table.strip() in text and published_markdown().strip() in text and WHO in text
    assert "upper bound" in WHO and "not human inter-annotator agreement" in WHO
    for corpus, _, figure, source in PUBLISHED:
        # a figure has the place it was found; a missing one says so, never an estimate
        assert figure == "not found" or "https://" in source, corpus
    assert any("0.754" in figure for _, _, figure, _ in PUBLISHED)


def test_card_states_the_optional_items_per_layer_and_their_scoring():
    from ceasefire.annotate.dataset.card_sections import optional_markdown

    docs, corpus = load_gold()
    _, body = split_card((HF / "README.md").read_text(encoding="utf-8"))
    text = optional_markdown(docs, corpus, load_schema())
    assert text in body
    n = sum(1 for d in docs.values() for layer in ("mentions", "events", "claims", "relations") for x in d[layer] if x.get("optional"))
    n += sum(1 for r in corpus["relations"] if r.get("optional"))
    assert text.startswith(f"{n} gold items are marked `optional: true`")
    assert "neither counted as missed" in text and "nor as a false positive" in text and "TAC KBP" in text


def test_card_metadata_keys_as_the_hub_library_reads_them(loaded):
    card = loaded["card"]
    assert card["license"] == "other" and card["license_name"]
    assert (HF / card["license_link"]).is_file()
    licence = (HF / card["license_link"]).read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence and "rights unknown" in licence and "grants no licence" in licence
    assert {c["config_name"] for c in card["configs"]} == set(CONFIGS)


def test_every_link_of_the_card_is_a_file_of_the_folder():
    import re

    _, body = split_card((HF / "README.md").read_text(encoding="utf-8"))
    links = set(re.findall(r"\]\(([^)#]+)\)", body))
    assert {"DATASHEET.md", "FORMAT.md", "METRICS.md", "LICENSE.md"} <= links
    assert all((HF / link).is_file() for link in links), links


def test_the_cards_python_examples_run(tmp_path):
    """The ClassLabel and join snippets of the card, run against the folder with a fresh cache."""
    import re

    _, body = split_card((HF / "README.md").read_text(encoding="utf-8"))
    blocks = [b for b in re.findall(r"```python\n(.*?)```", body, re.S) if "int2str" in b]
    assert len(blocks) >= 2
    code = "from datasets import load_dataset\n" + "\n".join(blocks).replace("path/to/this/folder", str(HF))
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1", HF_DATASETS_CACHE=str(tmp_path / "cache"))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "Vladimir Putin" in r.stdout and "CORROBORATES" in r.stdout


def test_card_metadata_is_valid_and_checked():
    meta, body = split_card((HF / "README.md").read_text(encoding="utf-8"))
    files = set(_files(HF))
    assert validate_metadata(meta, files) == []
    assert meta["annotations_creators"] == ["machine-generated"]  # the truth about who labelled
    assert "load_dataset(" in body and "ceasefire-eval score" in body and "No human annotated" in body
    bad = dict(meta, language=["english"], task_categories=["event-extraction"])
    problems = validate_metadata(bad, files)
    assert any("language: 'english' is not a known value" in p for p in problems)
    assert any("task_categories: 'event-extraction' is not a known value" in p for p in problems)
    no_default = dict(meta, configs=[dict(c, default=False) for c in meta["configs"]])
    assert any("default: true" in p for p in validate_metadata(no_default, files))
    no_link = dict(meta, license_link="LICENCE.txt")
    assert any("license_link: 'LICENCE.txt' is not a file in the folder" in p for p in validate_metadata(no_link, files))


def test_publish_dry_run_lists_exactly_the_folder(run_cli):
    r = run_cli("ceasefire-annotate", "publish", "--repo-id", "someone/ceasefire", "--dry-run")
    assert r.returncode == 0, r.stderr
    listed = [line.split()[0] for line in r.stdout.splitlines() if line.startswith("  ") and "sha256" in line]
    assert sorted(listed) == sorted(k for k in _files(HF) if not k.startswith("."))  # not the .ceasefire-output manifest


def test_publish_refuses_a_tampered_folder_and_never_prints_the_token(run_cli, tmp_path):
    import shutil

    folder = tmp_path / "hf"
    shutil.copytree(HF, folder)
    (folder / "mentions" / "test.parquet").write_bytes(b"not parquet")
    r = run_cli("ceasefire-annotate", "publish", "--repo-id", "someone/ceasefire", "--folder", folder, "--dry-run")
    assert r.returncode == 2 and "sha256 of 'mentions/test.parquet' does not match" in r.stderr
    shutil.rmtree(folder)
    shutil.copytree(HF, folder)
    secret = "hf_not_a_real_token_1234567890"
    env_cmd = [sys.executable, "-m", "ceasefire.annotate.cli", "publish", "--repo-id", "someone/ceasefire", "--folder", str(folder)]
    r = subprocess.run(env_cmd, capture_output=True, text=True, env=dict(os.environ, HF_TOKEN=secret, HF_HUB_OFFLINE="1"), timeout=120)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert secret not in r.stdout and secret not in r.stderr
    assert "uploading" not in r.stdout  # the token is checked with the Hub before anything is announced
    no_token = {k: v for k, v in os.environ.items() if k not in TOKEN_VARIABLES}
    r = subprocess.run(env_cmd, capture_output=True, text=True, env=no_token, timeout=120)
    assert r.returncode == 2 and "no token" in r.stderr and "uploading" not in r.stdout


def test_datasheet_figures_are_current(run_cli):
    r = run_cli("ceasefire-annotate", "datasheet", "--check")
    assert r.returncode == 0, r.stderr


def test_datasheet_keeps_every_section():
    text = (ROOT / "DATASHEET.md").read_text(encoding="utf-8")
    for section in ("Motivation", "Composition", "Collection process", "Preprocessing / cleaning / labeling", "Uses", "Distribution", "Maintenance"):
        assert f". {section}\n" in text, section
    assert text.count("**Any other comments?**") == 7
    assert "No human" in text or "No people were involved in annotation" in text


def test_the_card_shows_an_example_per_config_and_explains_every_code():
    _, body = split_card((HF / "README.md").read_text(encoding="utf-8"))
    for config in CONFIGS:
        assert f"`{config}`:\n\n```json\n{{" in body, config
    schema = load_schema()
    values = {**schema.mention_types, **schema.mention_levels, **schema.polarity, **schema.modality,
              **schema.quote_type, **schema.check_worthiness}
    for code, spec in values.items():
        assert f"| `{code}` | {spec['definition']} |" in body, code
    for name, event_type in schema.event_types.items():
        for mode, definition in event_type.modes.items():
            assert f"| `{name}` | `{mode}` | {definition} |" in body, (name, mode)
    assert "ceasefire-eval score my_system.jsonl" in body and '{"id": "000_8ce9f93fccec955a", "mentions": [' in body


def test_a_renamed_mention_type_flows_into_the_classlabels(tmp_path):
    from ceasefire.annotate.dataset.configs import all_features
    from ceasefire.schema.model import SCHEMA_FILE

    text = SCHEMA_FILE.read_text(encoding="utf-8").replace("mention:PERSON", "mention:HUMAN").replace("    PERSON:\n", "    HUMAN:\n", 1)
    (tmp_path / "schema.yaml").write_text(text, encoding="utf-8")
    feats = all_features(load_schema(tmp_path / "schema.yaml"))
    assert feats["mentions"]["type"].names[0] == "HUMAN" and "PERSON" not in feats["mentions"]["type"].names
    assert feats["documents"]["entities"].feature["type"].names[0] == "HUMAN"
    assert feats["tokens"]["tags"].feature.names[1:3] == ["B-HUMAN", "I-HUMAN"]


def test_a_renamed_detail_value_and_optional_layers_flow_into_the_features(tmp_path):
    """`detail` and the optional flags come from schema.yaml, like every other feature."""
    from ceasefire.annotate.dataset.configs import all_features
    from ceasefire.schema.model import SCHEMA_FILE

    text = SCHEMA_FILE.read_text(encoding="utf-8")
    assert text.count("        SCOPE:\n") == 1
    text = text.replace("        SCOPE:\n", "        COVERAGE:\n").replace("layers: [mentions, events, claims, relations]", "layers: [events, relations]")
    (tmp_path / "schema.yaml").write_text(text, encoding="utf-8")
    feats = all_features(load_schema(tmp_path / "schema.yaml"))
    for detail in (feats["relations"]["detail"], feats["cross_document"]["detail"], feats["documents"]["relations"].feature["detail"]):
        assert "COVERAGE" in detail.names and "SCOPE" not in detail.names
    assert "optional" in feats["events"] and "optional" in feats["relations"] and "optional" in feats["cross_document"]
    assert "optional" not in feats["mentions"] and "optional" not in feats["claims"]
    assert "optional" not in feats["documents"]["claims"].feature and "detail" not in feats["events"]
