"""Thin Dagster glue. Each module holds the assets of one group."""
