"""Guidelines 2.0 and the gold, in three parts.

1. The constructed examples of schema/GUIDELINES.md against the rules as the programs apply them
   (quote type, the details of 4.4, the determinate links, the THEME rule).
2. The schema and the guidelines agree wherever both speak.
3. The decisions for the two articles (data/adjudication/DECISIONS.md, section in the test name)
   against the shipped gold.
"""

import json
import re
from pathlib import Path

import pytest

from ceasefire.annotate.lint import statements
from ceasefire.annotate.lint.checks import lint, quote_type_of
from ceasefire.schema import load_schema

from helpers.gold_helpers import D0, D4, by_id, claim, event, has_relation, load_gold, mention, nth
from helpers.paths import ROOT

GUIDELINES = (ROOT / "schema" / "GUIDELINES.md").read_text(encoding="utf-8")
SCHEMA = load_schema()
SCHEMA_TEXT = (ROOT / "schema" / "schema.yaml").read_text(encoding="utf-8")
DOCS, CORPUS = load_gold()
G0, G4 = DOCS[D0], DOCS[D4]


def flat(text: str) -> str:
    """The guidelines with line breaks and Markdown emphasis removed, for looking up examples."""
    return re.sub(r"\s+", " ", text.replace("**", "").replace("`", ""))


# -- 1. constructed examples against the rules -----------------------------------------------------
QUOTES = [
    # (3.5 example as written in the guidelines, content, quote type)
    ("“Both envoys agreed the talks must go on,” Ory said", "the talks must go on", "DIRECT"),
    ("“Both envoys agreed the talks must go on,” Ory said", "Both envoys agreed the talks must go on", "DIRECT"),
    ("“grave consequences” if Kastor breaks the truce", "“grave consequences” if Kastor breaks the truce", "MIXED"),
    ("Varga signed the accord, officials said", "Varga signed the accord", "INDIRECT"),
]


@pytest.mark.parametrize("sentence, content, want", QUOTES, ids=[q[1] for q in QUOTES])
def test_quote_type_examples(sentence, content, want):
    assert sentence in flat(GUIDELINES)
    start = sentence.index(content)
    assert quote_type_of(sentence, start, start + len(content)) == want


@pytest.mark.parametrize("text, length", [("ten-day", True), ("thirty-day", True), ("for a month", True), ("a week", True),
                                          ("Monday", False), ("last week", False), ("over three years ago", False)])
def test_duration_or_time(text, length):
    """4.4: a TIME argument that is a length gives DURATION, a point or period gives TIME."""
    assert statements.is_length(text) is length


def _doc(doc_id, text, mentions, events, claims=(), relations=()):
    """A gold record built from (text, type, level, entity) mentions and (trigger, ...) events."""
    def span(t, k=0):
        starts = [m.start() for m in re.finditer(re.escape(t), text)]
        return {"start": starts[k], "end": starts[k] + len(t), "text": t}

    ms = [{"id": f"m{i}", **span(t), "type": ty, "level": lv, "entity": ent} for i, (t, ty, lv, ent) in enumerate(mentions, 1)]
    ents = {m["entity"]: {"id": m["entity"], "type": m["type"], "name": m["text"], "qid": None} for m in ms}
    evs = [{"id": f"v{i}", "type": ty, "mode": None, "trigger": span(t), "polarity": "POSITIVE", "modality": "ASSERTED",
            "cluster": cl, "arguments": [{"role": r, "ref": ref} for r, ref in args]} for i, (t, ty, cl, args) in enumerate(events, 1)]
    cls = [{"id": f"c{i}", "source": src, "cue": span(cue), "content": span(content), "quote_type": qt,
            "check_worthiness": "CFS", "parent": None} for i, (src, cue, content, qt) in enumerate(claims, 1)]
    rels = [{"id": f"r{i}", "type": ty, "head": h, "tail": t} for i, (ty, h, t) in enumerate(relations, 1)]
    return {"id": doc_id, "meta": {"language": "en"}, "text": text, "mentions": ms, "entities": list(ents.values()),
            "events": evs, "claims": cls, "relations": rels}


