"""Figures: every substantive number in an article, as news writes them.

What belongs here: finding numbers ("2,500", "about 75 percent", "$4.5b",
"a few hundred", "half", "1 to 1.5%", "24-hour", "first four hours"), their
value/unit/qualifier/period, the measure they express (from the dependency
parse around the number and word lists in `pipeline/data/figure_lexicon.yaml`),
the noun phrase they are about and who said them. Also `link_event`, the pure
rule that ties a figure to one of the article's events (called from
`__init__` once events are known).
What does not: dates and clock times (dates.py: they are not figures).

Number forms and the values they get:
- digits with separators and scales: "1,200", "NZ$12m" (12000000), "$4.5b";
  cents are dollars: "40c" is nzd 0.4;
- words: "twelve hundred" (1200), "One and a half percent" (1.5),
  "one-and-a-half"; fractions are percent rounded to 2 decimals: "a third"
  33.33, "two-thirds" 66.67, "a fifth" 20 (only before "of"/"the"/... or at
  a clause end, so "a third strike" is an ordinal, not a fraction);
- vague plurals are the smallest amount the word allows, qualifier at_least:
  "dozens" 24, "hundreds" 200, "thousands" 2000, "tens of thousands" 20000,
  "hundreds of thousands" 200000; "a few hundred"/"several hundred" are 300
  and "a few thousand" 3000, approximately;
- ranges: "3000-4300", "1 to 1.5%", "between 5 and 6 percent", "two or three
  years" (value, value_max);
- singular durations: "an hour", "more than a year", "a decade" (10 years),
  "year-long" (1 year), "first hour (of each shift)"; "a/an" needs a
  qualifier or "for" before it so that rates ("$150 a week") stay periods.
Period: "a year", "per annum", "annually", "each year", "in each of the next
two years" -> "year"; "an hour" -> "hour"; "over two years" -> "2 years";
"over the next decade" -> "10 years"; a few words may come between the number
and the period ("200 flights a day", "2 percent pay rise a year").

Not figures: clock times ("at four in the morning"), dates, years and decades
("1990s"), ordinals, phone numbers in NZ formats ("027 555 0143", "(09) 123
4567", "0800 611 116", "111"), "24/7", labelled numbers ("Year 9", "Level 4"),
numbers inside names ("Covid-19"), numbers with a leading zero, counts of
events ("two further strikes": each is an events row), word-number
references ("the two unions"), and a number that is only the period of the
figure before it ("over two years" after "14 percent").

Measures for less common phrasings: counts of voters ("162 members voted"
-> vote_turnout, "148 backed industrial action" -> vote_in_favour, unit
people); "employs about 1400 people" / "700 of them are members" -> members;
"14 days' notice" is not a strike duration; a percentage is never a lump sum
(only money is); what people earn now ("who earn as little as $26 an hour")
is not a claim. "five years ago" and "in the last five years" are time
references, not figures; "call 0800 247 767" is a phone number.

Span: qualifier + number + unit; a bare exact count also takes the noun it
counts ("two separate offers", "28 patients"), as the noun is its unit.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from pipeline.extract.context import Sentence
from pipeline.extract.dates import find_temporals
from pipeline.extract.records import EventMention, FigureMention
from pipeline.extract.refdata import DATA_DIR, RefData

FIGURE_LEXICON_FILE: Path = DATA_DIR / "figure_lexicon.yaml"

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# word -> (value, unit override, qualifier override)
_VAGUE = {
    "a few hundred": (300, None, "approximately"),
    "several hundred": (300, None, "approximately"),
    "a couple of hundred": (200, None, "approximately"),
    "a few thousand": (3000, None, "approximately"),
    "several thousand": (3000, None, "approximately"),
    "a couple of thousand": (2000, None, "approximately"),
    "hundreds of thousands": (200000, None, "at_least"),
    "tens of thousands": (20000, None, "at_least"),
    "tens of millions": (20000000, None, "at_least"),
    "hundreds of millions": (200000000, None, "at_least"),
    "hundreds": (200, None, "at_least"),
    "thousands": (2000, None, "at_least"),
    "millions": (2000000, None, "at_least"),
    "dozens": (24, None, "at_least"),
    "scores": (40, None, "at_least"),
    "half a dozen": (6, None, "approximately"),
    "a dozen": (12, None, "exact"),
}  # fmt: skip
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "b": 1e9,
           "bn": 1e9, "trillion": 1e12}  # fmt: skip
_QUALIFIERS = {
    "about": "approximately", "around": "approximately", "roughly": "approximately",
    "approximately": "approximately", "some": "approximately", "an estimated": "approximately",
    "close to": "approximately", "an average of": "approximately", "on average": "approximately",
    "nearly": "up_to", "almost": "up_to", "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    "as high as": "up_to", "no more than": "up_to", "at most": "up_to", "a maximum of": "up_to",
    "just under": "up_to", "just shy of": "up_to", "most of": "up_to",
    "more than": "more_than", "over": "more_than", "just over": "more_than", "well over": "more_than",
    "upwards of": "more_than", "in excess of": "more_than", "a little over": "more_than",
    "slightly more than": "more_than", "well above": "more_than", "above": "more_than",
    "at least": "at_least", "as little as": "at_least", "as few as": "at_least", "a minimum of": "at_least",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "well under": "less_than", "just below": "less_than",
}  # fmt: skip

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
_WORDNUM = rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))?)(?:\s+(?:hundred|thousand|million))?"
_HALFNUM = rf"(?:(?:{_WORDNUM})|\d+)[- ]and[- ]a[- ]half"
_FRAC_WORDS = "|".join(sorted(_FRACTIONS, key=len, reverse=True))
_FRAC = rf"(?:(?:a|one|{_WORD})[- ](?:{_FRAC_WORDS})|half)"
# "one in five", "1 in 10", "two in every three": a share, as percent
_RATIO = rf"(?:(?:one|a|\d{{1,2}}|{_WORD})\s+in\s+(?:every\s+)?(?:\d{{1,3}}|{_WORD}))"
_VAGUE_RX = "|".join(re.escape(v) for v in sorted(_VAGUE, key=len, reverse=True))
_QUAL_RX = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_SCALE_RX = r"(?:\s?(?:million|billion|trillion|thousand)\b|(?:m|mn|b|bn|k)\b)"
_MONEY = rf"(?:NZ|US|AU|A)?\$\s?(?:{_NUM}){_SCALE_RX}?"
_CENTS = r"\d+(?:\.\d+)?\s?(?:c|cents)\b"
_SING = r"(?:hour|day|week|fortnight|month|year|decade)"
_TIME_UNIT = r"(?:minute|min|hour|hr|day|week|fortnight|month|year|decade)s?"

FIGURE_RX = re.compile(
    rf"(?<![\w$.,/:])(?P<qual>(?i:{_QUAL_RX})\s+)?"
    rf"(?P<first>(?i:first|last|final)\s+)?"
    rf"(?P<num>(?i:\b{_RATIO}\b)|{_MONEY}|{_CENTS}|(?i:{_VAGUE_RX})|(?i:\b{_HALFNUM}\b)|{_NUM}{_SCALE_RX}?"
    rf"|(?i:\b{_SING}-long\b)|(?i:\b{_FRAC}\b)|(?i:\b{_WORDNUM}\b)|(?i:\b(?:half\s+an?|an?)\b(?=\s{_SING}\b(?!-))))"
    rf"(?:\s*(?P<sep>-|–|to|and|or)\s*(?P<num2>{_MONEY}|{_CENTS}|{_NUM}{_SCALE_RX}?|(?i:\b{_WORDNUM}\b))"
    rf"(?!\s*(?:am|pm)\b))?"
    rf"(?P<unit>\s*%|\s*(?i:percent|per cent|percentage points?)\b|-(?i:{_TIME_UNIT})\b|\s+(?i:{_TIME_UNIT})\b)?"
)
# "first hour of each shift": a part of each shift without a number
_FIRST_UNIT_RX = re.compile(
    r"(?i)\b(?P<first>first|last|final|opening)\s+(?P<unit>hour|half-hour|day|week)\b"
    r"(?=\s+of\s+(?:each|every|their|the|a|all|his|her)?\s*(?:\w+\s+){0,2}?(?:shifts?|working\s+days?|school\s+days?|work\s+days?|days?)\b)"
)
_STOP = (r"(?:and|or|but|while|since|from|for|to|in|on|at|by|with|of|the|that|which|who|after|before|than|"
         r"last|this|next|when|because|as|if|is|was|are|were|has|have|had|will|would|could)")  # fmt: skip
_PERIOD_NUMS = r"\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|thirty-six"
_PERIOD_RX = re.compile(
    rf"^\s*(?:(?!{_STOP}\b)[A-Za-z’'-]+\s+|in\s+(?=(?:base\s+|basic\s+|total\s+)?(?:pay|wages?|salar))){{0,4}}?"
    r"(?:(?P<rate>a|an|per|each|every)\s+(?P<unit>year|annum|hour|week|month|day|fortnight)\b"
    r"(?!\s*(?:ago|later|earlier|before|after|off|or\s+so)\b)"
    r"|(?P<annual>annually|yearly)\b"
    r"|(?:in\s+|for\s+|over\s+)?(?:each|every)\s+of\s+(?:the\s+)?(?:next|following|coming|last|past|first)?\s*"
    r"(?:[a-z-]+\s+)?(?P<each>years|months|weeks)\b"
    rf"|over\s+(?:the\s+(?:next|following|coming)\s+)?(?P<n>{_PERIOD_NUMS})\s+(?P<unit2>years?|months?|weeks?|decades?)\b"
    r"|over\s+(?:the\s+(?:next|following|coming)\s+|a\s+)(?P<decade>decade)\b"
    r"|(?P<fiscal>(?:last|this|the)\s+(?:financial\s+)?year)\b)",
    re.I,
)
_RESULT_NOUNS = re.compile(
    r"(?i)\b(?:profit|profits|loss|losses|revenue|revenues|surplus|deficit|turnover|earnings|dividend)\b"
)
_PHONE_RX = re.compile(
    r"\+?64[\s-]?\(?0?\d{1,2}\)?[\s-]?\d{3}[\s-]?\d{3,4}\b"
    r"|\(0\d{1,2}\)\s?\d{3}[\s-]?\d{3,4}\b"
    r"|\b0\d{1,2}[\s-]\d{3}[\s-]?\d{3,4}\b"
    r"|\b0\d{8,10}\b"
    r"|\b(?:0800|0508|0900)[\s-]?[\dA-Z]{3}[\s-]?[\dA-Z]{3,4}\b"
    r"|(?i:\b(?:call|calling|called|dial|dialling|dialed|dialled|phone|ring|text|txt)\s+)(?P<short>\d{3,}(?:[\s-]\d{3,4}){0,2})\b"
    r"|\b111\b(?!\s*(?:[a-z]|%|percent|per cent))"
    r"|\b111\b(?=\s{1,3}(?:calls?|number|line|service|emergenc\w*)\b)"  # "a 111 call"
)
# the noun a bare number counts, and the word after it ("two further strikes",
# "180 union members")
_COUNTED_NOUN = re.compile(
    r"(?i)^\s+(?:(?:further|more|separate|rolling|new|national|planned|consecutive|other)\s+)?(\w+)(?:\s+(\w+))?"
)
_MEMBER_NOUNS = {"member", "members", "worker", "workers", "staff", "delegate", "delegates", "official",
                 "officials"}  # fmt: skip
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_CLOCK_AFTER = re.compile(
    r"^\s*(?:o['’]clock|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight|this\s+(?:morning|afternoon|evening)"
    r"|(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])|(?:noon|midday|midnight)\b)",
    re.I,
)
_CLOCK_BEFORE = re.compile(r"(?i)\b(?:at|from|until|till|til|by|before|after)\s+$")
_TIME_PREPS = re.compile(
    r"(?i)\b(?:in|since|by|from|until|till|of|before|after|during|to|through|between|and)\s+$"
)

STRIKE_WORDS = re.compile(
    r"\b(?:strik\w*|industrial action|walk\w* (?:off|out)|walkout|stoppage|stop work|stop-?work|down tools|withdraw\w* (?:their )?labour|lock\w*[- ]?out|picket\w*|ral(?:ly|lies|lied)|march\w*|took part|take part|taking part|action)\b",
    re.I,
)

_NAME_ENTS = {"ORG", "PERSON", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT", "NORP"}
_UNIT_NOUNS = {"percent", "%", "cent", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
               "year", "years", "minute", "minutes", "million", "billion", "thousand", "$", "dollar",
               "dollars", "hundred", "m", "b", "bn", "k", "decade", "decades"}  # fmt: skip
_SPEECH = {"say", "tell", "add", "claim", "explain", "state", "warn", "note", "argue", "confirm", "insist",
           "write", "reveal", "announce", "stress", "urge", "respond", "comment", "estimate", "believe",
           "suggest", "predict", "report", "describe", "point", "expect", "accord", "put", "calculate",
           "forecast", "admit", "acknowledge", "concede", "disclose", "indicate", "show"}  # fmt: skip


# --------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureLexicon:
    """`pipeline/data/figure_lexicon.yaml`, as lower-case frozensets (label
    words keep their case)."""

    sets: dict[str, frozenset[str]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.sets.get(key, frozenset())


@lru_cache(maxsize=4)
def load_figure_lexicon(path: Path | None = None) -> FigureLexicon:
    """The word lists (cached); a missing or malformed file gives empty lists."""
    try:
        with open(path or FIGURE_LEXICON_FILE, encoding="utf-8") as fh:
            raw = yaml.safe_load(fh) or {}
    except (OSError, yaml.YAMLError):
        raw = {}
    sets: dict[str, frozenset[str]] = {}
    if isinstance(raw, dict):
        for key, vals in raw.items():
            if isinstance(vals, list):
                keep_case = key == "label_words"
                sets[str(key)] = frozenset(
                    str(v) if keep_case else str(v).lower() for v in vals if v is not None
                )
    return FigureLexicon(sets)


def _has_phrase(text: str, phrases: frozenset[str]) -> bool:
    """Any of the phrases as whole words in `text` (lower case)."""
    low = f" {text.lower()} "
    return any(
        re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", low) if p[:1].isalnum() else p in low
        for p in phrases
    )


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parsed:
    value: float
    value_max: float | None
    unit: str
    qualifier: str


def _num_value(s: str) -> float | None:
    s = s.strip()
    money = "$" in s
    cents = re.fullmatch(r"(\d+(?:\.\d+)?)\s?(?:c|cents)", s, re.I)
    if cents:
        return round(float(cents.group(1)) / 100, 4)
    s = re.sub(r"^(?:NZ|US|AU|A)?\$\s?", "", s)
    m = re.fullmatch(rf"({_NUM})\s?(million|billion|trillion|thousand|m|mn|b|bn|k)?", s, re.I)
    if m:
        v = float(m.group(1).replace(",", ""))
        if m.group(2):
            scale = m.group(2).lower()
            # "5m" is money millions; a bare "k" etc. only counts beside a dollar sign
            if money or len(scale) > 2:
                v *= _SCALES[scale]
        return v
    low = re.sub(r"\s+", " ", s.lower())
    if low in _VAGUE:
        return float(_VAGUE[low][0])
    half = re.fullmatch(r"(.+?)[- ]and[- ]a[- ]half", low)
    if half:
        base = _num_value(half.group(1))
        return None if base is None else base + 0.5
    frac = _fraction_value(low)
    if frac is not None:
        return frac
    return _word_value(low)


def _fraction_value(low: str) -> float | None:
    """Percent for "a third", "two-thirds", "half"; None if not a fraction."""
    if low == "half":
        return 50.0
    r = re.fullmatch(r"(.+?)\s+in\s+(?:every\s+)?(.+)", low)
    if r:
        n = 1.0 if r.group(1) in ("a", "one") else _num_value(r.group(1))
        d = _num_value(r.group(2))
        if n is None or not d or n > d:
            return None
        return round(100.0 * n / d, 2)
    m = re.fullmatch(rf"(a|one|{_WORD})[- ]({_FRAC_WORDS})", low)
    if not m:
        return None
    n = 1 if m.group(1) in ("a", "one") else _UNITS_WORDS.get(m.group(1))
    if n is None:
        return None
    return round(100.0 * n / _FRACTIONS[m.group(2)], 2)


def _word_value(s: str) -> float | None:
    total, current = 0.0, 0.0
    for w in re.split(r"[\s-]+", s):
        if w in _UNITS_WORDS:
            current += _UNITS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million"):
            total += (current or 1) * (1e3 if w == "thousand" else 1e6)
            current = 0
        else:
            return None
    return total + current


def _time_unit(u: str) -> tuple[str, float]:
    """Codebook unit and multiplier for a time word ("fortnight" = 2 weeks,
    "decade" = 10 years)."""
    u = u.strip(" -").lower()
    for key, unit, mult in (("min", "minutes", 1), ("h", "hours", 1), ("dec", "years", 10), ("d", "days", 1),
                            ("w", "weeks", 1), ("f", "weeks", 2), ("mo", "months", 1), ("y", "years", 1)):  # fmt: skip
        if u.startswith(key):
            return unit, mult
    return "count", 1


def _parse(m: re.Match[str]) -> _Parsed | None:
    num = m.group("num")
    low = re.sub(r"\s+", " ", num.lower())
    unit_txt = (m.group("unit") or "").strip().lower()
    qualifier = _QUALIFIERS.get(
        re.sub(r"\s+", " ", (m.group("qual") or "").strip().lower()), "exact"
    )
    if low.endswith("-long"):
        unit, mult = _time_unit(low[: -len("-long")])
        return _Parsed(float(mult), None, unit, qualifier)
    if re.fullmatch(r"half an?|half-an?", low):
        value: float | None = 0.5
    elif low in ("a", "an"):
        value = 1.0
    else:
        value = _num_value(num)
    if value is None:
        return None
    unit = "count"
    if "$" in num or re.fullmatch(_CENTS, num, re.I):
        unit = "nzd"
    elif unit_txt in ("%", "percent", "per cent") or unit_txt.startswith("percentage point"):
        unit = "percent"
    elif unit_txt:
        unit, mult = _time_unit(unit_txt)
        value *= mult
    if low in _VAGUE:
        _, u, q = _VAGUE[low]
        unit = u or unit
        if q and qualifier == "exact":
            qualifier = q
    if _fraction_value(low) is not None and unit == "count":
        unit = "percent"
    vmax = _num_value(m.group("num2")) if m.group("num2") else None
    if vmax is not None and unit_txt and unit not in ("percent", "nzd"):
        vmax *= _time_unit(unit_txt)[1]
    if vmax is not None and vmax <= value:
        vmax = None
    return _Parsed(value, vmax, unit, qualifier)


_ADJACENT_RATE = re.compile(
    r"(?i)\s{0,2}(?:a|an|per)\s(year|annum|hour|week|month|day|fortnight)\b"
)


def _period_match(after: str) -> re.Match[str] | None:
    m = _PERIOD_RX.match(after)
    if m and m.group("fiscal") and not _RESULT_NOUNS.search(after[: m.start("fiscal")]):
        return None  # "last year" is a period only for annual results ("a $5m profit last year")
    return m


def _period(after: str) -> str | None:
    m = _period_match(after)
    if not m:
        return None
    if m.group("annual") or m.group("fiscal") or m.group("each"):
        return {"months": "month", "weeks": "week"}.get((m.group("each") or "").lower(), "year")
    if m.group("unit"):
        u = m.group("unit").lower()
        return "year" if u in ("year", "annum") else u
    if m.group("decade"):
        return "10 years"
    n_txt = m.group("n").lower()
    n = 1 if n_txt in ("a", "one") else _UNITS_WORDS.get(n_txt)
    if n is None:
        n = int(n_txt) if n_txt.isdigit() else (_word_value(n_txt) or 1)
    unit, mult = _time_unit(m.group("unit2"))
    n = int(n * mult)
    if n == 1 and unit == "years":
        return "year"
    return f"{n} {unit}"


# --------------------------------------------------------------------------
# Dependency helpers: what the number is about
# --------------------------------------------------------------------------
# --------------------------------------------------------------------------


def _np_text(
    tok: Token, keep_det: bool = False, with_preps: bool = False, skip: range = range(0)
) -> str:
    """Compact noun phrase for `tok`: its compound/adjective modifiers and the
    head, optionally trailing prepositional phrases; no determiners, and none
    of the figure's own tokens (`skip`)."""
    deps = ("compound", "amod", "nmod") + (("det", "poss") if keep_det else ())
    left = [c for c in tok.lefts if c.dep_ in deps]
    start = min([tok.i] + [c.left_edge.i for c in left])
    end = tok.i + 1
    if with_preps:
        for c in tok.rights:
            if c.dep_ in ("prep", "acl"):
                end = max(end, c.right_edge.i + 1)
    words = [t for t in tok.doc[start:end] if t.i not in skip and not (t.i < tok.i and t.like_num)]
    if not keep_det:
        words = [t for t in words if t.dep_ not in ("det", "poss", "case") or t.i > tok.i]
    while words and (
        words[0].is_punct or (words[0].dep_ in ("quantmod", "nummod") and words[0].i < tok.i)
    ):
        words.pop(0)
    if not words:
        return tok.text
    return tok.doc[words[0].i : words[-1].i + 1].text


