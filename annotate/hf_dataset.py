"""The publishable Hugging Face dataset folder, built from the gold.

Layout of the folder (``data/hf/`` by default)::

    README.md                  dataset card: YAML metadata (configs, dataset_info) + body
    SHA256SUMS                 sha256 of every data file and shipped document (datasets does not check sums)
    <config>/test.parquet      one file per config, a single ``test`` split
    LICENSE.md, DATASHEET.md,  copies of the documents the card links to (``build.SHIPPED``)
    FORMAT.md, METRICS.md

Configs: ``documents`` (default; one row per article, every layer, the record
format with labels as ClassLabel), flat views ``mentions``, ``entities``,
``events``, ``claims``, ``relations`` and ``cross_document``, and ``tokens``
(one row per sentence, BIO tags of the top-level mentions; see
:mod:`.token_view`). The nested features of ``documents`` are derived from the
generated JSON Schema of the record format: every ``enum`` there (a value list
of ``schema.yaml``) becomes a ClassLabel with the full list, so a change in
``schema.yaml`` flows here too. The build is deterministic: building twice
gives identical bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import ClassLabel, Features, List, Value

from ceasefire.schema import Schema
from ceasefire.schema.json_schema import build as build_json_schema

from . import token_view

SPLIT = "test"
CONFIGS = ("documents", "mentions", "entities", "events", "claims", "relations", "cross_document", "tokens")
DEFAULT_CONFIG = "documents"


# --- features -----------------------------------------------------------------------

def _feature(node: dict, root: dict):
    if "$ref" in node:
        return _feature(root["$defs"][node["$ref"].rsplit("/", 1)[-1]], root)
    if "anyOf" in node:
        branches = [b for b in node["anyOf"] if b.get("type") != "null"]
        return _feature(branches[0], root)  # Arrow columns are nullable
    if "enum" in node:
        # the schema's full value list, in schema order, whatever occurs in the data
        return ClassLabel(names=list(node["enum"]))
    if "const" in node:
        return Value("string")
    typ = node.get("type")
    if typ == "string":
        return Value("string")
    if typ == "integer":
        return Value("int32")
    if typ == "boolean":
        return Value("bool")
    if typ == "number":
        return Value("float64")
    if typ == "array":
        return List(_feature(node["items"], root))
    if typ == "object":
        return {k: _feature(v, root) for k, v in node["properties"].items()}
    raise ValueError(f"no datasets feature for JSON Schema node {node}")


def document_features(schema: Schema) -> Features:
    """Features of the ``documents`` config, from the gold JSON Schema of a document."""
    root = build_json_schema(schema, gold=True)
    doc = dict(root["$defs"]["document"]["properties"])
    doc.pop("record")
    return Features({k: _feature(v, root) for k, v in doc.items()})


def view_features(schema: Schema) -> dict[str, Features]:
    docf = document_features(schema)
    s, i = Value("string"), Value("int32")

    def item(layer: str) -> dict:
        return dict(docf[layer].feature)

    event = item("events")
    relation_type = item("relations")["type"]
    return {
        "mentions": Features({"doc_id": s, **item("mentions"), "entity_name": s, "entity_qid": s}),
        "entities": Features({"doc_id": s, **item("entities"), "mentions": i, "cross_document": Value("bool")}),
        "events": Features({
            "doc_id": s, **{k: event[k] for k in ("id", "type", "mode", "trigger", "polarity", "modality", "cluster")},
            "arguments": List({**event["arguments"].feature, "ref_text": s}), "cross_document": Value("bool"),
        }),
        "claims": Features({"doc_id": s, **item("claims"), "source_text": s}),
        "relations": Features({
            "id": s, "type": relation_type, "cross_document": Value("bool"),
            "head_doc": s, "head": s, "head_layer": s, "head_text": s,
            "tail_doc": s, "tail": s, "tail_layer": s, "tail_text": s,
        }),
        "cross_document": Features({
            "kind": s, "id": s, "type": relation_type, "documents": List(s),
            "head_doc": s, "head": s, "tail_doc": s, "tail": s,
        }),
        "tokens": Features({
            "doc_id": s, "sentence": i, "start": i, "end": i, "text": s,
            "tokens": List(s), "token_starts": List(i), "token_ends": List(i),
            "tags": List(ClassLabel(names=token_view.tag_names(schema.mention_types))),
        }),
    }


def all_features(schema: Schema) -> dict[str, Features]:
    return {"documents": document_features(schema), **view_features(schema)}


# --- rows -----------------------------------------------------------------------------

def _index(doc: dict) -> dict[str, tuple[str, dict]]:
    out = {}
    for layer in ("mentions", "events", "claims"):
        for x in doc[layer]:
            out[x["id"]] = (layer[:-1], x)
    return out


def _text_of(kind: str, item: dict) -> str:
    if kind == "mention":
        return item["text"]
    if kind == "event":
        return item["trigger"]["text"]
    return item["content"]["text"]


def rows(documents: dict[str, dict], corpus: dict) -> dict[str, list[dict]]:
    """The rows of every config, in a fixed order (documents by id, items as stored)."""
    docs = [documents[d] for d in sorted(documents)]
    shared_entities = {c["id"] for c in corpus["entity_clusters"]}
    shared_events = {c["id"] for c in corpus["event_clusters"]}
    out: dict[str, list[dict]] = {c: [] for c in CONFIGS}
    for doc in docs:
        out["documents"].append({k: v for k, v in doc.items() if k != "record"})
        d, index = doc["id"], _index(doc)
        ents = {e["id"]: e for e in doc["entities"]}
        counts: dict[str, int] = {}
        for m in doc["mentions"]:
            counts[m["entity"]] = counts.get(m["entity"], 0) + 1
            out["mentions"].append({"doc_id": d, **m, "entity_name": ents[m["entity"]]["name"], "entity_qid": ents[m["entity"]]["qid"]})
        for e in doc["entities"]:
            out["entities"].append({"doc_id": d, **e, "mentions": counts.get(e["id"], 0), "cross_document": e["id"] in shared_entities})
        for e in doc["events"]:
            args = [{"role": a["role"], "ref": a["ref"], "ref_text": _text_of(*index[a["ref"]])} for a in e["arguments"]]
            out["events"].append({"doc_id": d, **{k: e[k] for k in ("id", "type", "mode", "trigger", "polarity", "modality", "cluster")},
                                  "arguments": args, "cross_document": e["cluster"] in shared_events})
        for c in doc["claims"]:
            out["claims"].append({"doc_id": d, **c, "source_text": index[c["source"]][1]["text"] if c["source"] else None})
        for r in doc["relations"]:
            h, t = index[r["head"]], index[r["tail"]]
            out["relations"].append({"id": r["id"], "type": r["type"], "cross_document": False,
                                     "head_doc": d, "head": r["head"], "head_layer": h[0], "head_text": _text_of(*h),
                                     "tail_doc": d, "tail": r["tail"], "tail_layer": t[0], "tail_text": _text_of(*t)})
    indexes = {doc["id"]: _index(doc) for doc in docs}
    for r in corpus["relations"]:
        h = indexes[r["head"]["doc"]][r["head"]["id"]]
        t = indexes[r["tail"]["doc"]][r["tail"]["id"]]
        row = {"id": r["id"], "type": r["type"], "cross_document": True,
               "head_doc": r["head"]["doc"], "head": r["head"]["id"], "head_layer": h[0], "head_text": _text_of(*h),
               "tail_doc": r["tail"]["doc"], "tail": r["tail"]["id"], "tail_layer": t[0], "tail_text": _text_of(*t)}
        out["relations"].append(row)
    for kind, part in (("entity_cluster", "entity_clusters"), ("event_cluster", "event_clusters")):
        for c in corpus[part]:
            out["cross_document"].append({"kind": kind, "id": c["id"], "type": None, "documents": c["documents"],
                                          "head_doc": None, "head": None, "tail_doc": None, "tail": None})
    for r in corpus["relations"]:
        out["cross_document"].append({"kind": "relation", "id": r["id"], "type": r["type"], "documents": sorted({r["head"]["doc"], r["tail"]["doc"]}),
                                      "head_doc": r["head"]["doc"], "head": r["head"]["id"], "tail_doc": r["tail"]["doc"], "tail": r["tail"]["id"]})
    for doc in docs:
        out["tokens"] += token_view.doc_rows(doc)
    return out


def decode_labels(value: Any, feature: Any, label=lambda f, v: f.int2str(v)) -> Any:
    """``value`` as loaded, with every ClassLabel integer turned into ``label(feature, int)``
    (by default its name)."""
    if value is None:
        return None
    if isinstance(feature, ClassLabel):
        return label(feature, value)
    if isinstance(feature, List):
        return [decode_labels(v, feature.feature, label) for v in value]
    if isinstance(feature, dict):
        return {k: decode_labels(value[k], f, label) for k, f in feature.items()}
    return value


def records_from_rows(documents_rows: list[dict], cross_rows: list[dict], corpus_id: str, features: dict[str, Features]) -> tuple[dict[str, dict], dict]:
    """Rebuild gold records from the loaded ``documents`` and ``cross_document`` configs
    (labels as ClassLabel integers, decoded with ``features``)."""
    documents_rows = [decode_labels(r, features["documents"]) for r in documents_rows]
    cross_rows = [decode_labels(r, features["cross_document"]) for r in cross_rows]
    docs = {r["id"]: dict(r) for r in documents_rows}
    corpus = {"record": "corpus", "id": corpus_id, "documents": sorted(docs),
              "entity_clusters": [], "event_clusters": [], "relations": []}
    for r in cross_rows:
        if r["kind"] == "relation":
            corpus["relations"].append({"id": r["id"], "type": r["type"],
                                        "head": {"doc": r["head_doc"], "id": r["head"]}, "tail": {"doc": r["tail_doc"], "id": r["tail"]}})
        else:
            corpus[f"{r['kind']}s"].append({"id": r["id"], "documents": list(r["documents"])})
    return docs, corpus


# --- writing ----------------------------------------------------------------------------

def parquet_bytes(rows_: list[dict], features: Features) -> tuple[bytes, int]:
    """Deterministic Parquet bytes for the rows, and the in-memory Arrow size."""
    schema = features.arrow_schema
    # encode_example turns label names into ClassLabel integers and refuses a name
    # that is not in the schema's list
    table = pa.Table.from_pylist([features.encode_example(r) for r in rows_], schema=schema)
    meta = {b"huggingface": json.dumps({"info": {"features": features.to_dict()}}, sort_keys=True).encode()}
    table = table.replace_schema_metadata(meta)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", use_dictionary=False, write_statistics=False)
    return buf.getvalue(), int(table.nbytes)


def build_files(documents: dict[str, dict], corpus: dict, schema: Schema) -> dict[str, Any]:
    """Relative path -> bytes of every data file, plus the sizes for dataset_info."""
    feats = all_features(schema)
    data = rows(documents, corpus)
    files, sizes = {}, {}
    for config in CONFIGS:
        if not data[config]:
            raise ValueError(f"config {config!r} would be empty; datasets cannot load an empty config")
        content, nbytes = parquet_bytes(data[config], feats[config])
        path = f"{config}/{SPLIT}.parquet"
        files[path] = content
        sizes[config] = {"path": path, "num_examples": len(data[config]), "num_bytes": nbytes, "download_size": len(content)}
    return {"files": files, "sizes": sizes, "features": feats, "rows": data}


def manifest(files: dict[str, bytes]) -> str:
    return "".join(f"{hashlib.sha256(files[p]).hexdigest()}  {p}\n" for p in sorted(files))
