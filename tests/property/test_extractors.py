"""Property-based tests: extractors never crash or hang on arbitrary and adversarial text,
every span they return matches the text, and their output is deterministic.

Each generated input goes through every extractor (ingest, dates, parties,
figures, events, publication-date inference and the whole article), so each
extractor sees `N_EXAMPLES` inputs. The extractors are called unguarded (not
through `extract_article`'s catch-all), so an exception fails the test.
"""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import _extract
from pipeline.extract.context import sentences
from pipeline.extract.dates import find_temporals, resolve_text
from pipeline.extract.nlp import build_nlp
from pipeline.extract.records import ArticleInput
from pipeline.ingest import IngestError, parse_article
from pipeline.published_dates import infer_published_date

pytestmark = pytest.mark.slow

N_EXAMPLES = 2000

NEWS_WORDS = [
    "strike", "strikes", "walked", "off", "the", "job", "on", "Tuesday", "Saturday 24 August", "from",
    "7am", "to", "8am", "11.30am", "midnight", "noon", "25 hours", "24-hour", "first four hours", "of their shifts",
    "will", "took", "called off", "postponed", "rally", "picket", "vote", "voted", "97 percent", "per cent",
    "%", "$380 million", "NZ$1.2 billion", "$4.5b", "1 to 1.5%", "3000-4300", "a third", "half", "a few hundred",
    "about", "more than", "up to", "nearly", "2,500", "0800 611 116", "111", "December 2023", "last week",
    "next month", "Te Whatu Ora", "Health NZ", "St John", "First Union", "NZNO", "E tū", "PSA", "the union",
    "said", "Jane Smith", "Smith", "secretary", "chief executive", "Whangārei", "Ōtautahi", "Auckland",
    "nurses", "junior doctors", "bus drivers", "offer", "settlement", "mediation", "notice", "lockout",
    "work-to-rule", "ministers", "the government", "\"", "“", "”", "'", "(", ")", ",", ".", ";", ":", "-", "–",
    "\n", "\n\n", "  ", "---", "\t", "…", "/", "&", "?", "!", "1", "19", "2024", "3am", "Monday 3 June",
]  # fmt: skip
ADVERSARIAL = [
    "1" * 3000, "1," * 2000, "$" * 2000, "a " * 3000, "-" * 5000, "." * 3000, "7am to " * 400,
    "from 7am on Tuesday to " * 200, "percent " * 1000, "Ōtaki " * 500, "\n" * 2000, "“" * 1000,
    "Tuesday Tuesday " * 500, "1 to 2 to 3 to " * 400, "the first " * 800, "$1.2.3.4.5" * 300,
]  # fmt: skip

news_text = st.lists(st.sampled_from(NEWS_WORDS), min_size=0, max_size=60).map(" ".join)
any_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
texts = st.one_of(news_text, any_text, st.tuples(news_text, any_text).map("".join))
published = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def _check_span(body, start, end, text, what):
    assert 0 <= start < end <= len(body), (what, start, end)
    assert body[start:end] == text, (what, body[start:end], text)


@settings(
    max_examples=N_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(text=texts, date=published)
def test_extractors_on_arbitrary_text(nlp, text, date):
    # Ingest: either a clean article or a reasoned rejection.
    try:
        article = parse_article("x.txt", text.encode("utf-8"))
        body = article.body
    except IngestError as exc:
        assert exc.reason and str(exc)
        body = text.strip()
    if not body:
        return

    # Dates.
    for t in find_temporals(body):
        _check_span(body, t.start, t.end, t.text, "temporal")
    resolve_text(body[:500], date)

    # Language processing and every extractor, unguarded.
    doc = nlp(body)
    assert [s.start for s in sentences(doc)] == sorted(s.start for s in sentences(doc))
    first = _extract(doc, ArticleInput("a_000000000000", body, date))
    for p in first.parties:
        _check_span(body, p.char_start, p.char_end, p.text, "party")
        assert p.party_id and p.party_id == p.party_id.lower()
    for f in first.figures:
        _check_span(body, f.char_start, f.char_end, f.text, "figure")
        assert f.event_index is None or 0 <= f.event_index < len(first.events)
    for e in first.events:
        _check_span(body, e.char_start, e.char_end, e.text, "event")
        assert e.start_date is None or e.end_date is None or e.end_date >= e.start_date
        if date is None and e.start_date is not None:
            assert e.date_precision in ("time", "day", "month", "year", "week")

    # Deterministic: the same input gives the same records.
    assert _extract(doc, ArticleInput("a_000000000000", body, date)) == first

    # Publication-date inference never invents a date from nothing.
    inferred = infer_published_date(doc).published_date
    assert inferred is None or dt.date(1900, 1, 1) < inferred < dt.date(2200, 1, 1)


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:12]))
def test_adversarial_text_finishes_in_bounded_time(nlp, text):
    import time

    started = time.perf_counter()
    body = text.strip()
    for t in find_temporals(body):
        _check_span(body, t.start, t.end, t.text, "temporal")
    doc = nlp(body)
    _extract(doc, ArticleInput("a_000000000000", body, dt.date(2024, 8, 20)))
    infer_published_date(doc)
    assert time.perf_counter() - started < 30


def _pipeline_patterns():
    import importlib
    import pkgutil
    import re

    import pipeline

    found = []
    for info in pkgutil.walk_packages(pipeline.__path__, "pipeline."):
        if info.name.startswith(
            (
                "pipeline.__main__",
                "pipeline.assets",
                "pipeline.definitions",
                "pipeline.checks",
                "pipeline.sensors",
            )
        ):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{name}", value))
            elif isinstance(value, (tuple, list)):
                found += [
                    (f"{info.name}.{name}[{i}]", v)
                    for i, v in enumerate(value)
                    if isinstance(v, re.Pattern)
                ]
                found += [
                    (f"{info.name}.{name}[{i}]", v[1])
                    for i, v in enumerate(value)
                    if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], re.Pattern)
                ]
    return found


# Exponential backtracking shows on inputs of a few dozen characters and explodes
# long before 5000; a linear or benign quadratic scan of 5000 characters takes
# milliseconds to well under a second.
BACKTRACK_BAIT = [
    bait[:5000]
    for bait in (
        "1" * 5000 + "x", "1 " * 2500 + "x", "$1," * 2000, "a" * 5000 + "!", " " * 5000 + "x",
        "7am to " * 800, "Tuesday, " * 600, "the first " * 500, "-" * 5000, "<a " * 2000,
        "Aa " * 2000, "1.1." * 1500, "on Tuesday and " * 400,
    )
]  # fmt: skip


def test_no_regular_expression_backtracks_catastrophically():
    import time

    patterns = _pipeline_patterns()
    assert len(patterns) > 20
    slow = []
    for name, pattern in patterns:
        for bait in BACKTRACK_BAIT:
            started = time.perf_counter()
            for _ in pattern.finditer(bait):
                pass
            elapsed = time.perf_counter() - started
            if elapsed > 2.0:
                slow.append((name, bait[:10], round(elapsed, 2)))
    assert slow == []
