"""Writing the published Parquet files and DuckDB file, atomically per file."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import polars as pl

from pipeline import schemas
from pipeline.publish.database import build_database
from pipeline.settings import Settings


def publish_tables(frames: dict[str, pl.DataFrame], settings: Settings) -> dict[str, Path]:
    """Write every table to `parquet/<table>.parquet` and the DuckDB file.

    Everything is first written into a temporary folder inside the warehouse
    (same file system, so the final moves are atomic renames) and validated
    against the schema; only then is each file moved into place.
    """
    for name, table in schemas.TABLES.items():
        problems = schemas.schema_problems(frames[name], table)
        if problems:
            raise ValueError(f"refusing to publish {name}: {problems}")
    settings.warehouse_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".publish-", dir=settings.warehouse_dir))
    try:
        written: dict[str, Path] = {}
        for name in schemas.TABLES:
            path = scratch / f"{name}.parquet"
            frames[name].write_parquet(path, compression="zstd", statistics=True)
            written[name] = path
        db_path = scratch / settings.duckdb_path.name
        build_database(db_path, frames)

        settings.parquet_dir.mkdir(parents=True, exist_ok=True)
        final: dict[str, Path] = {}
        for name, path in written.items():
            target = settings.parquet_dir / path.name
            os.replace(path, target)
            final[name] = target
        os.replace(db_path, settings.duckdb_path)
        final["duckdb"] = settings.duckdb_path
        return final
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
