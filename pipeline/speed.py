"""Extraction speed: words per second of bare spaCy and of spaCy plus extraction.

`python -m pipeline speed --raw DIR --repeat N` parses the articles of DIR
(repeated N times, for a stable measurement) once with bare `nlp.pipe` and
once with `nlp.pipe` followed by `extract_article`, with the same model and
components, in one process. The full benchmark of builds at scale is a
separate command (issue 6); this one answers "what does extraction cost".
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.build import article_inputs, article_texts_frame
from pipeline.ingest import read_raw_folder


@dataclass
class SpeedResult:
    articles: int
    words: int
    bare_seconds: float
    extract_seconds: float

    @property
    def bare_wps(self) -> float:
        return self.words / self.bare_seconds

    @property
    def extract_wps(self) -> float:
        return self.words / self.extract_seconds

    def report(self) -> str:
        return (
            f"{self.articles} articles, {self.words} words\n"
            f"bare nlp.pipe:          {self.bare_wps:,.0f} words/s ({self.bare_seconds:.2f} s)\n"
            f"nlp.pipe + extraction:  {self.extract_wps:,.0f} words/s ({self.extract_seconds:.2f} s)\n"
            f"ratio: {self.extract_wps / self.bare_wps:.2f}"
        )


def measure(raw_dir: Path, spacy_model: str, repeat: int = 5) -> SpeedResult:
    from pipeline.extract import extract_article
    from pipeline.extract.nlp import build_nlp

    texts = article_texts_frame(read_raw_folder(raw_dir))
    inputs = article_inputs(texts) * repeat
    words = int(texts["n_words"].sum() or 0) * repeat
    nlp = build_nlp(spacy_model)
    list(nlp.pipe([a.body for a in inputs[:5]]))  # warm up

    start = time.perf_counter()
    for _ in nlp.pipe(a.body for a in inputs):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    for doc, article in nlp.pipe(((a.body, a) for a in inputs), as_tuples=True):
        extract_article(doc, article)
    full = time.perf_counter() - start
    return SpeedResult(len(inputs), words, bare, full)
