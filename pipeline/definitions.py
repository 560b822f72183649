"""The Dagster code location: `dagster dev -m pipeline.definitions`.

`build_defs(**overrides)` lets tests swap resources (for example the staging
IO manager); `defs` is what the UI and the command line load.
"""

from __future__ import annotations

from dagster import Definitions, in_process_executor, load_assets_from_modules

from pipeline.assets import extract, ingest, publish, tables
from pipeline.checks import TABLE_CHECKS
from pipeline.io import StagingParquetIOManager
from pipeline.sensors import raw_folder_changes

ASSETS = load_assets_from_modules([ingest, extract, tables, publish])


def build_defs(**resource_overrides) -> Definitions:
    resources = {"io_manager": StagingParquetIOManager(), **resource_overrides}
    return Definitions(
        assets=ASSETS,
        asset_checks=TABLE_CHECKS,
        sensors=[raw_folder_changes],
        resources=resources,
        # One process: the spaCy model is loaded once and GX imported once.
        executor=in_process_executor,
    )


defs = build_defs()
