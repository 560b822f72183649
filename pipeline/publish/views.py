"""Documented DuckDB views for common questions.

Each view is declared once with its description and a description of each of
its columns; `pipeline.publish.database` creates them and their comments.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.schemas import INDUSTRIAL_ACTION_TYPES


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str
    columns: dict[str, str]


_ACTION_TYPES = ", ".join(f"'{t}'" for t in INDUSTRIAL_ACTION_TYPES)


def _party_names(role: str) -> str:
    return f"""(
        SELECT list(p.name ORDER BY p.name)
        FROM event_parties ep JOIN parties p ON p.party_id = ep.party_id
        WHERE ep.event_id = e.event_id AND ep.role = '{role}'
    )"""


STRIKES = View(
    name="strikes",
    description=(
        "Industrial action (strike, partial_strike, other_action, rally): which action happened "
        "or is planned, when, who (unions, employers) and how many, with the articles that report it. "
        "One row per event."
    ),
    sql=f"""
SELECT
    e.event_id,
    e.event_type,
    e.status,
    e.start_date,
    e.end_date,
    e.start_ts,
    e.end_ts,
    e.date_precision,
    e.duration_hours,
    e.workers_involved,
    e.occupation,
    e.sector,
    e.locations,
    e.scope,
    e.first_ever,
    coalesce({_party_names("union")}, []) AS unions,
    coalesce({_party_names("employer")}, []) AS employers,
    e.n_sources,
    (
        SELECT list(coalesce(a.url, a.source_path) ORDER BY a.published_date, a.source_path)
        FROM event_sources s JOIN articles a ON a.article_id = s.article_id
        WHERE s.event_id = e.event_id
    ) AS sources,
    e.summary
FROM events e
WHERE e.event_type IN ({_ACTION_TYPES})
ORDER BY e.start_date NULLS LAST, e.event_id
""",
    columns={
        "event_id": "Stable event id (events.event_id).",
        "event_type": "strike, partial_strike, other_action or rally.",
        "status": "planned, ongoing, occurred, cancelled or unknown, as of the newest source.",
        "start_date": "Local start date.",
        "end_date": "Local end date.",
        "start_ts": "Start time (Pacific/Auckland) where stated.",
        "end_ts": "End time (Pacific/Auckland) where stated.",
        "date_precision": "How much of the date is known.",
        "duration_hours": "Length of the action window in hours.",
        "workers_involved": "Number of workers taking part, as stated.",
        "occupation": "Who takes part.",
        "sector": "Sector of the employer or occupation.",
        "locations": "New Zealand places named as where it happens.",
        "scope": "national, regional, local or unknown.",
        "first_ever": "True where the text says it is the first such action ever.",
        "unions": "Names of the unions taking the action.",
        "employers": "Names of the employers the action is against.",
        "n_sources": "Number of articles that report the event.",
        "sources": "URL (or raw file path where no URL is known) of each reporting article, oldest first.",
        "summary": "The sentence that best states the event, verbatim.",
    },
)

VIEWS: tuple[View, ...] = (STRIKES,)
