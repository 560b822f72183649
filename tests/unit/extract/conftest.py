"""Shared fixtures for extraction tests: one spaCy pipeline per session,
with the curated reference data from pipeline/data."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="session")
def nlp():
    from pipeline.extract.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, published=None) -> ArticleExtraction."""
    from pipeline.extract import extract_article
    from pipeline.extract.records import ArticleInput

    def run(text: str, published: dt.date | None = None):
        return extract_article(nlp(text), ArticleInput("a_test", text, published))

    return run
