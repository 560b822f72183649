"""Pure extraction: article text in, per-article records out.

Public API:
- `extract_article(doc, article)`: one parsed article -> ArticleExtraction.
- `extract_articles(articles, nlp=None, n_process=1, batch_size=32)`: runs
  `nlp.pipe` and `extract_article`, in input order.

Never imports dagster or polars. Every function is deterministic and never
raises on odd text: worst case an article yields fewer records.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.context import sentences
from pipeline.extract.events import ACTION_TYPES, STRIKE_FAMILY, extract_events
from pipeline.extract.figures import extract_figures, link_event
from pipeline.extract.nlp import build_nlp
from pipeline.extract.parties import extract_parties, speakers
from pipeline.extract.records import ArticleExtraction, ArticleInput, EventMention, FigureMention
from pipeline.extract.refdata import load_refdata

__all__ = ["build_nlp", "extract_article", "extract_articles"]

log = logging.getLogger(__name__)


def extract_article(doc: Doc, article: ArticleInput) -> ArticleExtraction:
    """All parties, events and figures of one parsed article."""
    try:
        return _extract(doc, article)
    except Exception:  # never let one odd article stop a run: log it with its id
        log.exception("extraction failed for article %s", article.article_id)
        return ArticleExtraction(article_id=article.article_id)


def _extract(doc: Doc, article: ArticleInput) -> ArticleExtraction:
    ref = load_refdata()
    sents = sentences(doc)
    parties = extract_parties(doc, sents, ref)
    spk = speakers(doc, sents, parties)
    figures = extract_figures(doc, sents, ref, spk)
    events, event_sents, statement_spans = extract_events(
        doc, sents, article.published_date, ref, parties, spk, figures
    )
    sent_of = {}
    for se in sents:
        sent_of[se.start] = se.index
    starts = sorted(sent_of)
    linked = []
    fig_sents = []
    for f in figures:
        si = _sentence_at(starts, sent_of, f.char_start)
        fig_sents.append(si)
        linked.append(
            dataclasses.replace(
                f, event_index=link_event(f, si, events, event_sents, statement_spans)
            )
        )
    events = _with_workers(events, linked, fig_sents, event_sents)
    return ArticleExtraction(
        article_id=article.article_id,
        parties=tuple(parties),
        events=tuple(events),
        figures=tuple(linked),
    )


_NOT_WORKERS = re.compile(
    r"\b(?:patients?|customers?|passengers?|commuters?|students?|children|flights?|positions?"
    r"|jobs?|roles?|services?|appointments?|operations?|residents?|people)\b",
    re.IGNORECASE,
)
_TAKE_PART = re.compile(
    r"\b(?:take|took|taking) part\b|\binvolved in the (?:action|strike)|\bexpected to (?:attend|join|walk)"
    r"|\b(?:walked|walk) off\b|\blocked out\b",
    re.IGNORECASE,
)
_COVER = re.compile(r"\bcovering\b|\bon behalf of\b", re.IGNORECASE)
_VAGUE_COUNT = re.compile(
    r"\b(?:hundreds|thousands|dozens|scores|tens|millions)\b"
    r"|\b(?:a few|few|several|many) (?:hundred|thousand|dozen)\b",
    re.IGNORECASE,
)


def _with_workers(events: list[EventMention], figures: list[FigureMention], fig_sents: list[int],
                  event_sents: list[frozenset[int]]) -> list[EventMention]:  # fmt: skip
    """workers_involved of an industrial action: the first absolute number of
    people taking part that is linked to it ("about 400 drivers took part"),
    not a union's membership (measure `members`), not a share, and not a
    vague "thousands of nurses". Where figures.py leaves a headcount
    unclassified (`other`), a number of workers counts when it is in one of
    the action's own sentences, or, for the article's main action, in a
    sentence saying they take part or in the notice covering them ("covering
    about 36,000 nurses", "on behalf of about 650 engineers")."""
    counts = [(f, si) for f, si in zip(figures, fig_sents, strict=True) if f.unit == "people"
              and not _VAGUE_COUNT.search(f.text) and not _NOT_WORKERS.search(f.subject or "")]  # fmt: skip
    taken = set().union(*event_sents) if event_sents else set()
    notice_sents = set().union(
        *(event_sents[i] for i, ev in enumerate(events) if ev.event_type == "strike_notice")
    )
    actions = [
        i for i, ev in enumerate(events) if ev.event_type in STRIKE_FAMILY | {"other_action"}
    ]
    actions = actions or [i for i, ev in enumerate(events) if ev.event_type == "rally"]
    main = actions[0] if actions else None
    out = []
    for i, ev in enumerate(events):
        n = None
        if ev.event_type in ACTION_TYPES:
            n = next(
                (
                    int(f.value)
                    for f, _ in counts
                    if f.event_index == i and f.measure == "workers_involved"
                ),
                None,
            )
            loose = [(f, si) for f, si in counts if f.measure in ("workers_involved", "other")]
            if n is None:
                n = next((int(f.value) for f, si in loose if si in event_sents[i]), None)
            if n is None and i == main:
                n = next((int(f.value) for f, si in loose if (si not in taken and _TAKE_PART.search(f.sentence))
                          or (si in notice_sents and _COVER.search(f.sentence))), None)  # fmt: skip
        out.append(dataclasses.replace(ev, workers_involved=n) if n != ev.workers_involved else ev)
    return out


def _sentence_at(starts: list[int], sent_of: dict[int, int], pos: int) -> int:
    import bisect

    i = bisect.bisect_right(starts, pos) - 1
    return sent_of[starts[i]] if i >= 0 else -1


def extract_articles(
    articles: Iterable[ArticleInput],
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
) -> Iterator[ArticleExtraction]:
    """Parse and extract many articles, yielding results in input order."""
    nlp = nlp or build_nlp()
    pairs = ((a.body or "", a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield extract_article(doc, article)
