"""Each lint rule of guidelines 2.0 fails on a constructed violation, and only there.

The violations are made by editing a copy of the gold (which passes the lint), so each test shows
that one edit produces the rule's finding and no other finding.
"""

import json

import pytest

from ceasefire.annotate.lint.checks import lint, quote_type_of

from helpers.gold_helpers import D0, D4, claim, copy_gold, edit_record, event, mention


@pytest.fixture
def gold(tmp_path):
    return copy_gold(tmp_path)


edit = edit_record


def findings(folder):
    return [p.format() for p in lint(folder)]


def test_the_unedited_copy_passes(gold):
    assert findings(gold) == []


# -- quote type from the quote marks (3.5) -------------------------------------------------------
@pytest.mark.parametrize("text, start, end, want", [
    ("“Both envoys agreed the talks must go on,” Ory said.", 14, 40, "DIRECT"),
    ("“Both envoys agreed the talks must go on,” Ory said.", 1, 40, "DIRECT"),
    ("She warned of “grave consequences” if Kastor breaks the truce.", 14, 61, "MIXED"),
    ("Varga signed the accord, officials said.", 0, 23, "INDIRECT"),
    ("He said \"we will sign\" today.", 9, 21, "DIRECT"),
    ("“First paragraph of a quote\nSecond paragraph” he said.", 28, 44, "INDIRECT"),  # an unclosed mark ends with its paragraph
])
def test_quote_type_is_read_off_the_marks(text, start, end, want):
    assert quote_type_of(text, start, end) == want


def test_a_nested_quoted_claim_marked_indirect_fails(gold):
    edit(gold, D0, lambda doc: claim(doc, "this conflict needs to end").update(quote_type="INDIRECT"))
    f = findings(gold)
    assert len(f) == 1 and 'quote_type: "INDIRECT" contradicts the quote marks' in f[0] and "allowed: DIRECT" in f[0], f


def test_a_mixed_claim_marked_direct_fails(gold):
    edit(gold, D0, lambda doc: claim(doc, "“serious risks”").update(quote_type="DIRECT"))
    f = findings(gold)
    assert len(f) == 1 and "allowed: MIXED" in f[0], f


# -- THEME on an AGREE that is a claim cue (2.3) -------------------------------------------------
def test_a_theme_on_a_propositional_agree_fails(gold):
    def add(doc):
        agreed, conflict = event(doc, "agreed", 2), event(doc, "conflict")  # @612: "Both leaders agreed this conflict needs to end"
        agreed["arguments"].append({"role": "THEME", "ref": conflict["id"]})

    edit(gold, D0, add)
    f = findings(gold)
    assert any("gives a THEME to the AGREE 'agreed' at 612, which is the cue of a claim" in p for p in f), f
    assert all("AGREE" in p or "CORROBORATES" in p for p in f), f  # the new THEME may also add a detail for 4.4


def test_a_theme_on_agree_to_an_event_is_fine(gold):
    # "agreed to a partial ceasefire": the complement is an event; the gold has that THEME
    assert any(a["role"] == "THEME" for a in event(json.loads((gold / f"{D0}.json").read_text()), "agreed")["arguments"])
    assert findings(gold) == []


# -- CORROBORATES / CONTRADICTS by rule 4.4 ------------------------------------------------------
def corpus_links(folder):
    return json.loads((folder / "corpus.json").read_text(encoding="utf-8"))["relations"]


def test_a_missing_detail_and_a_detail_on_another_type_fail(gold):
    edit(gold, "corpus", lambda c: c["relations"][0].pop("detail"))
    edit(gold, D0, lambda doc: next(r for r in doc["relations"] if r["type"] == "LEADER_OF").update(detail="SCOPE"))
    f = findings(gold)
    assert any("detail: null is missing on CORROBORATES" in p for p in f), f
    assert any('detail: "SCOPE" is given on LEADER_OF' in p for p in f), f


def test_a_spokesperson_and_her_body_are_one_source(gold):
    """Put the readout's 'agreed' and Leavitt's 'agreed' in one cluster: still no link allowed."""
    def same_cluster(doc):
        event(doc, "agreed", 2)["cluster"] = event(doc, "agreed", 1)["cluster"]  # @612 (Leavitt) joins @531 (readout)
        doc["relations"].append({"id": "r99", "type": "CORROBORATES", "head": event(doc, "agreed", 1)["id"],
                                 "tail": event(doc, "agreed", 2)["id"], "detail": "PARTICIPANTS"})

    edit(gold, D0, same_cluster)
    f = findings(gold)
    assert any("joins two mentions of one source" in p and "us_executive" in p for p in f), f


