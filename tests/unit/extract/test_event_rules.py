"""General event rules added after the held-out dev evaluation; each test uses
its own sentences (other sectors and wording than the dev articles)."""

from __future__ import annotations

import datetime as dt

from pipeline.extract import dates as D

WED = dt.date(2024, 5, 8)  # a Wednesday


def events(extract, text, published=WED):
    ex = extract(text, published)
    for e in ex.events:
        assert text[e.char_start : e.char_end] == e.text
    return list(ex.events)


def kinds(evs):
    return sorted((e.event_type, e.start_date) for e in evs)


def test_capitalised_month_is_not_a_march(extract):
    evs = events(extract, "Port workers will walk off the job from 6am on Monday 3 March until 6pm.",
                 published=dt.date(2025, 2, 26))  # fmt: skip
    assert kinds(evs) == [("strike", dt.date(2025, 3, 3))]


def test_withdraw_labour_is_a_strike_not_a_cancellation(extract):
    (e,) = events(extract, "Radiographers said they would withdraw their labour on Friday.")
    assert (e.event_type, e.status, e.start_date) == ("strike", "planned", dt.date(2024, 5, 10))


def test_strike_as_a_reason_is_not_cancelled(extract):
    text = ("Bus drivers walked off the job on Monday.\n"
            "The council said 200 trips had been cancelled because of the strike.")  # fmt: skip
    (e,) = events(extract, text)
    assert e.status == "occurred"


def test_will_not_go_ahead_cancels(extract):
    text = ("Cleaners at the university were due to strike on Friday.\n"
            "The union confirmed on Tuesday the strike would not go ahead.")  # fmt: skip
    (e,) = events(extract, text)
    assert e.status == "cancelled" and e.start_date == dt.date(2024, 5, 10)


def test_strike_inside_a_notice_with_its_own_date(extract):
    text = "The union issued notice on Monday that librarians would strike from 9am on Thursday 16 May."
    assert kinds(events(extract, text)) == [("strike", dt.date(2024, 5, 16)), ("strike_notice", dt.date(2024, 5, 6))]


def test_range_second_half_follows_first(extract):
    text = ("The union gave notice on Tuesday that porters would stop work from 6am on Friday 10 May "
            "to 6am on Sunday 12 May.")  # fmt: skip
    evs = {e.event_type: e for e in events(extract, text)}
    assert evs["strike"].end_date == dt.date(2024, 5, 12)
    assert evs["strike_notice"].start_date == dt.date(2024, 5, 7) and evs["strike_notice"].end_date is None


def test_evidence_is_the_sentence_that_pins_the_day(extract):
    text = ("Cooks at the city's rest homes will strike later this month.\n"
            "They will stop work for 24 hours from 7am on Thursday 23 May.")  # fmt: skip
    (e,) = events(extract, text)
    assert e.text.startswith("They will stop work") and e.start_date == dt.date(2024, 5, 23)


def test_date_before_subordinate_clause_goes_to_main_clause(extract):
    text = "Librarians will strike later this month after their union rejected the council's offer."
    evs = {e.event_type: e for e in events(extract, text)}
    assert evs["strike"].start_date == dt.date(2024, 5, 1) and evs["strike"].date_precision == "month"
    assert evs.get("offer") is None or evs["offer"].start_date is None


def test_since_year_is_not_the_date_of_a_named_action(extract):
    text = "Ferry crews walked off the job on Monday.\nIt was the first strike by the crews since 2015."
    assert kinds(events(extract, text)) == [("strike", dt.date(2024, 5, 6))]


def test_hypothetical_actions_are_not_events(extract):
    assert events(extract, "The union said further strikes had not been ruled out.") == []
    assert events(extract, "Members would consider industrial action, including strikes, if talks failed.") == []
    assert events(extract, "The board said it was willing to meet the union next week.") == []


def test_stopwork_meeting_is_a_partial_strike(extract):
    text = "Council staff will hold a three-hour stopwork meeting on Thursday 16 May."
    (e,) = events(extract, text)
    assert (e.event_type, e.start_date) == ("partial_strike", dt.date(2024, 5, 16))


def test_refusing_overtime_is_other_action(extract):
    (e,) = events(extract, "From Monday 13 May, mill workers will refuse all overtime.")
    assert (e.event_type, e.start_date, e.status) == ("other_action", dt.date(2024, 5, 13), "planned")


def test_ratification_ballot_is_not_a_strike_vote(extract):
    text = "Members ratified the new collective agreement in a ballot that closed on Monday."
    (e,) = events(extract, text)
    assert (e.event_type, e.start_date) == ("settlement", dt.date(2024, 5, 6))


def test_vote_context_from_previous_sentences(extract):
    text = ("Midwives were balloted on strike action.\n"
            "The union surveyed its members over a fortnight.\n"
            "Voting closed on Tuesday.")  # fmt: skip
    (e,) = events(extract, text)
    assert (e.event_type, e.start_date) == ("strike_vote", dt.date(2024, 5, 7))
    assert e.text == "Voting closed on Tuesday."


def test_milestone_takes_one_window(extract):
    text = "The company made a new offer on Monday, with a further 1 percent from October."
    (e,) = events(extract, text)
    assert (e.event_type, e.start_date) == ("offer", dt.date(2024, 5, 6))


def test_called_off_strike_day_resolves_forward(extract):
    text = "A strike that would have closed the port on Friday has been called off."
    (e,) = events(extract, text)
    assert (e.status, e.start_date) == ("cancelled", dt.date(2024, 5, 10))


def test_place_after_preposition_is_not_an_employer(extract):
    text = "Hundreds of porters employed by Acme Services marched to the Civic Square on Friday."
    evs = events(extract, text, published=dt.date(2024, 5, 11))
    assert evs and all(p.party_id != "civic-square" for e in evs for p in e.parties)


def test_day_month_year_tense_does_not_jump_a_year():
    # "have issued notice of a strike on 22 December" (past verb, future day)
    assert D.choose_year(12, 22, dt.date(2025, 12, 11), "past") == dt.date(2025, 12, 22)
    assert D.choose_year(12, 2, dt.date(2025, 12, 11), "past") == dt.date(2025, 12, 2)


def test_agreement_name_is_not_a_party(extract):
    text = "The Forestry Workers Multi-Employer Collective Agreement expired in March."
    ex = extract(text, WED)
    assert all("agreement" not in p.party_id for p in ex.parties)


def test_bare_action_takes_the_latest_action_type(extract):
    text = ("Mill workers stopped work for the first two hours of their shifts on Monday.\n"
            "The action will end at 8am on Tuesday but will resume on Friday 10 May.")  # fmt: skip
    evs = events(extract, text)
    assert kinds(evs) == [("partial_strike", dt.date(2024, 5, 6)), ("partial_strike", dt.date(2024, 5, 10))]


def test_bare_action_without_an_earlier_action_is_nothing(extract):
    assert events(extract, "The council said the action plan would be published on Friday.") == []


def test_rallied_in_a_place(extract):
    (e,) = events(extract, "Teachers rallied in Nelson on Saturday.", published=dt.date(2024, 5, 13))
    assert (e.event_type, e.start_date, e.locations) == ("rally", dt.date(2024, 5, 11), ("Nelson",))
