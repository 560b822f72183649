"""Releases: a Frictionless-valid package, immutable, with a changelog of events."""

import json
import shutil

import polars as pl
import pytest

from pipeline.build import build_tables
from pipeline.publish import publish_tables
from pipeline.release import ReleaseError, make_release
from pipeline.schemas import TABLES
from pipeline.settings import DEFAULT_SPACY_MODEL, Settings
from tests.codebook import REPO, SHARED

pytestmark = pytest.mark.slow

NEW_ARTICLE = (
    REPO / "tests" / "fixtures" / "eval" / "raw" / "011_teu_press_release_otago_stopwork.txt"
)


def _build_and_publish(raw, warehouse) -> Settings:
    settings = Settings.for_folders(raw, warehouse)
    tables = build_tables(raw, DEFAULT_SPACY_MODEL)
    publish_tables({n: tables[n] for n in TABLES}, settings)
    settings.staging_dir.mkdir(parents=True, exist_ok=True)
    tables["article_texts"].write_parquet(settings.staging_dir / "article_texts.parquet")
    return settings


@pytest.fixture(scope="module")
def first_release(tmp_path_factory):
    root = tmp_path_factory.mktemp("release")
    raw = root / "raw"
    shutil.copytree(SHARED / "seeds", raw)
    settings = _build_and_publish(raw, root / "warehouse")
    return settings, make_release("0.1.0", settings, with_accuracy=True)


def test_release_is_a_valid_data_package(first_release):
    from frictionless import validate

    _, path = first_release
    report = validate(str(path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]
    package = json.loads((path / "datapackage.json").read_text())
    assert package["version"] == "0.1.0"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    names = [r["name"] for r in package["resources"]]
    assert names == list(TABLES)
    events = next(r for r in package["resources"] if r["name"] == "events")
    assert events["rows"] == pl.read_parquet(path / "parquet" / "events.parquet").height
    assert events["schema"]["primaryKey"] == ["event_id"]
    assert events["parquet"]["hash"].startswith("sha256:")
    for field in events["schema"]["fields"]:
        assert field["description"]


def test_release_holds_every_part(first_release):
    _, path = first_release
    for name in (
        "CHANGELOG.md",
        "CITATION.cff",
        "data_dictionary.md",
        "accuracy.md",
        "action_by_month.png",
        "data_docs/index.html",
    ):
        assert (path / name).exists(), name
    assert "| seeds |" in (path / "accuracy.md").read_text()
    assert (path / "action_by_month.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for table in TABLES:
        assert (path / "parquet" / f"{table}.parquet").exists()
        assert (path / "csv" / f"{table}.csv").exists()


def test_an_existing_version_is_never_overwritten(first_release):
    settings, path = first_release
    before = (path / "datapackage.json").read_bytes()
    with pytest.raises(ReleaseError, match="already exists"):
        make_release("0.1.0", settings, with_accuracy=False)
    assert (path / "datapackage.json").read_bytes() == before


def test_second_release_changelog_lists_added_events(first_release):
    settings, first = first_release
    shutil.copy(NEW_ARTICLE, settings.raw_dir / "zz_new.txt")
    with (settings.raw_dir / "manifest.csv").open("a") as fh:
        fh.write("zz_new.txt,,2021-05-04,,\n")
    _build_and_publish(settings.raw_dir, settings.warehouse_dir)
    second = make_release("0.2.0", settings, with_accuracy=False)
    old = set(pl.read_parquet(first / "parquet" / "events.parquet")["event_id"].to_list())
    new = set(pl.read_parquet(second / "parquet" / "events.parquet")["event_id"].to_list())
    added = new - old
    assert added
    changelog = (second / "CHANGELOG.md").read_text()
    assert "since 0.1.0" in changelog
    assert f"{len(added)} added, {len(old - new)} removed" in changelog
    for event_id in added:
        assert f"`{event_id}`" in changelog


def test_version_must_be_semantic(first_release):
    settings, _ = first_release
    with pytest.raises(ReleaseError, match=r"x\.y\.z"):
        make_release("latest", settings, with_accuracy=False)
