"""Figures: every substantive number in an article, as news writes them.

What belongs here: finding numbers ("2,500", "about 75 percent", "$4.5b",
"a few hundred", "half", "1 to 1.5%", "24-hour", "first four hours"), their
value/unit/qualifier/period, the measure they express (from the sentence),
the noun phrase they are about (from the dependency parse) and who said them.
What does not: linking figures to events (done in `__init__` once events are
known), dates and clock times (dates.py: they are not figures).

Not figures: clock times, dates, years standing alone, ordinals, phone
numbers, numbers inside names ("Covid-19").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract.context import Sentence
from pipeline.extract.dates import find_temporals
from pipeline.extract.records import FigureMention
from pipeline.extract.refdata import RefData

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
    "hundreds": (200, None, "approximately"),
    "thousands": (2000, None, "approximately"),
    "dozens": (24, None, "approximately"),
    "a dozen": (12, None, "exact"),
    "half": (50, "percent", None),
    "a half": (50, "percent", None),
    "one half": (50, "percent", None),
    "a third": (100 / 3, "percent", None),
    "one third": (100 / 3, "percent", None),
    "one-third": (100 / 3, "percent", None),
    "two-thirds": (200 / 3, "percent", None),
    "two thirds": (200 / 3, "percent", None),
    "a quarter": (25, "percent", None),
    "one quarter": (25, "percent", None),
    "three-quarters": (75, "percent", None),
    "three quarters": (75, "percent", None),
}  # fmt: skip
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "b": 1e9,
           "bn": 1e9, "trillion": 1e12}  # fmt: skip
_QUALIFIERS = {
    "about": "approximately", "around": "approximately", "roughly": "approximately",
    "approximately": "approximately", "some": "approximately", "an estimated": "approximately",
    "close to": "approximately", "nearly": "up_to", "almost": "up_to", "up to": "up_to",
    "as many as": "up_to", "just under": "up_to", "more than": "more_than", "over": "more_than",
    "just over": "more_than", "upwards of": "more_than", "in excess of": "more_than",
    "at least": "at_least", "less than": "less_than", "fewer than": "less_than", "under": "less_than",
}  # fmt: skip

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
_WORDNUM = rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))?)(?:\s+(?:hundred|thousand|million))?"
_VAGUE_RX = "|".join(re.escape(v) for v in sorted(_VAGUE, key=len, reverse=True))
_QUAL_RX = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_SCALE_RX = r"(?:\s?(?:million|billion|trillion|thousand)\b|(?:m|mn|b|bn|k)\b)"
_MONEY = rf"(?:NZ|US|AU|A)?\$\s?(?:{_NUM}){_SCALE_RX}?"
_TIME_UNIT = r"(?:minute|min|hour|hr|day|week|fortnight|month|year)s?"

FIGURE_RX = re.compile(
    rf"(?<![\w$.,])(?P<qual>(?i:{_QUAL_RX})\s+)?"
    rf"(?P<first>(?i:first|last|final)\s+)?"
    rf"(?P<num>{_MONEY}|(?i:{_VAGUE_RX})|{_NUM}{_SCALE_RX}?|(?i:\b{_WORDNUM}\b))"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<num2>{_MONEY}|{_NUM}{_SCALE_RX}?)(?!\s*(?:am|pm)\b))?"
    rf"(?P<unit>\s*%|\s*(?i:percent|per cent)\b|-(?i:{_TIME_UNIT})\b|\s+(?i:{_TIME_UNIT})\b)?"
)
_PERIOD_RX = re.compile(
    r"^\s*(?:(?:pay\s+|wage\s+|salary\s+)?(?:increase|rise|raise|boost|cut|hike|uplift)s?\s+)?"
    r"(?:(?P<rate>a|an|per|each|every)\s+(?P<unit>year|annum|hour|week|month|day|fortnight)\b"
    r"|(?P<annual>annually|yearly)\b"
    r"|over\s+(?:the\s+next\s+)?(?P<n>\d+|two|three|four|five|six)\s+(?P<unit2>years|months)\b)",
    re.I,
)
_PHONE_RX = re.compile(r"\b(?:0800|0508|0900)[\s-]?\d{3}[\s-]?\d{3,4}\b|(?i:\b(?:call|dial|phone|ring|text)\s+)(?P<short>\d{3,})\b")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")

STRIKE_WORDS = re.compile(r"\b(?:strik\w*|industrial action|walk\w* (?:off|out)|walkout|stoppage|stop work|down tools|withdraw\w* (?:their )?labour|action)\b", re.I)
_NEGOTIATION = re.compile(r"\b(?:negotiat\w*|talks|bargaining|mediation|dispute)\b", re.I)
_VOTE = re.compile(r"\b(?:vot\w*|ballot\w*|endorse\w*)\b", re.I)
_FUND = re.compile(r"\b(?:fund\w*)\b", re.I)
_FUND_VERBS = re.compile(r"\b(?:provid\w*|allocat\w*|invest\w*|grant\w*|inject\w*|budget\w*|contribut\w*)\b", re.I)
_CHANGE = re.compile(r"\b(?:increase\w*|rise|rises|rose|boost\w*|cut|cuts|decrease\w*|jump\w*|grow\w*|growth|more)\b", re.I)
_PAY = re.compile(r"\b(?:pay|wage\w*|salar\w*|remuneration)\b", re.I)
_CLAIM = re.compile(r"\b(?:claim\w*|seek\w*|sought|asking|demand\w*|want\w*|call\w* for)\b", re.I)
_OFFER = re.compile(r"\b(?:offer\w*|propos\w*)\b", re.I)
_PAYCUT = re.compile(r"\bpay cut\b|\breal[- ]terms cut\b", re.I)
_LUMP = re.compile(r"\b(?:lump[- ]sum|one-off|payment)\b", re.I)
_PATIENTS = re.compile(r"\b(?:patients?|appointments?|procedures?|surger\w*|operations?|clinics?)\b", re.I)
_DISRUPT = re.compile(r"\b(?:postpon\w*|cancel\w*|deferr?\w*|resched\w*|affected|disrupt\w*)\b", re.I)
_VACANCY = re.compile(r"\bvacan\w*\b", re.I)
_TURNOUT = re.compile(r"\bturnout\b|\bparticipat\w*\b", re.I)
_SHIFT = re.compile(r"\bshifts?\b", re.I)

_NAME_ENTS = {"ORG", "PERSON", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT", "NORP"}
_UNIT_NOUNS = {"percent", "%", "cent", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
               "year", "years", "minute", "minutes", "million", "billion", "thousand", "$", "dollar",
               "dollars", "hundred", "m", "b", "bn", "k"}  # fmt: skip


@dataclass(frozen=True)
class _Parsed:
    value: float
    value_max: float | None
    unit: str
    qualifier: str


def _num_value(s: str) -> float | None:
    s = s.strip()
    money = "$" in s
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
    low = s.lower()
    if low in _VAGUE:
        return float(_VAGUE[low][0])
    return _word_value(low)


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


def _time_unit(u: str) -> str:
    u = u.strip(" -").lower()
    for key, unit in (("min", "minutes"), ("h", "hours"), ("d", "days"), ("w", "weeks"),
                      ("f", "weeks"), ("mo", "months"), ("y", "years")):  # fmt: skip
        if u.startswith(key):
            return unit
    return "count"


def _excluded_spans(names: list[tuple[int, int]], text: str, offset: int) -> list[tuple[int, int]]:
    """Char ranges (relative to `text`) where numbers are not figures; `names`
    are the char ranges of named entities in the sentence."""
    spans = [(t.start, t.end) for t in find_temporals(text) if t.kind != "duration"]
    spans += [(m.start(), m.end()) for m in _PHONE_RX.finditer(text)]
    spans += [(s - offset, e - offset) for s, e in names]
    return spans


def _parse(m: re.Match[str]) -> _Parsed | None:
    num = m.group("num")
    value = _num_value(num)
    if value is None:
        return None
    unit_txt = (m.group("unit") or "").strip().lower()
    low = num.lower()
    qualifier = _QUALIFIERS.get(re.sub(r"\s+", " ", (m.group("qual") or "").strip().lower()), "exact")
    unit = "count"
    if "$" in num:
        unit = "nzd"
    elif unit_txt in ("%", "percent", "per cent"):
        unit = "percent"
    elif unit_txt:
        unit = _time_unit(unit_txt)
        if unit_txt.startswith("fortnight"):
            value *= 2
    if low in _VAGUE:
        _, u, q = _VAGUE[low]
        unit = u or unit
        if q and qualifier == "exact":
            qualifier = q
    vmax = _num_value(m.group("num2")) if m.group("num2") else None
    if vmax is not None and vmax <= value:
        vmax = None
    return _Parsed(value, vmax, unit, qualifier)


def _period(after: str) -> str | None:
    m = _PERIOD_RX.match(after)
    if not m:
        return None
    if m.group("annual"):
        return "year"
    if m.group("unit"):
        u = m.group("unit").lower()
        return "year" if u in ("year", "annum") else u
    n = m.group("n").lower()
    n = str(_UNITS_WORDS.get(n, n))
    return f"{n} {m.group('unit2').lower()}"


# --------------------------------------------------------------------------
# Dependency helpers: what the number is about
# --------------------------------------------------------------------------


def _np_text(tok: Token, keep_det: bool = False, with_preps: bool = False, skip: range = range(0)) -> str:
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
    while words and (words[0].is_punct or (words[0].dep_ in ("quantmod", "nummod") and words[0].i < tok.i)):
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
    if tok.lower_ not in _UNIT_NOUNS and not tok.like_num and tok.lower_ not in _QUANTITY_WORDS and tok.i in skip:
        # word numbers with their noun ("two separate offers")
        return _np_text(tok, skip=skip), tok
    if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "predet", "nmod", "det") and tok.head.i not in skip:
        parent = tok.head
        if parent.dep_ == "poss":
            # "half the country's junior doctors": the possessed noun phrase
            owner = parent.head
            words = [t for t in span.doc[span.end : owner.i + 1]]
            return (span.doc[words[0].i : owner.i + 1].text if words else owner.text), owner
        if parent.pos_ in ("NOUN", "PROPN"):
            return _np_text(parent, with_preps=parent.lower_ in ("increase", "rise", "cut", "boost", "decrease"), skip=skip), parent
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
            start = min([obj.i] + [c.left_edge.i for c in obj.lefts if c.dep_ in ("compound", "amod")])
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


def _is_striking_subject(tok: Token | None) -> bool:
    """Is `tok` the subject of a verb of striking ("officers ... took strike action")?"""
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
    phrase = " ".join(w.text for w in verb.subtree if w.i > t.i or w.i == verb.i)
    return bool(STRIKE_WORDS.search(verb.lemma_ + " " + phrase)) and not re.search(r"\bvot", phrase, re.I)


def classify(p: _Parsed, first: bool, sentence: str, around: str, head: Token | None, ref: RefData, subject: str) -> str:
    unit = p.unit
    if unit in ("hours", "minutes", "days", "weeks"):
        if first or _SHIFT.search(around):
            return "hours_withdrawn" if unit in ("hours", "minutes") else "strike_duration"
        if _NEGOTIATION.search(around) and unit in ("weeks", "days"):
            return "negotiation_duration"
        if STRIKE_WORDS.search(sentence) or re.search(r"\b(?:period|strike|action)\b", subject, re.I):
            return "strike_duration"
        return "other"
    if unit in ("months", "years"):
        return "negotiation_duration" if _NEGOTIATION.search(around) else "other"
    if unit == "percent":
        if _VOTE.search(sentence):
            return "vote_turnout" if _TURNOUT.search(sentence) else "vote_in_favour"
        if _PAYCUT.search(around):
            return "pay_cut"
        if _VACANCY.search(sentence):
            return "vacancy_rate"
        if _FUND.search(sentence) or (_FUND_VERBS.search(sentence) and "$" in sentence):
            return "funding_change" if _CHANGE.search(subject + " " + around) and not re.search(r"\bfunded\b", subject) else "funding_share"
        if _PAY.search(sentence) or _OFFER.search(sentence):
            if _CLAIM.search(sentence) and not _OFFER.search(around):
                return "pay_claim"
            return "pay_offer"
        if head is not None and head.lower_ in ref.lexicon.people_nouns | {"staff", "workforce"}:
            return "workers_share" if _is_striking_subject(head) else "staff_share"
        return "other"
    if unit == "nzd":
        if _LUMP.search(around):
            return "lump_sum"
        if _FUND.search(sentence) or _FUND_VERBS.search(sentence):
            return "funding_amount"
        if _PAY.search(sentence) or _OFFER.search(sentence) or re.search(r"\ban hour\b|\bper hour\b", around):
            if _CLAIM.search(sentence) and not _OFFER.search(around):
                return "pay_claim"
            return "pay_offer"
        return "other"
    # counts of people or things
    if head is not None and head.lower_ in ref.lexicon.people_nouns:
        if _is_striking_subject(head):
            return "workers_involved"
        if _PATIENTS.search(subject) and _DISRUPT.search(sentence):
            return "patients_affected"
        if re.search(r"\bmembership\b|\brepresent\w*|-strong\b|\bunion (?:has|have)\b", around, re.I):
            return "members"
        return "other"
    if _PATIENTS.search(subject) and _DISRUPT.search(sentence):
        return "patients_affected"
    return "other"


def _people_unit(p: _Parsed, head: Token | None, ref: RefData) -> _Parsed:
    if p.unit == "count" and head is not None and head.lower_ in ref.lexicon.people_nouns:
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
    for se in sents:
        text = se.text
        excluded = _excluded_spans(names_by_sent.get(se.index, []), text, se.start)
        for m in FIGURE_RX.finditer(text):
            fig = _figure(doc, body, se, m, excluded, ref, speakers[se.index])
            if fig is not None:
                out.append(fig)
                # "6 percent over two years": the period is not a figure of its own
                pm = _PERIOD_RX.match(text[fig.char_end - se.start :])
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


def _figure(doc: Doc, body: str, se: Sentence, m: re.Match[str], excluded, ref: RefData, speaker: str | None) -> FigureMention | None:
    text = se.text
    ns, ne = m.span("num")
    if any(ns < e and s < ne for s, e in excluded):
        return None
    num = m.group("num")
    after = text[m.end() :]
    unit_txt = m.group("unit") or ""
    # ordinals, clock times, years, decimals glued to letters
    if _ORDINAL_AFTER.match(text[ne:]) or re.match(r"^\s?(?:am|pm|a\.m\.|p\.m\.)\b", text[ne:], re.I):
        return None
    if re.match(r"^[A-Za-z]", text[ne:]) and not unit_txt and "$" not in num:
        return None
    if re.search(r"[A-Za-z]-$", text[:ns]):
        return None  # part of a name such as "Covid-19"
    low = num.lower()
    is_word = bool(re.fullmatch(r"[a-z\- ]+", low))
    if re.fullmatch(r"(?:19|20)\d{2}", num) and not unit_txt and not m.group("num2"):
        return None
    if is_word and low not in _VAGUE:
        nxt = re.match(r"\s*([A-Za-z]+)", after)
        next_word = (nxt.group(1).lower() if nxt else "")
        if low in ("one", "zero") and not unit_txt:
            return None
        if not unit_txt and (next_word in ref.lexicon.generic_count_nouns or next_word in ("of", "")):
            return None
    if unit_txt and re.search(r"(?i)\b(?:past|next|coming|previous)\s+$", text[: m.start()]) and not m.group("qual"):
        return None  # "over the past two years": a time reference, not a quantity
    first = bool(m.group("first"))
    if first and not unit_txt:
        return None  # "first two" without a unit: an ordinal phrase
    parsed = _parse(m)
    if parsed is None:
        return None
    start = m.start()
    if first and m.group("qual"):
        start = m.start("first")
    end = m.end()
    if not first and m.group("first"):
        start = m.start("num")
    # the span: qualifier + number + unit, and a counted noun for word numbers
    # ("two separate offers")
    if is_word and low not in _VAGUE and not unit_txt:
        nm = re.match(r"\s+((?:[a-z]+\s+)?[a-z]+s)\b", after)
        if nm:
            end = m.end() + nm.end()
    cs, ce = se.start + start, se.start + end
    span = doc.char_span(cs, ce, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    subject, head = subject_of(span, parsed.unit)
    parsed = _people_unit(parsed, head, ref)
    around = text[max(0, start - 60) : min(len(text), end + 60)]
    measure = classify(parsed, first, text, around, head, ref, subject)
    period = _period(text[end:])
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
        speaker_id=speaker,
    )
