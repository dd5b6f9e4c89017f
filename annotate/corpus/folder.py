"""A corpus folder, and adding an article to it (`ceasefire-annotate add`).

A corpus is a folder laid out like the shipped ``data/``::

    articles/articles.json   the manifest: the articles in the release, in order, with sha256 and metadata
    articles/SHA256SUMS      sha256 of every article text (``sha256sum -c`` checks it)
    articles/<id>.txt        each text, byte for byte as given
    gold/                    the adjudicated records (one JSON per article plus corpus.json)

``articles.json`` decides which articles are in a release: the gold must annotate
exactly those articles, with exactly their texts (``ceasefire-annotate lint --corpus``).
The shipped corpus is ``data/``; a new article goes to a copy of it, or to the shipped
one once it is annotated. The shipped ids are the seed files' names (a number and 16
hex digits that are not the text's sha256); an added article gets the next number and
the first 16 hex digits of its text's sha256: ``005_<sha256[:16]>``.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

from ceasefire.interrupts import uninterrupted
from ceasefire.outputs import check_output_file, write_file
from ceasefire.schema import InputError, Location, Problem

MANIFEST = "articles.json"
SUMS = "SHA256SUMS"
#: What an added article's metadata holds; what is not given stays null (never guessed).
META_FIELDS = ("title", "publisher", "url", "published", "event_date", "language", "event_date_basis")


def articles_folder(corpus: str | Path | None) -> Path:
    from ceasefire.data import articles_dir

    return Path(corpus) / "articles" if corpus is not None else articles_dir()


def gold_folder(corpus: str | Path | None) -> Path:
    from ceasefire.data import gold_dir

    return Path(corpus) / "gold" if corpus is not None else gold_dir()


def load_corpus_articles(corpus: str | Path | None) -> dict[str, dict]:
    """``{doc_id: {"text", "meta"}}`` of a corpus, each text checked against its sha256.

    A corpus folder given by the user passes every check of :mod:`.manifest` first (its
    files are regular files inside it, its manifest is checked entry by entry); the shipped
    data/ is the product, tested as it is shipped.
    """
    from ceasefire.data import load_articles

    from .manifest import check_corpus_folder

    folder = articles_folder(corpus)
    if not (folder / MANIFEST).is_file() and not (folder / MANIFEST).is_symlink():
        raise InputError([Problem(Location(str(folder / MANIFEST)), None, "--corpus", "no such file", has_value=False,
                                  allowed="a corpus folder holding articles/articles.json (like data/)")])
    if corpus is not None:
        check_corpus_folder(corpus, folder, gold_folder(corpus))
    try:
        return load_articles(folder)
    except (OSError, RuntimeError, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise InputError([Problem(Location(str(folder / MANIFEST)), None, "--corpus", f"cannot be loaded: {exc}", has_value=False)]) from None


def read_annotation(path, schema) -> tuple[dict[str, dict], dict | None]:
    """The validated documents and corpus record of one annotation (a records file or folder); raise InputError."""
    from ceasefire.schema import read_records
    from ceasefire.schema.validate import validate_records

    loaded, problems = read_records([path])
    result = validate_records(loaded, incomplete=bool(problems), schema=schema)
    if problems or result.problems:
        raise InputError(problems + result.problems)
    return result.documents, result.corpus


def _refuse(path, field: str, message: str, value=None, allowed: str | None = None, *, has_value: bool = True) -> InputError:
    return InputError([Problem(Location(str(path)), None, field, message, value, allowed, has_value)])


def _date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise _refuse(value, option, "is not a date", value, "YYYY-MM-DD, or leave it out when unknown") from None
    return value


def read_new_text(path: str | Path) -> tuple[bytes, str]:
    """The bytes and text of a new article; refuse what cannot be one (nothing is written)."""
    path = Path(path)
    if not path.is_file():
        raise _refuse(path, "ARTICLE", "is not a regular file" if path.exists() else "no such file", has_value=False,
                      allowed="a UTF-8 text file")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _refuse(path, "ARTICLE", f"is not UTF-8: byte {exc.start} is {raw[exc.start:exc.start + 1]!r}", has_value=False,
                      allowed="UTF-8 text (convert it first, e.g. iconv -f LATIN1 -t UTF-8)") from None
    if not text.strip():
        raise _refuse(path, "ARTICLE", "is empty" if not raw else "holds only whitespace", has_value=False,
                      allowed="the text of an article")
    return raw, text


def add_article(corpus: str | Path | None, source_file: str | Path, *, title=None, date=None, event_date=None,
                language=None, source=None) -> dict:
    """Copy ``source_file`` verbatim into the corpus and record it; return its manifest entry.

    Every check runs before anything is written: a duplicate (same sha256), non-UTF-8
    or empty text, a bad date or an id already taken is refused with one message.
    """
    folder = articles_folder(corpus)
    raw, _ = read_new_text(source_file)
    index_path = folder / MANIFEST
    if not index_path.is_file():
        raise _refuse(index_path, "--corpus", "no such file", has_value=False, allowed="a corpus folder holding articles/articles.json")
    load_corpus_articles(corpus)  # the manifest is input: its entries and texts are checked before it is extended
    index = json.loads(index_path.read_text(encoding="utf-8"))
    digest = hashlib.sha256(raw).hexdigest()
    for entry in index:
        if entry["sha256"] == digest:
            raise _refuse(source_file, "ARTICLE", f"is already in the corpus as {entry['id']} (same sha256 {digest})", has_value=False,
                          allowed="a text that is not in the corpus yet")
    number = max((int(e["id"][:3]) for e in index if e["id"][:3].isdigit()), default=-1) + 1
    doc_id = f"{number:03d}_{digest[:16]}"
    text_path = folder / f"{doc_id}.txt"
    for path in (text_path, index_path, folder / SUMS):
        check_output_file(path, inputs=[source_file], option="--corpus")
    if text_path.exists():
        raise _refuse(text_path, "--corpus", "exists already; a file of the corpus is never overwritten", has_value=False)
    meta = {k: None for k in META_FIELDS}
    meta.update(title=title, published=_date(date, "--date"), event_date=_date(event_date, "--event-date"), language=language)
    meta["source"] = source
    meta["notes"] = [f"Added with `ceasefire-annotate add` from a file named {Path(source_file).name!r}; "
                     "fields given as null were not supplied and are unknown to the project."]
    entry = {"id": doc_id, "seed_file": text_path.name, "sha256": digest, "meta": meta}
    sums = _sums(folder, index) + [(digest, text_path.name)]
    # the text first, the manifest last: until articles.json lists it, the text is not in the corpus;
    # and an interruption waits for the three, so that no text is left that the manifest does not list
    with uninterrupted():
        write_file(text_path, raw.decode("utf-8"), option="--corpus")
        if hashlib.sha256(text_path.read_bytes()).hexdigest() != digest:  # the copy must be the input byte for byte
            raise _refuse(text_path, "--corpus", "was not written byte for byte", has_value=False)
        write_file(folder / SUMS, "".join(f"{h}  {name}\n" for h, name in sorted(sums, key=lambda x: x[1])), option="--corpus")
        write_file(index_path, json.dumps(index + [entry], indent=2, ensure_ascii=False) + "\n", option="--corpus")
    return entry


def corpus_id(corpus: str | Path | None) -> str:
    """The id of the corpus record of the corpus's gold (Label Studio tasks of one project share it)."""
    path = gold_folder(corpus) / "corpus.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["id"]
    except (OSError, ValueError, KeyError, TypeError):
        return "ceasefire"


