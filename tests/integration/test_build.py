"""Materialise every asset into a temporary warehouse and check the outputs.

These tests run the real pipeline (spaCy, GX, DuckDB) on the seed articles, so
they are marked slow; `make test` runs them, `make test-fast` skips them.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from dagster import DagsterInstance

from tests.codebook import GOLD, REPO, SHARED, codebook_tables

pytestmark = pytest.mark.slow


def _arrow_kind(t: pa.DataType) -> str:
    """The codebook's type word for a Parquet/Arrow type (string widths do not matter)."""
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return "string"
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return f"list<{_arrow_kind(t.value_type)}>"
    if pa.types.is_timestamp(t):
        return "timestamptz" if t.tz == "Pacific/Auckland" else f"timestamp[{t.tz}]"
    named = {
        pa.date32(): "date",
        pa.int32(): "int32",
        pa.int64(): "int64",
        pa.float64(): "double",
        pa.bool_(): "boolean",
    }
    return named.get(t, str(t))


def _run_all(instance):
    from pipeline.definitions import build_defs

    job = build_defs().resolve_implicit_global_asset_job_def()
    return job.execute_in_process(instance=instance, raise_on_error=False)


def _digest_tree(path):
    out = {}
    for p in sorted(path.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(path))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("build")
    raw = root / "raw"
    shutil.copytree(SHARED / "seeds", raw)
    warehouse = root / "warehouse"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIPELINE_RAW_DIR", str(raw))
        mp.setenv("PIPELINE_WAREHOUSE_DIR", str(warehouse))
        with DagsterInstance.ephemeral() as instance:
            result = _run_all(instance)
            assert result.success
            yield {"raw": raw, "warehouse": warehouse, "instance": instance, "mp": mp}


@pytest.mark.parametrize("table", list(codebook_tables()))
def test_parquet_has_codebook_columns_and_types(built, table):
    schema = pq.read_schema(built["warehouse"] / "parquet" / f"{table}.parquet")
    expected = codebook_tables()[table]
    assert schema.names == [name for name, _, _ in expected]
    for name, kind, _ in expected:
        assert _arrow_kind(schema.field(name).type) == kind, (
            f"{table}.{name}: {schema.field(name).type}"
        )


def test_every_table_is_filled_for_the_seeds(built):
    for table in codebook_tables():
        assert pl.read_parquet(built["warehouse"] / "parquet" / f"{table}.parquet").height > 0, (
            table
        )


def test_duckdb_opens_read_only_with_comments_and_strikes(built):
    con = duckdb.connect(str(built["warehouse"] / "industrial_action.duckdb"), read_only=True)
    try:
        tables = {
            r[0]: r[1]
            for r in con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall()
        }
        assert set(tables) == {*codebook_tables(), "rejected_articles"}
        assert all(tables.values())
        uncommented = con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE comment IS NULL AND NOT internal"
        ).fetchall()
        assert uncommented == []
        strikes = con.execute(
            "SELECT event_type, start_date::VARCHAR, unions, employers, n_sources FROM strikes"
        ).fetchall()
    finally:
        con.close()
    gold = json.loads(GOLD.read_text())
    gold_strikes = {
        (e["event_type"], e["start_date"])
        for e in gold["events"]
        if e["event_type"] in ("strike", "partial_strike")
    }
    found = {(t, d) for t, d, *_ in strikes}
    assert gold_strikes <= found
    for t, d, unions, employers, _ in strikes:
        if (t, d) in gold_strikes:
            assert unions and employers, (t, d)


def test_every_span_matches_its_article_body(built):
    from pipeline.ingest import read_raw_folder

    bodies = {a.article_id: a.body for a in read_raw_folder(built["raw"]).articles}
    for table in ("event_sources", "party_mentions", "figures"):
        df = pl.read_parquet(built["warehouse"] / "parquet" / f"{table}.parquet")
        for row in df.iter_rows(named=True):
            assert bodies[row["article_id"]][row["char_start"] : row["char_end"]] == row["text"]


