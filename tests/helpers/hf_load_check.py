"""Run by tests/annotate/dataset/test_hf_dataset.py in a fresh process with HF_*_OFFLINE=1 set before
`datasets` is imported: load every config of a dataset folder with the real loader and
a fresh cache, and report what came back as JSON on stdout."""

import json
import sys
import tempfile
import time
from pathlib import Path

from datasets import ClassLabel, List, load_dataset
from huggingface_hub import DatasetCard

from ceasefire.annotate.dataset.configs import CONFIGS, all_features, decode_labels, records_from_rows
from ceasefire.schema import load_schema


def class_labels(feature, path=""):
    """field path -> ClassLabel names, for every ClassLabel in a (nested) feature."""
    if isinstance(feature, ClassLabel):
        return {path: feature.names}
    if isinstance(feature, List):
        return class_labels(feature.feature, path + "[]")
    if isinstance(feature, dict):
        return {k: v for name, f in feature.items() for k, v in class_labels(f, f"{path}.{name}" if path else name).items()}
    return {}


folder = sys.argv[1]
cache = tempfile.mkdtemp(prefix="hf-cache-")
out = {"rows": {}, "features_ok": {}, "splits": {}, "class_labels": {}, "seconds": {}}
loaded = {}
loaded_features = {}
default = load_dataset(folder, cache_dir=cache)
out["default_config_rows"] = default["test"].num_rows
feats = all_features(load_schema())
for config in CONFIGS:
    started = time.perf_counter()
    ds = load_dataset(folder, config, cache_dir=cache)
    out["seconds"][config] = round(time.perf_counter() - started, 3)
    out["splits"][config] = sorted(ds)
    out["rows"][config] = ds["test"].num_rows
    out["features_ok"][config] = ds["test"].features == feats[config]
    out["class_labels"][config] = class_labels(ds["test"].features)
    loaded[config] = ds["test"].to_list()
    loaded_features[config] = ds["test"].features
# decoded with the features as loaded: the ClassLabel names come from the folder, not the code
docs, corpus = records_from_rows(loaded["documents"], loaded["cross_document"], "ceasefire-gold", loaded_features)
out["documents"] = docs
out["corpus"] = corpus
# optional items and relation details as each flat config gives them
out["optional"], out["unset_optional"], out["detail"] = {}, {}, {}
for config in ("mentions", "events", "claims", "relations", "cross_document"):
    view = [decode_labels(r, loaded_features[config]) for r in loaded[config]]
    out["optional"][config] = sorted(r["optional_reason"] for r in view if r["optional"] is True)
    out["unset_optional"][config] = sum(r["optional"] is None for r in view)
    if "detail" in loaded_features[config]:
        rel = [r for r in view if config == "relations" or r["kind"] == "relation"]
        out["detail"][config] = {}
        for r in rel:
            out["detail"][config][str(r["detail"])] = out["detail"][config].get(str(r["detail"]), 0) + 1
out["tokens"] = [decode_labels(r, loaded_features["tokens"]) for r in loaded["tokens"]]
out["card"] = DatasetCard.load(Path(folder) / "README.md").data.to_dict()
print(json.dumps(out, ensure_ascii=False))
