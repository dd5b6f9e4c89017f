"""One test per row of eval/METRICS.md. Expected values are fractions worked out
by hand; tests/CASES.md explains each case."""

import re
from fractions import Fraction as F
from pathlib import Path

import pytest

from helpers.casebook import at, claim, doc, event, mention, prf, run
from helpers.paths import ROOT

ROWS = {}


def row(name):
    def register(fn):
        ROWS[name] = fn
        return fn
    return register


def close(actual, expected):
    if expected is None:
        return actual is None
    return actual is not None and abs(actual - float(expected)) < 1e-12


def check(result, name, p, r):
    mp, mr, mf = prf(result, name)
    # eval/METRICS.md row `empty`: F1 is null only when both ratios are, 0 when one is
    f = None if p is None and r is None else F(0) if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)
    assert close(mp, p) and close(mr, r) and close(mf, f), (name, mp, mr, mf)


# Case M: mention boundaries and types -------------------------------------------------
TM = "Russian President Putin called Trump on Tuesday about the call."


def case_m():
    gold = doc("d", TM, [mention(TM, "g1", "Russian President Putin"), mention(TM, "g2", "Trump"),
                         mention(TM, "g3", "Tuesday", "TIME")])
    pred = doc("d", TM, [mention(TM, "p1", "President Putin"),       # IoU 15/23 with g1
                         mention(TM, "p2", "Trump", "STATE"),        # right span, wrong type
                         mention(TM, "p3", "Tuesday", "TIME"),       # exact
                         mention(TM, "p4", "call", "OBJECT", k=0)])  # spurious
    return run([gold], [pred])


@row("mentions.strict")
def test_mentions_strict():
    check(case_m(), "mentions.strict", F(1, 4), F(1, 3))  # only Tuesday


@row("mentions.exact")
def test_mentions_exact():
    check(case_m(), "mentions.exact", F(2, 4), F(2, 3))  # Trump and Tuesday


@row("mentions.overlap")
def test_mentions_overlap():
    check(case_m(), "mentions.overlap", F(2, 4), F(2, 3))  # Putin (IoU 15/23) and Tuesday


@row("mentions.type")
def test_mentions_type_is_optimal_not_greedy():
    # g1=[0,5) g2=[4,12); p1=[3,6) overlaps both, p2=[0,2) only g1. Greedy p1->g1 leaves
    # p2 unmatched (1 tp); the optimal matching p1->g2, p2->g1 has 2.
    text = "abcdefghijklmnop"
    sp = lambda s, e: {"start": s, "end": e, "text": text[s:e]}
    gold = doc("d", text, [{"id": "g1", **sp(0, 5), "type": "PERSON"}, {"id": "g2", **sp(4, 12), "type": "PERSON"}])
    for order in ([0, 1], [1, 0]):
        preds = [{"id": "p1", **sp(3, 6), "type": "PERSON"}, {"id": "p2", **sp(0, 2), "type": "PERSON"}]
        pred = doc("d", text, [preds[i] for i in order])
        check(run([gold], [pred]), "mentions.type", F(1), F(1))
    check(case_m(), "mentions.type", F(2, 4), F(2, 3))


# Case C: coreference, the example of Moosavi and Strube (2016), figure 1 ------------------
# key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}
TC = "a b c d e f g h i"


def case_c(cross=False):
    key = {"a": "k1", "b": "k1", "c": "k1", "d": "k2", "e": "k2", "f": "k2", "g": "k2"}
    resp = {"a": "r1", "b": "r1", "c": "r2", "d": "r2", "f": "r3", "g": "r3", "h": "r3", "i": "r3"}
    gold = doc("d", TC, [mention(TC, f"g{x}", x, entity=c) for x, c in key.items()])
    pred = doc("d", TC, [mention(TC, f"p{x}", x, entity=c) for x, c in resp.items()])
    return run([gold], [pred])


