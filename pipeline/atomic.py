"""Writing a file so that readers see the old version or the new one, never half of one."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl


def write_parquet_atomic(df: pl.DataFrame, path: Path) -> None:
    """Write beside the target, then rename into place (atomic on one file system)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        df.write_parquet(tmp, compression="zstd", statistics=True)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
