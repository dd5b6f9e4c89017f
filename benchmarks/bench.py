"""Speed benchmark: ceasefire-eval against nervaluate, seqeval and scorch, on the same data.

    python benchmarks/bench.py                 # run everything, print the tables
    python benchmarks/bench.py --write-docs  # also write them into docs/maintainers.md and benchmarks/RESULTS.md
    python benchmarks/bench.py --only report --write-docs  # rerun one part; the others come from results.json

Install the other scorers first (seqeval's sdist needs --no-build-isolation):
    pip install setuptools_scm wheel && pip install --no-build-isolation seqeval==1.2.2 && pip install nervaluate==1.2.1 scorch==0.2.0

Data: synthetic corpora made by perturbing the gold (benchmarks/synth.py). Each
comparison runs every scorer on the same documents in the same process, and checks
that the numbers agree where the definitions coincide.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import long_documents, perturb, replicate_pairs  # noqa: E402

from ceasefire.eval import coref  # noqa: E402
from ceasefire.eval.scorer import score, score_mentions  # noqa: E402
from ceasefire.schema import load_schema  # noqa: E402

SCHEMA = load_schema()


def timed(fn, *args, repeat: int = 1, **kwargs):
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - t)
    return best, result


# --- 1. mention scoring --------------------------------------------------------------------------

def set_intersection(gold, pred):
    gk = [(d, m["start"], m["end"], m["type"]) for d, doc in gold.items() for m in doc["mentions"]]
    pk = [(d, m["start"], m["end"], m["type"]) for d, doc in pred.items() for m in doc["mentions"]]
    return len(set(gk) & set(pk))


def nervaluate_input(docs, order):
    return [[{"label": m["type"], "start": m["start"], "end": m["end"] - 1} for m in docs[d]["mentions"]] for d in order]


def iob2(docs, order):
    """Whitespace tokens tagged IOB2 from the spans that start and end on token boundaries
    and do not overlap an earlier one (IOB2 cannot hold nested spans)."""
    seqs, spans = [], {}
    for d in order:
        text = docs[d]["text"]
        toks = [m.span() for m in re.finditer(r"\S+", text)]
        start_at = {s: i for i, (s, _) in enumerate(toks)}
        end_at = {e: i for i, (_, e) in enumerate(toks)}
        tags = ["O"] * len(toks)
        kept = []
        for m in sorted(docs[d]["mentions"], key=lambda m: (m["start"], -m["end"])):
            i, j = start_at.get(m["start"]), end_at.get(m["end"])
            if i is None or j is None or any(t != "O" for t in tags[i:j + 1]):
                continue
            tags[i] = f"B-{m['type']}"
            for k in range(i + 1, j + 1):
                tags[k] = f"I-{m['type']}"
            kept.append({"id": f"t{i}", "start": i, "end": j + 1, "text": "x", "type": m["type"]})
        seqs.append(tags)
        spans[d] = {"id": d, "text": "", "mentions": kept}
    return seqs, spans


def bench_mentions(n_docs=10, per_doc=10000):
    gold = long_documents(n_docs, per_doc, seed=0)
    pred = perturb(gold, seed=1)
    order = sorted(gold)
    n_gold = sum(len(g["mentions"]) for g in gold.values())
    t_set, tp_set = timed(set_intersection, gold, pred, repeat=3)
    t_strict, ours_strict = timed(score_mentions, gold, pred, modes=("strict",), repeat=3)
    t_all, ours_all = timed(score_mentions, gold, pred, repeat=1)
    rows = {"bare set intersection": t_set, "ceasefire-eval mentions.strict": t_strict, "ceasefire-eval mentions, 4 modes": t_all}
    checks = [("ours strict tp = set intersection", ours_strict["mentions.strict"]["tp"] == tp_set)]

    from seqeval.metrics import f1_score
    from seqeval.scheme import IOB2

    y_true, g_tok = iob2(gold, order)
    y_pred, p_tok = iob2(pred, order)
    t_seq, seq_f1 = timed(f1_score, y_true, y_pred, mode="strict", scheme=IOB2)
    rows["seqeval strict IOB2"] = t_seq
    ours_tok = score_mentions(g_tok, p_tok, modes=("strict",))["mentions.strict"]["f1"]
    checks.append(("seqeval strict F1 = ours on the same token spans", abs(seq_f1 - ours_tok) < 1e-9))

    from nervaluate import Evaluator

    def nerv():
        return Evaluator(nervaluate_input(gold, order), nervaluate_input(pred, order), tags=sorted({m["type"] for g in gold.values() for m in g["mentions"]})).evaluate()

    t_nerv, nres = timed(nerv)
    rows["nervaluate (strict, exact, partial, type)"] = t_nerv
    overall = nres["overall"]
    checks.append(("nervaluate strict correct = ours strict tp", overall["strict"].correct == ours_all["mentions.strict"]["tp"]))
    checks.append(("nervaluate exact correct = ours exact tp", overall["exact"].correct == ours_all["mentions.exact"]["tp"]))
    detail = {
        "ours": {k: (v["tp"], v["fp"], v["fn"]) for k, v in ours_all.items()},
        "nervaluate": {k: (r.correct, r.incorrect, r.partial, r.missed, r.spurious) for k, r in overall.items()},
        "seqeval_f1": seq_f1, "ours_token_f1": ours_tok,
    }
    return {"docs": n_docs, "gold_mentions": n_gold, "pred_mentions": sum(len(p["mentions"]) for p in pred.values()),
            "seconds": rows, "checks": checks, "detail": detail}


# --- 2. coreference ------------------------------------------------------------------------------

def bench_coref(n_mentions=10000):
    gold = long_documents(1, n_mentions, seed=2)
    # the same mentions, clusters split and merged: MUC, B-cubed and CEAF-e then mean the same in every scorer
    pred = perturb(gold, seed=3, rate=0.0)
    import random

    rng = random.Random(4)
    for m in pred["long-0"]["mentions"]:
        if rng.random() < 0.15:
            m["entity"] = f"{m['entity']}-split"
        elif rng.random() < 0.1:
            m["entity"] = rng.choice(pred["long-0"]["mentions"])["entity"]
    key = {(m["start"], m["end"]): m["entity"] for m in gold["long-0"]["mentions"]}
    resp = {(m["start"], m["end"]): m["entity"] for m in pred["long-0"]["mentions"]}
    t_ours, ours = timed(lambda: {n: f(key, resp) for n, f in coref.METRICS.items()}, repeat=3)

    def clusters(assign):
        out = {}
        for m, c in assign.items():
            out.setdefault(c, set()).add(m)
        return list(out.values())

    import scorch.scores as sc

    k, r = clusters(key), clusters(resp)
    times, theirs = {}, {}
    for name, fn in (("muc", sc.muc), ("b3", sc.b_cubed), ("ceafe", sc.ceaf_e)):
        times[name], theirs[name] = timed(fn, k, r)

    def f1(c):
        p_num, p_den, r_num, r_den = c
        p, rr = p_num / p_den, r_num / r_den
        return 2 * p * rr / (p + rr)

    checks = [(f"{n} F1 equal to scorch", abs(f1(ours[n]) - theirs[n][2]) < 1e-9) for n in ("muc", "b3", "ceafe")]
    return {"mentions": len(key), "clusters": len(set(key.values())), "seconds": {"ceasefire-eval MUC+B3+CEAF-e+LEA": t_ours,
            "scorch MUC": times["muc"], "scorch B-cubed": times["b3"], "scorch CEAF-e": times["ceafe"],
            "scorch MUC+B3+CEAF-e": sum(times.values())}, "checks": checks,
            "detail": {"ours_f1": {n: f1(ours[n]) for n in ours}, "scorch_f1": {n: theirs[n][2] for n in theirs}}}


# --- 3. full scoring as the corpus grows ------------------------------------------------------------

def _peak_rss() -> int:
    """This process's own peak resident set (VmHWM). Unlike ru_maxrss, it does not carry
    over the parent's peak across fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _full_once(n: int, memory: bool) -> dict:
    """Score n documents streamed one at a time (scorer.score), as a user scoring a large
    corpus from files would; the time includes making each synthetic document pair."""
    counted = {"mentions": 0}

    def pairs():
        for d, g, p in replicate_pairs(n, seed=5):
            counted["mentions"] += len(g["mentions"])
            yield d, g, p

    gc.collect()
    if memory:
        import tracemalloc

        tracemalloc.start()
        score(pairs(), schema=SCHEMA)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return {"peak_bytes": peak}
    t, _ = timed(lambda: score(pairs(), schema=SCHEMA))
    return {"seconds": t, "mentions": counted["mentions"], "rss_bytes_timing_run": _peak_rss()}


