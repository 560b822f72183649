"""The three seed articles against the gold's per-article expectations.

The gold's events are merged across articles, so each article is compared
only with the events that list it as a source; status is compared where the
article is the newest source (the merged status is "as of the newest").
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

SHARED = Path("/work/shared")
GOLD_FILE = SHARED / "gold" / "seeds.json"

pytestmark = pytest.mark.skipif(not GOLD_FILE.exists(), reason="shared gold not available")


def _load():
    gold = json.loads(GOLD_FILE.read_text())
    with open(SHARED / "seeds" / "manifest.csv") as fh:
        manifest = {r["file"]: r for r in csv.DictReader(fh)}
    return gold, manifest


def _articles():
    if not GOLD_FILE.exists():
        return []
    gold, _ = _load()
    return [a["source_path"] for a in gold["articles"]]


@pytest.fixture(scope="module")
def seeds(nlp):
    from pipeline.extract import extract_articles
    from pipeline.extract.records import ArticleInput

    gold, manifest = _load()
    inputs = []
    for a in gold["articles"]:
        body = (SHARED / "seeds" / a["source_path"]).read_text().replace("\r\n", "\n").strip()
        inputs.append(
            ArticleInput(
                a["source_path"],
                body,
                dt.date.fromisoformat(manifest[a["source_path"]]["published"]),
            )
        )
    return gold, {
        i.article_id: (i, ex)
        for i, ex in zip(inputs, extract_articles(inputs, nlp=nlp), strict=True)
    }


@pytest.mark.parametrize("path", _articles())
def test_seed_events(seeds, path):
    gold, results = seeds
    _article, ex = results[path]
    pub = {a["source_path"]: a["published_date"] for a in gold["articles"]}
    expected = [g for g in gold["events"] if any(s["article"] == path for s in g["sources"])]
    got = list(ex.events)
    assert len(got) == len(expected), [(e.event_type, e.start_date) for e in got]
    for g in expected:
        src = next(s for s in g["sources"] if s["article"] == path)
        start = dt.date.fromisoformat(g["start_date"]) if g["start_date"] else None
        match = [e for e in got if e.event_type == g["event_type"] and e.start_date == start]
        assert match, f"missing {g['key']}"
        e = match[0]
        assert e.char_start == src["char_start"] and e.text == src["text"], g["key"]
        newest = max(pub[s["article"]] for s in g["sources"])
        if pub[path] == newest:
            assert e.status == g["status"] or (
                g["status"] == "occurred" and e.status == "ongoing"
            ), g["key"]
        sides = {(p.party_id, p.role) for p in e.parties}
        for role, key in (("union", "unions"), ("employer", "employers")):
            assert {pid for pid, r in sides if r == role} == set(g[key]), (g["key"], role)


@pytest.mark.parametrize("path", _articles())
def test_seed_required_figures(seeds, path):
    gold, results = seeds
    _article, ex = results[path]
    by_span = {(f.char_start, f.char_end): f for f in ex.figures}
    for g in gold["figures"]:
        if g["article"] != path or not g["required"]:
            continue
        f = by_span.get((g["char_start"], g["char_end"]))
        assert f is not None, g["text"]
        assert (f.value, f.unit, f.qualifier, f.measure, f.period) == (
            g["value"],
            g["unit"],
            g["qualifier"],
            g["measure"],
            g["period"],
        ), g["text"]
        if g["speaker_id"]:
            assert f.speaker_id == g["speaker_id"], g["text"]
        assert (f.event_index is None) == (g["event"] is None), g["text"]
    texts = {f.text for f in ex.figures}
    for nf in gold["not_figures"]:
        if nf["article"] == path:
            assert nf["text"] not in texts


@pytest.mark.parametrize("path", _articles())
def test_seed_parties(seeds, path):
    gold, results = seeds
    article, ex = results[path]
    got = {p.party_id for p in ex.parties}
    for gp in gold["parties"]:
        if any(alias in article.body for alias in gp["aliases"] if alias[:1].isupper()):
            assert gp["party_id"] in got, gp["party_id"]
        if gp["party_type"] == "person" and gp["party_id"] in got:
            m = next(p for p in ex.parties if p.party_id == gp["party_id"])
            assert m.affiliation_id == gp["affiliation_id"]
            assert m.name == gp["name"]
    for p in ex.parties:
        assert article.body[p.char_start : p.char_end] == p.text
