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
    assert kinds(events(extract, text)) == [
        ("strike", dt.date(2024, 5, 16)),
        ("strike_notice", dt.date(2024, 5, 6)),
    ]


def test_range_second_half_follows_first(extract):
    text = ("The union gave notice on Tuesday that porters would stop work from 6am on Friday 10 May "
            "to 6am on Sunday 12 May.")  # fmt: skip
    evs = {e.event_type: e for e in events(extract, text)}
    assert evs["strike"].end_date == dt.date(2024, 5, 12)
    assert (
        evs["strike_notice"].start_date == dt.date(2024, 5, 7)
        and evs["strike_notice"].end_date is None
    )


def test_evidence_is_the_sentence_that_pins_the_day(extract):
    text = ("Cooks at the city's rest homes will strike later this month.\n"
            "They will stop work for 24 hours from 7am on Thursday 23 May.")  # fmt: skip
    (e,) = events(extract, text)
    assert e.text.startswith("They will stop work") and e.start_date == dt.date(2024, 5, 23)


def test_date_before_subordinate_clause_goes_to_main_clause(extract):
    text = "Librarians will strike later this month after their union rejected the council's offer."
    evs = {e.event_type: e for e in events(extract, text)}
    assert (
        evs["strike"].start_date == dt.date(2024, 5, 1) and evs["strike"].date_precision == "month"
    )
    assert evs.get("offer") is None or evs["offer"].start_date is None


def test_since_year_is_not_the_date_of_a_named_action(extract):
    text = "Ferry crews walked off the job on Monday.\nIt was the first strike by the crews since 2015."
    assert kinds(events(extract, text)) == [("strike", dt.date(2024, 5, 6))]


def test_hypothetical_actions_are_not_events(extract):
    assert events(extract, "The union said further strikes had not been ruled out.") == []
    assert (
        events(
            extract, "Members would consider industrial action, including strikes, if talks failed."
        )
        == []
    )
    assert events(extract, "The board said it was willing to meet the union next week.") == []


def test_stopwork_meeting_is_a_partial_strike(extract):
    text = "Council staff will hold a three-hour stopwork meeting on Thursday 16 May."
    (e,) = events(extract, text)
    assert (e.event_type, e.start_date) == ("partial_strike", dt.date(2024, 5, 16))


def test_refusing_overtime_is_other_action(extract):
    (e,) = events(extract, "From Monday 13 May, mill workers will refuse all overtime.")
    assert (e.event_type, e.start_date, e.status) == (
        "other_action",
        dt.date(2024, 5, 13),
        "planned",
    )


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
    assert kinds(evs) == [
        ("partial_strike", dt.date(2024, 5, 6)),
        ("partial_strike", dt.date(2024, 5, 10)),
    ]


def test_bare_action_without_an_earlier_action_is_nothing(extract):
    assert events(extract, "The council said the action plan would be published on Friday.") == []


def test_rallied_in_a_place(extract):
    (e,) = events(
        extract, "Teachers rallied in Nelson on Saturday.", published=dt.date(2024, 5, 13)
    )
    assert (e.event_type, e.start_date, e.locations) == ("rally", dt.date(2024, 5, 11), ("Nelson",))


# --- scope, locations, offers, overseas, occupation, status, workers (second round) ---


def test_milestone_takes_the_dispute_scope_and_place(extract):
    text = ("Hamilton rubbish collectors will strike on Friday.\n"
            "The union rejected the contractor's pay offer on Monday.")  # fmt: skip
    evs = {e.event_type: e for e in events(extract, text)}
    assert evs["strike"].scope == "regional" and evs["strike"].locations == ("Hamilton",)
    assert evs["offer"].scope == "regional" and evs["offer"].locations == ("Hamilton",)


def test_single_site_is_local_and_hospital_implies_its_city(extract):
    (e,) = events(extract, "Orderlies at Christchurch Hospital will hold a picket on Thursday.")
    assert (e.event_type, e.locations, e.scope) == ("rally", ("Christchurch",), "local")


def test_place_in_the_employers_name_counts_when_the_event_names_none(extract):
    (e,) = events(
        extract, "Paramedics employed by Wellington Free Ambulance will strike on Friday."
    )
    assert e.locations == ("Wellington",)


def test_place_in_another_organisations_name_is_not_a_location(extract):
    text = ("Staff at Kauri Care will strike on Friday.\n"
            "The homes are funded by the Waikato Regional Council, which said it regretted the dispute.")  # fmt: skip
    strike = next(e for e in events(extract, text) if e.event_type == "strike")
    assert strike.locations == ()