def _sums(folder: Path, index: list[dict]) -> list[tuple[str, str]]:
    return [(e["sha256"], e["seed_file"]) for e in index]


def preannotate(corpus: str | Path | None, documents: list[str] | None, *, function: str | None, command: str | None,
                corpus_function: str | None = None, schema, timeout: float = 600) -> tuple[dict[str, dict], dict | None]:
    """Run an extractor (a `ceasefire-eval run` spec) on articles of the corpus; return checked records.

    The records are predictions: every check of ``validate --predictions`` runs, text-only
    spans are placed, and a span the article does not contain is refused (a reviewer
    cannot correct a region that has no place).
    """
    from ceasefire.eval.runner import run_extractor
    from ceasefire.schema.records import Loaded
    from ceasefire.schema.validate import PREDICTION, validate_records

    articles = load_corpus_articles(corpus)
    chosen = documents or sorted(articles)
    unknown = [d for d in chosen if d not in articles]
    if unknown:
        raise InputError([Problem(None, d, "--document", "is not an article of the corpus", d, ", ".join(sorted(articles))) for d in unknown])
    records, problems = run_extractor({d: articles[d] for d in chosen}, function=function, command=command,
                                      corpus_function=corpus_function, timeout=timeout)
    if problems:
        raise InputError(problems)
    where = Location(function or command or "extractor")
    # the article's metadata comes with it, so that a task made from these records carries it
    loaded = [Loaded(dict(r, meta=articles[r["id"]]["meta"]) if r.get("record") != "corpus" else r, where) for r in records]
    result = validate_records(loaded, schema=schema, mode=PREDICTION, reference={d: articles[d]["text"] for d in chosen}, strict=True)
    if result.problems:
        raise InputError(result.problems)
    return result.documents, result.corpus


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def article_words(n: int) -> dict[str, str]:
    """How the card, summary and report name a corpus of ``n`` articles; for the shipped two,
    exactly the words they have always used, so that their output does not change."""
    count = _WORDS[n] if n < len(_WORDS) else str(n)
    return {
        "n_articles": count,
        "the_articles": f"the {count} articles",
        # a cluster id is shared when two or more articles use it; with two, that is both
        "shared_by": "both articles" if n == 2 else "two or more articles",
        "between": "between the two" if n == 2 else "between articles",
    }


