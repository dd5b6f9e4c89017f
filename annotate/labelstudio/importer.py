"""Reading a Label Studio full JSON export (plain or snapshot) back into records."""

from __future__ import annotations

import re
from pathlib import Path

from ceasefire.data import load_articles
from ceasefire.schema import Loaded, Location, Problem, Schema
from ceasefire.schema.json_schema import DOC_ID_PATTERN
from ceasefire.schema.records import canonical_corpus
from ceasefire.schema.validate import GOLD, PREDICTION, validate_records

from .convert import from_results


def _as_list(value) -> list:
    return value if isinstance(value, list) else []


def _who(item: dict) -> str:
    user = item.get("completed_by") or item.get("user")
    if isinstance(user, dict):
        user = user.get("email") or user.get("username") or user.get("id")
    return f"user {user}" if user is not None else "an unknown user"


def _stamp(item: dict) -> tuple:
    """Newest first by time, then by id; ids of any JSON type compare (numbers before strings)."""
    iid = item.get("id")
    key = (0, iid, "") if isinstance(iid, (int, float)) and not isinstance(iid, bool) else (1, 0, str(iid))
    return (str(item.get("updated_at") or item.get("created_at") or ""), *key)


def _pick(task: dict, *, drafts: bool = False) -> tuple[list | None, str, list[str]]:
    """The result list to import and notes on what was taken.

    The newest annotation that is not cancelled; with ``drafts`` a newer draft wins;
    with no annotation (and no draft taken) the newest prediction. Drafts that are not
    taken are named in the notes, so that nobody believes they were pulled.
    """
    notes = []
    anns = [a for a in _as_list(task.get("annotations")) if isinstance(a, dict) and not a.get("was_cancelled")]
    newest = max(anns, key=_stamp) if anns else None
    if len(anns) > 1:
        listed = ", ".join(f"#{a.get('id', '?')} by {_who(a)}" for a in anns)
        notes.append(f"{len(anns)} annotations ({listed}): took the newest, #{newest.get('id', '?')} by {_who(newest)}")
    task_drafts = [d for d in _as_list(task.get("drafts")) if isinstance(d, dict) and isinstance(d.get("result"), list)]
    draft = max(task_drafts, key=_stamp) if task_drafts else None
    if draft is not None and (newest is None or _stamp(draft) > _stamp(newest)):
        if drafts:
            notes.append(f"took the unsubmitted draft #{draft.get('id', '?')} by {_who(draft)} (--drafts)")
            return draft["result"], f"draft {draft.get('id', '?')}", notes
        notes.append(f"has an unsubmitted draft #{draft.get('id', '?')} by {_who(draft)}, NOT included (submit it, or pull --drafts)")
    elif draft is None and _as_list(task.get("drafts")) and not drafts:
        notes.append(f"has {len(task['drafts'])} unsubmitted draft(s), NOT included (submit them, or pull --drafts)")
    if newest is not None:
        return newest.get("result"), f"annotation {newest.get('id', '?')} by {_who(newest)}", notes
    preds = [p for p in _as_list(task.get("predictions")) if isinstance(p, dict) and isinstance(p.get("result"), list)]
    if preds:
        p = preds[-1]
        notes.append(f"not submitted: took its pre-annotation (prediction #{p.get('id', '?')}, model_version {p.get('model_version')!r})")
        return p["result"], f"prediction {p.get('id', '?')}", notes
    return None, "", notes


