"""Merging mentions across articles and making stable ids."""

import datetime as dt

import polars as pl

from pipeline import schemas
from pipeline.extract.records import (
    ArticleExtraction,
    EventMention,
    EventParty,
    FigureMention,
    PartyMention,
)
from pipeline.resolve import (
    event_id_for,
    mention_frames,
    resolve_events,
    resolve_figures,
    resolve_parties,
)

D = dt.date(2025, 3, 4)


def _articles(*pairs) -> pl.DataFrame:
    return pl.DataFrame(
        [{"article_id": a, "published_date": d} for a, d in pairs],
        schema={"article_id": pl.String, "published_date": pl.Date},
    )


def _event(
    text,
    start=0,
    *,
    status="planned",
    date=D,
    unions=(),
    employers=(),
    workers=None,
    etype="strike",
):
    parties = tuple(EventParty(u, "union") for u in unions) + tuple(
        EventParty(e, "employer") for e in employers
    )
    return EventMention(
        event_type=etype,
        status=status,
        char_start=start,
        char_end=start + len(text),
        text=text,
        start_date=date,
        date_precision="day" if date else "unknown",
        workers_involved=workers,
        summary=text,
        parties=parties,
    )


def _resolve(extractions, articles, known=("nzno", "psa", "health-nz")):
    frames = mention_frames(extractions)
    return resolve_events(frames["event_mentions"], articles, known)


def test_same_strike_in_two_articles_is_one_event_with_two_sources():
    a = ArticleExtraction(
        "a_000000000001",
        events=(
            _event("Nurses will strike on Tuesday.", unions=("nzno",), employers=("health-nz",)),
        ),
    )
    b = ArticleExtraction(
        "a_000000000002",
        events=(_event("Nurses walked out.", status="occurred", unions=("nzno",), workers=3000),),
    )
    out = _resolve(
        [a, b], _articles(("a_000000000001", dt.date(2025, 3, 1)), ("a_000000000002", D))
    )
    events = out["events"]
    assert events.height == 1
    row = events.row(0, named=True)
    assert row["n_sources"] == 2
    assert row["status"] == "occurred"  # the newest source decides
    assert row["workers_involved"] == 3000
    assert out["event_sources"].height == 2
    assert row["event_id"] == event_id_for("strike", D, ["health-nz"], ["nzno"])


def test_strikes_by_different_unions_on_one_day_stay_apart():
    a = ArticleExtraction("a_000000000001", events=(_event("Nurses strike.", unions=("nzno",)),))
    b = ArticleExtraction(
        "a_000000000002", events=(_event("PSA members strike.", unions=("psa",)),)
    )
    out = _resolve([a, b], _articles(("a_000000000001", D), ("a_000000000002", D)))
    assert out["events"].height == 2


def test_undated_mentions_are_not_merged():
    a = ArticleExtraction(
        "a_000000000001", events=(_event("A vote was held.", date=None, etype="strike_vote"),)
    )
    b = ArticleExtraction(
        "a_000000000002", events=(_event("A vote was held.", date=None, etype="strike_vote"),)
    )
    out = _resolve([a, b], _articles(("a_000000000001", None), ("a_000000000002", None)))
    assert out["events"].height == 2


def test_event_ids_do_not_depend_on_input_order():
    a = ArticleExtraction(
        "a_000000000001",
        events=(
            _event("Nurses strike.", unions=("nzno",)),
            _event("Vote.", 20, date=None, etype="strike_vote"),
        ),
    )
    b = ArticleExtraction("a_000000000002", events=(_event("PSA strike.", unions=("psa",)),))
    arts = _articles(("a_000000000001", D), ("a_000000000002", D))
    first = _resolve([a, b], arts)
    second = _resolve([b, a], arts)
    for name in ("events", "event_sources", "event_parties"):
        assert first[name].equals(second[name])


def test_parties_merge_aliases_and_count_articles():
    mentions = [
        ArticleExtraction(
            "a_000000000001",
            parties=(
                PartyMention(
                    "health-nz", "Health New Zealand", "government_agency", 0, 12, "Te Whatu Ora"
                ),
            ),
        ),
        ArticleExtraction(
            "a_000000000002",
            parties=(
                PartyMention(
                    "health-nz", "Health New Zealand", "government_agency", 5, 14, "Health NZ"
                ),
                PartyMention(
                    "jane-doe",
                    "Jane Doe",
                    "person",
                    20,
                    28,
                    "Jane Doe",
                    affiliation_id="health-nz",
                    title="chief executive",
                ),
                PartyMention("jane-doe", "Jane Doe", "person", 40, 43, "Doe"),
            ),
        ),
    ]
    parties, party_mentions = resolve_parties(mention_frames(mentions)["party_mention_records"])
    rows = {r["party_id"]: r for r in parties.iter_rows(named=True)}
    assert rows["health-nz"]["aliases"] == ["Health NZ", "Te Whatu Ora"]
    assert rows["health-nz"]["n_articles"] == 2
    assert rows["jane-doe"]["affiliation_id"] == "health-nz"
    assert rows["jane-doe"]["title"] == "chief executive"
    assert party_mentions.height == 4
    assert parties.schema == schemas.PARTIES.polars_schema


def test_figures_link_to_merged_events_and_drop_unknown_speakers():
    ex = ArticleExtraction(
        "a_000000000001",
        events=(_event("About 300 nurses will strike.", unions=("nzno",)),),
        figures=(
            FigureMention(
                0,
                9,
                "About 300",
                300,
                "people",
                "approximately",
                "workers_involved",
                "nurses",
                "About 300 nurses will strike.",
                speaker_id="nobody-known",
                event_index=0,
            ),
        ),
    )
    frames = mention_frames([ex])
    out = resolve_events(frames["event_mentions"], _articles(("a_000000000001", D)), ["nzno"])
    figures = resolve_figures(frames["figure_mentions"], out["event_map"], ["nzno"])
    row = figures.row(0, named=True)
    assert row["event_id"] == out["events"]["event_id"][0]
    assert row["speaker_id"] is None
    assert row["figure_id"].startswith("f_") and len(row["figure_id"]) == 14
    assert figures.schema == schemas.FIGURES.polars_schema


def test_two_events_one_article_tells_apart_stay_apart_with_distinct_ids():
    # orderlies and cleaners, both PSA members, strike separately on one day
    a = ArticleExtraction(
        "a_000000000001",
        events=(
            _event("Orderlies will strike on Tuesday.", 0, unions=("psa",)),
            _event("Cleaners hold a separate strike.", 40, unions=("psa",)),
        ),
    )
    b = ArticleExtraction(
        "a_000000000002", events=(_event("PSA members strike on Tuesday.", unions=("psa",)),)
    )
    out = _resolve([a, b], _articles(("a_000000000001", D), ("a_000000000002", D)))
    events = out["events"]
    assert events.height == 2
    assert events["event_id"].n_unique() == 2
    assert sorted(events["n_sources"].to_list()) == [1, 2]
