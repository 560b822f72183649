"""events.py: types, status, dates and coreference on short inputs."""

from __future__ import annotations

import datetime as dt

import pytest

MON = dt.date(2024, 5, 6)


def events(extract, text, published=MON):
    ex = extract(text, published)
    for e in ex.events:
        assert text[e.char_start : e.char_end] == e.text
    return ex.events


def test_planned_strike_with_weekday(extract):
    (e,) = events(extract, "Secondary teachers will strike on Thursday, the PPTA says.")
    assert (e.event_type, e.status, e.start_date) == ("strike", "planned", dt.date(2024, 5, 9))
    assert e.occupation == "secondary teachers" and e.sector == "education"
    assert ("post-primary-teachers-association", "union") in {
        (p.party_id, p.role) for p in e.parties
    }


def test_past_walkout(extract):
    (e,) = events(extract, "Bus drivers in Auckland walked off the job on Friday.")
    assert (e.event_type, e.status, e.start_date) == ("strike", "occurred", dt.date(2024, 5, 3))
    assert (
        e.locations == ("Auckland",) and e.scope == "regional"
    )  # a city is regional; a site is local


def test_cancelled_strike(extract):
    (e,) = events(extract, "The nurses' strike planned for Tuesday has been called off.")
    assert e.status == "cancelled"


def test_strike_vote(extract):
    (e,) = events(extract, "Port workers have voted overwhelmingly in favour of industrial action.")
    assert (e.event_type, e.status) == ("strike_vote", "occurred")


def test_strike_notice(extract):
    (e,) = events(extract, "The Tramways Union issued notice of strike action on Monday.")
    assert e.event_type == "strike_notice"


def test_settlement_and_negated_agreement(extract):
    (e,) = events(extract, "Junior doctors ratified a new collective agreement on Friday.")
    assert e.event_type == "settlement" and e.status == "occurred"
    assert events(extract, "Talks failed to reach an agreement.") == ()


def test_two_dates_are_two_events(extract):
    text = "Strike action on Tuesday will end at 4am on Wednesday, but is set to continue on Saturday 11 May."
    es = events(extract, text)
    assert [(e.event_type, e.start_date) for e in es] == [
        ("strike", dt.date(2024, 5, 7)),
        ("strike", dt.date(2024, 5, 11)),
    ]


def test_remention_joins_event_and_partial_type(extract):
    text = (
        "Radiographers will strike on Wednesday.\n"
        "They will not work the first three hours of their shifts during the 24-hour action."
    )
    (e,) = events(extract, text)
    assert e.event_type == "partial_strike" and e.duration_hours == 24


def test_time_from_later_sentence_gives_timestamps(extract):
    text = (
        "Junior doctors will strike on Tuesday.\nThey will walk off the job for 25 hours from 7am."
    )
    (e,) = events(extract, text)
    assert (
        e.start_ts.hour == 7 and e.end_ts.date() == dt.date(2024, 5, 8) and e.duration_hours == 25
    )


def test_rally_locations_and_national_scope(extract):
    (e,) = events(
        extract, "Rallies were held in Auckland, Wellington, Christchurch and Dunedin on Saturday."
    )
    assert e.event_type == "rally" and e.scope == "national"
    assert e.locations == ("Auckland", "Wellington", "Christchurch", "Dunedin")


def test_first_ever(extract):
    (e,) = events(extract, "Senior doctors will strike on Friday for the first time ever.")
    assert e.first_ever is True


def test_undated_negotiation_is_background(extract):
    assert events(extract, "After 18 months of negotiations, nurses are frustrated.") == ()


def test_dated_talks_are_a_negotiation(extract):
    (e,) = events(extract, "The parties will meet for mediation on 14 May.")
    assert (e.event_type, e.status, e.start_date) == (
        "negotiation",
        "planned",
        dt.date(2024, 5, 14),
    )


def test_offer_rejected_last_week(extract):
    (e,) = events(extract, "The PSA rejected an offer from the Ministry of Education last week.")
    assert (e.event_type, e.start_date, e.date_precision) == ("offer", dt.date(2024, 4, 29), "week")


def test_overseas_strike_is_skipped(extract):
    assert events(extract, "Nurses in Sydney went on strike on Monday.") == ()


def test_no_industrial_action(extract):
    assert events(extract, "The hospital opened a new wing in Hamilton on Monday.") == ()


def test_no_published_date_keeps_relative_dates_null(extract):
    (e,) = events(extract, "Teachers will strike on Thursday.", None)
    assert e.start_date is None and e.date_precision == "unknown" and e.date_text == "Thursday"


def test_odd_inputs_do_not_raise(extract):
    for text in ["", "   ", "!!!", "日本語のテキスト", "strike " * 2000]:
        extract(text, MON)


