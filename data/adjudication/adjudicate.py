"""Build the adjudicated gold (data/gold/) from annotation A and the decisions in
data/adjudication/LOG.md.

Annotation A is the base; each decision below edits it, or brings an item over
from annotation B. Items are found by their text and offset, never by id, and
every lookup must find exactly one item, so a decision cannot silently miss.
At the end ids are renumbered in text order, the cross-document declarations are
recomputed from use, and the result must pass the validator.

Run from the repository root:  python data/adjudication/adjudicate.py
"""

import copy
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from ceasefire.schema import read_records  # noqa: E402
from ceasefire.schema.records import atomic_write, dumps_pretty  # noqa: E402
from ceasefire.schema.validate import validate_records  # noqa: E402

D0, D4 = "000_8ce9f93fccec955a", "004_2b10ae636b3461d6"


def load(folder):
    loaded, problems = read_records([ROOT / "data" / "annotations" / folder])
    assert not problems, problems
    v = validate_records(loaded)
    assert v.ok, [p.format() for p in v.problems]
    return copy.deepcopy(v.documents), copy.deepcopy(v.corpus)


A, A_CORPUS = load("A")
B, B_CORPUS = load("B")


def one(items, pred, what):
    found = [x for x in items if pred(x)]
    if len(found) != 1:
        raise SystemExit(f"decision lookup {what}: found {len(found)} items")
    return found[0]


def mention(doc, text, start):
    return one(doc["mentions"], lambda m: m["text"] == text and m["start"] == start, f"mention {text!r}@{start}")


def event(doc, text, start):
    return one(doc["events"], lambda e: e["trigger"]["text"] == text and e["trigger"]["start"] == start, f"event {text!r}@{start}")


def claim(doc, start):
    return one(doc["claims"], lambda c: c["content"]["start"] == start, f"claim content@{start}")


def ref(doc, handle):
    kind, *key = handle
    return {"M": mention, "V": event, "C": lambda d, s: claim(d, s)}[kind](doc, *key)["id"]


def handle_of(doc, ident):
    for m in doc["mentions"]:
        if m["id"] == ident:
            return ("M", m["text"], m["start"])
    for e in doc["events"]:
        if e["id"] == ident:
            return ("V", e["trigger"]["text"], e["trigger"]["start"])
    for c in doc["claims"]:
        if c["id"] == ident:
            return ("C", c["content"]["start"])
    raise KeyError(ident)


def set_args(d, trig, start, add=(), remove=()):
    ev = event(A[d], trig, start)
    for role, h in remove:
        target = ref(A[d], h)
        before = len(ev["arguments"])
        ev["arguments"] = [a for a in ev["arguments"] if not (a["role"] == role and a["ref"] == target)]
        assert len(ev["arguments"]) == before - 1, (trig, role, h)
    for role, h in add:
        ev["arguments"].append({"role": role, "ref": ref(A[d], h)})


def from_b(d, kind, text_or_start, start=None):
    """Copy an item of B into A, mapping its references through spans."""
    if kind == "V":
        item = copy.deepcopy(event(B[d], text_or_start, start))
        for a in item["arguments"]:
            a["ref"] = ref(A[d], handle_of(B[d], a["ref"]))
        item["id"] = f"new{len(A[d]['events'])}"
        A[d]["events"].append(item)
        return item
    raise ValueError(kind)


def add_relation(d, typ, head, tail):
    A[d]["relations"].append({"id": f"new{len(A[d]['relations'])}", "type": typ, "head": ref(A[d], head), "tail": ref(A[d], tail)})


def remove_relation(d, typ, head, tail):
    h, t = ref(A[d], head), ref(A[d], tail)
    before = len(A[d]["relations"])
    A[d]["relations"] = [r for r in A[d]["relations"] if not (r["type"] == typ and r["head"] == h and r["tail"] == t)]
    assert len(A[d]["relations"]) == before - 1, (typ, head, tail)


