"""Print the extraction of the seed articles next to the gold (developer aid).

Usage: .venv/bin/python scripts/dev_extract.py [--fixtures] [--no-dates]
--fixtures uses tests/unit/extract/fixtures for organisations/places when
pipeline/data lacks them; --no-dates runs without publication dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path("/work/shared")

from pipeline.extract import refdata  # noqa: E402

FIX = ROOT / "tests/unit/extract/fixtures"
if "--fixtures" in sys.argv or not refdata.ORGANISATIONS_FILE.exists():
    if not refdata.ORGANISATIONS_FILE.exists() or "--fixtures" in sys.argv:
        refdata.ORGANISATIONS_FILE = FIX / "organisations.yaml"
    if not refdata.PLACES_FILE.exists() or "--fixtures" in sys.argv:
        refdata.PLACES_FILE = FIX / "places.yaml"

from pipeline.extract import extract_articles  # noqa: E402
from pipeline.extract.records import ArticleInput  # noqa: E402


def main() -> None:
    gold = json.loads((SHARED / "gold/seeds.json").read_text())
    with open(SHARED / "seeds/manifest.csv") as fh:
        manifest = {r["file"]: r for r in csv.DictReader(fh)}
    arts = []
    for a in gold["articles"]:
        body = (SHARED / "seeds" / a["source_path"]).read_text().replace("\r\n", "\n").strip()
        pub = manifest[a["source_path"]]["published"]
        date = None if "--no-dates" in sys.argv else dt.date.fromisoformat(pub)
        arts.append(ArticleInput(a["source_path"], body, date))
    for ex in extract_articles(arts):
        print("=" * 100, "\n", ex.article_id)
        print("-- events")
        for i, e in enumerate(ex.events):
            print(f"  [{i}] {e.event_type} {e.status} {e.start_date}..{e.end_date} ts={e.start_ts and e.start_ts.isoformat()}..{e.end_ts and e.end_ts.isoformat()} "
                  f"prec={e.date_precision} dur={e.duration_hours} text={e.date_text!r} workers={e.workers_involved} occ={e.occupation} "
                  f"sector={e.sector} locs={list(e.locations)} scope={e.scope} first={e.first_ever}")
            print(f"      {e.char_start}-{e.char_end} {e.summary[:90]!r}")
            print(f"      parties={[(p.party_id, p.role) for p in e.parties]}")
        print("   gold:")
        for g in gold["events"]:
            for s in g["sources"]:
                if s["article"] == ex.article_id:
                    print(f"   * {g['event_type']} {g['status']} {g['start_date']}..{g.get('end_date')} {g.get('start_ts')}..{g.get('end_ts')} {g['date_precision']} "
                          f"dur={g.get('duration_hours')} w={g.get('workers_involved')} occ={g.get('occupation')} loc={g.get('locations')} scope={g.get('scope')} first={g.get('first_ever')} "
                          f"u={g['unions']} e={g['employers']} f={g['funders']} @{s['char_start']}")
        print("-- parties")
        seen = {}
        for p in ex.parties:
            seen.setdefault(p.party_id, []).append((p.text, p.title))
        for pid, v in seen.items():
            m = next(p for p in ex.parties if p.party_id == pid)
            print(f"  {pid} {m.party_type} aff={m.affiliation_id} {v}")
        print("-- figures")
        for f in ex.figures:
            print(f"  {f.char_start}-{f.char_end} {f.text!r} v={f.value} max={f.value_max} {f.unit} {f.qualifier} per={f.period} {f.measure} subj={f.subject!r} spk={f.speaker_id} ev={f.event_index}")
        print("   gold:")
        for g in gold["figures"]:
            if g["article"] == ex.article_id:
                print(f"   * {g['char_start']}-{g['char_end']} {g['text']!r} {g['unit']} {g['qualifier']} per={g['period']} {g['measure']} subj={g['subject']!r} spk={g['speaker_id']} ev={g['event']} req={g['required']}")


if __name__ == "__main__":
    main()
