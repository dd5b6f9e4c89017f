"""Stands in for a model behind `ceasefire-eval run --command` (tests only; no network): reads an
article on stdin and prints what a model following `ceasefire-eval prompt` would answer, namely
annotation B of that article without offsets, with its ids kept apart per article as docs/systems.md's
script does, and one span the article does not contain."""

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers.llm_fixture import annotation_b, without_offsets  # noqa: E402

text = sys.stdin.read()
original = next(r for r in annotation_b() if r.get("text") == text)
answer = next(r for r in without_offsets(annotation_b()) if r.get("id") == original["id"])
answer = {layer: answer[layer] for layer in ("mentions", "events", "claims")}
tag = hashlib.sha256(text.encode()).hexdigest()[:8]
for m in answer["mentions"]:
    m["entity"] = f"{tag}/{m['entity']}"
for e in answer["events"]:
    e["cluster"] = f"{tag}/{e['cluster']}"
answer["mentions"].append({"id": "hallucinated", "text": "Vladimir Putin's ally", "type": "PERSON", "level": "NOM", "entity": f"{tag}/ally"})
print(json.dumps(answer))
