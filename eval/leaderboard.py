"""The leaderboard table, scored from the prediction files listed in leaderboard/systems.yaml."""

from __future__ import annotations

from pathlib import Path


from .api import DEFAULT_SEED, compare_files, public, score_files
from .render import COMPARISON_HEAD, comparison_row

#: (metric, column label, the layer a system must be asked for to fill it).
COLUMNS = [
    ("mentions.strict", "mentions", "mentions"),
    ("coref.conll", "coref", "entities"),
    ("coref.cross_doc.conll", "cross-doc coref", "entities"),
    ("events.trigger.classification", "triggers", "events"),
    ("events.argument.classification", "arguments", "events"),
    ("claims.tuple", "claims", "claims"),
    ("relations.strict", "relations", "relations"),
]
NOT_ASKED = "not asked"
SAMPLES = 1000
SEED = DEFAULT_SEED
TRIALS = 10000
#: Strict and lenient views of one layer, shown side by side for language-model rows: how much
#: exact span match costs a generative system (REGen, 2025; RAEE, 2024).
VIEWS = [
    ("mentions", "mentions", ["mentions.strict", "mentions.overlap", "mentions.type"]),
    ("triggers", "events", ["events.trigger.classification", "events.trigger.identification"]),
    ("arguments", "events", ["events.argument.classification", "events.argument.identification"]),
    ("claims", "claims", ["claims.content", "claims.content.overlap", "claims.tuple"]),
]


def _cell(m: dict) -> str:
    if m["f1"] is None:
        return "n/a"
    ci = m.get("ci") or {}
    if ci.get("f1"):
        lo, hi = ci["f1"]
        return f"{100 * m['f1']:.1f} [{100 * lo:.1f}, {100 * hi:.1f}]"
    return f"{100 * m['f1']:.1f}"


def _asked(s: dict, layer: str) -> bool:
    """Whether the system of a row was asked for this layer: a language-model row names the
    layer set of its prompt, and a layer outside it is shown as not asked rather than as 0."""
    layers = (s.get("llm") or {}).get("layers")
    return layers is None or layer in layers.split(",")


def read_systems(root: Path) -> list[dict]:
    """The rows of ``root``/leaderboard/systems.yaml, each checked before anything is scored;
    raise InputError naming every problem. A row's predictions and prompts are paths inside
    ``root`` (a row is never read from elsewhere, through ``..``, an absolute path or a link)."""
    import os

    from ceasefire.schema import InputError, Location, Problem
    from ceasefire.schema.records import read_yaml

    path = root / "leaderboard" / "systems.yaml"
    systems, problem = read_yaml(path, "a YAML list of systems")
    if problem:
        raise InputError([problem])
    where = Location(str(path))
    if not isinstance(systems, list) or not systems:
        raise InputError([Problem(where, None, "", "is not a list of systems", systems, "- name: ...\n  predictions: ...\n  about: ...")])
    problems = []
    names = {s.get("name") for s in systems if isinstance(s, dict)}

    def inside(i, key, value, what):
        real = os.path.realpath(root / value)
        if not (real == str(root) or real.startswith(str(root) + os.sep)):
            problems.append(Problem(where, None, f"[{i}].{key}", f"lies outside --root {root}", value, f"a {what} inside --root, as a relative path"))
        elif not os.path.exists(real):
            problems.append(Problem(where, None, f"[{i}].{key}", "names no file or folder", value, f"a {what} inside --root, as a relative path"))

    for i, s in enumerate(systems):
        if not isinstance(s, dict):
            problems.append(Problem(where, None, f"[{i}]", "is not a mapping", s, "name, predictions, about (and llm, compare_with)"))
            continue
        bad = [k for k in ("name", "predictions", "about") if not isinstance(s.get(k), str) or not s[k]]
        for key in bad:
            problems.append(Problem(where, None, f"[{i}].{key}", "is missing or not a string", s.get(key), "a non-empty string", key in s))
        if "predictions" not in bad:
            inside(i, "predictions", s["predictions"], "predictions file or folder")
        llm = s.get("llm")
        if llm is not None and not (isinstance(llm, dict) and isinstance(llm.get("layers"), str) and isinstance(llm.get("prompts"), str)):
            problems.append(Problem(where, None, f"[{i}].llm", "is not a mapping of layers and prompts", llm, "{layers: L1,L2, prompts: FOLDER}"))
        elif llm is not None:
            inside(i, "llm.prompts", llm["prompts"], "folder of prompts")
        if s.get("compare_with") is not None and s["compare_with"] not in names:
            problems.append(Problem(where, None, f"[{i}].compare_with", "names no system of the file", s["compare_with"], "the name of another row"))
    if problems:
        raise InputError(problems)
    return systems


