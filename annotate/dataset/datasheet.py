"""Statistics and agreement tables generated from the data, for the card and the datasheet."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ceasefire.data import data_dir, gold_dir
from ceasefire.eval.api import agree_files

from ceasefire._cli import replace_generated

from .summary import render, summarize

#: The pairs reported, as (column label, reference, annotation): the annotation is scored with
#: the reference as gold (pairwise F1 is symmetric, but optional gold items are only optional
#: on the reference side, so the gold is always the reference). E and F, the independent
#: annotations from guidelines 2.1 (no instruction quotes the articles), come first; C-D
#: (guidelines 2.0, whose schema quoted the articles) and A-B (guidelines 1.0) are kept as history.
PAIRS = (
    ("E vs F", "E", "F"),
    ("E vs gold", "gold", "E"),
    ("F vs gold", "gold", "F"),
    ("C vs D (history)", "C", "D"),
    ("A vs B (history)", "A", "B"),
)

#: Headline measures of the short table (docs/dataset.md), per layer.
HEADLINE = {
    "actors": ("mentions.strict", "coref.conll"),
    "events": ("events.trigger.classification", "events.argument.classification"),
    "claims": ("claims.tuple",),
    "relations": ("relations.strict", "relations.cross_doc"),
}

#: Who made the annotations, said wherever agreement is reported (docs/dataset.md, card, DATASHEET).
WHO = ("All six annotators (A to F) are separate instances of the same AI language model (Anthropic's Claude). "
       "E and F were given the same task description (their `TASK.md` files differ only in folder names) and the same "
       "files: guidelines 2.1 and schema 1.2.0, general rules with constructed examples in which no instruction quotes "
       "the articles (`tests/schema/test_instructions_leakage.py`), and the texts. They saw neither the gold, nor the decisions, "
       "nor any other annotation, nor each other's work (`data/annotations/E/GIVEN.md`, `data/annotations/F/GIVEN.md`). "
       "Their agreement therefore measures how determinate the written rules are for one model. It is not human "
       "inter-annotator agreement, and it is an upper bound on it. C and D (history) were made the same way from "
       "guidelines 2.0 and schema 1.1.0, whose definitions quoted 20 phrases of the two articles, some of them the "
       "answers to hard decisions, so their agreement is inflated by what the schema showed them. A and B were given "
       "guidelines 1.0, which settled hard cases with examples taken from these two articles, so their agreement "
       "overstates even that.")

#: Published agreement of the schemes this one builds on: (corpus and citation, what was
#: measured, figure, where the figure was found). "not found" where the project could not
#: find a figure in the sources it searched; no figure is estimated or recalled from memory.
PUBLISHED = (
    ("PolNeAR (Newell, Margolin and Ruths, LREC 2018)", "attribution (source, cue, content), human annotators",
     "token-wise Krippendorff's alpha 0.754; attribution-wise agreement 0.923",
     "Statistics table of the PolNeAR README, https://github.com/networkdynamics/PolNeAR"),
    ("ECB+ (Cybulska and Vossen, LREC 2014)", "event and entity mentions, within- and cross-document coreference",
     "not found",
     "the ECB+ 1.0 release README gives counts but no agreement figures; the paper's own figures were not found in the sources searched"),
    ("ACE 2005 (LDC2006T06)", "entities, relations, events",
     "not found",
     "not in the parts of the LDC2006T06 README and LDC ACE pages that were searched"),
)


def _path(name: str) -> Path:
    return gold_dir() if name == "gold" else data_dir() / "annotations" / name


def sources(gold=None, annotations=None) -> tuple | None:
    """The annotations of the agreement tables: None for the shipped release (PAIRS), or, for a
    grown corpus, its gold and its two independent annotations."""
    if not annotations:
        return None  # the tables of the shipped annotations
    first, second = annotations
    return (str(gold or gold_dir()), str(first), str(second))


def statistics_markdown(documents: dict, corpus: dict) -> str:
    return render(summarize(documents, corpus))


def _pairs(given: tuple | None) -> tuple:
    """(label, reference, annotation) of each column: the shipped PAIRS, or those of a grown corpus."""
    if given is None:
        return tuple((label, _path(ref), _path(other)) for label, ref, other in PAIRS)
    gold, first, second = given
    return (("first vs second", first, second), ("first vs gold", gold, first), ("second vs gold", gold, second))


@lru_cache(maxsize=2)
def _results(given: tuple | None = None) -> dict[str, dict]:
    return {label: agree_files(ref, other) for label, ref, other in _pairs(given)}


def _f(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _header(pairs) -> list[str]:
    return ["| layer | measure | " + " | ".join(label for label, _, _ in pairs) + " |", "|---|---|" + "---:|" * len(pairs)]


def agreement_markdown(given: tuple | None = None) -> str:
    """Pairwise F1 and Cohen's kappa per layer, for each pair of annotations, with who made them."""
    results, pairs = _results(given), _pairs(given)
    lines = _header(pairs)
    first = results[pairs[0][0]]["layers"]
    for layer, row in first.items():
        for metric in row["pairwise_f1"]:
            vals = [_f(results[p]["layers"][layer]["pairwise_f1"][metric]) for p, _, _ in pairs]
            lines.append(f"| {layer} | pairwise F1 `{metric}` | " + " | ".join(vals) + " |")
        for attr in row["kappa"]:
            vals = [f"{_f(results[p]['layers'][layer]['kappa'][attr])} (n={results[p]['layers'][layer]['matched_units'][attr]})" for p, _, _ in pairs]
            lines.append(f"| {layer} | Cohen's kappa `{attr}` | " + " | ".join(vals) + " |")
    lines.append("")
    lines.append("Pairwise F1: the second annotation scored with the first as reference (`ceasefire-eval agree REFERENCE OTHER`, "
                 "with the gold as reference wherever it takes part); without optional items it is symmetric. Kappa: "
                 "Cohen's kappa (scikit-learn), nominal labels, over matched units (mentions with the same span, events with "
                 "the same trigger, claims aligned by content, relations whose ends align); n/a where a single label occurs. "
                 "\"gold\" is the adjudicated gold after the review of issue 12, so E and F against the gold measure how "
                 "far the written rules reach the adjudicated answers.")
    if given is None:
        lines.append("")
        lines.append(WHO)
    return "\n".join(lines) + "\n"


