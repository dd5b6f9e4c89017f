"""The guidelines and the gold agree: each rule's example (annotate/GUIDELINES.md,
section in the test name) is annotated that way in the shipped gold."""

import pytest

from gold_helpers import D0, D4, by_id, claim, event, has_relation, load_gold, mention, nth

DOCS, CORPUS = load_gold()
G0, G4 = DOCS[D0], DOCS[D4]

MENTIONS = [
    # (section, doc, text, occurrence, type, level, entity or None)
    ("0 headline", G0, "Putin", 0, "PERSON", "NAM", "putin"),
    ("1.2 titles", G0, "President Donald Trump", 0, "PERSON", "NAM", "trump"),
    ("1.2 titles", G0, "Russian President Vladimir Putin", 0, "PERSON", "NAM", "putin"),
    ("1.2 titles", G0, "press secretary Karoline Leavitt", 0, "PERSON", "NAM", None),
    ("1.2 titles", G4, "Vice President JD Vance", 0, "PERSON", "NAM", None),
    ("1.2 titles", G4, "Ukrainian President Volodymyr Zelensky", 0, "PERSON", "NAM", "zelensky"),
    ("1.2 titles", G4, "President Trump", 0, "PERSON", "NAM", "trump"),
    ("1.2 nested", G0, "Russian", 0, "STATE", "NAM", "russia"),
    ("1.2 nested", G0, "Kremlin", 0, "GOV_BODY", "NAM", "russia_executive"),
    ("1.2 nested", G0, "NATO", 1, "IGO", "NAM", "nato"),
    ("1.2 extent", G0, "two leaders", 0, "GROUP", "NOM", "leaders_trump_putin"),
    ("1.2 extent", G0, "Trump administration", 0, "GOV_BODY", "NOM", "us_executive"),
    ("1.2 extent", G4, "terror group", 0, "ORG", "NOM", "hamas"),
    ("1.2 extent", G4, "top U.S. and Ukrainian officials", 0, "GROUP", "NOM", None),
    ("1.2 extent", G4, "U.S. and Russian counterparts", 0, "GROUP", "NOM", None),
    ("1.3 metonymy", G0, "Moscow", 0, "GOV_BODY", "NAM", "russia_executive"),
    ("1.3 metonymy", G0, "Washington", 0, "GOV_BODY", "NAM", "us_executive"),
    ("1.3 metonymy", G0, "Tehran", 0, "GOV_BODY", "NAM", "iran_executive"),
    ("1.3 metonymy", G0, "Kyiv", 1, "GOV_BODY", "NAM", "ukraine_executive"),
    ("1.3 metonymy", G0, "White House", 0, "GOV_BODY", "NAM", "us_executive"),
    ("1.3 executive", G0, "Russian government", 0, "GOV_BODY", "NOM", "russia_executive"),
    ("1.3 executive", G0, "previous administration", 0, "GOV_BODY", "NOM", "us_previous_administration"),
    ("1.3 place", G0, "Ukraine", 0, "LOCATION", "NAM", "ukraine_place"),
    ("1.3 place", G4, "Saudi Arabia", 0, "LOCATION", "NAM", None),
    ("1.3 place", G0, "Middle East", 0, "LOCATION", "NAM", None),
    ("1.3 place", G0, "Black Sea", 0, "LOCATION", "NAM", None),
    ("1.3 place", G4, "Gaza", 0, "LOCATION", "NAM", None),
    ("1.3 state", G0, "Russia", 0, "STATE", "NAM", "russia"),
    ("1.3 adjectives", G0, "Russian", 1, "STATE", "NAM", "russia"),
    ("1.3 adjectives", G0, "Ukrainian", 0, "STATE", "NAM", "ukraine"),
    ("1.3 adjectives", G4, "U.S.", 2, "STATE", "NAM", "united_states"),
    ("1.3 adjectives", G4, "American", 0, "STATE", "NAM", "united_states"),
    ("1.3 plural nationality", G4, "Ukrainians", 0, "STATE", "NOM", "ukraine"),
    ("1.3 plural nationality", G4, "Russians", 0, "STATE", "NOM", "russia"),
    ("1.3 collective", G0, "Western", 0, "GROUP", "NAM", "western_states"),
    ("1.3 collective", G0, "NATO allies", 0, "GROUP", "NOM", None),
    ("1.3 military", G4, "forces", 0, "MILITARY", "NOM", None),
    ("1.3 military", G4, "Ukrainian military", 0, "MILITARY", "NOM", None),
    ("1.3 Israel", G4, "Jewish state", 0, "STATE", "NOM", "israel"),
    ("1.3 Hamas", G4, "Hamas", 0, "ORG", "NAM", "hamas"),
    ("1.3 Hamas", G4, "several senior Hamas leaders", 0, "GROUP", "NOM", None),
    ("1.3 anonymous", G0, "Kremlin sources", 0, "GROUP", "NOM", "kremlin_sources"),
    ("1.5 sets", G0, "Both leaders", 0, "GROUP", "NOM", "leaders_trump_putin"),
    ("1.5 sets", G4, "leaders", 0, "GROUP", "NOM", "leaders_trump_putin"),
    ("1.5 sets", G0, "neither side", 0, "GROUP", "NOM", "sides_us_russia"),
    ("1.5 sets", G0, "both sides", 0, "GROUP", "NOM", "sides_russia_ukraine"),
    ("1.5 sets (typo kept)", G4, "to sides", 0, "GROUP", "NOM", "sides_russia_ukraine"),
    ("1.2 possessive", G0, "his", 1, "PERSON", "PRO", "trump"),
    ("6.12 generic", G4, "everyone", 0, "GROUP", "PRO", None),
    ("6.12 generic", G4, "those", 0, "GROUP", "PRO", None),
]