def corpus_relation(typ, head, tail, *, remove=False):
    (hd, hh), (td, th) = head, tail
    h = {"doc": hd, "id": ref(A[hd], hh)}
    t = {"doc": td, "id": ref(A[td], th)}
    if remove:
        before = len(A_CORPUS["relations"])
        A_CORPUS["relations"] = [r for r in A_CORPUS["relations"] if not (r["type"] == typ and {json.dumps(r["head"], sort_keys=True), json.dumps(r["tail"], sort_keys=True)} == {json.dumps(h, sort_keys=True), json.dumps(t, sort_keys=True)})]
        assert len(A_CORPUS["relations"]) == before - 1, (typ, head, tail)
    else:
        A_CORPUS["relations"].append({"id": f"new{len(A_CORPUS['relations'])}", "type": typ, "head": h, "tail": t})


def remove_mention(d, text, start):
    m = mention(A[d], text, start)
    A[d]["mentions"].remove(m)
    if not any(x["entity"] == m["entity"] for x in A[d]["mentions"]):
        A[d]["entities"] = [e for e in A[d]["entities"] if e["id"] != m["entity"]]


# ---------------------------------------------------------------------------------
# Decisions, numbered as in LOG.md
# ---------------------------------------------------------------------------------
KREMLIN = ("C", 709)            # 000: Putin responded positively ..., according to Kremlin sources
FULL_SKEPTIC = ("C", 902)       # 000: Moscow remains skeptical of | a full ceasefire
READOUT_004 = ("C", 390)        # 004: readout, first quote
WH_004 = ("C", 209)             # 004: the White House said (indirect)

# D1: the frozen aid is not a separate OBJECT argument
set_args(D0, "freeze", 1794, remove=[("THEME", ("M", "military aid", 1806))])
remove_mention(D0, "military aid", 1806)
# D2: THREATEN trigger `warning` (A), cue `warning of`: kept as in A.
# D3: `uphold` RETREAT/ceasefire, NEGATIVE, HYPOTHETICAL: kept as in A.
# D4: `cessation` of support is SANCTION/withdraw, the THEME of `demanding` (B)
from_b(D0, "V", "cessation", 1057)
set_args(D0, "demanding", 1036, remove=[("THEME", ("V", "support", 1084))], add=[("THEME", ("V", "cessation", 1057))])
# D5: `effort` is an anaphoric mention of the call (B); BEFORE relations go to it (B)
from_b(D0, "V", "effort", 1752)
remove_relation(D0, "BEFORE", ("V", "freeze", 1794), ("V", "call", 1429))
remove_relation(D0, "BEFORE", ("V", "insistence", 1838), ("V", "call", 1429))
add_relation(D0, "BEFORE", ("V", "freeze", 1794), ("V", "effort", 1752))
add_relation(D0, "BEFORE", ("V", "insistence", 1838), ("V", "effort", 1752))
# D6: topics of a CONSULT are its THEME, not SUBEVENT_OF: A's THEMEs kept; B's SUBEVENT_OF not taken.
# D7: AGREE takes a THEME only when the thing agreed is an event
set_args(D0, "agreed", 531, remove=[("THEME", ("V", "destruction", 553))])
set_args(D0, "agreed", 1566, remove=[("THEME", ("V", "threatening", 1615))])
# D8: `destruction` mode destroy (A): kept.
# D9: arguments the sentence states (B)
set_args(D0, "strikes", 784, add=[("RECIPIENT", ("M", "Ukrainian", 802))])
set_args(D0, "pause", 2133, add=[("ACTOR", ("M", "Putin", 2110))])
# D10: the requests themselves were made: REQUEST events are ASSERTED (B)
for d, trig, start in ((D0, "proposal", 2214), (D4, "proposal", 1032), (D4, "proposal", 2524), (D4, "proposals", 3055)):
    event(A[d], trig, start)["modality"] = "ASSERTED"