def test_vote_told_in_the_past_takes_no_future_date(extract):
    text = (
        "Dunedin bus drivers will strike next Tuesday. Services will grind to a halt next Tuesday "
        "after drivers employed by Go Bus voted to walk off the job for 24 hours."
    )
    by_type = {e.event_type: e for e in events(extract, text)}
    assert by_type["strike"].start_date == dt.date(2024, 5, 7)
    # the vote happened before publication; next Tuesday is the strike's date
    assert by_type["strike_vote"].start_date is None
    assert by_type["strike_vote"].status == "occurred"


def test_date_in_a_relative_clause_about_something_else(extract):
    text = (
        'Ports of Auckland has locked out its stevedores indefinitely. "This is a company that made '
        'more profit than it forecast last year, and it is locking out the people who earned it," he said.'
    )
    (e,) = [e for e in events(extract, text) if e.event_type == "other_action"]
    assert e.start_date is None  # "last year" dates the profit forecast, not the lockout


def test_date_in_a_relative_clause_of_the_trigger_clause_stays(extract):
    text = "Corrections officers ratified the agreement in a ballot that closed on Friday."
    (e,) = events(extract, text)
    assert (e.event_type, e.start_date) == ("settlement", dt.date(2024, 5, 3))


def test_bullet_points_state_events(extract):
    text = (
        "LIVE: Teachers strike in Canterbury\n\nKey points\n"
        "- Secondary teachers in Canterbury are on strike today, the second of three days of strikes\n"
        "- Auckland and Northland teachers will strike next Tuesday (14/5)\n\n"
        "Tomorrow it is the turn of schools in Wellington, before Auckland teachers strike next Tuesday."
    )
    by_day = {e.start_date: e for e in events(extract, text)}
    # the bullet, not the later sentence that only lists what comes next, states each strike
    assert by_day[MON].text.startswith("Secondary teachers in Canterbury are on strike today")
    assert by_day[dt.date(2024, 5, 7)].text.startswith("Auckland and Northland teachers")


def test_strikes_that_are_not_industrial(extract):
    for text in (
        "A lightning strike during a thunderstorm cut power to Whanganui Hospital on Friday.",
        "The earthquake struck Christchurch on Tuesday, damaging the hospital.",
        "Two prisoners have been on a hunger strike since Friday.",
    ):
        assert events(extract, text) == (), text


def test_vote_to_accept_an_agreement_is_a_settlement(extract):
    text = "Firefighters have voted to accept a new collective agreement with Fire and Emergency New Zealand."
    (e,) = events(extract, text)
    assert (e.event_type, e.status) == ("settlement", "occurred")


def test_vote_to_reject_an_offer_is_no_strike_vote(extract):
    text = "Nurses voted to reject the offer from Health NZ on Friday."
    assert "strike_vote" not in {e.event_type for e in events(extract, text)}


def test_in_protest_at_is_a_motive_not_a_rally(extract):
    text = "Drivers will refuse to collect fares from Friday in protest at stalled pay talks."
    types = {e.event_type for e in events(extract, text)}
    assert "rally" not in types and "other_action" in types


def test_lockout_notice_is_a_notice(extract):
    text = (
        "The company replied on Friday with a lockout notice: drivers will be locked out from "
        "Monday 13 May unless they agree to work normally."
    )
    by_type = {e.event_type: e for e in events(extract, text)}
    assert by_type["strike_notice"].start_date == dt.date(2024, 5, 3)
    assert by_type["other_action"].start_date == dt.date(2024, 5, 13)


def test_offer_stated_by_its_content(extract):
    text = "The ministry's offer is a flat increase of $1,500 a year, the PSA said."
    assert [e.event_type for e in events(extract, text)] == ["offer"]


def test_a_lede_naming_a_series_states_none_of_its_strikes(extract):
    text = (
        "Port workers will strike three times in the next fortnight. "
        "About 200 members will walk off the job for 24 hours from 6am on Friday, "
        "and for 48 hours from 6am on Tuesday 14 May."
    )
    evs = [e for e in events(extract, text) if e.event_type == "strike"]
    assert [e.start_date for e in evs] == [dt.date(2024, 5, 10), dt.date(2024, 5, 14)]
    assert all(e.text.startswith("About 200 members") for e in evs)


def test_action_that_began_and_has_not_ended_is_ongoing(extract):
    text = "The strike on Friday follows a work-to-rule that began on May 1, in which caregivers have refused overtime."
    by_type = {e.event_type: e for e in events(extract, text)}
    assert by_type["other_action"].status == "ongoing"


def test_meeting_asked_for_lies_ahead(extract):
    text = (
        '"We\'ve asked the union to come back to the table on Thursday," the chief executive said.'
    )
    (e,) = events(extract, text)
    assert (e.event_type, e.status, e.start_date) == ("negotiation", "planned", dt.date(2024, 5, 9))


