"""Parties: every place an article names an organisation or a person, and who
is speaking in each sentence.

What belongs here:
- curated organisations (matched by the `ia_curated_entities` ruler from
  organisations.yaml: id, canonical name and type come from the YAML);
- other organisations from spaCy's ORG entities (slug of the fullest name used
  in the article, a shorter form or a bracketed acronym sharing its id);
- people from PERSON entities, with title and affiliation read from the words
  around the name; a surname alone resolves to the full name used elsewhere
  in the article;
- `speakers()`: which party each sentence is attributed to ("X said",
  "according to X", quotes continuing a speaker's paragraph).
What does not: the roles parties play in events (events.py).

Word lists live in pipeline/data (titles.yaml, party_rules.yaml), not here.

Rules, in order of application:

Organisations that are not curated
- Not parties: bare generic words ("the Ministry", "the Board"), names made
  only of group adjectives ("Pacific"), headline or event fragments ("Nurses
  Strike"), document names ("... Collective Agreement"), places (every token
  inside a curated place, or "to the Octagon"-style landmarks), workplaces
  ("Wellington Hospital", "Ward 7": the employer is the body that runs them),
  and media outlets that only report the story ("told RNZ").
- A shorter form of an organisation named in full in the article, or its
  bracketed acronym, is the same party ("ISS" after "ISS Facility Services").
- party_type is the organisation's *type*, not its role in a dispute (roles
  are event_parties): from the name (party_rules.yaml `org_type_patterns`:
  "... Union" -> union, "Ministry of ..." / "... Regional Council" ->
  government_agency, "... Ltd" -> employer), else from how the article refers
  to it ("the union, X", "X ... The union says" -> union; "the company" ->
  employer), else `other`. Companies are `employer` (as in the curated list).
- "<country> government" (UK, Australian, ...) is that country's government,
  not `nz-government`.
- After a curated government agency, a district name is part of the mention
  ("Te Whatu Ora Southern", "Health NZ Te Tai Tokerau"); after a union or
  company a place stays in the person's title ("Maritime Union Lyttelton
  branch secretary").

People
- A person is a PERSON entity, or an ORG entity that is really a name: 2-3
  capitalised tokens with no organisation word, preceded by a title
  ("LPC chief executive Marcus Kettle") or equal to a known person's surname.
- Ministers: "Health Minister", "Associate Health Minister", "Minister of
  Finance", "Prime Minister" before a name are that person's title, with
  affiliation `nz-government`; without a name they are a mention of
  `nz-government` ("a spokesperson for the Health Minister").
- Title, as written (a sentence-initial capital is lowered): the run of
  lower-case words ending in (or containing, before "of ...") a title head
  word, directly before the name ("chief operating officer", "general manager
  of engineering"), optionally led by a place ("Otago-Southland secretary");
  or an apposition after it ("Dr X, an independent health economist",
  "said X, the union's national secretary", "X, who chairs the ...").
- Affiliation: the organisation the title names: an organisation right before
  the title ("NZNO industrial adviser X"), an owner in the apposition
  ("..., an emergency department nurse and NZNO delegate"), "X, organiser for
  E tū", "X from the PSA"; a possessive bare reference ("the union's lead
  advocate X") resolves to the latest organisation of that type named before.
  A minister -> nz-government. Only when the title is an office (not a role
  such as commuter or economist, and not "independent") and names no
  organisation does the first organisation of the sentence stand in, else
  the one organisation of the sentence before ("Foodstuffs says ... In a
  statement, head of supply chain X said"). Otherwise null.
- Other title shapes: a comma apposition before the name ("First Union's
  retail secretary, X, said", "The union's Otago organiser, X,",
  "Kaiwhakahaere of NZNO, X," -> the "of" organisation is the affiliation,
  "general manager for New Zealand, X," -> a place stays in the title), "X,
  who is the union's organiser", "X (E tū delegate)", "E tū's X" (affiliation
  only), "organiser for the region X". A sentence-initial bare reference or
  short name before a title is its owner, not part of it ("Council ...
  manager X", "Menzies general manager X" after "Menzies Aviation").
  Honorifics (Dr, Captain, Whaea...) between title and name are skipped.

Noise
- A party named only in a byline ("By X, Outlet"), a contact block (from
  "ENDS" / "For more information" to the end) or a photo credit ("Photo: X")
  is not a party; a party named elsewhere keeps those mentions.
- te reo greetings ("Kia kaha", "Tēnā koutou") are not names; a place with a
  compass word ("Dunedin North") is not a person; a PERSON entity with an
  organisation word ("Air Nelson") is an organisation; an organisation name
  followed by a lower-case workplace noun ("the X aquatic centre") is a
  workplace, as are its other mentions.

Speakers
- "The union said in a statement": a bare reference subject of a speech verb
  is the latest organisation of that type named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Span

from pipeline.extract.context import Sentence, boilerplate_ranges
from pipeline.extract.nlp import PLACES_KEY, find_places
from pipeline.extract.records import PartyMention
from pipeline.extract.refdata import DATA_DIR, RefData, slugify

RULES_FILE = DATA_DIR / "party_rules.yaml"

SPEECH_LEMMAS = {"say", "tell", "add", "claim", "explain", "state", "warn", "note", "argue", "confirm",
                 "insist", "write", "reveal", "announce", "stress", "urge", "respond", "comment"}  # fmt: skip
_NAME_TOKEN = re.compile(r"^[A-ZĀĒĪŌŪ][\w'’\-.]*$")
_POSSESSIVE = ("'s", "’s", "'", "’")
_NAME_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "di",
    "du",
    "le",
    "la",
    "bin",
    "binti",
    "ter",
}
_CONNECTIVES = ("of", "and", "&", "for")
# lower-case words that end a title run (function words, reporting verbs)
_TITLE_STOP = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
               "those", "said", "says", "say", "told", "tells", "added", "who", "which", "was", "is", "were",
               "are", "be", "been", "has", "have", "had", "to", "in", "on", "at", "by", "with", "from", "as",
               "but", "or", "nor", "than", "then", "when", "while", "after", "before", "if", "not", "also",
               "meanwhile", "however", "according", "since", "about", "over", "under", "per", "via", "into",
               "some", "many", "most", "all", "other", "another", "both", "each", "every", "former"}  # fmt: skip
_ORG_WORDS = re.compile(
    r"^(?:Union|Unions|Association|Organisation|Organization|Company|Ltd|Limited|Council|Ministry|Department|"
    r"Board|Trust|Group|Corporation|Authority|Commission|Agency|Society|Institute|College|University|School|"
    r"Hospital|Services|Service|Inc|Holdings|Industries|Federation|Guild|Centre|Foundation|Network|Club|"
    r"Party|Bank|Airlines|Airways|Rail|Transport|Port|Ports|Health|NZ|New|Zealand|Te|Aotearoa|"
    r"Hospice|Lodge|Lifecare|Healthcare|Laboratories|Labs|Pharmacy|Clinic|Hauora|Care)$"
)


# --------------------------------------------------------------------------
# Rules data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyRules:
    org_type_patterns: tuple[tuple[str, re.Pattern], ...] = ()
    reference_nouns: dict[str, str] = field(default_factory=dict)  # noun -> party_type
    workplace_heads: frozenset[str] = frozenset()
    not_name_words: frozenset[str] = frozenset()
    venue_words: frozenset[str] = frozenset()
    venue_surnames: frozenset[str] = frozenset()
    street_words: frozenset[str] = frozenset()
    not_person_first_words: frozenset[str] = frozenset()
    headline_words: frozenset[str] = frozenset()
    generic_org_words: frozenset[str] = frozenset()
    reporting_cues: tuple[tuple[str, ...], ...] = ()
    media_sectors: frozenset[str] = frozenset()
    district_words: tuple[tuple[str, ...], ...] = ()
    foreign_governments: dict[str, str] = field(default_factory=dict)
    independent_modifiers: frozenset[str] = frozenset()
    role_heads: frozenset[str] = frozenset()
    title_verbs: dict[str, str] = field(default_factory=dict)
    honorifics: frozenset[str] = frozenset()
    bare_references: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)


def _words(raw: Any) -> frozenset[str]:
    return frozenset(str(w) for w in raw) if isinstance(raw, list) else frozenset()


def parse_rules(raw: Any) -> PartyRules:
    raw = raw if isinstance(raw, dict) else {}
    pats = []
    for ptype, regs in (raw.get("org_type_patterns") or {}).items():
        for r in regs or []:
            try:
                pats.append((str(ptype), re.compile(str(r))))
            except re.error:
                continue
    refs = {
        str(n).lower(): str(t)
        for t, nouns in (raw.get("reference_nouns") or {}).items()
        for n in nouns or []
    }
    cues = tuple(
        tuple(str(w).lower() for w in c)
        for c in raw.get("reporting_cues") or []
        if isinstance(c, list)
    )
    return PartyRules(
        org_type_patterns=tuple(pats),
        reference_nouns=refs,
        workplace_heads=_words(raw.get("workplace_heads")),
        not_name_words=_words(raw.get("not_name_words")),
        venue_words=_words(raw.get("venue_words")),
        venue_surnames=_words(raw.get("venue_surnames")),
        street_words=_words(raw.get("street_words")),
        not_person_first_words=_words(raw.get("not_person_first_words")),
        headline_words=_words(raw.get("headline_words")),
        generic_org_words=_words(raw.get("generic_org_words")),
        reporting_cues=cues,
        media_sectors=frozenset(str(w).lower() for w in raw.get("media_sectors") or []),
        district_words=tuple(
            sorted(
                (tuple(str(w).split()) for w in raw.get("district_words") or []),
                key=len,
                reverse=True,
            )
        ),
        foreign_governments={
            str(k): str(v) for k, v in (raw.get("foreign_governments") or {}).items()
        },
        independent_modifiers=frozenset(
            str(w).lower() for w in raw.get("independent_modifiers") or []
        ),
        role_heads=frozenset(str(w).lower() for w in raw.get("role_heads") or []),
        title_verbs={str(k).lower(): str(v) for k, v in (raw.get("title_verbs") or {}).items()},
        honorifics=_words(raw.get("honorifics")),
        bare_references={
            str(k): (str(v.get("collective")), tuple(str(w) for w in v.get("kind") or [k]))
            for k, v in (raw.get("bare_references") or {}).items()
            if isinstance(v, dict) and v.get("collective")
        },
    )


@lru_cache(maxsize=4)
def _load_rules(path: Path) -> PartyRules:
    try:
        with open(path, encoding="utf-8") as fh:
            return parse_rules(yaml.safe_load(fh))
    except (OSError, yaml.YAMLError):
        return PartyRules()


def load_rules() -> PartyRules:
    return _load_rules(RULES_FILE)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


@dataclass
class _Person:
    party_id: str
    name: str
    affiliation_id: str | None = None
    explicit: bool = False  # affiliation stated with the title, not guessed from the sentence


@dataclass
class _Ctx:
    doc: Doc
    ref: RefData
    rules: PartyRules
    place_tokens: dict[int, Span]  # token index -> curated place span
    heads: frozenset[str]
    org_by_end: dict[int, str] = field(default_factory=dict)  # token end -> party_id
    org_by_start: dict[int, str] = field(default_factory=dict)
    org_type: dict[str, str] = field(default_factory=dict)  # party_id -> type
    org_spans: list[tuple[Span, str]] = field(default_factory=list)
    # texts of entities named right before a title and a person ("Taieri
    # Lifecare chief executive Brent Morrow"), found once per article
    title_holders: frozenset[str] = frozenset()

    def add_org(self, span: Span, pid: str, ptype: str) -> None:
        self.org_by_end[span.end] = pid
        self.org_by_start[span.start] = pid
        self.org_type.setdefault(pid, ptype)
        self.org_spans.append((span, pid))

    def latest_of_type(self, ptype: str, before: int) -> str | None:
        cands = [
            (s.start, pid)
            for s, pid in self.org_spans
            if self.org_type.get(pid) == ptype and s.start < before
        ]
        if cands:
            return max(cands)[1]
        after = [(s.start, pid) for s, pid in self.org_spans if self.org_type.get(pid) == ptype]
        return min(after)[1] if after else None


def _strip_span(span: Span, rules: PartyRules) -> Span:
    """Drop a leading "the", honorifics and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].text in rules.honorifics):
        start += 1
    while end > start and doc[end - 1].lower_ in _POSSESSIVE:
        end -= 1
    return doc[start:end]


