"""Regenerate tests/examples: one small valid corpus and one bad file per kind of error.

Run from the repository root: python tests/examples/make_examples.py
The bad files are the valid example with exactly one thing broken each; the
table in tests/schema/test_validate_cli.py says which message each must produce.
"""

import copy
import json
from pathlib import Path

HERE = Path(__file__).parent
T1 = "President Donald Trump and Russian President Vladimir Putin agreed to a partial ceasefire in Ukraine during a phone call on Tuesday."
T2 = "Trump and Putin came to the partial cease-fire agreement during a call, the White House said."


def span(text, s, k=0):
    i = -1
    for _ in range(k + 1):
        i = text.index(s, i + 1)
    return {"start": i, "end": i + len(s), "text": s}


def mention(text, mid, s, typ, level, ent, k=0):
    return {"id": mid, **span(text, s, k), "type": typ, "level": level, "entity": ent}


def valid():
    d1 = {
        "id": "ex1", "meta": {"title": None, "language": "en"}, "text": T1,
        "mentions": [
            mention(T1, "m1", "President Donald Trump", "PERSON", "NAM", "trump"),
            mention(T1, "m2", "Russian President Vladimir Putin", "PERSON", "NAM", "putin"),
            mention(T1, "m3", "Russian", "STATE", "NAM", "russia"),
            mention(T1, "m4", "Ukraine", "LOCATION", "NAM", "ukraine_place"),
            mention(T1, "m5", "Tuesday", "TIME", "NAM", "tuesday"),
        ],
        "entities": [
            {"id": "trump", "type": "PERSON", "name": "Donald Trump", "qid": "Q22686"},
            {"id": "putin", "type": "PERSON", "name": "Vladimir Putin", "qid": "Q7747"},
            {"id": "russia", "type": "STATE", "name": "Russia", "qid": "Q159"},
            {"id": "ukraine_place", "type": "LOCATION", "name": "Ukraine (place)", "qid": None},
            {"id": "tuesday", "type": "TIME", "name": "Tuesday 18 March 2025", "qid": None},
        ],
        "events": [
            {"id": "v1", "type": "AGREE", "mode": None, "trigger": span(T1, "agreed"), "polarity": "POSITIVE",
             "modality": "ASSERTED", "cluster": "agree_energy",
             "arguments": [{"role": "ACTOR", "ref": "m1"}, {"role": "ACTOR", "ref": "m2"}, {"role": "THEME", "ref": "v2"}]},
            {"id": "v2", "type": "CONCEDE", "mode": None, "trigger": span(T1, "ceasefire"), "polarity": "POSITIVE",
             "modality": "PROPOSED", "cluster": "energy_ceasefire", "arguments": [{"role": "LOCATION", "ref": "m4"}]},
            {"id": "v3", "type": "CONSULT", "mode": "phone", "trigger": span(T1, "call"), "polarity": "POSITIVE",
             "modality": "ASSERTED", "cluster": "call_0318",
             "arguments": [{"role": "ACTOR", "ref": "m1"}, {"role": "ACTOR", "ref": "m2"}, {"role": "TIME", "ref": "m5"}]},
        ],
        "claims": [],
        "relations": [
            {"id": "r1", "type": "LEADER_OF", "head": "m2", "tail": "m3"},
            {"id": "r2", "type": "SUBEVENT_OF", "head": "v1", "tail": "v3"},
        ],
    }
    d2 = {
        "id": "ex2", "meta": {"title": None, "language": "en"}, "text": T2,
        "mentions": [
            mention(T2, "m1", "Trump", "PERSON", "NAM", "trump"),
            mention(T2, "m2", "Putin", "PERSON", "NAM", "putin"),
            mention(T2, "m3", "White House", "GOV_BODY", "NAM", "white_house"),
        ],
        "entities": [
            {"id": "trump", "type": "PERSON", "name": "Donald Trump", "qid": "Q22686"},
            {"id": "putin", "type": "PERSON", "name": "Vladimir Putin", "qid": "Q7747"},
            {"id": "white_house", "type": "GOV_BODY", "name": "White House", "qid": None},
        ],
        "events": [
            {"id": "v1", "type": "AGREE", "mode": None, "trigger": span(T2, "came to"), "polarity": "POSITIVE",
             "modality": "ASSERTED", "cluster": "agree_energy",
             "arguments": [{"role": "ACTOR", "ref": "m1"}, {"role": "ACTOR", "ref": "m2"}]},
            {"id": "v2", "type": "CONSULT", "mode": "phone", "trigger": span(T2, "call"), "polarity": "POSITIVE",
             "modality": "ASSERTED", "cluster": "call_0318",
             "arguments": [{"role": "ACTOR", "ref": "m1"}, {"role": "ACTOR", "ref": "m2"}]},
        ],
        "claims": [
            {"id": "c1", "source": "m3", "cue": span(T2, "said"),
             "content": span(T2, "Trump and Putin came to the partial cease-fire agreement during a call"),
             "quote_type": "INDIRECT", "check_worthiness": "CFS", "parent": None},
        ],
        "relations": [],
    }
    corpus = {
        "record": "corpus", "id": "examples", "documents": ["ex1", "ex2"],
        "entity_clusters": [{"id": "trump", "documents": ["ex1", "ex2"]}, {"id": "putin", "documents": ["ex1", "ex2"]}],
        "event_clusters": [{"id": "agree_energy", "documents": ["ex1", "ex2"]}, {"id": "call_0318", "documents": ["ex1", "ex2"]}],
        "relations": [],
    }
    return [d1, d2, corpus]