def label_studio_documents(corpus: str | Path, records: str | Path | None, schema) -> tuple[dict[str, dict], dict, dict[str, str]]:
    """Every article of a corpus as a document for Label Studio (`serve`/`tasks --corpus`).

    Returns the documents, the corpus record (its id and cross-document links) and where
    each document's annotation comes from: ``"records"`` (the records file, checked as
    predictions against the corpus's texts, every span placed), else ``"gold"`` (the
    corpus's gold/), else ``"text"`` (a new article: the text and its metadata only).
    The records replace the gold of the articles they cover, with the gold's
    cross-document links that touch them; the records' own links take their place.
    """
    from ceasefire.schema import read_records
    from ceasefire.schema.corpus import load_gold
    from ceasefire.schema.validate import PREDICTION, validate_records

    articles = load_corpus_articles(corpus)
    texts = {d: a["text"] for d, a in articles.items()}
    manifest = articles_folder(corpus) / MANIFEST
    gold_path = gold_folder(corpus)
    gold = load_gold(gold_path, schema=schema) if gold_path.is_dir() else None
    gold_docs, gold_corpus = (gold.documents, gold.corpus or {}) if gold else ({}, {})
    problems = []
    for d, doc in sorted(gold_docs.items()):
        if d not in texts:
            problems.append(Problem(Location(str(gold_path)), d, "id", "is not an article of the corpus", d, f"an article listed in {manifest}"))
        elif doc["text"] != texts[d]:
            problems.append(Problem(Location(str(gold_path)), d, "text", "differs from the corpus's article text", has_value=False,
                                    allowed=f"the text of {articles_folder(corpus) / articles[d]['seed_file']}"))
    if problems:
        raise InputError(problems)
    docs = {d: gold_docs.get(d) or {"id": d, "meta": articles[d]["meta"], "text": texts[d]} for d in sorted(articles)}
    source = {d: "gold" if d in gold_docs else "text" for d in docs}
    links = gold_corpus.get("relations") or []
    if records:
        loaded, problems = read_records([records])
        result = validate_records(loaded, incomplete=bool(problems), schema=schema, mode=PREDICTION, reference=texts, strict=True)
        if problems or result.problems:
            raise InputError(problems + result.problems)
        for d, doc in result.documents.items():
            docs[d] = {**doc, "meta": doc.get("meta") or articles[d]["meta"], "text": texts[d]}
            source[d] = "records"
        links = [r for r in links if source[r["head"]["doc"]] != "records" and source[r["tail"]["doc"]] != "records"]
        links += (result.corpus or {}).get("relations") or []
    return docs, {"record": "corpus", "id": corpus_id(corpus), "documents": sorted(docs), "relations": links}, source
