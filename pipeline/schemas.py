"""The codebook's tables, declared once.

Every published table and column is described here and nowhere else: the
polars/Arrow schema of the Parquet files, the DuckDB DDL and its comments, the
Great Expectations suites in `expectations/` and (later) datapackage.json are
all derived from these declarations. Descriptions are the codebook's words
(`../shared/CODEBOOK.md`). Value rules that are not part of the type (vocabularies,
ranges, id patterns, keys) live here too, so that the validation suites cannot
drift from the schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

TIMEZONE = "Pacific/Auckland"

# Logical type -> (polars dtype, DuckDB type, Frictionless type)
_TYPES: dict[str, tuple[pl.DataType, str, str]] = {
    "string": (pl.String(), "VARCHAR", "string"),
    "date": (pl.Date(), "DATE", "date"),
    "int32": (pl.Int32(), "INTEGER", "integer"),
    "int64": (pl.Int64(), "BIGINT", "integer"),
    "double": (pl.Float64(), "DOUBLE", "number"),
    "boolean": (pl.Boolean(), "BOOLEAN", "boolean"),
    "timestamptz": (pl.Datetime("us", TIMEZONE), "TIMESTAMPTZ", "datetime"),
    "list<string>": (pl.List(pl.String()), "VARCHAR[]", "array"),
}

EVENT_TYPES = (
    "strike",
    "partial_strike",
    "other_action",
    "rally",
    "strike_vote",
    "strike_notice",
    "offer",
    "negotiation",
    "agreement_expiry",
    "settlement",
)
INDUSTRIAL_ACTION_TYPES = ("strike", "partial_strike", "other_action", "rally")
EVENT_STATUSES = ("planned", "ongoing", "occurred", "cancelled", "unknown")
DATE_PRECISIONS = ("time", "day", "week", "month", "year", "unknown")
SCOPES = ("national", "regional", "local", "unknown")
PARTY_TYPES = (
    "union",
    "employer",
    "government_agency",
    "government",
    "professional_body",
    "person",
    "other",
)
ROLES = ("union", "employer", "funder", "government", "spokesperson")
UNITS = (
    "percent",
    "nzd",
    "people",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "count",
)
QUALIFIERS = ("exact", "approximately", "at_least", "more_than", "less_than", "up_to")
MEASURES = (
    "workers_involved",
    "workers_share",
    "members",
    "strike_duration",
    "hours_withdrawn",
    "vote_in_favour",
    "vote_turnout",
    "pay_offer",
    "pay_claim",
    "pay_cut",
    "lump_sum",
    "funding_amount",
    "funding_share",
    "funding_change",
    "staff_share",
    "negotiation_duration",
    "patients_affected",
    "vacancy_rate",
    "other",
)
PUBLISHED_DATE_SOURCES = ("metadata", "inferred", "unknown")

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    nullable: bool = False
    unique: bool = False
    allowed: Sequence[str] | None = None  # vocabulary
    pattern: str | None = None  # regular expression every value matches
    min_value: float | None = None
    max_value: float | None = None
    references: str | None = None  # "table.column" foreign key

    @property
    def polars_type(self) -> pl.DataType:
        return _TYPES[self.type][0]

    @property
    def duckdb_type(self) -> str:
        return _TYPES[self.type][1]

    @property
    def frictionless_type(self) -> str:
        return _TYPES[self.type][2]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # (char_start, char_end, text) must satisfy body[char_start:char_end] == text
    has_spans: bool = False
    extra_unique: tuple[tuple[str, ...], ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def polars_schema(self) -> pl.Schema:
        return pl.Schema({c.name: c.polars_type for c in self.columns})

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def foreign_keys(self) -> list[tuple[str, str, str]]:
        """(column, referenced table, referenced column) for every reference."""
        out = []
        for c in self.columns:
            if c.references:
                table, col = c.references.split(".")
                out.append((c.name, table, col))
        return out


def _span_columns(what: str) -> tuple[Column, ...]:
    return (
        Column(
            "char_start",
            "int32",
            f"Start of {what} in the article body (0-based code points).",
            min_value=0,
        ),
        Column("char_end", "int32", f"End of {what} in the article body (exclusive).", min_value=1),
        Column(
            "text", "string", f"{what[0].upper()}{what[1:]}, verbatim: body[char_start:char_end]."
        ),
    )


ARTICLE_ID = dict(pattern=r"^a_[0-9a-f]{12}$")
EVENT_ID = dict(pattern=r"^e_[0-9a-f]{12}$")

ARTICLES = Table(
    name="articles",
    description="One row per input article in the raw folder: where it came from, its metadata and the size of its body.",
    primary_key=("article_id",),
    columns=(
        Column(
            "article_id",
            "string",
            "`a_` + first 12 hex digits of SHA-256 of the body text with line endings normalised to `\\n` and surrounding whitespace stripped.",
            unique=True,
            **ARTICLE_ID,
        ),
        Column(
            "source_path", "string", "Path of the file relative to the raw folder.", unique=True
        ),
        Column(
            "url", "string", "URL of the article, from front matter or manifest.", nullable=True
        ),
        Column("publisher", "string", "Publisher, from front matter or manifest.", nullable=True),
        Column("title", "string", "Headline, from front matter or manifest.", nullable=True),
        Column(
            "published_date",
            "date",
            "Publication date: from front matter (or manifest), else inferred from the text, else null.",
            nullable=True,
        ),
        Column(
            "published_date_source",
            "string",
            "`metadata`, `inferred` or `unknown`.",
            allowed=PUBLISHED_DATE_SOURCES,
        ),
        Column(
            "n_chars", "int32", "Size of the body in characters (Unicode code points).", min_value=1
        ),
        Column("n_words", "int32", "Size of the body in whitespace-separated words.", min_value=1),
        Column(
            "body_sha256",
            "string",
            "Full hex digest of the normalised body.",
            unique=True,
            pattern=r"^[0-9a-f]{64}$",
        ),
    ),
)

EVENTS = Table(
    name="events",
    description="One row per real-world event (industrial action or bargaining milestone), merged across articles.",
    primary_key=("event_id",),
    columns=(
        Column(
            "event_id",
            "string",
            "`e_` + 12 hex digits; stable: hash of (event_type, start_date, sorted employer party_ids, sorted union party_ids) where start_date is known, else of (event_type, article_id, char_start of the first mention).",
            unique=True,
            **EVENT_ID,
        ),
        Column(
            "event_type",
            "string",
            "strike, partial_strike, other_action, rally (industrial action) or strike_vote, strike_notice, offer, negotiation, agreement_expiry, settlement (bargaining milestones).",
            allowed=EVENT_TYPES,
        ),
        Column(
            "status",
            "string",
            "`planned`, `ongoing`, `occurred`, `cancelled` or `unknown`, as of the newest source article's published_date (or as the tense says where dates are unknown).",
            allowed=EVENT_STATUSES,
        ),
        Column(
            "start_date",
            "date",
            "Local (New Zealand) calendar date the event starts.",
            nullable=True,
        ),
        Column(
            "end_date", "date", "Local (New Zealand) calendar date the event ends.", nullable=True
        ),
        Column(
            "start_ts",
            "timestamptz",
            "Start time, Pacific/Auckland; only where the clock time is stated or follows from a stated time and duration.",
            nullable=True,
        ),
        Column(
            "end_ts",
            "timestamptz",
            "End time, Pacific/Auckland; only where the clock time is stated or follows from a stated time and duration.",
            nullable=True,
        ),
        Column(
            "date_precision",
            "string",
            "How much of the date is known: `time`, `day`, `week`, `month`, `year` or `unknown`.",
            allowed=DATE_PRECISIONS,
        ),
        Column(
            "date_text",
            "string",
            "The words the date came from, e.g. `between 4am on Tuesday until 4am on Wednesday`.",
            nullable=True,
        ),
        Column(
            "duration_hours",
            "double",
            "Length of the action window in hours (a 24-hour strike is 24 even if each worker stops for 4 of them).",
            nullable=True,
            min_value=0,
        ),
        Column(
            "workers_involved",
            "int64",
            "Number of workers taking part, as stated; null if only a share is given.",
            nullable=True,
            min_value=0,
        ),
        Column(
            "occupation",
            "string",
            "Who takes part, lower case, e.g. `ambulance officers`, `junior doctors`.",
            nullable=True,
        ),
        Column(
            "sector",
            "string",
            "`health` for all health employers; otherwise a short lower-case sector name.",
            nullable=True,
        ),
        Column(
            "locations",
            "list<string>",
            "New Zealand places named as where the event happens, as written; empty if none.",
        ),
        Column("scope", "string", "`national`, `regional`, `local` or `unknown`.", allowed=SCOPES),
        Column(
            "first_ever",
            "boolean",
            "True where the text says it is the first such action ever.",
            nullable=True,
        ),
        Column("summary", "string", "The sentence that best states the event, verbatim."),
        Column("n_sources", "int32", "Number of articles that report the event.", min_value=1),
    ),
)

EVENT_SOURCES = Table(
    name="event_sources",
    description="One row per (event, article) mention: the evidence for an event.",
    primary_key=("event_id", "article_id"),
    has_spans=True,
    columns=(
        Column(
            "event_id", "string", "The event mentioned.", references="events.event_id", **EVENT_ID
        ),
        Column(
            "article_id",
            "string",
            "The article that mentions it.",
            references="articles.article_id",
            **ARTICLE_ID,
        ),
        *_span_columns("the sentence (or clause) that states the event"),
    ),
)

PARTIES = Table(
    name="parties",
    description="Organisations and people: one row per real-world party, merged across articles and aliases.",
    primary_key=("party_id",),
    columns=(
        Column(
            "party_id",
            "string",
            "Stable lower-case slug of the canonical name, e.g. `nz-ambulance-association`, `mark-quin`.",
            unique=True,
            pattern=SLUG_PATTERN,
        ),
        Column("name", "string", "Canonical name, e.g. `New Zealand Ambulance Association`."),
        Column(
            "aliases",
            "list<string>",
            "Every distinct surface form seen, e.g. `Ambulance Association`, `NZAA`.",
        ),
        Column(
            "party_type",
            "string",
            "`union`, `employer`, `government_agency`, `government`, `professional_body`, `person` or `other`.",
            allowed=PARTY_TYPES,
        ),
        Column(
            "affiliation_id",
            "string",
            "For a person, the party_id of the organisation they speak for.",
            nullable=True,
            references="parties.party_id",
        ),
        Column(
            "title",
            "string",
            "For a person, their role as written, e.g. `secretary`.",
            nullable=True,
        ),
        Column("n_articles", "int32", "Number of articles that mention the party.", min_value=1),
    ),
)

PARTY_MENTIONS = Table(
    name="party_mentions",
    description="Every place an article names a party: the evidence for `parties`.",
    primary_key=("article_id", "char_start", "char_end"),
    has_spans=True,
    columns=(
        Column(
            "party_id",
            "string",
            "The party named.",
            references="parties.party_id",
            pattern=SLUG_PATTERN,
        ),
        Column(
            "article_id",
            "string",
            "The article naming it.",
            references="articles.article_id",
            **ARTICLE_ID,
        ),
        *_span_columns("the name as written (`St John`, `Quin`)"),
    ),
)

EVENT_PARTIES = Table(
    name="event_parties",
    description="Who took part in each event, and in what role (the party's role in that event, not its type).",
    primary_key=("event_id", "party_id", "role"),
    columns=(
        Column("event_id", "string", "The event.", references="events.event_id", **EVENT_ID),
        Column(
            "party_id", "string", "The party.", references="parties.party_id", pattern=SLUG_PATTERN
        ),
        Column(
            "role",
            "string",
            "`union`, `employer`, `funder`, `government` or `spokesperson`.",
            allowed=ROLES,
        ),
    ),
)

FIGURES = Table(
    name="figures",
    description="Every substantive number in an article, one row per mention.",
    primary_key=("figure_id",),
    has_spans=True,
    columns=(
        Column(
            "figure_id",
            "string",
            "`f_` + 12 hex digits of (article_id, char_start, char_end).",
            unique=True,
            pattern=r"^f_[0-9a-f]{12}$",
        ),
        Column(
            "article_id",
            "string",
            "The article the number appears in.",
            references="articles.article_id",
            **ARTICLE_ID,
        ),
        Column(
            "event_id",
            "string",
            "The event the figure describes, where there is one.",
            nullable=True,
            references="events.event_id",
            **EVENT_ID,
        ),
        *_span_columns("the number with its unit and qualifier, e.g. `about 75 percent`"),
        Column(
            "value",
            "double",
            "The number in its unit: `$380 million` is 380000000, `half` is 50 with unit `percent`, `24-hour` is 24.",
        ),
        Column(
            "value_max",
            "double",
            "Upper end of a range (`1 to 1.5%`: value 1, value_max 1.5).",
            nullable=True,
        ),
        Column(
            "unit",
            "string",
            "`percent`, `nzd`, `people`, `minutes`, `hours`, `days`, `weeks`, `months`, `years` or `count`.",
            allowed=UNITS,
        ),
        Column(
            "qualifier",
            "string",
            "`exact`, `approximately`, `at_least`, `more_than`, `less_than` or `up_to`.",
            allowed=QUALIFIERS,
        ),
        Column(
            "period",
            "string",
            'The span a rate or change is over: `year` for "a year", "per annum", "annually"; `2 years` for "over two years".',
            nullable=True,
        ),
        Column(
            "measure",
            "string",
            "What the number counts (workers_involved, workers_share, members, strike_duration, hours_withdrawn, vote_in_favour, vote_turnout, pay_offer, pay_claim, pay_cut, lump_sum, funding_amount, funding_share, funding_change, staff_share, negotiation_duration, patients_affected, vacancy_rate, other).",
            allowed=MEASURES,
        ),
        Column(
            "subject",
            "string",
            "The noun phrase the number is about, as written, e.g. `ambulance officers`.",
        ),
        Column(
            "speaker_id",
            "string",
            'party_id of the person or body the figure is attributed to (quoted or "X said").',
            nullable=True,
            references="parties.party_id",
        ),
        Column("sentence", "string", "The whole sentence, verbatim."),
    ),
)

REJECTION_REASONS = (
    "empty",
    "binary",
    "unreadable_encoding",
    "malformed_front_matter",
    "bad_metadata",
    "html",
    "not_english",
    "too_large",
    "duplicate",
    "missing_file",
    "outside_raw_folder",
    "unreadable_file",
)

REJECTED_ARTICLES = Table(
    name="rejected_articles",
    description=(
        "Not in the codebook: every file (or manifest row) of the raw folder that was set aside "
        "instead of being read as an article, with the reason. Nothing is dropped silently."
    ),
    primary_key=("source_path", "reason"),
    columns=(
        Column(
            "source_path",
            "string",
            "Path relative to the raw folder, as found (or as the manifest names it).",
        ),
        Column("reason", "string", "Why it was set aside.", allowed=REJECTION_REASONS),
        Column("detail", "string", "The error in words, e.g. the duplicate's other path."),
        Column(
            "n_bytes",
            "int64",
            "Size of the file in bytes; null for a manifest row without a file.",
            nullable=True,
            min_value=0,
        ),
        Column(
            "file_sha256",
            "string",
            "SHA-256 of the file's bytes; null for a manifest row without a file.",
            nullable=True,
            pattern=r"^[0-9a-f]{64}$",
        ),
    ),
)

# The codebook's tables, in publication order (parents before children).
CODEBOOK_TABLES: dict[str, Table] = {
    t.name: t
    for t in (ARTICLES, EVENTS, EVENT_SOURCES, PARTIES, PARTY_MENTIONS, EVENT_PARTIES, FIGURES)
}
# Everything published: the codebook's tables plus the project's own.
TABLES: dict[str, Table] = {**CODEBOOK_TABLES, REJECTED_ARTICLES.name: REJECTED_ARTICLES}


def empty_frame(table: Table) -> pl.DataFrame:
    return pl.DataFrame(schema=table.polars_schema)


def conform(df: pl.DataFrame, table: Table) -> pl.DataFrame:
    """Select and cast `df` to the table's exact columns, order and types.

    Raises if a column is missing: a missing column is a bug, not something to
    fill with nulls silently.
    """
    missing = [c for c in table.column_names if c not in df.columns]
    if missing:
        raise ValueError(f"{table.name}: missing columns {missing}")
    return df.select([pl.col(c.name).cast(c.polars_type, strict=True) for c in table.columns])


def frame(rows: Sequence[dict], schema: pl.Schema) -> pl.DataFrame:
    """A frame with exactly `schema` from dict rows (missing keys are null, extra keys ignored)."""
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema)


def frame_from_rows(rows: Sequence[dict], table: Table) -> pl.DataFrame:
    """Build a table frame from dict rows with the declared schema."""
    return frame(rows, table.polars_schema)


def schema_problems(df: pl.DataFrame, table: Table) -> list[str]:
    """Differences between a frame's columns/types and the declaration."""
    problems = []
    if df.columns != table.column_names:
        problems.append(f"columns {df.columns} != declared {table.column_names}")
    for c in table.columns:
        if c.name in df.schema and df.schema[c.name] != c.polars_type:
            problems.append(f"{c.name}: {df.schema[c.name]} != declared {c.polars_type}")
    return problems
