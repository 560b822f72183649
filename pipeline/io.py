"""Where asset values live between steps: one Parquet file per asset.

Intermediate values (staging) are written under `<warehouse>/staging/`, never
into the published `parquet/` folder: publishing is a separate, validated step
(`pipeline.publish`). Each file is written aside and renamed into place, so a
killed step never leaves a half-written file behind.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
from dagster import ConfigurableIOManager, InputContext, OutputContext

from pipeline.atomic import write_parquet_atomic
from pipeline.settings import get_settings


class StagingParquetIOManager(ConfigurableIOManager):
    """Stores polars DataFrames as `<base_dir>/<asset key>.parquet`."""

    base_dir: str | None = None  # default: the warehouse's staging folder

    def _path(self, context: OutputContext | InputContext) -> Path:
        base = Path(self.base_dir) if self.base_dir else get_settings().staging_dir
        return base.joinpath(*context.asset_key.path).with_suffix(".parquet")

    def handle_output(self, context: OutputContext, obj: pl.DataFrame) -> None:
        if obj is None:
            return
        if not isinstance(obj, pl.DataFrame):
            raise TypeError(
                f"{context.asset_key.to_user_string()}: expected a polars DataFrame, got {type(obj)}"
            )
        write_parquet_atomic(obj, self._path(context))

    def load_input(self, context: InputContext) -> pl.DataFrame:
        path = self._path(context)
        if not path.exists():
            raise FileNotFoundError(
                f"{path} does not exist: materialise {context.asset_key.to_user_string()} first"
            )
        return pl.read_parquet(path)