def _is_name(span: Span) -> bool:
    return (
        len(span) > 0
        and all(
            _NAME_TOKEN.match(t.text)
            or t.text in ("-", "'", "&", "of", "and")
            or t.text in _NAME_PARTICLES
            for t in span
        )
        and _NAME_TOKEN.match(span[0].text) is not None
        and _NAME_TOKEN.match(span[-1].text) is not None
    )


def _overlaps(a: Span, spans: list[Span]) -> bool:
    return any(a.start < s.end and s.start < a.end for s in spans)


_COMPASS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
            "upper", "lower", "inner", "outer"}  # fmt: skip


def _in_places(span: Span, ctx: _Ctx) -> bool:
    """Is the span only places ("Auckland and Christchurch", "Te Tai Tokerau"),
    or a place with a compass word ("Dunedin North", an electorate)?"""
    return span[0].i in ctx.place_tokens and all(
        t.i in ctx.place_tokens or t.lower_ in ("-", "/", ",", "and", "&") or t.lower_ in _COMPASS
        for t in span
    )


# Organisation words that a personal name never contains: a PERSON entity
# with one ("Air Nelson") is an organisation.
_STRONG_ORG_WORDS = {"Air", "Airlines", "Airways", "Union", "Unions", "Association", "Ltd", "Limited",
                     "Council", "Ministry", "Company", "Group", "Services", "Holdings", "Industries",
                     "Federation", "Guild", "Corporation", "Authority", "Commission", "Agency", "Society",
                     "Institute", "University", "Foundation", "Inc", "Bank", "Hospice", "Lodge", "Lifecare",
                     "Healthcare", "Laboratories", "Labs", "Pharmacy", "Clinic", "Hauora"}  # fmt: skip

# lower-case nouns naming a workplace after a name ("Waterworld aquatic centre")
_WORKPLACE_NOUNS = {"library", "libraries", "pool", "pools", "stadium", "facility", "complex", "factory",
                    "warehouse", "yard", "site", "store", "branch", "prison", "hospital", "clinic",
                    "centre", "center", "depot", "plant", "mill", "terminal", "wharf", "campus", "school"}  # fmt: skip


_MEDIA_REPORTS = re.compile(
    r"(?i)(?:['’]s\s{1,3}(?:[a-z]+\s{1,3}){0,2}(?:reporter|journalist|newsletter|podcast|programme|political editor|"
    r"editor|correspondent|coverage|investigation|analysis)\b"
    r"|\s{1,3}(?:has\s{1,3}|had\s{1,3}|have\s{1,3}|was\s{1,3}|is\s{1,3})?(?:contacted|asked|approached|understands|learned|learnt|"
    r"revealed|reported|sought|obtained|seen|can\s{1,3}reveal|told|spoke|requested|put\s{1,3}questions|"
    r"been\s{1,3}told|been\s{1,3}unable|understood))\b"
)


