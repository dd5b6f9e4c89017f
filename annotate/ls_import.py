"""Reading a Label Studio full JSON export (plain or snapshot) back into records."""

from __future__ import annotations

import json
from pathlib import Path

from ceasefire.data import load_articles
from ceasefire.schema import Loaded, Location, Problem, Schema
from ceasefire.schema.records import canonical_corpus
from ceasefire.schema.validate import GOLD, PREDICTION, validate_records

from .ls_convert import from_results


def _who(item: dict) -> str:
    user = item.get("completed_by") or item.get("user")
    if isinstance(user, dict):
        user = user.get("email") or user.get("username") or user.get("id")
    return f"user {user}" if user is not None else "an unknown user"


def _stamp(item: dict) -> tuple[str, int]:
    return str(item.get("updated_at") or item.get("created_at") or ""), item.get("id") or 0


def _pick(task: dict, *, drafts: bool = False) -> tuple[list | None, str, list[str]]:
    """The result list to import and notes on what was taken.

    The newest annotation that is not cancelled; with ``drafts`` a newer draft wins;
    with no annotation (and no draft taken) the newest prediction. Drafts that are not
    taken are named in the notes, so that nobody believes they were pulled.
    """
    notes = []
    anns = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    newest = max(anns, key=_stamp) if anns else None
    if len(anns) > 1:
        listed = ", ".join(f"#{a.get('id', '?')} by {_who(a)}" for a in anns)
        notes.append(f"{len(anns)} annotations ({listed}): took the newest, #{newest.get('id', '?')} by {_who(newest)}")
    task_drafts = [d for d in task.get("drafts") or [] if isinstance(d, dict) and isinstance(d.get("result"), list)]
    draft = max(task_drafts, key=_stamp) if task_drafts else None
    if draft is not None and (newest is None or _stamp(draft) > _stamp(newest)):
        if drafts:
            notes.append(f"took the unsubmitted draft #{draft.get('id', '?')} by {_who(draft)} (--drafts)")
            return draft["result"], f"draft {draft.get('id', '?')}", notes
        notes.append(f"has an unsubmitted draft #{draft.get('id', '?')} by {_who(draft)}, NOT included (submit it, or pull --drafts)")
    elif draft is None and task.get("drafts") and not drafts:
        notes.append(f"has {len(task['drafts'])} unsubmitted draft(s), NOT included (submit them, or pull --drafts)")
    if newest is not None:
        return newest.get("result"), f"annotation {newest.get('id', '?')} by {_who(newest)}", notes
    preds = [p for p in task.get("predictions") or [] if isinstance(p, dict) and isinstance(p.get("result"), list)]
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
    docs, links, corpus_ids = {}, [], set()
    for n, task in enumerate(tasks):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            problems.append(Problem(where, None, f"[{n}]", "is not a task with data", has_value=False))
            continue
        tid = task.get("id", n)
        doc_id = task["data"].get("doc_id")
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
    corpus = {"record": "corpus", "id": next(iter(sorted(corpus_ids)), "ceasefire"), "documents": sorted(docs),
              **{part: [{"id": k, "documents": v} for k, v in sorted(ids.items()) if len(v) > 1] for part, ids in used.items()},
              "relations": links}
    corpus = canonical_corpus(corpus, docs)

    loaded = [Loaded(docs[d], Location(f"{source} (document {d})")) for d in sorted(docs)] + [Loaded(corpus, Location(f"{source} (cross-document links)"))]
    reference = {k: v["text"] for k, v in load_articles().items()} if mode == PREDICTION else None
    result = validate_records(loaded, schema=schema, mode=mode, reference=reference)
    problems += result.problems
    return docs, corpus, problems


def read_export(path: str | Path, schema: Schema, *, mode: str = GOLD) -> tuple[dict[str, dict], dict | None, list[Problem]]:
    path = Path(path)
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None, [Problem(Location(str(path)), None, "", "no such file", has_value=False)]
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, None, [Problem(Location(str(path)), None, "", f"is not valid JSON: {exc}", has_value=False)]
    return import_tasks(tasks, str(path), schema, mode=mode)


def write_records(out: str | Path, documents: dict[str, dict], corpus: dict) -> None:
    """A .jsonl file, or a folder with one pretty JSON file per document plus corpus.json."""
    import shutil
    import tempfile

    from ceasefire.schema.records import atomic_write, dumps_jsonl, dumps_pretty

    out = Path(out)
    if out.suffix == ".jsonl":
        atomic_write(out, dumps_jsonl([documents[d] for d in sorted(documents)] + [corpus]))
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    staging.chmod(0o755)
    try:
        for d in sorted(documents):
            (staging / f"{d}.json").write_text(dumps_pretty(documents[d]), encoding="utf-8")
        (staging / "corpus.json").write_text(dumps_pretty(corpus), encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
