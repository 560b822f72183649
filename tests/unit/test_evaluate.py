"""evaluate.py: how predicted events are matched to gold events."""

from __future__ import annotations

import datetime as dt

import polars as pl

from pipeline.evaluate import evaluate_tables

SENTENCE = (0, 120)  # one sentence stating two strikes


def _tables(events: list[dict]) -> dict[str, pl.DataFrame]:
    return {
        "articles": pl.DataFrame({"source_path": ["a.txt"], "article_id": ["a_1"]}),
        "events": pl.DataFrame(
            [
                {
                    "event_id": e["event_id"],
                    "event_type": "strike",
                    "start_date": e["start_date"],
                    "summary": "s",
                }
                for e in events
            ]
        ),
        "event_sources": pl.DataFrame(
            [
                {
                    "event_id": e["event_id"],
                    "article_id": "a_1",
                    "char_start": SENTENCE[0],
                    "char_end": SENTENCE[1],
                }
                for e in events
            ]
        ),
        "event_parties": pl.DataFrame(
            schema={"event_id": pl.String, "role": pl.String, "party_id": pl.String}
        ),
        "parties": pl.DataFrame(
            schema={"party_id": pl.String, "name": pl.String, "party_type": pl.String}
        ),
        "figures": pl.DataFrame(
            schema={
                "figure_id": pl.String,
                "article_id": pl.String,
                "char_start": pl.Int32,
                "char_end": pl.Int32,
                "event_id": pl.String,
                "text": pl.String,
                "measure": pl.String,
            }
        ),
    }


def _gold(dates: list[str]) -> dict:
    src = {"article": "a.txt", "char_start": SENTENCE[0], "char_end": SENTENCE[1], "text": "s"}
    return {
        "events": [
            {"key": d, "event_type": "strike", "start_date": d, "sources": [src]} for d in dates
        ]
    }


def test_events_sharing_a_sentence_are_matched_by_their_dates():
    # the predicted ids sort in the opposite order to the dates, so a match on
    # the sentence alone would pair each gold event with the other strike
    tables = _tables(
        [
            {"event_id": "e_a", "start_date": dt.date(2026, 2, 3)},
            {"event_id": "e_b", "start_date": dt.date(2026, 1, 27)},
        ]
    )
    ev = evaluate_tables(tables, _gold(["2026-01-27", "2026-02-03"]))
    assert (ev.scores["events"].tp, ev.scores["events"].fp) == (2, 0)
    assert ev.fields["events"]["start_date"].right == 2


def test_an_event_with_no_overlapping_source_is_not_matched_by_date_alone():
    tables = _tables([{"event_id": "e_a", "start_date": dt.date(2026, 1, 27)}])
    gold = _gold(["2026-01-27"])
    gold["events"][0]["sources"][0] = {
        **gold["events"][0]["sources"][0],
        "char_start": 200,
        "char_end": 260,
    }
    ev = evaluate_tables(tables, gold)
    assert (ev.scores["events"].tp, ev.scores["events"].fn) == (0, 1)


def test_events_sharing_a_sentence_and_a_day_are_matched_by_their_unions():
    tables = _tables(
        [
            {"event_id": "e_a", "start_date": dt.date(2025, 10, 23)},
            {"event_id": "e_b", "start_date": dt.date(2025, 10, 23)},
        ]
    )
    tables["event_parties"] = pl.DataFrame(
        {"event_id": ["e_a", "e_b"], "role": ["union", "union"], "party_id": ["ppta", "nzei"]}
    )
    gold = _gold(["2025-10-23", "2025-10-23"])
    gold["events"][0]["unions"], gold["events"][1]["unions"] = ["nzei"], ["ppta"]
    gold["events"][0]["key"], gold["events"][1]["key"] = "nzei-strike", "ppta-strike"
    ev = evaluate_tables(tables, gold)
    assert ev.scores["events"].tp == 2
    assert ev.fields["events"]["unions"].right == 2
