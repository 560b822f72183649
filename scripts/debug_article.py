"""Show how one article is read: triggers per sentence, event mentions, events (developer aid).

Usage: .venv/bin/python scripts/debug_article.py FILE [YYYY-MM-DD]
The publication date comes from the argument, else from a manifest.csv beside FILE.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import build_nlp, extract_article  # noqa: E402
from pipeline.extract.context import sentences  # noqa: E402
from pipeline.extract.events import find_mentions  # noqa: E402
from pipeline.extract.records import ArticleInput  # noqa: E402
from pipeline.extract.refdata import load_refdata  # noqa: E402
from pipeline.ingest import split_front_matter  # noqa: E402


def main() -> None:
    path = Path(sys.argv[1])
    pub = sys.argv[2] if len(sys.argv) > 2 else None
    manifest = path.parent / "manifest.csv"
    if pub is None and manifest.exists():
        with manifest.open() as fh:
            for row in csv.DictReader(fh):
                if row.get("file") == path.name:
                    pub = row.get("published") or None
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    body = split_front_matter(text)[1].strip()
    published = dt.date.fromisoformat(pub[:10]) if pub else None
    nlp = build_nlp()
    doc = nlp(body)
    sents = sentences(doc)
    print(f"published {published}")
    for m in find_mentions(doc, sents, published, load_refdata()):
        print(
            f"  mention s{m.sentence.index} {m.event_type:15} {m.status:10} {m.trigger.text!r:30} "
            f"{m.window.start_day} tense={m.tense}"
        )
    res = extract_article(doc, ArticleInput(article_id="a", body=body, published_date=published))
    for e in res.events:
        print(
            f"EVENT {e.event_type:15} {e.status:10} {e.start_date} {e.date_precision} "
            f"{e.text[:50]!r} occ={e.occupation!r} loc={e.locations} scope={e.scope} w={e.workers_involved}"
        )
    for f in res.figures:
        ev = res.events[f.event_index] if f.event_index is not None else None
        print(
            f"FIGURE {f.text!r:24} {f.measure:18} {f.value} -> "
            f"{(ev.event_type + ' ' + str(ev.start_date)) if ev else None}"
        )
    for p in res.parties:
        print(f"PARTY {p.party_id} {p.party_type} {p.text!r}")


if __name__ == "__main__":
    main()