def test_side_mention_of_a_workplace_is_not_a_location(extract):
    text = (
        "For Mere Tane, a midwife at Nelson Hospital, the nationwide strike on Monday was a relief."
    )
    (e,) = events(extract, text, published=dt.date(2024, 5, 7))
    assert e.locations == () and e.scope == "national"


def test_rejected_offer_is_the_offer_evidence_not_a_vague_lede(extract):
    text = ("Library staff will picket on Saturday, saying the council is offering them less than other cities.\n"
            "The union said members had overwhelmingly rejected the council's offer of a 1 percent rise.")  # fmt: skip
    evs = {e.event_type: e for e in events(extract, text)}
    assert evs["offer"].text.startswith("The union said members had overwhelmingly rejected")


def test_owned_offer_with_content_is_an_offer_even_in_a_negative_clause(extract):
    (e,) = events(
        extract, "Cabin crew said the airline's offer of 2 percent did not reflect their workload."
    )
    assert e.event_type == "offer" and e.occupation == "cabin crew"  # as written


def test_two_actions_of_one_kind_in_a_sentence(extract):
    text = "Tanker drivers will strike twice more this month, after a six-hour stoppage on Monday disrupted deliveries."
    assert kinds(events(extract, text)) == [
        ("strike", dt.date(2024, 5, 1)),
        ("strike", dt.date(2024, 5, 6)),
    ]


def test_overseas_article_gives_no_events(extract):
    text = ("Nurses in Queensland have walked off the job for 24 hours over staffing.\n"
            "Queensland Health said elective surgery had been postponed.\n"
            "The union said members would rally outside parliament on Tuesday.")  # fmt: skip
    assert events(extract, text) == []


def test_quote_about_picket_lines_is_no_rally(extract):
    assert (
        events(extract, '"Nobody becomes a teacher hoping to stand on a picket line," she said.')
        == []
    )


def test_generic_occupation_takes_the_dispute_occupation(extract):
    text = ("Senior doctors will strike on Tuesday.\n"
            "The doctors will also rally outside Parliament in Wellington on Tuesday.")  # fmt: skip
    evs = {e.event_type: e for e in events(extract, text)}
    assert evs["rally"].occupation == "senior doctors" and evs["rally"].sector == "health"


def test_employer_sector_is_folded_into_the_dataset_sector(extract):
    (e,) = events(extract, "Stevedores at Port of Tauranga will strike on Friday.")
    assert (
        e.occupation == "stevedores" and e.sector == "transport"
    )  # as written; sector from the lexicon


def test_status_from_date_and_open_ended_actions(extract):
    # a past verb cannot make a day after publication happened
    (e,) = events(extract, "The union and the board agreed to meet in mediation next week.")
    assert e.status == "planned"
    (e,) = events(extract, "Orderlies started a work-to-rule on Monday.")
    assert (e.event_type, e.status) == ("other_action", "ongoing")
    (e,) = events(extract, "The union has been bargaining with the council since February.")
    assert (e.event_type, e.status) == ("negotiation", "ongoing")
    (e,) = events(extract, "Pharmacists are being asked to accept a 1 percent offer.")
    assert (e.event_type, e.status) == ("offer", "occurred")


def test_postponed_strike_is_cancelled(extract):
    (e,) = events(extract, "The librarians' strike planned for Friday has been postponed.")
    assert e.status == "cancelled"


def test_workers_from_a_take_part_sentence_not_membership(extract):
    text = ("Meat workers at the Feilding plant will strike on Friday.\n"
            "The union represents about 900 workers at the company.\n"
            "About 350 workers are expected to take part.")  # fmt: skip
    (e,) = events(extract, text)
    assert e.workers_involved == 350


def test_vague_headcount_is_not_workers_involved(extract):
    (e,) = events(extract, "Thousands of teachers walked off the job on Monday.")
    assert e.workers_involved is None


# --- generalisation round: rules from tests/fixtures/dev2/events -----------


def test_occupation_is_the_workers_phrase_as_written(extract):
    (e,) = events(
        extract, "About 90 distribution centre workers in Hamilton will walk off the job on Friday."
    )
    assert e.occupation == "distribution centre workers"


def test_occupation_keeps_a_pair_of_worker_groups(extract):
    (e,) = events(extract, "Paramedics and call handlers in Otago will strike on Friday.")
    assert e.occupation == "paramedics and call handlers" and e.sector == "health"


def test_bare_generic_workers_take_the_dispute_phrase(extract):
    text = ("Museum security staff in Dunedin will strike on Friday.\n"
            "The union said about 40 staff would take part.\n"
            "The museum made a revised offer on Monday.")  # fmt: skip
    evs = {e.event_type: e for e in events(extract, text)}
    assert evs["strike"].occupation == "museum security staff"
    assert evs["offer"].occupation == "museum security staff"