COREF = {
    # name: (precision, recall), worked out in tests/CASES.md
    "coref.muc": (F(2, 5), F(2, 5)),
    "coref.b3": (F(1, 2), F(5, 12)),
    "coref.ceafe": (F(13, 30), F(13, 20)),
    "coref.lea": (F(1, 3), F(5, 21)),
}


@row("coref.muc")
def test_coref_muc():
    check(case_c(), "coref.muc", *COREF["coref.muc"])


@row("coref.b3")
def test_coref_b3():
    check(case_c(), "coref.b3", *COREF["coref.b3"])


@row("coref.ceafe")
def test_coref_ceafe():
    check(case_c(), "coref.ceafe", *COREF["coref.ceafe"])


@row("coref.lea")
def test_coref_lea():
    check(case_c(), "coref.lea", *COREF["coref.lea"])


@row("coref.conll")
def test_coref_conll():
    f = lambda p, r: 2 * p * r / (p + r)
    expected = sum(f(*COREF[n]) for n in ("coref.muc", "coref.b3", "coref.ceafe")) / 3
    m = case_c()["metrics"]["coref.conll"]
    assert close(m["f1"], expected) and m["precision"] is None and m["recall"] is None


# Case X: cross-document clusters -----------------------------------------------------------
T1, T2 = "Putin called Trump.", "Trump and Putin talked."


def case_x(pred_shares: bool):
    gold = [doc("d1", T1, [mention(T1, "m1", "Putin", entity="putin"), mention(T1, "m2", "Trump", entity="trump")]),
            doc("d2", T2, [mention(T2, "m1", "Trump", entity="trump"), mention(T2, "m2", "Putin", entity="putin")])]
    if pred_shares:  # one cross-document link right (Putin), Trump split
        pred = [doc("d1", T1, [mention(T1, "m1", "Putin", entity="P"), mention(T1, "m2", "Trump", entity="T1")]),
                doc("d2", T2, [mention(T2, "m1", "Trump", entity="T2"), mention(T2, "m2", "Putin", entity="P")])]
    else:
        pred = [doc("d1", T1, [mention(T1, "m1", "Putin", entity="a"), mention(T1, "m2", "Trump", entity="b")]),
                doc("d2", T2, [mention(T2, "m1", "Trump", entity="c"), mention(T2, "m2", "Putin", entity="d")])]
    return run(gold, pred)


@row("coref.cross_doc.*")
def test_coref_cross_doc():
    r = case_x(True)
    # MUC: key {P1,P2} {T1,T2}: recall (1 + 0) / 2; response {P1,P2}: precision 1/1
    check(r, "coref.cross_doc.muc", F(1), F(1, 2))
    # B-cubed recall: (2^2/2 + 1/2 + 1/2) / 4 = 3/4; precision (2 + 1 + 1) / 4 = 1
    check(r, "coref.cross_doc.b3", F(1), F(3, 4))
    # within documents every cluster is a singleton on both sides: all right, MUC undefined
    check(r, "coref.b3", F(1), F(1))
    check(r, "coref.muc", None, None)
    # no shared ids: every cross-document link is missed; a response without links has
    # MUC precision 0 (as coval), not null
    check(case_x(False), "coref.cross_doc.muc", F(0), F(0))


@row("event_coref.*, event_coref.cross_doc.*")
def test_event_coref():
    gold = [doc("d1", T1, events=[event(T1, "v1", "called", "CONSULT", cluster="call")]),
            doc("d2", T2, events=[event(T2, "v1", "talked", "CONSULT", cluster="call")])]
    pred = [doc("d1", T1, events=[event(T1, "v1", "called", "CONSULT", cluster="x")]),
            doc("d2", T2, events=[event(T2, "v1", "talked", "CONSULT", cluster="x")])]
    r = run(gold, pred)
    check(r, "event_coref.cross_doc.muc", F(1), F(1))
    check(r, "event_coref.b3", F(1), F(1))
    pred[1]["events"][0]["cluster"] = "y"
    check(run(gold, pred), "event_coref.cross_doc.muc", F(0), F(0))


