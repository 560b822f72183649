"""dates.py: one expression per test, resolved against a publication date."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pipeline.extract.dates import find_temporals, resolve_text

NZ = ZoneInfo("Pacific/Auckland")
MON = dt.date(2024, 5, 6)  # a Monday


def test_weekday_forward_for_future_tense():
    r = resolve_text("Nurses will strike on Thursday.", MON, "future")
    assert r.start_date == dt.date(2024, 5, 9) and r.date_precision == "day"


def test_weekday_backward_for_past_tense():
    r = resolve_text("Bus drivers walked off the job on Friday.", MON, "past")
    assert r.start_date == dt.date(2024, 5, 3)


def test_weekday_same_day_counts():
    assert resolve_text("on Monday", MON, "past").start_date == MON


def test_today_is_publication_date():
    assert resolve_text("Teachers are striking today.", MON, "present").start_date == MON


def test_relative_weekday_without_publication_date_is_null():
    r = resolve_text("will strike on Tuesday", None, "future")
    assert r.start_date is None and r.date_precision == "unknown"


def test_full_date_resolves_without_publication_date():
    r = resolve_text("The strike is on 7 May 2024.", None, "future")
    assert r.start_date == dt.date(2024, 5, 7)


def test_partial_date_takes_year_nearest_publication_consistent_with_tense():
    assert resolve_text("on 3 January", dt.date(2024, 12, 20), "future").start_date == dt.date(
        2025, 1, 3
    )
    assert resolve_text("on 20 December", dt.date(2025, 1, 5), "past").start_date == dt.date(
        2024, 12, 20
    )


def test_month_day_order():
    assert resolve_text("on August 24", dt.date(2024, 8, 1), "future").start_date == dt.date(
        2024, 8, 24
    )


def test_weekday_with_date_picks_matching_year():
    r = resolve_text("on Saturday 24 August", dt.date(2024, 8, 20), None)
    assert r.start_date == dt.date(2024, 8, 24)


def test_day_range_gives_start_and_end():
    r = resolve_text("talks on 29 and 30 August", dt.date(2024, 8, 19), "future")
    assert (r.start_date, r.end_date) == (dt.date(2024, 8, 29), dt.date(2024, 8, 30))


def test_month_and_year_is_first_of_month():
    r = resolve_text("expired in December 2023", dt.date(2024, 8, 20), "past")
    assert r.start_date == dt.date(2023, 12, 1) and r.date_precision == "month"


def test_last_week_is_monday_of_that_week():
    r = resolve_text("an offer made last week", dt.date(2024, 8, 21), "past")
    assert r.start_date == dt.date(2024, 8, 12) and r.date_precision == "week"


def test_next_week_and_this_week():
    assert resolve_text("next week", dt.date(2024, 8, 21), "future").start_date == dt.date(
        2024, 8, 26
    )
    assert resolve_text("this week", dt.date(2024, 8, 21), None).start_date == dt.date(2024, 8, 19)


def test_next_month():
    r = resolve_text("strikes next month", dt.date(2024, 12, 10), "future")
    assert r.start_date == dt.date(2025, 1, 1) and r.date_precision == "month"


def test_interval_across_days_with_clock_times():
    r = resolve_text(
        "between 4am on Tuesday until 4am on Wednesday", dt.date(2024, 8, 19), "future"
    )
    assert r.start_ts == dt.datetime(2024, 8, 20, 4, tzinfo=NZ)
    assert r.end_ts == dt.datetime(2024, 8, 21, 4, tzinfo=NZ)
    assert r.duration_hours == 24 and r.date_precision == "time"


def test_from_to_with_full_dates():
    r = resolve_text("from 7am on 7 May to 8am on 8 May", MON, "future")
    assert r.start_ts == dt.datetime(2024, 5, 7, 7, tzinfo=NZ)
    assert r.end_ts == dt.datetime(2024, 5, 8, 8, tzinfo=NZ)
    assert r.duration_hours == 25


def test_duration_from_start_time_gives_end():
    r = resolve_text("walk off the job for 25 hours from 7am on Tuesday", MON, "future")
    assert r.end_ts == dt.datetime(2024, 5, 8, 8, tzinfo=NZ) and r.end_date == dt.date(2024, 5, 8)


def test_hyphenated_duration_with_start():
    r = resolve_text("a 24-hour strike from 9am Wednesday", MON, "future")
    assert r.start_ts == dt.datetime(2024, 5, 8, 9, tzinfo=NZ) and r.duration_hours == 24


def test_same_day_clock_range():
    r = resolve_text("from 11am to 7pm on Friday", MON, "future")
    assert r.start_ts.hour == 11 and r.end_ts.hour == 19 and r.duration_hours == 8


def test_clock_time_forms():
    r = resolve_text("starting at 11.30am on 7 May 2024", None, None)
    assert r.start_ts == dt.datetime(2024, 5, 7, 11, 30, tzinfo=NZ)
    r = resolve_text("at 7:30pm on 7 May 2024", None, None)
    assert r.start_ts.hour == 19 and r.start_ts.minute == 30


def test_midnight_and_noon():
    assert resolve_text("from midnight on 1 April 2025", None, None).start_ts.hour == 0
    assert resolve_text("at noon on 1 April 2025", None, None).start_ts.hour == 12


def test_daylight_saving_offset():
    winter = resolve_text("at 4am on 7 May 2024", None, None).start_ts
    summer = resolve_text("at 4am on 7 December 2024", None, None).start_ts
    assert winter.utcoffset() == dt.timedelta(hours=12)
    assert summer.utcoffset() == dt.timedelta(hours=13)


def test_duration_across_daylight_saving_change_is_elapsed_time():
    # NZ daylight saving ended at 3am on 7 April 2024 (clocks back one hour)
    r = resolve_text("for 24 hours from 12pm on 6 April 2024", None, None)
    assert r.end_ts.astimezone(dt.UTC) - r.start_ts.astimezone(dt.UTC) == dt.timedelta(hours=24)
    assert r.end_ts.hour == 11 and r.duration_hours == 24


def test_first_hours_of_shift_is_not_a_window():
    assert [t.kind for t in find_temporals("miss the first two hours of each shift")] == []


def test_may_as_a_verb_is_not_a_month():
    assert find_temporals("Patients may face delays.") == []


# --- generalisation round (tests/fixtures/dev2/events) ---------------------


def test_midnight_of_a_weekday_is_the_start_of_the_next_day():
    r = resolve_text(
        "Crews will stop work from midnight Tuesday until midnight Thursday.", MON, "future"
    )
    assert r.start_ts == dt.datetime(2024, 5, 8, 0, 0, tzinfo=NZ)
    assert r.end_ts == dt.datetime(2024, 5, 10, 0, 0, tzinfo=NZ) and r.duration_hours == 48


def test_over_the_weekend_is_the_coming_or_the_last_weekend():
    future = resolve_text("Guards will strike over the weekend.", MON, "future")
    assert (future.start_date, future.end_date) == (dt.date(2024, 5, 11), dt.date(2024, 5, 12))
    past = resolve_text("Guards struck over the weekend.", MON, "past")
    assert (past.start_date, past.end_date) == (dt.date(2024, 5, 4), dt.date(2024, 5, 5))


def test_live_blog_entry_time_is_not_a_temporal():
    assert [t.text for t in find_temporals("2.45pm: Lifeguards march to the pool at 3pm.")] == [
        "3pm"
    ]


def test_release_dateline_is_not_a_temporal():
    assert [
        t.text for t in find_temporals("Napier, 3 June 2024 - Kitchen staff will strike on Friday.")
    ] == ["Friday"]


def test_first_of_several_days_is_not_the_window_length():
    r = resolve_text(
        "Tutors are on strike today, the first of three days of rolling strikes.", MON, "present"
    )
    assert r.start_date == MON and r.end_date is None


def test_day_month_with_relative_year():
    r = resolve_text("a stoppage on 9 October last year", MON, "past")
    assert r.start_date == dt.date(2023, 10, 9) and r.date_precision == "day"
    assert resolve_text("in August next year", MON, "future").start_date == dt.date(2025, 8, 1)


def test_weekday_range_end_follows_its_start():
    # published Wednesday: "from Monday to Thursday" in the future is next Monday to the Thursday after it
    r = resolve_text("from Monday to Thursday", dt.date(2024, 5, 8), "future")
    assert (r.start_date, r.end_date) == (dt.date(2024, 5, 13), dt.date(2024, 5, 16))


def test_day_of_month_alone_takes_the_nearest_fitting_month():
    # MON is 6 May 2024: "the 28th" ahead is 28 May; behind, 28 April
    assert resolve_text("will go to mediation on the 28th", MON, "future").start_date == dt.date(
        2024, 5, 28
    )
    assert resolve_text("met on the 28th", MON, "past").start_date == dt.date(2024, 4, 28)
    assert resolve_text("on the 2nd", MON, "future").start_date == dt.date(2024, 6, 2)


def test_day_of_month_with_weekday_must_agree():
    # Saturday the 18th is 18 May 2024; there is no Saturday the 14th within a month of MON
    assert resolve_text("planned for Saturday the 18th", MON, "future").start_date == dt.date(
        2024, 5, 18
    )
    assert resolve_text("planned for Saturday the 14th", MON, "future").start_date is None


def test_ordinals_that_are_not_days():
    for text in (
        "the 21st century",
        "the 3rd of three strikes",
        "the 50th anniversary",
        "the 2nd year",
    ):
        assert not [t for t in find_temporals(text) if t.kind == "date"], text


def test_generic_weekdays_are_not_dates():
    for text in (
        "an allowance of $25 for each Sunday shift",
        "every Saturday",
        "Sunday penalty rates",
    ):
        assert not [t for t in find_temporals(text) if t.kind == "weekday"], text
    assert [t.text for t in find_temporals("on Sunday")] == ["Sunday"]


def test_until_the_following_weekday_is_a_week_later():
    r = resolve_text(
        "the partial strike from 7am on Monday 20 May until 7am the following Monday", MON, "future"
    )
    assert r.start_ts == dt.datetime(2024, 5, 20, 7, tzinfo=NZ)
    assert r.end_ts == dt.datetime(2024, 5, 27, 7, tzinfo=NZ)
    assert r.duration_hours == 168


def test_past_tense_date_seven_months_back_keeps_its_year():
    # published 18 October 2025: "expired on 2 March" is March 2025, not the nearer March 2026
    r = resolve_text("The agreement expired on 2 March.", dt.date(2025, 10, 18), "past")
    assert r.start_date == dt.date(2025, 3, 2)


# ---------------------------------------------------------------- lists of days


def _windows(text: str, published: dt.date | None = MON, tense: str | None = "future"):
    from pipeline.extract.dates import build_windows, finalize

    return [finalize(w) for w in build_windows(text, find_temporals(text), published, tense)]


def test_list_of_days_with_a_daily_window_is_one_window_per_day():
    ws = _windows("About 140 members will strike from 7am to 3pm on 9, 10 and 11 September.")
    assert [w.start_date for w in ws] == [dt.date(2024, 9, d) for d in (9, 10, 11)]
    assert all(w.duration_hours == 8 and w.start_ts.hour == 7 and w.end_ts.hour == 15 for w in ws)
    assert all(w.end_date == w.start_date for w in ws)


def test_days_that_are_not_consecutive_are_separate_windows():
    ws = _windows("Nurses will strike on 9 and 11 September.")
    assert [(w.start_date, w.end_date) for w in ws] == [
        (dt.date(2024, 9, 9), None),
        (dt.date(2024, 9, 11), None),
    ]


def test_short_stoppages_on_listed_days_are_separate_windows():
    ws = _windows("Two-hour stoppages will be held on the 3rd, 5th and 9th of June 2025.")
    assert [w.start_date for w in ws] == [dt.date(2025, 6, d) for d in (3, 5, 9)]
    assert {w.duration_hours for w in ws} == {2}


def test_consecutive_days_with_nothing_more_stay_one_window():
    (w,) = _windows("Talks will resume on 29 and 30 August.")
    assert (w.start_date, w.end_date) == (dt.date(2024, 8, 29), dt.date(2024, 8, 30))
    (w,) = _windows("They will strike on 9, 10 and 11 September.")
    assert (w.start_date, w.end_date) == (dt.date(2024, 9, 9), dt.date(2024, 9, 11))


def test_a_strike_as_long_as_the_listed_days_stays_one_window():
    (w,) = _windows("a 48-hour strike on 29 and 30 August")
    assert (w.start_date, w.end_date) == (dt.date(2024, 8, 29), dt.date(2024, 8, 30))


def test_between_two_days_is_a_range_not_a_list():
    (w,) = _windows("Drivers will strike at some point between 12 and 19 August.")
    assert (w.start_date, w.end_date) == (dt.date(2024, 8, 12), dt.date(2024, 8, 19))


def test_weekdays_followed_by_their_week_fall_in_that_week():
    # MON is Monday 6 May 2024: next week is 13-19 May
    ws = _windows("Drivers will stop work on Monday, Wednesday and Friday next week.")
    assert [w.start_date for w in ws] == [dt.date(2024, 5, d) for d in (13, 15, 17)]
    assert all(w.date_precision == "day" for w in ws)
    (w,) = _windows("The hearing is on Thursday of last week.", tense="past")
    assert w.start_date == dt.date(2024, 5, 2)


def test_a_wire_dateline_with_the_agency_name_dates_nothing():
    assert _windows("WELLINGTON, May 15 NZPA - Secondary teachers will walk off the job.") == []
    (w,) = _windows("Wellington, Oct 13 NZPA - Cleaners will strike on October 21.")
    assert w.start_date == dt.date(2024, 10, 21)


def test_an_end_alone_is_no_start():
    (w,) = _windows("The senior doctors' strike runs until 7am tomorrow.", tense="present")
    assert (w.start_date, w.date_precision) == (None, "unknown")


def test_until_after_a_negation_states_the_start():
    (w,) = _windows("The parties are not due to meet again until 29 and 30 August.")
    assert (w.start_date, w.end_date) == (dt.date(2024, 8, 29), dt.date(2024, 8, 30))


def test_until_dates_the_thing_itself_where_asked():
    from pipeline.extract.dates import build_windows, finalize

    text = "The agreement, which runs until June 2025, covers 2700 officers."
    (w,) = build_windows(text, find_temporals(text), MON, "present", until_ends=False)
    assert (finalize(w).start_date, finalize(w).date_precision) == (dt.date(2025, 6, 1), "month")


def test_a_month_first_list_of_days():
    ws = _windows("Meat workers will strike on March 17, 18 and 24.", dt.date(2009, 3, 11))
    assert [(w.start_date, w.end_date) for w in ws] == [
        (dt.date(2009, 3, 17), None),
        (dt.date(2009, 3, 18), None),
        (dt.date(2009, 3, 24), None),
    ]
    (w,) = _windows("Talks are set for March 3 and 4.", dt.date(2009, 2, 20))
    assert (w.start_date, w.end_date) == (dt.date(2009, 3, 3), dt.date(2009, 3, 4))


def test_a_share_after_a_date_is_no_day_of_a_list():
    ws = _windows("a rise of 3 percent on March 1 and 2 percent in July", dt.date(2009, 2, 20))
    assert ws[0].start_date == dt.date(2009, 3, 1) and ws[0].end_date is None


def test_a_clock_time_after_a_length_is_the_start_of_that_window():
    (w,) = _windows(
        "On 23 October, nurses walked out for eight hours from 9am.", dt.date(2025, 11, 8), "past"
    )
    assert (w.start_date, w.start_ts.hour, w.end_ts.hour, w.duration_hours) == (
        dt.date(2025, 10, 23),
        9,
        17,
        8,
    )


def test_again_on_another_day_repeats_the_length_and_start_time():
    ws = _windows(
        "will walk off the job for 24 hours from 7am on Friday and again next Tuesday.",
        dt.date(2021, 6, 9),
    )
    assert [(w.start_date, w.start_ts.hour, w.duration_hours) for w in ws] == [
        (dt.date(2021, 6, 11), 7, 24),
        (dt.date(2021, 6, 15), 7, 24),
    ]
