"""The leaderboard table, scored from the prediction files listed in leaderboard/systems.yaml."""

from __future__ import annotations

from pathlib import Path

import yaml

from .api import DEFAULT_SEED, public, score_files

COLUMNS = [
    ("mentions.strict", "mentions"),
    ("coref.conll", "coref"),
    ("coref.cross_doc.conll", "cross-doc coref"),
    ("events.trigger.classification", "triggers"),
    ("events.argument.classification", "arguments"),
    ("claims.tuple", "claims"),
    ("relations.strict", "relations"),
]
SAMPLES = 1000
SEED = DEFAULT_SEED


def _cell(m: dict) -> str:
    if m["f1"] is None:
        return "n/a"
    ci = m.get("ci") or {}
    if ci.get("f1"):
        lo, hi = ci["f1"]
        return f"{100 * m['f1']:.1f} [{100 * lo:.1f}, {100 * hi:.1f}]"
    return f"{100 * m['f1']:.1f}"


def leaderboard_markdown(root: Path) -> str:
    systems = yaml.safe_load((root / "leaderboard" / "systems.yaml").read_text(encoding="utf-8"))
    rows = []
    for s in systems:
        result = public(score_files([root / s["predictions"]], bootstrap=SAMPLES, seed=SEED))
        rows.append((s, result))
    head = "| system | " + " | ".join(label for _, label in COLUMNS) + " |"
    lines = [head, "|---|" + "---:|" * len(COLUMNS)]
    for s, result in rows:
        lines.append(f"| {s['name']} | " + " | ".join(_cell(result["metrics"][name]) for name, _ in COLUMNS) + " |")
    fp = rows[0][1]["gold"]["fingerprint"][:12] if rows else "?"
    lines.append("")
    lines.append(f"F1 in percent, with 95% bootstrap intervals over sentences ({SAMPLES} resamples, seed {SEED}) where the metric "
                 "decomposes over sentences; coreference columns are CoNLL F1 (MUC, B-cubed, CEAF-e mean) without intervals. "
                 f"Metrics: {', '.join(f'`{n}`' for n, _ in COLUMNS)}. Gold {fp}. Regenerate with `ceasefire-eval leaderboard --write`.")
    for s, _ in rows:
        lines.append(f"- **{s['name']}**: {s['about']}")
    return "\n".join(lines) + "\n"