def test_broken_table_fails_its_check_and_is_not_published(built, monkeypatch):
    from pipeline import resolve

    before = _digest_tree(built["warehouse"] / "parquet")
    db_before = hashlib.sha256(
        (built["warehouse"] / "industrial_action.duckdb").read_bytes()
    ).hexdigest()
    real = resolve.resolve_events

    def duplicated_event_ids(*args, **kwargs):
        out = real(*args, **kwargs)
        out["events"] = pl.concat([out["events"], out["events"].head(1)])
        return out

    monkeypatch.setattr(resolve, "resolve_events", duplicated_event_ids)
    result = _run_all(built["instance"])
    assert not result.success
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    failed = evaluations["events_matches_codebook"]
    assert not failed.passed
    assert "expect_column_values_to_be_unique" in failed.metadata["failures"].value
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "warehouse" not in materialized
    assert _digest_tree(built["warehouse"] / "parquet") == before
    assert (
        hashlib.sha256((built["warehouse"] / "industrial_action.duckdb").read_bytes()).hexdigest()
        == db_before
    )


def test_make_dataset_honours_raw_and_warehouse_dirs(tmp_path):
    raw = tmp_path / "elsewhere"
    shutil.copytree(SHARED / "seeds", raw)
    out = tmp_path / "out"
    repo_raw_before = _digest_tree(REPO / "raw")
    repo_warehouse_before = (
        _digest_tree(REPO / "warehouse") if (REPO / "warehouse").exists() else {}
    )
    raw_before = _digest_tree(raw)
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env.update(PIPELINE_RAW_DIR=str(raw), PIPELINE_WAREHOUSE_DIR=str(out))
    proc = subprocess.run(
        ["make", "-C", str(REPO), "dataset"], env=env, capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    for table in codebook_tables():
        assert (out / "parquet" / f"{table}.parquet").exists()
    assert (out / "industrial_action.duckdb").exists()
    assert _digest_tree(raw) == raw_before
    assert _digest_tree(REPO / "raw") == repo_raw_before
    now = _digest_tree(REPO / "warehouse") if (REPO / "warehouse").exists() else {}
    assert now == repo_warehouse_before
    # Nothing but the named folders: the run history lives inside the warehouse too.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "out"]


def _readme_examples() -> dict[str, str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", text, re.DOTALL)
    return {
        re.match(r"-- example: (\w+)", b).group(1): b for b in blocks if b.startswith("-- example:")
    }


def test_readme_example_queries_return_the_expected_rows(built):
    examples = _readme_examples()
    assert set(examples) == {
        "strikes",
        "monthly_action",
        "figure_context",
        "dispute_timeline",
        "column_comments",
    }
    con = duckdb.connect(str(built["warehouse"] / "industrial_action.duckdb"), read_only=True)
    try:
        rows = {name: con.execute(sql).fetchall() for name, sql in examples.items()}
    finally:
        con.close()
    import datetime as dt

    strikes = {(r[0], r[2]): r for r in rows["strikes"]}
    first = strikes[("partial_strike", dt.date(2024, 8, 20))]
    assert first[1] in ("occurred", "ongoing")
    assert set(first[3]) == {"New Zealand Ambulance Association", "First Union"}
    assert first[4] == ["Hato Hone St John"]
    assert (first[5], first[6]) == (2500, 2)
    assert strikes[("strike", dt.date(2024, 5, 7))][4] == ["Health New Zealand"]

    monthly = {(r[0], r[1]): r for r in rows["monthly_action"]}
    assert monthly[(dt.date(2024, 8, 1), "health")][4] == 2500

    assert ("97 percent", "vote_in_favour", "Deborah Powell", "strike_vote") in rows[
        "figure_context"
    ]

    timeline = rows["dispute_timeline"]
    assert timeline[0][:2] == (dt.date(2023, 12, 1), "agreement_expiry")
    assert [r[0] for r in timeline] == sorted(r[0] for r in timeline)
    assert {"partial_strike", "offer", "negotiation"} <= {r[1] for r in timeline}

    assert {r[1] for r in rows["column_comments"]} == set(schemas_columns("events"))
    assert all(r[2] for r in rows["column_comments"])


def schemas_columns(table: str) -> list[str]:
    return [name for name, _, _ in codebook_tables()[table]]
