"""figures.py rules: one rule per test, each on a new sentence from another
sector or wording than the evaluation articles."""

from __future__ import annotations

import pytest

from pipeline.extract.figures import link_event
from pipeline.extract.records import EventMention, FigureMention
from tests.unit.extract.figure_helpers import figs, one


def by_text(extract, text, span):
    fs = [f for f in figs(extract, text) if f.text == span]
    assert fs, [(f.text, f.measure) for f in figs(extract, text)]
    return fs[0]


# ---- values and spans


def test_and_a_half_percent(extract):
    f = one(
        extract,
        "Two and a half percent is what the council has put on the table for its librarians.",
    )
    assert (f.text, f.value, f.unit) == ("Two and a half percent", 2.5, "percent")


def test_hyphenated_and_a_half(extract):
    f = one(extract, "Port workers were offered a one-and-a-half percent rise.")
    assert (f.value, f.unit, f.measure) == (1.5, "percent", "pay_offer")


def test_as_much_as_is_up_to(extract):
    f = one(extract, "The new roster would cut weekly earnings for some drivers by as much as $90.")
    assert (f.text, f.qualifier, f.measure) == ("as much as $90", "up_to", "pay_cut")


def test_fifth_and_two_thirds(extract):
    f = one(extract, "About a fifth of the bakery's staff joined the walkout.")
    assert (f.value, f.unit, f.qualifier) == (20, "percent", "approximately")
    f = one(extract, "Two-thirds of the council's planners are union members.")
    assert round(f.value, 2) == 66.67


def test_third_before_a_noun_is_an_ordinal(extract):
    assert figs(extract, "Cleaners announced a third strike at the mall.") == ()


def test_twelve_hundred(extract):
    f = one(extract, "Twelve hundred warehouse staff will walk off the job on Friday.")
    assert (f.value, f.unit, f.measure) == (1200, "people", "workers_involved")


def test_nz_dollar_millions(extract):
    f = one(extract, "The council approved NZ$12m for the new depot.")
    assert (f.value, f.unit, f.measure) == (12e6, "nzd", "funding_amount")


def test_cents_are_dollars(extract):
    f = one(extract, "The union is asking for 40c an hour more for night-shift bakers.")
    assert (f.value, f.unit, f.period, f.measure) == (0.4, "nzd", "hour", "pay_claim")


def test_hourly_offer(extract):
    f = one(extract, "The operator offered security guards an extra $3.50 an hour.")
    assert (f.value, f.period, f.measure) == (3.5, "hour", "pay_offer")


@pytest.mark.parametrize(
    "text,value,qualifier",
    [
        ("Dozens of forestry workers rallied in Gisborne.", 24, "at_least"),
        ("Hundreds of bus drivers rallied in Hamilton.", 200, "at_least"),
        ("Thousands of retail workers marched in Auckland.", 2000, "at_least"),
        ("Tens of thousands of public servants marched on Parliament.", 20000, "at_least"),
    ],
)
def test_vague_plurals_are_at_least(extract, text, value, qualifier):
    f = figs(extract, text)[0]
    assert (f.value, f.qualifier, f.unit) == (value, qualifier, "people")


def test_word_range_with_or(extract):
    f = one(extract, "Talks could take two or three years, the mediator warned.")
    assert (f.value, f.value_max, f.unit) == (2, 3, "years")


def test_digit_range(extract):
    f = one(extract, "Between 150-220 elective surgeries were postponed during the strike.")
    assert (f.value, f.value_max, f.measure) == (150, 220, "patients_affected")


def test_bare_count_takes_its_noun(extract):
    f = one(extract, "The new wing will have 64 beds.")
    assert (f.text, f.unit) == ("64 beds", "count")


def test_an_hour_after_for(extract):
    f = one(extract, "Librarians will walk off the job for an hour on Monday.")
    assert (f.text, f.value, f.unit, f.measure) == ("an hour", 1, "hours", "strike_duration")


def test_more_than_a_year_of_talks(extract):
    f = one(extract, "Negotiations with the airport have dragged on for more than a year.")
    assert (f.text, f.value, f.unit, f.qualifier, f.measure) == (
        "more than a year",
        1,
        "years",
        "more_than",
        "negotiation_duration",
    )


def test_year_long_dispute(extract):
    f = one(extract, "Bakers have settled a year-long dispute with the plant.")
    assert (f.value, f.unit, f.measure) == (1, "years", "negotiation_duration")


def test_first_hour_of_each_day(extract):
    f = one(extract, "Tax staff will not answer phones in the first hour of each working day.")
    assert (f.text, f.value, f.unit, f.measure) == ("first hour", 1, "hours", "hours_withdrawn")


# ---- not figures