def import_tasks(tasks, source: str, schema: Schema, *, mode: str = GOLD, drafts: bool = False,
                 notes: list[str] | None = None) -> tuple[dict[str, dict], dict | None, list[Problem]]:
    """Records from a full JSON export; ``notes`` collects, per task, what was taken (and what was not)."""
    problems: list[Problem] = []
    notes = notes if notes is not None else []
    where = Location(source)
    if not isinstance(tasks, list):
        return {}, None, [Problem(where, None, "", "is not a Label Studio JSON export (a list of tasks)", type(tasks).__name__)]
    if not tasks:
        return {}, None, [Problem(where, None, "", "holds no tasks", has_value=False, allowed="a full JSON export with at least one task")]
    docs, links, corpus_ids = {}, [], set()
    for n, task in enumerate(tasks):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            problems.append(Problem(where, None, f"[{n}]", "is not a task with data", has_value=False))
            continue
        tid = task.get("id", n)
        doc_id = task["data"].get("doc_id")
        bad = [(k, task[k]) for k in ("annotations", "predictions") if task.get(k) is not None and not isinstance(task[k], list)]
        bad += [(f"data.{k}", task["data"][k]) for k in ("doc_id", "corpus_id") if task["data"].get(k) is not None and not isinstance(task["data"][k], str)]
        if not isinstance(tid, (int, str)) or isinstance(tid, bool):
            bad.append(("id", tid))
        for field, value in bad:
            problems.append(Problem(Location(f"{source} task {n}"), None, field, f"has the wrong type ({type(value).__name__})", value,
                                    "a list" if field in ("annotations", "predictions") else "a string" if field.startswith("data.") else "an integer or string"))
        if bad:
            continue
        if not isinstance(doc_id, str) or not re.fullmatch(DOC_ID_PATTERN.strip("^$"), doc_id):
            # checked here, once, because the id becomes a file name and the corpus record is built from it
            problems.append(Problem(Location(f"{source} task {tid}"), None, "data.doc_id", "is not a document id", doc_id,
                                    f"strings matching {DOC_ID_PATTERN}"))
            continue
        results, which, task_notes = _pick(task, drafts=drafts)
        notes += [f"task {tid} ({doc_id}): {n}" for n in task_notes]
        loc = Location(f"{source} task {tid}")
        if results is None:
            problems.append(Problem(loc, doc_id, "annotations", "has no submitted annotation and no prediction with results", has_value=False,
                                    allowed="a completed annotation (export with all tasks)"))
            continue
        conv = from_results(task["data"], results, schema, names_required=mode != PREDICTION)
        for field, value, message, allowed in conv.problems:
            problems.append(Problem(Location(f"{source} task {tid} ({which})"), doc_id, field, message, value, allowed))
        if conv.document is None:
            continue
        if conv.document["id"] in docs:
            problems.append(Problem(loc, doc_id, "data.doc_id", "is the document of another task too", doc_id, "one task per document"))
            continue
        docs[conv.document["id"]] = conv.document
        links += conv.links
        corpus_ids.add(task["data"].get("corpus_id") or "ceasefire")
    if len(corpus_ids) > 1:
        problems.append(Problem(where, None, "data.corpus_id", "differs between tasks", sorted(corpus_ids), "one corpus per export"))

    used: dict[str, dict[str, list[str]]] = {"entity_clusters": {}, "event_clusters": {}}
    for d in sorted(docs):
        for eid in sorted({m["entity"] for m in docs[d]["mentions"] if m.get("entity")}):
            used["entity_clusters"].setdefault(eid, []).append(d)
        for cid in sorted({e["cluster"] for e in docs[d]["events"] if e.get("cluster")}):
            used["event_clusters"].setdefault(cid, []).append(d)
    refused = len(docs) < sum(isinstance(t, dict) for t in tasks)
    if refused:
        # a task was refused above: links to its document would only repeat that problem
        links = [x for x in links if all(isinstance(x.get(e), dict) and x[e].get("doc") in docs for e in ("head", "tail"))]
    corpus = {"record": "corpus", "id": next(iter(sorted(corpus_ids)), "ceasefire"), "documents": sorted(docs),
              **{part: [{"id": k, "documents": v} for k, v in sorted(ids.items()) if len(v) > 1] for part, ids in used.items()},
              "relations": links}
    corpus = canonical_corpus(corpus, docs)

    loaded = [Loaded(docs[d], Location(f"{source} (document {d})")) for d in sorted(docs)] + [Loaded(corpus, Location(f"{source} (cross-document links)"))]
    reference = {k: v["text"] for k, v in load_articles().items()} if mode == PREDICTION else None
    # with a task refused, the checks of which documents there are (none, when every task was) would repeat that
    result = validate_records(loaded, schema=schema, mode=mode, reference=reference, incomplete=refused)
    problems += result.problems
    return docs, corpus, problems


def read_export(path: str | Path, schema: Schema, *, mode: str = GOLD) -> tuple[dict[str, dict], dict | None, list[Problem]]:
    from ceasefire.schema.records import read_json

    path = Path(path)
    tasks, problem = read_json(path)
    if problem:
        return {}, None, [problem]
    return import_tasks(tasks, str(path), schema, mode=mode)
