"""A sensor on the raw folder: new or changed articles request a build.

The cursor is a fingerprint of the raw folder (every article file's path, size
and modification time, and the manifest's). The first evaluation only records
the fingerprint, so starting the UI does not rebuild what `make dataset` just
built; every later change requests one run of all assets, keyed by the
fingerprint so the same state is never built twice.
"""

import hashlib

from dagster import DefaultSensorStatus, RunRequest, SensorEvaluationContext, SkipReason, sensor

from pipeline.ingest import MANIFEST_NAME, list_article_files
from pipeline.settings import get_settings

RAW_SENSOR_INTERVAL_SECONDS = 30


def raw_folder_fingerprint(raw_dir) -> tuple[str, int]:
    """(digest of what is in the folder, number of article files)."""
    digest = hashlib.sha256()
    files = list_article_files(raw_dir) if raw_dir.is_dir() else []
    manifest = raw_dir / MANIFEST_NAME
    for path in [*files, manifest] if manifest.exists() else files:
        stat = path.stat()
        digest.update(
            f"{path.relative_to(raw_dir).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
        )
    return digest.hexdigest()[:16], len(files)


@sensor(
    name="raw_folder_changes",
    target="*",
    minimum_interval_seconds=RAW_SENSOR_INTERVAL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description=(
        "Watches the raw folder (PIPELINE_RAW_DIR, default raw/) and requests a run of all assets "
        "when an article file or manifest.csv is added, changed or removed."
    ),
)
def raw_folder_changes(context: SensorEvaluationContext):
    raw_dir = get_settings().raw_dir
    fingerprint, n_files = raw_folder_fingerprint(raw_dir)
    previous = context.cursor
    context.update_cursor(fingerprint)
    if previous is None:
        return SkipReason(
            f"recorded the raw folder's state ({n_files} articles); watching for changes"
        )
    if previous == fingerprint:
        return SkipReason(f"no change in {raw_dir} ({n_files} articles)")
    return RunRequest(
        run_key=fingerprint, tags={"raw_fingerprint": fingerprint, "raw_articles": str(n_files)}
    )