@pytest.mark.parametrize(
    "text",
    [
        "For more details, contact the organiser on 021 555 0198.",
        "Call the office on (04) 123 4567 after lunch.",
        "Ring the helpline on 0508 123 456 or email the union.",
        "Dial 111 if you see a fire.",
        "The plant runs 24/7 during the season.",
        "Year 9 pupils will stay home on Friday.",
        "The bargaining rules date from the 1990s.",
        "Drivers start at five in the morning.",
        "The first day of the strike was quiet.",
        "The union notified the company of two further strikes.",
        "The two unions will meet on Monday.",
    ],
)
def test_not_figures(extract, text):
    assert figs(extract, text) == (), [(f.text, f.measure) for f in figs(extract, text)]


def test_period_is_not_its_own_figure(extract):
    fs = figs(extract, "Council staff were offered 9 percent over three years.")
    assert [(f.text, f.period) for f in fs] == [("9 percent", "3 years")]


# ---- periods


@pytest.mark.parametrize(
    "text,period",
    [
        ("The offer is a 3 percent rise per annum for dairy workers.", "year"),
        ("The offer is a 3 percent rise per year for dairy workers.", "year"),
        ("Fonterra offered 2 percent annually.", "year"),
        ("The hospital offered a 4 percent pay rise in each of the next two years.", "year"),
        ("The rebuild will cost about $900 million over 10 years.", "10 years"),
        ("Up to 80 sailings a day could be cancelled by the strike.", "day"),
        ("The port will provide $2 million a week in extra security.", "week"),
    ],
)
def test_periods(extract, text, period):
    f = figs(extract, text)[0]
    assert f.period == period, (f.text, f.period)


# ---- measures


def test_notice_covering_people_is_workers_involved(extract):
    f = one(extract, "The union issued a strike notice covering about 4,800 supermarket workers.")
    assert (f.unit, f.measure) == ("people", "workers_involved")


def test_locked_out_people_are_workers_involved(extract):
    f = one(extract, "The mill has locked out about 120 workers after talks failed.")
    assert f.measure == "workers_involved"


def test_attending_staff_are_workers_involved(extract):
    f = one(extract, "Around 700 council staff are expected to attend the stopwork meeting.")
    assert f.measure == "workers_involved"


def test_balloting_its_members_is_members(extract):
    f = one(extract, "The union balloted its 3200 members over the past week.")
    assert f.measure == "members"


def test_covered_by_agreement_is_members(extract):
    f = one(extract, "About 900 port workers are covered by the collective agreement.")
    assert f.measure == "members"


def test_eligible_is_members(extract):
    f = one(extract, "About 15,000 kaiako are eligible to vote in the ballot.")
    assert f.measure == "members"


def test_in_support_of_is_not_taking_part(extract):
    f = one(
        extract, "The cleaners are striking in support of about 40 colleagues facing redundancy."
    )
    assert f.measure == "other"


def test_offer_inside_vote_sentence_is_pay_offer(extract):
    f = one(extract, "Members voted to reject an offer of a 3 percent pay rise.")
    assert f.measure == "pay_offer"


def test_claim_and_offer_in_one_sentence(extract):
    fs = figs(
        extract,
        "The union wants 12 percent over two years, while the council has offered 4 percent.",
    )
    assert [f.measure for f in fs] == ["pay_claim", "pay_offer"]


def test_pay_growth_is_other(extract):
    f = one(extract, "Economists said teachers' pay had risen 2 percent a year faster than prices.")
    assert f.measure == "other"


def test_every_percent_is_other(extract):
    fs = figs(extract, "Every 1 percent on the wage bill costs the council about $4 million.")
    assert [f.measure for f in fs] == ["other", "other"]


def test_lump_sum(extract):
    f = one(extract, "The deal includes a one-off payment of $2000 for each cleaner.")
    assert f.measure == "lump_sum"


def test_vote_turnout_and_in_favour(extract):
    assert one(extract, "The ballot had a turnout of 74 percent.").measure == "vote_turnout"
    assert (
        one(extract, "About 91 percent of members who voted backed the strike.").measure
        == "vote_in_favour"
    )


def test_postponed_appointments(extract):
    f = one(extract, "Around 650 outpatient appointments were deferred because of the walkout.")
    assert f.measure == "patients_affected"


def test_vacancy_rate(extract):
    f = one(extract, "A quarter of ranger positions in the region are vacant, the union said.")
    assert f.measure == "vacancy_rate"


def test_funding_change(extract):
    f = one(extract, "The agency's budget has grown by about $300 million since 2020.")
    assert f.measure == "funding_change"


def test_project_cost_is_funding_amount(extract):
    f = one(extract, "The new ward is expected to cost about $120 million.")
    assert f.measure == "funding_amount"