def _preceded_by(doc: Doc, i: int, cues: tuple[tuple[str, ...], ...]) -> bool:
    """Does one of the lower-case token sequences end right before token i
    (allowing a "the")?"""
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    for cue in cues:
        n = len(cue)
        if i - n >= 0 and tuple(t.lower_ for t in doc[i - n : i]) == cue:
            return True
    return False


def _org_type_from_name(name: str, rules: PartyRules) -> str | None:
    for ptype, pat in rules.org_type_patterns:
        if pat.search(name):
            return ptype
    return None


def _title_word(tok, ctx: _Ctx) -> bool:
    """Can this token be part of a title run ("chief", "operating", "co")?"""
    low = tok.lower_
    if tok.ent_type_ == "PERSON" and (low in ctx.heads or low in ctx.ref.lexicon.title_modifiers):
        return True  # "Shopper Grace Whitu" tagged as one PERSON
    if tok.ent_type_ in (
        "ORG",
        "PERSON",
        "DATE",
        "TIME",
        "CARDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
    ):
        return False
    if low in _TITLE_STOP or (not tok.is_alpha and low not in ("co", "vice")):
        return False
    if low in ctx.heads or low in ctx.ref.lexicon.title_modifiers:
        return True
    if tok.text != low and not tok.is_sent_start:
        return False  # a capitalised word mid-sentence is a name, not a title word
    return tok.pos_ in ("NOUN", "ADJ", "PROPN", "X") or tok.tag_ in ("VBG", "VBN")


def _place_left(doc: Doc, end: int, ctx: _Ctx) -> int | None:
    """Start of a place (or hyphenated pair of places) ending at token `end`."""
    if end - 1 not in ctx.place_tokens or any(s.start < end <= s.end for s, _ in ctx.org_spans):
        return None
    start = ctx.place_tokens[end - 1].start
    if start >= 2 and doc[start - 1].text in ("-", "/") and start - 2 in ctx.place_tokens:
        start = ctx.place_tokens[start - 2].start
    return start


def _clean_title(doc: Doc, first: int, last: int, ctx: _Ctx) -> str:
    """The title as written; a capital only due to the sentence start is lowered."""
    text = doc[first:last].text
    tok = doc[first]
    if (
        tok.is_sent_start
        and first not in ctx.place_tokens
        and tok.text[:1].isupper()
        and tok.text[1:].islower()
    ):
        text = text[:1].lower() + text[1:]
    return re.sub(r"\s*-\s*", "-", text)


def _has_head(doc: Doc, first: int, last: int, ctx: _Ctx) -> bool:
    return any(doc[k].lower_ in ctx.heads for k in range(first, last))


def _title_left(doc: Doc, start: int, sent_start: int, ctx: _Ctx) -> tuple[int, int] | None:
    """Token range of a title directly before token `start` (honorifics between
    them skipped): "chief operating officer", "general manager of engineering",
    "Otago-Southland secretary"."""
    i = start - 1
    while i >= sent_start and doc[i].text in ctx.rules.honorifics:
        i -= 1
    end = i + 1
    while i >= sent_start and end - i <= 9:
        t = doc[i]
        if t.lower_ in _CONNECTIVES or (
            t.text == "-" and i + 1 < end and i > sent_start and doc[i - 1].is_alpha
        ):
            i -= 1
            continue
        if t.lower_ == "the" and i > sent_start and doc[i - 1].lower_ in ("of", "for"):
            i -= 1  # "organiser for the region"
            continue
        if _title_word(t, ctx):
            i -= 1
            continue
        break
    first = i + 1
    while first < end and (doc[first].lower_ in _CONNECTIVES or doc[first].text == "-"):
        first += 1
    if first >= end or not _has_head(doc, first, end, ctx):
        return None
    # words after the last head must be a complement ("manager of engineering")
    last_head = max(k for k in range(first, end) if doc[k].lower_ in ctx.heads)
    if last_head + 1 < end and doc[last_head + 1].lower_ not in ("of", "for"):
        return None
    # a place right before the title belongs to it ("Lyttelton branch secretary"),
    # unless it is part of a government agency's district (handled in orgs)
    p = _place_left(doc, first, ctx)
    if p is not None and p >= sent_start:
        first = p
    return first, end


def _title_before(
    doc: Doc, start: int, end: int, sent_start: int, ctx: _Ctx
) -> tuple[int, int, str | None] | None:
    """A title before the name doc[start:end]: directly ("organiser Jane
    Doe") or as a comma apposition ("First Union's retail secretary, Jane Doe,
    said", "Kaiwhakahaere of NZNO, Jane Doe, said", "Menzies general manager
    for New Zealand, Craig Dillon, said"); the apposition needs the name to
    close it (a comma, bracket, full stop or speech verb after it). Returns
    (first, last, complement organisation): an organisation in an "of/for"
    complement is the affiliation and stays out of the title; a place stays in.
    """
    rng = _title_left(doc, start, sent_start, ctx)
    if rng is not None:
        return rng[0], rng[1], None
    comma = start - 1
    if comma - 1 <= sent_start or doc[comma].text != ",":
        return None
    if end < len(doc):
        nxt = doc[end]
        if not (nxt.text in (",", "(", ".", ";") or
                (nxt.lemma_.lower() in SPEECH_LEMMAS and nxt.pos_ == "VERB")):  # fmt: skip
            return None
    if comma in ctx.org_by_end:
        o = max(sp.start for sp, _ in ctx.org_spans if sp.end == comma)
        if o - 1 > sent_start and doc[o - 1].lower_ == "the":
            o -= 1
        if o - 1 > sent_start and doc[o - 1].lower_ in ("of", "for", "at"):
            rng = _title_left(doc, o - 1, sent_start, ctx)
            if rng is not None:
                return rng[0], rng[1], ctx.org_by_end[comma]
        return None
    k = comma
    while k > sent_start and (k - 1 in ctx.place_tokens or doc[k - 1].ent_type_ in ("GPE", "LOC")):
        k -= 1
    if k < comma:
        if doc[k - 1].lower_ not in ("of", "for", "in"):
            return None
        rng = _title_left(doc, k - 1, sent_start, ctx)
        return (rng[0], comma, None) if rng is not None else None
    rng = _title_left(doc, comma, sent_start, ctx)
    return (rng[0], rng[1], None) if rng is not None else None


def _title_run_right(doc: Doc, i: int, sent_end: int, ctx: _Ctx) -> int:
    """End of a title run starting at token i."""
    j = i
    while j < sent_end and j - i < 9:
        t = doc[j]
        if t.lower_ in ("of", "for", "and", "&") and j > i:
            j += 1
            continue
        if t.text == "-" and j > i and j + 1 < sent_end and doc[j + 1].is_alpha:
            j += 1
            continue
        if _title_word(t, ctx) and not (t.is_sent_start and j > i):
            j += 1
            continue
        break
    while j > i and (doc[j - 1].lower_ in (*_CONNECTIVES, "the") or doc[j - 1].text == "-"):
        j -= 1
    return j


_EXECUTIVE = re.compile(
    r"\s+(?:chief\s+executive|managing\s+director|general\s+manager|chief\s+operating\s+officer|owner"
    r"|chief\s+people\s+officer|human\s+resources\s+(?:manager|director))\s+[A-ZĀĒĪŌŪ]"
)


