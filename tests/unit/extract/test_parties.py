"""parties.py: curated organisations, other organisations and people."""

from __future__ import annotations

import pytest


def parties(extract, text):
    ex = extract(text)
    for p in ex.parties:
        assert text[p.char_start : p.char_end] == p.text
    return ex.parties


def test_curated_alias_gives_canonical_id_and_name(extract):
    ps = parties(extract, "Te Whatu Ora said it was disappointed.")
    assert [(p.party_id, p.text, p.name, p.party_type) for p in ps] == [
        ("health-nz", "Te Whatu Ora", "Health New Zealand", "government_agency")
    ]


def test_person_with_org_and_title_before_name(extract):
    ps = parties(extract, "NZNO chief executive Paul Goulter said nurses were exhausted.")
    person = next(p for p in ps if p.party_type == "person")
    assert (person.party_id, person.title, person.affiliation_id) == (
        "paul-goulter",
        "chief executive",
        "nz-nurses-organisation",
    )


def test_person_with_title_after_name(extract):
    text = "Jane Tāwhiri, national secretary of the Maritime Union, said the port was unsafe."
    person = next(p for p in parties(extract, text) if p.party_type == "person")
    assert person.party_id == "jane-tawhiri"
    assert person.title == "national secretary"
    assert person.affiliation_id == "maritime-union"


def test_title_without_org_takes_sentence_org(extract):
    text = "Director of operations Sam Lee said Ports of Auckland had a plan."
    person = next(p for p in parties(extract, text) if p.party_type == "person")
    assert person.affiliation_id == "ports-of-auckland"


def test_surname_resolves_to_full_name(extract):
    text = "PPTA president Chris Abercrombie said teachers were angry.\nAbercrombie said the offer was poor."
    people = [p for p in parties(extract, text) if p.party_type == "person"]
    assert {p.party_id for p in people} == {"chris-abercrombie"}
    assert [p.text for p in people] == ["Chris Abercrombie", "Abercrombie"]
    assert all(p.affiliation_id == "post-primary-teachers-association" for p in people)


def test_government_lowercase(extract):
    ps = parties(extract, "The union called on the government to act.")
    assert [(p.party_id, p.text) for p in ps] == [("nz-government", "government")]


def test_bare_union_is_not_a_party(extract):
    assert parties(extract, "The union said the employer had not responded.") == ()


def test_unknown_union_from_ner(extract):
    text = "Members of the Aviation Workers United union voted to strike."
    ps = [p for p in parties(extract, text) if p.party_type != "person"]
    assert ps and ps[0].party_id.startswith("aviation-workers-united")


def test_unknown_employer_named_before_its_executive(extract):
    text = (
        "About 140 caregivers at four Taieri Lifecare rest homes walked off the job yesterday.\n\n"
        "Taieri Lifecare chief executive Brent Morrow said the company's funding had gone up by only 3 per cent."
    )
    by_id = {p.party_id: p for p in parties(extract, text)}
    assert by_id["taieri-lifecare"].party_type == "employer"
    assert by_id["brent-morrow"].affiliation_id == "taieri-lifecare"


def test_place_before_a_name_and_a_maori_surname(extract):
    text = (
        "Health NZ interim district director for Te Tai Tokerau Alwyn Pīrini said 300 appointments were postponed. "
        "ASMS Northland branch president Dr Hemi Te Rangi said the strike was about keeping specialists. "
        "Te Rangi said members were exhausted."
    )
    ids = {p.party_id for p in parties(extract, text) if p.party_type == "person"}
    assert ids == {"alwyn-pirini", "hemi-te-rangi"}


def test_venues_are_not_people(extract):
    text = (
        "About 80 doctors marched from Whangārei Hospital to Laurie Hall Park on Tuesday. "
        "Hornby High School teacher Aroha Blackwell says staff are united. Chris Hall, a nurse, said she joined."
    )
    ids = {p.party_id for p in parties(extract, text) if p.party_type == "person"}
    assert "laurie-hall-park" not in ids and "hornby-high-school" not in ids
    assert {"aroha-blackwell", "chris-hall"} <= ids


def test_hyphenated_surnames(extract):
    text = (
        "Ports of Auckland general manager Lisa Brennan-Cole said the offer was final. "
        "Brennan-Cole said volume would be diverted. Apex organiser Siobhan Carr-Mead said members were angry."
    )
    people = {p.party_id: p for p in parties(extract, text) if p.party_type == "person"}
    assert set(people) == {"lisa-brennan-cole", "siobhan-carr-mead"}
    assert people["siobhan-carr-mead"].affiliation_id == "apex"


def test_storms_are_not_people_and_regional_councils_are_known(extract):
    text = "Cyclone Gabrielle damaged the port, Hawke's Bay Regional Council said."
    ps = parties(extract, text)
    assert "cyclone-gabrielle" not in {p.party_id for p in ps}
    assert ("hawkes-bay-regional-council", "government_agency") in {
        (p.party_id, p.party_type) for p in ps
    }


@pytest.mark.parametrize(
    ("text", "pid", "title"),
    [
        (
            "Health NZ group director of employment relations Mere Tamihana said the agency was relieved. "
            '"We have worked hard," Tamihana said.',
            "mere-tamihana",
            "group director of employment relations",
        ),
        (
            "E tū organiser Salote Vaka said many members earned $23.65 an hour. "
            '"They are not babysitters," Vaka said.',
            "salote-vaka",
            "organiser",
        ),
    ],
)
def test_names_the_tagger_only_half_knows_are_people(extract, text, pid, title):
    got = parties(extract, text)
    people: dict = {}
    for p in got:
        if p.party_type == "person":
            people.setdefault(p.party_id, p)  # the first mention, with the title
    assert set(people) == {pid} and people[pid].title == title
    assert all(p.party_type == "person" for p in got if p.party_id not in ("health-nz", "e-tu"))


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        (
            "The DHBs' offer was 2%. DHB spokeswoman Anne Aitcheson said the boards were disappointed. "
            "Southern DHB director of midwifery Lorna McGillivray said services would be safe.",
            "district-health-boards",
        ),
        (
            "Orderlies employed by the Otago District Health Board will strike. "
            "DHB human resources general manager Graham Lister said the offer was fair.",
            "otago-district-health-board",
        ),
    ],
)
def test_a_bare_dhb_is_the_collective_else_the_one_dhb_named(extract, text, pid):
    got = parties(extract, text)
    assert "dhb" not in {p.party_id for p in got}
    assert {p.affiliation_id for p in got if p.party_id in ("anne-aitcheson", "graham-lister")} == {
        pid
    }


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("Caregivers at rest homes owned by Rosewood Lifecare will strike.", "rosewood-lifecare"),
        (
            "Staff employed by the Southland District Health Board will strike.",
            "southland-district-health-board",
        ),
        ("Nurses at the Kaitaia Whanau Ora Trust will strike.", "kaitaia-whanau-ora-trust"),
    ],
)
def test_care_providers_and_boards_are_employers(extract, text, pid):
    got = {p.party_id: p.party_type for p in parties(extract, text)}
    assert got.get(pid) == "employer"


def test_southern_community_laboratories_is_not_awanui_labs(extract):
    got = {
        p.party_id
        for p in parties(
            extract, "Apex members at SCL will strike, Southern Community Laboratories said."
        )
    }
    assert "southern-community-laboratories" in got and "awanui-labs" not in got