# Case E: events ---------------------------------------------------------------------------
TE = "Putin rejected the proposal by Trump on Monday and Trump agreed."


def case_e():
    ms = [mention(TE, "m1", "Putin", entity="putin"), mention(TE, "m2", "Trump", entity="trump"),
          mention(TE, "m3", "Monday", "TIME", entity="monday"), mention(TE, "m4", "Trump", entity="trump", k=1)]
    gold = doc("d", TE, ms, [
        event(TE, "v1", "rejected", "REJECT", args=[("ACTOR", "m1"), ("THEME", "v2"), ("TIME", "m3")]),
        event(TE, "v2", "proposal", "REQUEST", args=[("ACTOR", "m2")]),
        event(TE, "v3", "agreed", "AGREE", args=[("ACTOR", "m4")]),
    ])
    pred = doc("d", TE, ms, [
        event(TE, "p1", "rejected", "REJECT", args=[("ACTOR", "m1"), ("THEME", "p2"), ("ACTOR", "m3")]),  # TIME given as ACTOR
        event(TE, "p2", "proposal", "ACCUSE", args=[("ACTOR", "m2")]),  # wrong type: its argument cannot attach
        event(TE, "p3", "agreed", "AGREE", args=[("ACTOR", "m2")]),     # m2 is another mention of Trump: counts
        event(TE, "p4", "Monday", "CONSULT"),                            # spurious trigger
    ])
    return run([gold], [pred])


@row("events.trigger.identification")
def test_trigger_identification():
    check(case_e(), "events.trigger.identification", F(3, 4), F(3, 3))


@row("events.trigger.classification")
def test_trigger_classification():
    check(case_e(), "events.trigger.classification", F(2, 4), F(2, 3))


@row("events.argument.identification")
def test_argument_identification():
    # gold args 5; pred args 5. Correct without role: rejected/putin, rejected/THEME->proposal
    # (the filler event is aligned by trigger span), rejected/monday, agreed/trump = 4;
    # proposal/trump is attached to an ACCUSE event: wrong.
    check(case_e(), "events.argument.identification", F(4, 5), F(4, 5))


@row("events.argument.classification")
def test_argument_classification():
    check(case_e(), "events.argument.classification", F(3, 5), F(3, 5))  # monday as ACTOR is wrong


# Case L: claims ---------------------------------------------------------------------------
TL = "Zelensky said Putin drags out the war, and the Kremlin said the talks went well."


def case_l():
    ms = [mention(TL, "m1", "Zelensky", entity="z"), mention(TL, "m2", "Putin", entity="p"),
          mention(TL, "m3", "Kremlin", "GOV_BODY", entity="k")]
    gold = doc("d", TL, ms, claims=[
        claim(TL, "c1", "Putin drags out the war", source="m1", cue="said", quote_type="INDIRECT", check_worthiness="CFS"),
        {"id": "c2", "source": "m3", "cue": at(TL, "said", 1), "content": at(TL, "the talks went well"), "quote_type": "INDIRECT", "check_worthiness": "NFS"},
    ])
    pred = doc("d", TL, ms, claims=[
        # content token IoU 4/5 (drops "war"), right source: tuple ok; quote type wrong
        claim(TL, "p1", "Putin drags out the", source="m1", cue="said", quote_type="DIRECT", check_worthiness="CFS"),
        # exact content but wrong source (Putin): tuple wrong; no cue
        {"id": "p2", "source": "m2", "content": at(TL, "the talks went well"), "quote_type": "INDIRECT", "check_worthiness": "NFS"},
    ])
    return run([gold], [pred])


@row("claims.source")
def test_claims_source():
    check(case_l(), "claims.source", F(1, 2), F(1, 2))


@row("claims.cue")
def test_claims_cue():
    check(case_l(), "claims.cue", F(1, 1), F(1, 2))


@row("claims.content")
def test_claims_content():
    check(case_l(), "claims.content", F(1, 2), F(1, 2))


@row("claims.content.overlap")
def test_claims_content_overlap():
    check(case_l(), "claims.content.overlap", F(1), F(1))


