"""The raw-folder sensor requests a run when articles change, not otherwise."""

import os

from dagster import DagsterInstance, RunRequest, SkipReason, build_sensor_context

from pipeline.definitions import defs
from pipeline.sensors import raw_folder_changes


def _tick(cursor, instance):
    context = build_sensor_context(cursor=cursor, instance=instance, definitions=defs)
    result = raw_folder_changes(context)
    return result, context.cursor


def test_first_tick_records_then_changes_request_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_RAW_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("Nurses will strike on Monday.", encoding="utf-8")
    with DagsterInstance.ephemeral() as instance:
        result, cursor = _tick(None, instance)
        assert isinstance(result, SkipReason) and cursor

        result, same = _tick(cursor, instance)
        assert isinstance(result, SkipReason) and same == cursor

        (tmp_path / "b.txt").write_text("Teachers walked out on Tuesday.", encoding="utf-8")
        result, added = _tick(cursor, instance)
        assert isinstance(result, RunRequest) and added != cursor
        assert result.run_key == added

        path = tmp_path / "a.txt"
        path.write_text("Nurses will strike on Monday and Tuesday.", encoding="utf-8")
        os.utime(path, ns=(1, 1))
        result, changed = _tick(added, instance)
        assert isinstance(result, RunRequest) and changed != added


def test_files_that_are_not_articles_are_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_RAW_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    with DagsterInstance.ephemeral() as instance:
        _, cursor = _tick(None, instance)
        (tmp_path / "notes.docx").write_bytes(b"x")
        result, _ = _tick(cursor, instance)
        assert isinstance(result, SkipReason)