# D11: coordinated speakers: no single source mention, source null (A): kept.
# D12: stance and corroboration inside 000
add_relation(D0, "OPPOSES", ("M", "Moscow", 874), ("V", "ceasefire", 909))
add_relation(D0, "CORROBORATES", ("C", 927), ("C", 2254))
# D13: LEADER_OF from Trump to the administration named after him (B)
add_relation(D0, "LEADER_OF", ("M", "Trump", 1277), ("M", "Trump administration", 1277))
add_relation(D4, "LEADER_OF", ("M", "Trump", 1132), ("M", "Trump administration", 1132))
add_relation(D4, "LEADER_OF", ("M", "Trump", 1191), ("M", "Trump administration", 1191))
# D14: 004 arguments
set_args(D4, "agreed", 402, add=[("THEME", ("V", "negotiations", 513))])
set_args(D4, "war", 1950, add=[("TIME", ("M", "over three years ago", 1971))])
set_args(D4, "conflict", 2910, remove=[("RECIPIENT", ("M", "Hamas", 2927))], add=[("ACTOR", ("M", "Hamas", 2927))])
# D15: "ensure Iran is not able to destroy Israel": NEGATIVE (B)
event(A[D4], "destroy", 2857)["polarity"] = "NEGATIVE"
# D16: Putin's week without a 'yes' is not the failed agreement of the call (B)
event(A[D4], "squeeze out", 2489)["cluster"] = "putin_no_yes_week"
# D17: the readout's continuation quote is check-worthy (B)
claim(A[D4], 721)["check_worthiness"] = "CFS"
# D18: "As part of the deal" signals SUBEVENT_OF (B)
add_relation(D4, "SUBEVENT_OF", ("V", "resumed", 1667), ("V", "deal", 1652))
add_relation(D4, "SUBEVENT_OF", ("V", "sharing", 1716), ("V", "deal", 1652))
# D19: "The war ... began ... when Putin's forces invaded": the invasion is the war's first part
add_relation(D4, "SUBEVENT_OF", ("V", "invaded", 2012), ("V", "war", 1950))
# D20: cross-document links from B (A's links are all kept; see LOG.md)
corpus_relation("CORROBORATES", (D0, ("C", 599)), (D4, READOUT_004))
corpus_relation("CORROBORATES", (D0, KREMLIN), (D4, WH_004))
corpus_relation("CORROBORATES", (D0, ("C", 1046)), (D4, ("C", 1099)))
corpus_relation("CORROBORATES", (D0, FULL_SKEPTIC), (D4, ("C", 2257)))
corpus_relation("CORROBORATES", (D0, FULL_SKEPTIC), (D4, ("V", "rejected", 1006)))
corpus_relation("CORROBORATES", (D0, ("V", "Push", 48)), (D4, ("C", 3174)))
corpus_relation("CORROBORATES", (D0, ("V", "ceasefire", 1245)), (D4, READOUT_004))
corpus_relation("CORROBORATES", (D0, ("V", "improve", 1316)), (D4, ("C", 721)))



# ---------------------------------------------------------------------------------
# Review 2 (issue 12, guidelines 2.0): decisions R1-R8, numbered as in LOG.md
# ---------------------------------------------------------------------------------
def remove_claim(d, start):
    c = claim(A[d], start)
    assert not any(x["parent"] == c["id"] for x in A[d]["claims"]), ("claim has children", d, start)
    A[d]["claims"].remove(c)
    A[d]["relations"] = [r for r in A[d]["relations"] if c["id"] not in (r["head"], r["tail"])]
    A_CORPUS["relations"] = [r for r in A_CORPUS["relations"] if (d, c["id"]) not in ((r["head"]["doc"], r["head"]["id"]), (r["tail"]["doc"], r["tail"]["id"]))]


def add_mention(d, text, start, typ, level, entity):
    doc = A[d]
    assert doc["text"][start:start + len(text)] == text, (d, text, start)
    assert not any(m["start"] == start and m["text"] == text for m in doc["mentions"]), (d, text, start)
    doc["mentions"].append({"id": f"new_m{len(doc['mentions'])}", "start": start, "end": start + len(text), "text": text,
                            "type": typ, "level": level, "entity": entity})
    if not any(e["id"] == entity for e in doc["entities"]):
        known = [e for other in A.values() for e in other["entities"] if e["id"] == entity]
        doc["entities"].append(copy.deepcopy(known[0]))


def add_event(d, text, start, typ, mode, modality, cluster, arguments, polarity="POSITIVE"):
    doc = A[d]
    assert doc["text"][start:start + len(text)] == text, (d, text, start)
    doc["events"].append({"id": f"new_v{len(doc['events'])}", "type": typ, "mode": mode,
                          "trigger": {"start": start, "end": start + len(text), "text": text},
                          "polarity": polarity, "modality": modality, "cluster": cluster,
                          "arguments": [{"role": role, "ref": ref(doc, h)} for role, h in arguments]})
    return doc["events"][-1]


