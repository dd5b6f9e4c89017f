"""Work done in the Label Studio UI survives a restart of `serve` (issue 21, item 4, as a person does it).

An annotator logs in, edits one task and presses Submit, edits the other without submitting
(Label Studio autosaves the edit as a draft), and the server is stopped with SIGTERM (what `kill` and
a shutting-down machine send). A new `serve` on the same folder comes back with both: `pull`
gives the submitted annotation, and `pull --drafts` the draft.
"""

import copy
import json
import os
import signal
import subprocess
import sys

import pytest

from ceasefire.annotate.labelstudio.server import Credentials, client, find_project, free_port

from helpers.browser import CHROMIUM, FLAGS, click_text, login, playwright, submit, task_tabs
from helpers.ls_helpers import gold, serve_process
from helpers.paths import ROOT

#: needs a Label Studio server and a browser: `pytest -m "not server and not browser"` leaves it out
pytestmark = [pytest.mark.server, pytest.mark.browser]

DOC0, DOC4 = "000_8ce9f93fccec955a", "004_2b10ae636b3461d6"


def _pull(folder, out, *extra) -> tuple[dict, str]:
    r = subprocess.run([sys.executable, "-m", "ceasefire.annotate.cli", "pull", "--dir", str(folder), "-o", str(out), *extra],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {d["id"]: d for d in records if d.get("record") != "corpus"}, r.stderr


def _turn_negative(page, trigger: str) -> None:
    """Select the event whose trigger is ``trigger`` and click NEGATIVE under its Polarity."""
    click_text(page, trigger)
    page.locator("h4:text-is('Polarity'):visible").wait_for(timeout=10000)
    page.locator("label:visible", has_text="NEGATIVE").first.click()


def test_a_submitted_task_and_an_autosaved_draft_survive_sigterm_and_a_new_serve(tmp_path):
    sync_playwright = playwright()  # skips, or fails under CI, without playwright or Debian's chromium
    g = gold()
    # the edits: the first event of each article (v1, AGREE) turned NEGATIVE; the gold says POSITIVE,
    # so what comes back after the restart cannot be the pre-annotation
    triggers = {DOC0: "Agrees", DOC4: "negotiated"}
    for doc, trigger in triggers.items():
        event = g.documents[doc]["events"][0]
        assert event["polarity"] == "POSITIVE" and event["trigger"]["text"] == trigger
        assert g.documents[doc]["text"].count(trigger) == 1
    edited = copy.deepcopy(g.documents)
    for doc in triggers:
        edited[doc]["events"][0]["polarity"] = "NEGATIVE"
    folder = tmp_path / "labelstudio"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with serve_process("--dir", folder, "--port", port, cwd=ROOT) as run:
        creds = Credentials.load_or_create(folder)
        project = find_project(client(url, creds.token), "Ceasefire")
        ids = {t.data["doc_id"]: t.id for t in client(url, creds.token).tasks.list(project=project)}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            context = browser.new_context(viewport={"width": 1500, "height": 1000})
            first = context.new_page()
            login(first, url, creds)  # the session cookie lives in the context
            first.close()
            tabs = task_tabs(context, url, project, [ids[DOC0], ids[DOC4]])
            page = next(tabs)
            _turn_negative(page, triggers[DOC0])
            assert submit(page) == 201
            page = next(tabs)
            # the edit is autosaved as a draft a few seconds after it is made: wait for that request
            with page.expect_response(lambda r: "/drafts" in r.url and r.request.method in ("POST", "PATCH", "PUT"), timeout=90000) as saved:
                _turn_negative(page, triggers[DOC4])
            assert saved.value.status in (200, 201), saved.value.status
            tabs.close()  # closes the last tab
            browser.close()
        os.kill(run.proc.pid, signal.SIGTERM)
        assert run.proc.wait(timeout=60) == 0
    with serve_process("--dir", folder, "--port", free_port(), cwd=ROOT) as again:
        assert any("0 task(s) imported, 2 already there" in line for line in again.lines), "".join(again.lines)
        plain, plain_notes = _pull(folder, tmp_path / "plain.jsonl")
        drafts, draft_notes = _pull(folder, tmp_path / "drafts.jsonl", "--drafts")
    assert plain[DOC0] == edited[DOC0], "the submitted annotation did not come back"
    assert plain[DOC4] == g.documents[DOC4] and "unsubmitted draft" in plain_notes and DOC4 in plain_notes
    assert "took the unsubmitted draft" in draft_notes
    assert drafts == edited, "the draft did not come back"
