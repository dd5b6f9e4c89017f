"""A rule-based baseline extractor for all four layers.

Written from the schema and general English only: capitalised-name spans,
a small general gazetteer (countries, demonyms, well-known intergovernmental
organisations, world regions and seas, weekday and month names), pronoun rules,
a trigger lexicon per PLOVER type taken from the types' definitions, reporting-verb
and quotation patterns for claims, and one relation pattern. **Nothing in it is
derived from the gold annotations or tuned to the two articles**: no rule was
added or changed after looking at a score. (Its author had read the two
articles; phrases that occur in them but are not general vocabulary, such as
"stopped short", were kept out on purpose.) It is not meant to be good, only a
floor that any real system should beat.

Use: ``ceasefire-eval run ceasefire.baselines.rule_based:extract --corpus ceasefire.baselines.rule_based:link_documents``
"""

from __future__ import annotations

import re

# --- lexicons (general English and world knowledge, not from the data) -----------------------

COUNTRIES = {
    "Afghanistan", "Argentina", "Australia", "Austria", "Belarus", "Belgium", "Brazil", "Canada", "China", "Cuba", "Denmark",
    "Egypt", "Estonia", "Finland", "France", "Georgia", "Germany", "Greece", "Hungary", "India", "Indonesia", "Iran", "Iraq",
    "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kazakhstan", "Latvia", "Lebanon", "Libya", "Lithuania", "Mexico",
    "Moldova", "Netherlands", "Nigeria", "Norway", "Pakistan", "Poland", "Portugal", "Qatar", "Romania", "Russia",
    "Saudi Arabia", "Serbia", "Slovakia", "South Africa", "South Korea", "North Korea", "Spain", "Sweden", "Switzerland",
    "Syria", "Taiwan", "Turkey", "Ukraine", "United Kingdom", "United States", "U.S.", "US", "U.K.", "UK", "Venezuela",
    "Vietnam", "Yemen",
}
DEMONYMS = {
    "American": "United States", "British": "United Kingdom", "Chinese": "China", "French": "France", "German": "Germany",
    "Iranian": "Iran", "Israeli": "Israel", "Russian": "Russia", "Ukrainian": "Ukraine", "Turkish": "Turkey",
    "Polish": "Poland", "Syrian": "Syria", "Indian": "India", "Japanese": "Japan", "Saudi": "Saudi Arabia",
    "Russians": "Russia", "Ukrainians": "Ukraine", "Americans": "United States", "Israelis": "Israel",
}
IGOS = {"NATO", "UN", "United Nations", "EU", "European Union", "OSCE", "IAEA", "WHO", "IMF", "G7", "G20"}
REGIONS = {"Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Middle East", "Balkans", "Caucasus",
           "Central Asia", "Black Sea", "Baltic Sea", "Mediterranean", "Mediterranean Sea", "Red Sea", "Caspian Sea",
           "South China Sea", "Persian Gulf", "Arctic", "Gaza", "Gaza Strip", "West Bank", "Crimea", "Donbas", "Kashmir"}
TITLES = {"President", "Prime Minister", "Minister", "Secretary", "Chancellor", "King", "Queen", "General", "Senator",
          "Vice President", "Foreign Minister", "Defense Secretary", "press secretary", "Ambassador", "Governor", "Mayor"}