def test_strikes_by_different_unions_on_one_day_stay_two(extract):
    text = (
        "Members of the New Zealand Nurses Organisation will strike on Thursday. "
        "The Public Service Association says its mental health staff will also strike on Thursday."
    )
    strikes = [e for e in events(extract, text) if e.event_type == "strike"]
    assert len(strikes) == 2 and {e.start_date for e in strikes} == {dt.date(2024, 5, 9)}


def test_one_union_named_twice_is_one_strike(extract):
    text = (
        "Members of the New Zealand Nurses Organisation will strike on Thursday. "
        "NZNO says the strike on Thursday will go ahead unless Health NZ improves its offer."
    )
    assert len([e for e in events(extract, text) if e.event_type == "strike"]) == 1


def test_another_unions_action_the_same_morning(extract):
    text = (
        "About 180 orderlies, members of E tū, will strike from 7am to 7pm on Thursday. "
        "The same morning, around 70 anaesthetic technicians represented by the Apex union will stop work "
        "between 9am and 11am. It will be the first time technicians have ever taken strike action, Apex says."
    )
    strikes = [e for e in events(extract, text) if e.event_type == "strike"]
    assert len(strikes) == 2
    by_union = {next(p.party_id for p in e.parties if p.role == "union"): e for e in strikes}
    assert by_union["apex"].start_date == by_union["e-tu"].start_date == dt.date(2024, 5, 9)
    assert "apex" not in {p.party_id for p in by_union["e-tu"].parties}


def test_availability_and_conditional_promises_are_no_events(extract):
    for text in (
        "Vandenberg said the union remained available for talks at any time before Thursday.",
        "Lockwood said the union remained available to bargain at any time before 8 June.",
        "NZNO has told Health NZ that if there is no improved offer by the end of the month, it will ask "
        "members to endorse further strikes.",
    ):
        assert not [
            e for e in events(extract, text) if e.event_type in ("negotiation", "strike_vote")
        ], text


def test_clock_time_in_a_same_day_report_is_that_day(extract):
    text = (
        "About 3,000 nurses are on strike today across Auckland. "
        "Nurses at Middlemore Hospital walked out at 9am and will return at 9am tomorrow."
    )
    strikes = [e for e in events(extract, text) if e.event_type == "strike"]
    assert {e.start_date for e in strikes} == {MON}
    # without the same-day signal a bare clock time dates nothing
    (e,) = events(extract, "Nurses at Middlemore Hospital walked out at 9am.")
    assert e.start_date is None


def test_present_tense_under_a_future_main_clause(extract):
    text = "When 36,000 nurses walk off the job on Thursday, it will be their third strike in three months."
    (e,) = [e for e in events(extract, text) if e.event_type == "strike"]
    assert (e.start_date, e.status) == (dt.date(2024, 5, 9), "planned")


def test_a_destination_is_not_where_the_action_is(extract):
    text = (
        "Ports of Auckland has locked out its stevedores indefinitely. The company said about 40 per cent "
        "of container volume would be diverted to Tauranga while the lockout continued."
    )
    (e,) = [e for e in events(extract, text) if e.event_type == "other_action"]
    assert "Tauranga" not in e.locations


def test_passive_notice(extract):
    (e,) = [
        e
        for e in events(
            extract, "The notice was served on MPI this morning on behalf of 150 PSA members."
        )
        if e.event_type == "strike_notice"
    ]
    assert (e.status, e.start_date) == ("occurred", MON)


def test_a_right_to_offer_is_no_offer(extract):
    text = "The chief operating officer said the company was entitled to offer new terms to the locked-out workers."
    assert "offer" not in {e.event_type for e in events(extract, text)}


def test_a_tally_of_strikes_is_no_event(extract):
    text = (
        "By the Council of Trade Unions' count, more than 100 strikes and lockouts have been notified "
        "since the start of last year."
    )
    assert events(extract, text) == ()
    # a counted group of workers is no tally
    (e,) = events(extract, "About 140 port workers will strike on Thursday.")
    assert e.event_type == "strike"


def test_a_daily_stoppage_on_listed_days_is_one_strike_per_day(extract):
    evs = events(
        extract,
        "About 140 Maritime Union members at Napier Port will strike from 7am to 3pm on "
        "9, 10 and 11 September. The union says the port has refused to budge on rosters.",
    )
    strikes = sorted((e for e in evs if e.event_type == "strike"), key=lambda e: e.start_date)
    assert [e.start_date for e in strikes] == [dt.date(2024, 9, d) for d in (9, 10, 11)]
    assert all(e.duration_hours == 8 and e.locations == ("Napier",) for e in strikes)
    assert len({e.char_start for e in strikes}) == 1  # one sentence states all three