def leaderboard_markdown(root: Path) -> str:
    systems = read_systems(root)
    rows = []
    for s in systems:
        result = public(score_files([root / s["predictions"]], bootstrap=SAMPLES, seed=SEED))
        rows.append((s, result))
    head = "| system | " + " | ".join(label for _, label, _ in COLUMNS) + " |"
    lines = [head, "|---|" + "---:|" * len(COLUMNS)]
    for s, result in rows:
        cells = [_cell(result["metrics"][name]) if _asked(s, layer) else NOT_ASKED for name, _, layer in COLUMNS]
        lines.append(f"| {s['name']} | " + " | ".join(cells) + " |")
    fp = rows[0][1]["gold"]["fingerprint"][:12] if rows else "?"
    lines.append("")
    lines.append(f"F1 in percent, with 95% bootstrap intervals over sentences ({SAMPLES} resamples, seed {SEED}) where the metric "
                 "decomposes over sentences; coreference columns are CoNLL F1 (MUC, B-cubed, CEAF-e mean) without intervals. "
                 f"Metrics: {', '.join(f'`{n}`' for n, _, _ in COLUMNS)}. "
                 f"\"{NOT_ASKED}\": the row's prompt did not ask for that layer. Gold {fp}. Regenerate with `ceasefire-eval leaderboard --write`.")
    for s, _ in rows:
        lines.append(f"- **{s['name']}**: {s['about']}")
    llm = [(s, r) for s, r in rows if s.get("llm")]
    if llm:
        lines += ["", *_llm_lines(root, llm, systems)]
    return "\n".join(lines) + "\n"


def _pct(x) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}"


def _prompt_size(root: Path, folder: str) -> str:
    """Characters and words of the prompts given (instructions and article), per article."""
    sizes = [(len(t), len(t.split())) for t in (p.read_text(encoding="utf-8") for p in sorted((root / folder).glob("*.md")))]
    return " / ".join(f"{c:,} ch, {w:,} w" for c, w in sizes)


def _llm_lines(root: Path, llm: list, systems: list) -> list[str]:
    """What the language-model rows show: placement of text-only spans, strict against lenient
    views, the prompt's size, and the paired test between runs named by `compare_with`."""
    out = ["**Language-model rows.** Spans are given by text alone and placed by the scorer. "
           "Placement: spans placed only after normalising quotes, dashes and spaces, and spans whose text "
           "is not in the article (hallucinated: false positives). F1 in percent under a strict and a lenient "
           "view of each layer (first strict; `mentions`: strict, overlap, type; `triggers` and `arguments`: "
           "classification, identification; `claims`: content exact, content overlap, tuple). Prompt size: "
           "characters and words of the prompt of each article (instructions and article); a token count "
           "needs the model's own tokenizer (`tiktoken` for OpenAI models, the token-counting endpoint for "
           "Anthropic's); about 4 characters per token is the usual rule of thumb for English.",
           "",
           "| system | layers | by normalisation | unplaced | " + " | ".join(name for name, _, _ in VIEWS) + " | prompt size |",
           "|---|---|---:|---:|" + "---|" * len(VIEWS) + "---|"]
    for s, r in llm:
        place = r["predictions"]["placement"]
        views = [" / ".join(_pct(r["metrics"][m]["f1"]) for m in ms) if _asked(s, layer) else NOT_ASKED
                 for _, layer, ms in VIEWS]
        out.append(f"| {s['name']} | {s['llm']['layers']} | {place['placed_by_normalisation']['count']} | "
                   f"{place['unplaced_spans']['count']} | " + " | ".join(views) + f" | {_prompt_size(root, s['llm']['prompts'])} |")
    by_name = {s["name"]: s for s in systems}
    for s, _ in llm:
        other = s.get("compare_with")
        if not other:
            continue
        result = compare_files([root / by_name[other]["predictions"]], [root / s["predictions"]],
                               n_bootstrap=SAMPLES, n_ar=TRIALS, seed=SEED)
        out += ["", f"**{other}** (A) against **{s['name']}** (B), `ceasefire-eval compare` (paired bootstrap, "
                f"{SAMPLES} resamples, and approximate randomisation, {TRIALS} trials, over sentences; seed {SEED}):", "",
                "| " + " | ".join(COMPARISON_HEAD) + " |", "|---|---:|---:|---:|---|---:|---:|"]
        for name, _, _ in COLUMNS:
            m = result["metrics"].get(name)
            if m is None:
                continue
            row = comparison_row(f"`{name}`", m)
            out.append("| " + " | ".join(row) + " |")
    return out
