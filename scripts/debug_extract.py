"""Debug view of extraction for one raw article (or all): sentences with
their trigger matches, then the extracted events (type, status, dates, parties).

Usage: python scripts/debug_extract.py RAW_DIR [name-substring ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.extract import build_nlp, extract_article
from pipeline.extract.context import sentences
from pipeline.extract.nlp import TRIGGERS_KEY
from pipeline.extract.records import ArticleInput
from pipeline.ingest import read_raw_folder


def main() -> None:
    raw = Path(sys.argv[1])
    subs = sys.argv[2:]
    nlp = build_nlp()
    for art in read_raw_folder(raw).articles:
        if subs and not any(s in art.source_path for s in subs):
            continue
        doc = nlp(art.body)
        print("=" * 100)
        print(art.source_path, art.published_date)
        for se in sentences(doc):
            trs = [t for t in doc.spans[TRIGGERS_KEY] if se.span.start <= t.start < se.span.end]
            tags = " ".join(f"[{t.label_}:{t.text}]" for t in trs)
            print(f"  {se.index:2d} {se.text[:150]}")
            if tags:
                print(f"       {tags}")
        ex = extract_article(doc, ArticleInput(art.article_id, art.body, art.published_date))
        for i, ev in enumerate(ex.events):
            ps = ",".join(f"{p.role[:3]}:{p.party_id}" for p in ev.parties)
            print(f"  EV{i} {ev.event_type} {ev.status} {ev.start_date}..{ev.end_date} {ev.date_precision} "
                  f"ts={ev.start_ts} occ={ev.occupation} scope={ev.scope} locs={ev.locations} [{ps}]")
            print(f"       {ev.text[:120]}")
        for f in ex.figures:
            print(f"  FIG {f.text!r} {f.value} {f.unit} {f.measure} ev={f.event_index} spk={f.speaker_id} subj={f.subject!r}")
        for p in ex.parties:
            if p.party_type == "person":
                print(f"  PERSON {p.party_id} title={p.title!r} aff={p.affiliation_id}")


if __name__ == "__main__":
    main()
