"""The schema declaration, the codebook and the GX suites never drift apart."""

import json

import pytest

from pipeline import schemas
from pipeline.validation import EXPECTATIONS_DIR, suite_dict
from tests.codebook import codebook_tables


def test_every_codebook_table_is_declared_in_order():
    assert list(schemas.CODEBOOK_TABLES) == list(codebook_tables())
    assert list(schemas.TABLES)[: len(schemas.CODEBOOK_TABLES)] == list(codebook_tables())


@pytest.mark.parametrize("name", list(codebook_tables()))
def test_columns_types_and_nullability_match_codebook(name):
    declared = [(c.name, c.type, c.nullable) for c in schemas.TABLES[name].columns]
    assert declared == codebook_tables()[name]


@pytest.mark.parametrize("name", list(schemas.TABLES))
def test_committed_suite_matches_schema(name):
    committed = json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    assert committed == suite_dict(schemas.TABLES[name]), "run `make expectations`"


def test_every_column_has_a_description():
    for table in schemas.TABLES.values():
        assert table.description
        for c in table.columns:
            assert c.description.strip(), f"{table.name}.{c.name}"


def test_foreign_keys_point_at_declared_columns():
    for table in schemas.TABLES.values():
        for _, ref_table, ref_col in table.foreign_keys:
            assert ref_col in schemas.TABLES[ref_table].column_names


def test_conform_refuses_missing_columns():
    import polars as pl

    with pytest.raises(ValueError, match="missing columns"):
        schemas.conform(pl.DataFrame({"event_id": ["e_000000000000"]}), schemas.EVENTS)
