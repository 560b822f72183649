"""From per-article extraction records to the codebook's tables.

What belongs here: turning `pipeline.extract.records` into mention frames
(the staging grain: one row per mention per article), merging mentions across
articles into one row per real-world party and event, reconciling their
fields, and making the stable content-derived ids (`event_id`, `figure_id`).
What does not: reading text (that is `pipeline.extract`) or writing files.

Merge rule (see docs/identity.md): dated event mentions merge when their
event_type and start_date agree and their employers and their unions do not
conflict (both named and disjoint); undated mentions stay their own event.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from pipeline import schemas
from pipeline.extract.records import ArticleExtraction

PRECISION_RANK = {"time": 5, "day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}

# Staging schemas: the mention grain, before merging.
_EVENT_COLUMNS = {
    "article_id": pl.String(),
    "event_index": pl.Int32(),
    **{
        c.name: c.polars_type
        for c in schemas.EVENTS.columns
        if c.name not in ("event_id", "n_sources")
    },
    "char_start": pl.Int32(),
    "char_end": pl.Int32(),
    "text": pl.String(),
    "parties": pl.List(pl.Struct({"party_id": pl.String(), "role": pl.String()})),
}
EVENT_MENTIONS_SCHEMA = pl.Schema(_EVENT_COLUMNS)

PARTY_MENTIONS_SCHEMA = pl.Schema(
    {
        "article_id": pl.String(),
        "party_id": pl.String(),
        "name": pl.String(),
        "party_type": pl.String(),
        "char_start": pl.Int32(),
        "char_end": pl.Int32(),
        "text": pl.String(),
        "affiliation_id": pl.String(),
        "title": pl.String(),
    }
)

FIGURE_MENTIONS_SCHEMA = pl.Schema(
    {
        "article_id": pl.String(),
        "event_index": pl.Int32(),
        **{
            c.name: c.polars_type
            for c in schemas.FIGURES.columns
            if c.name not in ("figure_id", "article_id", "event_id")
        },
    }
)


def _hash12(payload: object) -> str:
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]


def figure_id(article_id: str, char_start: int, char_end: int) -> str:
    return "f_" + _hash12([article_id, char_start, char_end])


def event_id_for(
    event_type: str,
    start_date,
    employers: Iterable[str],
    unions: Iterable[str],
    article_id: str | None = None,
    char_start: int | None = None,
) -> str:
    """The codebook's event_id: from the event's identity, never from row order."""
    if start_date is not None:
        key = [event_type, start_date.isoformat(), sorted(set(employers)), sorted(set(unions))]
    else:
        key = [event_type, article_id, char_start]
    return "e_" + _hash12(key)


# --------------------------------------------------------------------------
# Records -> mention frames


def mention_frames(extractions: Iterable[ArticleExtraction]) -> dict[str, pl.DataFrame]:
    """Flatten extraction records into the three staging frames."""
    events, parties, figures = [], [], []
    for ex in extractions:
        for i, ev in enumerate(ex.events):
            row = dataclasses.asdict(ev)
            row["parties"] = [{"party_id": p.party_id, "role": p.role} for p in ev.parties]
            row["locations"] = list(ev.locations)
            events.append({"article_id": ex.article_id, "event_index": i, **row})
        for pm in ex.parties:
            parties.append({"article_id": ex.article_id, **dataclasses.asdict(pm)})
        for fm in ex.figures:
            figures.append({"article_id": ex.article_id, **dataclasses.asdict(fm)})
    return {
        "event_mentions": schemas.frame(events, EVENT_MENTIONS_SCHEMA),
        "party_mention_records": schemas.frame(parties, PARTY_MENTIONS_SCHEMA),
        "figure_mentions": schemas.frame(figures, FIGURE_MENTIONS_SCHEMA),
    }


# --------------------------------------------------------------------------
# Parties


def resolve_parties(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Party mention records -> (parties, party_mentions)."""
    if mentions.is_empty():
        return schemas.empty_frame(schemas.PARTIES), schemas.empty_frame(schemas.PARTY_MENTIONS)
    ordered = mentions.sort("article_id", "char_start", "char_end")
    # Two parties claiming one span would break the party_mentions key: keep the first.
    ordered = ordered.unique(
        ["article_id", "char_start", "char_end"], keep="first", maintain_order=True
    )

    def most_common(col: str) -> pl.Expr:
        return pl.col(col).drop_nulls().mode().sort().first()

    parties = (
        ordered.group_by("party_id")
        .agg(
            # canonical name: curated names are identical; else the fullest form
            pl.col("name")
            .sort_by(pl.col("name").str.len_chars(), descending=True)
            .first()
            .alias("name"),
            pl.col("text").unique().sort().alias("aliases"),
            pl.col("party_type")
            .filter(pl.col("party_type") != "other")
            .mode()
            .sort()
            .first()
            .fill_null("other")
            .alias("party_type"),
            most_common("affiliation_id").alias("affiliation_id"),
            pl.col("title").drop_nulls().first().alias("title"),
            pl.col("article_id").n_unique().cast(pl.Int32).alias("n_articles"),
        )
        .sort("party_id")
    )
    known = set(parties["party_id"].to_list())
    parties = parties.with_columns(
        pl.when(
            pl.col("affiliation_id").is_in(list(known))
            & (pl.col("affiliation_id") != pl.col("party_id"))
        )
        .then(pl.col("affiliation_id"))
        .otherwise(None)
        .alias("affiliation_id")
    )
    party_mentions = ordered.select("party_id", "article_id", "char_start", "char_end", "text")
    return (
        schemas.conform(parties, schemas.PARTIES),
        schemas.conform(party_mentions, schemas.PARTY_MENTIONS),
    )