def bad():
    """name -> records, each with exactly one problem."""
    out = {}

    def mutate(name, fn):
        recs = copy.deepcopy(valid())
        fn(*recs)
        out[name] = recs

    mutate("unknown_mention_type", lambda d1, d2, c: d1["mentions"][0].update(type="PERSN"))
    mutate("unknown_attribute_value", lambda d1, d2, c: d1["events"][0].update(modality="MAYBE"))
    mutate("offset_out_of_range", lambda d1, d2, c: d2["mentions"][2].update(start=90, end=101))
    mutate("offset_text_mismatch", lambda d1, d2, c: d1["mentions"][1].update(text="Russian President Vladimir Poutine"))
    mutate("duplicate_id", lambda d1, d2, c: d2["claims"][0].update(id="m3"))
    mutate("dangling_argument", lambda d1, d2, c: d1["events"][1]["arguments"].append({"role": "TIME", "ref": "m9"}))
    mutate("relation_head_constraint", lambda d1, d2, c: d1["relations"][0].update(head="v1"))
    mutate("role_not_allowed", lambda d1, d2, c: d1["events"][1].update(type="PROTEST", arguments=[{"role": "THEME", "ref": "v3"}]))
    mutate("role_filler_type", lambda d1, d2, c: d1["events"][2]["arguments"].append({"role": "TIME", "ref": "m1"}))
    mutate("empty_span", lambda d1, d2, c: d1["mentions"][4].update(end=d1["mentions"][4]["start"], text=""))
    mutate("whitespace_padded_span", lambda d1, d2, c: d1["mentions"][4].update(start=d1["mentions"][4]["start"] - 1, text=" Tuesday"))
    mutate("mode_not_of_type", lambda d1, d2, c: d1["events"][0].update(mode="phone"))
    mutate("undeclared_cross_doc_cluster", lambda d1, d2, c: c["event_clusters"].pop(1))
    mutate("dangling_claim_source", lambda d1, d2, c: d2["claims"][0].update(source="m7"))
    mutate("unknown_relation_type", lambda d1, d2, c: d1["relations"][1].update(type="PRECEDES"))
    mutate("missing_field", lambda d1, d2, c: d2["claims"][0].pop("cue"))
    out["malformed_json"] = None
    return out


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


if __name__ == "__main__":
    (HERE / "valid").mkdir(exist_ok=True)
    write_jsonl(HERE / "valid" / "example.jsonl", valid())
    for name, recs in bad().items():
        if recs is None:
            lines = [json.dumps(r, ensure_ascii=False) for r in valid()]
            lines.insert(2, '{"id": "ex3", "text": "unterminated')  # a line that is not JSON
            (HERE / "bad" / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            write_jsonl(HERE / "bad" / f"{name}.jsonl", recs)
