"""Optional gold items (eval/METRICS.md, row `optional`; tests/CASES.md, case O).

The rule is checked against its definition: with an optional gold item absent from the
prediction, every count is that of the gold without the item; with it predicted, every count
is that of the gold and the prediction without both. Per sentence too (the bootstrap's
counts), and for every layer: a mention, an event (with its arguments), a claim, and a
relation within or between documents.
"""

import copy

import pytest

from helpers.casebook import SCHEMA, claim, doc, event, mention, run
from ceasefire.eval.scorer import score
from helpers.paths import ROOT

T1 = "Putin rejected the plan. Trump said the talks went well. Witkoff flew in. Officials waited."
T2 = "Trump agreed to the plan."
OPT = {"optional": True, "optional_reason": "debatable"}


def gold_docs():
    ms = [mention(T1, "m1", "Putin", entity="putin"), mention(T1, "m2", "Trump", entity="trump"),
          mention(T1, "m3", "Witkoff", entity="witkoff"), mention(T1, "m4", "plan", "OBJECT", entity="plan")]
    evs = [event(T1, "v1", "rejected", "REJECT", cluster="reject", args=[("ACTOR", "m1"), ("THEME", "m4")], polarity="NEGATIVE"),
           event(T1, "v2", "flew", "MOVE", cluster="fly", args=[("ACTOR", "m3")], polarity="POSITIVE")]
    cls = [claim(T1, "c1", "the talks went well", source="m2", cue="said", quote_type="INDIRECT", check_worthiness="NFS")]
    d1 = doc("d1", T1, ms, evs, cls, relations=[("SAID_BY", "c1", "m2")])
    d2 = doc("d2", T2, [mention(T2, "m1", "Trump", entity="trump")],
             [event(T2, "v1", "agreed", "AGREE", cluster="agree", args=[("ACTOR", "m1")], polarity="POSITIVE")])
    corpus = {"relations": [{"id": "x1", "type": "CONTRADICTS", "head": {"doc": "d1", "id": "v1"}, "tail": {"doc": "d2", "id": "v1"}}]}
    return [d1, d2], corpus


def mark(docs, corpus, doc_id, item_id):
    """Gold with the item marked optional, and with its relations marked too (lint rule R8)."""
    docs, corpus = copy.deepcopy(docs), copy.deepcopy(corpus)
    for d in docs:
        for layer in ("mentions", "events", "claims"):
            for x in d[layer]:
                if d["id"] == doc_id and x["id"] == item_id:
                    x.update(OPT)
    for r in corpus["relations"]:
        if item_id == r["id"] or {"doc": doc_id, "id": item_id} in (r["head"], r["tail"]):
            r.update(OPT)
    return docs, corpus


def without(docs, corpus, doc_id, item_id):
    """The records with the item removed, with the arguments and relations that refer to it."""
    docs, corpus = copy.deepcopy(docs), copy.deepcopy(corpus)
    for d in docs:
        if d["id"] != doc_id:
            continue
        for layer in ("mentions", "events", "claims", "relations"):
            d[layer] = [x for x in d[layer] if x["id"] != item_id]
        for e in d["events"]:
            e["arguments"] = [a for a in e["arguments"] if a["ref"] != item_id]
        d["relations"] = [r for r in d["relations"] if item_id not in (r["head"], r["tail"])]
        for c in d["claims"]:
            if c.get("source") == item_id:
                c["source"] = None
    corpus["relations"] = [r for r in corpus["relations"]
                           if r["id"] != item_id and {"doc": doc_id, "id": item_id} not in (r["head"], r["tail"])]
    return docs, corpus


def counts(gold, pred, gold_corpus, pred_corpus, units="document"):
    """Every metric's counts, attribute figures, and each span/tuple metric's per-unit counts."""
    r = score(((g["id"], g, {p["id"]: p for p in pred}[g["id"]]) for g in gold), schema=SCHEMA,
              gold_corpus=gold_corpus, pred_corpus=pred_corpus, units=units)
    per_unit = {n: (+t.tp, +t.fp, +t.fn) for n, t in r.tallies.items()}
    return r.metrics, r.attributes, per_unit, r.optional


# (document, item, its layer) of each kind of optional item; the relation is the corpus's
ITEMS = [("d1", "m3", "mentions"), ("d1", "v1", "events"), ("d1", "v2", "events"), ("d1", "c1", "claims"), ("d1", "x1", "relations")]


