"""Building Label Studio exports for the tests."""

import contextlib
import copy
import os
import random
import signal
import subprocess
import sys
import time
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
