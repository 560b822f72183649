"""parties.py rules: titles, affiliations, noise, organisation types, names.

Every sentence here is new (not from the seeds or the evaluation sets).
"""

from __future__ import annotations

import pytest


def parties(extract, text):
    ex = extract(text)
    for p in ex.parties:
        assert text[p.char_start : p.char_end] == p.text
    return ex.parties


def person(extract, text, pid):
    found = [p for p in parties(extract, text) if p.party_id == pid]
    assert found, [(p.party_id, p.party_type) for p in parties(extract, text)]
    assert all(p.party_type == "person" for p in found)
    return found[0]


def ids(extract, text):
    return {p.party_id for p in parties(extract, text)}


# -- titles ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, pid, title",
    [
        (
            "Port Otago chief operating officer Dinah Marsh said the cranes stood idle.",
            "dinah-marsh",
            "chief operating officer",
        ),
        (
            "Fonterra general manager of logistics Aaron Pike said tankers were delayed.",
            "aaron-pike",
            "general manager of logistics",
        ),
        (
            "Unite Union Hamilton branch organiser Leilani Fuimaono said staff were angry.",
            "leilani-fuimaono",
            "Hamilton branch organiser",
        ),
        (
            "E tū Nelson-Marlborough delegate Sione Latu said the vote was unanimous.",
            "sione-latu",
            "Nelson-Marlborough delegate",
        ),
        (
            "PSA assistant national secretary Wiremu Hall said the offer was an insult.",
            "wiremu-hall",
            "assistant national secretary",
        ),
        (
            "Independent labour economist Dr Carla Voss said wages had lagged inflation.",
            "carla-voss",
            "independent labour economist",
        ),
        (
            "Mana Tiaki vice-chair Hemi Walker said the meeting ran late.",
            "hemi-walker",
            "vice-chair",
        ),
        (
            "Pharmacist Aroha Kingi said the dispensary would stay open.",
            "aroha-kingi",
            "pharmacist",
        ),
    ],
)
def test_title_before_name_is_the_whole_run(extract, text, pid, title):
    assert person(extract, text, pid).title == title


def test_title_in_apposition_after_name(extract):
    text = "Dr Kerry Lindqvist, an independent employment lawyer, said the notice was valid."
    p = person(extract, text, "kerry-lindqvist")
    assert (p.title, p.affiliation_id) == ("independent employment lawyer", None)


def test_said_name_comma_the_unions_title(extract):
    text = (
        'The Tertiary Education Union has called a stopwork meeting. "We are ready," '
        "said Mele Havili, the union's national organiser."
    )
    p = person(extract, text, "mele-havili")
    assert (p.title, p.affiliation_id) == ("national organiser", "tertiary-education-union")


def test_who_chairs_gives_title_and_affiliation(extract):
    text = "Oliver Grant, who chairs the Public Service Association, said the cuts were deep."
    p = person(extract, text, "oliver-grant")
    assert (p.title, p.affiliation_id) == ("chair", "public-service-association")


def test_honorific_between_title_and_name(extract):
    text = "ASMS branch president Dr Tomasi Vake said senior doctors were exhausted."
    p = person(extract, text, "tomasi-vake")
    assert (p.title, p.affiliation_id) == (
        "branch president",
        "association-of-salaried-medical-specialists",
    )


def test_hyphenated_title(extract):
    text = "Nurses committee co-chair Rangi Parata said the union would not back down."
    assert person(extract, text, "rangi-parata").title == "nurses committee co-chair"


# -- affiliations -------------------------------------------------------------


def test_affiliation_from_org_before_title_not_nearest_org(extract):
    text = "NZNO industrial adviser Lucy Trent said Health NZ had walked away from talks."
    assert person(extract, text, "lucy-trent").affiliation_id == "nz-nurses-organisation"


