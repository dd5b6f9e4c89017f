"""The defects of issue 17, each from its reproducer: order-free claim alignment, an
all-singleton response, and bootstrap resamples whose F1 is undefined."""

import copy
from fractions import Fraction as F

from helpers.casebook import claim, doc, event, mention, run
from ceasefire.eval.counts import Tally
from ceasefire.eval.stats import bootstrap_ci, resample_indices, unit_matrix

# --- 1. two predicted claims tie for one gold claim ------------------------------------------

TQ = "Putin said Russia will halt strikes. Trump agreed to the halt."


def _claims_gold():
    return doc("d", TQ, [mention(TQ, "m1", "Putin", entity="putin")],
               [event(TQ, "v1", "agreed", "AGREE")],
               [claim(TQ, "c1", "Russia will halt strikes", source="m1", cue="said", quote_type="INDIRECT", check_worthiness="CFS")],
               [("CORROBORATES", "c1", "v1")])


def _with_copy(first_copy: bool):
    pred = _claims_gold()
    c1b = {**copy.deepcopy(pred["claims"][0]), "id": "c1b", "quote_type": "DIRECT", "check_worthiness": "NFS"}
    pred["claims"] = [c1b, pred["claims"][0]] if first_copy else [pred["claims"][0], c1b]
    return pred


def _counts(result, name):
    m = result["metrics"][name]
    return m["tp"], m["fp"], m["fn"]


def test_a_tie_between_exact_copies_is_broken_by_content_not_position():
    gold = _claims_gold()
    results = [run([gold], [_with_copy(first)]) for first in (False, True)]
    assert results[0]["metrics"] == results[1]["metrics"]
    assert results[0]["attributes"] == results[1]["attributes"]
    # the copy that agrees with the gold claim is aligned: its relation is found, its attributes agree
    for r in results:
        assert _counts(r, "relations.strict") == (1, 0, 0)
        assert r["attributes"]["claims.quote_type"]["accuracy"] == 1.0
        assert r["attributes"]["claims.check_worthiness"]["accuracy"] == 1.0


def test_a_tie_between_different_contents_of_equal_iou_is_order_free():
    gold = _claims_gold()
    # "Russia will halt" and "will halt strikes" both have token IoU 3/4 with the gold content
    outs = []
    for order in ((0, 1), (1, 0)):
        pred = _claims_gold()
        parts = [{**claim(TQ, "p1", "Russia will halt", source="m1", cue="said"), "quote_type": "DIRECT", "check_worthiness": "CFS"},
                 {**claim(TQ, "p2", "will halt strikes", source="m1", cue="said"), "quote_type": "DIRECT", "check_worthiness": "CFS"}]
        pred["claims"] = [parts[i] for i in order]
        pred["relations"] = [{"id": "r0", "type": "CORROBORATES", "head": "p2", "tail": "v1"}]
        outs.append(run([gold], [pred]))
    assert outs[0]["metrics"] == outs[1]["metrics"]
    assert outs[0]["attributes"] == outs[1]["attributes"]
    # equal in every other respect, the content that starts first is aligned: p1, so p2's relation is wrong
    assert _counts(outs[0], "relations.strict") == (0, 1, 1)


# --- 2. an all-singleton response ---------------------------------------------------------------

TS = "a b c d e f"


def _coref(key: dict, response: dict):
    gold = doc("d", TS, [mention(TS, f"g{x}", x, entity=c) for x, c in key.items()])
    pred = doc("d", TS, [mention(TS, f"p{x}", x, entity=c) for x, c in response.items()])
    return run([gold], [pred])["metrics"]


def test_b_all_singleton_response_has_muc_zero_and_a_numeric_conll():
    # coval TC-A-10: key {a} {bc} {def}, response all singletons: MUC 0/0/0, B-cubed P 1, R 1/2
    key = {"a": "k1", "b": "k2", "c": "k2", "d": "k3", "e": "k3", "f": "k3"}
    m = _coref(key, {x: f"r{x}" for x in key})
    assert (m["coref.muc"]["precision"], m["coref.muc"]["recall"], m["coref.muc"]["f1"]) == (0.0, 0.0, 0.0)
    b3 = m["coref.b3"]["f1"]
    assert abs(b3 - float(F(2, 3))) < 1e-12
    ceafe = m["coref.ceafe"]["f1"]
    assert abs(m["coref.conll"]["f1"] - (0 + b3 + ceafe) / 3) < 1e-12
    assert m["coref.cross_doc.conll"]["f1"] is not None


def test_b_conll_is_the_mean_with_muc_zero():
    # key {ab} {cd} {e} {f}, response all singletons (coval gives MUC 0 and this CoNLL)
    key = {"a": "k1", "b": "k1", "c": "k2", "d": "k2", "e": "k3", "f": "k4"}
    m = _coref(key, {x: f"r{x}" for x in key})
    # B-cubed R = (2*(1/2) + 2*(1/2) + 1 + 1) / 6 = 2/3, P = 1 -> F1 4/5;
    # CEAF-e: phi4 = 2/3 for k1, k2 and 1 for k3, k4: 10/3 / 4 recall, / 6 precision -> F1 2/3
    assert abs(m["coref.b3"]["f1"] - 0.8) < 1e-12 and abs(m["coref.ceafe"]["f1"] - F(2, 3)) < 1e-12
    assert abs(m["coref.conll"]["f1"] - (0 + 0.8 + 2 / 3) / 3) < 1e-12


def test_b_no_links_on_either_side_keeps_muc_undefined():
    single = {x: f"k{x}" for x in "abc"}
    m = _coref(single, {x: f"r{x}" for x in "abc"})
    assert m["coref.muc"]["precision"] is None and m["coref.muc"]["recall"] is None


# --- 3. bootstrap resamples with undefined F1 ------------------------------------------------------

def _tally(units_counts):
    t = Tally()
    for unit, (tp, fp, fn) in units_counts.items():
        for part, n in (("tp", tp), ("fp", fp), ("fn", fn)):
            if n:
                getattr(t, part)[(unit, None)] += n
    return t


def test_c_resamples_without_predictions_count_as_f1_zero_and_are_reported():
    # unit 0 has a predicted and found relation; unit 1 only a missed one: resamples drawing
    # unit 1 alone have no prediction (precision undefined, recall 0): their F1 is 0, counted
    units = [("d", 0), ("d", 1), ("d", 2)]
    t = _tally({("d", 0): (1, 0, 0), ("d", 1): (0, 0, 1)})  # unit 2 holds nothing
    idx = resample_indices(len(units), 200, 12345)
    ci = bootstrap_ci(unit_matrix(t, units), idx)
    drawn = idx.tolist()
    no_pred = sum(all(units[i] != ("d", 0) for i in row) for row in drawn)
    empty = sum(all(units[i] == ("d", 2) for i in row) for row in drawn)
    assert no_pred > 0 and empty > 0
    assert ci["undefined"]["precision"] == no_pred
    assert ci["undefined"]["f1"] == empty  # only resamples with no item at all
    assert ci["f1"][0] == 0.0


def test_c_the_baseline_reports_its_undefined_resamples():
    from ceasefire.data import data_dir
    from ceasefire.eval.api import public, score_files

    r = public(score_files([data_dir().parent / "leaderboard" / "baseline.jsonl"], bootstrap=1000))
    ci = r["metrics"]["relations.strict"]["ci"]
    assert ci["undefined"]["precision"] > 0  # resamples with no predicted relation
    assert ci["undefined"]["f1"] == 0
    assert "undefined" in r["bootstrap"]["rule"]