def agreement_summary_markdown() -> str:
    """The headline pairwise F1 per layer (the short table of docs/dataset.md), with who made the annotations."""
    results, pairs = _results(), _pairs(None)
    lines = _header(pairs)
    for layer, metrics in HEADLINE.items():
        for metric in metrics:
            vals = [_f(results[p]["layers"][layer]["pairwise_f1"][metric]) for p, _, _ in pairs]
            lines.append(f"| {layer} | pairwise F1 `{metric}` | " + " | ".join(vals) + " |")
    lines.append("")
    lines.append(WHO)
    return "\n".join(lines) + "\n"


def published_markdown() -> str:
    """Published agreement figures to set the table beside, each with where it was found."""
    lines = ["| corpus | what was measured | published agreement | source |", "|---|---|---|---|"]
    lines += [f"| {c} | {what} | {fig} | {src} |" for c, what, fig, src in PUBLISHED]
    lines.append("")
    lines.append("These are human annotators on other corpora, with other units and measures (token-wise alpha, kappa), "
                 "so they are context, not a like-for-like comparison with the pairwise F1 above.")
    return "\n".join(lines) + "\n"


def datasheet_text(current: str, *, gold=None, annotations=None) -> str:
    """A document (DATASHEET.md, README.md) with the generated blocks it has recomputed from the data
    (default: the shipped gold and annotations; a grown corpus gives its gold and its two annotations)."""
    from ceasefire.schema.corpus import load_gold
    from ceasefire.schema import load_schema

    records = load_gold(gold, schema=load_schema())
    given = sources(gold, annotations)
    blocks = {
        "statistics": lambda: statistics_markdown(records.documents, records.corpus),
        "agreement": lambda: agreement_markdown(given),
        "agreement-summary": agreement_summary_markdown,
        "published-agreement": published_markdown,
    }
    present = [name for name in blocks if f"<!-- generated:{name} -->" in current]
    if not present:
        raise ValueError("no generated block found; allowed markers: " + ", ".join(f"<!-- generated:{n} -->" for n in blocks))
    for name in present:
        current = replace_generated(current, name, blocks[name]())
    return current
