"""figures.py: one number form or rule per test, on one-sentence inputs."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extract.figure_helpers import figs, one


def test_digits_with_comma_are_people_taking_part(extract):
    f = one(extract, "More than 1,200 bus drivers walked off the job in Wellington on Friday.")
    assert (f.value, f.unit, f.qualifier, f.measure) == (
        1200,
        "people",
        "more_than",
        "workers_involved",
    )
    assert f.subject == "bus drivers" and f.text == "More than 1,200"


def test_percent_vote(extract):
    f = one(extract, "The union said 88 per cent of members voted to strike.")
    assert (f.value, f.unit, f.measure) == (88, "percent", "vote_in_favour")


def test_percent_sign_and_range(extract):
    f = one(extract, "The employer offered a pay rise of 1 to 1.5% for teachers.")
    assert (f.value, f.value_max, f.unit, f.measure) == (1, 1.5, "percent", "pay_offer")


def test_money_with_scale_and_period(extract):
    f = one(extract, "The ministry will provide about $4.5b a year for school property.")
    assert (f.value, f.unit, f.qualifier, f.period, f.measure) == (
        4.5e9,
        "nzd",
        "approximately",
        "year",
        "funding_amount",
    )


def test_money_hourly_claim(extract):
    f = one(extract, "Cleaners are seeking $25 an hour, the union said.")
    assert (f.value, f.unit, f.period, f.measure) == (25, "nzd", "hour", "pay_claim")


def test_nz_dollar_prefix(extract):
    f = one(extract, "The port company reported a profit of NZ$1.2 billion.")
    assert f.value == 1.2e9 and f.unit == "nzd"


def test_word_fraction_is_percent(extract):
    f = one(extract, "Nearly a third of nurses at the hospital will strike on Monday.")
    assert f.unit == "percent" and round(f.value, 1) == 33.3 and f.qualifier == "up_to"


def test_vague_hundreds(extract):
    f = one(extract, "A few hundred picketers gathered outside the port.")
    assert (f.value, f.qualifier) == (300, "approximately")


def test_duration_adjective(extract):
    f = one(extract, "Firefighters began a 48-hour strike in Christchurch.")
    assert (f.value, f.unit, f.measure, f.text) == (48, "hours", "strike_duration", "48-hour")


def test_pay_offer_over_two_years(extract):
    f = one(extract, "The board offered a 6 percent increase over two years to secondary teachers.")
    assert f.period == "2 years" and f.measure == "pay_offer"


def test_hours_withdrawn(extract):
    f = one(extract, "Midwives will stop work for the first two hours of every shift.")
    assert (f.value, f.unit, f.measure, f.text) == (
        2,
        "hours",
        "hours_withdrawn",
        "first two hours",
    )


def test_patients_affected(extract):
    f = one(extract, "About 4000 appointments were postponed because of the strike.")
    assert f.measure == "patients_affected" and f.value == 4000


@pytest.mark.parametrize(
    "text",
    [
        "The strike starts at 7am on Tuesday.",
        "The agreement expired on 30 June.",
        "Call 111 in an emergency.",
        "Call Healthline on 0800 611 116 for advice.",
        "It was the union's 19th meeting.",
        "The law changed in 2019.",
        "Staff worried about Covid-19 were sent home.",
    ],
)
def test_not_figures(extract, text):
    assert figs(extract, text) == ()


def test_speaker_from_said(extract):
    text = "PSA national secretary Kerry Davies said 70 percent of members backed the action."
    f = next(f for f in figs(extract, text) if f.unit == "percent")
    assert f.speaker_id == "kerry-davies"


def test_share_of_strikers_is_not_workers_involved(extract):
    text = "About half of the country's teachers will walk out on Thursday."
    f = one(extract, text)
    assert f.measure == "workers_share" and f.unit == "percent"


@pytest.mark.parametrize(
    "text",
    [
        "Members voted 93 percent in favour of the action in a ballot, after rejecting an offer of 2 percent.",
        "Of the 3,400 members who voted, 89.6% backed a two-hour national stoppage and the pay offer was rejected.",
    ],
)
def test_vote_share_beside_an_offer(extract, text):
    shares = [f for f in figs(extract, text) if f.unit == "percent"]
    assert shares[0].measure == "vote_in_favour"


def test_members_of_a_named_union_walking_off_take_part(extract):
    f = one(
        extract,
        "About 200 members of the Maritime Union of New Zealand will walk off the job on Friday.",
    )
    assert (f.value, f.measure) == (200, "workers_involved")


def test_durations_of_several_strikes_in_one_sentence_link_to_their_own(extract):
    text = (
        "About 200 port workers will walk off the job for 24 hours from 6am on Friday, "
        "and for 48 hours from 6am on Tuesday 14 May."
    )
    ex = extract(text, dt.date(2024, 5, 6))
    days = {
        f.text: ex.events[f.event_index].start_date.isoformat()
        for f in ex.figures
        if f.unit == "hours"
    }
    assert days == {"24 hours": "2024-05-10", "48 hours": "2024-05-14"}


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        (
            "One in five mental health nursing positions is vacant, Te Pou says.",
            "One in five",
            20.0,
        ),
        ("About 1 in 10 nurses left the profession last year.", "About 1 in 10", 10.0),
    ],
)
def test_ratios_are_shares(extract, text, figure, value):
    (f,) = [f for f in figs(extract, text) if f.text == figure]
    assert (f.value, f.unit) == (value, "percent")


def test_ratio_needs_a_number_after_in(extract):
    assert not [
        f for f in figs(extract, "About 300 in Auckland walked off the job.") if f.unit == "percent"
    ]


@pytest.mark.parametrize(
    ("text", "figure", "period"),
    [
        (
            '"Our members are on about $20.50 an hour after 18 months of bargaining," he said.',
            "about $20.50",
            "hour",
        ),
        (
            "She earns about $98,000 a year after more than a decade on the job.",
            "about $98,000",
            "year",
        ),
        ("The offer was a 1 per cent rise in each of two years.", "1 per cent", "year"),
    ],
)
def test_rates_and_yearly_rises(extract, text, figure, period):
    (f,) = [f for f in figs(extract, text) if f.text == figure]
    assert f.period == period


@pytest.mark.parametrize(
    "text",
    [
        "Ambulance officers will still answer every 111 call during the strike.",
        "The rally will start at 12 noon outside the hospital.",
        "Staff from two unions will strike on Tuesday.",
    ],
)
def test_emergency_number_clock_words_and_counts_of_sides_are_not_figures(extract, text):
    assert not figs(extract, text)


def test_a_count_of_union_members_is_still_a_figure(extract):
    f = one(extract, "About 180 union members, mostly stevedores, are involved in the action.")
    assert (f.value, f.measure) == (180, "workers_involved")
