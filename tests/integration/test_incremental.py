"""Incremental extraction: only new articles are processed; a new extractor version redoes all."""

import shutil

import pytest

from pipeline import cache
from pipeline.build import build_tables
from pipeline.schemas import TABLES
from pipeline.settings import DEFAULT_SPACY_MODEL
from tests.codebook import REPO, SHARED

pytestmark = pytest.mark.slow

NEW_ARTICLE = REPO / "tests" / "fixtures" / "eval" / "raw" / "014_herald_rda_48_hour_strike.txt"


def _build(raw, cache_dir=None):
    lines = []
    tables = build_tables(raw, DEFAULT_SPACY_MODEL, cache_dir=cache_dir, log=lines.append)
    return {n: tables[n] for n in TABLES}, lines


def test_cache_gives_the_same_tables_and_skips_known_articles(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(SHARED / "seeds", raw)
    cache_dir = tmp_path / "cache"
    plain, _ = _build(raw)
    first, log1 = _build(raw, cache_dir)
    assert any("0 articles cached, 3 to extract" in line for line in log1)
    for name in TABLES:
        assert first[name].equals(plain[name]), name

    again, log2 = _build(raw, cache_dir)
    assert any("3 articles cached, 0 to extract" in line for line in log2)
    for name in TABLES:
        assert again[name].equals(plain[name]), name

    shutil.copy(NEW_ARTICLE, raw / "zz_new.txt")
    with (raw / "manifest.csv").open("a") as fh:
        fh.write("zz_new.txt,,2023-07-19,,\n")
    grown, log3 = _build(raw, cache_dir)
    assert any("3 articles cached, 1 to extract" in line for line in log3)
    fresh, _ = _build(raw)
    for name in TABLES:
        assert grown[name].equals(fresh[name]), name

    monkeypatch.setattr(cache, "extractor_version", lambda model: "another-version")
    monkeypatch.setattr("pipeline.build.extractor_version", lambda model: "another-version")
    _, log4 = _build(raw, cache_dir)
    assert any("0 articles cached, 4 to extract" in line for line in log4)


def test_extractor_version_changes_with_the_extractor(tmp_path, monkeypatch):
    before = cache.extractor_version(DEFAULT_SPACY_MODEL)
    assert before == cache.extractor_version(DEFAULT_SPACY_MODEL)
    fake = tmp_path / "pipeline"
    shutil.copytree(cache.PACKAGE, fake, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", fake)
    assert cache.extractor_version(DEFAULT_SPACY_MODEL) == before
    with (fake / "data" / "event_triggers.yaml").open("a") as fh:
        fh.write("\n# a change to the curated data\n")
    assert cache.extractor_version(DEFAULT_SPACY_MODEL) != before
