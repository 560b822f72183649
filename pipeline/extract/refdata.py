"""Loading and indexing the YAML reference data that extraction uses.

What belongs here: reading `pipeline/data/*.yaml` (curated organisations and
places, and extraction's own lexicons: event triggers, occupations, titles,
small word lists) into plain immutable indexes, once per process.
What does not: any text processing. A missing or malformed file yields an
empty index (extraction then finds fewer things) rather than an exception.

The file locations are module attributes so tests can point them at fixtures
before anything is loaded (`load_*` results are cached).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

ORGANISATIONS_FILE = DATA_DIR / "organisations.yaml"
PLACES_FILE = DATA_DIR / "places.yaml"
TRIGGERS_FILE = DATA_DIR / "event_triggers.yaml"
OCCUPATIONS_FILE = DATA_DIR / "occupations.yaml"
TITLES_FILE = DATA_DIR / "titles.yaml"
LEXICON_FILE = DATA_DIR / "extraction_lexicon.yaml"


def slugify(name: str) -> str:
    """Codebook slug: lower case, ASCII-folded (macrons stripped), runs of
    non-alphanumerics become one "-"."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError):
        return None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    type: str
    sector: str | None
    aliases: tuple[str, ...]
    match_lowercase: bool = False


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    region: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Occupation:
    name: str
    sector: str | None
    variants: tuple[str, ...]


@dataclass(frozen=True)
class TriggerType:
    event_type: str
    priority: int
    phrases: tuple[tuple[str, ...], ...]
    requires_any: frozenset[str] = frozenset()
    exclude_after: frozenset[str] = frozenset()
    exclude_before: frozenset[str] = frozenset()
    needs_date: bool = False


@dataclass(frozen=True)
class Triggers:
    types: tuple[TriggerType, ...] = ()
    cancel_cues: tuple[tuple[str, ...], ...] = ()
    continuation_cues: frozenset[str] = frozenset()
    first_ever_phrases: tuple[tuple[str, ...], ...] = ()
    national_phrases: tuple[str, ...] = ()
    funder_cues: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    not_parties: frozenset[str] = frozenset()
    document_words: frozenset[str] = frozenset()
    overseas_places: frozenset[str] = frozenset()
    generic_count_nouns: frozenset[str] = frozenset()
    people_nouns: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RefData:
    """Everything extraction needs to know besides the text."""

    organisations: dict[str, Organisation] = field(default_factory=dict)  # by id
    places: tuple[Place, ...] = ()
    place_by_alias: dict[str, Place] = field(default_factory=dict)  # exact surface form
    occupations: tuple[Occupation, ...] = ()
    occupation_variants: tuple[tuple[str, Occupation], ...] = ()  # longest first
    triggers: Triggers = Triggers()
    lexicon: Lexicon = Lexicon()


def _str_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if v is not None and str(v).strip())


def parse_organisations(raw: Any) -> dict[str, Organisation]:
    out: dict[str, Organisation] = {}
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
            continue
        name = str(item["name"])
        aliases = tuple(dict.fromkeys((name, *_str_list(item.get("aliases")))))
        out[str(item["id"])] = Organisation(
            id=str(item["id"]),
            name=name,
            type=str(item.get("type") or "other"),
            sector=(str(item["sector"]).lower() if item.get("sector") else None),
            aliases=aliases,
            match_lowercase=bool(item.get("match_lowercase", False)),
        )
    return out


def parse_places(raw: Any) -> tuple[Place, ...]:
    out = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not item.get("name"):
            continue
        out.append(
            Place(
                name=str(item["name"]),
                kind=str(item.get("kind") or "place"),
                region=(str(item["region"]) if item.get("region") else None),
                aliases=_str_list(item.get("aliases")),
            )
        )
    return tuple(out)


def _phrase(p: Any) -> tuple[str, ...]:
    return tuple(str(p).lower().split())