def test_union_members_is_not_an_occupation(extract):
    (e,) = events(extract, "Union members at the Napier plant will strike on Friday.")
    assert e.occupation != "union members"


def test_employed_by_names_the_employer_not_the_funder_or_the_authority(extract):
    text = ("Members employed by Harbour Link Transit will strike on Friday.\n"
            "Talks will resume at the Employment Relations Authority on Monday.")  # fmt: skip
    for e in events(extract, text):
        emps = {p.party_id for p in e.parties if p.role == "employer"}
        assert "employment-relations-authority" not in emps


def test_later_mentions_do_not_add_service_towns(extract):
    text = ("Bus drivers in Nelson will strike for 24 hours from 4am on Friday.\n"
            "The strike would affect routes to Richmond, Motueka and Stoke.")  # fmt: skip
    (e,) = [e for e in events(extract, text) if e.event_type == "strike"]
    assert e.locations == ("Nelson",)


def test_employer_place_gives_location_and_local_scope(extract):
    (e,) = events(extract, "Lyttelton Port Company has locked out 80 crane drivers since Saturday.")
    assert e.locations == ("Lyttelton",) and e.scope == "local"


def test_council_name_is_regional_not_a_site(extract):
    (e,) = events(extract, "Dunedin City Council pool staff will begin a work-to-rule on Monday.")
    assert e.locations == ("Dunedin",) and e.scope == "regional"


def test_release_dateline_is_neither_date_nor_place(extract):
    text = "Nelson, 6 May 2024 - Orderlies at Blenheim's Wairau Hospital will strike on Friday."
    (e,) = events(extract, text)
    assert e.start_date == dt.date(2024, 5, 10) and "Nelson" not in e.locations


def test_live_blog_entry_time_is_not_the_event_time(extract):
    (e,) = events(
        extract, "9.40am: Kindergarten teachers are rallying outside the Dunedin council today."
    )
    assert e.start_date == WED and e.start_ts is None


def test_a_vote_after_intervening_words_is_a_vote_not_a_strike(extract):
    (e,) = events(
        extract, "Cleaners at the Napier plant voted on Monday to take industrial action."
    )
    assert e.event_type == "strike_vote"


def test_headline_word_is_not_a_sentence_of_its_own(extract):
    text = "Pool staff walk out in Gore\n\nLifeguards at the Gore aquatic centre walked off the job on Monday."
    evs = events(extract, text)
    assert any(e.text.startswith("Lifeguards at the Gore") for e in evs)


# --- rules added after the blind evaluation (own sentences, other sectors) ---


def test_two_groups_one_employer_one_day_stay_two_events(extract):
    text = ("Porters at Timaru Hospital will walk off the job on Friday, the same day hospital kitchen "
            "assistants hold a separate strike over rosters.\n"
            "The porters belong to the Public Service Association.\n"
            "The kitchen assistants are members of E tū.")  # fmt: skip
    evs = [e for e in events(extract, text) if e.event_type == "strike"]
    assert len(evs) == 2 and {e.start_date for e in evs} == {dt.date(2024, 5, 10)}
    by_occ = {e.occupation: {p.party_id for p in e.parties if p.role == "union"} for e in evs}
    assert by_occ == {
        "porters": {"public-service-association"},
        "hospital kitchen assistants": {"e-tu"},
    }


def test_offer_to_customers_is_not_a_bargaining_offer(extract):
    text = "Ferry workers will strike on Friday and travellers would be offered vouchers for later sailings."
    assert [e.event_type for e in events(extract, text)] == ["strike"]


def test_followed_strike_gives_its_date_to_the_vote(extract):
    text = ("Gardeners at the botanic gardens will strike on Friday.\n"
            "The stoppage follows a ballot of members last week.")  # fmt: skip
    assert kinds(events(extract, text)) == [
        ("strike", dt.date(2024, 5, 10)),
        ("strike_vote", dt.date(2024, 4, 29)),
    ]


def test_vote_result_backing_action_is_a_vote(extract):
    (e,) = events(extract, "Of the 300 members balloted, 212 backed strike action.")
    assert e.event_type == "strike_vote"


def test_day_month_last_year_is_one_date(extract):
    (e,) = events(extract, "A 12-hour stoppage on 14 February last year shut the smelter.")
    assert (e.event_type, e.start_date) == ("strike", dt.date(2023, 2, 14))


def test_return_to_work_day_is_no_new_strike(extract):
    text = (
        "Some 90 forestry crews downed tools at 7am on Tuesday and will return on Thursday morning."
    )
    (e,) = events(extract, text)
    assert e.start_date == dt.date(2024, 5, 7)