@row("claims.tuple")
def test_claims_tuple():
    r = case_l()
    check(r, "claims.tuple", F(1, 2), F(1, 2))
    assert r["attributes"]["claims.quote_type"]["accuracy"] == 0.5
    assert r["attributes"]["claims.check_worthiness"]["accuracy"] == 1.0


# Case R: relations --------------------------------------------------------------------------
TR = "Russian President Putin met Trump. Putin, the Russian leader, agreed."


def case_r():
    ms = [mention(TR, "m1", "Russian President Putin", entity="putin"), mention(TR, "m2", "Russian", "STATE", entity="russia"),
          mention(TR, "m3", "Trump", entity="trump"), mention(TR, "m4", "Putin", entity="putin", k=1),
          mention(TR, "m5", "Russian", "STATE", entity="russia", k=1)]
    gold = doc("d", TR, ms, relations=[("LEADER_OF", "m1", "m2")])
    pred = doc("d", TR, ms, relations=[("LEADER_OF", "m4", "m5"),   # other mentions of the same entities: correct
                                       ("LEADER_OF", "m3", "m2")])  # wrong head
    return run([gold], [pred])


@row("relations.strict")
def test_relations_strict():
    check(case_r(), "relations.strict", F(1, 2), F(1))


@row("relations.within_doc")
def test_relations_within_doc():
    check(case_r(), "relations.within_doc", F(1, 2), F(1))


@row("relations.cross_doc")
def test_relations_cross_doc_symmetric():
    ta, tb = "Putin accepted a halt.", "Putin rejected a halt."
    gold = [doc("a", ta, claims=[claim(ta, "c1", "Putin accepted a halt")]), doc("b", tb, claims=[claim(tb, "c1", "Putin rejected a halt")])]
    corpus = {"relations": [{"id": "x", "type": "CONTRADICTS", "head": {"doc": "a", "id": "c1"}, "tail": {"doc": "b", "id": "c1"}}]}
    reverse = {"relations": [{"id": "x", "type": "CONTRADICTS", "head": {"doc": "b", "id": "c1"}, "tail": {"doc": "a", "id": "c1"}}]}
    r = run(gold, gold, corpus, reverse)  # symmetric: direction does not matter
    check(r, "relations.cross_doc", F(1), F(1))
    check(r, "relations.strict", F(1), F(1))
    wrong = {"relations": [{"id": "x", "type": "CORROBORATES", "head": {"doc": "a", "id": "c1"}, "tail": {"doc": "b", "id": "c1"}}]}
    check(run(gold, gold, corpus, wrong), "relations.cross_doc", F(0), F(0))


# Case O: optional gold items ----------------------------------------------------------------
TO = "Putin met Trump. Witkoff flew in. Officials waited."


def case_o(predict_optional: bool):
    gold = doc("d", TO, [mention(TO, "g1", "Putin"), mention(TO, "g2", "Trump"),
                         {**mention(TO, "g3", "Witkoff"), "optional": True, "optional_reason": "debatable"}])
    pred = [mention(TO, "p1", "Putin"), mention(TO, "p4", "Officials", "GROUP")]  # Trump missed, Officials spurious
    if predict_optional:
        pred.append(mention(TO, "p3", "Witkoff"))
    return run([gold], [doc("d", TO, pred)])


