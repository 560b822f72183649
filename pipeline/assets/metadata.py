"""Metadata shown in the Dagster UI for a frame: row count, column schema, preview."""

from __future__ import annotations

import polars as pl
from dagster import MetadataValue, TableColumn, TableSchema

from pipeline import schemas

PREVIEW_ROWS = 10


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "..."


def markdown_preview(df: pl.DataFrame, n: int = PREVIEW_ROWS) -> str:
    head = df.head(n)
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in head.iter_rows()]
    return "\n".join(lines)


def frame_metadata(df: pl.DataFrame, table: schemas.Table | None = None) -> dict:
    """Row count, column schema (with the codebook's descriptions for tables) and a preview."""
    descriptions = {c.name: c.description for c in table.columns} if table else {}
    return {
        "dagster/row_count": df.height,
        "dagster/column_schema": TableSchema(
            columns=[
                TableColumn(name=name, type=str(dtype), description=descriptions.get(name))
                for name, dtype in df.schema.items()
            ]
        ),
        "preview": MetadataValue.md(markdown_preview(df)),
    }