def test_notice_dated_before_of_a_strike_and_a_second_strike_in_one_sentence(extract):
    # published Thursday 15 January 2026
    text = (
        "The union gave notice on Wednesday of a 48-hour strike from 8am on Tuesday 27 January "
        "until 8am on Thursday 29 January, and a second 48-hour strike from 8am on Tuesday 3 February."
    )
    ex = extract(text, dt.date(2026, 1, 15))
    got = sorted((e.event_type, e.start_date, e.end_date) for e in ex.events)
    assert got == [
        ("strike", dt.date(2026, 1, 27), dt.date(2026, 1, 29)),
        ("strike", dt.date(2026, 2, 3), dt.date(2026, 2, 5)),
        ("strike_notice", dt.date(2026, 1, 14), None),
    ]
    # each "48-hour" belongs to the strike it is written with
    durations = [f for f in ex.figures if f.text == "48-hour"]
    assert [ex.events[f.event_index].start_date for f in durations] == [
        dt.date(2026, 1, 27),
        dt.date(2026, 2, 3),
    ]


def test_a_thing_that_struck_is_no_strike(extract):
    assert not events(extract, "Muir said the shortage had struck hardest in provincial hospitals.")


def test_a_wish_for_a_settlement_is_no_event(extract):
    text = '"We value our midwives enormously and we want to reach a settlement," Ms Ranui said.'
    assert not events(extract, text)


def test_when_an_offer_applies_is_not_when_it_was_made(extract):
    evs = events(
        extract,
        "Nurses rejected the offer on Monday. The offer is understood to include a 4 percent "
        "pay rise backdated to April 1.",
    )
    assert {e.start_date for e in evs if e.event_type == "offer"} <= {dt.date(2024, 5, 6), None}


def test_refusing_the_opening_hours_of_each_shift_is_a_partial_strike(extract):
    (e,) = events(
        extract,
        "Laboratory staff belonging to Apex will refuse to work the opening three hours of "
        "every shift that starts on Tuesday.",
    )
    assert (e.event_type, e.start_date) == ("partial_strike", dt.date(2024, 5, 7))


def test_a_clock_time_taken_for_an_object_still_leaves_a_strike(extract):
    (e,) = events(
        extract,
        "• Public Service Association (PSA) members in mental health and allied health - "
        "community mental health nurses and social workers in Dunedin - will strike from 7am "
        "to 11am on Tuesday.",
    )
    assert (e.event_type, e.start_date, e.duration_hours) == ("strike", dt.date(2024, 5, 7), 4)


def test_each_line_of_a_strike_timetable_is_a_strike(extract):
    text = (
        "Primary teachers will hold rolling one-day strikes by region, the union said.\n\n"
        "• Monday, May 13: Auckland\n"
        "• Tuesday, May 14: Waikato and Bay of Plenty\n"
        "• Wednesday, May 15: Wellington, including the Wairarapa\n\n"
        "A march is planned in Auckland."
    )
    strikes = sorted(
        (e for e in events(extract, text) if e.event_type == "strike"), key=lambda e: e.start_date
    )
    assert [(e.start_date, e.locations[:1], e.status) for e in strikes] == [
        (dt.date(2024, 5, 13), ("Auckland",), "planned"),
        (dt.date(2024, 5, 14), ("Waikato",), "planned"),
        (dt.date(2024, 5, 15), ("Wellington",), "planned"),
    ]
    assert strikes[0].text == "• Monday, May 13: Auckland" or strikes[0].text.endswith("Auckland")


def test_a_timetable_line_needs_an_action_just_before(extract):
    text = "The library has new opening hours.\n\n• Monday, May 13: Auckland\n"
    assert not events(extract, text)


def test_the_action_that_is_followed_is_an_occurrence_of_its_own(extract):
    evs = events(
        extract,
        "The strikes follow the first national primary teachers' strike in 24 years, on "
        "August 15, when thousands of teachers walked off the job.",
        dt.date(2018, 11, 7),
    )
    assert [(e.event_type, e.start_date) for e in evs] == [("strike", dt.date(2018, 8, 15))]


def test_a_vote_share_for_this_action_is_the_vote(extract):
    evs = events(
        extract,
        '"Our members voted 94% for this action last week because they have had enough," '
        "the organiser said.",
    )
    assert [e.event_type for e in evs] == ["strike_vote"]


def test_a_stopwork_meeting_where_a_vote_was_held_is_no_stoppage(extract):
    evs = events(
        extract,
        "Union members voted 91% in favour of the strikes at a stopwork meeting in Oamaru on Thursday.",
    )
    assert [e.event_type for e in evs] == ["strike_vote"]