def _names_title_holder(doc: Doc, ent: Span, ctx: _Ctx) -> bool:
    """A PERSON entity directly followed by a title of two words or more with a
    title head, then another PERSON: "Taieri Lifecare chief executive Brent Morrow"."""
    end = _title_run_right(doc, ent.end, ent.sent.end, ctx)
    if end - ent.end < 2 or not _has_head(doc, ent.end, end, ctx):
        return False
    return end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "B"


def _owner_at(doc: Doc, i: int, ctx: _Ctx) -> tuple[str | None, int]:
    """An organisation owning the title that starts at i ("NZNO delegate",
    "the union's organiser", "E tū's"): (party_id, index after the owner)."""
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i in ctx.org_by_start:
        pid = ctx.org_by_start[i]
        end = next(s.end for s, p in ctx.org_spans if s.start == i)
        if end < len(doc) and doc[end].lower_ in _POSSESSIVE:
            end += 1
        return pid, end
    if (
        i + 1 < len(doc)
        and doc[i].lower_ in ctx.rules.reference_nouns
        and doc[i + 1].lower_ in _POSSESSIVE
    ):
        return ctx.latest_of_type(ctx.rules.reference_nouns[doc[i].lower_], i), i + 2
    return None, i


def _org_after(doc: Doc, i: int, ctx: _Ctx) -> str | None:
    """An organisation right after position i, allowing "of", "at", "the"."""
    k = i
    while (
        k < len(doc)
        and doc[k].lower_ in ("of", "at", "for", "with", "the", "from", "in")
        and k - i < 3
    ):
        k += 1
    if k == i:
        return None
    if k in ctx.org_by_start:
        return ctx.org_by_start[k]
    owner, _ = _owner_at(doc, k - 1 if doc[k - 1].lower_ == "the" else k, ctx)
    if owner and k < len(doc) and doc[k].lower_ in ctx.rules.reference_nouns:
        return owner
    return None


def _title_right(
    doc: Doc, end: int, sent_end: int, ctx: _Ctx
) -> tuple[str | None, str | None, bool]:
    """Apposition after a name: "Jane Doe, national secretary of the Maritime
    Union", "Dr X, an independent health economist,", "X, the union's lead
    advocate", "X, an emergency department nurse and NZNO delegate", "X, who
    chairs the ...". Returns (title, affiliation, explicit)."""
    if end >= sent_end or doc[end].text not in (",", "("):
        return None, None, False
    i = end + 1
    if (
        i < sent_end
        and doc[i].lower_ == "who"
        and i + 1 < sent_end
        and doc[i + 1].lower_ in ctx.rules.title_verbs
    ):
        title = ctx.rules.title_verbs[doc[i + 1].lower_]
        aff = _org_after(doc, i + 2, ctx) or _owner_at(doc, i + 2, ctx)[0]
        return title, aff, aff is not None
    if (
        i + 1 < sent_end
        and doc[i].lower_ == "who"
        and doc[i + 1].lower_ in ("is", "was", "'s", "’s", "has been")
    ):
        i += 2  # "X, who is the union's Otago organiser,"
    if i < sent_end and doc[i].lower_ in ("a", "an", "the"):
        i += 1
    title = None
    affiliation = None
    prep_org = None
    while i < sent_end:
        owner, i = _owner_at(doc, i, ctx)
        place_end = (
            ctx.place_tokens[i].end
            if i in ctx.place_tokens and ctx.place_tokens[i].start == i
            else None
        )
        j = _title_run_right(doc, place_end or i, sent_end, ctx)
        if place_end is not None and j <= place_end:
            j = i
        if j <= i or not _has_head(doc, i, j, ctx):
            break
        if title is None:
            title = _clean_title(doc, i, j, ctx)
        affiliation = affiliation or owner
        prep_org = prep_org or _org_after(doc, j, ctx)
        if j < sent_end and doc[j].lower_ == "and":
            i = j + 1
            if i < sent_end and doc[i].lower_ in ("a", "an", "the"):
                i += 1
            continue
        break
    if title is None:
        return None, None, False
    aff = affiliation or prep_org
    return title, aff, aff is not None


def _sentence_org(sent: Span, person: Span, ctx: _Ctx) -> str | None:
    """The organisation a titled person speaks for when the title names none:
    the first organisation after the person in the sentence, else before."""
    cands = [(s, pid) for s, pid in ctx.org_spans if sent.start <= s.start and s.end <= sent.end
             and ctx.org_type.get(pid) != "government"]  # fmt: skip
    after = [pid for s, pid in cands if s.start >= person.end]
    before = [pid for s, pid in cands if s.end <= person.start]
    return (after or before or [None])[0]


def _previous_sentence_org(sent: Span, ctx: _Ctx) -> str | None:
    """The one organisation (not the government) of the sentence before, if
    it names exactly one ("Foodstuffs says ... In a statement, head of supply
    chain X said")."""
    if sent.start == 0:
        return None
    prev = ctx.doc[sent.start - 1].sent
    pids = {pid for s, pid in ctx.org_spans if prev.start <= s.start and s.end <= prev.end
            and ctx.org_type.get(pid) != "government"}  # fmt: skip
    return next(iter(pids)) if len(pids) == 1 else None


