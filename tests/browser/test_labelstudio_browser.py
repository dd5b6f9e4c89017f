"""Annotating in the real Label Studio UI: `serve`, log in, click, Submit, `pull`.

One `ceasefire-annotate serve` (label-studio 1.23.2 on 127.0.0.1, a fresh data folder) for the
module; Debian's Chromium driven by Playwright does what an annotator does. The tests run in
file order: the gold is submitted unchanged first, then edited.
"""

import copy
import json
import stat
import subprocess
import sys
import time
import urllib.request

import pytest

from ceasefire.annotate.labelstudio.convert import link_targets, tasks_for
from ceasefire.annotate.labelstudio.importer import import_tasks
from ceasefire.annotate.labelstudio.config import PASSES, build_config
from ceasefire.annotate.labelstudio.server import Credentials, client, ensure_project, export_full_json, find_project, free_port, project_title
from ceasefire.schema.corpus import load_gold, load_predictions
from ceasefire.schema import load_schema
from ceasefire.schema.records import canonical_corpus, canonical_document
from ceasefire.schema.validate import PREDICTION

from helpers.browser import CHROMIUM, FLAGS, click_text, login, open_task, playwright, select_text, submit, task_tabs
from helpers.ls_helpers import gold, serve_process
from helpers.paths import ROOT

#: needs a Label Studio server and a browser: `pytest -m "not server and not browser"` leaves it out
pytestmark = [pytest.mark.server, pytest.mark.browser]

SCHEMA = load_schema()
DOC0, DOC4 = "000_8ce9f93fccec955a", "004_2b10ae636b3461d6"
SAME_PAIR = {DOC0: [("v44", "v46")], DOC4: [("v22", "v23"), ("v50", "v52"), ("v62", "v63")]}
TIMES = {}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ls") / "labelstudio"
    port = free_port()
    t0 = time.monotonic()
    try:
        with serve_process("--dir", folder, "--port", port, cwd=ROOT):
            TIMES["serve_ready_s"] = time.monotonic() - t0
            creds = Credentials.load_or_create(folder)
            ls = client(f"http://127.0.0.1:{port}", creds.token)
            yield {"folder": folder, "port": port, "url": f"http://127.0.0.1:{port}", "creds": creds, "ls": ls,
                   "project": find_project(ls, "Ceasefire")}
    finally:
        print("timings:", TIMES)


@pytest.fixture(scope="module")
def logged_in(served):
    """One browser for the module, logged in once (the session cookie lives in its context)."""
    sync_playwright = playwright()  # skips, or fails under CI, without playwright or Debian's chromium
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1000})
        first = context.new_page()
        login(first, served["url"], served["creds"])
        first.close()
        yield context
        browser.close()


@pytest.fixture
def page(logged_in):
    """A new tab for each test, as an annotator opens one: a tab whose renderer crashed takes no
    later test with it. Tests that go through several tasks open each in a tab of its own
    (helpers.browser.task_tabs)."""
    pg = logged_in.new_page()
    yield pg
    pg.close()


def _task_ids(served) -> dict[str, int]:
    return {t.data["doc_id"]: t.id for t in served["ls"].tasks.list(project=served["project"])}


def _pull(served, tmp_path, *extra):
    out = tmp_path / "pulled.jsonl"
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "ceasefire.annotate.cli", "pull", "--dir", str(served["folder"]), "-o", str(out), *extra],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    TIMES.setdefault("pull_s", []).append(round(time.monotonic() - t0, 1))
    assert r.returncode == 0, r.stdout + r.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {d["id"]: d for d in records if d.get("record") != "corpus"}, next(d for d in records if d.get("record") == "corpus"), r.stderr


