"""`score --schema FILE` scores with that schema (its `symmetric` flags), not the shipped one."""

import json
import shutil

from ceasefire.data import gold_dir
from ceasefire.schema.model import SCHEMA_FILE


def _reversed_links(tmp_path):
    """The gold with every cross-document link given tail first."""
    pred = tmp_path / "pred"
    shutil.copytree(gold_dir(), pred)
    corpus = json.loads((pred / "corpus.json").read_text(encoding="utf-8"))
    for r in corpus["relations"]:
        r["head"], r["tail"] = r["tail"], r["head"]
    (pred / "corpus.json").write_text(json.dumps(corpus), encoding="utf-8")
    required = sum(not r.get("optional") for r in corpus["relations"])  # optional gold links are never missed
    return pred, len(corpus["relations"]), required


def _asymmetric_schema(tmp_path):
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    assert text.count("symmetric: true") == 2  # CORROBORATES and CONTRADICTS
    custom = tmp_path / "custom.yaml"
    custom.write_text(text.replace("symmetric: true", "symmetric: false"), encoding="utf-8")
    return custom


def test_custom_schema_symmetric_flags_reach_the_scorer(run_cli, tmp_path):
    pred, n_links, n_required = _reversed_links(tmp_path)
    shipped = run_cli("ceasefire-eval", "score", pred)
    assert shipped.returncode == 0, shipped.stderr
    assert json.loads(shipped.stdout)["metrics"]["relations.cross_doc"]["tp"] == n_required  # symmetric: direction free
    custom = run_cli("ceasefire-eval", "score", pred, "--schema", _asymmetric_schema(tmp_path))
    assert custom.returncode == 0, custom.stderr
    m = json.loads(custom.stdout)["metrics"]["relations.cross_doc"]
    assert (m["tp"], m["fp"], m["fn"]) == (0, n_links, n_required)  # directed now: every reversed link is wrong
