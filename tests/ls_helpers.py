"""Building Label Studio exports for the tests."""

import contextlib
import copy
import os
import random
import signal
import subprocess
import sys
import types

from ceasefire.annotate.labelstudio.convert import tasks_for
from ceasefire.schema.corpus import load_gold
from ceasefire.schema import load_schema


def gold():
    return load_gold(None, schema=load_schema())


def export_like(documents, corpus, *, seed=0, origin=True):
    """What a full JSON export of tasks holding these records looks like after the UI touched
    them: results shuffled, `origin` added to regions."""
    rng = random.Random(seed)
    out = []
    for i, task in enumerate(tasks_for(documents, corpus)):
        result = copy.deepcopy(task["annotations"][0]["result"])
        rng.shuffle(result)
        if origin:
            for item in result:
                if item["type"] != "relation":
                    item["origin"] = rng.choice(["prediction", "manual"])
        out.append({"id": i + 1, "data": task["data"], "annotations": [{"id": 100 + i, "result": result, "was_cancelled": False,
                                                                       "created_at": "2026-11-21T06:00:00Z"}], "predictions": []})
    return out


# --- driving the Label Studio UI in Debian's Chromium (Playwright) -------------------------------

import shutil  # noqa: E402
import time  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

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


@contextlib.contextmanager
def serve_process(*args, cwd=None):
    """`ceasefire-annotate serve ARGS` as a user starts it, ready (it printed "press Ctrl-C");
    stopped with Ctrl-C (SIGINT) on leaving. Yields the process and the lines it printed."""
    proc = subprocess.Popen([sys.executable, "-m", "ceasefire.annotate.cli", "serve", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True, cwd=cwd)
    run = types.SimpleNamespace(proc=proc, lines=[])
    try:
        deadline = time.monotonic() + 400
        for line in proc.stdout:
            run.lines.append(line)
            if "press Ctrl-C" in line or time.monotonic() > deadline:
                break
        assert proc.poll() is None, "".join(run.lines)
        yield run
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                rest, _ = proc.communicate(timeout=60)
                run.lines.append(rest)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