# --------------------------------------------------------------------------
# Events


@dataclass
class _Cluster:
    event_type: str
    start_date: object
    employers: set[str]
    unions: set[str]
    rows: list[dict]

    def accepts(self, employers: set[str], unions: set[str], article_id: str | None = None) -> bool:
        # two events one article tells apart stay apart (the extractor has
        # already applied the merge rule inside the article)
        if article_id is not None and any(r["article_id"] == article_id for r in self.rows):
            return False
        return not _conflict(self.employers, employers) and not _conflict(self.unions, unions)


def _conflict(a: set[str], b: set[str]) -> bool:
    """A side one source leaves unnamed is no conflict; named and disjoint is."""
    return bool(a) and bool(b) and not (a & b)


def _sides(row: dict) -> tuple[set[str], set[str]]:
    employers = {p["party_id"] for p in row["parties"] if p["role"] == "employer"}
    unions = {p["party_id"] for p in row["parties"] if p["role"] == "union"}
    return employers, unions


def cluster_event_mentions(mentions: pl.DataFrame, articles: pl.DataFrame) -> list[_Cluster]:
    """Group event mentions into real-world events (the merge rule)."""
    dates = dict(
        zip(articles["article_id"].to_list(), articles["published_date"].to_list(), strict=True)
    )
    rows = mentions.to_dicts()
    for r in rows:
        r["_published"] = dates.get(r["article_id"])
    # Oldest source first, so clusters grow in reporting order.
    rows.sort(
        key=lambda r: (
            r["_published"] is None,
            r["_published"] or 0,
            r["article_id"],
            r["char_start"],
        )
    )
    clusters: list[_Cluster] = []
    by_key: dict[tuple, list[_Cluster]] = {}
    for r in rows:
        employers, unions = _sides(r)
        if r["start_date"] is None:
            clusters.append(_Cluster(r["event_type"], None, employers, unions, [r]))
            continue
        key = (r["event_type"], r["start_date"])
        for cl in by_key.get(key, []):
            if cl.accepts(employers, unions, r["article_id"]):
                cl.rows.append(r)
                cl.employers |= employers
                cl.unions |= unions
                break
        else:
            cl = _Cluster(r["event_type"], r["start_date"], employers, unions, [r])
            by_key.setdefault(key, []).append(cl)
            clusters.append(cl)
    return clusters


def _newest_first(rows: list[dict]) -> list[dict]:
    return sorted(
        rows,
        key=lambda r: (
            r["_published"] is not None,
            r["_published"] or 0,
            r["article_id"],
            -r["char_start"],
        ),
        reverse=True,
    )