def _minister_spans(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised minister titles: "Health Minister", "Associate Health
    Minister", "Minister of Finance", "Prime Minister", "Minister for Workplace
    Relations and Safety"."""
    out = []
    for tok in doc:
        if tok.text not in ("Minister", "minister"):
            continue
        i = tok.i
        start = i
        while start - 1 >= 0 and (
            (
                doc[start - 1].text[:1].isupper()
                and doc[start - 1].is_alpha
                and not doc[start - 1].is_sent_start
            )
            or (
                doc[start - 1].is_sent_start
                and doc[start - 1].is_alpha
                and doc[start - 1].text[:1].isupper()
            )
            or (
                doc[start - 1].lower_ in ("and", "&")
                and start - 2 >= 0
                and doc[start - 2].text[:1].isupper()
            )
        ):
            start -= 1
            if doc[start].is_sent_start:
                break
        while start < i and doc[start].lower_ in ("and", "&"):
            start += 1
        end = i + 1
        if (
            end + 1 < len(doc)
            and doc[end].lower_ in ("of", "for")
            and doc[end + 1].text[:1].isupper()
        ):
            end += 1
            while end < len(doc) and ((doc[end].text[:1].isupper() and doc[end].is_alpha)
                                      or (doc[end].lower_ in ("and", "&") and end + 1 < len(doc)
                                      and doc[end + 1].text[:1].isupper())):  # fmt: skip
                end += 1
        if start == i and end == i + 1:
            continue  # a bare "minister" is a bare reference
        if (
            tok.text == "minister"
            and start < i
            and doc[start].text[:1].isupper()
            and not doc[start].is_sent_start
        ):
            pass
        out.append((start, end))
    return out


# --------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------


# entity labels the tagger gives some personal names it does not know
_NAME_LIKE_LABELS = ("FAC", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT")


def _with_first_name(doc: Doc, ent: Span, ctx: _Ctx) -> Span:
    """A one-word entity with an untagged capitalised proper noun before it
    ("Mere [Tamihana]", "Ana [Fifita]"): the tagger took the surname alone."""
    k = ent.start - 1
    if (len(ent) == 1 and k >= 0 and not doc[k].ent_type_ and doc[k].pos_ == "PROPN" and doc[k].is_alpha
            and doc[k].text[:1].isupper() and doc[k].text[1:2].islower() and k not in ctx.place_tokens
            and doc[k].lower_ not in ctx.heads and doc[k].text not in ctx.rules.honorifics):  # fmt: skip
        return doc[k : ent.end]
    return ent


def _looks_like_person(span: Span, ctx: _Ctx, sent_start: int) -> bool:
    """An ORG entity that is really a person's name."""
    words = [t for t in span if t.text != "-"]  # "Siobhan Carr-Mead"
    if not 2 <= len(words) <= 3 or any(
        _ORG_WORDS.match(t.text) or t.text in _STRONG_ORG_WORDS for t in span
    ):
        return False
    if not all(t.is_alpha and t.text[:1].isupper() and t.text[1:2].islower() for t in words):
        return False
    # "Taieri Lifecare chief executive Brent Morrow" anywhere in the article:
    # the name is an employer's, however it is used elsewhere ("Taieri Lifecare said")
    if span.text in ctx.title_holders:
        return False
    if _title_before(span.doc, span.start, span.end, sent_start, ctx) is not None:
        return True
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None:
        return False
    if nxt.lemma_.lower() in SPEECH_LEMMAS and nxt.pos_ == "VERB":
        return True
    if nxt.text in (",", "(") and _title_right(doc, span.end, span.sent.end, ctx)[0] is not None:
        return True
    # "Tama Rei from the PSA said"
    return nxt.lower_ in ("from", "of") and _org_after(doc, span.end, ctx) is not None


def _name_after(doc: Doc, k: int) -> Span | None:
    """A personal name starting at token k (capitalised tokens, with particles
    such as "van"), or None."""
    j = k
    while (
        j < len(doc)
        and j - k < 5
        and (
            (doc[j].is_alpha and doc[j].text[:1].isupper() and not doc[j].is_sent_start)
            or (
                doc[j].lower_ in _NAME_PARTICLES
                and j + 1 < len(doc)
                and doc[j + 1].text[:1].isupper()
            )
        )
    ):
        j += 1
    if (
        j - k < 2
        or doc[j - 1].lower_ in _NAME_PARTICLES
        or any(_ORG_WORDS.match(t.text) for t in doc[k:j])
    ):
        return None
    return doc[k:j]


def _unlabelled_names(doc: Doc, ctx: _Ctx, sent_start_of: dict[int, int]) -> list[Span]:
    out = []
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if (
            t.ent_type_
            or t.pos_ != "PROPN"
            or not t.is_alpha
            or not t.text[:1].isupper()
            or i in ctx.place_tokens
            or t.text in ctx.rules.honorifics
        ):
            i += 1
            continue
        j = i
        while (
            j < n
            and j - i < 4
            and not doc[j].ent_type_
            and doc[j].pos_ == "PROPN"
            and doc[j].is_alpha
            and doc[j].text[:1].isupper()
            and j not in ctx.place_tokens
        ):
            j += 1
        span = doc[i:j]
        if 2 <= len(span) <= 4 and j < n and not _skip_org(span, ctx):
            nxt = doc[j]
            sent_start = sent_start_of.get(i, 0)
            cue = ((nxt.lemma_.lower() in SPEECH_LEMMAS and nxt.pos_ == "VERB")
                   or _title_before(doc, i, j, sent_start, ctx) is not None
                   or (nxt.text in (",", "(") and _title_right(doc, j, span.sent.end, ctx)[0] is not None))  # fmt: skip
            if cue and not (span[0].is_sent_start and span[0].lower_ in ctx.heads):
                out.append(span)
        i = max(j, i + 1)
    return out


def _skip_org(span: Span, ctx: _Ctx) -> bool:
    """Is this (non-curated) ORG entity not a party?"""
    doc, rules, lex = ctx.doc, ctx.rules, ctx.ref.lexicon
    words = [t.text for t in span]
    if span.text in lex.not_parties or all(w in rules.not_name_words for w in words):
        return True
    if all(w in rules.generic_org_words for w in words):
        return True
    if any(w in rules.headline_words for w in words):
        return True
    if _in_places(span, ctx):
        return True
    if words[-1] in rules.workplace_heads:
        return True
    # a document's name ("... Collective Agreement", "... Act")
    if words[-1] in lex.document_words or (
        span.end < len(doc) and doc[span.end].text in lex.document_words
    ):
        return True
    if len(span) == 1 and span.text.lower() in lex.people_nouns:
        return True
    # "to the Octagon", "outside the Beehive": a landmark
    return (
        len(span) == 1
        and span.start >= 2
        and doc[span.start - 1].lower_ == "the"
        and doc[span.start - 2].lower_
        in ("to", "at", "in", "outside", "inside", "into", "through", "around")
    )


def extract_parties(doc: Doc, sents: list[Sentence], ref: RefData) -> list[PartyMention]:
    """All party mentions in the article, in text order."""
    rules = load_rules()
    lex = ref.lexicon
    text = doc.text  # rebuilt on every access: read it once
    places = list(doc.spans[PLACES_KEY]) if PLACES_KEY in doc.spans else find_places(doc)
    place_tokens = {i: p for p in places for i in range(p.start, p.end)}
    ctx = _Ctx(doc, ref, rules, place_tokens, lex.title_heads | rules.role_heads)
    lex_workplaces = {w.lower() for w in rules.workplace_heads} | _WORKPLACE_NOUNS
    mentions: list[PartyMention] = []

    ministers = _minister_spans(doc)
    minister_tokens = {k for a, b in ministers for k in range(a, b)}

    # -- curated organisations -------------------------------------------
    curated: list[Span] = []
    other_ents: list[Span] = []
    person_ents: list[Span] = []
    name_like: list[Span] = []
    holder_ents = [e for e in doc.ents if _names_title_holder(doc, e, ctx)]
    ctx.title_holders = frozenset(e.text for e in holder_ents)
    holders = {e.text for e in holder_ents if e.label_ in ("PERSON", "ORG") and not e.ent_id_}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and not ent.ent_id_ and ent.text in holders:
            # "Taieri Lifecare chief executive Brent Morrow": a name before a
            # title and a person is the organisation the person speaks for
            other_ents.append(ent)
            continue
        if ent.label_ == "PERSON" and not any(t.text in _STRONG_ORG_WORDS for t in ent):
            person_ents.append(ent)
            continue
        if ent.label_ == "PERSON" and not ent.ent_id_:
            other_ents.append(ent)
            continue
        if ent.label_ in _NAME_LIKE_LABELS and not ent.ent_id_ and 2 <= len(ent) <= 3:
            name_like.append(ent)  # "organiser Salote Vaka said", tagged a facility
            continue
        if ent.label_ != "ORG":
            continue
        if any(k in minister_tokens for k in range(ent.start, ent.end)):
            continue
        org = ref.organisations.get(ent.ent_id_) if ent.ent_id_ else None
        if org is None:
            other_ents.append(_with_first_name(doc, ent, ctx))
            continue
        if org.match_lowercase and len(ent) > 1 and ent[0].lower_ == "the":
            ent = ent[1:]  # "the government": the article is not part of the name
        if org.sector in rules.media_sectors and (
            _preceded_by(doc, ent.start, rules.reporting_cues)
            or _MEDIA_REPORTS.match(text, ent.end_char)
        ):
            continue  # "told RNZ", "RNZ has contacted the minister": the outlet only reports
        pid, name, ptype = org.id, org.name, org.type
        if org.type == "government" and ent.start > 0:
            country = rules.foreign_governments.get(doc[ent.start - 1].text)
            if country:  # "the UK government"
                ent = doc[ent.start - 1 : ent.end]
                name = f"{country} Government"
                pid = slugify(name)
        elif org.type == "government_agency":
            ent = _with_district(doc, ent, ctx)
        mentions.append(PartyMention(pid, name, ptype, ent.start_char, ent.end_char, ent.text))
        ctx.add_org(ent, pid, ptype)
        curated.append(ent)

    # ministers without a name are the government
    gov = ref.organisations.get("nz-government")
    name_follows = {a for a, b in ministers if b < len(doc) and _NAME_TOKEN.match(doc[b].text)
                    and doc[b].ent_type_ in ("PERSON", "ORG", "")}  # fmt: skip
    minister_title_at: dict[int, tuple[int, int]] = {}
    extra_people: list[Span] = []
    for a, b in ministers:
        k = b
        while k < len(doc) and doc[k].text in rules.honorifics:
            k += 1
        if a in name_follows and k < len(doc) and doc[k].ent_type_ in ("PERSON", "ORG"):
            minister_title_at[k] = (a, b)
        elif (name := _name_after(doc, k)) is not None:
            minister_title_at[k] = (a, b)  # a name NER missed ("Brooke van Velden")
            extra_people.append(name)
        elif gov is not None and not (a > 0 and doc[a - 1].text in rules.foreign_governments):
            sp = doc[a:b]
            mentions.append(
                PartyMention(gov.id, gov.name, gov.type, sp.start_char, sp.end_char, sp.text)
            )
            ctx.add_org(sp, gov.id, gov.type)
            curated.append(sp)

    # -- people first (so that ORG entities that are names can join them) --
    sent_start_of = {}
    for se in sents:
        for k in range(se.span.start, se.span.end):
            sent_start_of[k] = se.span.start
    person_spans: list[Span] = list(extra_people)
    for ent in person_ents:
        if _overlaps(ent, curated) or _overlaps(ent, extra_people):
            continue
        span = _strip_span(ent, rules)
        # NER sometimes takes the title in: "Shopper Grace Whitu"
        while len(span) > 2 and (
            span[0].lower_ in ctx.heads or span[0].lower_ in lex.title_modifiers
        ):
            span = doc[span.start + 1 : span.end]
        # "district director for Te Tai Tokerau Alwyn Pīrini": a place before the name
        lead = span.start
        while lead < span.end and lead in place_tokens:
            lead += 1
        if lead > span.start and span.end - lead >= 2:
            span = doc[lead : span.end]
        if not span or not _is_name(span) or span.text in lex.not_parties or _in_places(span, ctx):
            continue
        if all(t.text in rules.not_name_words for t in span):
            continue
        # "marched to Laurie Hall Park", "Hornby High School teacher ...": a venue or school, not a person
        if (
            span[-1].text in rules.venue_words
            or (len(span) >= 3 and span[-1].text in rules.venue_surnames)
            or span[0].text in rules.not_person_first_words
        ):
            continue
        person_spans.append(span)
    orgs_left: list[Span] = []
    for ent in other_ents:
        span = _strip_span(ent, rules)
        if not span or not _is_name(span):
            continue
        if span[-1].text in rules.street_words:
            continue  # "outside NZME's Graham St office"
        if _looks_like_person(span, ctx, sent_start_of.get(span.start, 0)):
            person_spans.append(span)
        else:
            orgs_left.append(span)
    for ent in name_like:
        span = _strip_span(ent, rules)
        if (
            span
            and _is_name(span)
            and _looks_like_person(span, ctx, sent_start_of.get(span.start, 0))
        ):
            person_spans.append(span)
    # names the statistical NER missed: a run of proper nouns outside any
    # entity, with a title before it, an apposition after it, or "said" after it
    for span in _unlabelled_names(doc, ctx, sent_start_of):
        if any(_ORG_WORDS.match(t.text) for t in span):
            if doc[span.end].lemma_.lower() in SPEECH_LEMMAS:
                orgs_left.append(span)
        else:
            person_spans.append(span)
    full_names = [s for s in person_spans if len(s) >= 2]
    by_part: dict[str, str] = {}
    for s in full_names:
        by_part.setdefault(s[-1].text, s.text)
    for s in full_names:
        by_part.setdefault(s[0].text, s.text)
    surnames = {s[-1].text for s in full_names}
    # an ORG entity that is a known person's surname ("Marsters said")
    still: list[Span] = []
    for s in orgs_left:
        if s.text in surnames or s.text in {f.text for f in full_names}:
            person_spans.append(s)
        else:
            still.append(s)

    # -- other organisations --------------------------------------------
    # a name followed by a lower-case workplace noun is a workplace ("the
    # Waterworld aquatic centre"), and so is every other mention of it
    places_named = {s.text for s in still if s.end < len(doc) and doc[s.end].text.islower()
                    and (doc[s.end].lower_ in lex_workplaces or (s.end + 1 < len(doc)
                         and doc[s.end].pos_ in ("ADJ", "NOUN")
                         and doc[s.end + 1].lower_ in lex_workplaces and doc[s.end + 1].text.islower()))}  # fmt: skip
    still = [s for s in still if s.text not in places_named]
    other_orgs = [s for s in still if not _skip_org(s, ctx)]
    other_orgs = [s for s in other_orgs if not _preceded_by(doc, s.start, rules.reporting_cues)
                  or _org_type_from_name(s.text, rules) in ("union", "employer", "government_agency")]  # fmt: skip
    curated_forms = {s.text: pid for s, pid in ctx.org_spans}
    names = sorted({s.text for s in other_orgs}, key=len, reverse=True)
    canonical: dict[str, str] = {}
    for n in names:
        canonical[n] = next(
            (m for m in names if len(m) > len(n) and re.search(rf"\b{re.escape(n)}\b", m)), n
        )
    for s in other_orgs:
        nxt = doc[s.end : s.end + 3]
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].text.isupper():
            canonical[nxt[1].text] = canonical[s.text]
    acronym_spans = [doc[s.end + 1 : s.end + 2] for s in other_orgs
                     if s.end + 2 < len(doc) and doc[s.end].text == "(" and doc[s.end + 2].text == ")"
                     and doc[s.end + 1].text in canonical]  # fmt: skip
    curated_names = {
        (org.name, pid) for s, pid in ctx.org_spans if (org := ref.organisations.get(pid))
    }
    typed: dict[str, str] = {}
    for s in sorted([*other_orgs, *acronym_spans], key=lambda x: x.start):
        # a shorter form of a curated organisation named in the article
        cur = next((pid for form, pid in curated_forms.items() if len(form) > len(s.text)
                    and re.match(rf"{re.escape(s.text)}\b", form)), None)  # fmt: skip
        cur = cur or next((pid for nm, pid in curated_names if len(nm) > len(s.text)
                           and re.match(rf"{re.escape(s.text)}\b", nm)), None)  # fmt: skip
        # Forms can also name non-curated parties (a foreign government): those are not curated.
        org = ref.organisations.get(cur) if cur is not None else None
        if org is not None:
            mentions.append(
                PartyMention(org.id, org.name, org.type, s.start_char, s.end_char, s.text)
            )
            ctx.add_org(s, org.id, org.type)
            continue
        name = canonical.get(s.text, s.text)
        pid = slugify(name)
        if not pid:
            continue
        ptype = (
            typed.get(pid)
            or _org_type_from_name(name, rules)
            or _org_type_from_context(doc, s, sents, rules)
        )
        if ptype:
            typed[pid] = ptype
        mentions.append(PartyMention(pid, name, ptype or "other", s.start_char, s.end_char, s.text))
        ctx.add_org(s, pid, ptype or "other")
    # every mention of one organisation carries its type
    mentions = [PartyMention(m.party_id, m.name, typed[m.party_id], m.char_start, m.char_end, m.text)
                if m.party_id in typed and m.party_type == "other" else m for m in mentions]  # fmt: skip

    # -- people ------------------------------------------------------------
    taken = {i for sp in [*person_spans, *curated] for i in range(sp.start, sp.end)}
    taken |= {i for s, _ in ctx.org_spans for i in range(s.start, s.end)}
    for tok in doc:
        if (
            tok.text in surnames
            and tok.i not in taken
            and not (
                tok.i + 1 < len(doc)
                and _NAME_TOKEN.match(doc[tok.i + 1].text)
                and doc[tok.i + 1].text not in surnames
            )
            and not (
                tok.i > 0
                and _NAME_TOKEN.match(doc[tok.i - 1].text)
                and not doc[tok.i - 1].is_sent_start
            )
        ):
            person_spans.append(doc[tok.i : tok.i + 1])
    person_spans.sort(key=lambda sp: sp.start)
    persons: dict[str, _Person] = {}
    # "Dr Hemi Te Rangi ... Te Rangi said": the tail of a longer name is that person
    by_tail = {doc[f[i].i : f.end].text: f.text for f in full_names for i in range(1, len(f) - 1)
               if f[i].text != "-"}  # fmt: skip
    for span in person_spans:
        full = (by_tail.get(span.text) or span.text) if len(span) >= 2 else by_part.get(span.text)
        if full is None:
            continue
        pid = slugify(full)
        if not pid:
            continue
        person = persons.setdefault(pid, _Person(pid, full))
        title, affiliation, explicit = _person_role(
            doc, span, ctx, minister_title_at, sent_start_of
        )
        if affiliation and (person.affiliation_id is None or (explicit and not person.explicit)):
            person.affiliation_id = affiliation
            person.explicit = explicit
        mentions.append(
            PartyMention(
                pid, full, "person", span.start_char, span.end_char, span.text, None, title
            )
        )
    mentions = _bare_references(mentions, persons, rules, ref)
    # affiliation is per person: fill every mention with what the article says
    out = []
    # a party named only in a byline, contact block or photo credit is not
    # one; a party the article names elsewhere keeps those mentions too
    skip = boilerplate_ranges(text)
    in_text = {m.party_id for m in mentions if not any(a <= m.char_start < b for a, b in skip)}
    for m in mentions:
        if m.party_id not in in_text:
            continue
        if m.party_type == "person":
            p = persons[m.party_id]
            m = PartyMention(m.party_id, p.name, "person", m.char_start, m.char_end, m.text,
                             p.affiliation_id, m.title)  # fmt: skip
        out.append(m)
    return sorted(out, key=lambda m: (m.char_start, m.char_end))


def _bare_references(mentions: list[PartyMention], persons: dict[str, _Person], rules: PartyRules,
                     ref: RefData) -> list[PartyMention]:  # fmt: skip
    """A bare kind name ("DHB spokeswoman Anne Aitcheson", "the DHB") is the
    collective the article names ("the DHBs"), else the one organisation of
    that kind it names ("Southern DHB"), else the collective
    (`bare_references` in party_rules.yaml)."""
    named = {m.party_id for m in mentions}
    fixed: dict[str, str] = {}
    for word, (collective, kind_words) in rules.bare_references.items():
        bare = slugify(word)
        if bare not in named:
            continue
        kind = {m.party_id for m in mentions if m.party_type != "person" and m.party_id not in (bare, collective)
                and any(k.lower() in m.name.lower() for k in kind_words)}  # fmt: skip
        fixed[bare] = collective if collective in named or len(kind) != 1 else next(iter(kind))
    if not fixed:
        return mentions
    for p in persons.values():
        p.affiliation_id = fixed.get(p.affiliation_id, p.affiliation_id)
    out = []
    for m in mentions:
        target = fixed.get(m.party_id) if m.party_type != "person" else None
        org = ref.organisations.get(target) if target else None
        same = next((x for x in mentions if x.party_id == target), None) if target else None
        if org is not None:
            m = PartyMention(org.id, org.name, org.type, m.char_start, m.char_end, m.text)
        elif same is not None:
            m = PartyMention(
                same.party_id, same.name, same.party_type, m.char_start, m.char_end, m.text
            )
        out.append(m)
    return out


def _with_district(doc: Doc, ent: Span, ctx: _Ctx) -> Span:
    """Extend a government agency's mention over a district name after it."""
    k = ent.end
    if k in ctx.place_tokens and ctx.place_tokens[k].start == k:
        return doc[ent.start : ctx.place_tokens[k].end]
    for words in ctx.rules.district_words:
        n = len(words)
        if tuple(t.text for t in doc[k : k + n]) == words:
            return doc[ent.start : k + n]
    return ent


def _org_type_from_context(
    doc: Doc, span: Span, sents: list[Sentence], rules: PartyRules
) -> str | None:
    """Type from how the article refers to the organisation: "their union,
    X," / "X, the union," / "the X union" / a next sentence opening "The
    union ..." when X opened this one."""
    refs = rules.reference_nouns
    # "Taieri Lifecare chief executive Brent Morrow": an organisation whose
    # executive speaks, and whose name does not say union, is an employer
    text = doc.text  # rebuilt on every access: read it once
    for e in doc.ents:
        if e.text == span.text and _EXECUTIVE.match(text, e.end_char):
            return "employer"
    # "the X union"
    if span.end < len(doc) and doc[span.end].lower_ in refs and doc[span.end].text.islower():
        return refs[doc[span.end].lower_]
    # "union, X," and "X, the union,"
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].lower_ in refs:
        return refs[doc[span.start - 2].lower_]
    if (
        span.end + 2 < len(doc)
        and doc[span.end].text == ","
        and doc[span.end + 1].lower_ in ("the", "a", "an")
        and doc[span.end + 2].lower_ in refs
    ):
        return refs[doc[span.end + 2].lower_]
    # X opens its sentence and a following sentence (within three, with no
    # other organisation named in between) opens "The union ..."
    sent = span.sent
    if span.start - sent.start > 1:
        return None
    # (a bracketed acronym right after the name is the name again)
    other_orgs = [e.start for e in doc.ents if e.label_ == "ORG" and e.start >= span.end
                  and not (e.start == span.end + 1 and doc[span.end].text == "(")]  # fmt: skip
    k = sent.end
    for _ in range(3):
        if k + 1 >= len(doc):
            break
        while k < len(doc) and doc[k].is_space:
            k += 1
        if k + 1 >= len(doc) or any(span.end <= o < k for o in other_orgs):
            break
        if doc[k].lower_ == "the" and doc[k + 1].lower_ in refs and doc[k].is_sent_start:
            return refs[doc[k + 1].lower_]
        k = doc[k].sent.end
    return None