def test_shift_length_is_not_hours_withdrawn(extract):
    f = one(extract, "Chefs are working 14-hour shifts over summer.")
    assert f.measure == "other"


def test_walked_out_for_days_is_strike_duration(extract):
    f = one(extract, "Dock workers in Rotterdam walked out for three days amid a dispute over pay.")
    assert f.measure == "strike_duration"


def test_time_offset_is_not_a_duration(extract):
    f = one(extract, "The strike started two weeks before the harvest.")
    assert f.measure == "other"


# ---- speakers


def test_narration_after_quote_paragraph_is_unattributed(extract):
    text = "The union said members ratified the deal on Friday. It gives cleaners pay rises of 6 percent over two years."
    f = by_text(extract, text, "6 percent")
    assert f.speaker_id is None


def test_figure_describing_the_speaker_is_not_attributed(extract):
    text = "Shopper Mere Tane, who waited 25 minutes at the checkout, said she backed the workers."
    f = one(extract, text)
    assert f.speaker_id is None


# ---- event links (pure)


def _ev(t):
    return EventMention(event_type=t, status="planned", char_start=0, char_end=1, text="x")


def _fig(measure, sentence="x", unit="people"):
    return FigureMention(0, 1, "1", 1.0, unit, "exact", measure, "s", sentence)


def test_link_workers_prefers_strike_over_notice_and_rally():
    events = [_ev("strike"), _ev("strike_notice"), _ev("rally")]
    sents = [frozenset({0}), frozenset({2}), frozenset({3})]
    assert link_event(_fig("workers_involved"), 2, events, sents) == 0
    assert link_event(_fig("workers_involved"), 4, events, sents) == 0


def test_link_vote_share_to_vote():
    events = [_ev("strike"), _ev("strike_vote")]
    sents = [frozenset({0}), frozenset({0})]
    assert link_event(_fig("vote_in_favour", unit="percent"), 0, events, sents) == 1


def test_link_background_is_none():
    events = [_ev("strike"), _ev("offer")]
    sents = [frozenset({0}), frozenset({1})]
    assert link_event(_fig("funding_amount", unit="nzd"), 1, events, sents) is None
    assert link_event(_fig("pay_claim", unit="percent"), 1, events, sents) is None


def test_link_disruption_count_to_strike():
    events = [_ev("strike")]
    sents = [frozenset({0})]
    fig = _fig("other", sentence="About 90 flights were cancelled.", unit="count")
    assert link_event(fig, 2, events, sents) == 0


# ---- generalisation: votes, notice periods, pay, workforce size, phones


def test_count_of_voters_is_turnout(extract):
    f = by_text(extract, "At the brewery, 96 members voted in the ballot last week.", "96 members")
    assert (f.measure, f.unit) == ("vote_turnout", "people")


def test_bare_count_backing_action_is_vote_in_favour(extract):
    f = by_text(extract, "Of the pharmacists who voted, 212 backed industrial action.", "212")
    assert (f.measure, f.unit) == ("vote_in_favour", "people")


def test_notice_period_is_not_strike_duration(extract):
    f = by_text(
        extract, "Any strike by the port's crane drivers requires 14 days' notice.", "14 days"
    )
    assert f.measure == "other"


def test_percent_next_to_lump_sum_is_pay_offer(extract):
    f = by_text(
        extract, "The chain has offered 2.8 per cent, plus a $600 one-off payment.", "2.8 per cent"
    )
    assert f.measure == "pay_offer"


def test_current_earnings_are_not_a_claim(extract):
    text = "The union wants a rise for cooks, who earn as little as $24.80 an hour."
    assert by_text(extract, text, "as little as $24.80").measure == "other"


def test_period_after_increase_in_base_pay(extract):
    text = "It is a 9 per cent increase in base pay over three years, the operator said."
    fs = figs(extract, text)
    assert [(f.text, f.period) for f in fs] == [("9 per cent", "3 years")]


def test_last_n_years_is_a_time_reference(extract):
    text = "Half of the mill's staff have been injured in the last five years."
    assert "last five years" not in [f.text for f in figs(extract, text)]


def test_years_ago_is_not_a_figure(extract):
    text = "The branch had 800 members, up from 500 ten years ago."
    assert "ten years" not in [f.text for f in figs(extract, text)]


def test_employs_n_people_is_members(extract):
    f = by_text(extract, "The district council employs about 900 people in total.", "about 900")
    assert f.measure == "members"


def test_n_of_them_are_members(extract):
    f = by_text(extract, "The union says about 300 of them are members.", "about 300")
    assert (f.measure, f.unit) == ("members", "people")


def test_freephone_after_call_is_not_a_figure(extract):
    text = "Passengers with questions can call 0800 352 112 from 7am."
    assert not figs(extract, text)