def test_server_files_are_private(served):
    folder = served["folder"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("credentials.json", "label_studio.sqlite3", "serve.json"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name


def test_pull_names_unsubmitted_tasks(served, tmp_path):
    """Before anyone submits, `pull` (with no --port: it reads serve's) says it took the pre-annotations."""
    docs, _, notes = _pull(served, tmp_path)
    assert set(docs) == {DOC0, DOC4}
    assert notes.count("not submitted: took its pre-annotation") == 2


def test_gold_submitted_unchanged_in_the_ui_pulls_back_the_gold(served, logged_in, tmp_path):
    ids = _task_ids(served)
    for tab in task_tabs(logged_in, served["url"], served["project"], [ids[DOC0], ids[DOC4]]):
        assert submit(tab) == 201
    g = gold()
    docs, corpus, notes = _pull(served, tmp_path)
    assert "not submitted" not in notes
    assert docs == g.documents and corpus == g.corpus
    for doc_id, pairs in SAME_PAIR.items():
        for head, tail in pairs:
            kinds = [("relation", r["type"]) for r in docs[doc_id]["relations"] if (r["head"], r["tail"]) == (head, tail)]
            kinds += [("role", a["role"]) for e in docs[doc_id]["events"] if e["id"] == head for a in e["arguments"] if a["ref"] == tail]
            assert len(kinds) == 2, (doc_id, head, tail, kinds)


def test_drafts_are_named_and_taken_only_when_asked(served, tmp_path):
    g = gold()
    task_id = _task_ids(served)[DOC0]
    task = served["ls"].tasks.get(id=task_id)
    result = copy.deepcopy(task.annotations[0]["result"])
    first_event = g.documents[DOC0]["events"][0]["id"]
    for item in result:
        if item.get("id") == first_event and item.get("from_name") == "polarity":
            item["value"]["choices"] = ["NEGATIVE"]
    req = urllib.request.Request(f"{served['url']}/api/tasks/{task_id}/drafts", method="POST",
                                 data=json.dumps({"result": result, "lead_time": 1}).encode(),
                                 headers={"Authorization": f"Token {served['creds'].token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.status == 201
    docs, _, notes = _pull(served, tmp_path)
    assert "unsubmitted draft" in notes and "NOT included" in notes
    assert docs == g.documents
    docs, _, notes = _pull(served, tmp_path, "--drafts")
    assert "took the unsubmitted draft" in notes
    expected = copy.deepcopy(g.documents[DOC0])
    expected["events"][0]["polarity"] = "NEGATIVE"
    assert docs[DOC0] == expected and docs[DOC4] == g.documents[DOC4]
    with urllib.request.urlopen(urllib.request.Request(f"{served['url']}/api/drafts/{_draft_id(served, task_id)}", method="DELETE",
                                                       headers={"Authorization": f"Token {served['creds'].token}"}), timeout=30):
        pass


def _draft_id(served, task_id):
    req = urllib.request.Request(f"{served['url']}/api/tasks/{task_id}?fields=all", headers={"Authorization": f"Token {served['creds'].token}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())["drafts"][0]["id"]


def test_annotator_labels_a_span_picks_its_entity_and_draws_relations(served, page, tmp_path):
    """A new LOCATION span selected with the mouse, its level clicked, its entity picked from the list,
    a relation drawn to it from an event and labelled, a second label put on an existing relation;
    Update (the task was submitted before); `pull` gives exactly the gold plus these edits."""
    g = gold()
    t0 = time.monotonic()
    open_task(page, served["url"], served["project"], _task_ids(served)[DOC0])
    page.locator(".lsf-label", has_text="LOCATION").first.click()
    select_text(page, "Middle Eastern")
    TIMES["open_task_and_label_span_s"] = round(time.monotonic() - t0, 1)
    click_text(page, "Middle Eastern")
    page.locator("label.lsf-choice__checkbox", has_text="NAM").first.click()
    page.locator("div:has(> h4:text-is('Entity (pick one of the corpus)')) [data-testid=select-trigger]").click()
    page.get_by_text("Middle East (middle_east)", exact=True).click()
    click_text(page, "call also", first=4)  # the CONSULT trigger "call"
    page.get_by_role("button", name="Create Relation").click()
    click_text(page, "Middle Eastern")
    _add_relation_label(page, -1, "LOCATION", was="")
    gold_relations = [x for x in tasks_for(g.documents, g.corpus)[0]["annotations"][0]["result"] if x["type"] == "relation"]
    leader_of = next(i for i, x in enumerate(gold_relations) if x["labels"] == ["LEADER_OF"])
    _add_relation_label(page, leader_of, "MEMBER_OF", was="LEADER_OF")
    assert submit(page) == 200
    docs, corpus, _ = _pull(served, tmp_path)
    text = g.documents[DOC0]["text"]
    start = text.index("Middle Eastern")
    new = [m for m in docs[DOC0]["mentions"] if m["start"] == start]
    assert len(new) == 1
    new_id = new[0]["id"]
    expected = copy.deepcopy(g.documents[DOC0])
    expected["mentions"].append({"id": new_id, "start": start, "end": start + len("Middle Eastern"), "text": "Middle Eastern",
                                 "type": "LOCATION", "level": "NAM", "entity": "middle_east"})
    next(e for e in expected["events"] if e["id"] == "v31")["arguments"].append({"role": "LOCATION", "ref": new_id})
    head, tail = gold_relations[leader_of]["from_id"], gold_relations[leader_of]["to_id"]
    expected["relations"].append({"id": "", "type": "MEMBER_OF", "head": head, "tail": tail})
    assert docs[DOC0] == canonical_document(expected, list(SCHEMA.roles))
    assert docs[DOC4] == g.documents[DOC4] and corpus == g.corpus


def test_adjudicator_marks_optional_items_and_details_in_the_ui(served, page, tmp_path):
    """On an event: tick `optional` and type its reason; pick a cross-document link from the
    CORROBORATES/TIME list; change the detail of its CORROBORATES relation to TIME (relation label
    ``CORROBORATES/TIME``); mark that relation and the link optional with one entry each.
    `pull` gives exactly the gold with these changes."""
    g = gold()
    doc = g.documents[DOC4]
    open_task(page, served["url"], served["project"], _task_ids(served)[DOC4])

    def selected():  # event v1 (AGREE) "negotiated", the head of r2 (CORROBORATES/PARTICIPANTS -> v7) and of link x19
        if not page.locator("h4:text-is('Polarity'):visible").count():
            click_text(page, "negotiated")
        page.locator("h4:text-is('Polarity'):visible").wait_for(timeout=10000)

    selected()
    # a multiple choice's select button is "select-trigger-<chosen values>"
    page.locator("div:has(> h4:text-is('CORROBORATES/TIME (links to the other articles)')) [data-testid^=select-trigger]:visible").first.click()
    target = next(o["value"] for o in link_targets(g.documents, DOC4) if o["alias"] == f"{DOC0} v1")
    page.locator("[data-radix-popper-content-wrapper]").get_by_text(target, exact=True).click()
    page.keyboard.press("Escape")
    selected()
    # each kind of region has its own controls under the same header: only the selected kind's are visible
    page.locator("div:has(> h4:text-is('Optional (adjudication only: genuinely debatable)')) label.lsf-choice__checkbox:visible").first.click()
    selected()
    _type_in_field(page, "Why it is optional", "debatable: tested in the UI")
    selected()
    _type_in_field(page, "Optional relations and links from this region", "CORROBORATES/TIME v7: a tested reason")
    _type_in_field(page, "Optional relations and links from this region", f"CORROBORATES/TIME {DOC0} v1: a linked reason")
    gold_relations = [x for x in tasks_for(g.documents, g.corpus)[1]["annotations"][0]["result"] if x["type"] == "relation"]
    r2 = next(i for i, x in enumerate(gold_relations) if (x["from_id"], x["to_id"]) == ("v1", "v7"))
    # one detail per relation (the record holds one relation of a type per pair): TIME replaces PARTICIPANTS
    _add_relation_label(page, r2, "CORROBORATES/TIME", was="CORROBORATES/PARTICIPANTS")
    _add_relation_label(page, r2, "CORROBORATES/PARTICIPANTS", was="CORROBORATES/PARTICIPANTS,CORROBORATES/TIME", becomes="CORROBORATES/TIME")
    assert submit(page) == 200
    docs, corpus, _ = _pull(served, tmp_path)
    expected = copy.deepcopy(doc)
    next(e for e in expected["events"] if e["id"] == "v1").update(optional=True, optional_reason="debatable: tested in the UI")
    next(r for r in expected["relations"] if (r["head"], r["tail"]) == ("v1", "v7")).update(
        detail="TIME", optional=True, optional_reason="a tested reason")
    assert docs[DOC4] == canonical_document(expected, list(SCHEMA.roles))
    links = copy.deepcopy(g.corpus)
    links["relations"].append({"id": "", "type": "CORROBORATES", "head": {"doc": DOC4, "id": "v1"}, "tail": {"doc": DOC0, "id": "v1"},
                               "detail": "TIME", "optional": True, "optional_reason": "a linked reason"})
    assert corpus == canonical_corpus(links, docs)


def _type_in_field(page, header: str, text: str) -> None:
    """Type into the per-region text field under `header` and press Enter (which stores it)."""
    box = page.locator(f"div:has(> h4:text-is('{header}'))").locator("textarea:visible, input[type=text]:visible").first
    box.click()
    box.fill(text)
    box.press("Enter")


def _add_relation_label(page, index: int, label: str, *, was: str, becomes: str | None = None):
    """In the Relations panel, open relation number `index` (-1: the last) and click `label` in its
    label list (which adds it, or removes it if it is there: then say what it `becomes`)."""
    page.locator(".lsf-relations__section-tab, [class*=tabs]").get_by_text("Relations").first.click()
    rows = page.locator(".lsf-relations__item")
    row = rows.last if index == -1 else rows.nth(index)
    row.scroll_into_view_if_needed()
    row.hover()
    trigger = row.locator(".lsf-relation-meta [data-testid^=select-trigger]")
    if not trigger.is_visible():  # the button toggles: the list may be open from an earlier click
        row.get_by_role("button", name="Show Relation Labels").click()
    assert (trigger.get_attribute("data-value") or "") == was
    trigger.click()
    page.locator("[data-radix-popper-content-wrapper]").get_by_text(label, exact=True).click()
    page.keyboard.press("Escape")
    assert trigger.get_attribute("data-value") == (becomes if becomes is not None else ",".join(x for x in (was, label) if x))


def test_reviewing_a_systems_output_gives_back_exactly_that_output(served, logged_in):
    """`tasks PRED --as-predictions` -> Submit in the UI -> the records are PRED (entity names optional)."""
    g = load_gold(None, schema=SCHEMA)
    pred, _ = load_predictions([ROOT / "leaderboard" / "baseline.jsonl"], g, schema=SCHEMA, allow_missing=True)
    ls = served["ls"]
    pid = ensure_project(ls, build_config(SCHEMA), title="Ceasefire review")
    tasks = tasks_for(pred.documents, pred.corpus, as_="predictions", model_version="baseline")
    ls.projects.import_tasks(id=pid, request=tasks, return_task_ids=True)
    for tab in task_tabs(logged_in, served["url"], pid, [t.id for t in ls.tasks.list(project=pid)]):
        assert submit(tab) == 201
    docs, corpus, problems = import_tasks(export_full_json(ls, pid), "review", SCHEMA, mode=PREDICTION)
    assert problems == []
    assert {d: canonical_document(doc, list(SCHEMA.roles)) for d, doc in pred.documents.items()} == docs
    assert corpus == pred.corpus


@pytest.mark.parametrize("pass_", PASSES)
def test_each_pass_view_submits_and_pull_merges_it(served, logged_in, tmp_path, pass_):
    """The gold pre-annotated in a pass's view, submitted in the UI, comes back as the gold from
    `pull --pass`: the pass's layers from the submission, the others from the task's base."""
    g = gold()
    ls = served["ls"]
    pid = ensure_project(ls, build_config(SCHEMA, pass_), title=project_title(pass_))
    ls.projects.import_tasks(id=pid, request=tasks_for(g.documents, g.corpus, as_="predictions", pass_=pass_), return_task_ids=True)
    for tab in task_tabs(logged_in, served["url"], pid, [t.id for t in ls.tasks.list(project=pid)]):
        assert submit(tab) == 201
    docs, corpus, notes = _pull(served, tmp_path, "--pass", pass_)
    assert "not submitted" not in notes
    assert docs == g.documents and corpus == g.corpus


def test_a_fresh_task_asks_for_required_fields_then_submits(served, page):
    """A task without pre-annotations in the actors view: Submit is refused while the new mention
    has no level, and accepted once it has one; the record holds that mention and its entity."""
    g = gold()
    ls = served["ls"]
    pid = ensure_project(ls, build_config(SCHEMA, "actors"), title="fresh actors")
    fresh = tasks_for(g.documents, g.corpus, as_="none", pass_="actors")
    ls.projects.import_tasks(id=pid, request=[t for t in fresh if t["data"]["doc_id"] == DOC0], return_task_ids=True)
    task = next(iter(ls.tasks.list(project=pid)))
    open_task(page, served["url"], pid, task.id)
    page.locator(".lsf-label", has_text="LOCATION").first.click()
    select_text(page, "Middle Eastern")
    page.get_by_role("button", name="Submit").click()
    page.get_by_text('"level" is required').first.wait_for(timeout=10000)
    page.keyboard.press("Escape")  # closes the message
    click_text(page, "Middle Eastern")
    page.locator("label.lsf-choice__checkbox", has_text="NAM").first.click()
    page.locator("div:has(> h4:text-is('Entity (pick one of the corpus)')) [data-testid=select-trigger]").click()
    page.get_by_text("Middle East (middle_east)", exact=True).click()
    assert submit(page) == 201
    docs, _, problems = import_tasks(export_full_json(ls, pid), "fresh", SCHEMA)
    start = g.documents[DOC0]["text"].index("Middle Eastern")
    (mention,) = docs[DOC0]["mentions"]
    assert {k: v for k, v in mention.items() if k != "id"} == {"start": start, "end": start + 14, "text": "Middle Eastern", "type": "LOCATION",
                                                                "level": "NAM", "entity": "middle_east"}
    assert docs[DOC0]["entities"] == [e for e in g.documents[DOC0]["entities"] if e["id"] == "middle_east"]
    assert docs[DOC0]["events"] == [] and docs[DOC0]["claims"] == [] and docs[DOC0]["relations"] == []
    # the record is complete for this pass only: the validator reports the layers still to do, nothing else
    assert all("mentions" not in p.field for p in problems)