def _person_role(doc: Doc, span: Span, ctx: _Ctx, minister_title_at: dict[int, tuple[int, int]],
                 sent_start_of: dict[int, int]) -> tuple[str | None, str | None, bool]:  # fmt: skip
    """(title, affiliation, explicit) of one person mention."""
    sent = span.sent
    k = span.start
    # a minister title before the name
    j = k
    while j > 0 and doc[j - 1].text in ctx.rules.honorifics:
        j -= 1
    for start_tok, (a, b) in minister_title_at.items():
        if start_tok in (k, j) or (b == j):
            gov = "nz-government" if "nz-government" in ctx.ref.organisations else None
            return doc[a:b].text, gov, gov is not None
    title = None
    affiliation = None
    explicit = False
    rng = _title_before(doc, k, span.end, sent.start, ctx)
    if rng is not None:
        first, last, complement = rng
        # a sentence-initial bare reference is the owner, not part of the
        # title ("Council people and culture general manager X", "Union
        # organiser X"): the latest organisation of that type
        owner_ref = None
        lead = doc[first]
        if (
            lead.is_sent_start
            and lead.text[:1].isupper()
            and lead.lower_ in ctx.rules.reference_nouns
            and last - first > 1
        ):
            owner_ref = ctx.latest_of_type(ctx.rules.reference_nouns[lead.lower_], first)
            first += 1
        elif (
            lead.is_sent_start
            and lead.text[:1].isupper()
            and last - first > 1
            and lead.lower_ not in ctx.heads
            and lead.lower_ not in ctx.ref.lexicon.title_modifiers
            and first not in ctx.place_tokens
        ):
            # a short form of an organisation named before ("Menzies general
            # manager X" after "Menzies Aviation", "Airport spokesperson X")
            owner_ref = next((pid for sp, pid in sorted(ctx.org_spans, key=lambda x: -x[0].start)
                              if sp.start < first and any(t.text == lead.text for t in sp)), None)  # fmt: skip
            if owner_ref is not None:
                first += 1
        title = _clean_title(doc, first, last, ctx)
        # the organisation right before the title ("NZNO chief executive",
        # "the union's lead advocate", "NZNO's organiser")
        affiliation = complement or owner_ref or ctx.org_by_end.get(first)
        if affiliation is None and first >= 1 and doc[first - 1].lower_ in _POSSESSIVE:
            affiliation = ctx.org_by_end.get(first - 1)
            if (
                affiliation is None
                and first >= 2
                and doc[first - 2].lower_ in ctx.rules.reference_nouns
            ):
                affiliation = ctx.latest_of_type(
                    ctx.rules.reference_nouns[doc[first - 2].lower_], first
                )
        if affiliation is None:
            # "general manager of engineering at Air New Zealand X" is rare;
            # "organiser for E tū Jane Doe" is not
            for q in range(first, last):
                if doc[q].lower_ in ("of", "for", "at") and q + 1 in ctx.org_by_start:
                    affiliation = ctx.org_by_start[q + 1]
        explicit = affiliation is not None
    t2, a2, e2 = _title_right(doc, span.end, sent.end, ctx)
    if title is None and t2 is not None:
        title = t2
    if affiliation is None and a2 is not None:
        affiliation, explicit = a2, e2
    if affiliation is None and k >= 1 and doc[k - 1].lower_ in _POSSESSIVE:
        # "E tū's Jane Doe said"
        owner = ctx.org_by_end.get(k - 1)
        if owner is None and k >= 2 and doc[k - 2].lower_ in ctx.rules.reference_nouns:
            owner = ctx.latest_of_type(ctx.rules.reference_nouns[doc[k - 2].lower_], k)
        if owner is not None:
            affiliation, explicit = owner, True
    if affiliation is None:
        # "Jane Doe, NZNO organiser" / "Jane Doe of the PSA" / "X from E tū" /
        # "X, from the University of Auckland,"
        nxt = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else span.end
        if nxt != span.end and nxt in ctx.org_by_start:
            affiliation = ctx.org_by_start[nxt]
            explicit = True
        elif (
            nxt < len(doc)
            and doc[nxt].lower_ in ("of", "from", "at")
            and (aff := _org_after(doc, nxt, ctx)) is not None
        ):
            affiliation, explicit = aff, True
    if title is not None and affiliation is None and _is_office(title, ctx):
        affiliation = _sentence_org(sent, span, ctx) or _previous_sentence_org(sent, ctx)
    return title, affiliation, explicit


