"""Driving Debian's Chromium through Playwright: the HTML report and the Label Studio UI."""

import os
import shutil
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def playwright():
    """Playwright's ``sync_playwright``; skips without it or Debian's chromium, and fails instead under CI."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: .ci/run installs Debian's chromium and the test extra installs playwright")
        pytest.skip("needs Debian's chromium (apt-get install chromium chromium-driver) and playwright")
    return sync_playwright


# where a string of the article is on screen: first and last character, after scrolling it into view
TEXT_RECT = """([needle, length]) => {
  const root = [...document.querySelectorAll('[class*=richtext]')].filter(e => e.textContent.includes(needle)).pop();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let full = '', nodes = [];
  while (walker.nextNode()) { nodes.push([walker.currentNode, full.length]); full += walker.currentNode.textContent; }
  const at = full.indexOf(needle);
  function point(off) { for (const [n, s] of nodes) { if (off >= s && off < s + n.textContent.length) return [n, off - s]; } }
  const [n1, o1] = point(at); const [n2, o2] = point(at + length - 1);
  n1.parentElement.scrollIntoView({block: 'center'});
  const r = document.createRange();
  r.setStart(n1, o1); r.setEnd(n1, o1 + 1); const a = r.getBoundingClientRect();
  r.setStart(n2, o2); r.setEnd(n2, o2 + 1); const b = r.getBoundingClientRect();
  return {x1: a.left + 1, x2: b.right - 1, y: a.top + a.height / 2};
}"""


def login(page, url: str, creds) -> None:
    page.goto(f"{url}/user/login")
    page.fill("input[name=email]", creds.username)
    page.fill("input[name=password]", creds.password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda u: "/user/login" not in u, timeout=60000)


def open_task(page, url: str, project: int, task: int) -> None:
    page.goto(f"{url}/projects/{project}/data?task={task}")
    page.get_by_role("button", name="Submit").or_(page.get_by_role("button", name="Update")).wait_for(timeout=120000)
    time.sleep(2)  # regions and relations are drawn after the buttons


def task_tabs(context, url: str, project: int, tasks):
    """Each task in a tab of its own, the one before closed first, as an annotator opens tasks from
    a list. Going from one task to the next inside one tab, after a Submit, crashed Chromium's
    renderer now and then (156, headless: twice in four runs of the module here, twice in CI)."""
    for task in tasks:
        tab = context.new_page()
        try:
            open_task(tab, url, project, task)
            yield tab
        finally:
            tab.close()


def select_text(page, needle: str) -> None:
    """Drag the mouse over `needle` in the article, as an annotator selects a span."""
    r = page.evaluate(TEXT_RECT, [needle, len(needle)])
    page.mouse.move(r["x1"], r["y"])
    page.mouse.down()
    page.mouse.move(r["x2"], r["y"], steps=8)
    page.mouse.up()


def click_text(page, needle: str, *, first: int | None = None) -> None:
    """Click `needle` in the article (its middle, or the middle of its `first` characters)."""
    r = page.evaluate(TEXT_RECT, [needle, first or len(needle)])
    page.mouse.click((r["x1"] + r["x2"]) / 2, r["y"])


def submit(page) -> int:
    """Click Submit (or Update on a submitted task); the status of the request it sends."""
    button = page.get_by_role("button", name="Submit").or_(page.get_by_role("button", name="Update"))
    with page.expect_response(lambda r: "/annotations" in r.url and r.request.method in ("POST", "PATCH"), timeout=120000) as info:
        button.click()
    return info.value.status
