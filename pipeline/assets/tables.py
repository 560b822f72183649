"""Group `tables`: the codebook's seven tables, merged across articles.

Each asset here is one published table; its blocking check (see
`pipeline.checks`) must pass before `warehouse` publishes it.
"""

import polars as pl
from dagster import AssetOut, Output, asset, multi_asset

from pipeline import build, resolve, schemas
from pipeline.assets.metadata import frame_metadata


def _out(table: schemas.Table) -> AssetOut:
    return AssetOut(description=table.description, group_name="tables")


def _table_output(df: pl.DataFrame, table: schemas.Table) -> Output:
    return Output(df, output_name=table.name, metadata=frame_metadata(df, table))


@asset(group_name="tables", description=schemas.ARTICLES.description)
def articles(article_texts: pl.DataFrame, inferred_dates: pl.DataFrame) -> Output[pl.DataFrame]:
    df = build.articles_table(article_texts, inferred_dates)
    return Output(df, metadata=frame_metadata(df, schemas.ARTICLES))


@multi_asset(
    outs={"parties": _out(schemas.PARTIES), "party_mentions": _out(schemas.PARTY_MENTIONS)},
)
def resolved_parties(party_mention_records: pl.DataFrame):
    """Party mentions merged into one row per real-world party: curated
    organisations by their id, everything else by the slug of the fullest name."""
    parties, mentions = resolve.resolve_parties(party_mention_records)
    yield _table_output(parties, schemas.PARTIES)
    yield _table_output(mentions, schemas.PARTY_MENTIONS)


@multi_asset(
    outs={
        "events": _out(schemas.EVENTS),
        "event_sources": _out(schemas.EVENT_SOURCES),
        "event_parties": _out(schemas.EVENT_PARTIES),
        "event_mention_ids": AssetOut(
            group_name="extract",
            description="Which merged event each (article_id, event_index) mention became; links figures to events.",
        ),
    },
)
def resolved_events(event_mentions: pl.DataFrame, articles: pl.DataFrame, parties: pl.DataFrame):
    """Event mentions merged across articles (docs/identity.md): one row per
    real-world event, with one event_sources row per reporting article and the
    roles of the parties in it."""
    out = resolve.resolve_events(event_mentions, articles, parties["party_id"].to_list())
    yield _table_output(out["events"], schemas.EVENTS)
    yield _table_output(out["event_sources"], schemas.EVENT_SOURCES)
    yield _table_output(out["event_parties"], schemas.EVENT_PARTIES)
    yield Output(
        out["event_map"], output_name="event_mention_ids", metadata=frame_metadata(out["event_map"])
    )


@asset(group_name="tables", description=schemas.FIGURES.description)
def figures(
    figure_mentions: pl.DataFrame, event_mention_ids: pl.DataFrame, parties: pl.DataFrame
) -> Output[pl.DataFrame]:
    df = resolve.resolve_figures(figure_mentions, event_mention_ids, parties["party_id"].to_list())
    return Output(df, metadata=frame_metadata(df, schemas.FIGURES))
