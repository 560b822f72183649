"""Page furniture copied along with real articles (bylines, "Read more:" link
lists, photo credits, sharing and copyright lines) yields no events, parties
or figures; the story itself still does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.extract.context import boilerplate_ranges

ARTICLE = Path(__file__).resolve().parents[2] / "fixtures/noisy/rnz_style_page_furniture.txt"


def test_furniture_ranges():
    text = ARTICLE.read_text(encoding="utf-8").strip()
    found = [text[a:b] for a, b in boilerplate_ranges(text)]
    assert any(f.startswith("Read more:\nNurses reject pay offer") for f in found)
    assert "Copyright © 2023, Radio New Zealand" in found
    assert "Jane Smith, Health Reporter" in found
    assert "Photo: RNZ / Samuel Rillstone" in found
    # the story's own sentences are not furniture
    assert not any("36,000 nurses" in f for f in found)


def test_furniture_yields_nothing_but_the_story_does(extract):
    text = ARTICLE.read_text(encoding="utf-8").strip()
    ex = extract(text, dt.date(2023, 7, 14))
    types = [e.event_type for e in ex.events]
    assert "strike_vote" not in types  # only a related-story headline mentions a vote
    (strike,) = [e for e in ex.events if e.event_type == "strike"]
    assert strike.start_date == dt.date(2023, 7, 20) and strike.workers_involved == 36000
    ids = {p.party_id for p in ex.parties}
    assert {"nz-nurses-organisation", "health-nz", "paul-goulter"} <= ids
    assert not ids & {"rnz", "jane-smith", "nz-government"}  # reporter, outlet, related headline
    assert not [f for f in ex.figures if "0800" in f.text or f.text == "111"]


def test_a_line_split_at_its_colon_stays_one_sentence(nlp):
    from pipeline.extract.context import sentences

    text = "Where and when:\n\n• Friday, May 17: Otago and Southland\n• Monday, May 20:  Wellington"
    got = [s.text for s in sentences(nlp(text))]
    assert "Friday, May 17: Otago and Southland" in got
    assert "Monday, May 20:  Wellington" in got


def test_wire_dateline_and_sign_off_are_furniture():
    from pipeline.extract.context import boilerplate_ranges

    text = "Wellington, Oct 13 NZPA - Orderlies will strike on Tuesday.\n\nMore text here.\n\nNZPA WGT ks ss"
    got = [text[a:b] for a, b in boilerplate_ranges(text)]
    assert "Wellington, Oct 13 NZPA - " in got and "NZPA WGT ks ss" in got


def test_wire_agency_and_street_names_are_no_parties(extract):
    text = (
        "Wellington, Oct 13 NZPA - Orderlies at Wellington Hospital will strike next week, the "
        "Service and Food Workers Union said.\n\nMembers will gather outside the board's Riddiford St "
        "offices and on Kilmore Street.\n\nNZPA WGT ks ss"
    )
    ids = {p.party_id for p in extract(text, dt.date(2003, 10, 13)).parties}
    assert "service-and-food-workers-union" in ids
    assert not {i for i in ids if "nzpa" in i or i.endswith(("-st", "-street"))}, ids