def test_strike_wording_beyond_strike(extract):
    for text in ("Log truck drivers parked up their trucks in Gisborne on Monday.",
                 "Cannery workers stayed away from work on Monday.",
                 "Call centre staff staged a sick-out on Monday."):  # fmt: skip
        assert [e.event_type for e in events(extract, text)] == ["strike"], text


def test_refusing_to_cross_a_picket_is_other_action(extract):
    (e,) = events(extract, "Stevedores at Napier refused to cross the picket line on Monday.")
    assert e.event_type == "other_action"


def test_milestone_wording(extract):
    cases = {
        "The union and the airline agreed terms on Monday.": "settlement",
        "The new agreement was signed off by both sides on Monday.": "settlement",
        "The union and the insurer reached an in-principle agreement on Monday.": "settlement",
        "The union and the hospice were back at the table on Monday.": "negotiation",
        "The cooks' collective agreement lapsed on 30 April.": "agreement_expiry",
        "Members voted on Monday in favour of strike action.": "strike_vote",
    }
    for text, etype in cases.items():
        assert [e.event_type for e in events(extract, text)] == [etype], text


def test_rolling_strikes_each_day_gets_its_own_places(extract):
    text = "The stoppages move to Nelson tomorrow, followed by Dunedin and Invercargill on Friday."
    evs = sorted(events(extract, text), key=lambda e: e.start_date)
    assert [e.locations for e in evs] == [("Nelson",), ("Dunedin", "Invercargill")]


def test_overlapping_descriptions_are_one_action(extract):
    text = ("Refinery workers will strike over the weekend.\n"
            "The union said they would stop work from midnight Friday until midnight Sunday.")  # fmt: skip
    (e,) = events(extract, text)
    assert (e.start_date, e.end_date) == (dt.date(2024, 5, 11), dt.date(2024, 5, 13))


def test_part_of_an_island_is_not_a_location(extract):
    (e,) = events(
        extract,
        "Courier drivers in Palmerston North and the upper South Island will strike on Friday.",
    )
    assert e.locations == ("Palmerston North",)


def test_headline_infinitive_is_future(extract):
    (e,) = events(
        extract, "Pool lifeguards to strike from Monday to Thursday", published=dt.date(2024, 5, 8)
    )
    assert (e.status, e.start_date, e.end_date) == (
        "planned",
        dt.date(2024, 5, 13),
        dt.date(2024, 5, 16),
    )


# --- round 4: bargaining milestones stated in varied ways ------------------


def test_talks_that_failed_were_still_held(extract):
    (e,) = events(
        extract,
        "Facilitation on Monday failed to break the deadlock between the airport and its firefighters.",
    )
    assert (e.event_type, e.status, e.start_date) == (
        "negotiation",
        "occurred",
        dt.date(2024, 5, 6),
    )


def test_failing_to_reach_agreement_is_no_settlement(extract):
    evs = events(extract, "The mill and its workers failed to reach agreement on Monday.")
    assert "settlement" not in {e.event_type for e in evs}


def test_passive_settlement_and_reached_deal(extract):
    (e,) = events(extract, "The mill dispute was settled on Monday, the union said.")
    assert (e.event_type, e.status, e.start_date) == ("settlement", "occurred", dt.date(2024, 5, 6))
    (e,) = events(extract, "An agreement was reached with the cleaners' union on Tuesday.")
    assert (e.event_type, e.start_date) == ("settlement", dt.date(2024, 5, 7))


def test_members_meeting_dates_the_offer_not_a_negotiation(extract):
    evs = events(
        extract, "Cleaners accepted the contractor's pay offer of 5 percent at a meeting on Monday."
    )
    assert kinds(evs) == [("offer", dt.date(2024, 5, 6))]


def test_date_of_a_coordinated_clause_is_not_the_triggers(extract):
    evs = events(
        extract, "The union filed its claim in January and negotiations opened on 12 February."
    )
    assert kinds(evs) == [("negotiation", dt.date(2024, 2, 12))]


def test_talks_that_opened_were_held(extract):
    (e,) = events(extract, "Negotiations with the port opened on 12 February.")
    assert (e.event_type, e.status, e.start_date) == (
        "negotiation",
        "occurred",
        dt.date(2024, 2, 12),
    )


def test_agreement_as_a_condition_is_no_settlement(extract):
    evs = events(
        extract,
        "Cleaners will strike on Friday unless an agreement is reached with the contractor.",
    )
    assert kinds(evs) == [("strike", dt.date(2024, 5, 10))]