def test_organiser_for_org(extract):
    text = "Ana Folau, organiser for E tū, said cleaners at the airport earned the minimum wage."
    p = person(extract, text, "ana-folau")
    assert (p.title, p.affiliation_id) == ("organiser", "e-tu")


def test_person_from_org(extract):
    text = "Tama Rei from the PSA said the ministry had not replied."
    assert person(extract, text, "tama-rei").affiliation_id == "public-service-association"


def test_unions_lead_advocate_resolves_to_the_union_in_the_article(extract):
    text = (
        "Members of the Tramways Union in Auckland will stop work on Friday.\n"
        "The union's lead advocate Kahu Tane said drivers were fed up."
    )
    p = person(extract, text, "kahu-tane")
    assert (p.title, p.affiliation_id) == ("lead advocate", "tramways-union")


def test_owner_in_apposition_wins_over_workplace(extract):
    text = "For Mia Soper, a theatre nurse and NZNO delegate at Christchurch Hospital, the strike was overdue."
    p = person(extract, text, "mia-soper")
    assert (p.title, p.affiliation_id) == ("theatre nurse", "nz-nurses-organisation")


def test_minister_title_and_government_affiliation(extract):
    text = "Associate Health Minister Casey Rowe said the funding was final."
    p = person(extract, text, "casey-rowe")
    assert (p.title, p.affiliation_id) == ("Associate Health Minister", "nz-government")


def test_unnamed_minister_is_the_government(extract):
    text = "A spokesperson for the Education Minister declined to comment."
    ps = parties(extract, text)
    assert [(p.party_id, p.text) for p in ps] == [("nz-government", "Education Minister")]


def test_role_without_organisation_has_no_affiliation(extract):
    text = "Shopper Grace Whitu said she had crossed the picket line at Countdown."
    p = person(extract, text, "grace-whitu")
    assert (p.title, p.affiliation_id) == ("shopper", None)


def test_office_title_without_org_takes_the_sentence_org(extract):
    text = "Head of people Marama Ruri said KiwiRail had made its final offer."
    assert person(extract, text, "marama-ruri").affiliation_id == "kiwirail"


# -- names --------------------------------------------------------------------


def test_org_entity_after_title_is_a_person(extract):
    text = "Ports of Auckland chief executive Roger Gray said the port was open."
    p = person(extract, text, "roger-gray")
    assert p.affiliation_id == "ports-of-auckland"


def test_surname_keeps_title_affiliation(extract):
    text = (
        "Meat Workers Union organiser Tipene Marsh said the plant was unsafe.\n"
        "Marsh said members had been locked out."
    )
    ps = [p for p in parties(extract, text) if p.party_type == "person"]
    assert [p.party_id for p in ps] == ["tipene-marsh", "tipene-marsh"]
    assert {p.affiliation_id for p in ps} == {"nz-meat-workers-union"}


def test_macrons_and_curly_apostrophes(extract):
    text = (
        "Tōpūtanga Tapuhi Kaitiaki o Aotearoa kaiwhakahaere Hūhana Pōtiki said nurses’ pay lagged."
    )
    p = person(extract, text, "huhana-potiki")
    assert p.name == "Hūhana Pōtiki"
    assert (p.title, p.affiliation_id) == ("kaiwhakahaere", "nz-nurses-organisation")


def test_agency_district_is_part_of_the_mention(extract):
    text = "Te Whatu Ora Waitaha interim chief executive Jo Blair said surgery would go ahead."
    ps = parties(extract, text)
    org = next(p for p in ps if p.party_id == "health-nz")
    assert org.text == "Te Whatu Ora Waitaha"
    p = next(p for p in ps if p.party_id == "jo-blair")
    assert (p.title, p.affiliation_id) == ("interim chief executive", "health-nz")


# -- not parties ---------------------------------------------------------------


def test_hospital_is_a_workplace_not_a_party(extract):
    text = "Orderlies at Hutt Hospital will walk off the job on Monday."
    assert not any("hospital" in i for i in ids(extract, text))


