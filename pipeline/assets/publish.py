"""Group `publish`: validated tables written to Parquet and DuckDB."""

import polars as pl
from dagster import AssetExecutionContext, AssetIn, MaterializeResult, MetadataValue, asset

from pipeline import schemas
from pipeline.publish import publish_tables
from pipeline.settings import get_settings


@asset(
    group_name="publish",
    ins={name: AssetIn(name) for name in schemas.TABLES},
    compute_kind="duckdb",
)
def warehouse(context: AssetExecutionContext, **tables: pl.DataFrame) -> MaterializeResult:
    """Publishes the seven tables as `parquet/<table>.parquet` and
    `industrial_action.duckdb` (tables, codebook comments and views) in the
    warehouse folder (`PIPELINE_WAREHOUSE_DIR`, default `warehouse/`). Runs only
    when every table's blocking check has passed; files are written aside and
    moved into place, so a failure leaves the last good output untouched."""
    settings = get_settings()
    paths = publish_tables(tables, settings)
    counts = {name: tables[name].height for name in schemas.TABLES}
    context.log.info("published " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    return MaterializeResult(
        metadata={
            "duckdb": MetadataValue.path(str(paths["duckdb"])),
            "parquet_dir": MetadataValue.path(str(settings.parquet_dir)),
            **{f"rows/{k}": v for k, v in counts.items()},
        }
    )
