"""Failures never damage the last good output; the pipeline opens no network connection."""

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time

import duckdb
import polars as pl
import pytest

from pipeline.build import build_tables
from pipeline.publish import publish_tables
from pipeline.publish.files import warehouse_lock
from pipeline.schemas import TABLES
from pipeline.settings import DEFAULT_SPACY_MODEL, Settings
from pipeline.validation import validate_table
from tests.codebook import REPO, SHARED

pytestmark = pytest.mark.slow

KILL_SCRIPT = """
import sys, time
from pathlib import Path
import polars as pl
from pipeline.publish import files
from pipeline.schemas import TABLES
from pipeline.settings import Settings

staged, warehouse, marker = map(Path, sys.argv[1:4])
frames = {n: pl.read_parquet(staged / f"{n}.parquet") for n in TABLES}
real = files.build_database

def slow_build_database(path, frames):
    real(path, frames)
    marker.write_text("writing")
    time.sleep(120)  # killed here, mid-publication

files.build_database = slow_build_database
files.publish_tables(frames, Settings.for_folders(warehouse, warehouse))
"""


def _digests(warehouse):
    out = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((warehouse / "parquet").iterdir())
    }
    out["duckdb"] = hashlib.sha256(
        (warehouse / "industrial_action.duckdb").read_bytes()
    ).hexdigest()
    return out


@pytest.fixture(scope="module")
def seed_tables():
    tables = build_tables(SHARED / "seeds", DEFAULT_SPACY_MODEL)
    return tables


def _settings(warehouse):
    return Settings.for_folders(warehouse, warehouse)


def test_killed_publication_leaves_the_previous_warehouse_intact(seed_tables, tmp_path):
    warehouse = tmp_path / "warehouse"
    frames = {n: seed_tables[n] for n in TABLES}
    publish_tables(frames, _settings(warehouse))
    before = _digests(warehouse)

    # A different build (fewer figures) is being published when the process is killed.
    staged = tmp_path / "staged"
    staged.mkdir()
    changed = dict(frames, figures=frames["figures"].head(3))
    for name, df in changed.items():
        df.write_parquet(staged / f"{name}.parquet")
    marker = tmp_path / "marker"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(staged), str(warehouse), str(marker)],
        cwd=REPO,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, "the publishing process ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    assert _digests(warehouse) == before
    con = duckdb.connect(str(warehouse / "industrial_action.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == frames["figures"].height
    finally:
        con.close()
    published = {n: pl.read_parquet(warehouse / "parquet" / f"{n}.parquet") for n in TABLES}
    bodies = dict(
        zip(
            seed_tables["article_texts"]["article_id"],
            seed_tables["article_texts"]["body"],
            strict=True,
        )
    )
    for name in TABLES:
        report = validate_table(name, published[name], related=published, bodies=bodies)
        assert report.success, report.describe()

    # The next publication succeeds and clears the half-written build.
    publish_tables(frames, _settings(warehouse))
    assert not list((warehouse / "builds").glob(".*"))


def test_a_second_build_into_the_same_warehouse_is_refused(tmp_path):
    warehouse = tmp_path / "warehouse"
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env.update(PIPELINE_RAW_DIR=str(SHARED / "seeds"), PIPELINE_WAREHOUSE_DIR=str(warehouse))
    with warehouse_lock(warehouse, name=".build.lock", wait=False):
        proc = subprocess.run(
            [sys.executable, "-m", "pipeline", "build"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert proc.returncode == 2
    assert "another build is using" in proc.stderr
    assert not (warehouse / "parquet").exists()


def test_no_network_connection_is_opened(tmp_path, monkeypatch):
    attempts = []

    def refuse(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise OSError(f"network disabled in tests: {address}")
        return real_connect(self, address, *args, **kwargs)

    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(
        socket.socket, "connect_ex", lambda self, address: refuse(self, address) or 0
    )
    tables = build_tables(SHARED / "seeds", DEFAULT_SPACY_MODEL)
    frames = {n: tables[n] for n in TABLES}
    publish_tables(frames, _settings(tmp_path / "warehouse"))
    bodies = dict(
        zip(tables["article_texts"]["article_id"], tables["article_texts"]["body"], strict=True)
    )
    for name in TABLES:
        assert validate_table(name, frames[name], related=frames, bodies=bodies).success
    assert attempts == []