def test_refusals_of_particular_work_are_other_action(extract):
    for text in (
        "Since 1 April, members have refused to carry out administrative work.",
        "Members will also stop entering students' marks into the university's systems from Monday.",
        "From Monday, officers will also stop completing the forms St John uses to bill patients.",
    ):
        assert [e.event_type for e in events(extract, text)] == ["other_action"], text


def test_the_second_standing_for_a_named_stoppage_is_another_occurrence(extract):
    evs = events(
        extract,
        "The first stoppage will run from 11am to 1pm on Tuesday 14 May. "
        "The second will run from 7am to 9am on Thursday 16 May.",
    )
    assert sorted((e.event_type, e.start_date, e.duration_hours) for e in evs) == [
        ("strike", dt.date(2024, 5, 14), 2),
        ("strike", dt.date(2024, 5, 16), 2),
    ]


def test_a_withdrawn_notice_is_no_notice_and_dates_no_strike(extract):
    evs = events(
        extract, "The union said it withdrew its strike notice for a third stoppage last week."
    )
    assert not [e for e in evs if e.event_type == "strike_notice" or e.start_date is not None]


def test_an_overseas_organisation_makes_its_sentence_overseas(extract):
    evs = events(
        extract,
        "The walkout, called by the British Medical Association (BMA), is the eleventh since the "
        "dispute began in March 2023.",
    )
    assert not evs


def test_settling_a_dispute_or_an_agreement_is_a_settlement(extract):
    for text in (
        "Workers at the Lorneville plant settled a similar dispute in February.",
        "Journalists at Stuff settled their collective agreement in December.",
    ):
        assert [e.event_type for e in events(extract, text)] == ["settlement"], text


def test_a_lede_naming_no_union_does_not_swallow_the_unions_separate_strikes(extract):
    text = (
        "Tens of thousands of teachers, nurses and senior doctors are on strike today.\n\n"
        "• About 36,000 members of the New Zealand Nurses Organisation began a 24-hour strike at 9am.\n"
        "• About 5500 members of the Association of Salaried Medical Specialists stopped work at 8am.\n"
        "• Secondary teachers (PPTA) and primary teachers (NZEI Te Riu Roa) are on separate one-day strikes."
    )
    strikes = [e for e in events(extract, text, dt.date(2025, 10, 23)) if e.event_type == "strike"]
    unions = sorted(tuple(p.party_id for p in e.parties if p.role == "union") for e in strikes)
    assert unions == [
        ("association-of-salaried-medical-specialists",),
        ("nz-nurses-organisation",),
        ("nzei-te-riu-roa",),
        ("post-primary-teachers-association",),
    ]
    assert {e.start_date for e in strikes} == {dt.date(2025, 10, 23)}
    assert all(not e.text.startswith("Tens of thousands") for e in strikes)


@pytest.mark.parametrize(
    ("text", "occupation"),
    [
        ("Orderlies, cleaners and kitchen staff at Wellington Hospital will strike on Tuesday.",
         "orderlies, cleaners and kitchen staff"),
        ("Paramedics and emergency call-takers at Wellington Free Ambulance will strike on Tuesday.",
         "paramedics and emergency call-takers"),
        ("Caregivers, cooks and cleaners at six rest homes will strike on Tuesday.",
         "caregivers, cooks and cleaners"),
        ("Nurses, who are members of the union, will strike on Tuesday.", "nurses"),
        ("Nurses and staff will strike on Tuesday.", "nurses"),
    ],
)  # fmt: skip
def test_a_list_of_worker_groups_is_the_occupation_as_written(extract, text, occupation):
    (e,) = events(extract, text)
    assert e.occupation == occupation


@pytest.mark.parametrize(
    "text",
    [
        "By the time a union issues notice, its members have usually spent months at the table.",
        "Each time, the dispute eventually settled for more than the employer first said it could pay.",
        "Every few years the gaps between those decisions show up on a picket line.",
    ],
)
def test_what_happens_in_general_is_no_event(extract, text):
    assert not events(extract, text)


def test_tabling_a_pay_rise_is_an_offer(extract):
    evs = events(
        extract,
        "Health NZ says it has made two offers. It tabled a 1.5 percent pay rise in April.",
        dt.date(2025, 6, 10),
    )
    assert [(e.event_type, e.start_date) for e in evs] == [("offer", dt.date(2025, 4, 1))]


def test_stop_work_meetings_where_an_offer_was_rejected_are_no_strike(extract):
    evs = events(
        extract,
        "The organiser said the company had offered 2 percent a year for two years, which "
        "members rejected at stop-work meetings last week.",
    )
    assert [e.event_type for e in evs] == ["offer"]


# ---- fourth session


