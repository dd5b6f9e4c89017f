"""The HTML report, opened in a real headless Chromium (Debian's, driven by Playwright)."""

import json

import pytest

from ceasefire.eval.api import public, score_files
from helpers.browser import CHROMIUM, FLAGS, playwright
from helpers.paths import ROOT

#: needs a browser: `pytest -m "not server and not browser"` leaves it out
pytestmark = pytest.mark.browser

BASELINE = ROOT / "leaderboard" / "baseline.jsonl"


@pytest.fixture(scope="module")
def browser():
    sync_playwright = playwright()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def baseline_report(tmp_path_factory, run_cli_module):
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = run_cli_module("ceasefire-eval", "report", BASELINE, "-o", out)
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def run_cli_module():
    import subprocess
    import sys

    def run(tool, *args):
        module = {"ceasefire-eval": "ceasefire.eval.cli"}[tool]
        return subprocess.run([sys.executable, "-m", module, *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=600)

    return run


@pytest.fixture(scope="module")
def scores():
    return public(score_files([BASELINE]))["metrics"]


def _count(page, selector):
    return page.locator(selector).count()


def test_report_counts_match_the_scorer(browser, baseline_report, scores, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    page.goto(baseline_report.as_uri())
    for layer, metric in (("mention", "mentions.strict"), ("trigger", "events.trigger.classification"), ("claim", "claims.content.overlap")):
        m = scores[metric]
        assert _count(page, f"tr.row[data-layer={layer}][data-side=gold][data-status=matched]") == m["tp"], layer
        # optional gold items (and predictions matched to them) are neither missed nor spurious
        assert _count(page, f"tr.row[data-layer={layer}][data-side=gold]:not([data-status=matched]):not([data-status=optional])") == m["fn"], layer
        assert _count(page, f"tr.row[data-layer={layer}][data-side=pred]:not([data-status=matched]):not([data-status=optional])") == m["fp"], layer
    rel = scores["relations.strict"]
    assert _count(page, "tr.row[data-layer=relation][data-side=gold][data-status=matched]") == rel["tp"]
    assert _count(page, "tr.row[data-layer=relation][data-status=missed]") == rel["fn"]
    assert _count(page, "tr.row[data-layer=relation][data-status=spurious]") == rel["fp"]
    # the score table shows the scorer's numbers
    f1 = page.locator('tr[data-metric="mentions.strict"] td').nth(3).inner_text()
    assert f1 == f"{100 * scores['mentions.strict']['f1']:.1f}"
    # every listed item is highlighted in its article
    highlighted = set(" ".join(page.eval_on_selector_all(".seg[data-items]", "els => els.map(e => e.getAttribute('data-items'))")).split())
    rows = set(page.eval_on_selector_all("table.items tr.row", "els => els.map(e => e.id)"))
    assert rows and rows <= highlighted
    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_filters_hide_what_they_should(browser, baseline_report):
    page = browser.new_page()
    page.goto(baseline_report.as_uri())
    missed = page.locator("table.items tr.row[data-status=missed]")
    matched = page.locator("table.items tr.row[data-status=matched]")
    assert missed.first.is_visible() and matched.first.is_visible()
    page.locator('input[data-filter="missed"]').uncheck()
    assert not any(missed.nth(i).is_visible() for i in range(missed.count()))
    assert matched.first.is_visible()
    page.locator('input[data-filter="missed"]').check()
    assert missed.first.is_visible()
    page.locator('input[data-filter="trigger"]').uncheck()
    triggers = page.locator("tr.row[data-layer=trigger]")
    assert triggers.count() > 0 and not any(triggers.nth(i).is_visible() for i in range(triggers.count()))
    page.locator('input[data-filter="trigger"]').check()
    page.select_option("#type-filter", "PERSON")
    visible_types = page.eval_on_selector_all("table.items tr.row", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.type)")
    assert visible_types and set(visible_types) == {"PERSON"}


def test_clicking_a_span_shows_its_cluster_and_attributes(browser, baseline_report):
    page = browser.new_page()
    page.goto(baseline_report.as_uri())
    seg = page.locator(".seg.l-mention").first
    seg.click()
    details = page.locator("#details").inner_text()
    assert "mention" in details and "entity:" in details


def test_report_is_self_contained(baseline_report):
    text = baseline_report.read_text(encoding="utf-8")
    assert "http://" not in text.replace("http://www.w3.org", "") and "https://" not in text
    assert "<link" not in text and 'src="' not in text


def test_script_in_the_data_is_not_executed(browser, tmp_path, run_cli_module):
    text = 'Putin said <script>window.__xss = 1</script> and "<img src=x onerror=window.__xss=2>" today.'
    s = text.index("<script>")
    gold = {"id": "x1", "meta": {"title": None}, "text": text,
            "mentions": [{"id": "m1", "start": 0, "end": 5, "text": "Putin", "type": "PERSON", "level": "NAM", "entity": "putin"},
                         {"id": "m2", "start": s, "end": s + 33, "text": text[s:s + 33], "type": "OBJECT", "level": "NOM", "entity": "obj"}],
            "entities": [{"id": "putin", "type": "PERSON", "name": "Putin", "qid": None}, {"id": "obj", "type": "OBJECT", "name": "x", "qid": None}],
            "events": [], "claims": [], "relations": []}
    corpus = {"record": "corpus", "id": "xss", "documents": ["x1"], "entity_clusters": [], "event_clusters": [], "relations": []}
    evil = "<img/src=x/onerror=window.__xss=3>"
    pred = {"id": "x1", "mentions": [{"id": evil, "start": s, "end": s + 33, "text": text[s:s + 33], "type": "PERSON", "entity": "<script>window.__xss=4</script>"}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n" + json.dumps(corpus) + "\n")
    (tmp_path / "pred.jsonl").write_text(json.dumps(pred) + "\n")
    out = tmp_path / "xss.html"
    r = run_cli_module("ceasefire-eval", "report", tmp_path / "pred.jsonl", "--gold", tmp_path / "gold.jsonl", "-o", out)
    assert r.returncode == 0, r.stderr
    page = browser.new_page()
    page.goto(out.as_uri())
    page.locator(".seg").first.click()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert "<script>window.__xss = 1</script>" in page.locator(".doc").inner_text()
    assert page.locator("img").count() == 0
    page.screenshot(path=str(tmp_path / "xss.png"))
