"""Article structure shared by the extractors: clean sentence spans and
paragraphs.

What belongs here: turning a parsed Doc into the list of sentences that
evidence spans point at (trimmed of whitespace, a lone closing quote mark
glued back to its sentence, never crossing a line break). Nothing
domain-specific.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # char offsets into the body, trimmed
    end: int
    text: str
    span: Span  # the spaCy tokens covering it
    paragraph: int  # index of the line the sentence is on

    @property
    def starts_with_quote(self) -> bool:
        return self.text[:1] in "\"“'‘"

    # Computed once per sentence: the rules ask for these many times.
    @cached_property
    def lemmas(self) -> frozenset[str]:
        """Its tokens' lower-cased lemmas (Token._.ia_lemma, as trigger patterns match)."""
        return frozenset(t._.ia_lemma for t in self.span)

    @cached_property
    def lowers(self) -> frozenset[str]:
        """Its tokens, lower-cased."""
        return frozenset(t.lower_ for t in self.span)


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def sentences(doc: Doc) -> list[Sentence]:
    """The article's sentences with exact, trimmed offsets."""
    text = doc.text
    raw: list[tuple[int, int]] = []
    for sent in doc.sents:
        # a sentence never crosses a line break
        start = sent.start_char
        for piece in text[sent.start_char : sent.end_char].split("\n"):
            end = start + len(piece)
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            s, e = start + lead, end - trail
            if e > s:
                if not _has_word(text[s:e]) and raw and "\n" not in text[raw[-1][1] : s]:
                    raw[-1] = (raw[-1][0], e)  # a lone closing quote belongs to the sentence before
                elif _has_word(text[s:e]):
                    raw.append((s, e))
            start = end + 1
    out: list[Sentence] = []
    paragraph = 0
    prev_end = 0
    for i, (s, e) in enumerate(raw):
        if "\n" in text[prev_end:s]:
            paragraph += 1
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        out.append(Sentence(i, s, e, text[s:e], span, paragraph))
        prev_end = e
    return [Sentence(i, s.start, s.end, s.text, s.span, s.paragraph) for i, s in enumerate(out)]


def sentence_index_by_token(doc: Doc, sents: list[Sentence]) -> list[int]:
    """For each token, the index of the sentence containing it (-1 if none)."""
    idx = [-1] * len(doc)
    for s in sents:
        for i in range(s.span.start, s.span.end):
            idx[i] = s.index
    return idx
