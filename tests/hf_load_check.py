"""Run by tests/test_hf_dataset.py in a fresh process with HF_*_OFFLINE=1 set before
`datasets` is imported: load every config of a dataset folder with the real loader and
a fresh cache, and report what came back as JSON on stdout."""

import json
import sys
import tempfile

from datasets import load_dataset

from ceasefire.annotate.hf_dataset import CONFIGS, all_features, records_from_rows
from ceasefire.schema import load_schema

folder = sys.argv[1]
cache = tempfile.mkdtemp(prefix="hf-cache-")
out = {"rows": {}, "features_ok": {}, "splits": {}}
loaded = {}
default = load_dataset(folder, cache_dir=cache)
out["default_config_rows"] = default["test"].num_rows
feats = all_features(load_schema())
for config in CONFIGS:
    ds = load_dataset(folder, config, cache_dir=cache)
    out["splits"][config] = sorted(ds)
    out["rows"][config] = ds["test"].num_rows
    out["features_ok"][config] = ds["test"].features == feats[config]
    loaded[config] = ds["test"].to_list()
docs, corpus = records_from_rows(loaded["documents"], loaded["cross_document"], "ceasefire-gold")
out["documents"] = docs
out["corpus"] = corpus
print(json.dumps(out, ensure_ascii=False))