def _of_object(tok: Token) -> Token | None:
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _clause_after(obj: Token, head: Token) -> str:
    """ "members voted in favour of strike action": the object plus the verb
    phrase the quantity is the subject of; just the object's noun phrase when
    punctuation comes between them (an apposition)."""
    doc = obj.doc
    if any(t.is_punct for t in doc[obj.i : head.i]):
        return _np_text(obj)
    start = min([obj.i] + [c.left_edge.i for c in obj.lefts if c.dep_ in ("compound", "amod")])
    out = []
    for t in doc[start : head.right_edge.i + 1]:
        if t.is_punct and t.i > head.i:
            break
        out.append(t)
    while out and (out[-1].is_punct or out[-1].dep_ == "cc"):
        out.pop()
    return doc[out[0].i : out[-1].i + 1].text if out else obj.text


def _for_object_after(span: Span, verb: Token) -> Token | None:
    """First "for X" after the figure inside the verb's clause ("provide $5m
    ... for ambulance services")."""
    sub = {t.i for t in verb.subtree}
    for t in span.doc[span.end : verb.right_edge.i + 1]:
        if t.lower_ == "for" and t.dep_ == "prep" and t.i in sub:
            objs = [g for g in t.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


_QUANTITY_WORDS = {"half", "third", "quarter", "hundred", "dozens", "hundreds", "thousands"}


def subject_of(span: Span, unit: str) -> tuple[str, Token | None]:
    """The noun phrase the figure is about, as written, and the token that
    heads it (used to decide workers_involved and the like)."""
    skip = range(span.start, span.end)
    nums = [t for t in span if t.like_num or t.lower_ in _QUANTITY_WORDS]
    anchor = nums[-1] if nums else span.root
    # climb to the figure's own head, then out of the span
    tok = anchor
    while tok.head.i != tok.i and tok.head.i in skip:
        tok = tok.head
    if (
        tok.lower_ not in _UNIT_NOUNS
        and not tok.like_num
        and tok.lower_ not in _QUANTITY_WORDS
        and tok.i in skip
    ):
        # word numbers with their noun ("two separate offers")
        return _np_text(tok, skip=skip), tok
    if (
        tok.dep_ in ("nummod", "quantmod", "compound", "amod", "predet", "nmod", "det")
        and tok.head.i not in skip
    ):
        parent = tok.head
        if parent.dep_ == "poss":
            # "half the country's junior doctors": the possessed noun phrase
            owner = parent.head
            words = [t for t in span.doc[span.end : owner.i + 1]]
            return (span.doc[words[0].i : owner.i + 1].text if words else owner.text), owner
        if parent.pos_ in ("NOUN", "PROPN"):
            return _np_text(
                parent,
                with_preps=parent.lower_ in ("increase", "rise", "cut", "boost", "decrease"),
                skip=skip,
            ), parent
        tok = parent
    if tok.dep_ == "npadvmod" and tok.head.pos_ in ("VERB", "ADJ"):
        verb = tok.head
        end = max([verb.i] + [t.i for t in verb.subtree if not t.is_punct and t.i > verb.i])
        return span.doc[verb.i : end + 1].text, verb
    acl = [c for c in tok.rights if c.dep_ == "acl" and c.pos_ == "VERB" and c.i not in skip]
    obj = _of_object(tok)
    if obj is not None:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            return _clause_after(obj, tok.head), obj
        rel = [c for c in obj.rights if c.dep_ == "acl"]
        if rel:
            start = min(
                [obj.i] + [c.left_edge.i for c in obj.lefts if c.dep_ in ("compound", "amod")]
            )
            return span.doc[start : rel[0].right_edge.i + 1].text, obj
        return _np_text(obj), obj
    if acl:
        # "100 percent funded by the government"
        verb = acl[0]
        end = max([verb.i] + [t.i for t in verb.subtree if not t.is_punct and t.i > verb.i])
        return span.doc[verb.i : end + 1].text, verb
    if tok.dep_ == "pobj" and tok.head.pos_ == "ADP" and tok.head.head.pos_ in ("VERB", "AUX"):
        verb = tok.head.head
        words = [t for t in span.doc[verb.i : tok.head.i] if not t.is_punct]
        if words:  # "walk off the job for 25 hours"
            return span.doc[words[0].i : words[-1].i + 1].text, verb
    if tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        target = _for_object_after(span, tok.head)
        if target is not None:
            return _np_text(target), target
    if tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        return _np_text(tok.head, with_preps=True, skip=skip), tok.head
    if tok.i in skip:
        return tok.text, None
    return _np_text(tok, skip=skip), tok


# --------------------------------------------------------------------------
# Measure
# --------------------------------------------------------------------------


@dataclass
class _Ctx:
    """What the parse says around one figure."""

    chain: list[Token]  # heads from the figure up to the root (not the figure's own tokens)
    near: list[
        str
    ]  # lemmas of the chain up to the first verb, and that verb's particle/object/subject
    gov: Token | None  # first verb above the figure
    of_obj: Token | None  # "half of the teachers": teachers
    after: str  # text right after the figure (60 chars)
    before: str  # text right before the figure (40 chars)
    article_action: bool  # the article is about industrial action


def _lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def _context(
    span: Span, head: Token | None, text: str, rel_start: int, rel_end: int, article_action: bool
) -> _Ctx:
    skip = range(span.start, span.end)
    top = span.root
    while top.head.i != top.i and top.head.i in skip:
        top = top.head
    chain: list[Token] = []
    t = top
    while t.head.i != t.i and len(chain) < 12:
        t = t.head
        if t.i not in skip:
            chain.append(t)
    near: list[str] = []
    gov = None
    for c in chain:
        near.append(_lemma(c))
        if c.pos_ in ("VERB", "AUX"):
            gov = c
            for k in c.children:
                if (
                    k.dep_ in ("prt", "dobj", "attr", "nsubj", "nsubjpass", "acomp", "oprd")
                    and k.i not in skip
                ):
                    near.append(_lemma(k))
                    near.extend(_lemma(g) for g in k.children if g.dep_ in ("compound", "amod"))
            if c.pos_ == "VERB":
                break
    # the noun the figure modifies, and its compounds ("a 4.5 percent offer")
    if top.head.i != top.i and top.head.i >= span.end and top.head.pos_ in ("NOUN", "PROPN"):
        near.append(_lemma(top.head))
    of_obj = None
    for tok in (top, *(c for c in span if c.lower_ in _FRACTIONS or c.like_num)):
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    of_obj = objs[0]
        if of_obj is not None:
            break
    if (
        of_obj is None
        and head is not None
        and head.i not in skip
        and head.pos_ in ("NOUN", "PROPN")
        and head.i > span.end - 1
    ):
        # "about half the country's junior doctors": the possessed noun
        of_obj = head if head.dep_ != "pobj" else None
    return _Ctx(
        chain,
        near,
        gov,
        of_obj,
        text[rel_end : rel_end + 60],
        text[max(0, rel_start - 40) : rel_start],
        article_action,
    )


def _in(words, key: str) -> bool:
    lex = load_figure_lexicon()
    return any(w in lex[key] for w in words)


def _is_striking_subject(tok: Token | None) -> bool:
    """Is `tok` the subject of a verb of taking part in action ("officers ...
    took strike action", "80 members are expected to attend")?"""
    if tok is None:
        return False
    t = tok
    if t.dep_ == "pobj" and t.head.lower_ == "of":
        t = t.head.head  # "half of the teachers will walk out": the quantity is the subject
    while t.dep_ in ("conj", "appos", "compound") and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = t.head
    own = {w.i for w in t.subtree}
    words = [w for w in verb.subtree if (w.i > t.i and w.i not in own) or w.i == verb.i]
    phrase = " ".join(w.text for w in words)
    lemmas = " ".join(_lemma(w) for w in words)
    if re.search(r"\bvot|\bballot|\beligible\b", phrase, re.I):
        return False
    if STRIKE_WORDS.search(_lemma(verb) + " " + phrase):
        return True
    return bool(
        re.search(
            r"\b(?:attend|participate|join|take part|be involve|involve in|turn out|gather|protest|walk)\b",
            lemmas,
        )
    )


def _pay_side(ctx: _Ctx) -> str | None:
    """'claim' or 'offer' from the nearest word on the head chain that says
    which side the pay figure belongs to; None if none does."""
    lex = load_figure_lexicon()
    for c in ctx.chain[:8]:
        lem = _lemma(c)
        if lem in lex["claim_nouns"] or (c.pos_ == "VERB" and lem in lex["claim_lemmas"]):
            return "claim"
        if lem in lex["offer_nouns"] or (c.pos_ == "VERB" and lem in lex["offer_lemmas"]):
            return "offer"
        if c.pos_ == "AUX":
            for k in c.children:
                if k.dep_ in ("attr", "nsubj"):
                    if _lemma(k) in lex["offer_nouns"]:
                        return "offer"
                    if _lemma(k) in lex["claim_nouns"]:
                        return "claim"
        if c.pos_ == "VERB" and c.dep_ not in ("xcomp", "ccomp", "conj", "relcl", "acl"):
            # "want" in "the union wants a rise": look at the subject too
            subj = [k for k in c.children if k.dep_ in ("nsubj", "nsubjpass")]
            if subj and _lemma(subj[0]) in lex["claim_nouns"]:
                return "claim"
            if subj and _lemma(subj[0]) in lex["offer_nouns"]:
                return "offer"
    return None


def _is_hypothetical(ctx: _Ctx) -> bool:
    """ "Every 1 percent ..." is a unit of account, not an offer."""
    return bool(re.search(r"(?i)\b(?:every|each)\s+$", ctx.before))


def _pay_measure(ctx: _Ctx, p: _Parsed) -> str | None:
    lex = load_figure_lexicon()
    near = set(ctx.near)
    gov = _lemma(ctx.gov) if ctx.gov is not None else ""
    if _is_hypothetical(ctx):
        return "other"
    near_text = " ".join(ctx.near)
    if _has_phrase(near_text + " " + ctx.after[:30], lex["pay_cut_phrases"]) or (
        gov in lex["pay_cut_lemmas"]
        and near
        & {
            "pay",
            "wage",
            "wages",
            "salary",
            "salaries",
            "earnings",
            "earning",
            "income",
            "take-home",
        }
    ):
        return "pay_cut"
    if (
        gov in ("earn", "make", "take")
        and ctx.gov is not None
        and not any(
            k.dep_ == "aux" and k.lower_ in ("would", "will", "could", "'d", "’d")
            for k in ctx.gov.children
        )
    ):
        return "other"  # what people earn now, not a bargaining position
    side = _pay_side(ctx)
    if p.unit == "nzd" and (
        near & lex["lump_words"]
        or re.search(r"(?i)^\s*(?:lump[- ]sum|one-off|bonus|payment)", ctx.after)
    ):
        return "lump_sum"
    if gov in ("keep", "limit", "cap", "restrict", "hold", "peg", "constrain", "restrain"):
        return "other"  # a cap on pay increases set by someone outside the bargaining
    if re.match(r"(?i)^\s*(?:more|less|higher|lower|above|below)\s+than\b", ctx.after) or re.match(
        r"(?i)^\s*(?:a year\s+)?(?:faster|slower|more|less)\b", ctx.after
    ):
        return "other"  # a comparison of pay levels or growth
    if (
        side is None
        and gov in ("rise", "grow", "fall", "increase", "climb", "lift", "jump")
        and ctx.gov is not None
        and any(
            _lemma(k) in ("pay", "wage", "salary", "earnings")
            for k in ctx.gov.children
            if k.dep_ in ("nsubj", "nsubjpass")
        )
    ):
        return "other"  # how pay has moved, not a bargaining position
    pay_words = near & lex["pay_nouns"]
    if side == "claim":
        return "pay_claim"
    if side == "offer":
        return "pay_offer"
    if pay_words & {
        "rise",
        "rises",
        "raise",
        "raises",
        "increase",
        "increases",
        "increment",
        "uplift",
        "adjustment",
    }:
        return "pay_offer"
    return None


def classify(
    p: _Parsed,
    first: bool,
    sentence: str,
    head: Token | None,
    ref: RefData,
    subject: str,
    ctx: _Ctx,
) -> str:
    """The codebook measure of one figure."""
    lex = load_figure_lexicon()
    unit = p.unit
    near = set(ctx.near)
    near_text = " ".join(ctx.near) + " " + subject.lower()
    gov = _lemma(ctx.gov) if ctx.gov is not None else ""
    if unit in ("hours", "minutes", "days", "weeks", "months", "years"):
        return _duration_measure(p, first, sentence, subject, ctx)
    if unit == "percent":
        return _percent_measure(p, sentence, head, ref, subject, ctx)
    if unit == "nzd":
        if near & lex["lump_words"] or re.search(
            r"(?i)\blump[- ]sum\s+(?:payment\s+)?of\s+$|one-off\s+(?:payment\s+)?of\s+$", ctx.before
        ):
            return "lump_sum"
        pay = _pay_measure(ctx, p)
        if pay in ("pay_cut", "lump_sum"):
            return pay
        if gov == "cost" and ctx.gov is not None:
            v = ctx.gov
            subj = [k for k in v.children if k.dep_ in ("nsubj", "nsubjpass")]
            while not subj and v.dep_ in ("xcomp", "ccomp", "conj") and v.head.i != v.i:
                v = v.head
                subj = [k for k in v.children if k.dep_ in ("nsubj", "nsubjpass")]
            sl = _lemma(subj[0]) if subj else ""
            if sl in lex["claim_nouns"]:
                return "pay_claim"
            if sl in lex["offer_nouns"]:
                return "pay_offer"
            if sl in lex["cost_projects"] or (
                subj and any(_lemma(g) in lex["cost_projects"] for g in subj[0].subtree)
            ):
                return "funding_amount"
            return "other"
        if near & lex["funding_nouns"] and (
            near & set(lex["change_words"])
            or gov in ("grow", "rise", "increase", "fall", "cut", "boost")
        ):
            return "funding_change"
        if near & lex["funding_nouns"] or gov in lex["funding_lemmas"]:
            return "funding_amount"
        if pay is not None:
            return pay
        return "other"
    # the size of a workforce or membership: "employs about 1400 people",
    # "around 700 of them are members"
    if unit in ("people", "count") and (
        re.match(
            r"(?i)^\s*(?:of\s+(?:them|those|these)\s+)?(?:are|were)\s+(?:union\s+)?members\b",
            ctx.after,
        )
        or (
            unit == "people"
            and re.search(
                r"(?i)\b(?:employs|employ|employing|workforce\s+of)\s+(?:\w+\s+)?$", ctx.before
            )
            and not STRIKE_WORDS.search(sentence)
        )
    ):
        return "members"
    # counts of voters: "162 members voted", "148 backed industrial action"
    if unit in ("people", "count"):
        vote = _vote_count_measure(ctx, sentence)
        if vote is not None:
            return vote
    # counts of people or things
    people = head is not None and (
        head.lower_ in ref.lexicon.people_nouns or head.lower_ in lex["extra_people_nouns"]
    )
    hl = head.lower_ if head is not None else ""
    if (
        _in([hl], "patient_nouns")
        or re.search(
            r"(?i)\b(?:appointments?|procedures?|surger(?:y|ies)|operations?|clinics?)\b", subject
        )
    ) and _has_disruption(sentence):
        return "patients_affected"
    if people and hl not in lex["non_workers"]:
        return _people_measure(head, sentence, ctx)
    if (
        p.unit == "people"
        and head is None
        and ("crowd" in sentence.lower())
        and STRIKE_WORDS.search(sentence)
    ):
        return "workers_involved"
    _ = near_text
    return "other"


_VOTE_FOR_RX = re.compile(
    r"(?i)^\s*(?:[a-z]+\s+){0,2}?(?:voted|vote)\s+(?:in\s+favour|for\b|to\s+(?:strike|take|stop|walk|accept|"
    r"reject|endorse|approve|ratify))"
    r"|^\s*(?:[a-z]+\s+){0,2}?(?:backed|supported|endorsed|approved|ratified)\b"
)
_VOTE_CAST_RX = re.compile(
    r"(?i)^\s*(?:[a-z]+\s+){0,2}?(?:voted|cast\s+(?:a\s+)?(?:votes?|ballots?)|returned\s+(?:their\s+)?ballots?"
    r"|took\s+part\s+in\s+the\s+(?:[a-z]+\s+)?(?:vote|ballot))\b"
)


def _vote_count_measure(ctx: _Ctx, sentence: str) -> str | None:
    """A count of voters: those voting for the action ("148 backed industrial
    action", "300 voted in favour") or all who voted ("162 members voted in
    the ballot")."""
    voted = re.search(r"(?i)\b(?:vot\w*|ballot\w*|endorse\w*)", sentence) or re.match(
        r"(?i)^\s*(?:[a-z]+\s+){0,2}?(?:voted|vote)\b", ctx.after
    )
    if _VOTE_FOR_RX.match(ctx.after) and voted:
        return "vote_in_favour"
    if _VOTE_CAST_RX.match(ctx.after):
        return "vote_turnout"
    return None


def _has_disruption(sentence: str) -> bool:
    return bool(
        re.search(
            r"(?i)\b(?:postpon\w*|cancel\w*|deferr?\w*|resched\w*|affected|disrupt\w*|delay\w*|missed|put off|pushed back|called off)\b",
            sentence,
        )
    )


def _people_measure(head: Token, sentence: str, ctx: _Ctx) -> str:
    lex = load_figure_lexicon()
    clause = " ".join(t.text for t in ctx.gov.subtree) if ctx.gov is not None else sentence
    strong_member = re.search(
        # lower case: "the Maritime Union of New Zealand", "... Representation Service" are names
        r"\b(?:eligible|represent\w*|membership|-strong|covered\s+(?:by|under)|belong\w*\s+to|union\s+of)\b",
        clause + " " + ctx.after[:40],
    )
    if strong_member or re.match(
        r"(?i)^\s*(?:\w+\s+)?(?:of\s+them\s+)?(?:are|were)\s+(?:union\s+)?members\b", ctx.after
    ):
        return "members"
    if re.search(
        r"(?i)\b(?:employs|employ|employing|employed|workforce\s+of)\s+(?:\w+\s+)?$", ctx.before
    ) and not (STRIKE_WORDS.search(sentence)):
        return "members"  # the size of a workforce
    if _is_striking_subject(head):
        return "workers_involved"
    if re.search(
        r"(?i)\b(?:its|their|our|union['’]s|association['’]s|organisation['’]s)\s+(?:\w+\s+)?$",
        ctx.before,
    ) and head.lower_ in ("members", "member"):
        return "members"
    if (
        head.lower_ in ("members", "member")
        and re.search(r"(?i)\b(?:employs|employ|has|have)\s+(?:\w+\s+)?$", ctx.before)
        and not STRIKE_WORDS.search(sentence)
    ):
        return "members"
    gov = _lemma(ctx.gov) if ctx.gov is not None else ""
    if any(_lemma(c) in ("support", "solidarity", "memory", "honour") for c in ctx.chain[:4]):
        return "other"  # "striking in support of a few hundred members": not the people taking part
    if head.dep_ in ("dobj", "pobj", "nsubjpass") and gov in lex["participation_verbs"] - {"vote"}:
        return "workers_involved"
    if (
        _has_phrase(sentence, lex["action_words"])
        or STRIKE_WORDS.search(sentence)
        or (ctx.article_action and re.search(r"(?i)\bnotice\b", sentence))
    ) and not re.search(
        r"(?i)\b(?:recruit\w*|hired?|register\w*|graduat\w*|left|leave|leaving|resign\w*|quit)\b",
        clause,
    ):
        return "workers_involved"
    return "other"


def _percent_measure(
    p: _Parsed, sentence: str, head: Token | None, ref: RefData, subject: str, ctx: _Ctx
) -> str:
    lex = load_figure_lexicon()
    near = set(ctx.near)
    gov = _lemma(ctx.gov) if ctx.gov is not None else ""
    obj = ctx.of_obj
    obj_l = _lemma(obj) if obj is not None else ""
    people_obj = obj is not None and (
        obj.lower_ in ref.lexicon.people_nouns
        or obj_l in ref.lexicon.people_nouns
        or obj.lower_ in lex["extra_people_nouns"]
        or obj_l in ("those", "whom", "who")
    )
    # votes: "voted 93 percent in favour", "89.6% backed a stoppage"
    if re.search(r"(?i)\b(?:voted|voting|vote\s+was)\s+$", ctx.before) or re.match(
        r"(?i)^\s*(?:of\s+(?:members|those|voters)\s+)?(?:voted\s+|voting\s+)?(?:in\s+favou?r\b|backed\b"
        r"|supported\b|endorsed\b|said\s+yes\b)",
        ctx.after,
    ):
        return "vote_in_favour"
    if (
        "turnout" in near
        or "turn-out" in near
        or re.search(r"(?i)\bturnout\s+(?:of|was|at)\s+$", ctx.before)
    ):
        return "vote_turnout"
    if people_obj or (head is not None and head.lower_ in ("vote", "votes", "ballot", "ballots")):
        obj_sub = " ".join(t.text for t in obj.subtree) if obj is not None else ""
        voted = re.search(r"(?i)\b(?:vot\w*|ballot\w*)\b", obj_sub + " " + subject)
        turnout_verb = gov in ("participate", "return", "cast") or (
            gov == "take" and "part" in near
        )
        if turnout_verb and (voted or re.search(r"(?i)\bballot|\bvote", sentence)):
            return "vote_turnout"
        if gov in lex["vote_lemmas"] or (voted and gov in lex["vote_lemmas"] | {""}):
            if (
                gov in ("vote", "ballot")
                and ctx.gov is not None
                and not any(
                    k.dep_ in ("prep", "xcomp", "dobj", "advmod", "ccomp") for k in ctx.gov.children
                )
            ):
                return "vote_turnout"
            return "vote_in_favour"
    if (
        head is not None
        and head.lower_ in ("vote", "votes")
        and re.search(r"(?i)\bin favour|\bfor\b", ctx.after[:20])
    ):
        return "vote_in_favour"
    # vacancies
    obj_clause = " ".join(t.text for t in obj.subtree) if obj is not None else ""
    if near & lex["vacancy_words"] or (
        obj is not None
        and re.search(
            r"(?i)\b(?:vacant|unfilled|vacanc\w*)\b",
            obj_clause
            + " "
            + " ".join(t.text for t in (ctx.gov.subtree if ctx.gov is not None else []))
            if obj_l in lex["count_not_people"]
            else "",
        )
    ):
        return "vacancy_rate"
    if re.search(r"(?i)\bvacancy\s+rate\s+(?:of|is|was|at|sits at|stands at)\s+$", ctx.before):
        return "vacancy_rate"
    # funding
    funded = re.search(r"(?i)^\s*(?:\w+\s+)?funded\b", ctx.after) or (obj_l in lex["funding_nouns"])
    if funded:
        return "funding_share"
    if near & lex["funding_nouns"] or (
        gov in lex["funding_lemmas"] and gov not in ("set", "receive")
    ):
        if near & set(lex["change_words"]) or gov in (
            "grow",
            "rise",
            "increase",
            "fall",
            "cut",
            "boost",
        ):
            return "funding_change"
        return "funding_share"
    pay = _pay_measure(ctx, p)
    if pay is not None:
        return pay
    # the share of a funding total that changed ("a 32 percent increase" in a funding sentence)
    if (
        (near & {"increase", "rise", "boost", "cut", "decrease", "jump"})
        and re.search(r"(?i)\bfund\w*|\$\s?\d", sentence)
        and not re.search(r"(?i)\b(?:pay|wage|salar)", sentence)
    ):
        return "funding_change"
    if people_obj:
        if _is_striking_subject(obj):
            return "workers_share"
        if obj_l in (
            "staff",
            "workforce",
            "employee",
            "worker",
            "personnel",
            "crew",
        ) or obj.lower_ in ("staff", "workforce", "employees", "workers", "personnel", "crews"):
            return "staff_share"
        return "other"
    if head is not None and head.lower_ in ("staff", "workforce"):
        return "workers_share" if _is_striking_subject(head) else "staff_share"
    return "other"


def _duration_measure(p: _Parsed, first: bool, sentence: str, subject: str, ctx: _Ctx) -> str:
    lex = load_figure_lexicon()
    near = set(ctx.near)
    _lemma(ctx.gov) if ctx.gov is not None else ""
    after = ctx.after
    if p.unit in ("hours", "minutes") and (
        first
        or re.match(
            r"(?i)^\s*(?:of|at the (?:start|end) of|from)\s+(?:each|every|their|his|her|a|the)?\s*(?:\w+\s+)?(?:shifts?|working days?|work days?|school days?)\b",
            after,
        )
    ):
        return "hours_withdrawn"
    if re.match(r"(?i)^(?:['’]s?|s['’])?\s*(?:written\s+)?notice\b", after):
        return "other"  # "14 days' notice": the notice period, not the action
    if first:
        return "strike_duration"
    if re.match(
        r"(?i)^\s*(?:before|after|ago|into|since|prior)\b|^\s*(?:later|earlier)\s*(?:[,.;]|$|that\b|on\b|than\b)",
        after,
    ):
        return "other"  # a time offset, not a length
    # the noun the duration modifies ("a two-hour stopwork meeting", "16-hour shifts")
    mod = re.match(r"(?i)^\s*((?:[\w-]+\s+){0,2}[\w-]+)", after)
    mod_text = mod.group(1).lower() if mod else ""
    hyphen = "-" in (ctx.before[-1:] + subject[:0]) or re.search(
        r"-(?:hour|day|week|month|year|minute)s?$|-long$", subject
    )
    if re.match(r"(?i)^\s*(?:[\w-]+\s+)?(?:shifts?|stretch\w*)\b", after) and not _has_phrase(
        mod_text, lex["action_nouns"]
    ):
        return "other"  # "16-hour shifts": a length of work, not of the action
    if _has_phrase(mod_text, lex["action_nouns"]) and (
        hyphen
        or re.match(
            r"(?i)^\s*(?:\w+\s+)?(?:strike|stoppage|walkout|lockout|stopwork|stop-work|action|ban|picket|rally|protest)",
            after,
        )
    ):
        return "strike_duration"
    if hyphen and _has_phrase(mod_text, lex["negotiation_words"]):
        return "negotiation_duration"
    verbs = [_lemma(c) for c in ctx.chain if c.pos_ == "VERB"][:2]
    stop_work = not set(verbs) <= {"stop", "close", "shut", "work"} or re.search(
        r"(?i)\bwork\b", sentence
    )
    if (
        any(v in lex["action_verbs"] for v in verbs)
        and not re.search(r"(?i)\bvot", subject)
        and stop_work
    ):
        return "strike_duration"
    if near & lex["negotiation_words"] or re.search(
        r"(?i)^\s*of\s+(?:\w+\s+)?(?:talks|negotiations?|bargaining|mediation|facilitation|dispute)\b",
        after,
    ):
        return "negotiation_duration"
    if re.search(
        r"(?i)\b(?:negotiat\w*|talks|bargaining|mediation|facilitation)\b", sentence
    ) and p.unit in ("weeks", "months", "years"):
        return "negotiation_duration"
    if (
        STRIKE_WORDS.search(sentence)
        and p.unit in ("hours", "minutes", "days", "weeks")
        and not re.search(r"(?i)\b(?:working|worked|work)\b", subject)
    ):
        return "strike_duration"
    if _has_phrase(mod_text, lex["negotiation_words"]) or (
        p.unit in ("months", "years") and re.search(r"(?i)\b(?:dispute|negotiat\w*)\b", mod_text)
    ):
        return "negotiation_duration"
    # "during the four days", "on each of those two days": the action, referred back to
    if (
        ctx.article_action
        and p.unit in ("hours", "days")
        and re.search(r"(?i)\b(?:the|those|these)\s+$", ctx.before)
    ):
        return "strike_duration"
    return "other"


def _people_unit(p: _Parsed, head: Token | None, ref: RefData) -> _Parsed:
    lex = load_figure_lexicon()
    if p.unit != "count" or head is None:
        return p
    low = head.lower_
    if low in lex["count_not_people"]:
        return p
    if low in ref.lexicon.people_nouns or low in lex["extra_people_nouns"]:
        return _Parsed(p.value, p.value_max, "people", p.qualifier)
    return p


# --------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------


def extract_figures(
    doc: Doc, sents: list[Sentence], ref: RefData, speakers: list[str | None]
) -> list[FigureMention]:
    """Every figure in the article, in text order (event_index left None)."""
    out: list[FigureMention] = []
    body = doc.text  # Doc.text is rebuilt on every access: read it once
    names_by_sent = _names_by_sentence(doc, sents)
    article_action = bool(STRIKE_WORDS.search(body))
    for se in sents:
        text = se.text
        names = names_by_sent.get(se.index, [])
        excluded = _excluded_spans(text)
        speaker = _figure_speaker_base(body, se, speakers[se.index])
        cands: list[tuple[int, int, re.Match[str], bool]] = [
            (m.start(), m.end(), m, False) for m in FIGURE_RX.finditer(text)
        ]
        cands += [(m.start(), m.end(), m, True) for m in _FIRST_UNIT_RX.finditer(text)]
        cands.sort(key=lambda c: (c[0], -c[1]))
        taken: list[tuple[int, int]] = []
        for s, e, m, single in cands:
            if any(s < te and ts < e for ts, te in taken):
                continue
            try:
                fig = _figure(
                    doc, body, se, m, excluded, names, ref, speaker, article_action, single
                )
            except (ValueError, IndexError, KeyError, ZeroDivisionError, OverflowError):
                fig = None  # never let one odd number stop the article
            if fig is None:
                continue
            out.append(fig)
            taken.append((fig.char_start - se.start, fig.char_end - se.start))
            # "6 percent over two years": the period is not a figure of its own
            pm = _period_match(text[fig.char_end - se.start :])
            if pm:
                excluded.append((fig.char_end - se.start, fig.char_end - se.start + pm.end()))
    return out


def _names_by_sentence(doc: Doc, sents: list[Sentence]) -> dict[int, list[tuple[int, int]]]:
    """Char ranges of named entities, grouped by sentence (one pass over doc.ents)."""
    starts = [se.start for se in sents]
    out: dict[int, list[tuple[int, int]]] = {}
    for ent in doc.ents:
        if ent.label_ in _NAME_ENTS:
            i = bisect.bisect_right(starts, ent.start_char) - 1
            if i >= 0:
                out.setdefault(sents[i].index, []).append((ent.start_char, ent.end_char))
    return out


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Char ranges (relative to `text`) where numbers are not figures: dates,
    clock times and phone numbers."""
    spans = [(t.start, t.end) for t in find_temporals(text) if t.kind != "duration"]
    spans += [(m.start(), m.end()) for m in _PHONE_RX.finditer(text)]
    return spans


def _is_label(before: str) -> bool:
    lex = load_figure_lexicon()
    m = re.search(r"([A-Z][\w.]*)\s*$", before)
    if not m:
        return False
    if m.group(1) in lex["label_words"]:
        return True
    two = re.search(r"([A-Z][\w.]*\s+[A-Z][\w.]*)\s*$", before)
    return bool(two and two.group(1) in lex["label_words"]) or bool(re.search(r"#\s*$", before))


def _not_a_figure(text: str, m: re.Match[str], ref: RefData, single: bool) -> bool:
    """Rules that reject a number match by its surroundings."""
    lex = load_figure_lexicon()
    ns, ne = m.span("num") if not single else m.span()
    num = m.group("num") if not single else m.group(0)
    unit_txt = "" if single else (m.group("unit") or "")
    before, after_num = text[:ns], text[ne:]
    low = re.sub(r"\s+", " ", num.lower())
    if _ORDINAL_AFTER.match(after_num) or (not unit_txt and _CLOCK_AFTER.match(after_num)):
        return True
    if (
        re.match(r"^[/:]\d", after_num)
        or re.search(r"\d[/:]$", before)
        or re.match(r"^/", after_num)
    ):
        return True  # 24/7, 4:30, dates written with slashes
    if (
        re.match(r"^[A-Za-z]", after_num)
        and not unit_txt
        and "$" not in num
        and not re.fullmatch(_CENTS, num, re.I)
        and not re.search(r"[a-z]$", low)
    ):
        return True  # "1990s", "4x4", "3D"
    if re.search(r"[A-Za-z]-$", before) or re.search(r"[A-Za-z]$", before):
        return True  # part of a name such as "Covid-19"
    if re.fullmatch(r"0\d+", num):
        return True  # leading zero: a code or part of a phone number
    if _is_label(before) and not unit_txt and "$" not in num:
        return True  # "Year 9", "Level 4"
    if single:
        return False
    is_word = bool(re.fullmatch(r"[a-z\- ]+", low))
    if re.fullmatch(r"(?:1[89]|20)\d{2}", num) and not unit_txt and not m.group("num2"):
        # a year, unless it plainly counts something ("around 2000 elective procedures")
        counted = re.match(r"^\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s\b", after_num)
        if not counted or (not m.group("qual") and _TIME_PREPS.search(before)):
            return True
    if not unit_txt and "$" not in num and _CLOCK_BEFORE.search(text[: m.start()]):
        val = _num_value(num) if not is_word else _word_value(low)
        if (
            val is not None
            and val <= 12
            and (
                re.match(r"^\s*(?:[,.;)]|$|and\b|on\b|to\b|until\b|in the\b|o['’]clock)", after_num)
            )
        ):
            return True  # "start at four", "from 4 until 8"
    if low in ("a", "an", "half a", "half an"):
        if not (m.group("qual") or re.search(r"(?i)\b(?:for|lasting|than|of)\s+$", before)):
            return True  # rates and idioms ("once a week") are not durations
        if re.match(r"(?i)^[\s-]*\w+\s+(?:ago|later|earlier|before|after)\b", after_num):
            return True
    if (
        (_fraction_value(low) is not None or low in _FRACTIONS)
        and not unit_txt
        and " in " not in low
    ):
        if (
            not m.group("qual")
            and not re.search(r"(?i)\bby\s+$", before)
            and not re.match(
                r"(?i)^(?:\s+(?:of|the|their|its|our|his|her|those|these|all|a|an|that|this)\b|\s*[,.;:)\"”]|\s*$)",
                after_num,
            )
        ):
            return True  # "a third strike": an ordinal
        if re.search(r"(?i)\b(?:the|first|second|latter|other|final|last)\s+$", before):
            return True  # "the second half of the year"
    nxt = re.match(r"\s*([A-Za-z]+)", after_num)
    next_word = nxt.group(1).lower() if nxt else ""
    if (
        is_word
        and low not in _VAGUE
        and _fraction_value(low) is None
        and not low.endswith("half")
        and not low.endswith("-long")
    ):
        if low in ("one", "zero") and not unit_txt:
            return True
        if not unit_txt and (
            next_word in ref.lexicon.generic_count_nouns or next_word in ("of", "")
        ):
            return True
        if not unit_txt and re.search(r"(?i)\b(?:the|those|these|both|all)\s+$", before):
            return True  # "the two unions": a reference, not a quantity
    counted = _COUNTED_NOUN.match(after_num) if not unit_txt else None
    if counted is not None:
        # "two further strikes": each is an events row ("180 union members" counts members)
        w, nxt = counted.group(1).lower(), (counted.group(2) or "").lower()
        if w in lex["event_count_nouns"] and "$" not in num and nxt not in _MEMBER_NOUNS:
            return True
    if (
        low == "one"
        and unit_txt
        and re.search(r"(?i)\bfrom\s+$", before)
        and re.match(r"(?i)^\s*to\s+the\s+next|^\s*to\s+another", text[m.end() :])
    ):
        return True  # "from one day to the next"
    if unit_txt and re.match(r"(?i)^\s*ago\b", text[m.end() :]):
        return True  # "five years ago": a date, not a quantity
    # "in the last five years": "last" is a time reference here, not the
    # last part of a shift
    if (
        unit_txt
        and (m.group("first") or "").strip().lower() == "last"
        and re.search(r"(?i)\b(?:the|over|in|within|during)\s+$", text[: m.start()])
        and re.search(r"(?i)(?:week|month|year|decade)s?$", unit_txt.strip())
    ):
        return True
    # "over the past two years": a time reference, not a quantity
    past = re.search(
        r"(?i)\b(?:past|next|coming|previous|last|following|first)\s+$", text[: m.start()]
    )
    return bool(unit_txt and past and not m.group("qual"))


def _figure(doc: Doc, body: str, se: Sentence, m: re.Match[str], excluded, names, ref: RefData,
            speaker: str | None, article_action: bool, single: bool) -> FigureMention | None:  # fmt: skip
    text = se.text
    if single:
        ns, ne = m.span()
        start, end = m.span()
        unit, _ = _time_unit(m.group("unit"))
        value = 0.5 if m.group("unit").lower().startswith("half") else 1.0
        parsed: _Parsed | None = _Parsed(value, None, unit, "exact")
        first = True
        _is_word, low = False, ""
    else:
        ns, ne = m.span("num")
        num = m.group("num")
        low = re.sub(r"\s+", " ", num.lower())
        bool(re.fullmatch(r"[a-z\- ]+", low))
        first = bool(m.group("first"))
        start, end = m.start(), m.end()
        parsed = None
    if any(ns < e and s < ne for s, e in excluded):
        return None
    # a named entity hides a number only when it has words beyond the figure ("NZ$4.5b" tagged ORG is money)
    if any(
        ns < e - se.start
        and s - se.start < ne
        and not (start <= s - se.start and e - se.start <= end)
        for s, e in names
    ):
        return None
    if _not_a_figure(text, m, ref, single):
        return None
    if not single:
        unit_txt = m.group("unit") or ""
        if first and not unit_txt:
            return None  # "first two" without a unit: an ordinal phrase
        parsed = _parse(m)
        if parsed is None:
            return None
        if first and m.group("qual"):
            start = m.start("first")
        if not first and m.group("first"):
            start = m.start("num")
        if m.group("qual") and m.group("first") and not first:
            start = m.start("num")
        # a bare exact count takes the noun it counts ("two separate offers", "28 patients")
        if parsed.unit == "count" and not unit_txt and not m.group("qual") and low not in _VAGUE and not m.group("num2") \
                and "$" not in num and _fraction_value(low) is None:  # fmt: skip
            nm = re.match(r"\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\b", text[end:])
            if nm:
                noun_end = _counted_noun_end(doc, se.start + end, se.start + end + 40)
                if noun_end is not None:
                    end = noun_end - se.start
                    w = re.search(r"([a-z]+)$", text[:end])
                    if w and re.fullmatch(_TIME_UNIT, w.group(1)):
                        tu, mult = _time_unit(w.group(1))
                        parsed = _Parsed(parsed.value * mult, None, tu, parsed.qualifier)
    assert parsed is not None
    cs, ce = se.start + start, se.start + end
    span = doc.char_span(cs, ce, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    subject, head = subject_of(span, parsed.unit)
    parsed = _people_unit(parsed, head, ref)
    if (
        parsed.unit == "count"
        and re.search(r"(?i)\bcrowds?\b", text)
        and re.search(
            r"(?i)\b(?:put|estimated|numbered|of)\s+(?:it\s+)?at\s+$|\bcrowd\s+of\s+$", text[:start]
        )
    ):
        parsed = _Parsed(parsed.value, parsed.value_max, "people", parsed.qualifier)
    ctx = _context(span, head, text, start, end, article_action)
    measure = classify(parsed, first, text, head, ref, subject, ctx)
    if parsed.unit == "count" and measure in ("vote_in_favour", "vote_turnout", "members"):
        parsed = _Parsed(parsed.value, parsed.value_max, "people", parsed.qualifier)
    if (
        parsed.unit == "people"
        and head is not None
        and head.pos_ == "VERB"
        and re.search(r"(?i)\bcrowds?\b", text)
    ):
        measure = "workers_involved" if STRIKE_WORDS.search(text) else measure
    period = _period(text[end:]) if parsed.unit in ("percent", "nzd", "count", "people") else None
    if period is None and parsed.unit == "nzd":
        # "about $20.50 an hour after 18 months of bargaining": a rate right after an amount
        rate = _ADJACENT_RATE.match(text, end)
        period = (
            ("year" if rate.group(1).lower() == "annum" else rate.group(1).lower())
            if rate
            else None
        )
    return FigureMention(
        char_start=cs,
        char_end=ce,
        text=body[cs:ce],
        value=float(parsed.value),
        unit=parsed.unit,
        qualifier=parsed.qualifier,
        measure=measure,
        subject=subject,
        sentence=text,
        value_max=parsed.value_max,
        period=period,
        speaker_id=_figure_speaker(span, speaker, text),
    )


def _counted_noun_end(doc: Doc, num_end: int, limit: int) -> int | None:
    """End char of the noun a bare number counts ("28 patients", "eight
    operating theatres"), when the parse makes the number its nummod."""
    num_span = doc.char_span(num_end - 1, num_end, alignment_mode="expand")
    if num_span is None or len(num_span) == 0:
        return None
    tok = num_span[-1]
    head = tok.head
    if (
        tok.dep_ != "nummod"
        or head.i <= tok.i
        or head.pos_ not in ("NOUN",)
        or head.idx + len(head) > limit
    ):
        return None
    between = head.doc[tok.i + 1 : head.i]
    if any(t.head.i != head.i or t.dep_ not in ("amod", "compound", "nmod") for t in between):
        return None
    if any(
        t.tag_ == "VBD" or t.lower_ in ("backed", "supported", "endorsed", "voted") for t in between
    ):
        return None  # "212 backed industrial action": a verb misparsed as a modifier
    return head.idx + len(head.text)


# --------------------------------------------------------------------------
# Who said it
# --------------------------------------------------------------------------


def _inside_quote(body: str, se: Sentence) -> bool:
    """Is the sentence (part of) a quotation: it has a quote mark, or its
    paragraph has an open quotation before it?"""
    if any(q in se.text for q in ('"', "“", "”")):
        return True
    para_start = body.rfind("\n", 0, se.start) + 1
    before = body[para_start : se.start]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


def _figure_speaker_base(body: str, se: Sentence, speaker: str | None) -> str | None:
    """The sentence's speaker, kept only where the sentence itself attributes
    (a speech verb, "according to") or is a quotation: plain narration next
    to a quote is not attributed to its speaker."""
    if speaker is None:
        return None
    if _inside_quote(body, se):
        return speaker
    if any(_lemma(t) in _SPEECH and t.pos_ in ("VERB", "AUX") for t in se.span) or re.search(
        r"(?i)\baccording to\b", se.text
    ):
        return speaker
    # reported speech goes on in the past tense ("Quin said ... The service was
    # 82 percent funded."); the narrator's present tense ("It gives officers ...") does not
    root = next((t for t in se.span if t.dep_ == "ROOT"), None)
    if root is not None and (
        root.tag_ in ("VBD", "VBN")
        or any(
            c.dep_ in ("aux", "auxpass")
            and c.tag_ in ("VBD", "MD")
            and c.lower_ not in ("will", "can", "may", "shall")
            for c in root.children
        )
    ):
        return speaker
    return None


def _figure_speaker(span: Span, speaker: str | None, sentence: str) -> str | None:
    """Drop the speaker for a figure that is part of the speaker's own
    description ("Commuter X, who waited 40 minutes, said ...") or of a
    definite reference to the action outside a quotation ("... during the
    24-hour industrial action")."""
    if speaker is None:
        return None
    for t in span:
        a, described = t, False
        while a.head.i != a.i:
            described = described or a.dep_ in ("relcl", "acl", "appos")
            if a.dep_ in ("nsubj", "nsubjpass") and _lemma(a.head) in _SPEECH and described:
                return None
            a = a.head
    if not any(q in sentence for q in ('"', "“", "”")):
        top = span.root
        while top.head.i != top.i and top.head.i in range(span.start, span.end):
            top = top.head
        h = top.head
        if (
            (
                top.dep_ in ("amod", "compound", "nummod", "nmod")
                and h.i != top.i
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)
            )
            and h.dep_ == "pobj"
            and h.head.lower_
            in (
                "during",
                "throughout",
                "before",
                "after",
                "of",
                "ahead",
            )
        ):
            return None
    return speaker


# --------------------------------------------------------------------------
# Linking figures to events
# --------------------------------------------------------------------------

_STRIKES = frozenset({"strike", "partial_strike"})
# Which event types a measure describes.
MEASURE_EVENT_TYPES: dict[str, frozenset[str]] = {
    "workers_involved": _STRIKES | {"other_action", "rally"},
    "workers_share": _STRIKES | {"other_action", "rally"},
    "staff_share": _STRIKES,
    "strike_duration": _STRIKES | {"other_action", "rally"},
    "hours_withdrawn": _STRIKES | {"other_action"},
    "patients_affected": _STRIKES | {"other_action"},
    "vote_in_favour": frozenset({"strike_vote", "settlement", "offer"}),
    "vote_turnout": frozenset({"strike_vote", "settlement", "offer"}),
    "pay_offer": frozenset({"offer", "settlement"}),
    "lump_sum": frozenset({"offer", "settlement"}),
    "members": frozenset({"settlement"}),
}
# A figure of these measures is about the event it is written next to; the
# rest (claims, funding, vacancies, negotiation lengths, background) are not.
_NEVER = {"pay_claim", "funding_amount", "funding_share", "funding_change", "vacancy_rate",
          "negotiation_duration", "other", "pay_cut"}  # fmt: skip


def _date_offset(
    ev: EventMention, fig: FigureMention, stated: tuple[int, int] | None = None
) -> int | None:
    """Characters from the figure to where the event's dates are written (0
    when the figure is inside them), or None when that is not known.
    `stated` is where the figure's sentence states the event, if known."""
    if stated is not None:
        a, b = stated
    else:
        if not ev.date_text or not (ev.char_start <= fig.char_start < ev.char_end):
            return None
        at = ev.text.find(ev.date_text)
        if at < 0:
            return None
        a, b = ev.char_start + at, ev.char_start + at + len(ev.date_text)
    if a <= fig.char_start < b:
        return 0
    return fig.char_end - a if fig.char_end <= a else fig.char_start - b + 1


def link_event(fig: FigureMention, sent_index: int, events: list[EventMention],
               event_sents: list[frozenset[int]],
               statement_spans: list[dict[int, tuple[int, int]]] | None = None) -> int | None:  # fmt: skip
    """Index of the in-article event a figure describes, or None.

    - People taking part, durations, hours withdrawn, patients affected: the
      action in the same sentence, else the nearest action stated before it
      (else the first one after). A workers count in a notice sentence goes to
      the strike the notice is for where the sentence states both.
    - Vote shares: the strike_vote (or, for a ratification, the settlement or
      offer voted on) in the sentence, else the nearest earlier one.
    - Pay offers and lump sums: the offer or settlement in the sentence, else
      the nearest earlier one.
    - Members: only a settlement in the same sentence (the people an agreement
      covers).
    - Claims, funding, vacancies, negotiation lengths, `other`: None.
    Cancelled or hypothetical events are still candidates (the figure is
    about them all the same). `statement_spans` gives, per event, where each
    of its sentences states it (to tell apart several in one sentence).
    Pure: no text access beyond the records.
    """
    types = MEASURE_EVENT_TYPES.get(fig.measure)
    if fig.measure == "other" and fig.unit in ("count", "people") and _has_disruption(fig.sentence):
        types = _STRIKES | {"other_action"}  # what the action disrupts ("300 services cancelled")
    elif fig.measure == "members" and re.search(
        r"(?i)\b(?:agreement|deal|settlement|contract)\b", fig.sentence
    ):
        types = frozenset({"settlement"})  # "2700 officers are covered by the agreement"
    elif fig.measure in _NEVER or fig.measure == "members":
        return None
    if not types or not events:
        return None
    in_sentence = [
        i for i, ss in enumerate(event_sents) if sent_index in ss and events[i].event_type in types
    ]
    if fig.measure in ("vote_in_favour", "vote_turnout"):
        order = ["strike_vote", "settlement", "offer"]
        in_sentence.sort(key=lambda i: order.index(events[i].event_type))
    elif fig.measure == "workers_involved":
        order = ["strike", "partial_strike", "other_action", "rally", "strike_notice"]
        in_sentence.sort(key=lambda i: order.index(events[i].event_type))
    if len(in_sentence) > 1:
        # "for 24 hours from 6am on Friday, for 48 hours from 6am on Tuesday":
        # of several occurrences of one type in the sentence, the one whose
        # dates are stated nearest the figure
        first_type = events[in_sentence[0]].event_type
        same = [i for i in in_sentence if events[i].event_type == first_type]
        near = [(abs(d), i) for i in same
                if (d := _date_offset(events[i], fig, statement_spans[i].get(sent_index)
                                      if statement_spans else None)) is not None]  # fmt: skip
        if len(near) > 1:
            return min(near)[1]
    if in_sentence:
        return in_sentence[0]
    # nearest event of a fitting type stated at or before the figure's sentence
    fitting = [
        i
        for i, ev in enumerate(events)
        if ev.event_type in types and ev.event_type != "strike_notice"
    ]
    if fig.measure in ("vote_in_favour", "vote_turnout"):
        votes = [i for i in fitting if events[i].event_type == "strike_vote"]
        fitting = votes or fitting
    earlier = [i for i in fitting if event_sents[i] and min(event_sents[i]) <= sent_index]
    if fig.measure == "workers_involved" and any(events[i].event_type in _STRIKES for i in earlier):
        earlier = [
            i for i in earlier if events[i].event_type in _STRIKES
        ]  # a rally nearby is not the strike
    if earlier:
        return max(earlier, key=lambda i: (max(s for s in event_sents[i] if s <= sent_index), -i))
    later = [i for i in fitting if event_sents[i]]
    return min(later, key=lambda i: min(event_sents[i])) if later else None