def test_that_day_takes_the_day_of_the_sentence_before(extract):
    text = (
        "Nurses first struck for 24 hours on 30 July. "
        "The walkout Sefa joined on 23 October was the third this year. "
        "That day, nurses walked out for eight hours from 9am."
    )
    es = events(extract, text, dt.date(2025, 11, 8))
    assert [(e.event_type, e.start_date) for e in es] == [
        ("strike", dt.date(2025, 7, 30)),
        ("strike", dt.date(2025, 10, 23)),
    ]
    assert es[0].duration_hours == 24
    assert es[1].duration_hours == 8 and es[1].start_ts.hour == 9 and es[1].end_ts.hour == 17


def test_that_day_with_nothing_dated_before_stays_undated(extract):
    es = events(extract, "That day, nurses walked out for eight hours.", dt.date(2025, 11, 8))
    assert [e.start_date for e in es] == [None]


def test_a_day_the_notice_cannot_have_been_given_on_dates_the_action(extract):
    text = (
        "The union had already given notice of further action on Monday 22 August, "
        "when members will not work the first four hours of their shifts."
    )
    got = {(e.event_type, e.start_date) for e in events(extract, text, dt.date(2022, 8, 8))}
    assert got == {("strike_notice", None), ("partial_strike", dt.date(2022, 8, 22))}


@pytest.mark.parametrize(
    "text",
    [
        "We'd encourage the union to call off the next strike while talks continue.",
        "The minister urged nurses to call off their strike on Tuesday.",
    ],
)
def test_asking_for_a_strike_to_be_called_off_does_not_call_it_off(extract, text):
    assert all(e.status != "cancelled" for e in events(extract, text))


def test_the_last_hours_of_every_shift_are_a_partial_strike(extract):
    (e,) = events(
        extract, "From next Monday, members will stop work for the last two hours of every shift."
    )
    assert (e.event_type, e.start_date) == ("partial_strike", dt.date(2024, 5, 13))


def test_another_unions_full_strikes_stay_strikes_beside_a_partial_strike(extract):
    text = (
        "RMTU members will walk off the job for 24 hours from 7am on Friday and again from 7am next Tuesday. "
        "From next Monday, Maritime Union members will also stop work for the last two hours of every shift."
    )
    got = sorted((e.event_type, e.start_date) for e in events(extract, text, dt.date(2021, 6, 9)))
    assert got == [
        ("partial_strike", dt.date(2021, 6, 14)),
        ("strike", dt.date(2021, 6, 11)),
        ("strike", dt.date(2021, 6, 15)),
    ]


def _sides(e, role):
    return {p.party_id for p in e.parties if p.role == role}


def test_a_union_named_once_in_passing_is_no_side_of_the_other_unions_events(extract):
    text = (
        "Nurses walked off the job on Tuesday, NZNO said. "
        "The NZNO strike was the second this year, and NZNO members say more will follow. "
        "Senior doctors in the ASMS have their own concerns. "
        "Health NZ tabled a revised pay offer on Friday."
    )
    es = events(extract, text)
    offers = [e for e in es if e.event_type == "offer"]
    assert offers and all(_sides(e, "union") == {"nz-nurses-organisation"} for e in offers)


def test_unions_named_jointly_are_both_sides(extract):
    text = (
        "Members of the New Zealand Ambulance Association and First Union will strike on Tuesday. "
        "Ambulance Association secretary Mark Quin said members were fed up. "
        "The next action would go ahead on Saturday, he said."
    )
    for e in events(extract, text):
        assert _sides(e, "union") == {"nz-ambulance-association", "first-union"}


def test_a_commentators_university_is_no_employer(extract):
    text = (
        "Nurses employed by Health NZ walked off the job on Tuesday. "
        "Victoria University of Wellington employment relations researcher Dr Jane Roe says "
        "strikes are becoming more common."
    )
    (e,) = events(extract, text)
    assert _sides(e, "employer") == {"health-nz"}


def test_a_scene_setting_lede_gives_no_place_to_a_national_dispute(extract):
    text = (
        "At a quarter to nine on a grey Thursday morning, the footpath outside Wellington Hospital "
        "is already three deep in nurses. "
        "About 36,000 nurses employed by Health NZ went on strike for 24 hours on Tuesday."
    )
    (e,) = events(extract, text)
    assert e.locations == () and e.scope != "local"


def test_a_strike_named_in_a_past_notice_takes_the_nearest_day(extract):
    text = "Members had given notice of a 12-hour strike from 7am on Friday."
    got = {(e.event_type, e.start_date) for e in events(extract, text, dt.date(2015, 10, 1))}
    assert ("strike", dt.date(2015, 10, 2)) in got


def test_notice_of_the_original_strike_is_a_notice(extract):
    text = "Notice of the original strike was served on 18 September."
    got = {(e.event_type, e.start_date) for e in events(extract, text, dt.date(2015, 10, 1))}
    assert ("strike_notice", dt.date(2015, 9, 18)) in got


