"""Group `ingest`: the raw folder read into one frame of articles with their bodies,
and the files set aside (the `rejected_articles` table)."""

from dagster import AssetExecutionContext, AssetOut, MetadataValue, Output, multi_asset

from pipeline import schemas
from pipeline.assets.metadata import frame_metadata
from pipeline.build import article_texts_frame, rejected_frame
from pipeline.ingest import read_raw_folder
from pipeline.settings import get_settings


@multi_asset(
    outs={
        "article_texts": AssetOut(
            group_name="ingest",
            description=(
                "Every article in the raw folder (`PIPELINE_RAW_DIR`, default `raw/`): the "
                "`articles` columns plus the normalised `body` that all character offsets refer "
                "to. One row per distinct body."
            ),
        ),
        "rejected_articles": AssetOut(
            group_name="tables", description=schemas.REJECTED_ARTICLES.description
        ),
    },
    compute_kind="python",
)
def raw_articles(context: AssetExecutionContext):
    """Reads the raw folder. Files that cannot be read as English news text (empty,
    binary, undecodable, malformed front matter, HTML, another language, too large,
    a duplicate body) and manifest rows for missing or outside files are set aside
    with their reason in `rejected_articles`; every other article builds."""
    settings = get_settings()
    result = read_raw_folder(settings.raw_dir)
    for r in result.rejected:
        context.log.warning(f"rejected {r.source_path} ({r.reason}): {r.detail}")
    for warning in result.warnings:
        context.log.warning(warning)
    texts = article_texts_frame(result)
    rejected = rejected_frame(result)
    context.log.info(
        f"read {texts.height} articles from {settings.raw_dir}; {rejected.height} set aside"
    )
    meta = frame_metadata(texts.drop("body"))
    meta["raw_dir"] = MetadataValue.path(str(settings.raw_dir))
    yield Output(texts, output_name="article_texts", metadata=meta)
    yield Output(
        rejected,
        output_name="rejected_articles",
        metadata=frame_metadata(rejected, schemas.REJECTED_ARTICLES),
    )