def _is_office(title: str, ctx: _Ctx) -> bool:
    """A title that speaks for an organisation (not "commuter", not
    "independent health economist")."""
    words = re.findall(r"[\w\-’']+", title.lower())
    if any(w in ctx.rules.independent_modifiers for w in words):
        return False
    heads = [w for w in words if w in ctx.heads]
    return bool(heads) and not all(w in ctx.rules.role_heads for w in heads)


# --------------------------------------------------------------------------
# Who is speaking
# --------------------------------------------------------------------------

_PRONOUNS = {"he", "she", "they", "it", "we"}


def speakers(doc: Doc, sents: list[Sentence], mentions: list[PartyMention]) -> list[str | None]:
    """party_id each sentence is attributed to, or None.

    A sentence is attributed by a speech verb whose subject is a party
    ("Quin said", "said Jane Doe", "according to the PSA") or a pronoun (the
    last speaker). Other sentences of the same paragraph, and quote paragraphs
    that follow, continue the speaker.
    """
    by_start: dict[int, PartyMention] = {}
    for m in mentions:
        by_start.setdefault(m.char_start, m)
    out: list[str | None] = [None] * len(sents)
    last: str | None = None
    for se in sents:
        who = None
        quotes = 0
        for tok in se.span:
            if tok.text in ('"', "“", "”"):
                quotes += 1
            if quotes % 2 == 1:
                continue  # words inside a quotation are not the attribution
            if (
                tok.lemma_.lower() == "accord"
                and tok.i + 1 < len(doc)
                and doc[tok.i + 1].lower_ == "to"
            ):
                who = _party_in(
                    doc[tok.i + 2 : min(tok.i + 9, se.span.end)], by_start, prefer_person=True
                )
            elif tok.lemma_.lower() in SPEECH_LEMMAS and tok.pos_ == "VERB":
                subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                for c in subj:
                    who = _party_in(
                        doc[c.left_edge.i : c.right_edge.i + 1], by_start, prefer_person=True
                    )
                    if who is None and c.lower_ in _PRONOUNS and c.lower_ != "we":
                        who = last
                    if who is None:
                        who = _reference_party(c, by_start)
                if who is None and not subj:
                    # inverted: '"...," said Jane Doe.'
                    who = _party_in(
                        doc[tok.i + 1 : min(tok.i + 8, se.span.end)], by_start, prefer_person=True
                    )
            if who:
                break
        out[se.index] = who
        if who:
            last = who
    # continue within paragraphs, then across quote paragraphs
    for se in sents:
        if out[se.index] is not None:
            continue
        same_para = [o for o in sents if o.paragraph == se.paragraph and out[o.index]]
        prev = [o for o in same_para if o.index < se.index]
        nxt = [o for o in same_para if o.index > se.index]
        if prev:
            out[se.index] = out[prev[-1].index]
        elif se.starts_with_quote and nxt:
            out[se.index] = out[nxt[0].index]
        elif se.starts_with_quote and se.index > 0:
            out[se.index] = out[se.index - 1]
    return out


def _reference_party(subj, by_start: dict[int, PartyMention]) -> str | None:
    """ "The union said in a statement": a bare reference as the subject of a
    speech verb is the latest organisation of that type named before it."""
    refs = load_rules().reference_nouns
    if subj.lower_ not in refs or not any(
        k.dep_ in ("det", "poss") and k.lower_ in ("the", "its", "their") for k in subj.children
    ):
        return None
    ptype = refs[subj.lower_]
    before = [m for m in by_start.values() if m.char_start < subj.idx and m.party_type == ptype]
    return max(before, key=lambda m: m.char_start).party_id if before else None


def _party_in(span: Span, by_start: dict[int, PartyMention], prefer_person: bool) -> str | None:
    found = [m for m in by_start.values() if span.start_char <= m.char_start < span.end_char]
    if prefer_person:
        found.sort(key=lambda m: (m.party_type != "person", m.char_start))
    return found[0].party_id if found else None