TIME_WORDS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December"
TIME_PATTERN = re.compile(rf"\b(?:{TIME_WORDS})(?: (?:night|morning|evening))?\b|\b(?:last|next|this) (?:week|month|year)\b|\b\d+-(?:day|week|month|year)\b|\b\d+ (?:days|weeks|months|years) ago\b")
PRONOUNS = {"he": "PERSON", "him": "PERSON", "his": "PERSON", "she": "PERSON", "her": "PERSON", "they": "GROUP", "their": "GROUP", "them": "GROUP"}
GROUP_NOUNS = re.compile(r"\b(?:officials|leaders|sources|allies|negotiators|diplomats|counterparts|forces|troops)\b")
# Event triggers by PLOVER type, from the types' definitions (word stems, general English)
TRIGGERS = {
    "AGREE": r"agree[sd]?|agreeing|agreement|deal|pledge[sd]?|promise[sd]?",
    "CONSULT": r"talks?|call|met|meet(?:ing|s)?|negotiat(?:e|ed|es|ing|ions?)|discuss(?:ed|es|ion)?|summit|consultations?",
    "SUPPORT": r"endorse[sd]?|prais(?:e|ed|es)|back(?:ed|s)?|welcome[sd]?",
    "CONCEDE": r"cease-?fires?|truce|concessions?",
    "COOPERATE": r"cooperat(?:e|ed|ion)|collaborat(?:e|ed|ion)|joint",
    "AID": r"aid|assistance|support",
    "RETREAT": r"withdr(?:aw|ew|awn|awal)|retreat(?:ed|s)?|released?",
    "REQUEST": r"request(?:ed|s)?|demand(?:ed|s|ing)?|urge[sd]?|propos(?:al|als|ed|es)|call(?:ed|s)? for|appeal(?:ed|s)?",
    "ACCUSE": r"accuse[sd]?|condemn(?:ed|s)?|criticiz(?:e|ed|es)|blame[sd]?",
    "REJECT": r"reject(?:ed|s)?|refuse[sd]?|declined?",
    "THREATEN": r"threat(?:en|ened|ens|ening)?|warn(?:ed|s|ing)?",
    "PROTEST": r"protests?|rall(?:y|ies)|demonstrations?",
    "SANCTION": r"sanctions?|embargo(?:es)?|suspend(?:ed|s)?|expel(?:led|s)?|boycott(?:ed|s)?",
    "MOBILIZE": r"mobiliz(?:e|ed|ation)|deploy(?:ed|s|ment)?",
    "COERCE": r"arrest(?:ed|s)?|detain(?:ed|s)?|seiz(?:e|ed|ure)",
    "ASSAULT": r"attacks?|strikes?|bomb(?:ed|ing|ings)?|kill(?:ed|ing|s)?|invade[sd]?|invasion|war|fight(?:ing)?|shell(?:ed|ing)",
}
TRIGGER_RE = re.compile("|".join(rf"(?P<{t}>\b(?:{p})\b)" for t, p in TRIGGERS.items()))
REPORTING = r"said|says|stated|added|told|announced|claimed|asserted|maintained|argued|insisted|warned|noted"
NEGATION = re.compile(r"\b(?:not|never|no|n't|without|failed to)\b")
MODAL_PROPOSED = re.compile(r"\b(?:will|would|plan(?:s|ned)?|propos\w*|request\w*|demand\w*|aim\w*|seek\w*|future)\b")
ACTOR_TYPES = {"PERSON", "GROUP", "STATE", "GOV_BODY", "MILITARY", "IGO", "ORG"}

NAME_RE = re.compile(r"(?:[A-Z][a-z]+|[A-Z]{2,}|U\.S\.|U\.K\.)(?:[ -](?:[A-Z][a-z]+|[A-Z]{2,}|U\.S\.))*")
SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’]*|$)")


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE_RE.finditer(text) if m.group().strip()]


def _entity_key(text: str, typ: str) -> str:
    if typ == "STATE" and text in DEMONYMS:
        text = DEMONYMS[text]
    if text in ("U.S.", "US"):
        text = "United States"
    return re.sub(r"\W+", "_", text.lower()).strip("_")


def _mentions(text: str) -> list[dict]:
    spans: dict[tuple[int, int], dict] = {}
    sent_starts = {s for s, _ in _sentences(text)}

    def add(s, e, typ, level, key=None):
        if (s, e) in spans or s >= e:
            return
        spans[(s, e)] = {"start": s, "end": e, "text": text[s:e], "type": typ, "level": level, "key": key or _entity_key(text[s:e], typ)}

    for m in TIME_PATTERN.finditer(text):
        add(m.start(), m.end(), "TIME", "NAM" if m.group()[0].isupper() else "NOM")
    for m in NAME_RE.finditer(text):
        s, e, name = m.start(), m.end(), m.group()
        if any(s < b and a < e for a, b in spans):
            continue
        words = name.split()
        # a title before a name makes the whole span a person
        for title in sorted(TITLES, key=len, reverse=True):
            if name.startswith(title + " ") and len(name) > len(title) + 1:
                person = name[len(title) + 1:]
                add(s, e, "PERSON", "NAM", key=_entity_key(person.split()[-1], "PERSON"))
                break
        else:
            if name in COUNTRIES:
                add(s, e, "STATE", "NAM")
            elif name in DEMONYMS:
                add(s, e, "STATE", "NAM")
            elif name in IGOS:
                add(s, e, "IGO", "NAM")
            elif name in REGIONS:
                add(s, e, "LOCATION", "NAM")
            elif re.fullmatch(TIME_WORDS, name):
                continue
            elif s in sent_starts and len(words) == 1:
                continue  # a capitalised first word of a sentence is usually not a name
            elif len(words) >= 2 and all(w[0].isupper() for w in words):
                add(s, e, "PERSON", "NAM", key=_entity_key(words[-1], "PERSON"))
            elif len(words) == 1 and name.isupper():
                add(s, e, "ORG", "NAM")
            elif len(words) == 1:
                add(s, e, "PERSON", "NAM", key=_entity_key(name, "PERSON"))
    for m in re.finditer(r"\b(?:he|him|his|she|her|they|their|them)\b", text, flags=re.I):
        add(m.start(), m.end(), PRONOUNS[m.group().lower()], "PRO", key=None)
    for m in GROUP_NOUNS.finditer(text):
        typ = "MILITARY" if m.group() in ("forces", "troops") else "GROUP"
        add(m.start(), m.end(), typ, "NOM", key=None)
    return sorted(spans.values(), key=lambda x: (x["start"], -x["end"]))


