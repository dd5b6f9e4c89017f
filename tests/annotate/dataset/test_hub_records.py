"""Hub rows are records: data/hf loaded with the real `datasets` loader and converted gives
back data/gold exactly, the converted gold scores 100 against itself, and predictions given
as a `datasets.Dataset` in the `documents` features score directly."""

import json
import os
import subprocess
import sys

import pytest
from helpers.paths import ROOT

HF = ROOT / "data" / "hf"
GOLD = ROOT / "data" / "gold"


def test_records_from_the_dataset_folder_are_the_gold_byte_for_byte(run_cli, tmp_path):
    out = tmp_path / "gold_again"
    r = run_cli("ceasefire-annotate", "records", "--from", HF, "-o", out)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.glob("*.json")) == sorted(p.name for p in GOLD.glob("*.json"))
    for f in GOLD.glob("*.json"):
        assert (out / f.name).read_bytes() == f.read_bytes(), f.name
    # ... and the converted gold scored against itself is 100 on every metric that is defined
    r = run_cli("ceasefire-eval", "score", out, "--gold", out)
    assert r.returncode == 0, r.stderr
    metrics = json.loads(r.stdout)["metrics"]
    assert all(m["f1"] in (1.0, None) for m in metrics.values()), {k: m["f1"] for k, m in metrics.items() if m["f1"] != 1.0}
    assert metrics["relations.cross_doc"]["f1"] == 1.0 and metrics["coref.cross_doc.conll"]["f1"] == 1.0


def test_records_refuses_what_it_cannot_load_in_one_message(run_cli, tmp_path):
    env_offline = dict(os.environ, HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1", HF_HOME=str(tmp_path / "hf-home"))
    (tmp_path / "empty").mkdir()
    for source, says in (("../escape", "neither a dataset folder nor a Hub id"), (tmp_path / "empty", "has no README.md"),
                         ("nobody/not-cached", "loads offline only once it is in the cache")):
        r = subprocess.run([sys.executable, "-m", "ceasefire.annotate.cli", "records", "--from", str(source), "-o", str(tmp_path / "o.jsonl")],
                           capture_output=True, text=True, env=env_offline, cwd=ROOT, timeout=300)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert says in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert not (tmp_path / "o.jsonl").exists()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    from datasets import load_dataset

    cache = tmp_path_factory.mktemp("hf-cache")  # a fresh cache: datasets keys it on the card only
    return {c: load_dataset(str(HF), c, split="test", cache_dir=str(cache)) for c in ("documents", "cross_document")}


def test_the_converter_inverts_the_build(loaded):
    import ceasefire
    from ceasefire.annotate.dataset.hub_records import records_from_dataset

    gold = ceasefire.load_gold()
    records = records_from_dataset(loaded["documents"], loaded["cross_document"])
    assert records == [gold.documents[d] for d in sorted(gold.documents)] + [gold.corpus]


def test_a_dataset_of_predictions_scores_directly(loaded):
    """The documents config itself, as predictions: every layer inside the articles is 100; the
    relations between the articles are not in `documents`, so they are missed (and said so)."""
    import ceasefire

    result = ceasefire.score(loaded["documents"])
    metrics = result.metrics
    assert metrics["relations.cross_doc"]["tp"] == 0 and metrics["relations.cross_doc"]["fn"] > 0
    for name, m in metrics.items():
        if name not in ("relations.cross_doc", "relations.strict"):
            assert m["f1"] in (1.0, None), name
    assert metrics["coref.cross_doc.conll"]["f1"] == 1.0  # shared entity ids became the corpus record's clusters
    # a Dataset holding only some layers, built in the documents features, scores as the same records would
    from datasets import Dataset

    rows = loaded["documents"].to_list()
    # the other columns null: Arrow has no absent keys, and a null layer is one the system leaves out
    only = Dataset.from_list([{**{k: None for k in r}, "id": r["id"], "mentions": r["mentions"]} for r in rows],
                             features=loaded["documents"].features)
    from_ds = ceasefire.score(only).metrics
    gold = ceasefire.load_gold()
    from_records = ceasefire.score([{"id": d, "mentions": [{k: v for k, v in m.items() if k not in ("optional", "optional_reason")}
                                                           for m in doc["mentions"]]} for d, doc in gold.documents.items()]
                                   + [{**gold.corpus, "event_clusters": [], "relations": []}]).metrics
    assert from_ds == from_records and from_ds["mentions.strict"]["f1"] == 1.0 and from_ds["events.trigger.classification"]["f1"] == 0.0
