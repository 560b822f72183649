"""The Dagster code location: `dagster dev -m pipeline.definitions`.

`build_defs(**overrides)` lets tests swap resources (for example the staging
IO manager); `defs` is what the UI and the command line load.
"""

from __future__ import annotations

import importlib

from dagster import (
    Definitions,
    ExecutorDefinition,
    in_process_executor,
    load_assets_from_modules,
    multiprocess_executor,
)

from pipeline.assets import extract, ingest, publish, tables
from pipeline.checks import TABLE_CHECKS
from pipeline.io import StagingParquetIOManager
from pipeline.sensors import raw_folder_changes
from pipeline.settings import get_settings

ASSETS = load_assets_from_modules([ingest, extract, tables, publish])


BUILTIN_EXECUTORS = {"in_process": in_process_executor, "multiprocess": multiprocess_executor}


def resolve_executor(name: str) -> ExecutorDefinition:
    """`in_process` (default: the spaCy model loads once), `multiprocess`, or
    `module:attribute` naming any Dagster executor, so the same assets run on
    Celery or Kubernetes by configuration alone (see docs/scaling.md)."""
    if name in BUILTIN_EXECUTORS:
        return BUILTIN_EXECUTORS[name]
    module, _, attribute = name.partition(":")
    if not attribute:
        raise ValueError(
            f"PIPELINE_EXECUTOR={name!r}: use in_process, multiprocess or module:attribute"
        )
    executor = getattr(importlib.import_module(module), attribute)
    if not isinstance(executor, ExecutorDefinition):
        raise ValueError(f"PIPELINE_EXECUTOR={name!r} is not a Dagster executor definition")
    return executor


def build_defs(**resource_overrides) -> Definitions:
    resources = {"io_manager": StagingParquetIOManager(), **resource_overrides}
    return Definitions(
        assets=ASSETS,
        asset_checks=TABLE_CHECKS,
        sensors=[raw_folder_changes],
        resources=resources,
        executor=resolve_executor(get_settings().executor),
    )


defs = build_defs()
