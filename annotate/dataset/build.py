"""`ceasefire-annotate build`: the publishable dataset folder from the gold."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ceasefire import __version__
from ceasefire.extras import install_hint
from ceasefire.outputs import write_folder
from ceasefire.schema.corpus import load_gold
from ceasefire.schema import Schema

from . import card_sections
from .card import card_metadata, render_card
from ceasefire.annotate.corpus.folder import article_words
from .configs import CONFIGS, build_files, manifest
from .datasheet import agreement_markdown, published_markdown, sources, statistics_markdown

ROW_OF = {
    "documents": "article, with every layer",
    "mentions": "actor/argument mention (with its entity's name and QID)",
    "entities": "entity of an article (mention count, shared across articles or not)",
    "events": "event mention (trigger, attributes, cluster, arguments with their text)",
    "claims": "claim (source, cue, content, attributes, parent)",
    "relations": "relation, within an article or {between}",
    "cross_document": "cluster shared by {shared_by}, or relation between them (the links between the articles are here)",
    "tokens": "sentence: tokens with offsets and BIO tags of the top-level mentions",
}


def _fields(features: dict) -> str:
    def show(f) -> str:
        from datasets import ClassLabel, List, Value

        if isinstance(f, Value):
            return f.dtype
        if isinstance(f, List):
            return f"list of {show(f.feature)}"
        if isinstance(f, ClassLabel):
            return f"ClassLabel, {f.num_classes} names"
        if isinstance(f, dict):
            return "{" + ", ".join(f"{k}: {show(v)}" for k, v in f.items()) + "}"
        return type(f).__name__

    return "\n".join(f"- `{c}`: " + ", ".join(f"`{k}` ({show(v)})" for k, v in features[c].items()) for c in CONFIGS)


def _leaderboard() -> str:
    from ceasefire.data import data_dir
    from ceasefire.eval.leaderboard import leaderboard_markdown

    root = data_dir().parent
    if not (root / "leaderboard" / "systems.yaml").exists():
        return "See the project repository (`ceasefire-eval leaderboard`)."
    return leaderboard_markdown(root).strip()


#: Documents shipped inside the folder, so that every link of the card resolves on the Hub:
#: folder name -> path in the project checkout.
SHIPPED = {
    "LICENSE.md": "LICENSE-DATA.md",
    "DATASHEET.md": "DATASHEET.md",
    "FORMAT.md": "schema/FORMAT.md",
    "METRICS.md": "eval/METRICS.md",
}


def _shipped() -> dict[str, str]:
    from ceasefire.data import data_dir

    root = data_dir().parent
    missing = [src for src in SHIPPED.values() if not (root / src).is_file()]
    if missing:
        raise FileNotFoundError(f"{root}: {', '.join(missing)} not found; `build` runs in the project checkout, which has them")
    return {name: (root / src).read_text(encoding="utf-8") for name, src in SHIPPED.items()}


def dataset_files(*, schema: Schema, gold: str | Path | None = None, annotations=None) -> tuple[dict[str, bytes | str], dict]:
    """Relative path -> content of every file of the folder, and the sizes of the configs."""
    corpus = load_gold(gold, schema=schema)
    built = build_files(corpus.documents, corpus.corpus, schema)
    files: dict[str, bytes | str] = dict(built["files"])
    sizes, feats = built["sizes"], built["features"]
    meta = card_metadata(sizes, feats, n_articles=len(corpus.documents))
    body = resources.files("ceasefire.annotate.dataset").joinpath("card_body.md").read_text(encoding="utf-8")
    words = article_words(len(corpus.documents))
    table = "\n".join(f"| `{c}` | {ROW_OF[c].format(**words)} | {sizes[c]['num_examples']} |" for c in CONFIGS)
    for key, value in (
        ("{config_table}", table),
        ("{fields}", _fields(feats)),
        ("{project}", card_sections.project_markdown()),
        ("{examples}", card_sections.examples_markdown(built["rows"], feats)),
        ("{codes}", card_sections.codes_markdown(schema)),
        ("{token_view}", card_sections.token_view_markdown(corpus.documents)),
        ("{cross_links}", card_sections.cross_links_markdown(corpus.corpus)),
        ("{optional}", card_sections.optional_markdown(corpus.documents, corpus.corpus, schema)),
        ("{statistics}", statistics_markdown(corpus.documents, corpus.corpus).strip()),
        ("{agreement}", agreement_markdown(sources(gold, annotations)).strip()),
        ("{published}", published_markdown().strip()),
        ("{version}", __version__),
        *((f"{{{k}}}", v) for k, v in words.items()),
        ("{leaderboard}", _leaderboard()),
    ):
        body = body.replace(key, value)
    docs = _shipped()
    files.update(docs)
    files["README.md"] = render_card(meta, body)
    files["SHA256SUMS"] = manifest({**built["files"], **{k: v.encode() for k, v in docs.items()}})
    return files, sizes


def _bytes(content: bytes | str) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def folder_files(folder: Path) -> list[Path]:
    """Every file of the folder that `build --check` compares and `publish` uploads (hidden files and folders excluded)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def check(out: str | Path, *, schema: Schema, gold: str | Path | None = None, annotations=None) -> list[str]:
    """Differences between the folder on disk and what `build` would write now (empty when current)."""
    out = Path(out)
    files, _ = dataset_files(schema=schema, gold=gold, annotations=annotations)
    on_disk = {p.relative_to(out).as_posix() for p in folder_files(out)} if out.is_dir() else set()
    problems = [f"{out / rel}: missing; the build writes it" for rel in sorted(set(files) - on_disk)]
    problems += [f"{out / rel}: not written by the build" for rel in sorted(on_disk - set(files))]
    writers = set()
    for rel in sorted(set(files) & on_disk):
        if (out / rel).read_bytes() != _bytes(files[rel]):
            problems.append(f"{out / rel}: differs from what the build writes now")
            if rel.endswith(".parquet"):
                writers.add((_writer(out / rel), _writer(files[rel])))
    for old, new in sorted((o, n) for o, n in writers if o != n):
        problems.append(f"note: the folder's Parquet files were written by {old!r}, this build by {new!r}; "
                        f"the 'build' extra pins the writer. {install_hint('build')}")
    return problems


def _writer(parquet: Path | bytes) -> str:
    import io

    import pyarrow.parquet as pq

    source = io.BytesIO(parquet) if isinstance(parquet, bytes) else parquet
    return pq.ParquetFile(source).metadata.created_by


def build_dataset(out: str | Path, *, schema: Schema, gold: str | Path | None = None, annotations=None) -> dict:
    """Build the folder; returns the sizes. The folder is swapped in whole (see :mod:`ceasefire.outputs`)."""
    from ceasefire.data import gold_dir

    files, sizes = dataset_files(schema=schema, gold=gold, annotations=annotations)
    write_folder(out, files, inputs=[gold or gold_dir()], option="--out")
    return sizes