def bench_growth(sizes=(10, 100, 1000, 10000)):
    rows = []
    for n in sizes:
        out = {}
        for memory in (False, True):  # separate processes: tracemalloc slows the timing run
            r = subprocess.run([sys.executable, __file__, "--_full", str(n), *(["--_memory"] if memory else [])],
                               capture_output=True, text=True, check=True)
            out.update(json.loads(r.stdout.strip().splitlines()[-1]))
        out["docs"] = n
        rows.append(out)
    return rows


# --- 5. the command line, start to answer ------------------------------------------------------------------

CLI_COMMAND = ("ceasefire-eval", "score", "data/annotations/B")


def bench_cli(runs: int = 5) -> dict:
    """`ceasefire-eval score data/annotations/B` (the README's main job) as whole processes:
    median wall and CPU time of ``runs`` runs, imports and validation included."""
    import statistics

    script = Path(sys.executable).parent / CLI_COMMAND[0]
    walls, cpus = [], []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.Popen([str(script), *CLI_COMMAND[1:]], cwd=HERE.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t)
        cpus.append(usage.ru_utime + usage.ru_stime)
        if status != 0:
            raise RuntimeError(f"{' '.join(CLI_COMMAND)} failed: {proc.stderr.read().decode()[-2000:]}")
    return {"command": " ".join(CLI_COMMAND), "runs": runs, "wall_median": statistics.median(walls), "cpu_median": statistics.median(cpus),
            "walls": walls}


