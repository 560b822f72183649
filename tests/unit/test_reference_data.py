"""The curated reference data in pipeline/data: organisations.yaml and places.yaml.

These files are data, not code, and are edited by hand, so the properties the
extractor relies on (stable unique ids, a closed type vocabulary, aliases that
resolve to exactly one entry, the codebook's required parties) are checked here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "pipeline" / "data"

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ORG_TYPES = {"union", "employer", "government_agency", "government", "professional_body", "other"}
ORG_KEYS = {"id", "name", "type", "sector", "aliases", "match_lowercase"}
PLACE_KINDS = {"country", "island", "region", "city", "town", "suburb"}
PLACE_KEYS = {"name", "kind", "region", "aliases"}
REGIONS = {
    "Northland",
    "Auckland",
    "Waikato",
    "Bay of Plenty",
    "Gisborne",
    "Hawke's Bay",
    "Taranaki",
    "Manawatū-Whanganui",
    "Wellington",
    "Tasman",
    "Nelson",
    "Marlborough",
    "West Coast",
    "Canterbury",
    "Otago",
    "Southland",
}

# Surface forms that must never be an alias: ordinary words and 2-letter
# word-like acronyms that would match ordinary text.
FORBIDDEN_ALIASES = {
    "IT",
    "US",
    "AT",
    "UC",
    "IS",
    "OR",
    "ON",
    "IN",
    "NO",
    "SO",
    "TO",
    "ME",
    "MY",
    "WE",
    "HE",
    "AN",
    "Police",
    "Labour",
    "National",
    "Union",
    "Council",
    "Ministry",
    "Health",
    "Stuff",
    "Spark",
    "Chorus",
    "Customs",
    "Equity",
    "Airways",
    "Alliance",
    "Unite",
    "Mercury",
    "First",
    "Crown",
    "the union",
    "the employer",
    "union",
    "employer",
}


def _load(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def orgs() -> list[dict]:
    data = _load("organisations.yaml")
    assert isinstance(data, list) and data
    return data


@pytest.fixture(scope="module")
def places() -> list[dict]:
    data = _load("places.yaml")
    assert isinstance(data, list) and data
    return data


@pytest.fixture(scope="module")
def org_by_id(orgs) -> dict[str, dict]:
    return {o["id"]: o for o in orgs}


def _forms(entry: dict) -> list[str]:
    return [entry["name"], *(entry.get("aliases") or [])]


def _strip_macrons(s: str) -> str:
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if unicodedata.category(c) != "Mn"))


# --------------------------------------------------------------------------
# Organisations: shape
# --------------------------------------------------------------------------


def test_org_entries_have_known_keys_and_types(orgs):
    for o in orgs:
        assert isinstance(o, dict), o
        assert set(o) <= ORG_KEYS, (o.get("id"), set(o) - ORG_KEYS)
        assert {"id", "name", "type", "aliases"} <= set(o), o.get("id")
        assert isinstance(o["name"], str) and o["name"].strip() == o["name"] != "", o["id"]
        assert o["type"] in ORG_TYPES, (o["id"], o["type"])
        assert isinstance(o["aliases"], list), o["id"]
        sector = o.get("sector")
        assert sector is None or (
            isinstance(sector, str) and sector == sector.lower() and sector
        ), o["id"]


def test_org_ids_are_slugs_and_unique(orgs):
    ids = [o["id"] for o in orgs]
    for i in ids:
        assert isinstance(i, str) and ID_RE.match(i), i
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, dupes


def test_org_aliases_are_non_empty_stripped_strings(orgs):
    for o in orgs:
        for a in o["aliases"]:
            assert isinstance(a, str), (o["id"], a)
            assert a.strip() and a == a.strip(), (o["id"], repr(a))


def test_org_aliases_not_repeated_within_an_entry(orgs):
    for o in orgs:
        forms = _forms(o)
        dupes = [f for f, n in Counter(forms).items() if n > 1]
        assert not dupes, (o["id"], dupes)


def test_no_alias_belongs_to_two_organisations(orgs):
    owner: dict[str, str] = {}
    clashes = []
    for o in orgs:
        for form in dict.fromkeys(f.strip() for f in _forms(o)):
            if form in owner and owner[form] != o["id"]:
                clashes.append((form, owner[form], o["id"]))
            owner.setdefault(form, o["id"])
    assert not clashes, clashes


def test_case_insensitive_entries_do_not_capture_other_aliases(orgs):
    """An entry matched in any case must not swallow another entry's form."""
    loose = {f.lower(): o["id"] for o in orgs if o.get("match_lowercase") for f in _forms(o)}
    clashes = [
        (f, o["id"], loose[f.lower()])
        for o in orgs
        if not o.get("match_lowercase")
        for f in _forms(o)
        if f.lower() in loose
    ]
    assert not clashes, clashes


