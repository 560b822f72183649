"""A raw folder with one file of every bad kind builds the seeds exactly as without them."""

import shutil

import polars as pl
import pytest

from pipeline.build import build_tables
from pipeline.settings import DEFAULT_SPACY_MODEL
from tests.codebook import SHARED

pytestmark = pytest.mark.slow

ENGLISH = "Cleaners at the hospital said on Monday that they were not happy with the pay offer made to them. "
BAD_FILES = {
    "bad_empty.txt": (b"", "empty"),
    "bad_whitespace.txt": (b"  \n\t \r\n ", "empty"),
    "bad_binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "bad_undecodable.txt": (bytes(range(0x80, 0xA0)) * 40, "unreadable_encoding"),
    "bad_front_matter.txt": (
        b"---\ntitle: [unclosed\n---\n" + ENGLISH.encode(),
        "malformed_front_matter",
    ),
    "bad_huge.txt": ((ENGLISH * 52_000).encode(), "too_large"),  # about 5 MB
    "bad_language.txt": (
        "Les infirmières de l'hôpital feront grève lundi prochain pour protester contre les salaires "
        "et les conditions de travail, a déclaré le syndicat dans un communiqué publié ce matin.".encode(),
        "not_english",
    ),
    "bad_page.txt": (
        b"<!DOCTYPE html>\n<html><head><title>Strike</title></head><body><div class='story'><p>"
        + ENGLISH.encode()
        + b"</p></div></body></html>",
        "html",
    ),
}
GOOD_BUT_MISENCODED = {
    "ok_cp1252.txt": ("Bus drivers’ union – say talks continue. " + ENGLISH).encode("cp1252"),
}


def _seed_rows(tables, seed_ids):
    out = {}
    for name in ("event_sources", "party_mentions", "figures"):
        out[name] = tables[name].filter(pl.col("article_id").is_in(seed_ids))
    event_ids = out["event_sources"]["event_id"].unique().to_list()
    out["events"] = tables["events"].filter(pl.col("event_id").is_in(event_ids))
    out["event_parties"] = tables["event_parties"].filter(pl.col("event_id").is_in(event_ids))
    out["articles"] = tables["articles"].filter(pl.col("article_id").is_in(seed_ids))
    return out


def test_bad_files_are_set_aside_with_reasons_and_change_no_seed_row(tmp_path):
    clean = tmp_path / "clean"
    shutil.copytree(SHARED / "seeds", clean)
    dirty = tmp_path / "dirty"
    shutil.copytree(SHARED / "seeds", dirty)
    for name, (raw, _) in BAD_FILES.items():
        (dirty / name).write_bytes(raw)
    for name, raw in GOOD_BUT_MISENCODED.items():
        (dirty / name).write_bytes(raw)
    seed = sorted((SHARED / "seeds").glob("*.txt"))[0]
    shutil.copy(seed, dirty / "zz_duplicate.txt")
    with (dirty / "manifest.csv").open("a") as fh:
        fh.write("not_there.txt,,2024-01-01,,\n../../etc/passwd,,2024-01-01,,\n")

    expected = build_tables(clean, DEFAULT_SPACY_MODEL)
    warnings: list[str] = []
    got = build_tables(dirty, DEFAULT_SPACY_MODEL, on_warning=warnings.append)

    rejected = {
        (r["source_path"], r["reason"]) for r in got["rejected_articles"].iter_rows(named=True)
    }
    want = {(name, reason) for name, (_, reason) in BAD_FILES.items()}
    want |= {
        ("zz_duplicate.txt", "duplicate"),
        ("not_there.txt", "missing_file"),
        ("../../etc/passwd", "outside_raw_folder"),
    }
    assert rejected == want
    assert all(got["rejected_articles"]["detail"].str.len_chars() > 0)
    assert any("Windows-1252" in w for w in warnings)
    assert "ok_cp1252.txt" in got["articles"]["source_path"].to_list()

    seed_ids = expected["articles"]["article_id"].to_list()
    before, after = _seed_rows(expected, seed_ids), _seed_rows(got, seed_ids)
    for name in before:
        assert after[name].equals(before[name]), name
