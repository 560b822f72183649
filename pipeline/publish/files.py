"""Writing the published Parquet files and DuckDB file, atomically as one set.

Layout of a warehouse folder:

    builds/<build id>/parquet/<table>.parquet
    builds/<build id>/industrial_action.duckdb
    current  -> builds/<build id>          (one symlink, swapped atomically)
    parquet  -> current/parquet            (fixed symlinks users open)
    industrial_action.duckdb -> current/industrial_action.duckdb

A publication writes a complete new build folder, checks it, and only then
replaces the `current` link with one `rename`: readers see the old set or the
new set, never a mixture, and a publication killed at any point leaves the
previous one in place. The newest `KEEP_BUILDS` builds are kept. Publications
into one warehouse are serialised by a lock file; a second one waits.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from pipeline import schemas
from pipeline.publish.database import build_database
from pipeline.settings import Settings

KEEP_BUILDS = 2
LOCK_TIMEOUT_SECONDS = 600


class PublishLockTimeout(RuntimeError):
    pass


@contextlib.contextmanager
def warehouse_lock(
    warehouse: Path,
    name: str = ".publish.lock",
    wait: bool = True,
    timeout: float = LOCK_TIMEOUT_SECONDS,
) -> Iterator[None]:
    """An exclusive lock on the warehouse; waits up to `timeout` (or fails at once)."""
    warehouse.mkdir(parents=True, exist_ok=True)
    with (warehouse / name).open("a+") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait or time.monotonic() > deadline:
                    raise PublishLockTimeout(
                        f"another build is using {warehouse} ({name}); try again when it has finished"
                    ) from None
                time.sleep(0.5)
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"pid {os.getpid()} since {dt.datetime.now(dt.UTC).isoformat()}\n")
            fh.flush()
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _symlink_atomic(target: str, link: Path) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _adopt_legacy(settings: Settings) -> None:
    """Move a warehouse published as plain files into the builds layout."""
    parquet, db = settings.parquet_dir, settings.duckdb_path
    if (parquet.exists() and not parquet.is_symlink()) or (db.exists() and not db.is_symlink()):
        legacy = settings.warehouse_dir / "builds" / "legacy"
        legacy.mkdir(parents=True, exist_ok=True)
        if parquet.exists() and not parquet.is_symlink():
            os.replace(parquet, legacy / "parquet")
        if db.exists() and not db.is_symlink():
            os.replace(db, legacy / db.name)
        _symlink_atomic("builds/legacy", settings.warehouse_dir / "current")


def _ensure_fixed_links(settings: Settings) -> None:
    for link, target in (
        (settings.parquet_dir, "current/parquet"),
        (settings.duckdb_path, f"current/{settings.duckdb_path.name}"),
    ):
        if not link.is_symlink() or os.readlink(link) != target:
            _symlink_atomic(target, link)


def _prune(builds: Path, keep: set[Path]) -> None:
    done = sorted(
        (p for p in builds.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    for old in done[:-KEEP_BUILDS]:
        if old.resolve() not in keep:
            shutil.rmtree(old, ignore_errors=True)
    for partial in builds.glob(".*"):  # builds that never finished
        if partial.is_dir():
            shutil.rmtree(partial, ignore_errors=True)


def publish_tables(frames: dict[str, pl.DataFrame], settings: Settings) -> dict[str, Path]:
    """Write every table to a new build and switch `current` to it in one step."""
    for name, table in schemas.TABLES.items():
        problems = schemas.schema_problems(frames[name], table)
        if problems:
            raise ValueError(f"refusing to publish {name}: {problems}")
    with warehouse_lock(settings.warehouse_dir):
        _adopt_legacy(settings)
        builds = settings.warehouse_dir / "builds"
        builds.mkdir(parents=True, exist_ok=True)
        build_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        work = builds / f".{build_id}.partial"
        (work / "parquet").mkdir(parents=True)
        for name in schemas.TABLES:
            frames[name].write_parquet(
                work / "parquet" / f"{name}.parquet", compression="zstd", statistics=True
            )
        build_database(work / settings.duckdb_path.name, frames)
        for name, table in schemas.TABLES.items():  # what was written reads back as declared
            back = pl.read_parquet(work / "parquet" / f"{name}.parquet")
            if schemas.schema_problems(back, table) or back.height != frames[name].height:
                raise RuntimeError(f"{name}.parquet did not read back as written")
        final = builds / build_id
        os.replace(work, final)
        _symlink_atomic(f"builds/{build_id}", settings.warehouse_dir / "current")
        _ensure_fixed_links(settings)
        _prune(builds, keep={final.resolve()})
    out = {name: settings.parquet_dir / f"{name}.parquet" for name in schemas.TABLES}
    out["duckdb"] = settings.duckdb_path
    return out