def _example_corpus(tmp_path, links, extra_theme=False):
    """The worked example of 4.4: a ten-day truce (article 1) against a thirty-day truce (article 2)."""
    one = "Varga and Reel agreed to a ten-day truce."
    two = "The Foreign Ministry said that the two leaders agreed to a thirty-day truce."
    assert one.rstrip(".") in flat(GUIDELINES)
    d1 = _doc("ex1", one, [("Varga", "PERSON", "NAM", "varga"), ("Reel", "PERSON", "NAM", "reel"), ("ten-day", "TIME", "NOM", "ten_days")],
              [("agreed", "AGREE", "agree_truce", [("ACTOR", "m1"), ("ACTOR", "m2"), ("THEME", "v2")]),
               ("truce", "CONCEDE", "truce_sor", [("TIME", "m3")])])
    d2 = _doc("ex2", two, [("Foreign Ministry", "GOV_BODY", "NAM", "norland_ministry"), ("two leaders", "GROUP", "NOM", "leaders_varga_reel"),
                           ("thirty-day", "TIME", "NOM", "thirty_days")],
              [("agreed", "AGREE", "agree_truce", [("ACTOR", "m2")] + ([("THEME", "v2")] if extra_theme else [])),
               ("truce", "CONCEDE", "truce_sor", [("TIME", "m3")])],
              claims=[("m1", "said", "the two leaders agreed to a thirty-day truce", "INDIRECT")])
    corpus = {"record": "corpus", "id": "example", "documents": ["ex1", "ex2"], "entity_clusters": [],
              "event_clusters": [{"id": "agree_truce", "documents": ["ex1", "ex2"]}, {"id": "truce_sor", "documents": ["ex1", "ex2"]}],
              "relations": [{"id": f"x{i}", "type": ty, "head": {"doc": "ex1", "id": h}, "tail": {"doc": "ex2", "id": t}, "detail": det}
                            for i, (ty, h, t, det) in enumerate(links, 1)]}
    path = tmp_path / "example.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (d1, d2, corpus)) + "\n", encoding="utf-8")
    return path


def test_the_worked_example_of_4_4(tmp_path):
    assert "ten-day **truce**" in GUIDELINES and "thirty-day **truce**" in GUIDELINES
    path = _example_corpus(tmp_path, [("CONTRADICTS", "v2", "v2", "DURATION"), ("CORROBORATES", "v1", "v1", "PARTICIPANTS")])
    assert [p.format() for p in lint(path, check_articles=False)] == []
    # what the guidelines say, as the plan: the truces give DURATION; the AGREEs give PARTICIPANTS (first) and SCOPE
    docs = {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r.get("record") != "corpus"}
    plan = {p.cluster: p.details for p in statements.plan(docs)}
    assert plan == {"truce_sor": ("DURATION",), "agree_truce": ("PARTICIPANTS",)}


def test_the_worked_example_fails_when_a_link_is_wrong(tmp_path):
    wrong = _example_corpus(tmp_path, [("CORROBORATES", "v2", "v2", "TIME"), ("CORROBORATES", "v1", "v1", "PARTICIPANTS")])
    assert any("names the wrong detail" in p.format() and "DURATION" in p.format() for p in lint(wrong, check_articles=False))


def test_the_agree_theme_rule_on_a_constructed_claim(tmp_path):
    """2.3: "the two leaders agreed to a thirty-day truce" has an event complement: THEME allowed,
    even inside the ministry's claim (the AGREE is no claim cue there)."""
    path = _example_corpus(tmp_path, [("CONTRADICTS", "v2", "v2", "DURATION"), ("CORROBORATES", "v1", "v1", "PARTICIPANTS")], extra_theme=True)
    assert [p.format() for p in lint(path, check_articles=False)] == []


# -- 2. schema and guidelines agree wherever both speak -------------------------------------------
def _schema_words() -> set:
    words = set(SCHEMA.mention_types) | set(SCHEMA.mention_levels) | set(SCHEMA.event_types) | set(SCHEMA.roles)
    words |= set(SCHEMA.polarity) | set(SCHEMA.modality) | set(SCHEMA.quote_type) | set(SCHEMA.check_worthiness)
    words |= set(SCHEMA.relation_types) | set(SCHEMA.relation_detail)
    return words


# Capitalised words of the guidelines that name no schema value: schemes and formats cited.
NOT_SCHEMA = {"DECISIONS", "FORMAT", "PLOVER", "ACE", "ECB", "ERE", "PARC", "PolNeAR", "JSON", "NP", "QID", "TAC", "KBP"}


