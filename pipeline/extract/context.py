"""Article structure shared by the extractors: clean sentence spans and
paragraphs.

What belongs here: turning a parsed Doc into the list of sentences that
evidence spans point at (trimmed of whitespace, a lone closing quote mark
glued back to its sentence, never crossing a line break). Nothing
domain-specific.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

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


# Lines that are not article text: bylines, contact blocks after "ENDS",
# photo credits. Names in them are not parties.
_BYLINE_RX = re.compile(
    r"(?m)^(?:By|Words by|Reporter:?)\s+[A-ZĀĒĪŌŪ][\w'’.\-]*(?:\s+[A-ZĀĒĪŌŪ][\w'’.\-]*){1,3}"
    r"(?:\s*(?:,|\band\b|&|\||-|–|—)\s*[A-ZĀĒĪŌŪ][\w'’.&\- ]{0,40}){0,2}\s*$"
)
# "Jane Smith, Health Reporter", "Jo Bloggs | Political Editor"
_ROLE_BYLINE_RX = re.compile(
    r"(?m)^[ \t]*[A-ZĀĒĪŌŪ][\w'’.\-]*(?:\s+[A-ZĀĒĪŌŪ][\w'’.\-]*){1,3}\s*(?:,|\||-|–|—)\s*"
    r"(?:[\w'’&]+\s+){0,4}(?i:reporter|editor|correspondent|journalist|writer|producer|presenter)[ \t]*$"
)
_CONTACT_RX = re.compile(
    r"(?im)^(?:[-–—\s]*ends[-–—.\s]*$|(?:for\s+(?:more|further)\s+information|media\s+(?:contact|enquiries|inquiries)"
    r"|contacts?\s*:|for\s+media\s+enquiries|issued\s+by\b))"
)
# "Read more:" and the story links under it, up to the next blank line
_RELATED_RX = re.compile(
    r"(?im)^[ \t]*(?:read\s+more|related(?:\s+(?:stories|articles|content|coverage))?|see\s+also|also\s+read"
    r"|more\s+on\s+this(?:\s+story)?|recommended(?:\s+for\s+you)?|more\s+stories)[ \t]*:?[ \t]*\n(?:[^\n]*\S[^\n]*\n?)*"
)
# page furniture: copyright, sharing, newsletter and advertisement lines, handles and e-mail addresses
_FURNITURE_RX = re.compile(
    r"(?im)^[ \t]*(?:.*(?:copyright\s*©|©|all\s+rights\s+reserved).*|share\s+this(?:\s+article|\s+story)?"
    r"|subscribe\b.*|sign\s+up\b.*|follow\s+us\b.*|advertisement|@\w+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)[ \t]*$"
)
# a dateline before the first words of a story: "WELLINGTON, May 15 NZPA - ",
# "Wellington, 14 May 2025 – "
_DATELINE_RX = re.compile(
    r"(?m)^[ \t]{0,4}[A-Z][A-Za-z'’.-]{1,20}(?:[ \t][A-Z][A-Za-z'’.-]{1,20}){0,2},[ \t]{1,3}"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]{1,3})?"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]{1,3}\d{1,2}|\d{1,2}[ \t]{1,3}[A-Z][a-z]{2,8})(?:,?[ \t]{1,3}\d{4})?"
    r"[ \t]{1,3}(?:\(?[A-Z]{2,6}\)?[ \t]{1,3})?[-–—][ \t]"
)
# a wire service's sign-off: agency, bureau and editors' initials ("NZPA WGT ks ss")
_SIGN_OFF_RX = re.compile(
    r"(?m)^[ \t]{0,4}(?:NZPA|AAP|AP|AFP|Reuters)(?:[ \t]{1,3}[A-Z]{2,4})?(?:[ \t]{1,3}[a-z]{2,3}){0,4}[ \t]*$"
)
_CREDIT_RX = re.compile(
    r"(?i)\b(?:photo(?:graph)?|image|picture|credit|photo\s+credit|video)\s*[:/]\s*[^\n)]*"
)


@lru_cache(maxsize=64)  # sentences() and the party rules both ask, once per article
def boilerplate_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Char ranges that are not article text: bylines, contact blocks (to the
    end), photo credits, related-story link lists, copyright, sharing and
    newsletter lines, datelines and wire sign-offs."""
    out = [(m.start(), m.end()) for m in _BYLINE_RX.finditer(text)]
    out += [(m.start(), m.end()) for m in _ROLE_BYLINE_RX.finditer(text)]
    out += [(m.start(), m.end()) for m in _CREDIT_RX.finditer(text)]
    out += [(m.start(), m.end()) for m in _RELATED_RX.finditer(text)]
    out += [(m.start(), m.end()) for m in _FURNITURE_RX.finditer(text)]
    out += [(m.start(), m.end()) for m in _DATELINE_RX.finditer(text)]
    out += [(m.start(), m.end()) for m in _SIGN_OFF_RX.finditer(text)]
    m = _CONTACT_RX.search(text)
    if m is not None and m.start() > len(text) // 3:
        out.append((m.start(), len(text)))
    return tuple(out)


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def sentences(doc: Doc) -> list[Sentence]:
    """The article's sentences with exact, trimmed offsets (page furniture
    such as "Read more:" link lists and photo credits left out)."""
    text = doc.text
    skip = boilerplate_ranges(text)
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
                same_line = bool(raw) and "\n" not in text[raw[-1][1] : s]
                label = (
                    same_line
                    and text[raw[-1][0] : raw[-1][1]].endswith(":")
                    and (len(text[raw[-1][0] : raw[-1][1]].split()) <= 6)
                )
                if same_line and (not _has_word(text[s:e]) or text[s] in ":;" or label):
                    # a lone closing quote, or a split at a colon ("• Monday,
                    # May 13" + ": Auckland", "• Friday, May 17:" + "Otago"),
                    # belongs to the sentence before
                    raw[-1] = (raw[-1][0], e)
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
        if span is None or any(a <= s and e <= b for a, b in skip):
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