def test_match_lowercase_only_on_generic_government_entry(orgs):
    flagged = [o["id"] for o in orgs if o.get("match_lowercase")]
    assert flagged == ["nz-government"]
    for o in orgs:
        assert o.get("match_lowercase", False) in (True, False), o["id"]


def test_no_forbidden_or_word_like_aliases(orgs):
    for o in orgs:
        for f in _forms(o):
            assert f not in FORBIDDEN_ALIASES or o.get("match_lowercase"), (o["id"], f)
            if not o.get("match_lowercase"):
                # a bare lower-case single word would match ordinary prose
                assert not re.fullmatch(r"[a-z]+", f), (o["id"], f)
                assert len(f) > 2, (o["id"], f)


def test_every_macron_form_has_a_plain_twin(orgs, places):
    """News often drops macrons; matching is exact, so both spellings are listed."""
    for e in [*orgs, *places]:
        forms = set(_forms(e))
        for f in forms:
            plain = _strip_macrons(f)
            assert plain in forms, (e["name"], f, plain)


def test_every_apostrophe_form_has_a_curly_twin(orgs, places):
    for e in [*orgs, *places]:
        forms = set(_forms(e))
        for f in forms:
            if "'" in f:
                assert f.replace("'", "\u2019") in forms, (e["name"], f)


# --------------------------------------------------------------------------
# Organisations: entries the codebook and the seeds require
# --------------------------------------------------------------------------

REQUIRED_ORGS = {
    "health-nz": (
        "Health New Zealand",
        "government_agency",
        {"Te Whatu Ora", "Health NZ", "Te Whatu Ora/Health New Zealand"},
    ),
    "hato-hone-st-john": (
        "Hato Hone St John",
        "employer",
        {"St John", "St John Ambulance", "St John New Zealand", "Order of St John"},
    ),
    "nz-ambulance-association": (
        "New Zealand Ambulance Association",
        "union",
        {"Ambulance Association", "NZAA", "NZ Ambulance Association"},
    ),
    "first-union": ("First Union", "union", {"FIRST Union"}),
    "resident-doctors-association": (
        "New Zealand Resident Doctors' Association",
        "union",
        {
            "Resident Doctors' Association",
            "Resident Doctors Association",
            "RDA",
            "NZRDA",
            "NZ Resident Doctors' Association",
        },
    ),
    "acc": ("Accident Compensation Corporation", "government_agency", {"ACC"}),
    "wellington-free-ambulance": ("Wellington Free Ambulance", "employer", set()),
    "nz-government": (
        "New Zealand Government",
        "government",
        {
            "government",
            "Government",
            "the Government",
            "ministers",
            "Cabinet",
            "the coalition government",
        },
    ),
}


@pytest.mark.parametrize("org_id", sorted(REQUIRED_ORGS))
def test_required_organisation(org_by_id, org_id):
    name, typ, aliases = REQUIRED_ORGS[org_id]
    assert org_id in org_by_id
    o = org_by_id[org_id]
    assert o["name"] == name
    assert o["type"] == typ
    missing = aliases - set(o["aliases"])
    assert not missing, missing


