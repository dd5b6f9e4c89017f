"""Statistics and agreement tables generated from the data, for the card and the datasheet."""

from __future__ import annotations

from pathlib import Path

from ceasefire.data import data_dir, gold_dir
from ceasefire.eval.api import agree_files

from .summary import render, summarize

PAIRS = (("A", "B"), ("A", "gold"), ("B", "gold"))


def _path(name: str, sources: dict | None = None) -> Path:
    """Where annotation ``name`` (A, B or gold) is: ``sources[name]``, else the shipped one."""
    given = (sources or {}).get(name)
    if given:
        return Path(given)
    return gold_dir() if name == "gold" else data_dir() / "annotations" / name


def sources(gold=None, annotations=None) -> dict:
    """The A, B and gold of the agreement table (a grown corpus passes its own; None: the shipped)."""
    a, b = annotations or (None, None)
    return {"A": a, "B": b, "gold": gold}


def statistics_markdown(documents: dict, corpus: dict) -> str:
    return render(summarize(documents, corpus))


def agreement_markdown(sources: dict | None = None) -> str:
    """Pairwise F1 and Cohen's kappa per layer, for each pair of annotations."""
    results = {pair: agree_files(_path(pair[0], sources), _path(pair[1], sources)) for pair in PAIRS}
    f = lambda x: "n/a" if x is None else f"{x:.3f}"
    header = "| layer | measure | " + " | ".join(f"{a} vs {b}" for a, b in PAIRS) + " |"
    lines = [header, "|---|---|" + "---:|" * len(PAIRS)]
    first = results[PAIRS[0]]["layers"]
    for layer, row in first.items():
        for metric in row["pairwise_f1"]:
            vals = [f(results[p]["layers"][layer]["pairwise_f1"][metric]) for p in PAIRS]
            lines.append(f"| {layer} | pairwise F1 `{metric}` | " + " | ".join(vals) + " |")
        for attr in row["kappa"]:
            vals = [f"{f(results[p]['layers'][layer]['kappa'][attr])} (n={results[p]['layers'][layer]['matched_units'][attr]})" for p in PAIRS]
            lines.append(f"| {layer} | Cohen's kappa `{attr}` | " + " | ".join(vals) + " |")
    lines.append("")
    lines.append("Pairwise F1: the second annotation scored with the first as reference (`ceasefire-eval agree`); it is "
                 "symmetric. Kappa: Cohen's kappa (scikit-learn), nominal labels, over matched units (mentions with the "
                 "same span, events with the same trigger, claims aligned by content, relations whose ends align); "
                 "n/a where a single label occurs. A and B are independent annotations made before adjudication; "
                 "\"gold\" is the adjudicated result, built from A, so A vs gold is not an independent figure.")
    return "\n".join(lines) + "\n"


def replace_generated(text: str, name: str, content: str) -> str:
    """Replace the block between ``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->``."""
    start, end = f"<!-- generated:{name} -->", f"<!-- /generated:{name} -->"
    i, j = text.find(start), text.find(end)
    if i < 0 or j < i:
        raise ValueError(f"markers {start} ... {end} not found")
    return text[: i + len(start)] + "\n" + content + text[j:]


def datasheet_text(current: str, *, gold=None, annotations=None) -> str:
    """DATASHEET.md with its generated blocks recomputed from the data (default: the shipped gold
    and annotations A and B; a grown corpus gives its gold and its two annotations)."""
    from ceasefire.eval.gold import load_gold
    from ceasefire.schema import load_schema

    records = load_gold(gold, schema=load_schema())
    text = replace_generated(current, "statistics", statistics_markdown(records.documents, records.corpus))
    return replace_generated(text, "agreement", agreement_markdown(sources(gold, annotations)))
