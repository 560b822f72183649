"""Extraction in worker processes gives exactly what one process gives, in input order,
and what a worker logs reaches the main process's log."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from polars.testing import assert_frame_equal

from pipeline import build
from pipeline.ingest import read_raw_folder
from pipeline.settings import DEFAULT_SPACY_MODEL
from tests.codebook import SHARED

EVAL_RAW = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "raw"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Five dated articles, then the seeds without their manifest: undated, so
    publication dates are inferred (in the workers too)."""
    undated = tmp_path_factory.mktemp("undated")
    for path in (SHARED / "seeds").glob("*.txt"):
        shutil.copy(path, undated / path.name)
    dated = build.article_inputs(build.article_texts_frame(read_raw_folder(EVAL_RAW)))[:5]
    return dated + build.article_inputs(build.article_texts_frame(read_raw_folder(undated)))


@pytest.fixture
def small_batches(monkeypatch):
    """Worker processes for a handful of articles, in batches of two."""
    monkeypatch.setattr(build, "ARTICLES_PER_PROCESS", 1)
    monkeypatch.setattr(build, "BATCH_SIZE", 2)


def test_workers_give_the_single_process_frames(inputs, small_batches):
    one = build._extract_new(inputs, DEFAULT_SPACY_MODEL, None, n_process=1)
    two = build._extract_new(inputs, DEFAULT_SPACY_MODEL, None, n_process=2)
    assert set(one) == set(two)
    assert one["event_mentions"].height > 0 and one["inferred_dates"].height > 0
    for name in one:
        assert_frame_equal(one[name], two[name], check_exact=True)


def test_progress_counts_every_article(inputs, small_batches):
    lines: list[str] = []
    build._extract_new(inputs, DEFAULT_SPACY_MODEL, lines.append, n_process=2)
    assert lines[-1].startswith(f"extraction: {len(inputs)}/{len(inputs)} articles")


def test_what_a_worker_logs_is_logged_here(inputs, small_batches, monkeypatch, caplog):
    def fail(doc):
        raise RuntimeError("no date here")

    monkeypatch.setattr(build, "infer_published_date", fail)  # inherited by forked workers
    with caplog.at_level(logging.ERROR, logger="pipeline.build"):
        frames = build._extract_new(inputs, DEFAULT_SPACY_MODEL, None, n_process=2)
    assert frames["inferred_dates"].height == 0
    failed = [r for r in caplog.records if "publication date inference failed" in r.getMessage()]
    assert len(failed) == len(inputs) - 5
    assert "RuntimeError: no date here" in failed[0].getMessage()
