"""Group `extract`: language processing and per-article extraction (mention grain)."""

import time

import polars as pl
from dagster import AssetExecutionContext, AssetOut, Output, multi_asset

from pipeline.assets.metadata import frame_metadata
from pipeline.extract import extract_articles
from pipeline.extract.nlp import build_nlp
from pipeline.extract.records import ArticleInput
from pipeline.resolve import mention_frames
from pipeline.settings import get_settings


@multi_asset(
    group_name="extract",
    compute_kind="spacy",
    outs={
        "event_mentions": AssetOut(
            description="Events as stated in each article (one row per mention, before merging across articles)."
        ),
        "party_mention_records": AssetOut(
            description="Every organisation or person named in each article, with its canonical id, type, title and affiliation."
        ),
        "figure_mentions": AssetOut(
            description="Every substantive number in each article, with unit, measure, subject, speaker and the in-article event it describes."
        ),
    },
)
def extractions(context: AssetExecutionContext, article_texts: pl.DataFrame):
    """Runs the spaCy pipeline (statistical model plus rule components and the
    curated organisation list) over every article body and extracts events,
    parties and figures. Pure extraction lives in `pipeline.extract`."""
    settings = get_settings()
    nlp = build_nlp(settings.spacy_model)
    inputs = [
        ArticleInput(article_id=r["article_id"], body=r["body"], published_date=r["published_date"])
        for r in article_texts.select("article_id", "body", "published_date").iter_rows(named=True)
    ]
    started = time.perf_counter()
    records = list(extract_articles(inputs, nlp=nlp))
    elapsed = max(time.perf_counter() - started, 1e-9)
    n_words = int(article_texts["n_words"].sum() or 0)
    context.log.info(
        f"extracted {len(records)} articles ({n_words} words) in {elapsed:.1f}s: "
        f"{len(records) / elapsed:.1f} articles/s, {n_words / elapsed:.0f} words/s"
    )
    frames = mention_frames(records)
    for name, df in frames.items():
        yield Output(df, output_name=name, metadata=frame_metadata(df))
