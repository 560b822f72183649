"""Publishing validated tables: Parquet files and the DuckDB database.

Only `pipeline.publish.publish_tables` writes into the published folders; it
writes everything aside first and moves it into place only when complete, so
readers never see a half-written file.
"""

from pipeline.publish.database import build_database
from pipeline.publish.files import publish_tables

__all__ = ["build_database", "publish_tables"]
