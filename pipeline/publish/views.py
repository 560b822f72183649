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

_ACTION_DAYS = (
    "CASE WHEN e.start_date IS NULL THEN NULL ELSE coalesce(e.end_date - e.start_date + 1, 1) END"
)

MONTHLY_ACTION = View(
    name="monthly_action",
    description=(
        "Industrial action by month and sector: how many actions started, the days of action and "
        "the workers involved. Only events with a known start date; an action without an end date "
        "counts as one day."
    ),
    sql=f"""
SELECT
    date_trunc('month', e.start_date)::DATE AS month,
    coalesce(e.sector, 'unknown') AS sector,
    count(*) AS n_actions,
    count(*) FILTER (WHERE e.status = 'cancelled') AS n_cancelled,
    sum({_ACTION_DAYS}) FILTER (WHERE e.status <> 'cancelled')::BIGINT AS action_days,
    sum(e.workers_involved) FILTER (WHERE e.status <> 'cancelled')::BIGINT AS workers_involved,
    sum(e.workers_involved * {_ACTION_DAYS}) FILTER (WHERE e.status <> 'cancelled')::BIGINT
        AS worker_days,
    count(e.workers_involved) FILTER (WHERE e.status <> 'cancelled') AS n_actions_with_worker_count
FROM events e
WHERE e.event_type IN ({_ACTION_TYPES}) AND e.start_date IS NOT NULL
GROUP BY ALL
ORDER BY month, sector
""",
    columns={
        "month": "First day of the month the actions started in.",
        "sector": "Sector of the action (`unknown` where not stated).",
        "n_actions": "Industrial-action events starting that month (any status).",
        "n_cancelled": "Of those, how many were called off.",
        "action_days": "Days of action (end_date - start_date + 1, or 1), excluding cancelled actions.",
        "workers_involved": "Sum of workers_involved over actions that state it, excluding cancelled actions.",
        "worker_days": "Sum of workers_involved x days of action, over actions that state a worker count.",
        "n_actions_with_worker_count": "Actions (not cancelled) that state how many workers took part.",
    },
)

FIGURE_CONTEXT = View(
    name="figure_context",
    description="Every figure with the event it describes, who said it and the article it appears in.",
    sql="""
SELECT
    f.figure_id,
    f.text,
    f.value,
    f.value_max,
    f.unit,
    f.qualifier,
    f.period,
    f.measure,
    f.subject,
    f.event_id,
    e.event_type,
    e.start_date AS event_start_date,
    f.speaker_id,
    p.name AS speaker,
    f.article_id,
    a.published_date,
    coalesce(a.url, a.source_path) AS source,
    f.sentence
FROM figures f
JOIN articles a ON a.article_id = f.article_id
LEFT JOIN events e ON e.event_id = f.event_id
LEFT JOIN parties p ON p.party_id = f.speaker_id
ORDER BY a.published_date NULLS LAST, f.article_id, f.char_start
""",
    columns={
        "figure_id": "figures.figure_id.",
        "text": "The number as written, with unit and qualifier.",
        "value": "The number in its unit.",
        "value_max": "Upper end of a range.",
        "unit": "Unit of the value.",
        "qualifier": "exact, approximately, at_least, more_than, less_than or up_to.",
        "period": "The span a rate or change is over.",
        "measure": "What the number counts.",
        "subject": "The noun phrase the number is about.",
        "event_id": "The event the figure describes, if any.",
        "event_type": "Type of that event.",
        "event_start_date": "Start date of that event.",
        "speaker_id": "Party the figure is attributed to.",
        "speaker": "Name of that party.",
        "article_id": "The article the figure appears in.",
        "published_date": "Publication date of that article.",
        "source": "URL of the article (or its raw file path where no URL is known).",
        "sentence": "The whole sentence, verbatim.",
    },
)

DISPUTE_TIMELINE = View(
    name="dispute_timeline",
    description=(
        "A dispute's timeline per employer: votes, notices, offers, talks, actions, expiries and "
        "settlements in date order, with the unions involved. One row per (employer, event)."
    ),
    sql=f"""
SELECT
    ep.party_id AS employer_id,
    p.name AS employer,
    e.start_date,
    e.date_precision,
    e.event_type,
    e.event_type IN ({_ACTION_TYPES}) AS is_industrial_action,
    e.status,
    coalesce({_party_names("union")}, []) AS unions,
    e.workers_involved,
    e.event_id,
    e.summary
FROM event_parties ep
JOIN parties p ON p.party_id = ep.party_id
JOIN events e ON e.event_id = ep.event_id
WHERE ep.role = 'employer'
ORDER BY employer, e.start_date NULLS LAST, e.event_type, e.event_id
""",
    columns={
        "employer_id": "party_id of the employer.",
        "employer": "Name of the employer.",
        "start_date": "Start date of the event (null where unknown; those sort last).",
        "date_precision": "How much of the date is known.",
        "event_type": "Type of event (bargaining milestone or industrial action).",
        "is_industrial_action": "True for strike, partial_strike, other_action and rally.",
        "status": "planned, ongoing, occurred, cancelled or unknown.",
        "unions": "Names of the unions in the event.",
        "workers_involved": "Number of workers taking part, as stated.",
        "event_id": "events.event_id.",
        "summary": "The sentence that best states the event.",
    },
)

VIEWS: tuple[View, ...] = (STRIKES, MONTHLY_ACTION, FIGURE_CONTEXT, DISPUTE_TIMELINE)
