"""Stable identifiers: same inputs give the same bytes; names, order and
unrelated articles change no id."""

import hashlib
import shutil

import polars as pl
import pytest

from pipeline.build import build_tables
from pipeline.publish import publish_tables
from pipeline.schemas import TABLES
from pipeline.settings import DEFAULT_SPACY_MODEL, Settings
from tests.codebook import REPO, SHARED

pytestmark = pytest.mark.slow

ID_COLUMNS = {
    "articles": ["article_id"],
    "events": ["event_id"],
    "event_sources": ["event_id", "article_id"],
    "parties": ["party_id"],
    "party_mentions": ["party_id", "article_id", "char_start"],
    "event_parties": ["event_id", "party_id", "role"],
    "figures": ["figure_id", "event_id", "speaker_id"],
}
UNRELATED = (
    REPO / "tests" / "fixtures" / "eval" / "raw" / "011_teu_press_release_otago_stopwork.txt"
)


def _build(raw):
    return {
        name: df for name, df in build_tables(raw, DEFAULT_SPACY_MODEL).items() if name in TABLES
    }


def _publish(tables, root):
    settings = Settings.for_folders(root, root)
    publish_tables(tables, settings)
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((root / "parquet").iterdir())
    }


@pytest.fixture(scope="module")
def seeds_raw(tmp_path_factory):
    raw = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SHARED / "seeds", raw, dirs_exist_ok=True)
    return raw


@pytest.fixture(scope="module")
def seed_tables(seeds_raw):
    return _build(seeds_raw)


def test_same_inputs_give_identical_parquet_bytes(seeds_raw, seed_tables, tmp_path):
    first = _publish(seed_tables, tmp_path / "one")
    second = _publish(_build(seeds_raw), tmp_path / "two")
    assert first == second
    assert len(first) == len(TABLES)


def test_renaming_and_reordering_files_changes_no_id(seed_tables, tmp_path):
    raw = tmp_path / "renamed"
    (raw / "sub").mkdir(parents=True)
    manifest = ["file,url,published,publisher,title"]
    # Reverse the order and move files into a subfolder under new names.
    for i, src in enumerate(sorted((SHARED / "seeds").glob("*.txt"), reverse=True)):
        new = f"sub/{i:02d}_renamed.txt"
        shutil.copy(src, raw / new)
        published = next(
            line.split(",")[2]
            for line in (SHARED / "seeds" / "manifest.csv").read_text().splitlines()
            if line.startswith(src.name)
        )
        manifest.append(f"{new},,{published},,")
    (raw / "manifest.csv").write_text("\n".join(manifest) + "\n")
    renamed = _build(raw)
    for name, cols in ID_COLUMNS.items():
        assert renamed[name].select(cols).equals(seed_tables[name].select(cols)), name
    assert renamed["events"].equals(seed_tables["events"])


def test_adding_an_unrelated_article_changes_no_existing_row(seeds_raw, seed_tables, tmp_path):
    raw = tmp_path / "plus_one"
    shutil.copytree(seeds_raw, raw)
    shutil.copy(UNRELATED, raw / "zz_unrelated.txt")
    with (raw / "manifest.csv").open("a") as fh:
        fh.write("zz_unrelated.txt,,2023-11-02,,\n")
    grown = _build(raw)
    for name in ("events", "event_sources", "event_parties", "figures", "party_mentions"):
        before = seed_tables[name]
        after = grown[name].join(
            before.select(ID_COLUMNS[name][:1]).unique(), on=ID_COLUMNS[name][:1], how="semi"
        )
        if name == "party_mentions":
            after = grown[name].filter(
                pl.col("article_id").is_in(before["article_id"].unique().to_list())
            )
        assert after.equals(before), name
    assert grown["events"].height > seed_tables["events"].height