# --- 4. the HTML report ---------------------------------------------------------------------------------

def _make_valid(gold: dict, pred: dict, doc_id: str) -> None:
    """The report reads predictions through the validator: drop the arguments and relations
    that a swapped mention or event type no longer allows, and give spurious mentions
    entities of their own document."""
    gold_types = {x["id"]: x["type"] for layer in ("mentions", "events") for x in gold.get(layer, [])}
    changed = {x["id"] for layer in ("mentions", "events") for x in pred.get(layer, []) if gold_types.get(x["id"], x["type"]) != x["type"]}
    for m in pred["mentions"]:
        if m["entity"].startswith("sp"):
            m["entity"] += f"-{doc_id}"
    for e in pred.get("events", []):
        e["arguments"] = [] if e["id"] in changed else [a for a in e["arguments"] if a["ref"] not in changed]
    pred["relations"] = [r for r in pred.get("relations", []) if r["head"] not in changed and r["tail"] not in changed]


def _write_corpus(folder: Path, target_pred_mentions: int) -> dict:
    """A gold folder and a predictions file of shifted, perturbed copies of the articles,
    with about ``target_pred_mentions`` predicted mentions."""
    gold_dir, n_pred, n_docs = folder / "gold", 0, 0
    gold_dir.mkdir(parents=True)
    with open(folder / "pred.jsonl", "w", encoding="utf-8") as out:
        for d, g, p in replicate_pairs(10**9, seed=7):
            _make_valid(g, p, d)
            (gold_dir / f"{d}.json").write_text(json.dumps(g), encoding="utf-8")
            out.write(json.dumps(p) + "\n")
            n_pred += len(p["mentions"])
            n_docs += 1
            if n_pred >= target_pred_mentions:
                break
    docs = sorted(f.stem for f in gold_dir.glob("*.json"))
    corpus = {"record": "corpus", "id": "synthetic", "documents": docs, "entity_clusters": [], "event_clusters": [], "relations": []}
    (gold_dir / "corpus.json").write_text(json.dumps(corpus), encoding="utf-8")
    return {"docs": n_docs, "pred_mentions": n_pred}


def bench_report(targets=(10_000, 100_000)):
    """`ceasefire-eval report` as a user runs it (a fresh process): wall time and the peak
    resident memory of that process (from wait4), and the size of what it wrote."""
    import tempfile

    rows = []
    for target in targets:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            row = _write_corpus(tmp, target)
            out = tmp / "report.html"
            cmd = [sys.executable, "-m", "ceasefire.eval.cli", "report", str(tmp / "pred.jsonl"), "--gold", str(tmp / "gold"), "-o", str(out)]
            t = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            row["seconds"] = time.perf_counter() - t
            row["cpu_seconds"] = usage.ru_utime + usage.ru_stime  # less sensitive than wall time to a busy machine
            if status != 0:
                raise RuntimeError(f"report failed: {proc.stderr.read().decode()[-2000:]}")
            pages = sorted(tmp.glob("report*.html"))
            row.update(peak_rss_bytes=usage.ru_maxrss * 1024, pages=len(pages), html_bytes=sum(p.stat().st_size for p in pages))
            rows.append(row)
    return rows


# --- report ------------------------------------------------------------------------------------------