def test_government_entry_is_case_insensitive(org_by_id):
    assert org_by_id["nz-government"]["match_lowercase"] is True


def test_seed_gold_parties_resolve_to_their_ids(org_by_id):
    """Every organisation surface form in gold/seeds.json maps to the gold id."""
    gold = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.json"
    if not gold.exists():
        pytest.skip("shared/gold/seeds.json not beside the repository")
    import json

    owner = {}
    for o in org_by_id.values():
        for f in _forms(o):
            owner[f.lower() if o.get("match_lowercase") else f] = o["id"]
    for party in json.loads(gold.read_text(encoding="utf-8"))["parties"]:
        if party["party_type"] == "person":
            continue
        assert party["party_id"] in org_by_id, party["party_id"]
        assert org_by_id[party["party_id"]]["name"] == party["name"]
        assert org_by_id[party["party_id"]]["type"] == party["party_type"]
        for alias in party["aliases"]:
            key = alias.lower() if org_by_id[party["party_id"]].get("match_lowercase") else alias
            assert owner.get(key) == party["party_id"], alias


def test_former_dhbs_are_twenty_employers(orgs):
    dhbs = [o for o in orgs if o["id"].endswith("-dhb")]
    assert len(dhbs) == 20
    for o in dhbs:
        assert o["type"] == "employer" and o["sector"] == "health", o["id"]
        assert o["name"].endswith("District Health Board"), o["name"]
        assert any(a.endswith("DHB") for a in o["aliases"]), o["id"]


def test_core_unions_and_agencies_present(org_by_id):
    expect = {
        "nz-nurses-organisation": ("union", {"NZNO", "Tōpūtanga Tapuhi Kaitiaki o Aotearoa"}),
        "association-of-salaried-medical-specialists": ("union", {"ASMS", "Toi Mata Hauora"}),
        "public-service-association": ("union", {"PSA", "Te Pūkenga Here Tikanga Mahi"}),
        "e-tu": ("union", {"E tu", "E Tū"}),
        "nz-council-of-trade-unions": ("union", {"CTU", "Te Kauae Kaimahi"}),
        "nzei-te-riu-roa": ("union", {"NZEI"}),
        "post-primary-teachers-association": ("union", {"PPTA", "PPTA Te Wehengarua"}),
        "tertiary-education-union": ("union", {"TEU", "Te Hautū Kahurangi"}),
        "department-of-corrections": ("government_agency", {"Corrections", "Ara Poutama Aotearoa"}),
        "ministry-of-education": ("government_agency", {"Te Tāhuhu o te Mātauranga"}),
        "public-service-commission": ("government_agency", {"Te Kawa Mataaho"}),
        "fire-and-emergency-nz": ("employer", {"FENZ", "Fire and Emergency"}),
        "woolworths-nz": ("employer", {"Countdown"}),
    }
    for oid, (typ, aliases) in expect.items():
        assert oid in org_by_id, oid
        assert org_by_id[oid]["type"] == typ, oid
        assert aliases <= set(org_by_id[oid]["aliases"]), (
            oid,
            aliases - set(org_by_id[oid]["aliases"]),
        )


def test_breadth(orgs):
    types = Counter(o["type"] for o in orgs)
    assert len(orgs) >= 200
    assert types["union"] >= 30
    assert types["employer"] >= 80
    assert types["government_agency"] >= 40
    assert types["government"] == 1


# --------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------


def test_place_entries_have_known_keys_and_kinds(places):
    for p in places:
        assert isinstance(p, dict), p
        assert set(p) <= PLACE_KEYS and {"name", "kind"} <= set(p), p
        assert isinstance(p["name"], str) and p["name"] == p["name"].strip() != "", p
        assert p["kind"] in PLACE_KINDS, p
        assert p.get("region") is None or p["region"] in REGIONS, p
        for a in p.get("aliases") or []:
            assert isinstance(a, str) and a.strip() and a == a.strip(), (p["name"], repr(a))


