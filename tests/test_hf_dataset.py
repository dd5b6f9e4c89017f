"""The Hugging Face dataset folder: deterministic build, loads offline with the real
loader to exactly the gold, checked manifest and card, dry-run publish."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire.annotate.build import build_dataset
from ceasefire.annotate.card import split_card, validate_metadata
from ceasefire.annotate.hf_dataset import CONFIGS
from ceasefire.data import data_dir
from ceasefire.schema import load_schema

from gold_helpers import load_gold

HF = data_dir() / "hf"
HERE = Path(__file__).parent


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


def _semantic(folder: Path) -> dict:
    """The folder's content independent of the pyarrow version that wrote it: table rows and
    schemas, and the card without its byte sizes (Parquet bytes carry the writer's version)."""
    import re

    import pyarrow.parquet as pq

    out = {}
    for rel, content in _files(folder).items():
        if rel.endswith(".parquet"):
            table = pq.read_table(folder / rel)
            out[rel] = (table.schema.to_string(show_schema_metadata=True), table.to_pylist())
        elif rel == "README.md":
            out[rel] = re.sub(r"(num_bytes|download_size|dataset_size): \d+", r"\1: N", content.decode())
    return out


def test_committed_folder_is_current(built):
    assert _semantic(HF) == _semantic(built), "data/hf is stale: run `ceasefire-annotate build`"


def test_manifest_matches_the_files():
    lines = (HF / "SHA256SUMS").read_text().splitlines()
    listed = dict(line.split("  ")[::-1] for line in lines)
    assert set(listed) == {f"{c}/test.parquet" for c in CONFIGS}
    for rel, digest in listed.items():
        assert hashlib.sha256((HF / rel).read_bytes()).hexdigest() == digest


@pytest.fixture(scope="module")
def loaded():
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1")
    r = subprocess.run([sys.executable, str(HERE / "hf_load_check.py"), str(HF)], capture_output=True, text=True, env=env, timeout=600)
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
    }
    assert loaded["rows"] == expected
    assert all(n > 0 for n in loaded["rows"].values())
    assert all(loaded["features_ok"].values()), loaded["features_ok"]
    assert all(s == ["test"] for s in loaded["splits"].values())
    assert loaded["default_config_rows"] == len(docs)  # load_dataset(folder) gives documents


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


def test_datasheet_figures_are_current(run_cli):
    r = run_cli("ceasefire-annotate", "datasheet", "--check")
    assert r.returncode == 0, r.stderr


def test_datasheet_keeps_every_section():
    text = (Path(__file__).resolve().parents[1] / "DATASHEET.md").read_text(encoding="utf-8")
    for section in ("Motivation", "Composition", "Collection process", "Preprocessing / cleaning / labeling", "Uses", "Distribution", "Maintenance"):
        assert f". {section}\n" in text, section
    assert text.count("**Any other comments?**") == 7
    assert "No human" in text or "No people were involved in annotation" in text
