"""Shared fixtures for extraction tests: one spaCy pipeline per session.

The curated organisations/places are read from pipeline/data; if a checkout
lacks them, the small copies in fixtures/ stand in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.extract import refdata

FIXTURES = Path(__file__).resolve().parent / "fixtures"
if not refdata.ORGANISATIONS_FILE.exists():
    refdata.ORGANISATIONS_FILE = FIXTURES / "organisations.yaml"
if not refdata.PLACES_FILE.exists():
    refdata.PLACES_FILE = FIXTURES / "places.yaml"


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
