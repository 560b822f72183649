"""The DuckDB file: tables with DDL and comments from `pipeline.schemas`, plus views."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from pipeline import schemas
from pipeline.publish.views import VIEWS


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def table_ddl(table: schemas.Table) -> str:
    cols = [
        f"    {c.name} {c.duckdb_type}{'' if c.nullable else ' NOT NULL'}" for c in table.columns
    ]
    cols.append(f"    PRIMARY KEY ({', '.join(table.primary_key)})")
    return f"CREATE TABLE {table.name} (\n" + ",\n".join(cols) + "\n)"


def comment_statements(table: schemas.Table) -> list[str]:
    out = [f"COMMENT ON TABLE {table.name} IS {_quote(table.description)}"]
    for c in table.columns:
        text = c.description
        if c.references:
            text += f" References {c.references}."
        out.append(f"COMMENT ON COLUMN {table.name}.{c.name} IS {_quote(text)}")
    return out


def build_database(path: Path, frames: dict[str, pl.DataFrame]) -> None:
    """Create a new DuckDB file at `path` (which must not exist) holding every table."""
    if path.exists():
        raise FileExistsError(path)
    con = duckdb.connect(str(path))
    try:
        for table in schemas.TABLES.values():
            con.execute(table_ddl(table))
            arrow = frames[table.name].to_arrow()
            con.register("incoming", arrow)
            con.execute(f"INSERT INTO {table.name} SELECT * FROM incoming")
            con.unregister("incoming")
            for stmt in comment_statements(table):
                con.execute(stmt)
        for view in VIEWS:
            con.execute(f"CREATE VIEW {view.name} AS {view.sql}")
            con.execute(f"COMMENT ON VIEW {view.name} IS {_quote(view.description)}")
            for col, text in view.columns.items():
                con.execute(f"COMMENT ON COLUMN {view.name}.{col} IS {_quote(text)}")
        con.execute("CHECKPOINT")
    finally:
        con.close()
