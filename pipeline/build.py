"""The pipeline as plain functions: raw folder -> the codebook's tables.

The Dagster assets call these step by step (so each step is an asset the UI
shows); the evaluation command and tests call `build_tables` to run the same
steps in one process without Dagster.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import multiprocessing
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import polars as pl

from pipeline import resolve, schemas
from pipeline.cache import KEY, ExtractionCache, cache_key, extractor_version
from pipeline.extract.records import ArticleInput
from pipeline.ingest import IngestResult, read_raw_folder
from pipeline.progress import Progress
from pipeline.published_dates import infer_published_date

log = logging.getLogger(__name__)

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
    return schemas.frame(rows, ARTICLE_TEXTS_SCHEMA)


def rejected_frame(result: IngestResult) -> pl.DataFrame:
    """The rejected_articles table: every file or manifest row set aside, with its reason."""
    rows = [dataclasses.asdict(r) for r in result.rejected]
    df = schemas.frame_from_rows(rows, schemas.REJECTED_ARTICLES)
    return df.unique(["source_path", "reason"], keep="first", maintain_order=True).sort(
        "source_path", "reason"
    )


def article_inputs(article_texts: pl.DataFrame) -> list[ArticleInput]:
    return [
        ArticleInput(article_id=r["article_id"], body=r["body"], published_date=r["published_date"])
        for r in article_texts.select("article_id", "body", "published_date").iter_rows(named=True)
    ]


ARTICLES_PER_PROCESS = 100
# Articles per nlp.pipe batch, and per task sent to a worker process: whether one
# process or several parse them, spaCy sees the same consecutive batches.
BATCH_SIZE = 32

INFERRED_DATES_SCHEMA = pl.Schema(
    {"article_id": pl.String(), "published_date": pl.Date(), "reason": pl.String()}
)

# One batch's mention frames, and the publication dates inferred for its articles.
BatchResult = tuple[dict[str, pl.DataFrame], list[dict]]


def _infer(doc, article: ArticleInput) -> tuple[ArticleInput, dict | None]:
    """Date an undated article from its own text where the text allows it."""
    if article.published_date is not None:
        return article, None
    try:
        inference = infer_published_date(doc)
    except Exception:  # inference is optional evidence; never let it stop extraction
        log.exception("publication date inference failed for %s", article.article_id)
        return article, None
    if inference.published_date is None:
        return article, None
    row = {
        "article_id": article.article_id,
        "published_date": inference.published_date,
        "reason": inference.reason,
    }
    return dataclasses.replace(article, published_date=inference.published_date), row


def _extract_batch(batch: list[ArticleInput], spacy_model: str) -> BatchResult:
    """Parse, date and extract one batch of articles, in input order."""
    from pipeline.extract import extract_article
    from pipeline.extract.nlp import build_nlp

    records, inferred = [], []
    pairs = ((a.body, a) for a in batch)
    for doc, article in build_nlp(spacy_model).pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        article, row = _infer(doc, article)
        if row:
            inferred.append(row)
        records.append(extract_article(doc, article))
    return resolve.mention_frames(records), inferred


def _extract_new(
    inputs: list[ArticleInput], spacy_model: str, log: Callable[[str], None] | None, n_process: int
) -> dict[str, pl.DataFrame]:
    batches = [inputs[i : i + BATCH_SIZE] for i in range(0, len(inputs), BATCH_SIZE)]
    # A worker process costs seconds to start (it loads the model): only worth it for
    # enough articles. Results are the same either way, in input order.
    n_process = max(1, min(n_process, len(inputs) // ARTICLES_PER_PROCESS))
    if n_process == 1:
        results = (_extract_batch(batch, spacy_model) for batch in batches)
    else:
        results = _in_workers(batches, spacy_model, n_process)
    parts, inferred = [resolve.mention_frames([])], []
    progress = Progress(len(inputs), "extraction", log)
    for batch, (frames, rows) in zip(batches, results, strict=True):
        parts.append(frames)
        inferred += rows
        progress.update(len(batch), sum(len(a.body.split()) for a in batch))
    progress.close()
    frames = {name: pl.concat([p[name] for p in parts]).rechunk() for name in parts[0]}
    frames["inferred_dates"] = schemas.frame(inferred, INFERRED_DATES_SCHEMA)
    return frames


# --------------------------------------------------------------------------
# Worker processes: each loads the model once, then parses *and* extracts
# batches of articles and returns their mention frames. Extraction runs in
# parallel with parsing, and no Doc is serialised back to the main process.


def _in_workers(
    batches: list[list[ArticleInput]], spacy_model: str, n_process: int
) -> Iterator[BatchResult]:
    """`_extract_batch` over every batch in `n_process` worker processes; results in order."""
    pool = ProcessPoolExecutor(
        n_process, mp_context=_mp_context(), initializer=_worker_start, initargs=(spacy_model,)
    )
    try:
        for result, logged in pool.map(_worker_batch, batches, itertools.repeat(spacy_model)):
            for name, level, message in logged:  # what the worker logged, logged here
                logging.getLogger(name).log(level, "%s", message)
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _mp_context() -> multiprocessing.context.BaseContext:
    # fork on Linux, as spaCy's own n_process does: workers start at once (and share
    # the parent's model if it has one loaded); elsewhere spawn, where each loads it.
    fork = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if fork else "spawn")


class _KeptRecords(logging.Handler):
    """In a worker: log records kept to be logged again by the main process (whose
    handlers, e.g. Dagster's, a worker process must not use)."""

    def __init__(self) -> None:
        super().__init__()
        self.kept: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.kept.append((record.name, record.levelno, self.format(record)))


_worker_log = _KeptRecords()


def _worker_start(spacy_model: str) -> None:
    from pipeline.extract.nlp import build_nlp

    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(_worker_log)
    build_nlp(spacy_model)  # once per worker (free if the parent had it loaded)


def _worker_batch(
    batch: list[ArticleInput], spacy_model: str
) -> tuple[BatchResult, list[tuple[str, int, str]]]:
    result = _extract_batch(batch, spacy_model)
    logged, _worker_log.kept = _worker_log.kept, []
    return result, logged


MENTION_SCHEMAS = {
    "event_mentions": resolve.EVENT_MENTIONS_SCHEMA,
    "party_mention_records": resolve.PARTY_MENTIONS_SCHEMA,
    "figure_mentions": resolve.FIGURE_MENTIONS_SCHEMA,
    "inferred_dates": INFERRED_DATES_SCHEMA,
}


def extract_mentions(
    article_texts: pl.DataFrame,
    spacy_model: str,
    log: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
    n_process: int = 1,
) -> dict[str, pl.DataFrame]:
    """Language processing and extraction: the three mention frames, plus the
    publication dates inferred for undated articles (`inferred_dates`).

    With `cache_dir`, only articles not already extracted by this extractor
    version (with the same publication date) are processed (pipeline.cache).
    Progress (counts and rates) goes to `log` and, on a terminal, to a bar."""
    inputs = article_inputs(article_texts)
    if cache_dir is None:
        new = _extract_new(inputs, spacy_model, log, n_process)
        return {name: df.sort(_order(name), maintain_order=True) for name, df in new.items()}

    version = extractor_version(spacy_model)
    cache = ExtractionCache(cache_dir, version)
    keys = {cache_key(a.article_id, a.published_date): a for a in inputs}
    known = cache.cached_keys()
    todo = [a for k, a in keys.items() if k not in known]
    if log:
        log(
            f"extractor version {version}: {len(keys) - len(todo)} articles cached, {len(todo)} to extract"
        )
    new = _extract_new(todo, spacy_model, log, n_process)
    if todo:
        key_of = {a.article_id: cache_key(a.article_id, a.published_date) for a in todo}
        cache.store(
            list(key_of.values()),
            {
                name: df.with_columns(
                    pl.col("article_id").replace_strict(key_of, return_dtype=pl.String).alias(KEY)
                )
                for name, df in new.items()
            },
        )
    cached = cache.load(
        set(keys) - set(cache_key(a.article_id, a.published_date) for a in todo), MENTION_SCHEMAS
    )
    return {
        name: pl.concat([cached[name], new[name].select(list(schema)).cast(dict(schema))]).sort(
            _order(name), maintain_order=True
        )
        for name, schema in MENTION_SCHEMAS.items()
    }


def _order(name: str) -> list[str]:
    """A row order that does not depend on which articles came from the cache."""
    return {
        "event_mentions": ["article_id", "event_index"],
        "party_mention_records": ["article_id", "char_start", "char_end"],
        "figure_mentions": ["article_id", "char_start", "char_end"],
        "inferred_dates": ["article_id"],
    }[name]


def articles_table(article_texts: pl.DataFrame, inferred_dates: pl.DataFrame) -> pl.DataFrame:
    """The articles table: metadata dates, else dates inferred from the text."""
    inferred = inferred_dates.select("article_id", pl.col("published_date").alias("_inferred"))
    df = article_texts.join(inferred, on="article_id", how="left").with_columns(
        pl.when(pl.col("published_date").is_null() & pl.col("_inferred").is_not_null())
        .then(pl.lit("inferred"))
        .otherwise(pl.col("published_date_source"))
        .alias("published_date_source"),
        pl.coalesce("published_date", "_inferred").alias("published_date"),
    )
    return schemas.conform(df, schemas.ARTICLES).sort("article_id")


def resolve_tables(
    articles: pl.DataFrame, mentions: dict[str, pl.DataFrame]
) -> dict[str, pl.DataFrame]:
    """Mention frames -> the seven codebook tables (plus the internal event map)."""
    parties, party_mentions = resolve.resolve_parties(mentions["party_mention_records"])
    known = parties["party_id"].to_list()
    events = resolve.resolve_events(mentions["event_mentions"], articles, known)
    figures = resolve.resolve_figures(mentions["figure_mentions"], events["event_map"], known)
    return {
        "articles": articles,
        "events": events["events"],
        "event_sources": events["event_sources"],
        "parties": parties,
        "party_mentions": party_mentions,
        "event_parties": events["event_parties"],
        "figures": figures,
        "event_mention_ids": events["event_map"],
    }


def build_tables(
    raw_dir: Path,
    spacy_model: str,
    on_warning: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
    log: Callable[[str], None] | None = None,
) -> dict[str, pl.DataFrame]:
    """Everything from a raw folder, in one process; also returns `article_texts`."""
    result = read_raw_folder(raw_dir)
    if on_warning:
        for r in result.rejected:
            on_warning(f"rejected {r.source_path} ({r.reason}): {r.detail}")
        for warning in result.warnings:
            on_warning(warning)
    texts = article_texts_frame(result)
    mentions = extract_mentions(texts, spacy_model, log=log, cache_dir=cache_dir)
    tables = resolve_tables(articles_table(texts, mentions["inferred_dates"]), mentions)
    tables["article_texts"] = texts
    tables["rejected_articles"] = rejected_frame(result)
    return tables