def test_every_schema_term_of_the_guidelines_is_in_the_schema():
    used = set(re.findall(r"\b[A-Z][A-Z_]{2,}\b", GUIDELINES)) - NOT_SCHEMA
    assert used <= _schema_words(), sorted(used - _schema_words())


def test_every_mode_the_guidelines_name_is_a_mode_of_its_type():
    pairs = [("CONSULT", "phone"), ("RETREAT", "ceasefire"), ("SANCTION", "withdraw"), ("REQUEST", "yield"), ("REQUEST", "meet"),
             ("REQUEST", "assist"), ("REQUEST", "change"), ("ASSAULT", "aerial"), ("ASSAULT", "targeted"), ("ASSAULT", "destroy")]
    for typ, mode in pairs:
        assert f"`{mode}`" in GUIDELINES, mode
        assert mode in SCHEMA.event_types[typ].modes, (typ, mode)
    named = set(re.findall(r"mode `([a-z-]+)`|`([a-z-]+)` for", GUIDELINES))
    named = {a or b for a, b in named}
    assert named <= {m for _, m in pairs}, named


def test_the_detail_table_is_the_schema_list():
    table = re.findall(r"^\| ([A-Z]+) \|", GUIDELINES, flags=re.M)
    assert tuple(table) == tuple(SCHEMA.relation_detail) == statements.DETAILS
    assert set(SCHEMA.detail_types) == set(statements.LINK_TYPES)


def test_quote_types_and_modalities_are_the_schema_values():
    sec = GUIDELINES[GUIDELINES.index("### 3.5"):GUIDELINES.index("### 3.6")]
    assert set(re.findall(r"\*\*([A-Z]+)\*\*", sec)) == set(SCHEMA.quote_type)
    sec = GUIDELINES[GUIDELINES.index("### 2.4"):GUIDELINES.index("### 2.5")]
    assert set(re.findall(r"^  - ([A-Z]+):", sec, flags=re.M)) == set(SCHEMA.modality)


def test_proposals_are_request_in_both():
    """Class 6 of issue 12: the schema said AGREE, the guidelines REQUEST."""
    assert "A proposal is REQUEST" in flat(GUIDELINES)
    notes = " ".join(SCHEMA.raw["events"]["plover_coding_notes"]) + SCHEMA.event_types["REQUEST"].definition + SCHEMA.raw["events"]["types"]["REQUEST"]["notes"]
    assert "proposal" in notes and "is REQUEST" in notes
    assert not re.search(r"[Pp]roposals?(?:, [a-z ]+)* (?:are|is) AGREE", SCHEMA_TEXT)


def test_claims_schema_and_guidelines_state_the_same_cue_rule_and_depth():
    assert "noun phrase, infinitive or gerund" in SCHEMA.raw["claims"]["definition"].replace("\n", " ")
    assert "only a noun phrase, an infinitive or a gerund" in flat(GUIDELINES)
    assert SCHEMA.max_claim_depth == 2 and "at most two levels" in flat(GUIDELINES)


def test_optional_share_is_the_same_everywhere():
    assert SCHEMA.max_optional_share == 0.10 and set(SCHEMA.optional_layers) == {"mentions", "events", "claims", "relations"}
    assert '"optional": true' in GUIDELINES and "optional_reason" in GUIDELINES


def test_the_spokesperson_rule_matches_the_schema_endpoints():
    rt = SCHEMA.relation_types["SPOKESPERSON_FOR"]
    assert [str(e) for e in rt.head] == ["mention:PERSON"]
    assert "spokesperson counted as the body they speak for (SPOKESPERSON_FOR)" in flat(GUIDELINES)