def _resolve_pronouns(mentions: list[dict]) -> None:
    last_person = None
    for m in mentions:
        if m["level"] == "PRO" and m["type"] == "PERSON":
            m["key"] = last_person["key"] if last_person else f"pro_{m['start']}"
        elif m["type"] == "PERSON" and m["level"] == "NAM":
            last_person = m
        if m["key"] is None:
            m["key"] = f"{m['type'].lower()}_{m['start']}"


def extract(text: str, doc_id: str | None = None) -> dict:
    """Extract a record (mentions, entities, events, claims, relations) from one article."""
    prefix = doc_id or "doc"
    mentions = _mentions(text)
    _resolve_pronouns(mentions)
    out_m, entities = [], {}
    for i, m in enumerate(mentions, 1):
        eid = m["key"] if m["level"] != "PRO" or not m["key"].startswith("pro_") else f"{prefix}:{m['key']}"
        if m["type"] in ("GROUP", "MILITARY", "TIME") and m["level"] != "NAM":
            eid = f"{prefix}:{m['key']}"  # common nouns are not linked across articles
        out_m.append({"id": f"m{i}", "start": m["start"], "end": m["end"], "text": m["text"], "type": m["type"], "level": m["level"], "entity": eid})
        entities.setdefault(eid, {"id": eid, "type": m["type"], "name": m["text"], "qid": None})
    # an entity keeps the type of its first mention; later mentions of another type start their own
    by_id = {}
    for m in out_m:
        first = by_id.setdefault(m["entity"], m["type"])
        if first != m["type"]:
            m["entity"] = f"{m['entity']}__{m['type'].lower()}"
            entities.setdefault(m["entity"], {"id": m["entity"], "type": m["type"], "name": m["text"], "qid": None})
    used = {m["entity"] for m in out_m}
    entities = {k: v for k, v in entities.items() if k in used}

    sentences = _sentences(text)
    events = []
    for n, trig in enumerate(TRIGGER_RE.finditer(text), 1):
        etype = trig.lastgroup
        s, e = trig.span()
        if any(m["start"] <= s < m["end"] for m in out_m):
            continue  # inside a name
        sent = next(((a, b) for a, b in sentences if a <= s < b), (0, len(text)))
        before = text[max(sent[0], s - 40):s]
        in_sent = [m for m in out_m if sent[0] <= m["start"] < sent[1] and m["type"] in ACTOR_TYPES]
        args = []
        actor = next((m for m in reversed(in_sent) if m["end"] <= s), None)
        if actor:
            args.append({"role": "ACTOR", "ref": actor["id"]})
        recipient = next((m for m in in_sent if m["start"] >= e), None)
        if recipient and recipient is not actor:
            args.append({"role": "RECIPIENT", "ref": recipient["id"]})
        times = [m for m in out_m if m["type"] == "TIME" and sent[0] <= m["start"] < sent[1]]
        if times:
            args.append({"role": "TIME", "ref": times[0]["id"]})
        sentence_text = text[sent[0]:sent[1]]
        events.append({
            "id": f"v{n}", "type": etype, "mode": None, "trigger": {"start": s, "end": e, "text": text[s:e]},
            "polarity": "NEGATIVE" if NEGATION.search(before) else "POSITIVE",
            "modality": "HYPOTHETICAL" if re.search(r"\bif\b", sentence_text) else "PROPOSED" if MODAL_PROPOSED.search(before) else "ASSERTED",
            "cluster": f"{etype.lower()}_{re.sub(r'[^a-z]', '', text[s:e].lower())[:12]}", "arguments": args,
        })

    claims = _claims(text, out_m)
    relations = []
    for i, m in enumerate(out_m):
        # "<Demonym> President <Name>": the person leads the state
        if m["type"] == "PERSON" and m["level"] == "NAM":
            inner = next((x for x in out_m if x is not m and x["start"] == m["start"] and x["type"] == "STATE"), None)
            if inner is None:
                demonym = m["text"].split()[0]
                if demonym in DEMONYMS:
                    inner = {"id": f"m{len(out_m) + len(relations) + 1}", "start": m["start"], "end": m["start"] + len(demonym), "text": demonym,
                             "type": "STATE", "level": "NAM", "entity": _entity_key(demonym, "STATE")}
                    if not any((x["start"], x["end"]) == (inner["start"], inner["end"]) for x in out_m):
                        out_m.append(inner)
                        entities.setdefault(inner["entity"], {"id": inner["entity"], "type": "STATE", "name": DEMONYMS[demonym], "qid": None})
                    else:
                        inner = None
            if inner is not None:
                relations.append({"id": f"r{len(relations) + 1}", "type": "LEADER_OF", "head": m["id"], "tail": inner["id"]})
    # entity definitions are left out (the layer is optional): string-keyed clusters carry no reliable name
    return {"mentions": out_m, "events": events, "claims": claims, "relations": relations}


