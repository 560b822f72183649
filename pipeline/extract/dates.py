"""Date and time expressions: finding them in text and resolving them against
an article's publication date and the tense of the clause.

What belongs here: the temporal grammar (weekdays, "24 August 2024",
"29 and 30 August", "December 2023", "last week", clock times, durations,
intervals) and the arithmetic (New Zealand local time, daylight saving
included). What does not: deciding which event a date belongs to (events.py).

Three steps, so that events.py can combine partial information from several
sentences before computing timestamps:
1. `find_temporals(text)` -> `Temporal` items with offsets.
2. `build_windows(text, items, published, tense)` -> `DateSpec` per action
   window (start/end day and clock time, duration, words used).
3. `finalize(spec)` -> `DateResolution` with the codebook's fields.

Rules (CODEBOOK "Dates"): a weekday resolves to the nearest such day within
six days, forward for future tense, backward for past tense (the same day
counts); with no publication date anything relative stays null, while a fully
specified date ("7 May 2024") still resolves. Timestamps only where a clock
time is stated or follows from a stated time and a duration.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from zoneinfo import ZoneInfo

NZ = ZoneInfo("Pacific/Auckland")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18,
    "twenty": 20, "twenty-four": 24, "thirty-six": 36, "forty-eight": 48, "seventy-two": 72,
}  # fmt: skip
PRECISION_RANK = {"time": 5, "day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}

_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_NUMW = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))

# Each pattern: (kind, compiled regex). Longest match wins where they overlap.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        # a list of days in one month ("on 9, 10 and 11 September"): a range
        # from the first to the last, with the days in between kept (`listed_days`)
        "date_range",
        re.compile(
            rf"\b(?P<list>)(?:the\s+)?(?P<d1>{_DAYNUM})(?:,\s{{0,3}}(?:the\s+)?{_DAYNUM}){{1,6}},?\s{{1,3}}(?:and|&)\s{{1,3}}"
            rf"(?:the\s+)?(?P<d2>{_DAYNUM})\s+(?:of\s+)?(?P<m>{_MONTH})\b"
            rf"(?:,?\s+(?:(?P<y>{_YEAR})\b|(?P<yrel>(?i:last|next|this))\s+year\b))?"
        ),
    ),
    (
        # ... and month first ("on March 17, 18 and 24")
        "date_range",
        re.compile(
            rf"\b(?P<list>)(?P<m>{_MONTH})\s{{1,3}}(?P<d1>{_DAYNUM})(?:,\s{{0,3}}{_DAYNUM}){{0,6}},?\s{{1,3}}(?:and|&)\s{{1,3}}"
            rf"(?P<d2>{_DAYNUM})\b(?!\s*(?:%|per|percent))"
            rf"(?:,?\s+(?:(?P<y>{_YEAR})\b|(?P<yrel>(?i:last|next|this))\s+year\b))?"
        ),
    ),
    (
        "date_range",
        re.compile(
            rf"\b(?:(?P<wd1>{_WD}),?\s+)?(?:the\s+)?(?P<d1>{_DAYNUM})\s*(?:and|to|until|till|-|–)\s*"
            rf"(?:(?P<wd2>{_WD}),?\s+)?(?:the\s+)?(?P<d2>{_DAYNUM})\s+(?:of\s+)?(?P<m>{_MONTH})\b"
            rf"(?:,?\s+(?:(?P<y>{_YEAR})\b|(?P<yrel>(?i:last|next|this))\s+year\b))?"
        ),
    ),
    (
        "date",
        re.compile(
            rf"\b(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<m>{_MONTH})\b"
            rf"(?:,?\s+(?:(?P<y>{_YEAR})\b|(?P<yrel>(?i:last|next|this))\s+year\b))?"
        ),
    ),
    (
        "date",
        re.compile(
            rf"\b(?:(?P<wd>{_WD}),?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAYNUM})\b(?!\s*(?:%|per))"
            rf"(?:,?\s+(?:(?P<y>{_YEAR})\b|(?P<yrel>(?i:last|next|this))\s+year\b))?"
        ),
    ),
    (
        # a day of the month alone ("on the 28th", "Saturday the 14th"): the
        # month is the publication's or the next/previous one
        "date",
        re.compile(
            rf"\b(?:(?P<wd>{_WD}),?\s+)?the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
            r"(?!\s+(?:century|centuries|anniversary|birthday|year|time|floor|place|amendment|round|day"
            r"|week|month|of|annual|consecutive|straight|successive|largest|biggest|person|member)\b)"
        ),
    ),
    ("month", re.compile(rf"\b(?P<m>{_MONTH_FULL})\s+(?P<y>{_YEAR})\b")),
    (
        "month",
        re.compile(
            rf"(?i:\b(?:in|during|since|until|till|from|by|of|early|late|mid|mid-|end of|start of)\s+)"
            rf"(?:(?i:early|late|mid-?)\s*)?(?P<m>{_MONTH_FULL})\b(?!\s+\d)"
            r"(?:\s+(?P<yrel>(?i:last|next|this))\s+year\b)?"
        ),
    ),
    ("year", re.compile(rf"(?i:\b(?:in|since|during|until|by)\s+)(?P<y>{_YEAR})\b(?!\s*\d)")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:next|last|this|coming))\s+)?(?P<wd>{_WD})\b")),
    (
        "relative",
        re.compile(
            r"(?i)\b(?:(?P<day>today|tonight|tomorrow|yesterday)|this\s+(?P<part>morning|afternoon|evening)"
            r"|(?:(?:later|earlier)\s+)?(?P<rel>last|next|this|coming)\s+(?P<unit>week|month|year|weekend)(?:'s)?"
            r"|(?:over|at|during|across)\s+the\s+(?P<wkend>weekend))\b"
        ),
    ),
    (
        "time",
        re.compile(
            r"(?i)\b(?P<h>[01]?\d|2[0-3])(?:[.:](?P<min>[0-5]\d))?\s?(?P<ampm>am|pm|a\.m\.|p\.m\.)(?![a-z])"
            r"|\b(?P<word>midnight|noon|midday)\b"
        ),
    ),
    (
        "duration",
        re.compile(
            rf"(?i)\b(?P<n>\d+(?:\.\d+)?|{_NUMW})[\s-](?P<unit>hour|hr|day|week)s?\b(?!\s+(?:ago|later))"
        ),
    ),
)


# "the first four hours (of their shifts)", "the first of three days of strikes"
_FIRST_LAST = re.compile(
    r"(?i)\b(?:(?:first|last|final|initial|opening|closing)\s+|(?:second|third)\s+of\s+(?:the\s+)?|(?:first|last|final)\s+of\s+(?:the\s+)?)$"
)


_GENERIC_DAY_BEFORE = re.compile(r"(?i)\b(?:each|every|per|any|a)\s+$")
_GENERIC_DAY_AFTER = re.compile(
    r"(?i)\s{1,3}(?:shifts?|penalt(?:y|ies)|rates?|pay|allowances?|loadings?|trading|rosters?|timetables?)\b"
)


@dataclass(frozen=True)
class Temporal:
    """One temporal expression in a text (offsets relative to that text)."""

    kind: str  # date_range, date, month, year, weekday, relative, time, duration
    start: int
    end: int
    text: str
    groups: tuple[tuple[str, str], ...]

    def g(self, name: str) -> str | None:
        return dict(self.groups).get(name)

    @property
    def is_day(self) -> bool:
        return self.kind in (
            "date_range",
            "date",
            "month",
            "year",
            "weekday",
            "relative",
            "week_of",
        )


def find_temporals(text: str) -> list[Temporal]:
    """All temporal expressions in `text`, non-overlapping (longest first)."""
    return list(_find_temporals(text))


@lru_cache(maxsize=256)  # events and figures both ask for every sentence's temporals
def _find_temporals(text: str) -> tuple[Temporal, ...]:
    found: list[Temporal] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            found.append(Temporal(kind, m.start(), m.end(), m.group(0), groups))
    # "the first four hours (of their shifts)" is a part of each shift, not a window
    found = [t for t in found if not (t.kind == "duration" and _FIRST_LAST.search(text[: t.start]))]
    # "for each Sunday shift", "weekend penalty rates": a kind of day, not a date
    found = [t for t in found if not (t.kind == "weekday" and (_GENERIC_DAY_BEFORE.search(text[: t.start])
                                                                or _GENERIC_DAY_AFTER.match(text, t.end)))]  # fmt: skip
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    chosen: list[Temporal] = []
    for t in found:
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    return tuple(sorted((t for t in chosen if not _is_stamp(text, t)), key=lambda t: t.start))


# --------------------------------------------------------------------------
# Resolving single expressions
# --------------------------------------------------------------------------


_STAMP_AFTER = re.compile(r"\s*[:|–—-]")
_DATELINE_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*,\s*)?")
# after the date: an agency's name may come before the dash ("May 15 NZPA - ")
_DATELINE_AFTER = re.compile(r"\s{0,3}(?:\(?[A-Z]{2,6}\)?\s{0,3})?[|–—-]\s")


def _is_stamp(text: str, t: Temporal) -> bool:
    """A live-blog entry time ("10.45am: ...") or a dateline ("Wellington,
    14 May 2025 - ...", "WELLINGTON, May 15 NZPA - ...") at the start of a
    text: when the text was written, not when anything happens."""
    if t.kind == "time":
        return not text[: t.start].strip() and bool(_STAMP_AFTER.match(text, t.end))
    if t.kind == "date":
        return bool(_DATELINE_BEFORE.fullmatch(text[: t.start])) and bool(
            _DATELINE_AFTER.match(text, t.end)
        )
    return False


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _daynum(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _weekday_index(name: str) -> int:
    return WEEKDAYS.index(name.lower())


def resolve_weekday(
    wd: int, published: dt.date, tense: str | None, rel: str | None = None
) -> dt.date:
    """Nearest `wd` within six days: forward for the future, backward for the
    past, nearer of the two otherwise (ties go forward)."""
    fwd = (wd - published.weekday()) % 7
    back = (published.weekday() - wd) % 7
    rel = (rel or "").lower()
    if rel in ("next", "coming"):
        return published + dt.timedelta(days=fwd or 7)
    if rel == "last":
        return published - dt.timedelta(days=back or 7)
    if tense == "future":
        return published + dt.timedelta(days=fwd)
    if tense == "past":
        return published - dt.timedelta(days=back)
    return (
        published + dt.timedelta(days=fwd) if fwd <= back else published - dt.timedelta(days=back)
    )


_YREL = {"last": -1, "this": 0, "next": 1}


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def choose_year(
    month: int, day: int, published: dt.date | None, tense: str | None, weekday: int | None = None
) -> dt.date | None:
    """The date (month, day) nearest to `published` consistent with the tense
    and, where given, with the weekday named beside it."""
    if published is None:
        return None
    cands = [c for y in (published.year - 1, published.year, published.year + 1)
             if (c := _safe_date(y, month, day)) is not None]  # fmt: skip
    if weekday is not None and any(c.weekday() == weekday for c in cands):
        cands = [c for c in cands if c.weekday() == weekday]
    if not cands:
        return None
    slack = dt.timedelta(days=7)
    fitting = cands
    if tense == "future":
        fitting = [c for c in cands if c >= published - slack]
    elif tense == "past":
        fitting = [c for c in cands if c <= published + slack]

    def nearest(cs: list[dt.date]) -> dt.date:
        return min(cs, key=lambda c: (abs((c - published).days), c < published))

    # the tense (often borrowed from a governing verb: "issued notice of a
    # strike on 22 December") only decides between near candidates: a date
    # that fits it but lies ten months or more away loses to the nearest one
    if fitting and abs((nearest(fitting) - published).days) <= 300:
        return nearest(fitting)
    return nearest(cands)


def day_of_month(
    day: int, published: dt.date | None, tense: str | None, weekday: int | None = None
) -> dt.date | None:
    """A day of the month written without its month ("on the 28th"): in the
    publication's month, the month before or the month after, whichever fits
    the tense and any weekday named beside it, nearest first."""
    if published is None:
        return None
    cands = []
    for step in (-1, 0, 1):
        m0 = published.year * 12 + published.month - 1 + step
        c = _safe_date(m0 // 12, m0 % 12 + 1, day)
        if c is not None and (weekday is None or c.weekday() == weekday):
            cands.append(c)
    if tense == "future":
        cands = [c for c in cands if c >= published]
    elif tense == "past":
        cands = [c for c in cands if c <= published]
    return min(cands, key=lambda c: abs((c - published).days)) if cands else None


def _month_year(month: int, published: dt.date | None, tense: str | None) -> dt.date | None:
    if published is None:
        return None
    cands = [dt.date(y, month, 1) for y in (published.year - 1, published.year, published.year + 1)]
    this_month = dt.date(published.year, published.month, 1)
    if tense == "future":
        cands = [c for c in cands if c >= this_month]
    elif tense == "past":
        cands = [c for c in cands if c <= this_month]
    return min(cands, key=lambda c: abs((c - this_month).days)) if cands else None


@dataclass(frozen=True)
class DayRef:
    """A resolved (or unresolvable) calendar anchor."""

    start: dt.date | None
    end: dt.date | None  # for ranges ("29 and 30 August")
    precision: str  # day, week, month, year


def resolve_day(t: Temporal, published: dt.date | None, tense: str | None) -> DayRef:
    """Resolve one day-level expression (kinds other than time/duration)."""
    kind = t.kind
    if kind == "date" and not t.g("m"):
        wd_name = t.g("wd")
        return DayRef(
            day_of_month(
                _daynum(t.g("d") or "0"),
                published,
                tense,
                _weekday_index(wd_name) if wd_name else None,
            ),
            None,
            "day",
        )
    if kind in ("date", "date_range"):
        month = _month(t.g("m") or "")
        d1 = _daynum(t.g("d") or t.g("d1") or "0")
        wd_name = t.g("wd") or t.g("wd1")
        wd = _weekday_index(wd_name) if wd_name else None
        if t.g("y"):
            start = _safe_date(int(t.g("y") or 0), month, d1)
        elif t.g("yrel"):
            # "on 21 March last year": the year is relative to publication
            start = (
                _safe_date(published.year + _YREL[t.g("yrel").lower()], month, d1)
                if published
                else None
            )
        else:
            start = choose_year(month, d1, published, tense, wd)
        end = None
        if kind == "date_range" and start is not None:
            end = _safe_date(start.year, month, _daynum(t.g("d2") or "0"))
        return DayRef(start, end, "day")
    if kind == "month":
        month = _month(t.g("m") or "")
        if t.g("y"):
            return DayRef(dt.date(int(t.g("y") or 0), month, 1), None, "month")
        if t.g("yrel"):
            y = published.year + _YREL[t.g("yrel").lower()] if published else None
            return DayRef(dt.date(y, month, 1) if y else None, None, "month")
        return DayRef(_month_year(month, published, tense), None, "month")
    if kind == "year":
        return DayRef(dt.date(int(t.g("y") or 0), 1, 1), None, "year")
    if kind == "week_of":
        # the week holding a day known from elsewhere ("the following week")
        day = dt.date(int(t.g("y") or 0), _month(t.g("m") or ""), int(t.g("d") or 0))
        return DayRef(day - dt.timedelta(days=day.weekday()), None, "week")
    if published is None:
        return DayRef(None, None, "day" if kind == "weekday" else "unknown")
    if kind == "weekday":
        if t.g("inweek") is not None:
            # "on Wednesday next week": that weekday of the week named
            step = {"last": -1, "next": 1, "coming": 1}.get(t.g("inweek").lower(), 0)
            monday = published - dt.timedelta(days=published.weekday())
            day = monday + dt.timedelta(weeks=step, days=_weekday_index(t.g("wd") or ""))
            return DayRef(day, None, "day")
        return DayRef(
            resolve_weekday(_weekday_index(t.g("wd") or ""), published, tense, t.g("rel")),
            None,
            "day",
        )
    # relative words
    day = (t.g("day") or "").lower()
    if day in ("today", "tonight") or t.g("part"):
        return DayRef(published, None, "day")
    if day == "tomorrow":
        return DayRef(published + dt.timedelta(days=1), None, "day")
    if day == "yesterday":
        return DayRef(published - dt.timedelta(days=1), None, "day")
    rel, unit = (t.g("rel") or "").lower(), (t.g("unit") or "").lower()
    if t.g("wkend"):
        # "over the weekend": the coming one, or the one just gone in the past tense
        unit, rel = "weekend", ("last" if tense == "past" and published.weekday() < 5 else "")
    step = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return DayRef(monday + dt.timedelta(weeks=step), None, "week")
    if unit == "weekend":
        sat = published + dt.timedelta(days=(5 - published.weekday()) % 7)
        if rel == "last":
            sat = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
        elif rel == "next" and (sat - published).days < 2:
            sat += dt.timedelta(weeks=1)
        return DayRef(sat, sat + dt.timedelta(days=1), "day")
    if unit == "month":
        m0 = published.year * 12 + published.month - 1 + step
        return DayRef(dt.date(m0 // 12, m0 % 12 + 1, 1), None, "month")
    if unit == "year":
        return DayRef(dt.date(published.year + step, 1, 1), None, "year")
    return DayRef(None, None, "unknown")


def resolve_time(t: Temporal) -> dt.time | None:
    word = (t.g("word") or "").lower()
    if word == "midnight":
        return dt.time(0, 0)
    if word in ("noon", "midday"):
        return dt.time(12, 0)
    if t.g("h") is None:
        return None
    h, mnt = int(t.g("h") or 0), int(t.g("min") or 0)
    pm = (t.g("ampm") or "").lower().startswith("p")
    if h > 12:
        return None
    if h == 12:
        h = 12 if pm else 0
    elif pm:
        h += 12
    return dt.time(h, mnt)


def duration_hours(t: Temporal) -> float | None:
    n = (t.g("n") or "").lower()
    try:
        value = float(n)
    except ValueError:
        value = float(NUMBER_WORDS.get(n, 0)) or None  # type: ignore[assignment]
    if value is None:
        return None
    unit = (t.g("unit") or "").lower()
    return value * {"hour": 1, "hr": 1, "day": 24, "week": 168}.get(unit, 1)


# --------------------------------------------------------------------------
# Windows: start / end / duration of one action
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DateSpec:
    """What a text says about one action window, before timestamps."""

    start_day: dt.date | None = None
    start_precision: str = "unknown"  # precision of the start day anchor
    start_time: dt.time | None = None
    end_day: dt.date | None = None
    end_time: dt.time | None = None
    duration_hours: float | None = None
    date_text: str | None = None
    text_start: int = 0  # offsets of date_text within the text searched
    text_end: int = 0
    has_day_words: bool = False  # a day expression was stated (resolved or not)
    end_has_day: bool = False  # the end names its own day ("until 4am on Wednesday")
    day_words: str | None = None  # the start day as written, lower case ("tuesday"), day-level only

    @property
    def is_empty(self) -> bool:
        return not (self.has_day_words or self.start_time or self.duration_hours)


@dataclass(frozen=True)
class DateResolution:
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    start_ts: dt.datetime | None = None
    end_ts: dt.datetime | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    duration_hours: float | None = None


_END_WORDS = {"to", "until", "till", "through", "conclude", "concludes", "concluding", "end", "ends",
              "ending", "finish", "finishes", "finishing", "–", "-", "—"}  # fmt: skip
_LINK_WORDS = {"on", "at", "from", "starting", "start", "starts", "beginning", "begin", "begins",
               "the", "of", "in", "will", "and", "is", "are", "set", "due", "", "morning",
               "afternoon", "evening", "night", "following"} | _END_WORDS  # fmt: skip


def _gap_words(gap: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", gap.lower().replace("–", " – ")) if w]


@dataclass
class _Point:
    day: Temporal | None = None
    time: Temporal | None = None


@dataclass
class _Window:
    start: _Point
    end: _Point | None = None
    duration: Temporal | None = None
    first: int = 0
    last: int = 0
    between: bool = False


_UNTIL_BEFORE = re.compile(r"(?i)\b(?:until|till|through\s+to)\s{1,3}(?:(?:on|at)\s{1,3})?$")
_NOT_UNTIL = re.compile(r"(?i)\b(?:not|never|no)\b|n't\b")


def _group(
    text: str, items: list[Temporal], continuation: frozenset[str], until_ends: bool = True
) -> list[_Window]:
    windows: list[_Window] = []
    cur: _Window | None = None
    target: _Point | None = None
    prev_end = 0
    pending: Temporal | None = None  # a duration stated before its window's start
    for it in items:
        gap = _gap_words(text[prev_end : it.start]) if cur else []
        if it.kind == "duration":
            if cur is not None and cur.duration is None:
                # "on 23 October, nurses walked out for eight hours from 9am":
                # what follows the length is read from the length on
                cur.duration = it
                cur.last = max(cur.last, it.end)
                prev_end = it.end
            elif pending is None:
                pending = it
            continue
        new_window = cur is None
        if cur is not None and target is not None:
            is_end = bool(_END_WORDS & set(gap)) or ("and" in gap and cur.between)
            is_cont = bool(continuation & set(gap)) or not set(gap) <= _LINK_WORDS
            if is_cont and not is_end:
                new_window = True
            elif is_end and cur.end is None and len(gap) <= 4:
                cur.end = _Point()
                target = cur.end
            slot = "day" if it.is_day else "time"
            if not new_window and getattr(target, slot) is not None:
                new_window = True
        if new_window:
            cur = _Window(_Point(), first=it.start)
            cur.between = text[max(0, it.start - 9) : it.start].lower().strip().endswith("between")
            if pending is not None:
                cur.duration, cur.first, pending = pending, min(pending.start, it.start), None
            windows.append(cur)
            target = cur.start
            if (until_ends and len(windows) == 1 and _UNTIL_BEFORE.search(text[: it.start])
                    and not _NOT_UNTIL.search(" ".join(text[: it.start].split()[-10:]))):  # fmt: skip
                # "the strike runs until 7am tomorrow": only the end is stated
                # (but "not due to meet again until 29 August" states the start)
                cur.end = _Point()
                target = cur.end
        assert cur is not None and target is not None
        setattr(target, "day" if it.is_day else "time", it)
        cur.last = max(cur.last, it.end)
        prev_end = it.end
    if pending is not None:
        windows.append(_Window(_Point(), duration=pending, first=pending.start, last=pending.end))
    return windows


def _window_spec(text: str, w: _Window, published: dt.date | None, tense: str | None) -> DateSpec:
    start_ref = resolve_day(w.start.day, published, tense) if w.start.day else None
    end_ref = resolve_day(w.end.day, published, tense) if (w.end and w.end.day) else None
    if start_ref is None and end_ref is not None and w.start.time is not None:
        # "11am to 7pm on Friday": the day named after the end time is the start's too
        start_ref, end_ref = end_ref, None
    if (start_ref is not None and end_ref is not None and start_ref.start is not None and end_ref.start is not None
            and w.end is not None and w.end.day is not None and w.end.day.kind == "weekday"
            and (end_ref.start < start_ref.start or (
                end_ref.start == start_ref.start
                and text[: w.end.day.start].rstrip().lower().endswith("following")))):  # fmt: skip
        # "from Monday to Thursday": the Thursday after that Monday; "from
        # Monday 20 March until the following Monday": a week later
        gap = (start_ref.start - end_ref.start).days
        end = end_ref.start + dt.timedelta(weeks=(gap + 6) // 7)
        if end <= start_ref.start:
            end += dt.timedelta(weeks=1)
        end_ref = DayRef(end, None, end_ref.precision)
    start_day = start_ref.start if start_ref else None
    end_day = end_ref.start if end_ref else (start_ref.end if start_ref else None)
    # "from midnight Thursday": the midnight that ends Thursday, 00:00 on Friday
    if (
        start_day is not None
        and start_ref is not None
        and start_ref.precision == "day"
        and _is_midnight(w.start)
    ):
        start_day += dt.timedelta(days=1)
    if (
        end_ref is not None
        and end_ref.start is not None
        and end_ref.precision == "day"
        and w.end
        and _is_midnight(w.end)
    ):
        end_day = end_ref.start + dt.timedelta(days=1)
    start_text = w.first
    if w.between:
        start_text = max(0, w.first - len("between "))
    return DateSpec(
        start_day=start_day,
        start_precision=start_ref.precision if start_ref and start_day else "unknown",
        start_time=resolve_time(w.start.time) if w.start.time else None,
        end_day=end_day,
        end_time=resolve_time(w.end.time) if (w.end and w.end.time) else None,
        duration_hours=duration_hours(w.duration) if w.duration else None,
        date_text=text[start_text : w.last] or None,
        text_start=start_text,
        text_end=w.last,
        has_day_words=w.start.day is not None or bool(w.end and w.end.day and w.start.time),
        end_has_day=bool(w.end and w.end.day and w.start.day),
        # the end's day stands for the start only where a start time is given
        # ("11am to 7pm on Friday"), not for an end alone ("until Friday")
        day_words=_day_words(w.start.day or (w.end.day if w.end and w.start.time else None)),
    )


def _is_midnight(p: _Point) -> bool:
    """A point stated as midnight of a named weekday or date ("midnight
    Thursday", "midnight on Sunday", "Friday at midnight")."""
    return (p.time is not None and (p.time.g("word") or "").lower() == "midnight" and p.day is not None
            and p.day.kind in ("weekday", "date"))  # fmt: skip


def _day_words(t: Temporal | None) -> str | None:
    """A day-level expression as written, normalised, to tell occurrences apart
    when no publication date resolves them."""
    if t is None:
        return None
    if t.kind in ("weekday", "date", "date_range") or (t.kind == "relative" and t.g("day")):
        return re.sub(r"\s+", " ", t.text.lower())
    return None


_MONTH_RX = re.compile(rf"\b{_MONTH}")
_DAYNUM_RX = re.compile(rf"\b{_DAYNUM}\b")


def listed_days(t: Temporal) -> list[int] | None:
    """The days of a list of dates ("9, 10 and 11 September", "9 and 11
    September", "29 and 30 August"), in the order written; None for a single
    day or a range written as one ("7 to 9 May")."""
    if t.kind != "date_range":
        return None
    month = _MONTH_RX.search(t.text)
    head = t.text[: month.start()] if month else t.text
    if month is not None and month.start() == 0:  # "March 17, 18 and 24 (2009)"
        head = re.sub(rf",?\s+(?:{_YEAR}|(?:last|next|this)\s+year)$", "", t.text[month.end() :])
    days = [_daynum(d) for d in _DAYNUM_RX.findall(head)]
    if t.g("list") is not None or (re.search(r"\band\b|&", head) and len(days) == 2):
        return days if len(days) >= 2 else None
    return None


def _split_days(w: _Window, spec: DateSpec) -> list[DateSpec] | None:
    """One window per listed day, where the days are separate occurrences:
    not consecutive ("on 9 and 11 September"), or each given its own clock
    window or a length shorter than the whole run ("from 7am to 3pm on 9, 10
    and 11 September", "24-hour strikes on 3, 4 and 5 May"). Consecutive days
    with nothing more ("on 29 and 30 August") stay one window."""
    # "from 7am to 3pm on 9, 10 and 11 September": the list follows the end time
    named = w.start.day or (w.end.day if w.end is not None and w.start.time is not None else None)
    days = listed_days(named) if named is not None else None
    if named is None or not days or spec.start_day is None or w.between:
        return None
    consecutive = all(b - a == 1 for a, b in itertools.pairwise(days))
    per_day = (
        spec.start_time is not None
        or spec.end_time is not None
        or (spec.duration_hours is not None and spec.duration_hours < 24 * len(days))
    )
    if consecutive and not per_day:
        return None
    out = []
    for d in days:
        day = _safe_date(spec.start_day.year, spec.start_day.month, d)
        if day is None:
            return None
        out.append(replace(spec, start_day=day, end_day=None,
                           day_words=f"{d} {(named.g('m') or '').lower()}"))  # fmt: skip
    return out


def _week_anchored(text: str, items: list[Temporal]) -> list[Temporal]:
    """Weekdays followed by the week they fall in ("on Monday and Wednesday
    next week", "Tuesday of next week") resolve inside that week; the week
    itself is then no window of its own."""
    out = list(items)
    weeks: set[int] = set()  # the week expressions now carried by their weekdays
    for k, it in enumerate(items):
        if not (it.kind == "relative" and (it.g("unit") or "").lower() == "week" and it.g("rel")):
            continue
        j = k - 1
        while j >= 0 and items[j].kind == "weekday" and not items[j].g("rel"):
            gap = text[items[j].end : (items[j + 1].start if j + 1 < k else it.start)]
            if not re.fullmatch(r"[\s,]*(?:(?:and|or|&)\s{1,3})?(?:of\s{1,3})?", gap):
                break
            out[j] = replace(items[j], groups=(*items[j].groups, ("inweek", it.g("rel") or "")))
            weeks.add(k)
            j -= 1
    return [t for k, t in enumerate(out) if k not in weeks]


def build_windows(
    text: str,
    items: list[Temporal],
    published: dt.date | None,
    tense: str | None,
    continuation: frozenset[str] = frozenset({"continue", "resume", "again", "another", "also"}),
    until_ends: bool = True,
) -> list[DateSpec]:
    """Group the items (sorted, all from `text`) into action windows.

    "between 4am on Tuesday until 4am on Wednesday" is one window; "on
    Tuesday ... will continue on Saturday 24 August" is two; two days joined
    by "and" are one window only when consecutive; a list of days is a window
    per day where the days are separate occurrences (`_split_days`). With
    `until_ends`, a first expression after "until" is an end with no start
    stated ("the strike runs until 7am tomorrow"); without it, the date of
    the thing itself ("the agreement, which runs until June 2023").
    """
    specs: list[DateSpec] = []
    for w in _group(text, _week_anchored(text, items), continuation, until_ends):
        spec = _window_spec(text, w, published, tense)
        specs.extend(_split_days(w, spec) or [spec])
    merged: list[DateSpec] = []
    for s in specs:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.start_day is not None
            and s.start_day is not None
            and prev.end_day is None
            and prev.start_precision == s.start_precision == "day"
            and s.start_day - prev.start_day == dt.timedelta(days=1)
            and re.fullmatch(r"\s*and\s*", text[prev.text_end : s.text_start])
        ):
            merged[-1] = replace(prev, end_day=s.start_day, end_time=s.start_time,
                                 date_text=text[prev.text_start : s.text_end], text_end=s.text_end)  # fmt: skip
            continue
        merged.append(s)
    return _repeat_hours(text, merged)


def _repeat_hours(text: str, specs: list[DateSpec]) -> list[DateSpec]:
    """An occurrence told only as "again" on another day ("between 11am and
    1pm on Wednesday, June 5, and again on Tuesday, June 11"; "for 24 hours
    from 7am on Friday and again from 7am next Tuesday") repeats the clock
    times and length of the one before."""
    out = list(specs)
    for k in range(1, len(out)):
        cur, prev = out[k], out[k - 1]
        if (cur.start_day is None or cur.duration_hours is not None or cur.end_day is not None
                or cur.end_time is not None
                or not re.search(r"\bagain\b", text[prev.text_end : cur.text_start], re.I)):  # fmt: skip
            continue
        hours = finalize(prev).duration_hours
        if cur.start_time is None and prev.start_time is not None:
            cur = replace(cur, start_time=prev.start_time)
        out[k] = replace(cur, duration_hours=hours) if hours else cur
    return out


def merge_specs(primary: DateSpec, other: DateSpec) -> DateSpec:
    """Fill what `primary` lacks from `other` (a re-mention of the same action).

    A clock time or end from another sentence only applies when the days do
    not contradict each other.
    """
    if other.start_day and primary.start_day and other.start_day != primary.start_day:
        # a coarser anchor ("this week") never overrides a day
        if PRECISION_RANK[other.start_precision] > PRECISION_RANK[primary.start_precision]:
            return merge_specs(
                replace(other, date_text=other.date_text or primary.date_text), primary
            )
        return replace(primary, duration_hours=primary.duration_hours or other.duration_hours)
    better_day = (
        other.start_day is not None
        and PRECISION_RANK[other.start_precision] > PRECISION_RANK[primary.start_precision]
    )
    # keep the words of the mention that named the day, unless the other one
    # states the day too and adds a clock time
    richer = better_day or (
        other.has_day_words and other.start_time is not None and primary.start_time is None
    )
    return DateSpec(
        start_day=other.start_day if better_day else primary.start_day,
        start_precision=other.start_precision if better_day else primary.start_precision,
        start_time=primary.start_time or other.start_time,
        end_day=primary.end_day or other.end_day,
        end_time=primary.end_time or other.end_time,
        duration_hours=primary.duration_hours or other.duration_hours,
        date_text=(
            other.date_text if richer and other.date_text else primary.date_text or other.date_text
        ),
        has_day_words=primary.has_day_words or other.has_day_words,
        end_has_day=primary.end_has_day or other.end_has_day,
        day_words=primary.day_words or other.day_words,
    )


def _local(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=NZ)


def _add_hours(ts: dt.datetime, hours: float) -> dt.datetime:
    # Elapsed time: do the arithmetic in UTC so a daylight-saving change is honoured.
    return (ts.astimezone(dt.UTC) + dt.timedelta(hours=hours)).astimezone(NZ)


def finalize(spec: DateSpec) -> DateResolution:
    """Timestamps, end and duration from what the spec states."""
    start_ts = end_ts = None
    end_day = spec.end_day
    duration = spec.duration_hours
    if spec.start_day and spec.start_time and spec.start_precision == "day":
        start_ts = _local(spec.start_day, spec.start_time)
        if spec.end_time is not None:
            end_ts = _local(end_day or spec.start_day, spec.end_time)
            if end_ts <= start_ts and end_day is None:
                end_ts = _local(spec.start_day + dt.timedelta(days=1), spec.end_time)
        elif duration:
            end_ts = _add_hours(start_ts, duration)
        if end_ts is not None:
            end_day = end_ts.date()
            # elapsed hours (same-zone subtraction in Python is wall-clock time)
            elapsed = end_ts.astimezone(dt.UTC) - start_ts.astimezone(dt.UTC)
            duration = round(elapsed.total_seconds() / 3600, 2)
    elif spec.start_time and spec.end_time and duration is None and not spec.end_has_day:
        # "11am to 7pm" with no resolvable day: the length is still known
        a = dt.datetime.combine(dt.date(2000, 1, 1), spec.start_time)
        b = dt.datetime.combine(dt.date(2000, 1, 1), spec.end_time)
        duration = ((b - a).total_seconds() / 3600) % 24 or 24.0
    elif (
        spec.start_day
        and duration
        and duration >= 24
        and end_day is None
        and spec.start_precision == "day"
    ):
        end_day = spec.start_day + dt.timedelta(days=max(0, int(duration // 24) - 1))
        if end_day == spec.start_day:
            end_day = None
    if spec.start_day is None:
        precision = "unknown"
        end_day = None
    elif start_ts is not None:
        precision = "time"
    else:
        precision = spec.start_precision
    if end_day is not None and spec.start_day is not None and end_day < spec.start_day:
        end_day = None
    return DateResolution(
        start_date=spec.start_day,
        end_date=end_day,
        start_ts=start_ts,
        end_ts=end_ts,
        date_precision=precision,
        date_text=spec.date_text,
        duration_hours=duration,
    )


def resolve_text(text: str, published: dt.date | None, tense: str | None = None) -> DateResolution:
    """Resolve the first action window stated in `text` (convenience for
    callers with one expression, and for tests)."""
    windows = build_windows(text, find_temporals(text), published, tense)
    return finalize(windows[0]) if windows else DateResolution()
