"""The pipeline as plain functions: raw folder -> the codebook's tables.

The Dagster assets call these step by step (so each step is an asset the UI
shows); the evaluation command and tests call `build_tables` to run the same
steps in one process without Dagster.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl

from pipeline import resolve, schemas
from pipeline.extract.records import ArticleInput
from pipeline.ingest import IngestResult, read_raw_folder

ARTICLE_TEXTS_SCHEMA = pl.Schema({**schemas.ARTICLES.polars_schema, "body": pl.String()})


def article_texts_frame(result: IngestResult) -> pl.DataFrame:
    """The articles table plus each article's normalised body."""
    rows = [
        {
            "article_id": a.article_id,
            "source_path": a.source_path,
            "url": a.url,
            "publisher": a.publisher,
            "title": a.title,
            "published_date": a.published_date,
            "published_date_source": a.published_date_source,
            "n_chars": a.n_chars,
            "n_words": a.n_words,
            "body_sha256": a.body_sha256,
            "body": a.body,
        }
        for a in result.articles
    ]
    if not rows:
        return pl.DataFrame(schema=ARTICLE_TEXTS_SCHEMA)
    return pl.DataFrame(rows, schema=ARTICLE_TEXTS_SCHEMA)


def article_inputs(article_texts: pl.DataFrame) -> list[ArticleInput]:
    return [
        ArticleInput(article_id=r["article_id"], body=r["body"], published_date=r["published_date"])
        for r in article_texts.select("article_id", "body", "published_date").iter_rows(named=True)
    ]


def extract_mentions(article_texts: pl.DataFrame, spacy_model: str) -> dict[str, pl.DataFrame]:
    """Language processing and extraction: the three mention frames."""
    from pipeline.extract import extract_articles
    from pipeline.extract.nlp import build_nlp

    records = extract_articles(article_inputs(article_texts), nlp=build_nlp(spacy_model))
    return resolve.mention_frames(records)


def resolve_tables(
    article_texts: pl.DataFrame, mentions: dict[str, pl.DataFrame]
) -> dict[str, pl.DataFrame]:
    """Mention frames -> the seven codebook tables (plus the internal event map)."""
    parties, party_mentions = resolve.resolve_parties(mentions["party_mention_records"])
    known = parties["party_id"].to_list()
    events = resolve.resolve_events(mentions["event_mentions"], article_texts, known)
    figures = resolve.resolve_figures(mentions["figure_mentions"], events["event_map"], known)
    return {
        "articles": schemas.conform(article_texts, schemas.ARTICLES).sort("article_id"),
        "events": events["events"],
        "event_sources": events["event_sources"],
        "parties": parties,
        "party_mentions": party_mentions,
        "event_parties": events["event_parties"],
        "figures": figures,
        "event_mention_ids": events["event_map"],
    }


def build_tables(
    raw_dir: Path, spacy_model: str, on_warning: Callable[[str], None] | None = None
) -> dict[str, pl.DataFrame]:
    """Everything from a raw folder, in one process; also returns `article_texts`."""
    result = read_raw_folder(raw_dir)
    if on_warning:
        for path, reason in result.rejected:
            on_warning(f"rejected {path}: {reason}")
        for warning in result.warnings:
            on_warning(warning)
    texts = article_texts_frame(result)
    tables = resolve_tables(texts, extract_mentions(texts, spacy_model))
    tables["article_texts"] = texts
    return tables