def test_group_adjectives_are_not_parties(extract):
    assert ids(extract, "Pasifika and Māori workers were hit hardest, the report found.") == set()


def test_media_outlet_that_only_reports(extract):
    text = "The union's president told RNZ that members would vote next week."
    assert "radio-new-zealand" not in ids(extract, text)


def test_bare_references_are_not_parties(extract):
    text = "The Ministry said the Board would meet the Union next week."
    assert ids(extract, text) == set()


def test_foreign_government_is_not_nz_government(extract):
    text = "The Australian government has refused to fund the pay rise."
    ps = parties(extract, text)
    assert [(p.party_id, p.party_type) for p in ps] == [("australian-government", "government")]


# -- organisation types ----------------------------------------------------------


def test_type_from_name(extract):
    text = (
        "The Aged Care Workers Union and the Otorohanga District Council met the Ministry of Regional "
        "Development, Harbour Freight Ltd said."
    )
    types = {p.name: p.party_type for p in parties(extract, text) if p.party_type != "person"}
    assert types.get("Otorohanga District Council") == "government_agency"
    assert types.get("Ministry of Regional Development") == "government_agency"
    assert types.get("Harbour Freight Ltd") == "employer"


def test_type_from_the_union_reference(extract):
    text = (
        "The Hairdressers Guild Aotearoa said talks had failed.\n"
        "The union says members will strike in June."
    )
    p = next(p for p in parties(extract, text) if p.party_type != "person")
    assert p.party_type == "union"


def test_shorter_form_of_a_named_org_is_the_same_party(extract):
    text = "Cleaners employed by Rentokil Initial Services voted to strike. Rentokil said it was disappointed."
    orgs = {p.party_id for p in parties(extract, text) if p.party_type != "person"}
    assert len(orgs) == 1


def test_name_with_particle_after_minister_title(extract):
    text = "Transport Minister Annelies de Groot said the buses would keep running."
    p = person(extract, text, "annelies-de-groot")
    assert (p.title, p.affiliation_id) == ("Transport Minister", "nz-government")


def test_place_in_apposition_title(extract):
    text = "Tui Marino, a Rotorua bus driver, said the roster was impossible."
    p = person(extract, text, "tui-marino")
    assert (p.title, p.affiliation_id) == ("Rotorua bus driver", None)


def test_name_missed_by_ner_before_apposition(extract):
    text = "Losa Fifita, organiser for FIRST Union, said the warehouse staff had voted."
    p = person(extract, text, "losa-fifita")
    assert (p.title, p.affiliation_id) == ("organiser", "first-union")


# -- generalisation: titles and affiliations in other shapes ------------------


@pytest.mark.parametrize(
    "text, pid, title, aff",
    [
        (  # possessive organisation, title, comma apposition
            "Unite Union's hospitality coordinator, Mele Fonua, said cinema staff were exhausted.",
            "mele-fonua",
            "hospitality coordinator",
            "unite-union",
        ),
        (  # bare possessive reference resolves to the article's union
            "The Dairy Workers Union has filed notice. The union's Waikato organiser, Tom Ranginui, "
            "said the plant would be quiet.",
            "tom-ranginui",
            "Waikato organiser",
            "nz-dairy-workers-union",
        ),
        (  # Māori title with "of <organisation>" complement
            "Kaiwhakahaere of the Public Service Association, Arapeta Hohaia, said kaimahi were tired.",
            "arapeta-hohaia",
            "kaiwhakahaere",
            "public-service-association",
        ),
        (  # title with a place complement stays whole; owner is the short form
            "Compass Group staff will stop work. Compass general manager for Canterbury, Ruth Ellery, "
            "said meals would still be served.",
            "ruth-ellery",
            "general manager for Canterbury",
            "compass-group",
        ),
    ],
)
def test_left_apposition_titles(extract, text, pid, title, aff):
    p = person(extract, text, pid)
    assert (p.title, p.affiliation_id) == (title, aff)


