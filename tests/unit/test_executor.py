"""The executor is chosen by configuration, not code."""

import pytest
from dagster import in_process_executor, multiprocess_executor

from pipeline.definitions import build_defs, resolve_executor


def test_builtin_names():
    assert resolve_executor("in_process") is in_process_executor
    assert resolve_executor("multiprocess") is multiprocess_executor


def test_import_path_names_any_executor():
    assert resolve_executor("dagster:multiprocess_executor") is multiprocess_executor


@pytest.mark.parametrize("bad", ["celery", "dagster:asset", "no_such_module:x"])
def test_bad_names_are_errors(bad):
    with pytest.raises((ValueError, ImportError, AttributeError)):
        resolve_executor(bad)


def test_environment_selects_the_executor(monkeypatch):
    monkeypatch.setenv("PIPELINE_EXECUTOR", "multiprocess")
    job = build_defs().resolve_implicit_global_asset_job_def()
    assert job.executor_def is multiprocess_executor
