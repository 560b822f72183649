"""Inferring an article's publication date from its own text.

Used only where neither front matter nor manifest dates an article. The
codebook's rule: infer `published_date` only from evidence in the text, never
from the build's own date; otherwise leave it null. Evidence used here:

1. An anchor: a weekday-and-date pair ("Saturday 24 August", "Wednesday,
   December 10"). Without a stated year, the year is the one in which that date
   falls on that weekday, nearest to the other years the article names
   ("December 2023" -> 2024); with no other year named there is no inference.
2. Weekday mentions and the tense of the verb they attach to. A publication
   date P is consistent when:
   - a weekday named in the past tense lies in [P-6, P], one in the future
     tense in [P+1, P+6] (news writes "today" for a future event on the day of
     publication), one with no tense in [P-6, P+6]; the anchor's own tense
     places it before or after P the same way (any distance);
   - a weekday name means one date throughout the article;
   - weekdays named in the same sentence lie within six days of each other.
3. Direct evidence wins: a dateline (a line near the top holding only a full
   date, as media releases print) is the publication date, and "tomorrow,
   Friday 14 March" / "today, ..." / "yesterday, ..." fix it one day either side.
4. Otherwise the date is inferred only if exactly one P within two weeks of the anchors
   is consistent. Two or more: null (the text fixes the week, not the day).

Pure functions over a parsed spaCy Doc; no I/O.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WD = r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
PAIR_PATTERNS = (
    re.compile(rf"\b{_WD},?\s+(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}\b{_YEAR}"),
    re.compile(rf"\b{_WD},?\s+{_MON}\s+{_DAY}\b{_YEAR}"),
)
# A year is a four-digit number after a month or a preposition of time
# ("December 2023", "in 2018", "since 2019"); "around 2000 procedures" is not.
YEAR_PATTERN = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Tt]o|[Dd]uring|[Bb]efore|[Aa]fter|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?)"
    r"\s+(?P<year>19[5-9]\d|20\d{2})\b(?![.,]\d|\s*(?:percent|per cent|%))"
)
WEEKDAY_PATTERN = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# A weekday preceded by these is not "the nearest such day".
_QUALIFIED = re.compile(
    r"\b(?:last|next|this|every|each|following|previous|on)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_RELATIVE_QUALIFIERS = ("last", "next", "every", "each", "following", "previous")

_FULL_DATE = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?P<m1>[A-Z][a-z]+)|(?P<m2>[A-Z][a-z]+)\s+(?P<d2>[12]\d|3[01]|0?[1-9]),?)"
    r"\s+(?P<y>(?:19|20)\d{2})"
)
_CLOCK = r"\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?"
# "14 July 2023", "5:34 pm on 14 July 2023", "Published: 14 July 2023, 5:34pm NZT" (never "Updated ...")
DATELINE = re.compile(
    rf"(?i:^\s*(?:(?:published|posted|first\s+published)\s*:?\s*)?(?:(?:at\s+)?{_CLOCK}\s*(?:on\s+|,\s*)?)?)"
    rf"{_FULL_DATE}(?i:\s*(?:,|at)?\s*(?:{_CLOCK})?\s*(?:NZST|NZDT|NZT)?\s*)$"
)
DATELINE_LINES = 5
_DEICTIC_OFFSET = {"today": 0, "tonight": 0, "tomorrow": -1, "yesterday": 1}
_DEICTIC_BEFORE = re.compile(r"\b(today|tonight|tomorrow|yesterday)\s*,?\s*$", re.IGNORECASE)

FUTURE_HEADS = {
    "set",
    "due",
    "expect",
    "schedule",
    "plan",
    "go",
    "intend",
    "vow",
    "threaten",
    "propose",
    "poise",
}
SEARCH_DAYS = 13


@dataclass(frozen=True)
class Mention:
    weekday: int  # 0 = Monday
    tense: str | None  # "past", "future" or None
    sentence: int
    anchor: dt.date | None = None  # the date of a weekday-and-date pair


@dataclass(frozen=True)
class Inference:
    published_date: dt.date | None
    reason: str


def stated_years(text: str) -> list[int]:
    return sorted({int(m.group("year")) for m in YEAR_PATTERN.finditer(text)})


def nearest_year(month: int, day: int, weekday: int, years: list[int]) -> int | None:
    """The year nearest to the named years in which day/month falls on weekday."""
    if not years:
        return None
    best: tuple[int, int] | None = None
    for y in range(min(years) - 15, max(years) + 16):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d.weekday() != weekday:
            continue
        distance = min(abs(y - ny) for ny in years)
        # On a tie prefer the later year: articles name the past more than the future.
        key = (distance, -y)
        if best is None or key < best:
            best = key
    return -best[1] if best else None


def _verb_tense(verb: Token) -> str | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_lower = {a.lower_ for a in aux}
    if aux_lower & {"will", "'ll", "shall", "wo"}:
        return "future"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_ in FUTURE_HEADS or any(c.lower_ in ("will", "'ll") for c in head.children):
            return "future"
        if head.tag_ == "VBD" and head.lemma_ not in FUTURE_HEADS:
            return "past"
        return None
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and aux_lower & {"has", "have", "had", "was", "were"}:
        return "past"
    if verb.tag_ == "VBG" and aux_lower & {"was", "were"}:
        return "past"
    if (
        verb.tag_ == "VBN"
        and verb.lemma_ in FUTURE_HEADS
        and aux_lower & {"is", "are", "'s", "'re"}
    ):
        return "future"
    return None


def tense_of_token(token: Token) -> str | None:
    """Tense of the verb a date word attaches to; None where it describes a noun
    ("strike action on Tuesday") or no verb is found."""
    current = token
    for _ in range(8):
        head = current.head
        if head is current:
            return None
        if head.pos_ in ("VERB", "AUX"):
            tense = _verb_tense(head)
            finite = head.tag_ in ("VBD", "VBP", "VBZ", "MD") or any(
                c.dep_ in ("aux", "auxpass") for c in head.children
            )
            if tense or finite:
                return tense
            # A non-finite verb ("before resuming on Saturday") takes the tense
            # of the clause it depends on.
            current = head
            continue
        # Climb out of the date or time expression and its preposition.
        if head.ent_type_ in ("DATE", "TIME") or head.pos_ in ("ADP", "NUM") or head.dep_ == "prep":
            current = head
            continue
        return None
    return None


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {tok.i: si for si, sent in enumerate(doc.sents) for tok in sent}


def _pairs(doc: Doc):
    text = doc.text
    years = stated_years(text)
    sent_of = _sentence_index(doc)
    seen: set[int] = set()
    for pattern in PAIR_PATTERNS:
        for m in pattern.finditer(text):
            if m.start() in seen:
                continue
            weekday = WEEKDAYS.index(m.group("wd").lower())
            month = MONTHS.index(m.group("mon").lower()) + 1
            day = int(m.group("day"))
            year = (
                int(m.group("year"))
                if m.group("year")
                else nearest_year(month, day, weekday, years)
            )
            if year is None:
                continue
            try:
                anchor = dt.date(year, month, day)
            except ValueError:
                continue
            if anchor.weekday() != weekday:
                continue  # a misprinted pair is not evidence
            span = doc.char_span(m.start(), m.start() + len(m.group("wd")), alignment_mode="expand")
            if span is None:
                continue
            seen.add(m.start())
            yield Mention(weekday, tense_of_token(span[0]), sent_of[span[0].i], anchor), m.start()


def collect_mentions(doc: Doc) -> list[Mention]:
    text = doc.text
    sent_of = _sentence_index(doc)
    mentions: list[Mention] = []
    covered: set[int] = set()
    for mention, start in _pairs(doc):
        covered.add(start)
        mentions.append(mention)
    for m in WEEKDAY_PATTERN.finditer(text):
        if m.start() in covered:
            continue
        before = text[max(0, m.start() - 20) : m.start()].lower().split()
        if before and before[-1] in _RELATIVE_QUALIFIERS:
            continue  # "last Tuesday", "next Tuesday": not the nearest such day
        span: Span | None = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        weekday = WEEKDAYS.index(m.group(0).lower())
        mentions.append(Mention(weekday, tense_of_token(span[0]), sent_of[span[0].i]))
    return mentions


def _allowed(m: Mention, published: dt.date) -> list[dt.date]:
    if m.anchor is not None:
        if m.tense == "future" and m.anchor <= published:
            return []
        if m.tense == "past" and m.anchor > published:
            return []
        return [m.anchor]
    offsets = {"past": range(-6, 1), "future": range(1, 7)}.get(m.tense, range(-6, 7))
    return [
        published + dt.timedelta(days=k)
        for k in offsets
        if (published + dt.timedelta(days=k)).weekday() == m.weekday
    ]


def consistent(mentions: list[Mention], published: dt.date) -> bool:
    """Can every weekday mention be read consistently with publication on `published`?"""
    by_day: dict[int, set[dt.date]] = {}
    for m in mentions:
        allowed = set(_allowed(m, published))
        by_day[m.weekday] = by_day[m.weekday] & allowed if m.weekday in by_day else allowed
        if not by_day[m.weekday]:
            return False
    sentences: dict[int, set[int]] = {}
    for m in mentions:
        sentences.setdefault(m.sentence, set()).add(m.weekday)
    for days in sentences.values():
        if len(days) < 2:
            continue
        ordered = sorted(days)
        if not any(
            (max(choice) - min(choice)).days <= 6
            for choice in itertools.product(*(sorted(by_day[d]) for d in ordered))
        ):
            return False
    return True


def dateline(text: str) -> dt.date | None:
    """A full date standing alone on one of the first lines (a media-release dateline)."""
    for line in text.splitlines()[:DATELINE_LINES]:
        m = DATELINE.match(line)
        if not m:
            continue
        month_name = (m.group("m1") or m.group("m2")).lower()
        if month_name not in MONTHS:
            continue
        day = int(m.group("d1") or m.group("d2"))
        try:
            return dt.date(int(m.group("y")), MONTHS.index(month_name) + 1, day)
        except ValueError:
            continue
    return None


def deictic_anchor(text: str, doc: Doc) -> dt.date | None:
    """ "tomorrow, Friday 14 March": the anchor's date minus one day, and so on."""
    for mention, start in _pairs(doc):
        m = _DEICTIC_BEFORE.search(text[max(0, start - 20) : start])
        if m:
            return mention.anchor + dt.timedelta(days=_DEICTIC_OFFSET[m.group(1).lower()])
    return None


def infer_published_date(doc: Doc) -> Inference:
    """The one publication date the text allows, or None with the reason."""
    printed = dateline(doc.text)
    if printed is not None:
        return Inference(printed, "dateline")
    deictic = deictic_anchor(doc.text, doc)
    if deictic is not None:
        return Inference(deictic, "today/tomorrow/yesterday beside a weekday-and-date pair")
    mentions = collect_mentions(doc)
    anchors = sorted({m.anchor for m in mentions if m.anchor is not None})
    if not anchors:
        return Inference(None, "no weekday-and-date pair with a year the text fixes")
    candidates = sorted(
        {a + dt.timedelta(days=k) for a in anchors for k in range(-SEARCH_DAYS, SEARCH_DAYS + 1)}
    )
    fits = [p for p in candidates if consistent(mentions, p)]
    if len(fits) == 1:
        return Inference(fits[0], f"only date consistent with {len(mentions)} weekday mentions")
    if not fits:
        return Inference(None, "no date is consistent with the weekday mentions")
    return Inference(
        None, f"{len(fits)} dates from {fits[0]} to {fits[-1]} fit; the day is not fixed"
    )
