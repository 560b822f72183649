"""Group `ingest`: the raw folder read into one frame of articles with their bodies."""

import polars as pl
from dagster import AssetExecutionContext, MetadataValue, Output, asset

from pipeline.assets.metadata import frame_metadata
from pipeline.build import article_texts_frame
from pipeline.ingest import read_raw_folder
from pipeline.settings import get_settings


@asset(group_name="ingest", compute_kind="python")
def article_texts(context: AssetExecutionContext) -> Output[pl.DataFrame]:
    """Every article in the raw folder (`PIPELINE_RAW_DIR`, default `raw/`): the
    `articles` columns plus the normalised `body` that all character offsets
    refer to. One row per distinct body. Files that cannot be read are logged
    and set aside; identical bodies under two names are kept once."""
    settings = get_settings()
    result = read_raw_folder(settings.raw_dir)
    for path, reason in result.rejected:
        context.log.warning(f"rejected {path}: {reason}")
    for warning in result.warnings:
        context.log.warning(warning)
    df = article_texts_frame(result)
    context.log.info(
        f"read {df.height} articles from {settings.raw_dir}; {len(result.rejected)} rejected"
    )
    meta = frame_metadata(df.drop("body"))
    meta["raw_dir"] = MetadataValue.path(str(settings.raw_dir))
    meta["n_rejected"] = len(result.rejected)
    return Output(df, metadata=meta)
