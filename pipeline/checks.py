"""One blocking asset check per published table, generated from the schema.

Each check compares the table with its declaration in `pipeline.schemas`
(exact columns and types) and then runs its Great Expectations suite from
`expectations/<table>.json`, including the foreign-key and span facts computed
from the related tables. A failed check blocks `warehouse` and shows the
failing expectations with sample values in the UI.
"""

import inspect

import polars as pl
from dagster import AssetCheckResult, AssetCheckSeverity, AssetIn, MetadataValue, asset_check

from pipeline import schemas
from pipeline.validation import validate_table


def _related_inputs(table: schemas.Table) -> list[str]:
    names = sorted({ref for _, ref, _ in table.foreign_keys if ref != table.name})
    if table.has_spans:
        names.append("article_texts")
    return names


def _failures_markdown(report) -> str:
    lines = ["| expectation | column | unexpected | sample values |", "|---|---|---|---|"]
    for f in report.failures:
        sample = ", ".join(repr(v) for v in f.sample[:10]).replace("|", "\\|")
        if f.detail:
            sample = f"{sample} ({f.detail})" if sample else f.detail
        lines.append(
            f"| {f.expectation} | {f.column or ''} | {f.unexpected_count if f.unexpected_count is not None else ''} | {sample} |"
        )
    return "\n".join(lines)


def _with_parameters(fn, names: list[str]):
    """Give a **kwargs function an explicit signature: Dagster maps inputs by parameter name."""
    params = [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in names]
    fn.__signature__ = inspect.Signature(params)
    return fn


def build_table_check(table: schemas.Table):
    related = _related_inputs(table)

    def _check(**inputs: pl.DataFrame) -> AssetCheckResult:
        df = inputs.pop(table.name)
        bodies = None
        texts = inputs.pop("article_texts", None)
        if texts is not None:
            bodies = dict(zip(texts["article_id"].to_list(), texts["body"].to_list(), strict=True))
        report = validate_table(table.name, df, related=inputs, bodies=bodies)
        metadata = {
            "rows": report.n_rows,
            "expectations": report.n_expectations,
            "failed": len(report.failures),
        }
        if report.failures:
            metadata["failures"] = MetadataValue.md(_failures_markdown(report))
        return AssetCheckResult(
            passed=report.success,
            severity=AssetCheckSeverity.ERROR,
            description=report.describe(),
            metadata=metadata,
        )

    return asset_check(
        asset=table.name,
        name=f"{table.name}_matches_codebook",
        blocking=True,
        additional_ins={name: AssetIn(name) for name in related},
        description=(
            f"Blocking: `{table.name}` has exactly the codebook's columns and types and passes "
            f"its Great Expectations suite (expectations/{table.name}.json): vocabularies, ranges, "
            "unique ids, non-null fields, spans that match the article text and links to other tables."
        ),
    )(_with_parameters(_check, [table.name, *related]))


TABLE_CHECKS = [build_table_check(t) for t in schemas.TABLES.values()]