def reconcile(cluster: _Cluster, taken: set[str] | None = None) -> dict:
    """One events row from a cluster's mentions (documented in docs/identity.md).

    `taken` holds the ids already given: where one article tells apart two
    events with the same type, day and sides (two groups of one union's
    members striking separately), the later one takes the id the codebook
    gives an undated event, from its first mention."""
    newest = _newest_first(cluster.rows)
    # The most precisely dated mention decides all date fields together.
    dated = max(newest, key=lambda r: PRECISION_RANK.get(r["date_precision"], 0))

    def first(field: str):
        return next((r[field] for r in newest if r[field] is not None), None)

    locations: list[str] = []
    for r in sorted(cluster.rows, key=lambda r: (r["article_id"], r["char_start"])):
        for loc in r["locations"] or []:
            if loc not in locations:
                locations.append(loc)
    scopes = [r["scope"] for r in newest if r["scope"] != "unknown"]
    first_flags = [r["first_ever"] for r in newest if r["first_ever"] is not None]
    oldest = min(
        cluster.rows,
        key=lambda r: (
            r["_published"] is None,
            r["_published"] or 0,
            r["article_id"],
            r["char_start"],
        ),
    )
    first_mention = min(
        (r for r in cluster.rows if r["article_id"] == oldest["article_id"]),
        key=lambda r: r["char_start"],
    )
    eid = event_id_for(
        cluster.event_type,
        cluster.start_date,
        cluster.employers,
        cluster.unions,
        first_mention["article_id"],
        first_mention["char_start"],
    )
    if taken is not None and eid in taken:
        eid = event_id_for(
            cluster.event_type,
            None,
            (),
            (),
            first_mention["article_id"],
            first_mention["char_start"],
        )
    return {
        "event_id": eid,
        "event_type": cluster.event_type,
        "status": newest[0]["status"],  # the newest source decides
        "start_date": dated["start_date"],
        "end_date": dated["end_date"],
        "start_ts": dated["start_ts"],
        "end_ts": dated["end_ts"],
        "date_precision": dated["date_precision"],
        "date_text": dated["date_text"],
        "duration_hours": first("duration_hours"),
        "workers_involved": first("workers_involved"),
        "occupation": first("occupation"),
        "sector": first("sector"),
        "locations": locations,
        "scope": scopes[0] if scopes else "unknown",
        "first_ever": any(first_flags) if first_flags else None,
        "summary": first_mention["summary"] or first_mention["text"],
        "n_sources": len({r["article_id"] for r in cluster.rows}),
    }


def resolve_events(
    mentions: pl.DataFrame, articles: pl.DataFrame, known_parties: Iterable[str]
) -> dict[str, pl.DataFrame]:
    """Event mentions -> events, event_sources, event_parties and the mention->event map."""
    known = set(known_parties)
    clusters = cluster_event_mentions(mentions, articles) if not mentions.is_empty() else []
    events, sources, event_parties, mapping = [], [], [], []
    taken: set[str] = set()
    for cl in clusters:
        row = reconcile(cl, taken)
        eid = row["event_id"]
        taken.add(eid)
        events.append(row)
        per_article: dict[str, dict] = {}
        for r in cl.rows:
            mapping.append(
                {"article_id": r["article_id"], "event_index": r["event_index"], "event_id": eid}
            )
            best = per_article.get(r["article_id"])
            if best is None or r["char_start"] < best["char_start"]:
                per_article[r["article_id"]] = r
        for aid, r in per_article.items():
            sources.append(
                {
                    "event_id": eid,
                    "article_id": aid,
                    "char_start": r["char_start"],
                    "char_end": r["char_end"],
                    "text": r["text"],
                }
            )
        roles = {
            (p["party_id"], p["role"])
            for r in cl.rows
            for p in r["parties"]
            if p["party_id"] in known
        }
        event_parties.extend(
            {"event_id": eid, "party_id": pid, "role": role} for pid, role in roles
        )

    events_df = schemas.frame(events, schemas.EVENTS.polars_schema)
    # Two clusters can only share an id if the extractor produced identical keys
    # that the merge rule kept apart; keep them distinct but deterministic.
    events_df = schemas.conform(events_df, schemas.EVENTS).sort("event_id")
    return {
        "events": events_df,
        "event_sources": schemas.conform(
            schemas.frame(sources, schemas.EVENT_SOURCES.polars_schema), schemas.EVENT_SOURCES
        ).sort("event_id", "article_id"),
        "event_parties": schemas.conform(
            schemas.frame(event_parties, schemas.EVENT_PARTIES.polars_schema), schemas.EVENT_PARTIES
        ).sort("event_id", "party_id", "role"),
        "event_map": schemas.frame(
            mapping,
            pl.Schema(
                {"article_id": pl.String(), "event_index": pl.Int32(), "event_id": pl.String()}
            ),
        ),
    }


# --------------------------------------------------------------------------
# Figures


def resolve_figures(
    mentions: pl.DataFrame, event_map: pl.DataFrame, known_parties: Iterable[str]
) -> pl.DataFrame:
    """Figure mentions -> figures, linked to merged events and known speakers."""
    if mentions.is_empty():
        return schemas.empty_frame(schemas.FIGURES)
    known = list(set(known_parties))
    df = mentions.join(event_map, on=["article_id", "event_index"], how="left")
    df = df.with_columns(
        pl.struct("article_id", "char_start", "char_end")
        .map_elements(
            lambda s: figure_id(s["article_id"], s["char_start"], s["char_end"]),
            return_dtype=pl.String,
        )
        .alias("figure_id"),
        pl.when(pl.col("speaker_id").is_in(known))
        .then(pl.col("speaker_id"))
        .otherwise(None)
        .alias("speaker_id"),
    )
    df = df.unique("figure_id", keep="first", maintain_order=True)
    return schemas.conform(df, schemas.FIGURES).sort("article_id", "char_start", "char_end")
