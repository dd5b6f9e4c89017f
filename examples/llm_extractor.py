"""A language-model extractor for `ceasefire-eval run --command "python examples/llm_extractor.py"`: the article on
stdin, one JSON record on stdout. Needs `pip install openai`, OPENAI_API_KEY, and prompt.md and answer.schema.json
from `ceasefire-eval prompt --layers mentions,events,claims -o prompt.md`.
"""

import hashlib, json, sys
from pathlib import Path
from openai import OpenAI

text = sys.stdin.read()
reply = OpenAI().chat.completions.create(
    model="gpt-4o-2024-08-06",
    messages=[{"role": "system", "content": Path("prompt.md").read_text()}, {"role": "user", "content": text}],
    response_format={"type": "json_schema", "json_schema": {
        "name": "ceasefire_answer", "strict": True, "schema": json.loads(Path("answer.schema.json").read_text())}},
)
answer = json.loads(reply.choices[0].message.content)
tag = hashlib.sha256(text.encode()).hexdigest()[:8]   # keep each article's entity and cluster ids apart
for m in answer.get("mentions", []):
    m["entity"] = f"{tag}/{m['entity']}"
for e in answer.get("events", []):
    e["cluster"] = f"{tag}/{e['cluster']}"
print(json.dumps(answer))