def test_talks_whose_outcome_is_the_condition_are_held(extract):
    text = "The strike will go ahead on Friday 16 October unless mediation on Tuesday produces an acceptable offer."
    got = {
        (e.event_type, e.status, e.start_date) for e in events(extract, text, dt.date(2015, 10, 1))
    }
    assert ("negotiation", "planned", dt.date(2015, 10, 6)) in got
    # ... but talks that may not happen at all are only a condition
    text = "The strike will go ahead on Friday 16 October unless talks resume."
    assert {e.event_type for e in events(extract, text, dt.date(2015, 10, 1))} == {"strike"}


def test_a_repeat_told_only_as_again_keeps_the_times_and_the_notice_its_day(extract):
    text = (
        "The union will give the DHBs formal notice on Monday of two-hour stoppages "
        "between 11am and 1pm on Wednesday, June 5, and again on Tuesday, June 11."
    )
    es = events(extract, text, dt.date(2019, 5, 16))
    got = sorted(
        (e.event_type, e.start_date, e.start_ts and e.start_ts.hour, e.duration_hours) for e in es
    )
    assert got == [
        ("strike", dt.date(2019, 6, 5), 11, 2),
        ("strike", dt.date(2019, 6, 11), 11, 2),
        ("strike_notice", dt.date(2019, 5, 20), None, None),
    ]


def test_an_offer_made_at_dated_talks_has_their_date(extract):
    text = "The DHBs' offer, made at mediation in March, was 2% a year for three years."
    got = {(e.event_type, e.start_date) for e in events(extract, text, dt.date(2019, 5, 16))}
    assert got == {("offer", dt.date(2019, 3, 1)), ("negotiation", dt.date(2019, 3, 1))}


def test_a_strike_notified_for_a_day_that_has_not_been_called_off(extract):
    text = "A second 24-hour strike, notified for Tuesday 1 April, has not been called off."
    got = [
        (e.event_type, e.status, e.start_date) for e in events(extract, text, dt.date(2025, 3, 13))
    ]
    assert got == [("strike", "planned", dt.date(2025, 4, 1))]


def test_what_an_offer_does_is_not_done_to_it(extract):
    text = "Health NZ tabled an offer on Tuesday. The revised offer lifts the pay increase to 3 percent."
    (e,) = events(extract, text, dt.date(2025, 3, 13))
    assert (e.event_type, e.status) == ("offer", "occurred")


def test_the_days_of_a_vote_on_an_offer_are_not_the_offers(extract):
    text = (
        "Health NZ tabled a revised offer late on Tuesday. "
        "Members will vote online on the offer over the next fortnight, with voting closing on 27 March."
    )
    got = [(e.event_type, e.start_date) for e in events(extract, text, dt.date(2025, 3, 13))]
    assert got == [("offer", dt.date(2025, 3, 11))]


def test_the_next_day_is_the_day_after_the_one_before(extract):
    text = (
        "NZNO members voted 84 percent in favour of strike action in a ballot that closed on 1 July. "
        "Health NZ's latest offer, tabled in mediation the next day, was a pay rise of 1.5% a year."
    )
    got = {(e.event_type, e.start_date) for e in events(extract, text, dt.date(2025, 7, 30))}
    assert ("offer", dt.date(2025, 7, 2)) in got and ("strike_vote", dt.date(2025, 7, 1)) in got


def test_where_a_minister_spoke_is_not_where_the_strike_is(extract):
    text = (
        "Nurses walked off the job at 9am today. "
        "Asked about the strike at a press conference in Auckland, the Health Minister said the offer was fair."
    )
    (e,) = events(extract, text, dt.date(2025, 7, 30))
    assert e.locations == ()


def test_thousands_of_a_list_of_workers_is_the_whole_list(extract):
    text = (
        "Thousands of nurses, midwives and healthcare assistants walked off the job at 9am today."
    )
    (e,) = events(extract, text, dt.date(2025, 7, 30))
    assert e.occupation == "nurses, midwives and healthcare assistants"


def test_withdrawing_the_first_hours_of_each_working_day_is_a_partial_strike(extract):
    text = (
        "About 450 physiotherapists, occupational therapists, social workers and dietitians will start "
        "working to rule on Monday, and will withdraw the first two hours of each working day later this month."
    )
    es = events(extract, text, dt.date(2006, 11, 11))
    got = {(e.event_type, e.status) for e in es}
    assert got == {("other_action", "planned"), ("partial_strike", "planned")}
    assert {e.occupation for e in es} == {
        "physiotherapists, occupational therapists, social workers and dietitians"
    }


