"""Building Label Studio exports for the tests."""

import copy
import random

from ceasefire.annotate.ls_convert import tasks_for
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
