"""Ingestion follows the codebook's Input section."""

import datetime as dt
import json
import shutil

import pytest

from pipeline.ingest import (
    IngestError,
    article_id_for,
    normalise_body,
    parse_article,
    parse_published,
    read_raw_folder,
    split_front_matter,
)
from tests.codebook import GOLD, SHARED


def test_body_normalisation_makes_crlf_lf_and_strips():
    assert normalise_body("\n  Line one\r\nLine two \r\n\n") == "Line one\nLine two"


def test_article_id_is_prefix_of_sha256_of_body():
    # sha256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
    assert article_id_for("hello") == "a_2cf24dba5fb0"


def test_front_matter_is_split_and_body_offsets_start_after_it():
    text = "---\nurl: https://example.org/1\npublished: 2024-08-19\ntitle: Nurses strike\n---\nNurses walked out.\n"
    meta, _ = split_front_matter(text)
    assert meta["url"] == "https://example.org/1"
    article = parse_article("a.txt", text.encode())
    assert article.body == "Nurses walked out."
    assert article.title == "Nurses strike"
    assert article.published_date == dt.date(2024, 8, 19)
    assert article.published_date_source == "metadata"


def test_text_without_front_matter_is_all_body():
    meta, rest = split_front_matter("Teachers rallied --- loudly.\n")
    assert meta == {} and rest.startswith("Teachers")


def test_malformed_front_matter_is_an_error():
    with pytest.raises(IngestError, match="front matter"):
        parse_article("bad.txt", b"---\nurl: [unclosed\n---\nBody text.\n")


def test_front_matter_that_is_not_a_mapping_is_an_error():
    with pytest.raises(IngestError, match="not a mapping"):
        parse_article("bad.txt", b"---\n- a\n- b\n---\nBody text.\n")


def test_front_matter_wins_over_manifest_field_by_field():
    raw = b"---\ntitle: From front matter\n---\nBody.\n"
    manifest = {
        "url": "https://m.example/1",
        "published": "2023-01-02",
        "publisher": "M",
        "title": "From manifest",
    }
    article = parse_article("x.txt", raw, manifest)
    assert article.title == "From front matter"
    assert article.url == "https://m.example/1"
    assert article.published_date == dt.date(2023, 1, 2)


def test_published_datetime_with_offset_becomes_nz_local_date():
    # 20:00 UTC on 19 August is 08:00 on 20 August in NZST (+12).
    assert parse_published("2024-08-19T20:00:00+00:00") == dt.date(2024, 8, 20)
    assert parse_published("2024-08-19T20:00:00") == dt.date(2024, 8, 19)
    assert parse_published("") is None


def test_unreadable_published_date_is_an_error():
    with pytest.raises(IngestError, match="published"):
        parse_article("x.txt", b"---\npublished: next tuesday\n---\nBody.\n")


def test_no_metadata_leaves_date_unknown():
    article = parse_article("x.txt", b"Body only.")
    assert article.published_date is None
    assert article.published_date_source == "unknown"


@pytest.mark.parametrize(
    "raw,reason", [(b"", "empty"), (b"  \n\t\n", "empty"), (b"ab\x00cd", "binary")]
)
def test_unreadable_files_are_errors(raw, reason):
    with pytest.raises(IngestError, match=reason):
        parse_article("x.txt", raw)


def test_folder_read_sets_aside_bad_files_and_keeps_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("Nurses will strike on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   ", encoding="utf-8")
    (tmp_path / "copy.txt").write_text("Nurses will strike on Monday.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url,published,publisher,title\n"
        "good.txt,https://e.example/g,2024-03-04,E,\n"
        "missing.txt,,2024-01-01,,\n"
        "../outside.txt,,2024-01-01,,\n",
        encoding="utf-8",
    )
    result = read_raw_folder(tmp_path)
    # Paths are read in sorted order; the first of two identical bodies is kept.
    assert [a.source_path for a in result.articles] == ["copy.txt"]
    assert {(r.source_path, r.reason) for r in result.rejected} == {
        ("empty.txt", "empty"),
        ("good.txt", "duplicate"),
        ("missing.txt", "missing_file"),
        ("../outside.txt", "outside_raw_folder"),
    }
    duplicate = next(r for r in result.rejected if r.reason == "duplicate")
    assert "copy.txt" in duplicate.detail and duplicate.n_bytes == 29
    assert any("missing.txt" in w for w in result.warnings)
    assert any("outside the raw folder" in w for w in result.warnings)
    assert any("same body" in w for w in result.warnings)