@pytest.mark.parametrize(
    "text",
    [
        '"We\'re not talking about doctors downing tools."',
        "So why are New Zealand's nurses not on the picket line?",
        "Doctors walked off the job in protest.",
    ],
)
def test_denied_asked_or_manner_actions_are_no_events(extract, text):
    assert [e.event_type for e in events(extract, text)] in ([], ["strike"])
    assert all(e.event_type != "rally" for e in events(extract, text))
    if "walked" not in text:
        assert events(extract, text) == ()


def test_a_strike_in_new_south_wales_is_overseas(extract):
    text = (
        "Nurses walked off the job at Wellington Hospital on Tuesday. Across the Tasman, the NSW Nurses and Midwives' Association "
        "took its members out for 24 hours on 15 February last year, the first statewide nurses' strike "
        "in New South Wales in nearly a decade."
    )
    es = events(extract, text, dt.date(2023, 5, 10))
    assert [(e.event_type, e.start_date) for e in es] == [("strike", dt.date(2023, 5, 9))]


def test_an_overseas_lede_does_not_take_a_new_zealand_strike_abroad(extract):
    text = (
        "Nurses in Britain and Australia have been walking out, while New Zealand's nurses vote. "
        "When members of the Royal College of Nursing walked out in England on 15 and 20 December, "
        "it was the first national strike in the union's history. "
        "They walked out again on 18 and 19 January. "
        "New Zealand's nurses have been here before. The last time NZNO members walked out, "
        "an eight-hour strike from 11am on 9 June 2021, about 30,000 nurses employed by the district "
        "health boards took part."
    )
    got = [(e.event_type, e.start_date) for e in events(extract, text, dt.date(2023, 2, 20))]
    assert got == [("strike", dt.date(2021, 6, 9))]


@pytest.mark.parametrize(
    "text",
    [
        "From Monday 20 May, PSA members will also decline to work outside their rostered hours.",
        "From Monday 20 May, they will also refuse to fill in any paperwork not related to care.",
    ],
)
def test_declining_or_refusing_particular_work_is_other_action(extract, text):
    got = [(e.event_type, e.start_date) for e in events(extract, text, dt.date(2024, 5, 15))]
    assert got == [("other_action", dt.date(2024, 5, 20))]


def test_an_undated_action_describing_a_campaign_does_not_state_it(extract):
    text = (
        "Paramedics have voted to accept a new agreement, ending a campaign in which they refused "
        "to do non-clinical paperwork. The paperwork ban began in April."
    )
    es = [e for e in events(extract, text, dt.date(2015, 7, 1)) if e.event_type == "other_action"]
    assert [e.text for e in es] == ["The paperwork ban began in April."]


def test_gathering_outside_is_a_rally(extract):
    text = "Hundreds of firefighters and supporters gathered outside Parliament in Wellington on Friday."
    assert [(e.event_type, e.locations) for e in events(extract, text)] == [
        ("rally", ("Wellington",))
    ]


def test_the_following_week_is_the_week_after_a_day_written_before_it(extract):
    text = "The previous agreement expired on March 31, and the paperwork ban began the following week."
    got = {
        (e.event_type, e.start_date, e.date_precision)
        for e in events(extract, text, dt.date(2015, 7, 1))
    }
    assert ("other_action", dt.date(2015, 4, 6), "week") in got


def test_what_an_action_will_be_followed_by_is_another_action(extract):
    text = (
        "About 700 Apex members will withdraw their labour for 24 hours from 7am on Tuesday 3 December. "
        "This will be followed by rolling regional strikes over the following fortnight."
    )
    got = [
        (e.event_type, e.status, e.start_date) for e in events(extract, text, dt.date(2024, 11, 15))
    ]
    assert got == [("strike", "planned", dt.date(2024, 12, 3)), ("strike", "planned", None)]


def test_a_dhb_named_for_its_spokesperson_is_one_of_the_dhbs_not_another_side(extract):
    text = (
        "About 1100 midwives employed by the DHBs will strike on Wednesday. "
        "Southern DHB director of midwifery Lorna McGillivray said the board would keep services safe on strike days."
    )
    es = [e for e in events(extract, text, dt.date(2019, 5, 16)) if e.event_type == "strike"]
    assert es and all(_sides(e, "employer") == {"district-health-boards"} for e in es)


def test_an_overseas_union_is_no_side_of_a_new_zealand_strike(extract):
    text = (
        "New Zealand's nurses are voting on an offer instead. When members of the Royal College of Nursing "
        "walked out of hospitals in England on 15 and 20 December, it was the union's first national strike. "
        "The last time NZNO members walked out, on 9 June 2021, about 30,000 nurses employed by the district "
        "health boards took part."
    )
    es = [e for e in events(extract, text) if e.event_type == "strike"]
    assert es and all("royal-college-of-nursing" not in {p.party_id for p in e.parties} for e in es)
