"""Without front matter or manifest, dates come only from the text (never the build's date)."""

import datetime as dt
import json
import shutil

import pytest

from pipeline.build import build_tables
from pipeline.settings import DEFAULT_SPACY_MODEL
from tests.codebook import GOLD, SHARED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def undated(tmp_path_factory):
    raw = tmp_path_factory.mktemp("undated")
    for path in (SHARED / "seeds").glob("*.txt"):
        shutil.copy(path, raw / path.name)
    return build_tables(raw, DEFAULT_SPACY_MODEL)


def test_only_the_text_that_fixes_its_date_gets_one(undated):
    gold = {a["source_path"]: a for a in json.loads(GOLD.read_text())["articles"]}
    for row in undated["articles"].iter_rows(named=True):
        expected = gold[row["source_path"]]
        if expected["inferable_from_text"]:
            assert row["published_date"] == dt.date.fromisoformat(expected["published_date"])
            assert row["published_date_source"] == "inferred"
        else:
            assert row["published_date"] is None
            assert row["published_date_source"] == "unknown"


def test_no_relative_date_is_invented_for_undated_articles(undated):
    articles = undated["articles"]
    undated_ids = set(articles.filter(articles["published_date"].is_null())["article_id"].to_list())
    sources = undated["event_sources"]
    events = {r["event_id"]: r for r in undated["events"].iter_rows(named=True)}
    for src in sources.iter_rows(named=True):
        event = events[src["event_id"]]
        if (
            src["article_id"] in undated_ids
            and event["n_sources"] == 1
            and event["start_date"] is not None
        ):
            # Only a date written in full in the text itself may resolve.
            text = (event["date_text"] or "").lower()
            assert (
                str(event["start_date"].year) in text
                or event["start_date"].strftime("%B").lower() in text
            ), event
