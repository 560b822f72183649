"""Group `extract`: language processing and per-article extraction (mention grain)."""

import time

import polars as pl
from dagster import AssetExecutionContext, AssetOut, Output, multi_asset

from pipeline.assets.metadata import frame_metadata
from pipeline.build import extract_mentions
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
        "inferred_dates": AssetOut(
            description="Publication dates inferred from the text for articles that neither front matter nor manifest dates (pipeline/published_dates.py), with the reason."
        ),
    },
)
def extractions(context: AssetExecutionContext, article_texts: pl.DataFrame):
    """Runs the spaCy pipeline (statistical model plus rule components and the
    curated organisation list) over every article body and extracts events,
    parties and figures. Pure extraction lives in `pipeline.extract`.
    Incremental: articles already extracted by this extractor version are read
    from the warehouse's cache (pipeline/cache.py)."""
    started = time.perf_counter()
    settings = get_settings()
    frames = extract_mentions(
        article_texts,
        settings.spacy_model,
        log=context.log.info,
        cache_dir=settings.cache_dir,
        n_process=settings.processes,
    )
    elapsed = max(time.perf_counter() - started, 1e-9)
    n_words = int(article_texts["n_words"].sum() or 0)
    context.log.info(
        f"extracted {article_texts.height} articles ({n_words} words) in {elapsed:.1f}s: "
        f"{article_texts.height / elapsed:.1f} articles/s, {n_words / elapsed:.0f} words/s"
    )
    for name, df in frames.items():
        yield Output(df, output_name=name, metadata=frame_metadata(df))