@pytest.mark.parametrize("section, doc, text, k, typ, level, entity", MENTIONS, ids=[f"{m[0]}: {m[2]}" for m in MENTIONS])
def test_mention_examples(section, doc, text, k, typ, level, entity):
    m = mention(doc, text, k)
    assert (m["type"], m["level"]) == (typ, level)
    if entity:
        assert m["entity"] == entity


def test_not_mentions():
    # 1.3: a region adjective that fills no argument; 1.3: a readout is not an actor
    s = nth(G0, "Middle Eastern")
    assert not any(m["start"] <= s < m["end"] for m in G0["mentions"])
    assert not any("readout" in m["text"] for d in DOCS.values() for m in d["mentions"])
    # 1.2: no leading article, except "a" meaning "one" in a duration ("For a week now")
    leading = [m["text"] for d in DOCS.values() for m in d["mentions"] if m["text"].split()[0].lower() in ("the", "a", "an")]
    assert leading == ["a week"]


def test_qids_only_where_certain():
    ents = {e["id"]: e for d in DOCS.values() for e in d["entities"]}
    assert ents["trump"]["qid"] == "Q22686" and ents["putin"]["qid"] == "Q7747" and ents["russia"]["qid"] == "Q159"
    assert ents["leavitt"]["qid"] is None