def test_manifest_metadata_reaches_articles_in_subfolders(tmp_path):
    (tmp_path / "rnz").mkdir()
    (tmp_path / "rnz" / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url,published,publisher,title\nrnz/a.txt,,2024-05-06,RNZ,T\n"
    )
    (article,) = read_raw_folder(tmp_path).articles
    assert article.source_path == "rnz/a.txt"
    assert article.publisher == "RNZ"
    assert article.published_date == dt.date(2024, 5, 6)


def test_seed_articles_get_the_gold_ids_and_dates(tmp_path):
    shutil.copytree(SHARED / "seeds", tmp_path / "raw")
    gold = {a["source_path"]: a for a in json.loads(GOLD.read_text())["articles"]}
    articles = read_raw_folder(tmp_path / "raw").articles
    assert {a.source_path for a in articles} == set(gold)
    for a in articles:
        assert a.article_id == gold[a.source_path]["article_id"]
        assert a.published_date.isoformat() == gold[a.source_path]["published_date"]


ENGLISH = "Nurses at the hospital said they would strike on Monday because the offer was not enough for them and their families."


def test_windows_1252_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_bytes(
        ("Te Whatu Ora’s offer – 3% – was rejected. " + ENGLISH).encode("cp1252")
    )
    result = read_raw_folder(tmp_path)
    (article,) = result.articles
    assert "’" in article.body and "–" in article.body
    assert any("Windows-1252" in w for w in result.warnings)


def test_latin1_is_decoded_with_a_warning():
    raw = ("Ōtaki café staff: " + ENGLISH).replace("Ō", "O").encode("latin-1") + b"\x81"
    article = parse_article("a.txt", raw)
    assert "café" in article.body
    assert "Latin-1" in article.warning


@pytest.mark.parametrize(
    "raw,reason",
    [
        (bytes(range(1, 32)) * 20, "binary"),
        (
            b"<!DOCTYPE html><html><head><title>x</title></head><body><p>"
            + ENGLISH.encode()
            + b"</p></body></html>",
            "html",
        ),
        (
            "Ka tū ngā nēhi ki te whakaekenga ā te Mane nei, i tā te uniana kōrero mō ngā utu me ngā āhuatanga mahi o rātou katoa.".encode(),
            "not_english",
        ),
        (b"---\npublished: [x\n---\n" + ENGLISH.encode(), "malformed_front_matter"),
        (b"---\npublished: someday\n---\n" + ENGLISH.encode(), "bad_metadata"),
        (("x " * 600_000).encode(), "too_large"),
    ],
)
def test_each_bad_kind_has_its_reason(raw, reason):
    with pytest.raises(IngestError) as info:
        parse_article("bad.txt", raw)
    assert info.value.reason == reason


def test_an_article_quoting_te_reo_is_still_english():
    text = (
        "“Kia kaha,” the crowd chanted. "
        + ENGLISH
        + " Tōpūtanga Tapuhi Kaitiaki o Aotearoa members agreed."
    )
    assert parse_article("a.txt", text.encode()).body.startswith("“Kia kaha")


def test_a_link_out_of_the_raw_folder_is_not_read(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(
        "Nurses will strike on Monday, the union said in a statement to its members.",
        encoding="utf-8",
    )
    (raw / "link.txt").symlink_to(secret)
    result = read_raw_folder(raw)
    assert result.articles == []
    assert [(r.source_path, r.reason) for r in result.rejected] == [
        ("link.txt", "outside_raw_folder")
    ]


def test_a_colon_inside_an_unquoted_title_is_read_as_plain_text():
    raw = (
        b"---\nurl: https://example.nz/a\npublished: 2024-11-26T05:00:00+13:00\n"
        b"title: Resident doctors' strikes: what you need to know\n---\nBody text.\n"
    )
    meta, rest = split_front_matter(raw.decode())
    assert meta["title"] == "Resident doctors' strikes: what you need to know"
    assert meta["url"] == "https://example.nz/a" and rest.strip() == "Body text."
    art = parse_article("a.txt", raw)
    assert art.published_date == dt.date(2024, 11, 26)