def test_place_names_and_aliases_unique(places):
    counts = Counter(f for p in places for f in dict.fromkeys(_forms(p)))
    dupes = [f for f, n in counts.items() if n > 1]
    assert not dupes, dupes
    for p in places:
        forms = _forms(p)
        assert len(forms) == len(set(forms)), p["name"]


def test_places_are_not_overseas(places):
    lexicon = _load("extraction_lexicon.yaml") or {}
    overseas = set(lexicon.get("overseas_places") or [])
    for p in places:
        for f in _forms(p):
            assert f not in overseas, f


def test_country_islands_and_regions(places):
    by_name = {p["name"]: p for p in places}
    nz = by_name["New Zealand"]
    assert nz["kind"] == "country"
    assert {"Aotearoa", "NZ", "Aotearoa New Zealand"} <= set(nz["aliases"])
    assert "Te Ika-a-Māui" in by_name["North Island"]["aliases"]
    assert "Te Waipounamu" in by_name["South Island"]["aliases"]
    # every region is used, and each has a place entry of kind region
    assert {p["region"] for p in places if p.get("region")} == REGIONS
    region_entries = {
        p["region"]
        for p in places
        if p["kind"] == "region"
        and p.get("region")
        and p["name"] in (p["region"], p["region"] + " Region")
    }
    assert region_entries == REGIONS


REQUIRED_FORMS = [
    # (place name, a form that must be its name or alias)
    ("Manawatū-Whanganui", "Manawatu-Whanganui"),
    ("Christchurch", "Ōtautahi"),
    ("Christchurch", "Otautahi"),
    ("Auckland", "Tāmaki Makaurau"),
    ("Wellington", "Te Whanganui-a-Tara"),
    ("Whangārei", "Whangarei"),
    ("Taupō", "Taupo"),
    ("Ōtaki", "Otaki"),
    ("Ōamaru", "Oamaru"),
    ("Whakatāne", "Whakatane"),
    ("Kaikōura", "Kaikoura"),
    ("Northland", "Te Tai Tokerau"),
    ("Waikato", "Waikato"),
    ("Bay of Plenty", "Te Moana-a-Toi"),
    ("Hawke's Bay", "Te Matau-a-Māui"),
    ("Hawke's Bay", "Hawke’s Bay"),
    ("Gisborne Region", "Tairāwhiti"),
    ("Taranaki", "Taranaki"),
    ("Nelson", "Whakatū"),
    ("Tasman", "Tasman"),
    ("Marlborough", "Marlborough"),
    ("West Coast", "Te Tai Poutini"),
    ("Canterbury", "Waitaha"),
    ("Otago", "Ōtākou"),
    ("Southland", "Murihiku"),
    ("Palmerston North", "Te Papa-i-Ōea"),
    ("Palmerston North", "Palmy"),
    ("Invercargill", "Invercargill"),
    ("Ōtāhuhu", "Otahuhu"),
    ("Grafton", "Grafton"),
]


@pytest.mark.parametrize(("name", "form"), REQUIRED_FORMS)
def test_required_place_forms(places, name, form):
    by_name = {p["name"]: p for p in places}
    assert name in by_name, name
    assert form in _forms(by_name[name]), (name, form)


def test_seed_rally_places_present(places):
    forms = {f for p in places for f in _forms(p)}
    assert {"Auckland", "Palmerston North", "Christchurch", "Invercargill", "New Zealand"} <= forms


def test_place_breadth(places):
    kinds = Counter(p["kind"] for p in places)
    assert len(places) >= 150
    assert kinds["city"] >= 15 and kinds["town"] >= 60 and kinds["suburb"] >= 20
