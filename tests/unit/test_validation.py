"""The generated GX suites catch what the codebook forbids."""

import datetime as dt

import polars as pl
import pytest

from pipeline import schemas
from pipeline.validation import validate_table

BODY = "Nurses at Hutt Hospital will strike on Monday, the union said."


def _articles() -> pl.DataFrame:
    return schemas.frame_from_rows(
        [
            {
                "article_id": "a_0123456789ab",
                "source_path": "x.txt",
                "url": None,
                "publisher": None,
                "title": None,
                "published_date": dt.date(2024, 3, 1),
                "published_date_source": "metadata",
                "n_chars": len(BODY),
                "n_words": len(BODY.split()),
                "body_sha256": "0" * 64,
            }
        ],
        schemas.ARTICLES,
    )


def _events(**overrides) -> pl.DataFrame:
    row = {
        "event_id": "e_0123456789ab",
        "event_type": "strike",
        "status": "planned",
        "start_date": dt.date(2024, 3, 4),
        "end_date": None,
        "start_ts": None,
        "end_ts": None,
        "date_precision": "day",
        "date_text": "on Monday",
        "duration_hours": None,
        "workers_involved": None,
        "occupation": "nurses",
        "sector": "health",
        "locations": [],
        "scope": "local",
        "first_ever": None,
        "summary": BODY,
        "n_sources": 1,
    }
    row.update(overrides)
    return schemas.frame_from_rows([row], schemas.EVENTS)


def _sources(text=BODY, start=0) -> pl.DataFrame:
    return schemas.frame_from_rows(
        [
            {
                "event_id": "e_0123456789ab",
                "article_id": "a_0123456789ab",
                "char_start": start,
                "char_end": start + len(text),
                "text": text,
            }
        ],
        schemas.EVENT_SOURCES,
    )


BODIES = {"a_0123456789ab": BODY}


def _failed(report) -> set[tuple[str, str | None]]:
    return {(f.expectation, f.column) for f in report.failures}


def test_valid_tables_pass():
    assert validate_table("articles", _articles()).success
    assert validate_table("events", _events()).success
    report = validate_table(
        "event_sources", _sources(), {"events": _events(), "articles": _articles()}, BODIES
    )
    assert report.success, report.describe()


def test_duplicate_event_id_fails_with_sample():
    events = pl.concat([_events(), _events(event_type="rally")])
    report = validate_table("events", events)
    assert not report.success
    (failure,) = [
        f for f in report.failures if f.expectation == "expect_column_values_to_be_unique"
    ]
    assert failure.column == "event_id"
    assert "e_0123456789ab" in failure.sample


def test_value_outside_vocabulary_fails():
    report = validate_table("events", _events(status="probably"))
    assert ("expect_column_values_to_be_in_set", "status") in _failed(report)


def test_end_before_start_fails():
    report = validate_table("events", _events(end_date=dt.date(2024, 3, 1)))
    assert ("expect_column_values_to_be_in_set", "_check_dates_ordered") in _failed(report)


def test_span_that_does_not_match_body_fails():
    report = validate_table(
        "event_sources",
        _sources(text="Nurses at Hutt", start=1),
        {"events": _events(), "articles": _articles()},
        BODIES,
    )
    assert ("expect_column_values_to_be_in_set", "_check_span_matches_body") in _failed(report)


def test_dangling_foreign_key_fails():
    report = validate_table(
        "event_sources",
        _sources(),
        {"events": _events(event_id="e_ffffffffffff"), "articles": _articles()},
        BODIES,
    )
    assert ("expect_column_values_to_be_in_set", "_check_event_id_exists") in _failed(report)


def test_wrong_dtype_fails_the_schema_check_before_gx():
    report = validate_table("events", _events().with_columns(pl.col("n_sources").cast(pl.Int64)))
    assert not report.success
    assert "n_sources" in report.failures[0].sample[0]


@pytest.mark.parametrize("bad_id", ["e_123", "E_0123456789AB", "x_0123456789ab"])
def test_malformed_event_id_fails(bad_id):
    report = validate_table("events", _events(event_id=bad_id))
    assert ("expect_column_values_to_match_regex", "event_id") in _failed(report)


def test_empty_articles_table_fails():
    report = validate_table("articles", schemas.empty_frame(schemas.ARTICLES))
    assert ("expect_table_row_count_to_be_between", None) in _failed(report)
