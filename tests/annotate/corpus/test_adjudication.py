"""One adjudication path: data/gold is what `ceasefire-annotate adjudicate` makes from annotations
A and B and data/adjudication/decisions.yaml, byte for byte, and every decision says why."""

import json
import re
import shutil

import pytest
import yaml

from helpers.paths import ROOT

ADJ = ROOT / "data" / "adjudication"
DECISIONS = ADJ / "decisions.yaml"
A, B, GOLD = (ROOT / "data" / "annotations" / "A"), (ROOT / "data" / "annotations" / "B"), ROOT / "data" / "gold"
ARGS = (A, B, "--decisions", DECISIONS, "--corpus-id", "ceasefire-gold")
#: what a decision without an entry in LOG.md says instead of an id
NO_REASON = "no recorded reason"


def _log_ids() -> set[str]:
    """The ids of LOG.md's decision tables (D1-D27, R1-R8): the first cell of a table row."""
    text = (ADJ / "LOG.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| ([DR]\d+) \|", text, flags=re.M))


def test_the_gold_is_rebuilt_byte_for_byte(run_cli, tmp_path):
    out = tmp_path / "gold"
    r = run_cli("ceasefire-annotate", "adjudicate", *ARGS, "-o", out)
    assert r.returncode == 0, r.stderr
    assert {p.name: p.read_bytes() for p in GOLD.glob("*.json")} == {p.name: p.read_bytes() for p in out.glob("*.json")}
    assert sorted(p.name for p in GOLD.iterdir()) == sorted(p.name for p in out.glob("*.json"))


def test_check_says_the_shipped_gold_is_current_and_a_changed_one_is_not(run_cli, tmp_path):
    r = run_cli("ceasefire-annotate", "adjudicate", *ARGS, "-o", GOLD, "--check")
    assert r.returncode == 0 and "is current" in r.stdout, r.stderr
    changed = tmp_path / "gold"
    shutil.copytree(GOLD, changed)
    doc = changed / "000_8ce9f93fccec955a.json"
    doc.write_text(doc.read_text(encoding="utf-8").replace('"ASSERTED"', '"PROPOSED"', 1), encoding="utf-8")
    r = run_cli("ceasefire-annotate", "adjudicate", *ARGS, "-o", changed, "--check")
    assert r.returncode == 2 and f"{doc}: differs" in r.stderr and "Traceback" not in r.stderr
    assert doc.read_text(encoding="utf-8").count('"PROPOSED"') > 0  # --check wrote nothing


def test_check_reads_a_jsonl_gold_too(run_cli, tmp_path):
    out = tmp_path / "gold.jsonl"
    assert run_cli("ceasefire-annotate", "adjudicate", *ARGS, "-o", out).returncode == 0
    assert run_cli("ceasefire-annotate", "adjudicate", *ARGS, "-o", out, "--check").returncode == 0
    out.write_text(out.read_text(encoding="utf-8").replace('"ASSERTED"', '"PROPOSED"', 1), encoding="utf-8")
    r = run_cli("ceasefire-annotate", "adjudicate", *ARGS, "-o", out, "--check")
    assert r.returncode == 2 and f"{out}: differs" in r.stderr
    r = run_cli("ceasefire-annotate", "adjudicate", *ARGS, "-o", tmp_path / "none.jsonl", "--check")
    assert r.returncode == 2 and "none.jsonl: missing" in r.stderr and not (tmp_path / "none.jsonl").exists()


def test_every_decision_and_edit_gives_its_reason():
    data = yaml.safe_load(DECISIONS.read_text(encoding="utf-8"))
    known = _log_ids()
    assert {f"D{i}" for i in range(1, 28)} | {f"R{i}" for i in range(1, 9)} <= known
    entries = [("decision", d.get("difference"), d.get("why")) for d in data["decisions"]]
    entries += [("edit", e.get("unit"), e.get("why")) for e in data["edits"]]
    bad = []
    for what, name, why in entries:
        cited = re.findall(r"\b([DR]\d+):", why or "")
        if not why or (not cited and not why.startswith(NO_REASON)) or set(cited) - known:
            bad.append(f"{what} {name!r}: why {why!r}")
    assert not bad, bad


def test_the_reasons_are_the_ones_the_log_gives():
    """A few decisions checked against LOG.md by hand (the rest follow the same entries)."""
    data = yaml.safe_load(DECISIONS.read_text(encoding="utf-8"))
    why = {d["difference"]: d["why"] for d in data["decisions"]} | {e["unit"]: e["why"] for e in data["edits"]}
    assert why["000_8ce9f93fccec955a event 'effort'@1752"].startswith("D5:")
    assert why["004_2b10ae636b3461d6 event 'destroy'@2857"].startswith("D15:")
    assert why["004_2b10ae636b3461d6 mention 'energy and infrastructure'@78"].startswith("R5:")
    assert why["000_8ce9f93fccec955a entity tuesday_0318"].startswith(NO_REASON)


def test_the_decisions_are_the_ones_the_gold_asks_for(run_cli, tmp_path):
    """`--template --from-gold` derives from A, B and the gold the same takes, sets and edits as the shipped file."""
    derived = tmp_path / "derived.yaml"
    r = run_cli("ceasefire-annotate", "adjudicate", A, B, "--template", derived, "--from-gold", GOLD)
    assert r.returncode == 0, r.stderr

    def without_why(path):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return {part: [{k: v for k, v in x.items() if k != "why"} for x in data[part]] for part in ("decisions", "edits")}

    assert without_why(derived) == without_why(DECISIONS)


def test_the_file_decides_d7_turned_the_other_way(run_cli, tmp_path):
    """D7 taken from A (THEME `threatening` on "agreed"@1566) gives that gold: the file decides."""
    text = DECISIONS.read_text(encoding="utf-8")
    key = "difference: \"000_8ce9f93fccec955a event 'agreed'@1566\""
    i = text.index(key)
    j = text.index("take: B", i)
    flipped = tmp_path / "decisions.yaml"
    flipped.write_text(text[:j] + "take: A" + text[j + len("take: B"):], encoding="utf-8")
    r = run_cli("ceasefire-annotate", "adjudicate", A, B, "--decisions", flipped, "--corpus-id", "ceasefire-gold", "-o", tmp_path / "other")
    assert r.returncode == 0, r.stderr
    doc = json.loads((tmp_path / "other" / "000_8ce9f93fccec955a.json").read_text(encoding="utf-8"))
    (agreed,) = [e for e in doc["events"] if e["trigger"]["start"] == 1566]
    threatening = next(e["id"] for e in doc["events"] if e["trigger"]["text"] == "threatening")
    assert {"role": "THEME", "ref": threatening} in agreed["arguments"]


def test_no_second_path_makes_the_gold():
    assert not (ADJ / "adjudicate.py").exists()
    assert sorted(p.name for p in ADJ.iterdir()) == ["DECISIONS.md", "LOG.md", "decisions.yaml"]