def test_a_missing_link_fails(gold):
    edit(gold, "corpus", lambda c: c.update(relations=[r for r in c["relations"] if r["detail"] != "OCCURRENCE"]))
    f = findings(gold)
    assert len(f) == 1 and "has no CORROBORATES/CONTRADICTS for cluster 'agree_full_ceasefire'" in f[0], f


def test_a_wrong_detail_and_wrong_ends_fail(gold):
    def wrong(c):
        r = next(r for r in c["relations"] if r["detail"] == "OCCURRENCE")
        r["detail"] = "SCOPE"
    edit(gold, "corpus", wrong)
    f = findings(gold)
    assert len(f) == 1 and 'names the wrong detail' in f[0] and "OCCURRENCE" in f[0], f


def test_a_link_between_different_events_fails(gold):
    """The first adjudication's freeze/resumed CONTRADICTS: two different events cannot conflict."""
    docs = {d: json.loads((gold / f"{d}.json").read_text(encoding="utf-8")) for d in (D0, D4)}
    freeze, resumed = event(docs[D0], "freeze"), event(docs[D4], "resumed")
    edit(gold, "corpus", lambda c: c["relations"].append({"id": "x99", "type": "CONTRADICTS", "detail": "OCCURRENCE",
                                                           "head": {"doc": D0, "id": freeze["id"]}, "tail": {"doc": D4, "id": resumed["id"]}}))
    f = findings(gold)
    assert len(f) == 1 and "joins events of different clusters" in f[0], f


def test_a_claim_end_fails(gold):
    docs = {d: json.loads((gold / f"{d}.json").read_text(encoding="utf-8")) for d in (D0, D4)}
    kremlin = claim(docs[D0], "Putin responded positively")
    edit(gold, "corpus", lambda c: c["relations"][0].update(head={"doc": D0, "id": kremlin["id"]}))
    f = findings(gold)
    assert any("has an end that is not an event mention" in p for p in f), f


def test_a_contradiction_on_identical_values_fails(gold):
    """The first adjudication's scope CONTRADICTS: the same scope cannot conflict with itself."""
    def flip(doc):
        r = next(r for r in doc["relations"] if r["type"] == "CORROBORATES" and r["detail"] == "SCOPE")
        r["type"] = "CONTRADICTS"
    edit(gold, D4, flip)
    f = findings(gold)
    assert len(f) == 1 and "on which both mentions give the same value" in f[0], f


# -- optional items (guidelines 6) ---------------------------------------------------------------
def test_an_optional_item_needs_a_reason(gold):
    edit(gold, D0, lambda doc: mention(doc, "Putin").update(optional=True))
    f = findings(gold)
    assert len(f) == 1 and "optional_reason: null is missing on an optional item" in f[0], f


def test_optional_items_are_at_most_a_tenth_of_a_layer(gold):
    def many(doc):
        for c in doc["claims"]:
            c.update(optional=True, optional_reason="constructed")
    edit(gold, D0, many)
    f = findings(gold)
    assert len(f) == 1 and "claims: 9 has 9 optional items of 16" in f[0] and "at most 10%" in f[0], f


# -- modality of agreed and requested events (2.4) -----------------------------------------------
def test_an_agreed_ceasefire_marked_proposed_fails(gold):
    edit(gold, D4, lambda doc: event(doc, "cease-fire").update(modality="PROPOSED"))  # "negotiated an ... cease-fire deal"
    f = findings(gold)
    assert len(f) == 1 and "modality: \"PROPOSED\" of CONCEDE 'cease-fire' at 105" in f[0] and "allowed: ASSERTED" in f[0], f


def test_a_requested_event_marked_asserted_fails(gold):
    edit(gold, D4, lambda doc: event(doc, "pause").update(modality="ASSERTED"))  # "a U.S. proposal to temporarily pause"
    f = findings(gold)
    assert len(f) == 1 and "of CONCEDE 'pause' at 1056" in f[0] and "allowed: PROPOSED" in f[0], f



def test_a_relation_ending_at_an_optional_item_must_be_optional(gold):
    def plain(c):
        r = next(r for r in c["relations"] if r.get("optional"))
        r.pop("optional")
        r.pop("optional_reason")
    edit(gold, "corpus", plain)
    f = findings(gold)
    assert len(f) == 1 and "whose end is an optional item" in f[0], f
