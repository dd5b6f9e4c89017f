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


def _aligned(head: list[str], rows: list[list[str]]) -> list[str]:
    """A plain-text table: the first column left-aligned, the others right-aligned, a rule under the head."""
    rows = [head] + rows
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def table(result: dict) -> str:
    lines = _aligned(HEAD, _rows(result))
    lines.append("")
    lines.append("attributes on matched items (accuracy / macro-F1 / n):")
    for name, a in result.get("attributes", {}).items():
        lines.append(f"  {name}: {_fmt(a['accuracy'])} / {_fmt(a['macro_f1'])} / {a['n']}")
    optional = result.get("optional") or {}
    if optional:
        lines.append("optional gold items, counted neither as found nor as missed (of them, matched by a prediction): "
                     + ", ".join(f"{k} {v['gold']} ({v['matched']})" for k, v in optional.items()))
    lines += _scored_as_empty(result)
    lines.append(f"P, R, F1 in percent; n/a = undefined (zero denominator). gold {result['gold']['fingerprint'][:12]}, schema {result['schema_version']}, scorer {result['scorer']['version']}")
    return "\n".join(lines) + "\n"


def _scored_as_empty(result: dict) -> list[str]:
    """What --allow-missing let through, said where a person reads the scores, not only in the JSON."""
    pred = result.get("predictions") or {}
    lines = []
    if pred.get("missing_documents_scored_as_empty"):
        lines.append("documents missing from the predictions, scored as empty (--allow-missing): "
                     + ", ".join(pred["missing_documents_scored_as_empty"]))
    if pred.get("missing_layers_scored_as_empty"):
        shown = "; ".join(f"{doc}: {', '.join(layers)}" for doc, layers in pred["missing_layers_scored_as_empty"].items())
        lines.append(f"layers missing from the predictions, scored as empty: {shown}")
    return lines


def markdown(result: dict) -> str:
    lines = ["| " + " | ".join(HEAD) + " |", "|" + "|".join(["---"] + ["---:"] * (len(HEAD) - 1)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in _rows(result)]
    notes = _scored_as_empty(result)
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"


def p_value(x) -> str:
    """A p-value to three decimals; one below 0.0005 as "< 0.001" (it is never 0: (c + 1) / (n + 1))."""
    if x is None:
        return "n/a"
    return "< 0.001" if x < 0.0005 else f"{x:.3f}"


#: The columns of a comparison of two systems, in `compare --format table` and the README's.
COMPARISON_HEAD = ["metric", "F1 A", "F1 B", "B − A", "95% CI of B − A", "p (bootstrap)", "p (AR)"]


def comparison_row(name: str, m: dict) -> list[str]:
    ci = "n/a" if not m["delta_ci"] else f"[{_fmt(m['delta_ci'][0])}, {_fmt(m['delta_ci'][1])}]"
    return [name, _fmt(m["f1_a"]), _fmt(m["f1_b"]), _fmt(m["delta"]), ci, p_value(m["p_bootstrap"]), p_value(m["p_ar"])]


def comparison_table(result: dict) -> str:
    lines = _aligned(COMPARISON_HEAD, [comparison_row(name, m) for name, m in result["metrics"].items()])
    t = result["test"]
    lines.append(f"F1 in percent. unit: {t['resampling_unit']} ({t['units']} units); seed {t['seed']}; "
                 f"{t['paired_bootstrap']['samples']} resamples, {t['approximate_randomization']['trials']} AR trials")
    return "\n".join(lines) + "\n"


def as_json(result: dict) -> str:
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"json": as_json, "table": table, "markdown": markdown}