QUOTE_THEN_CUE = re.compile(rf"“(?P<content>[^”]+?)[,.]?”,? (?:(?P<cue1>{REPORTING}) (?P<src1>[^.,]+?)|(?P<src2>[^.,“”]+?) (?P<cue2>{REPORTING}))\b")
CUE_THAT = re.compile(rf"(?P<src>\b[A-Z][\w.’' -]{{1,60}}?) (?P<cue>{REPORTING}) (?:that )?(?P<content>[^.“”]+)")
ACCORDING = re.compile(r"(?P<cue>[Aa]ccording to) (?P<src>[^,.]+)")


def _claims(text: str, mentions: list[dict]) -> list[dict]:
    claims, taken = [], set()

    def source_for(s, e):
        inside = [m for m in mentions if s <= m["start"] and m["end"] <= e and m["type"] in ACTOR_TYPES]
        return inside[-1]["id"] if inside else None

    def add(cue_span, content_span, src_span, quote):
        cs, ce = content_span
        while ce > cs and text[ce - 1] in " ,.":
            ce -= 1
        if ce <= cs or (cs, ce) in taken:
            return
        taken.add((cs, ce))
        claims.append({"id": f"c{len(claims) + 1}", "source": source_for(*src_span) if src_span else None,
                       "cue": {"start": cue_span[0], "end": cue_span[1], "text": text[cue_span[0]:cue_span[1]]},
                       "content": {"start": cs, "end": ce, "text": text[cs:ce]},
                       "quote_type": quote, "check_worthiness": "CFS", "parent": None})

    for m in QUOTE_THEN_CUE.finditer(text):
        cue = "cue1" if m.group("cue1") else "cue2"
        src = "src1" if m.group("src1") else "src2"
        add(m.span(cue), m.span("content"), m.span(src), "DIRECT")
    for m in CUE_THAT.finditer(text):
        add(m.span("cue"), m.span("content"), m.span("src"), "INDIRECT")
    for m in ACCORDING.finditer(text):
        sent_start = text.rfind("\n", 0, m.start()) + 1
        content_end = m.start()
        while content_end > sent_start and text[content_end - 1] in " ,":
            content_end -= 1
        if content_end > sent_start:
            add(m.span("cue"), (sent_start, content_end), m.span("src"), "INDIRECT")
        else:
            after = text.find(",", m.end())
            end = text.find(".", after) if after != -1 else -1
            if after != -1 and end != -1:
                add(m.span("cue"), (after + 1 + (text[after + 1] == " "), end), m.span("src"), "INDIRECT")
    return claims


def link_documents(records: dict[str, dict]) -> dict:
    """The corpus record: entity and event cluster ids used in several articles are declared."""
    used: dict[str, dict[str, list[str]]] = {"entity_clusters": {}, "event_clusters": {}}
    for d in sorted(records):
        for eid in sorted({m["entity"] for m in records[d]["mentions"]}):
            used["entity_clusters"].setdefault(eid, []).append(d)
        for cid in sorted({e["cluster"] for e in records[d]["events"]}):
            used["event_clusters"].setdefault(cid, []).append(d)
    return {"record": "corpus", "id": "baseline", "documents": sorted(records),
            **{k: [{"id": i, "documents": ds} for i, ds in sorted(v.items()) if len(ds) > 1] for k, v in used.items()},
            "relations": []}
