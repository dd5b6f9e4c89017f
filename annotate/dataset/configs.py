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
``schema.yaml`` flows here too. The keys that the record format writes only
when set (a relation's ``detail``; ``optional`` and ``optional_reason`` on the
items of the schema's optional layers) are in every row of every config where
those items appear, with the values of :data:`UNSET` where the record has none,
and :func:`records_from_rows` drops them again, so the records rebuild exactly.
The build is deterministic: building twice gives identical bytes.
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

LAYERS = ("mentions", "entities", "events", "claims", "relations")  # the item lists of a document record

#: Keys that the record format writes only when they are set (schema.yaml `optional` and
#: `relations.attributes.detail`), with the value a dataset row holds where the record has
#: none. Every row of a config then has the same keys (`optional` is a plain bool, never
#: null; `optional_reason` and `detail` are null, the convention `mode` already follows for
#: ClassLabels), and the rebuild of the records drops these values again.
UNSET = {"optional": False, "optional_reason": None, "detail": None}


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

    event, relation = item("events"), item("relations")
    relation_type = relation["type"]

    def sparse(feature: dict) -> dict:
        """The keys of UNSET that the schema gives this layer (derived, not listed here)."""
        return {k: feature[k] for k in UNSET if k in feature}

    return {
        "mentions": Features({"doc_id": s, **item("mentions"), "entity_name": s, "entity_qid": s}),
        "entities": Features({"doc_id": s, **item("entities"), "mentions": i, "cross_document": Value("bool")}),
        "events": Features({
            "doc_id": s, **{k: event[k] for k in ("id", "type", "mode", "trigger", "polarity", "modality", "cluster")},
            "arguments": List({**event["arguments"].feature, "ref_text": s}), "cross_document": Value("bool"), **sparse(event),
        }),
        "claims": Features({"doc_id": s, **item("claims"), "source_text": s}),
        "relations": Features({
            "id": s, "type": relation_type, "cross_document": Value("bool"),
            "head_doc": s, "head": s, "head_layer": s, "head_text": s,
            "tail_doc": s, "tail": s, "tail_layer": s, "tail_text": s, **sparse(relation),
        }),
        "cross_document": Features({
            "kind": s, "id": s, "type": relation_type, "documents": List(s),
            "head_doc": s, "head": s, "tail_doc": s, "tail": s, **sparse(relation),
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


def _filled(item: dict, keys, where: str) -> dict:
    """``item`` with every key of UNSET that ``keys`` holds, set to its unset value where the
    record has none. A record that writes an unset value itself (``optional: false``,
    ``detail: null``) is refused: the rebuild could not tell it from an absent key."""
    for k in UNSET:
        if k in item and item[k] == UNSET[k]:
            raise ValueError(f"{where}: {k}: {item[k]!r} is written; the record format writes {k} only when it is set "
                             f"(leave it out instead)")
    return {**{k: UNSET[k] for k in UNSET if k in keys}, **item}


def _unfilled(item: dict) -> dict:
    """The record item back from a row: the unset values of UNSET dropped."""
    return {k: v for k, v in item.items() if not (k in UNSET and v is UNSET[k])}


def rows(documents: dict[str, dict], corpus: dict, features: dict[str, Features]) -> dict[str, list[dict]]:
    """The rows of every config, in a fixed order (documents by id, items as stored)."""
    docs = [documents[d] for d in sorted(documents)]
    shared_entities = {c["id"] for c in corpus["entity_clusters"]}
    shared_events = {c["id"] for c in corpus["event_clusters"]}
    item_keys = {layer: features["documents"][layer].feature.keys() for layer in LAYERS}
    cross_keys = features["cross_document"].keys()
    out: dict[str, list[dict]] = {c: [] for c in CONFIGS}
    for doc in docs:
        d = doc["id"]
        doc = {k: ([_filled(x, item_keys[k], f"{d}: {k}: {x.get('id')}") for x in v] if k in item_keys else v)
               for k, v in doc.items() if k != "record"}
        out["documents"].append(doc)
        index = _index(doc)
        ents = {e["id"]: e for e in doc["entities"]}
        counts: dict[str, int] = {}
        for m in doc["mentions"]:
            counts[m["entity"]] = counts.get(m["entity"], 0) + 1
            out["mentions"].append({"doc_id": d, **m, "entity_name": ents[m["entity"]]["name"], "entity_qid": ents[m["entity"]]["qid"]})
        for e in doc["entities"]:
            out["entities"].append({"doc_id": d, **e, "mentions": counts.get(e["id"], 0), "cross_document": e["id"] in shared_entities})
        for e in doc["events"]:
            args = [{"role": a["role"], "ref": a["ref"], "ref_text": _text_of(*index[a["ref"]])} for a in e["arguments"]]
            out["events"].append({"doc_id": d, **{k: v for k, v in e.items() if k != "arguments"},
                                  "arguments": args, "cross_document": e["cluster"] in shared_events})
        for c in doc["claims"]:
            out["claims"].append({"doc_id": d, **c, "source_text": index[c["source"]][1]["text"] if c["source"] else None})
        for r in doc["relations"]:
            h, t = index[r["head"]], index[r["tail"]]
            out["relations"].append({**r, "cross_document": False,
                                     "head_doc": d, "head": r["head"], "head_layer": h[0], "head_text": _text_of(*h),
                                     "tail_doc": d, "tail": r["tail"], "tail_layer": t[0], "tail_text": _text_of(*t)})
    indexes = {doc["id"]: _index(doc) for doc in docs}
    cross = [_filled(r, cross_keys, f"corpus: relations: {r.get('id')}") for r in corpus["relations"]]
    for r in cross:
        h = indexes[r["head"]["doc"]][r["head"]["id"]]
        t = indexes[r["tail"]["doc"]][r["tail"]["id"]]
        out["relations"].append({**r, "cross_document": True,
                                 "head_doc": r["head"]["doc"], "head": r["head"]["id"], "head_layer": h[0], "head_text": _text_of(*h),
                                 "tail_doc": r["tail"]["doc"], "tail": r["tail"]["id"], "tail_layer": t[0], "tail_text": _text_of(*t)})
    for kind, part in (("entity_cluster", "entity_clusters"), ("event_cluster", "event_clusters")):
        for c in corpus[part]:
            out["cross_document"].append(_filled({"kind": kind, "id": c["id"], "type": None, "documents": c["documents"],
                                                  "head_doc": None, "head": None, "tail_doc": None, "tail": None}, cross_keys, ""))
    for r in cross:
        out["cross_document"].append({**r, "kind": "relation", "documents": sorted({r["head"]["doc"], r["tail"]["doc"]}),
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
        # a key the value lacks stays absent (a record rebuilt from a prediction row)
        return {k: decode_labels(value[k], f, label) for k, f in feature.items() if k in value}
    return value


def records_from_rows(documents_rows: list[dict], cross_rows: list[dict], corpus_id: str, features: dict[str, Features]) -> tuple[dict[str, dict], dict]:
    """Rebuild gold records from the loaded ``documents`` and ``cross_document`` configs
    (labels as ClassLabel integers, decoded with ``features``)."""
    documents_rows = [decode_labels(r, features["documents"]) for r in documents_rows]
    cross_rows = [decode_labels(r, features["cross_document"]) for r in cross_rows]
    docs = {r["id"]: {k: [_unfilled(x) for x in v] if k in LAYERS else v for k, v in r.items()} for r in documents_rows}
    corpus = {"record": "corpus", "id": corpus_id, "documents": sorted(docs),
              "entity_clusters": [], "event_clusters": [], "relations": []}
    for r in cross_rows:
        if r["kind"] == "relation":
            corpus["relations"].append(_unfilled({"id": r["id"], "type": r["type"],
                                                  "head": {"doc": r["head_doc"], "id": r["head"]}, "tail": {"doc": r["tail_doc"], "id": r["tail"]},
                                                  **{k: r[k] for k in UNSET if k in r}}))
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
    data = rows(documents, corpus, feats)
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
