"""The articles in data/ are the seeds byte for byte, with honest metadata."""

import hashlib
import json

from ceasefire.data import articles_dir, load_articles

SEED_SUMS = {
    # copied from shared/seeds/SHA256SUMS when the seeds were imported
    "000_8ce9f93fccec955a.txt": "59c84f533d4b255dbf479cac0b9f50850b027baa47107d8f73bf6be05bbc4c93",
    "004_2b10ae636b3461d6.txt": "bee3899aad66b13cf19d0508c99358f41c0ea4e40eb7cf2b0529033af909d6e3",
}


def test_article_bytes_match_seed_sums():
    folder = articles_dir()
    for name, digest in SEED_SUMS.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    listed = dict(line.split()[::-1] for line in (folder / "SHA256SUMS").read_text().splitlines())
    assert listed == SEED_SUMS


def test_loaded_text_is_the_undecoded_seed():
    arts = load_articles()
    assert set(arts) == {n[:-4] for n in SEED_SUMS}
    for doc_id, art in arts.items():
        raw = (articles_dir() / f"{doc_id}.txt").read_bytes()
        assert art["text"].encode("utf-8") == raw
    assert arts["004_2b10ae636b3461d6"]["text"].startswith("\n\n\nPresident Donald Trump")


def test_metadata_title_is_the_headline_where_there_is_one():
    arts = load_articles()
    t000 = arts["000_8ce9f93fccec955a"]
    assert t000["meta"]["title"] == t000["text"].split("\n", 1)[0]
    assert arts["004_2b10ae636b3461d6"]["meta"]["title"] is None
    for art in arts.values():
        # unknown provenance is recorded as unknown, never guessed
        assert art["meta"]["publisher"] is None and art["meta"]["url"] is None and art["meta"]["published"] is None


def test_tampered_article_is_refused(tmp_path, monkeypatch):
    import ceasefire.data as data

    for f in articles_dir().iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "000_8ce9f93fccec955a.txt").write_bytes((articles_dir() / "000_8ce9f93fccec955a.txt").read_bytes().replace(b"Putin", b"Putln", 1))
    monkeypatch.setattr(data, "articles_dir", lambda: tmp_path)
    import pytest

    with pytest.raises(RuntimeError, match="sha256"):
        data.load_articles()
    assert json.loads((tmp_path / "articles.json").read_text())[0]["id"] == "000_8ce9f93fccec955a"