@row("optional")
def test_optional_gold_items_are_neither_missed_nor_false_positives():
    for predicted in (False, True):
        r = case_o(predicted)
        # Putin tp, Officials fp, Trump fn; Witkoff (optional) in no count either way
        for mode in ("strict", "exact", "overlap", "type"):
            check(r, f"mentions.{mode}", F(1, 2), F(1, 2))
            assert (r["metrics"][f"mentions.{mode}"]["tp"], r["metrics"][f"mentions.{mode}"]["fp"], r["metrics"][f"mentions.{mode}"]["fn"]) == (1, 1, 1)
        assert r["optional"]["mentions"] == {"gold": 1, "matched": int(predicted)}
        assert r["optional"]["events"] == {"gold": 0, "matched": 0}
    # optional items take part in the optimal matching: gold [0,5) ordinary, [4,12) optional;
    # predicted [3,6) overlaps both, [0,2) only [0,5). The optimal matching pairs [3,6) with
    # the optional item, so it is no false positive: P = R = 1 with one tp.
    text = "abcdefghijklmnop"
    sp = lambda s, e: {"start": s, "end": e, "text": text[s:e], "type": "PERSON"}
    gold = doc("d", text, [{"id": "g1", **sp(0, 5)}, {"id": "g2", **sp(4, 12), "optional": True}])
    pred = doc("d", text, [{"id": "p1", **sp(3, 6)}, {"id": "p2", **sp(0, 2)}])
    r = run([gold], [pred])
    check(r, "mentions.type", F(1), F(1))
    assert r["metrics"]["mentions.type"]["tp"] == 1 and r["optional"]["mentions"] == {"gold": 1, "matched": 0}


@row("empty")
def test_empty_layer_scores_zero_everywhere(tmp_path):
    """A mentions-only system: F1 0 (precision null, recall 0) on every other layer, in the point
    estimate, the bootstrap interval and `compare`, so it is comparable with B on every layer."""
    import json

    from ceasefire.eval.api import compare_files, public, score_files

    from ceasefire.schema.records import read_records

    loaded, problems = read_records([ROOT / "data" / "annotations" / "B"])
    assert not problems
    docs = [x.record for x in loaded if not x.is_corpus]
    corpus = next(x.record for x in loaded if x.is_corpus)
    only = tmp_path / "mentions_only.jsonl"
    only.write_text("".join(json.dumps({"id": d["id"], "mentions": d["mentions"], "entities": d["entities"]}) + "\n" for d in docs)
                    + json.dumps({**corpus, "event_clusters": [], "relations": []}) + "\n", encoding="utf-8")
    r = public(score_files([only], bootstrap=200))
    empty = ["events.trigger.identification", "events.trigger.classification", "events.argument.identification",
             "events.argument.classification", "claims.source", "claims.cue", "claims.content", "claims.content.overlap",
             "claims.tuple", "relations.strict", "relations.within_doc", "relations.cross_doc"]
    for name in empty:
        m = r["metrics"][name]
        assert (m["tp"], m["fp"]) == (0, 0) and m["fn"] > 0, name
        assert m["precision"] is None and m["recall"] == 0.0 and m["f1"] == 0.0, name
        assert m["ci"]["f1"] == [0.0, 0.0] and m["ci"]["precision"] is None, name
    for name in ("event_coref.conll", "event_coref.cross_doc.conll", "event_coref.b3"):
        assert r["metrics"][name]["f1"] == 0.0, name
    assert r["metrics"]["mentions.strict"]["f1"] > 0.9
    c = compare_files([ROOT / "data" / "annotations" / "B"], [only], n_bootstrap=100, n_ar=100)
    for name in empty:
        m = c["metrics"][name]
        assert m["f1_b"] == 0.0 and m["f1_a"] > 0 and m["delta"] == -m["f1_a"], name
        assert m["p_bootstrap"] is not None and m["p_ar"] is not None and m["delta_ci"] is not None, name
    # no item on either side: still null (the gold has claims, so use a gold without them)
    gold = doc("d", TM, [mention(TM, "g1", "Trump")])
    res = run([gold], [doc("d", TM, [mention(TM, "p1", "Trump")])])
    assert res["metrics"]["claims.tuple"]["f1"] is None and res["metrics"]["events.trigger.identification"]["f1"] is None


def test_every_row_of_the_table_has_a_test():
    text = (ROOT / "eval" / "METRICS.md").read_text(encoding="utf-8")
    names = set()
    for line in text.splitlines():
        m = re.match(r"^\| (`[^|]+`) \|", line)
        if m:
            names.add(", ".join(re.findall(r"`([^`]+)`", m.group(1))))
    assert names == set(ROWS), names ^ set(ROWS)
