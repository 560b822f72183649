"""Records that come out of extraction: one article in, plain frozen dataclasses out.

This module is the contract between `pipeline.extract` (pure text -> records, no
Dagster, no polars) and `pipeline.resolve` (records -> the codebook's tables).
Everything here is *per article*: ids that span articles (event_id, the merged
party rows) are made later, in `pipeline.resolve`.

Offsets are 0-based, end-exclusive code-point offsets into the article body,
so `body[char_start:char_end] == text` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleInput:
    """What extraction needs to know about one article."""

    article_id: str
    body: str
    published_date: dt.date | None


@dataclass(frozen=True)
class PartyMention:
    """One place where an article names a party (organisation or person).

    `party_id` is already canonical: the curated list's id for known
    organisations, else the slug of the fullest name used in the article.
    """

    party_id: str
    name: str  # canonical (or fullest in-article) name
    party_type: str  # codebook party_type vocabulary
    char_start: int
    char_end: int
    text: str  # surface form as written
    affiliation_id: str | None = None  # people only
    title: str | None = None  # people only, as written


@dataclass(frozen=True)
class EventParty:
    party_id: str
    role: str  # union, employer, funder, government, spokesperson


@dataclass(frozen=True)
class EventMention:
    """One event as stated in one article (before merging across articles)."""

    event_type: str
    status: str
    char_start: int  # span of the sentence/clause stating the event
    char_end: int
    text: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    start_ts: dt.datetime | None = None  # tz-aware, Pacific/Auckland
    end_ts: dt.datetime | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    duration_hours: float | None = None
    workers_involved: int | None = None
    occupation: str | None = None
    sector: str | None = None
    locations: tuple[str, ...] = ()
    scope: str = "unknown"
    first_ever: bool | None = None
    summary: str = ""
    parties: tuple[EventParty, ...] = ()


@dataclass(frozen=True)
class FigureMention:
    """One substantive number in an article."""

    char_start: int
    char_end: int
    text: str
    value: float
    unit: str
    qualifier: str
    measure: str
    subject: str
    sentence: str
    value_max: float | None = None
    period: str | None = None
    speaker_id: str | None = None
    event_index: int | None = None  # index into ArticleExtraction.events


@dataclass(frozen=True)
class ArticleExtraction:
    article_id: str
    parties: tuple[PartyMention, ...] = ()
    events: tuple[EventMention, ...] = ()
    figures: tuple[FigureMention, ...] = field(default_factory=tuple)