# -- 3. the decisions for the two articles against the gold (section of DECISIONS.md) -------------
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
    ("1 generic [D23]", G4, "everyone", 0, "GROUP", "PRO", None),
    ("1 generic [D23]", G4, "those", 0, "GROUP", "PRO", None),
    ("1 scope [R5]", G4, "energy and infrastructure", 0, "OBJECT", "NOM", "energy_infrastructure"),
    ("1 scope [R5]", G4, "energy and infrastructure", 1, "OBJECT", "NOM", "energy_infrastructure"),
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
    ("2 ceasefires agreed [R2]", G0, "Ceasefire", 0, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2 ceasefires agreed [R2]", G0, "ceasefire", 0, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2 ceasefires agreed [R2]", G4, "cease-fire", 0, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2 ceasefires agreed [R2]", G4, "cease-fire", 1, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2 ceasefires agreed [R2]", G4, "ceasefire", 0, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2 ceasefires agreed [R2]", G4, "cease-fire", 2, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2 ceasefires agreed [R2]", G4, "cease-fire", 3, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2 ceasefires agreed [R2]", G4, "cease-fire", 4, "CONCEDE", "-", "ASSERTED", None, "full_ceasefire_30day"),
    ("2 ceasefires accepted [R2]", G0, "halt", 0, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2 ceasefires accepted [R2]", G0, "pause", 0, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2 only discussed [R2]", G0, "halting", 0, "CONCEDE", "-", "PROPOSED", None, "energy_ceasefire"),
    ("2 requested [R2]", G4, "pause", 0, "CONCEDE", "-", "PROPOSED", None, "full_ceasefire_30day"),
    ("2 requested [R2]", G0, "ceasefire", 2, "CONCEDE", "-", "PROPOSED", None, "full_ceasefire_30day"),
    ("2 parity [R6]", G4, "desire", 0, "REQUEST", "meet", "ASSERTED", None, "trump_push_talks"),
    ("2.2 ceasefires", G0, "reprieve", 0, "CONCEDE", "-", "ASSERTED", None, "energy_ceasefire"),
    ("2.2 ceasefire in effect", G4, "cease-fire", 5, "RETREAT", "ceasefire", None, None, None),
    ("2.2 agreeing", G0, "agreed", 0, "AGREE", "-", "ASSERTED", "POSITIVE", None),
    ("2.2 agreeing", G4, "negotiated", 0, "AGREE", "-", None, None, None),
    ("2.1 light verb", G4, "agreement", 1, "AGREE", "-", None, None, None),
    ("2.2 requests", G0, "request", 0, "REQUEST", None, "ASSERTED", None, None),
    ("2.2 requests", G0, "demanding", 0, "REQUEST", None, None, None, None),
    ("2.2 requests", G0, "Push", 0, "REQUEST", None, None, None, None),
    ("2.2 requests", G0, "insistence", 0, "REQUEST", None, None, None, None),
    ("2 requests asserted [D10]", G4, "proposal", 0, "REQUEST", None, "ASSERTED", None, None),
    ("2.2 refusals", G4, "rejected", 0, "REJECT", None, None, None, None),
    ("2.2 refusals", G4, "agreement", 0, "AGREE", "-", None, "NEGATIVE", None),
    ("2.2 refusals", G0, "agreeing", 0, "AGREE", "-", None, "NEGATIVE", None),
    ("2.2 aid", G4, "resumed", 0, "AID", None, None, None, None),
    ("2.2 aid", G0, "freeze", 0, "SANCTION", "withdraw", None, None, None),
    ("2.2 aid", G4, "cutting off", 0, "SANCTION", "withdraw", None, None, None),
    ("2 cessation [D4]", G0, "cessation", 0, "SANCTION", "withdraw", "PROPOSED", None, None),
    ("2 warnings [D2]", G0, "warning", 0, "THREATEN", None, None, None, None),
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
    ("2 anaphoric [D5]", G0, "effort", 0, "CONSULT", "phone", None, None, "call_0318"),
    ("2 generic [D23]", G4, "refused", 0, "REJECT", None, None, None, None),
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
    # 2.3 [D7, R3]: no THEME for an AGREE whose complement is a proposition
    for doc, k in ((G0, 1), (G0, 2), (G0, 3), (G4, 0), (G4, 1)):
        assert not any(a["role"] == "THEME" for a in event(doc, "agreed", k)["arguments"]), k
    # ... but a THEME where the complement is an event ("agreed to a partial ceasefire")
    assert any(a["role"] == "THEME" and a["ref"] == event(G0, "ceasefire")["id"] for a in event(G0, "agreed")["arguments"])
    # R5: the scope of the energy ceasefire in 004
    assert [by_id(G4, a["ref"])["text"] for a in event(G4, "cease-fire")["arguments"] if a["role"] == "THEME"] == ["energy and infrastructure"]
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
    assert readout["cue"]["text"] == "According to" and by_id(G0, readout["source"])["text"] == "White House"  # 3.4
    kremlin = claim(G0, "Putin responded positively")
    assert kremlin["cue"]["text"] == "according to" and by_id(G0, kremlin["source"])["text"] == "Kremlin sources"
    warning = claim(G0, "“serious risks”")
    assert warning["quote_type"] == "MIXED" and warning["cue"]["text"] == "warning of"  # 3.5, D2
    nested = claim(G0, "continued destruction")
    assert nested["source"] is None and nested["parent"] == readout["id"]  # D11
    zelensky = claim(G4, "Now, almost a week later")
    assert zelensky["quote_type"] == "DIRECT" and "drag out this war" in zelensky["content"]["text"]  # one claim per quotation
    saying = claim(G4, "whatever he wants")
    assert saying["parent"] == zelensky["id"] and saying["cue"]["text"] == "saying" and saying["optional"]  # R4
    first, cont = claim(G4, "The leaders agreed that the movement"), claim(G4, "The two leaders agreed that a future")
    assert first["cue"] == cont["cue"] and first["source"] == cont["source"]  # continuation quote
    # R1: nested claims inside a quotation are DIRECT
    for doc, text in ((G0, "this conflict needs to end"), (G4, "the movement to peace"), (G4, "a future with an improved"), (G4, "whatever he wants")):
        assert claim(doc, text)["quote_type"] == "DIRECT", text
    # R4: the one cue rule: clause or quotation complements are claims, noun phrases and infinitives are not
    cues = [c["cue"]["text"] for d in DOCS.values() for c in d["claims"]]
    for cue in ("insistence", "maintained", "asserted", "warning of"):
        assert cue in cues, cue
    for cue in ("expressed his desire", "skeptical of", "citing", "demanding", "demanded"):
        assert cue not in cues, cue
    assert not any(c["content"]["text"].startswith("the importance of") for c in G0["claims"])
    # 3.1: "He has not yet commented" is not a claim
    s = nth(G4, "commented")
    assert not any(c["cue"]["start"] == s for c in G4["claims"])


def _link(typ, a_doc, a, b_doc, b, detail):
    pair = {(a_doc, a["id"]), (b_doc, b["id"])}
    if a_doc == b_doc:
        rels = DOCS[a_doc]["relations"]
        return any(r["type"] == typ and r["detail"] == detail and {(a_doc, r["head"]), (a_doc, r["tail"])} == pair for r in rels)
    return any(r["type"] == typ and r["detail"] == detail and {(r["head"]["doc"], r["head"]["id"]), (r["tail"]["doc"], r["tail"]["id"])} == pair
               for r in CORPUS["relations"])


def test_cross_document_examples():
    # R7: the scope of the energy ceasefire agrees (Kremlin sources in 000, the author of 004)
    assert _link("CORROBORATES", D0, event(G0, "halt"), D4, event(G4, "cease-fire"), "SCOPE")
    # R7: the freeze and the "cutting off" are one event and corroborate; the resumption is another event
    assert _link("CORROBORATES", D0, event(G0, "freeze"), D4, event(G4, "cutting off"), "PARTICIPANTS")
    assert not any(r["type"] == "CONTRADICTS" for r in CORPUS["relations"])
    # R7: the failed full ceasefire, OCCURRENCE (both NEGATIVE)
    assert _link("CORROBORATES", D0, event(G0, "agreeing"), D4, event(G4, "agreement"), "OCCURRENCE")
    # R7 within 004: the author against the White House
    assert _link("CORROBORATES", D4, event(G4, "negotiated"), D4, event(G4, "agreement", 1), "PARTICIPANTS")
    # class 3: nothing joins the White House and its press secretary
    wh = {c["id"] for c in G0["claims"] if c["source"] and by_id(G0, c["source"])["entity"] in ("us_executive", "leavitt")}
    assert wh and not any(r["head"] in wh or r["tail"] in wh for r in G0["relations"] if r["type"] in statements.LINK_TYPES)
    ids = {c["id"] for c in CORPUS["entity_clusters"]}
    assert {"putin", "trump", "us_executive", "leaders_trump_putin", "energy_infrastructure"} <= ids  # 5
    assert {"energy_ceasefire", "trump_push_talks"} <= {c["id"] for c in CORPUS["event_clusters"]}


def test_the_decisions_file_names_every_review_decision():
    text = (ROOT / "data" / "adjudication" / "DECISIONS.md").read_text(encoding="utf-8")
    log = (ROOT / "data" / "adjudication" / "LOG.md").read_text(encoding="utf-8")
    for n in range(1, 9):
        assert f"R{n}" in text and f"| R{n} |" in log, n