def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), 0)
    versions = {}
    for pkg in ("ceasefire", "nervaluate", "seqeval", "scorch", "numpy", "scipy"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = "not installed"
    import os

    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mib": mem, "python": platform.python_version(), "os": platform.platform(), "versions": versions}


def report(m, c, g, r, cli, mach) -> str:
    s = m["seconds"]
    lines = [f"Machine: {mach['cpu']}, {mach['cores']} cores, {mach['memory_mib']} MiB; Python {mach['python']}; "
             + ", ".join(f"{k} {v}" for k, v in mach["versions"].items()) + ".", ""]
    lines.append(f"**Mention scoring**: {m['docs']} documents, {m['gold_mentions']} gold and {m['pred_mentions']} predicted mentions.")
    lines.append("")
    lines.append("| scorer | seconds | ceasefire-eval is faster by |")
    lines.append("|---|---:|---:|")
    strict, four = s["ceasefire-eval mentions.strict"], s["ceasefire-eval mentions, 4 modes"]
    for name, t in s.items():
        ratio = "" if name.startswith("ceasefire") or name.startswith("bare") else (
            f"{t / four:.0f}× (4 modes vs 4 schemes)" if name.startswith("nervaluate") else f"{t / strict:.0f}× (strict vs strict)")
        lines.append(f"| {name} | {t:.3f} | {ratio} |")
    lines.append(f"| ceasefire-eval strict / bare set intersection | {strict / s['bare set intersection']:.2f}× | (target ≤ 3×) |")
    lines.append("")
    lines.append(f"**Coreference**: one document, {c['mentions']} mentions in {c['clusters']} gold clusters.")
    lines.append("")
    lines.append("| scorer | seconds |")
    lines.append("|---|---:|")
    for name, t in c["seconds"].items():
        lines.append(f"| {name} | {t:.3f} |")
    lines.append("")
    lines.append("**Full scoring (all layers) as the corpus grows**: documents are shifted copies of the gold articles, predictions perturbed, "
                 "streamed one document at a time through `ceasefire.eval.scorer.score` (the time includes making each synthetic pair).")
    lines.append("")
    lines.append("| documents | mentions | seconds | × previous | peak traced memory (MiB) | peak RSS of the timing run (MiB) |")
    lines.append("|---:|---:|---:|---:|---:|---:|")
    prev = None
    for row in g:
        ratio = f"{row['seconds'] / prev:.1f}×" if prev else ""
        lines.append(f"| {row['docs']} | {row['mentions']} | {row['seconds']:.2f} | {ratio} | {row['peak_bytes'] / 2**20:.0f} | {row['rss_bytes_timing_run'] / 2**20:.0f} |")
        prev = row["seconds"]
    lines.append("")
    lines.append("**The HTML report** (`ceasefire-eval report PRED --gold GOLD -o report.html`, a fresh process; validation "
                 "included): synthetic gold and predictions written to files, as above.")
    lines.append("")
    lines.append("| predicted mentions | documents | seconds (wall) | CPU seconds | peak RSS (MiB) | pages | HTML (MiB) |")
    lines.append("|---:|---:|---:|---:|---:|---:|---:|")
    for row in r:
        lines.append(f"| {row['pred_mentions']} | {row['docs']} | {row['seconds']:.1f} | {row['cpu_seconds']:.1f} | "
                     f"{row['peak_rss_bytes'] / 2**20:.0f} | {row['pages']} | {row['html_bytes'] / 2**20:.0f} |")
    lines.append("")
    lines.append(f"**Start to answer**: `{cli['command']}` as a whole process, median of {cli['runs']} runs: "
                 f"{cli['wall_median']:.2f} s wall, {cli['cpu_median']:.2f} s CPU (target ≤ 1.0 s wall).")
    lines.append("")
    lines.append("Agreement where the definitions coincide: " + "; ".join(f"{name}: {'yes' if ok else 'NO'}" for name, ok in m["checks"] + c["checks"]) + ".")
    return "\n".join(lines) + "\n"


PARTS = ("cli", "report", "coref", "growth", "mentions")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write-docs", action="store_true")
    ap.add_argument("--only", choices=PARTS, help="rerun this part alone; the other parts are taken from benchmarks/results.json")
    ap.add_argument("--_full", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--_memory", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._full:
        print(json.dumps(_full_once(args._full, args._memory)))
        return
    results = json.loads((HERE / "results.json").read_text()) if args.only else {}
    if not args.only:  # one part rerun keeps the machine line of the full run (the versions of the other scorers)
        results["machine"] = machine()
    for part, what, run in (("cli", "command line", bench_cli), ("report", "report", bench_report), ("coref", "coreference", bench_coref),
                            ("growth", "full scoring growth", bench_growth), ("mentions", "mentions (nervaluate takes minutes)", bench_mentions)):
        if args.only in (None, part):
            print(f"{what} ...", file=sys.stderr, flush=True)
            results[part] = run()
    text = report(*(results[k] for k in ("mentions", "coref", "growth", "report", "cli", "machine")))
    print(text)
    (HERE / "results.json").write_text(json.dumps(results, indent=1, default=str) + "\n")
    if args.write_docs:
        (HERE / "RESULTS.md").write_text("# Benchmark results\n\nWritten by `python benchmarks/bench.py --write-docs`.\n\n" + text)
        from ceasefire._cli import replace_generated

        guide = HERE.parent / "docs" / "maintainers.md"  # the speed section of the maintainers' guide
        guide.write_text(replace_generated(guide.read_text(encoding="utf-8"), "benchmark", text), encoding="utf-8")


if __name__ == "__main__":
    main()