def test_possessive_org_before_name_is_affiliation(extract):
    p = person(
        extract,
        "Unite Union's Kiri Mataio said the cinema chain had ignored the claim.",
        "kiri-mataio",
    )
    assert p.affiliation_id == "unite-union"


def test_bracketed_title_after_name(extract):
    p = person(
        extract, "Hana Tipoki (Unite Union delegate) said the roster was unsafe.", "hana-tipoki"
    )
    assert (p.title, p.affiliation_id) == ("delegate", "unite-union")


def test_sentence_initial_council_is_owner_not_title(extract):
    text = ("Nelson City Council says pools will close. Council community services manager Gail Brent "
            "said lifeguards were needed.")  # fmt: skip
    p = person(extract, text, "gail-brent")
    assert (p.title, p.affiliation_id) == ("community services manager", "nelson-city-council")


def test_affiliation_from_previous_sentence(extract):
    text = ("Fulton Hogan says the crews are paid fairly. In a statement, head of people Maree Scott "
            "said talks would continue.")  # fmt: skip
    assert person(extract, text, "maree-scott").affiliation_id == "fulton-hogan"


def test_from_org_after_apposition_comma(extract):
    text = "Transport economist Dr Ian Coull, from Massey University, said fares would rise."
    assert person(extract, text, "ian-coull").affiliation_id == "massey-university"


def test_captain_is_honorific(extract):
    text = "Maritime Union vice-president Captain Ana Rua said ships were idle."
    p = person(extract, text, "ana-rua")
    assert (p.title, p.affiliation_id) == ("vice-president", "maritime-union")


def test_byline_contact_block_and_credit_are_not_parties(extract):
    text = (
        "By Piri Walker, Waatea News\n\n"
        "Cleaners at the airport walked off the job on Monday, E tū said.\n\n"
        "Photo: Rangi Pomare\n\n"
        "ENDS\n\n"
        "For more information contact Moana Hura, 021 555 0101"
    )
    got = ids(extract, text)
    assert "e-tu" in got
    assert not {"piri-walker", "waatea-news", "rangi-pomare", "moana-hura"} & got


def test_te_reo_greeting_and_electorate_are_not_parties(extract):
    text = ("Kia kaha, the crowd chanted. Invercargill South MP Jo Temple said the lockout was wrong. "
            "Tēnā koutou, Temple said.")  # fmt: skip
    got = ids(extract, text)
    assert "kia" not in got and "invercargill-south" not in got and "tena-koutou" not in got


def test_person_entity_with_air_is_an_employer(extract):
    text = "Air Chathams said all flights would leave on time, despite the strike."
    got = [p for p in parties(extract, text) if "air" in p.party_id]
    assert got and all(p.party_type == "employer" for p in got)


def test_the_union_said_is_a_speaker(extract):
    text = ("Unite Union members at the cinema chain held a ballot. The union said in a statement that "
            "88 per cent of members voted in favour.")  # fmt: skip
    f = next(f for f in extract(text).figures if f.text == "88 per cent")
    assert f.speaker_id == "unite-union"


def test_who_is_apposition_title(extract):
    text = ("The Meat Workers Union filed notice. Ropata Kemp, who is the union's Southland organiser, "
            "said the chain had stopped.")  # fmt: skip
    p = person(extract, text, "ropata-kemp")
    assert (p.title, p.affiliation_id) == ("Southland organiser", "nz-meat-workers-union")


def test_title_with_for_the_complement(extract):
    text = ("Unite Union says the cinemas are short-staffed. Union organiser for the region Tia Moke "
            "said shifts were cut.")  # fmt: skip
    p = person(extract, text, "tia-moke")
    assert (p.title, p.affiliation_id) == ("organiser for the region", "unite-union")
