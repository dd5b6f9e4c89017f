"""Rendering a score result for people: a plain-text table or Markdown."""

from __future__ import annotations

import json


def _fmt(x) -> str:
    if x is None:
        return "n/a"
    if isinstance(x, float):
        return f"{100 * x:.1f}"
    return str(x)


def _rows(result: dict) -> list[list[str]]:
    rows = []
    for name, m in result["metrics"].items():
        ci = m.get("ci")
        f1 = _fmt(m["f1"]) + (f" [{_fmt(ci['f1'][0])}, {_fmt(ci['f1'][1])}]" if ci and ci.get("f1") else "")
        rows.append([name, _fmt(m["precision"]), _fmt(m["recall"]), f1, _fmt(m["tp"]), _fmt(m["fp"]), _fmt(m["fn"])])
    return rows


HEAD = ["metric", "P", "R", "F1", "tp", "fp", "fn"]


def table(result: dict) -> str:
    rows = [HEAD] + _rows(result)
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEAD))]
    lines = []
    for k, r in enumerate(rows):
        lines.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    lines.append("attributes on matched items (accuracy / macro-F1 / n):")
    for name, a in result.get("attributes", {}).items():
        lines.append(f"  {name}: {_fmt(a['accuracy'])} / {_fmt(a['macro_f1'])} / {a['n']}")
    optional = result.get("optional") or {}
    if optional:
        lines.append("optional gold items, in no count (matched): " + ", ".join(f"{k} {v['gold']} ({v['matched']})" for k, v in optional.items()))
    lines.append(f"P, R, F1 in percent; n/a = undefined (zero denominator). gold {result['gold']['fingerprint'][:12]}, schema {result['schema_version']}, scorer {result['scorer']['version']}")
    return "\n".join(lines) + "\n"


def markdown(result: dict) -> str:
    lines = ["| " + " | ".join(HEAD) + " |", "|" + "|".join(["---"] + ["---:"] * (len(HEAD) - 1)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in _rows(result)]
    return "\n".join(lines) + "\n"


def as_json(result: dict) -> str:
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"json": as_json, "table": table, "markdown": markdown}
