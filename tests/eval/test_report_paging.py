"""Above PAGE_ITEMS highlighted items the HTML report splits its articles and lists into pages."""

import re
from pathlib import Path

from ceasefire.eval.api import score_files
from ceasefire.eval.report import PAGE_ITEMS, Report
from helpers.paths import ROOT

BASELINE = ROOT / "leaderboard" / "baseline.jsonl"


def _report(out, page_items):
    out.parent.mkdir(exist_ok=True)  # a report is written into an existing folder, as `report -o` requires
    with Report(out, page_items=page_items) as report:
        scored = score_files([BASELINE], on_document=report.add)
        return report.write(scored.output, scored.cross_relations, scored.gold_corpus, scored.pred_corpus), scored


def _rows(html):
    return len(re.findall(r'<tr class="row s-\w+ l-(?:mention|trigger|claim)"', html))


def test_small_reports_are_one_file(tmp_path):
    paths, _ = _report(tmp_path / "report.html", PAGE_ITEMS)
    assert paths == [tmp_path / "report.html"]
    assert 'id="paging"' not in paths[0].read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary file left


def test_large_reports_are_paged_and_say_so(tmp_path):
    one, _ = _report(tmp_path / "one" / "report.html", PAGE_ITEMS)
    paths, scored = _report(tmp_path / "paged" / "report.html", 10)  # one document per page
    assert [p.name for p in paths] == ["report.html", "report.page-2.html"]
    first, second = (p.read_text(encoding="utf-8") for p in paths)
    assert 'id="paging"' in first and "split into 2 pages" in first and 'href="report.page-2.html"' in first
    assert 'id="scores"' in first and 'id="scores"' not in second
    # every item is listed once, on one page or the other
    assert _rows(first) + _rows(second) == _rows(one[0].read_text(encoding="utf-8")) > 0
    assert sorted(p.name for p in (tmp_path / "paged").iterdir()) == ["report.html", "report.page-2.html"]


def test_cross_document_links_show_their_detail(tmp_path):
    """Each CORROBORATES/CONTRADICTS row of the report names the detail it links (issue 12),
    gold rows in the corpus record's order, and the optional gold link is shown as optional."""
    import json

    from ceasefire.data import gold_dir

    gold = json.loads((gold_dir() / "corpus.json").read_text(encoding="utf-8"))["relations"]
    with Report(tmp_path / "r.html") as report:
        scored = score_files([gold_dir()], on_document=report.add)
        (path,) = report.write(scored.output, scored.cross_relations, scored.gold_corpus, scored.pred_corpus)
    html = path.read_text(encoding="utf-8")
    rows = re.findall(r'<td>cross-document</td><td>gold</td><td>(\w+)</td><td>(\w*)</td><td>.*?</td><td>(\w+)</td>', html)
    assert [(t, d) for t, d, _ in rows] == [(r["type"], r["detail"]) for r in gold]
    assert [st for *_, st in rows] == ["optional" if r.get("optional") else "matched" for r in gold]