@pytest.mark.parametrize("units", ["document", "sentence"])
@pytest.mark.parametrize("doc_id,item,layer", ITEMS)
def test_an_absent_optional_item_is_not_missed(doc_id, item, layer, units):
    gold, corpus = gold_docs()
    opt_gold, opt_corpus = mark(gold, corpus, doc_id, item)
    pred, pred_corpus = without(gold, corpus, doc_id, item)  # everything right but the optional item
    base_gold, base_corpus = without(gold, corpus, doc_id, item)
    metrics, attrs, per_unit, optional = counts(opt_gold, pred, opt_corpus, pred_corpus, units)
    base = counts(base_gold, pred, base_corpus, pred_corpus, units)
    assert (metrics, attrs, per_unit) == base[:3]
    assert optional[layer] == {"gold": 1, "matched": 0}
    assert all(m["recall"] in (None, 1.0) for n, m in metrics.items() if m["tp"] is not None)


@pytest.mark.parametrize("units", ["document", "sentence"])
@pytest.mark.parametrize("doc_id,item,layer", ITEMS)
def test_a_predicted_optional_item_is_no_false_positive(doc_id, item, layer, units):
    gold, corpus = gold_docs()
    opt_gold, opt_corpus = mark(gold, corpus, doc_id, item)
    pred = copy.deepcopy(gold)
    pred[0]["events"][0]["polarity"] = "POSITIVE"  # an attribute error on the predicted item
    pred[0]["mentions"].append(mention(T1, "m9", "Officials", "GROUP"))  # and a spurious mention: precision < 1
    pred_corpus = copy.deepcopy(corpus)
    metrics, attrs, per_unit, optional = counts(opt_gold, pred, opt_corpus, pred_corpus, units)
    base_gold, base_corpus = without(gold, corpus, doc_id, item)
    base_pred, base_pred_corpus = without(pred, pred_corpus, doc_id, item)
    assert (metrics, attrs, per_unit) == counts(base_gold, base_pred, base_corpus, base_pred_corpus, units)[:3]
    assert optional[layer] == {"gold": 1, "matched": 1}
    # the predicted optional item leaves tp too: fewer tp than when it is an ordinary item
    ordinary = counts(gold, pred, corpus, pred_corpus, units)[0]
    name = {"mentions": "mentions.strict", "events": "events.trigger.classification", "claims": "claims.tuple",
            "relations": "relations.cross_doc"}[layer]
    assert metrics[name]["tp"] == ordinary[name]["tp"] - 1


def test_an_optional_events_arguments_and_relations_ending_at_it_are_optional():
    """Event v1 is optional: its two arguments and the corpus relation x1 (not marked here)
    are optional too; the event's polarity is not compared."""
    gold, corpus = gold_docs()
    gold[0]["events"][0].update(OPT)
    r = run(gold, [doc("d1", T1), doc("d2", T2)], corpus, {"relations": []})
    m = r["metrics"]
    assert (m["events.trigger.identification"]["fn"], m["events.argument.identification"]["fn"]) == (2, 2)  # v2 and d2's v1
    assert m["relations.cross_doc"]["fn"] == 0 and r["optional"]["relations"] == {"gold": 1, "matched": 0}
    r = run(gold, gold, corpus, corpus)
    assert r["attributes"]["events.polarity"]["n"] == 2
    assert r["optional"]["events"] == {"gold": 1, "matched": 1}


def test_the_optional_counts_have_the_same_keys_every_time():
    gold, corpus = gold_docs()
    r = run(gold, gold, corpus, corpus)
    assert r["optional"] == {layer: {"gold": 0, "matched": 0} for layer in ("mentions", "events", "claims", "relations")}


def test_the_shipped_gold_reports_its_optional_items():
    """The gold marks event v65 and claim c7 of 004 and the corpus relation x3 optional;
    gold scored against itself matches each (and the table says so)."""
    from pathlib import Path

    from ceasefire.eval.api import score_files
    from ceasefire.eval.render import table

    gold = ROOT / "data" / "gold"
    out = score_files([gold], gold=gold).output
    assert out["optional"] == {"mentions": {"gold": 0, "matched": 0}, "events": {"gold": 1, "matched": 1},
                               "claims": {"gold": 1, "matched": 1}, "relations": {"gold": 1, "matched": 1}}
    assert all(m["fp"] == 0 and m["fn"] == 0 for m in out["metrics"].values() if m["tp"] is not None)
    assert "optional gold items, counted neither as found nor as missed (of them, matched by a prediction): mentions 0 (0), events 1 (1), claims 1 (1), relations 1 (1)" in table(out)


def test_the_report_marks_optional_relations_neither_missed_nor_spurious():
    """The HTML report's relation rows follow the scorer: an optional gold relation is "optional",
    absent or predicted, and ordinary gold relations take the matching first."""
    from ceasefire.eval.report import relation_statuses

    gold = [("k1", None, "CORROBORATES"), ("k2", None, "CORROBORATES"), ("k1", None, "CORROBORATES")]
    pred = [("k1", None, "CORROBORATES"), ("k2", None, "CORROBORATES"), ("k3", None, "CORROBORATES")]
    rows = relation_statuses(gold, pred, optional={1, 2})
    assert [r[3] for r in rows] == ["matched", "optional", "optional", "matched", "optional", "spurious"]