EVENTS = [
    # (section, doc, trigger, occurrence, type, mode or "-", modality or None, polarity or None, cluster or None)
    ("2.2 calls", G0, "call", 0, "CONSULT", "phone", "ASSERTED", "POSITIVE", "call_0318"),
    ("2.2 ceasefires", G0, "ceasefire", 0, "CONCEDE", "-", None, None, "energy_ceasefire"),
    ("2.2 ceasefires", G4, "cease-fire", 0, "CONCEDE", "-", None, None, "energy_ceasefire"),
    ("2.2 ceasefires", G0, "halt", 0, "CONCEDE", "-", None, None, "energy_ceasefire"),
    ("2.2 ceasefires", G0, "reprieve", 0, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2.2 ceasefire in effect", G4, "cease-fire", 5, "RETREAT", "ceasefire", None, None, None),
    ("2.2 agreeing", G0, "agreed", 0, "AGREE", "-", "ASSERTED", "POSITIVE", None),
    ("2.2 agreeing", G4, "negotiated", 0, "AGREE", "-", None, None, None),
    ("2.1 light verb", G4, "agreement", 1, "AGREE", "-", None, None, None),
    ("2.2 requests", G0, "request", 0, "REQUEST", None, "ASSERTED", None, None),
    ("2.2 requests", G0, "demanding", 0, "REQUEST", None, None, None, None),
    ("2.2 requests", G0, "Push", 0, "REQUEST", None, None, None, None),
    ("2.2 requests", G0, "insistence", 0, "REQUEST", None, None, None, None),
    ("6.7 requests asserted", G4, "proposal", 0, "REQUEST", None, "ASSERTED", None, None),
    ("2.2 refusals", G4, "rejected", 0, "REJECT", None, None, None, None),
    ("2.2 refusals", G4, "agreement", 0, "AGREE", "-", None, "NEGATIVE", None),
    ("2.2 refusals", G0, "agreeing", 0, "AGREE", "-", None, "NEGATIVE", None),
    ("2.2 aid", G4, "resumed", 0, "AID", None, None, None, None),
    ("2.2 aid", G0, "freeze", 0, "SANCTION", "withdraw", None, None, None),
    ("2.2 aid", G4, "cutting off", 0, "SANCTION", "withdraw", None, None, None),
    ("6.3 cessation", G0, "cessation", 0, "SANCTION", "withdraw", "PROPOSED", None, None),
    ("2.2 warnings / 6.2", G0, "warning", 0, "THREATEN", None, None, None, None),
    ("2.2 violence", G0, "war", 0, "ASSAULT", None, None, None, "war_ukraine"),
    ("2.2 violence", G4, "war", 0, "ASSAULT", None, None, None, "war_ukraine"),
    ("2.2 violence", G4, "strikes", 0, "ASSAULT", "aerial", None, None, None),
    ("2.2 violence", G4, "killed", 0, "ASSAULT", "targeted", None, None, None),
    ("2.2 violence", G4, "invaded", 0, "ASSAULT", None, None, None, None),
    ("2.4 modality", G0, "negotiations", 1, "CONSULT", None, "PROPOSED", None, None),
    ("2.4 modality", G0, "uphold", 0, "RETREAT", None, "HYPOTHETICAL", "NEGATIVE", None),
    ("2.4 modality", G4, "invaded", 1, "ASSAULT", None, "HYPOTHETICAL", "NEGATIVE", None),
    ("2.4 modality", G0, "destruction", 0, "ASSAULT", None, "GENERIC", None, None),
    ("2.4 polarity", G0, "commit", 0, None, None, None, "NEGATIVE", None),
    ("6.4 anaphoric", G0, "effort", 0, "CONSULT", "phone", None, None, "call_0318"),
    ("6.12 generic", G4, "refused", 0, "REJECT", None, None, None, None),
]


@pytest.mark.parametrize("section, doc, trig, k, typ, mode, modality, polarity, cluster", EVENTS, ids=[f"{e[0]}: {e[2]}#{e[3]}" for e in EVENTS])
def test_event_examples(section, doc, trig, k, typ, mode, modality, polarity, cluster):
    e = event(doc, trig, k)
    if typ:
        assert e["type"] == typ
    if mode == "-":
        assert e["mode"] is None
    elif mode:
        assert e["mode"] == mode
    if modality:
        assert e["modality"] == modality
    if polarity:
        assert e["polarity"] == polarity
    if cluster:
        assert e["cluster"] == cluster


def test_not_events():
    # 2.1: "deal" after "negotiated" is not annotated again; 2.2: states and aspectual verbs; 6.4: "shift"
    for text in ("deal", "peace", "stability", "began", "shift"):
        s = nth(G0 if text in ("peace", "stability", "shift") else G4, text)
        doc = G0 if text in ("peace", "stability", "shift") else G4
        assert not any(e["trigger"]["start"] == s for e in doc["events"]), text


def test_argument_examples():
    # 2.2 / 2.3: both participants of the call and of the agreement are ACTOR
    call = event(G0, "call", 0)
    actors = {by_id(G0, a["ref"])["entity"] for a in call["arguments"] if a["role"] == "ACTOR"}
    assert {"trump", "putin"} <= actors
    assert not any(a["role"] == "RECIPIENT" for a in call["arguments"])
    # 6.5 topics are THEMEs
    assert any(a["role"] == "THEME" and a["ref"] == event(G0, "halting")["id"] for a in event(G0, "discussed")["arguments"])
    # 6.6 no THEME for "agreed that ..."
    assert not any(a["role"] == "THEME" for a in event(G0, "agreed", 1)["arguments"])
    # 6.3 cessation
    cess = event(G0, "cessation")
    assert any(a["role"] == "THEME" and a["ref"] == cess["id"] for a in event(G0, "demanding")["arguments"])
    # 6.10
    war = event(G4, "war", 1)
    assert any(a["role"] == "TIME" and by_id(G4, a["ref"])["text"] == "over three years ago" for a in war["arguments"])


def test_relation_examples():
    assert has_relation(G0, "LEADER_OF", mention(G0, "Russian President Vladimir Putin"), mention(G0, "Russian"))
    assert has_relation(G4, "LEADER_OF", mention(G4, "Ukrainian President Volodymyr Zelensky"), mention(G4, "Ukrainian", 1))
    admin = mention(G0, "Trump administration")
    nested = next(m for m in G0["mentions"] if m["start"] == admin["start"] and m["text"] == "Trump")
    assert has_relation(G0, "LEADER_OF", nested, admin)  # 6.9
    assert has_relation(G0, "SPOKESPERSON_FOR", mention(G0, "press secretary Karoline Leavitt"), mention(G0, "White House"))
    assert has_relation(G0, "MEMBER_OF", mention(G0, "Kremlin sources"), mention(G0, "Kremlin"))
    assert has_relation(G4, "MEMBER_OF", mention(G4, "several senior Hamas leaders"), mention(G4, "Hamas", 1))
    assert has_relation(G0, "RESPONDS_TO", event(G0, "responded"), event(G0, "request"))
    assert has_relation(G0, "SUPPORTS", mention(G0, "U.S.", 1), event(G0, "proposal"))
    assert has_relation(G0, "OPPOSES", mention(G0, "NATO allies"), event(G0, "freeze"))  # 6.4
    assert has_relation(G0, "OPPOSES", mention(G0, "NATO allies"), event(G0, "insistence"))
    assert has_relation(G0, "BEFORE", event(G0, "freeze"), event(G0, "effort"))
    assert has_relation(G4, "SUBEVENT_OF", event(G4, "resumed"), event(G4, "deal", 1))
    assert has_relation(G4, "SUBEVENT_OF", event(G4, "invaded"), event(G4, "war", 1))  # 6.10
    assert not any(r["type"] == "SUBEVENT_OF" and r["tail"] == event(G0, "discussed")["id"] for r in G0["relations"])  # 6.5


def test_claim_examples():
    leavitt = claim(G0, "Both leaders agreed this conflict")
    assert leavitt["quote_type"] == "DIRECT" and leavitt["cue"]["text"] == "said"
    assert by_id(G0, leavitt["source"])["text"] == "press secretary Karoline Leavitt"
    assert leavitt["content"]["text"].endswith("lasting peace")  # 3.2: no closing comma
    readout = claim(G0, "Trump and Putin both acknowledged")
    assert readout["cue"]["text"] == "According to" and by_id(G0, readout["source"])["text"] == "White House"  # 3.3
    kremlin = claim(G0, "Putin responded positively")
    assert kremlin["cue"]["text"] == "according to" and by_id(G0, kremlin["source"])["text"] == "Kremlin sources"
    warning = claim(G0, "“serious risks”")
    assert warning["quote_type"] == "MIXED" and warning["cue"]["text"] == "warning of"  # 3.4, 6.2
    nested = claim(G0, "continued destruction")
    assert nested["source"] is None and nested["parent"] == readout["id"]  # 6.8
    zelensky = claim(G4, "Now, almost a week later")
    assert zelensky["quote_type"] == "DIRECT" and "drag out this war" in zelensky["content"]["text"]  # one claim per quotation
    saying = claim(G4, "whatever he wants")
    assert saying["parent"] == zelensky["id"] and saying["cue"]["text"] == "saying"
    first, cont = claim(G4, "The leaders agreed that the movement"), claim(G4, "The two leaders agreed that a future")
    assert first["cue"] == cont["cue"] and first["source"] == cont["source"]  # continuation quote
    for cue in ("expressed his desire", "insistence", "skeptical of", "citing", "demanding", "maintained", "asserted"):
        assert any(c["cue"]["text"] == cue for d in DOCS.values() for c in d["claims"]), cue
    # 3.1: "He has not yet commented" is not a claim
    s = nth(G4, "commented")
    assert not any(c["cue"]["start"] == s for c in G4["claims"])


def test_cross_document_examples():
    def link(typ, a, b):
        pair = {(D0, a["id"]), (D4, b["id"])}
        return any(r["type"] == typ and {(r["head"]["doc"], r["head"]["id"]), (r["tail"]["doc"], r["tail"]["id"])} == pair for r in CORPUS["relations"])

    assert link("CONTRADICTS", event(G0, "freeze"), event(G4, "resumed"))  # 4, narration extension
    assert link("CONTRADICTS", claim(G0, "Putin responded positively"), claim(G4, "The leaders agreed that the movement"))  # 6.11
    ids = {c["id"] for c in CORPUS["entity_clusters"]}
    assert {"putin", "trump", "us_executive", "leaders_trump_putin"} <= ids  # 5
    assert "energy_ceasefire" in {c["id"] for c in CORPUS["event_clusters"]}