def make_optional(item, reason):
    item["optional"] = True
    item["optional_reason"] = reason


# R1 (class 1): quote type read off the quote marks; nested claims inside a quotation are DIRECT
for d, start in ((D0, 619), (D4, 414), (D4, 749), (D4, 2546)):
    claim(A[d], start)["quote_type"] = "DIRECT"
# R2 (class 1): a ceasefire the text says was agreed or accepted is ASSERTED (CONCEDE is the declaring act)
for d, trig, start in ((D0, "Ceasefire", 24), (D0, "ceasefire", 150), (D0, "halt", 768), (D0, "pause", 2133),
                       (D4, "cease-fire", 105), (D4, "cease-fire", 245), (D4, "ceasefire", 481), (D4, "cease-fire", 967),
                       (D4, "cease-fire", 1496), (D4, "cease-fire", 1535)):
    assert event(A[d], trig, start)["modality"] == "PROPOSED", (d, trig, start)
    event(A[d], trig, start)["modality"] = "ASSERTED"
# R3 (class 4): no THEME on an AGREE whose complement is a proposition (the AGREE is a claim cue)
set_args(D0, "agreed", 612, remove=[("THEME", ("V", "conflict", 624))])
set_args(D4, "agreed", 402, remove=[("THEME", ("V", "ceasefire", 481)), ("THEME", ("V", "negotiations", 513))])
set_args(D4, "agreed", 737, remove=[("THEME", ("V", "improved", 766))])
# R4 (class 5): one rule for claim cues: a claim needs a clause or a quotation as complement
for d, start in ((D0, 902), (D0, 927), (D0, 1046), (D0, 1576), (D4, 1099), (D4, 3174)):
    remove_claim(d, start)
make_optional(claim(A[D4], 2546), "3.1: 'saying whatever he wants, but not what the whole world wants to hear' has free relatives as complement; whether they state a proposition is debatable")
# R5 (class 7, parity): the scope of the energy ceasefire, annotated in 000, is annotated in 004 too
for start in (78, 455):
    add_mention(D4, "energy and infrastructure", start, "OBJECT", "NOM", "energy_infrastructure")
set_args(D4, "cease-fire", 105, add=[("THEME", ("M", "energy and infrastructure", 78))])
set_args(D4, "ceasefire", 481, add=[("THEME", ("M", "energy and infrastructure", 455))])
# R6 (class 7, parity): Trump's call for peace talks, annotated in 000 ("Push"), is annotated in 004 too
desire = add_event(D4, "desire", 3167, "REQUEST", "meet", "ASSERTED", "trump_push_talks",
                   [("ACTOR", ("M", "his", 3163)), ("THEME", ("V", "bargaining table", 3234))])
make_optional(desire, "2.5: whether Trump's repeated wish since the start of his term is the push of the 000 headline (one event) is debatable")


# R7 (classes 2, 3, 8): every CORROBORATES/CONTRADICTS follows the determinate rule of guidelines 4.4
# (ceasefire.annotate.lint.statements). The only judgement the rule leaves is whether two values conflict;
# CONFLICTS lists the pairs of sources whose values cannot both be true, with the detail (LOG.md R7).
def source_key(*parts):
    return tuple(parts)


AUTHOR0, AUTHOR4 = source_key("author", D0), source_key("author", D4)
CONFLICTS = {}


def write_links():
    from ceasefire.annotate.lint import statements

    for doc in A.values():
        doc["relations"] = [r for r in doc["relations"] if r["type"] not in statements.LINK_TYPES]
    A_CORPUS["relations"] = [r for r in A_CORPUS["relations"] if r["type"] not in statements.LINK_TYPES]
    unused = set(CONFLICTS)
    for pair in statements.plan(A):
        key = (pair.cluster, pair.sources)
        if key in CONFLICTS:
            unused.discard(key)
            typ, detail = "CONTRADICTS", CONFLICTS[key]
            a, b = pair.first[detail]
        else:
            typ = "CORROBORATES"
            detail, a, b = pair.corroboration()
        if a.doc == b.doc:
            A[a.doc]["relations"].append({"id": f"new_r{len(A[a.doc]['relations'])}", "type": typ, "head": a.id, "tail": b.id, "detail": detail})
        else:
            A_CORPUS["relations"].append({"id": f"new_x{len(A_CORPUS['relations'])}", "type": typ, "head": {"doc": a.doc, "id": a.id},
                                          "tail": {"doc": b.doc, "id": b.id}, "detail": detail})
    assert not unused, f"conflict decisions that match no pair of sources: {unused}"