def parse_triggers(raw: Any) -> Triggers:
    if not isinstance(raw, dict):
        return Triggers()
    types = []
    for etype, spec in (raw.get("types") or {}).items():
        if not isinstance(spec, dict):
            continue
        types.append(
            TriggerType(
                event_type=str(etype),
                priority=int(spec.get("priority", 0)),
                phrases=tuple(_phrase(p) for p in _str_list(spec.get("phrases"))),
                requires_any=frozenset(s.lower() for s in _str_list(spec.get("requires_any"))),
                exclude_after=frozenset(s.lower() for s in _str_list(spec.get("exclude_after"))),
                exclude_before=frozenset(s.lower() for s in _str_list(spec.get("exclude_before"))),
                needs_date=bool(spec.get("needs_date", False)),
            )
        )
    return Triggers(
        types=tuple(sorted(types, key=lambda t: -t.priority)),
        cancel_cues=tuple(_phrase(p) for p in _str_list(raw.get("cancel_cues"))),
        continuation_cues=frozenset(s.lower() for s in _str_list(raw.get("continuation_cues"))),
        first_ever_phrases=tuple(_phrase(p) for p in _str_list(raw.get("first_ever_phrases"))),
        national_phrases=_str_list(raw.get("national_phrases")),
        funder_cues=frozenset(s.lower() for s in _str_list(raw.get("funder_cues"))),
    )


def parse_occupations(raw: Any) -> tuple[Occupation, ...]:
    out = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not item.get("name"):
            continue
        variants = {
            str(item["name"]).lower(),
            *(v.lower() for v in _str_list(item.get("variants"))),
        }
        out.append(
            Occupation(
                name=str(item["name"]).lower(),
                sector=(str(item["sector"]).lower() if item.get("sector") else None),
                variants=tuple(sorted(variants)),
            )
        )
    return tuple(out)


def _singular(word: str) -> str | None:
    if word.endswith("ves"):
        return word[:-3] + "fe"  # midwives -> midwife
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


def occupation_variant_index(occs: tuple[Occupation, ...]) -> tuple[tuple[str, Occupation], ...]:
    """(variant, occupation) pairs including derived singulars, longest first."""
    seen: dict[str, Occupation] = {}
    for occ in occs:
        for v in occ.variants:
            seen.setdefault(v, occ)
            head, _, last = v.rpartition(" ")
            sing = _singular(last)
            if sing and sing != "staf":
                seen.setdefault(f"{head} {sing}".strip(), occ)
    return tuple(sorted(seen.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def parse_lexicon(raw: Any, titles_raw: Any) -> Lexicon:
    raw = raw if isinstance(raw, dict) else {}
    titles_raw = titles_raw if isinstance(titles_raw, dict) else {}
    return Lexicon(
        not_parties=frozenset(_str_list(raw.get("not_parties"))),
        document_words=frozenset(_str_list(raw.get("document_words"))),
        overseas_places=frozenset(_str_list(raw.get("overseas_places"))),
        generic_count_nouns=frozenset(s.lower() for s in _str_list(raw.get("generic_count_nouns"))),
        people_nouns=frozenset(s.lower() for s in _str_list(raw.get("people_nouns"))),
        title_heads=frozenset(s.lower() for s in _str_list(titles_raw.get("head_words"))),
        title_modifiers=frozenset(s.lower() for s in _str_list(titles_raw.get("modifiers"))),
    )


@lru_cache(maxsize=4)
def _load(orgs: Path, places: Path, triggers: Path, occs: Path, titles: Path, lex: Path) -> RefData:
    place_list = parse_places(_read_yaml(places))
    by_alias: dict[str, Place] = {}
    for p in place_list:
        for form in (p.name, *p.aliases):
            by_alias.setdefault(form, p)
    occ_list = parse_occupations(_read_yaml(occs))
    return RefData(
        organisations=parse_organisations(_read_yaml(orgs)),
        places=place_list,
        place_by_alias=by_alias,
        occupations=occ_list,
        occupation_variants=occupation_variant_index(occ_list),
        triggers=parse_triggers(_read_yaml(triggers)),
        lexicon=parse_lexicon(_read_yaml(lex), _read_yaml(titles)),
    )


def load_refdata() -> RefData:
    """The reference data from the current file locations (cached per set of paths)."""
    return _load(
        ORGANISATIONS_FILE, PLACES_FILE, TRIGGERS_FILE, OCCUPATIONS_FILE, TITLES_FILE, LEXICON_FILE
    )
