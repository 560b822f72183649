"""Inferring publication dates from the text alone."""

import datetime as dt

import pytest

from pipeline.published_dates import (
    Mention,
    consistent,
    infer_published_date,
    nearest_year,
    stated_years,
)


def test_stated_years_need_a_month_or_preposition():
    text = "The agreement expired in December 2023. Around 2000 procedures were postponed; talks began in 2022."
    assert stated_years(text) == [2022, 2023]


def test_nearest_year_for_a_weekday_date_pair():
    # 24 August falls on a Saturday in 2019, 2024 and 2030; 2024 is nearest to 2023.
    assert nearest_year(8, 24, 5, [2023]) == 2024
    assert nearest_year(8, 24, 5, []) is None


def test_future_weekday_cannot_be_the_day_of_publication():
    wed = Mention(weekday=2, tense="future", sentence=0)
    assert not consistent([wed], dt.date(2024, 8, 21))  # a Wednesday
    assert consistent([wed], dt.date(2024, 8, 20))


def test_weekdays_in_one_sentence_lie_within_a_week():
    tue_past = Mention(weekday=1, tense="past", sentence=0)
    tue = Mention(weekday=1, tense=None, sentence=1)
    wed_future = Mention(weekday=2, tense="future", sentence=1)
    # Published Thursday 22 August 2024: the past Tuesday is the 20th, the future Wednesday the 28th.
    assert not consistent([tue_past, tue, wed_future], dt.date(2024, 8, 22))
    assert consistent([tue_past, tue, wed_future], dt.date(2024, 8, 20))


@pytest.fixture(scope="module")
def nlp():
    from pipeline.extract.nlp import build_nlp

    return build_nlp()


def test_pair_and_tenses_fix_the_day(nlp):
    text = (
        "Hospital cleaners struck on Tuesday, and their strike will end at 6am on Wednesday "
        "before resuming on Saturday 24 August.\nTheir agreement expired in March 2023."
    )
    # 24 August 2024 is a Saturday; the strike began on the Tuesday of that week
    # and will end on the (future) Wednesday, so the article was written on the Tuesday.
    assert infer_published_date(nlp(text)).published_date == dt.date(2024, 8, 20)


def test_the_week_without_the_day_gives_no_date(nlp):
    text = (
        "Bus drivers walked off the job on Monday for the first time since 2019.\n"
        "A second strike is set to begin on Friday 14 March."
    )
    result = infer_published_date(nlp(text))
    assert result.published_date is None
    assert "not fixed" in result.reason


def test_no_pair_means_no_inference(nlp):
    assert (
        infer_published_date(
            nlp("Nurses will strike on Tuesday, the union said in 2023.")
        ).published_date
        is None
    )


def test_pair_without_other_years_means_no_inference(nlp):
    assert (
        infer_published_date(nlp("Nurses will strike on Tuesday 30 July.")).published_date is None
    )


def test_dateline_of_a_media_release(nlp):
    text = (
        "MEDIA RELEASE\n3 February 2022\n\nCleaners at Wellington Hospital will strike on Monday."
    )
    result = infer_published_date(nlp(text))
    assert (result.published_date, result.reason) == (dt.date(2022, 2, 3), "dateline")


def test_a_date_inside_a_sentence_is_not_a_dateline(nlp):
    text = "Cleaners said on 3 February 2022 they would strike.\nThe union agreed."
    assert infer_published_date(nlp(text)).published_date is None


def test_tomorrow_beside_a_weekday_date_pair(nlp):
    text = "The stoppage planned for tomorrow, Friday 14 March, is off. The agreement expired in December 2024."
    # 14 March is a Friday in 2025, nearest to the 2024 named; tomorrow means published the day before.
    assert infer_published_date(nlp(text)).published_date == dt.date(2025, 3, 13)


def test_news_site_timestamps_are_datelines(nlp):
    for line, day in (
        ("5:34 pm on 14 July 2023", dt.date(2023, 7, 14)),
        ("Published: 3 February 2022, 9.05am NZT", dt.date(2022, 2, 3)),
    ):
        text = f"Nurses to strike\n\n{line}\n\nNurses will strike on Thursday."
        assert infer_published_date(nlp(text)).published_date == day, line


def test_an_update_time_is_no_publication_date(nlp):
    text = "Nurses to strike\n\nUpdated 5:34 pm on 14 July 2023\n\nNurses will strike on Thursday."
    assert infer_published_date(nlp(text)).published_date is None