write_links()


# R8 (optional items): a relation with an optional end depends on a debatable item, so it is optional too
def optional_ends():
    opt = {(d, x["id"]) for d, doc in A.items() for layer in ("mentions", "events", "claims") for x in doc[layer] if x.get("optional")}
    for d, doc in A.items():
        for r in doc["relations"]:
            if (d, r["head"]) in opt or (d, r["tail"]) in opt:
                make_optional(r, "an end of this relation is an optional item")
    for r in A_CORPUS["relations"]:
        if (r["head"]["doc"], r["head"]["id"]) in opt or (r["tail"]["doc"], r["tail"]["id"]) in opt:
            make_optional(r, "an end of this relation is an optional item")


optional_ends()

# ---------------------------------------------------------------------------------
# Renumber ids in text order, recompute the corpus declarations, validate, write
# ---------------------------------------------------------------------------------
def renumber_all():
    """Number mentions, events and claims in text order; canonical order for everything."""
    from ceasefire.schema import load_schema
    from ceasefire.schema.records import canonical_corpus, canonical_document

    roles = list(load_schema().roles)
    maps = {}
    for d, doc in A.items():
        mapping = {}
        doc["mentions"].sort(key=lambda m: (m["start"], -m["end"]))
        doc["events"].sort(key=lambda e: (e["trigger"]["start"], -e["trigger"]["end"]))
        doc["claims"].sort(key=lambda c: (c["content"]["start"], -c["content"]["end"]))
        for layer, prefix in (("mentions", "m"), ("events", "v"), ("claims", "c")):
            for i, x in enumerate(doc[layer], 1):
                mapping[x["id"]] = f"{prefix}{i}"
        for layer in ("mentions", "events", "claims"):
            for x in doc[layer]:
                x["id"] = mapping[x["id"]]
        for e in doc["events"]:
            for a in e["arguments"]:
                a["ref"] = mapping[a["ref"]]
        for c in doc["claims"]:
            c["source"] = mapping.get(c["source"]) if c["source"] else None
            c["parent"] = mapping.get(c["parent"]) if c["parent"] else None
        for r in doc["relations"]:
            r["head"], r["tail"] = mapping[r["head"]], mapping[r["tail"]]
        maps[d] = mapping
        A[d] = canonical_document(doc, roles)
    for r in A_CORPUS["relations"]:
        for end in ("head", "tail"):
            r[end]["id"] = maps[r[end]["doc"]][r[end]["id"]]
    return canonical_corpus(A_CORPUS, A)


A_CORPUS = renumber_all()
for key, field in (("entity_clusters", lambda doc: {m["entity"] for m in doc["mentions"]}),
                   ("event_clusters", lambda doc: {e["cluster"] for e in doc["events"]})):
    used = {}
    for d in sorted(A):
        for cid in field(A[d]):
            used.setdefault(cid, []).append(d)
    A_CORPUS[key] = [{"id": cid, "documents": ds} for cid, ds in sorted(used.items()) if len(ds) > 1]
A_CORPUS["id"] = "ceasefire-gold"

out = ROOT / "data" / "gold"
records = [A[d] for d in sorted(A)] + [A_CORPUS]
from ceasefire.schema import Loaded, Location  # noqa: E402

check = validate_records([Loaded(r, Location("gold")) for r in records])
if not check.ok:
    raise SystemExit("\n".join(p.format() for p in check.problems))
for d in sorted(A):
    atomic_write(out / f"{d}.json", dumps_pretty(A[d]))
atomic_write(out / "corpus.json", dumps_pretty(A_CORPUS))
print(f"wrote {out}: " + ", ".join(f"{d}: {len(A[d]['mentions'])} mentions, {len(A[d]['events'])} events, {len(A[d]['claims'])} claims, {len(A[d]['relations'])} relations" for d in sorted(A)) + f"; {len(A_CORPUS['relations'])} cross-document relations")
