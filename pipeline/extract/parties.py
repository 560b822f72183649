"""Parties: every place an article names an organisation or a person, and who
is speaking in each sentence.

What belongs here:
- curated organisations (matched by the `ia_curated_entities` ruler from
  organisations.yaml: id, canonical name and type come from the YAML);
- other organisations from spaCy's ORG entities (slug of the fullest name used
  in the article; `union` when the name says so, else `other`);
- people from PERSON entities, with title and affiliation read from the words
  around the name ("Ambulance Association secretary Mark Quin",
  "Jane Doe, chief executive of X", "Director of operations Dan Ohs said X ...");
  a surname alone resolves to the full name used elsewhere in the article;
- `speakers()`: which party each sentence is attributed to ("X said",
  "according to X", quotes continuing a speaker's paragraph).
What does not: the roles parties play in events (events.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.extract.context import Sentence
from pipeline.extract.nlp import PLACES_KEY, find_places
from pipeline.extract.records import PartyMention
from pipeline.extract.refdata import RefData, slugify

HONORIFICS = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "professor", "prof", "sir", "dame",
              "associate", "minister", "mp", "hon", "judge", "justice"}  # fmt: skip
SPEECH_LEMMAS = {"say", "tell", "add", "claim", "explain", "state", "warn", "note", "argue", "confirm",
                 "insist", "write", "reveal", "announce", "stress", "urge", "respond", "comment"}  # fmt: skip
UNION_NAME = re.compile(r"\b(?:Union|Unions|Workers|Employees|Guild|Federation of Labour)\b|Association of .*(?:Workers|Employees|Staff)")
AGENCY_NAME = re.compile(r"^(?:Ministry|Department|Office) (?:of|for)\b")
_NAME_TOKEN = re.compile(r"^[A-ZĀĒĪŌŪ][\w'’\-.]*$")


@dataclass
class _Person:
    party_id: str
    name: str
    affiliation_id: str | None = None


def _strip_span(span: Span) -> Span:
    """Drop a leading "the", honorifics and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", *HONORIFICS):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return doc[start:end]


def _is_name(span: Span) -> bool:
    return len(span) > 0 and all(_NAME_TOKEN.match(t.text) or t.text in ("-", "'") for t in span)


def _overlaps(a: Span, spans: list[Span]) -> bool:
    return any(a.start < s.end and s.start < a.end for s in spans)


def _title_left(doc: Doc, start: int, sent_start: int, ref: RefData) -> tuple[int, int] | None:
    """Token range of a title directly before token `start` ("division chairman")."""
    lex = ref.lexicon
    i = start - 1
    has_head = False
    while i >= sent_start:
        t = doc[i]
        low = t.lower_
        if t.ent_type_ and t.ent_type_ != "" and t.ent_iob_ != "O":
            break
        if low in lex.title_heads:
            has_head = True
        elif low not in lex.title_modifiers:
            break
        i -= 1
    first = i + 1
    # never start a title with a connective ("of", "and")
    while first < start and doc[first].lower_ in ("of", "and", "&", "the", "for"):
        first += 1
    if first >= start or not has_head:
        return None
    return first, start


def _title_right(doc: Doc, end: int, sent_end: int, ref: RefData) -> tuple[int, int] | None:
    """Title in an apposition after a name: "Jane Doe, national secretary of ..."."""
    if end >= sent_end or doc[end].text != ",":
        return None
    lex = ref.lexicon
    i = end + 1
    has_head = False
    while i < sent_end and doc[i].lower_ in lex.title_heads | lex.title_modifiers:
        has_head = has_head or doc[i].lower_ in lex.title_heads
        i += 1
    last = i
    while last > end + 1 and doc[last - 1].lower_ in ("of", "and", "&", "the", "for", "at"):
        last -= 1
    if not has_head or last <= end + 1:
        return None
    return end + 1, last


class _OrgIndex:
    """Organisation mentions of one article, by token position."""

    def __init__(self, mentions: list[tuple[Span, str]]):
        self.by_end = {s.end: pid for s, pid in mentions}
        self.by_start = {s.start: pid for s, pid in mentions}
        self.spans = mentions

    def in_sentence(self, sent: Span) -> list[tuple[Span, str]]:
        return [(s, pid) for s, pid in self.spans if sent.start <= s.start and s.end <= sent.end]


def _org_after(doc: Doc, i: int, orgs: _OrgIndex) -> str | None:
    """An organisation right after position i, allowing "of", "at", "the"."""
    while i < len(doc) and doc[i].lower_ in ("of", "at", "for", "with", "the", "from"):
        i += 1
    return orgs.by_start.get(i)


def _sentence_org(sent: Span, person: Span, orgs: _OrgIndex, ref: RefData) -> str | None:
    """The organisation a titled person speaks for when the title names none:
    the first organisation after the person in the sentence, else before."""
    cands = [(s, pid) for s, pid in orgs.in_sentence(sent) if ref.organisations.get(pid) is None
             or ref.organisations[pid].type != "government"]  # fmt: skip
    after = [pid for s, pid in cands if s.start >= person.end]
    before = [pid for s, pid in cands if s.end <= person.start]
    return (after or before or [None])[0]


def extract_parties(doc: Doc, sents: list[Sentence], ref: RefData) -> list[PartyMention]:
    """All party mentions in the article, in text order."""
    lex = ref.lexicon
    places = list(doc.spans[PLACES_KEY]) if PLACES_KEY in doc.spans else find_places(doc)
    place_texts = {p.text for p in places}
    mentions: list[PartyMention] = []
    org_spans: list[tuple[Span, str]] = []

    # -- organisations -----------------------------------------------------
    other_orgs: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        org = ref.organisations.get(ent.ent_id_) if ent.ent_id_ else None
        if org is not None:
            if org.match_lowercase and len(ent) > 1 and ent[0].lower_ == "the":
                ent = ent[1:]  # "the government": the article is not part of the name
            mentions.append(PartyMention(org.id, org.name, org.type, ent.start_char, ent.end_char, ent.text))
            org_spans.append((ent, org.id))
            continue
        span = _strip_span(ent)
        if not span or not _is_name(span) or span.text in lex.not_parties or span.text in place_texts:
            continue
        # a document's name ("... Collective Agreement", "... Act") is not an
        # organisation, nor is a name followed by such a word
        if span[-1].text in lex.document_words or (span.end < len(doc) and doc[span.end].text in lex.document_words):
            continue
        if len(span) == 1 and span.text.lower() in lex.people_nouns:
            continue
        other_orgs.append(span)
    # fullest name: a mention contained in a longer one (or an acronym given in
    # brackets after it) shares the longer one's id
    names = sorted({s.text for s in other_orgs}, key=len, reverse=True)
    canonical: dict[str, str] = {}
    for n in names:
        canonical[n] = next((m for m in names if len(m) > len(n) and re.search(rf"\b{re.escape(n)}\b", m)), n)
    for s in other_orgs:
        nxt = doc[s.end : s.end + 3]
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].text.isupper():
            canonical.setdefault(nxt[1].text, canonical[s.text])
            canonical[nxt[1].text] = canonical[s.text]
    acronym_spans = [doc[s.end + 1 : s.end + 2] for s in other_orgs
                     if s.end + 2 < len(doc) and doc[s.end].text == "(" and doc[s.end + 2].text == ")"
                     and doc[s.end + 1].text in canonical]  # fmt: skip
    for s in sorted([*other_orgs, *acronym_spans], key=lambda x: x.start):
        name = canonical.get(s.text, s.text)
        ptype = "union" if UNION_NAME.search(name) else "government_agency" if AGENCY_NAME.search(name) else "other"
        pid = slugify(name)
        if not pid:
            continue
        mentions.append(PartyMention(pid, name, ptype, s.start_char, s.end_char, s.text))
        org_spans.append((s, pid))
    orgs = _OrgIndex(org_spans)
    curated_spans = [s for s, _ in org_spans]

    # -- people ------------------------------------------------------------
    person_spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or _overlaps(ent, curated_spans):
            continue
        span = _strip_span(ent)
        if not span or not _is_name(span) or span.text in lex.not_parties or span.text in place_texts:
            continue
        person_spans.append(span)
    full_names = [s for s in person_spans if len(s) >= 2]
    by_part: dict[str, str] = {}
    for s in full_names:
        by_part.setdefault(s[-1].text, s.text)
        by_part.setdefault(s[0].text, s.text)
    # NER often misses a bare surname ("Ohs said"): find the surnames of the
    # people already named, outside any other entity
    surnames = {s[-1].text for s in full_names}
    taken = {i for sp in [*person_spans, *curated_spans] for i in range(sp.start, sp.end)}
    for tok in doc:
        if (
            tok.text in surnames
            and tok.i not in taken
            and not (tok.i + 1 < len(doc) and _NAME_TOKEN.match(doc[tok.i + 1].text) and doc[tok.i + 1].text not in surnames)
            and not (tok.i > 0 and _NAME_TOKEN.match(doc[tok.i - 1].text) and not doc[tok.i - 1].is_sent_start)
        ):
            person_spans.append(doc[tok.i : tok.i + 1])
    person_spans.sort(key=lambda sp: sp.start)
    persons: dict[str, _Person] = {}
    sent_of_token = {}
    for se in sents:
        sent_of_token[se.span.start] = se
    for span in person_spans:
        full = span.text if len(span) >= 2 else by_part.get(span.text)
        if full is None:
            continue
        pid = slugify(full)
        person = persons.setdefault(pid, _Person(pid, full))
        title = None
        sent = span.sent
        rng = _title_left(doc, span.start, sent.start, ref)
        affiliation = None
        if rng is not None:
            title = doc[rng[0] : rng[1]].text.lower()
            affiliation = orgs.by_end.get(rng[0])
        else:
            rng = _title_right(doc, span.end, sent.end, ref)
            if rng is not None:
                title = doc[rng[0] : rng[1]].text.lower()
                affiliation = _org_after(doc, rng[1], orgs)
        if affiliation is None:
            # "Jane Doe, NZNO organiser" / "Jane Doe of the PSA"
            nxt = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else span.end
            if nxt in orgs.by_start and nxt != span.end:
                affiliation = orgs.by_start[nxt]
                end_org = next(s.end for s, pid in org_spans if s.start == nxt)
                rng2 = _title_left(doc, min(end_org + 4, sent.end), end_org, ref)
                if title is None and rng2 is not None:
                    title = doc[rng2[0] : rng2[1]].text.lower()
        if title is not None and affiliation is None:
            affiliation = _sentence_org(sent, span, orgs, ref)
        if affiliation and person.affiliation_id is None:
            person.affiliation_id = affiliation
        mentions.append(
            PartyMention(pid, full, "person", span.start_char, span.end_char, span.text, None, title)
        )
    # affiliation is per person: fill every mention with what the article says
    out = []
    for m in mentions:
        if m.party_type == "person":
            p = persons[m.party_id]
            m = PartyMention(m.party_id, p.name, "person", m.char_start, m.char_end, m.text,
                             p.affiliation_id, m.title)  # fmt: skip
        out.append(m)
    return sorted(out, key=lambda m: (m.char_start, m.char_end))


# --------------------------------------------------------------------------
# Who is speaking
# --------------------------------------------------------------------------

_PRONOUNS = {"he", "she", "they", "it", "we"}


def speakers(doc: Doc, sents: list[Sentence], mentions: list[PartyMention]) -> list[str | None]:
    """party_id each sentence is attributed to, or None.

    A sentence is attributed by a speech verb whose subject is a party
    ("Quin said", "said Jane Doe", "according to the PSA") or a pronoun (the
    last speaker). Other sentences of the same paragraph, and quote paragraphs
    that follow, continue the speaker.
    """
    by_start: dict[int, PartyMention] = {}
    for m in mentions:
        by_start.setdefault(m.char_start, m)
    out: list[str | None] = [None] * len(sents)
    last: str | None = None
    for se in sents:
        who = None
        quotes = 0
        for tok in se.span:
            if tok.text in ('"', "“", "”"):
                quotes += 1
            if quotes % 2 == 1:
                continue  # words inside a quotation are not the attribution
            if tok.lemma_.lower() == "accord" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                who = _party_in(doc[tok.i + 2 : min(tok.i + 9, se.span.end)], by_start, prefer_person=True)
            elif tok.lemma_.lower() in SPEECH_LEMMAS and tok.pos_ == "VERB":
                subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                for c in subj:
                    who = _party_in(doc[c.left_edge.i : c.right_edge.i + 1], by_start, prefer_person=True)
                    if who is None and c.lower_ in _PRONOUNS and c.lower_ != "we":
                        who = last
                if who is None and not subj:
                    # inverted: '"...," said Jane Doe.'
                    who = _party_in(doc[tok.i + 1 : min(tok.i + 8, se.span.end)], by_start, prefer_person=True)
            if who:
                break
        out[se.index] = who
        if who:
            last = who
    # continue within paragraphs, then across quote paragraphs
    for se in sents:
        if out[se.index] is not None:
            continue
        same_para = [o for o in sents if o.paragraph == se.paragraph and out[o.index]]
        prev = [o for o in same_para if o.index < se.index]
        nxt = [o for o in same_para if o.index > se.index]
        if prev:
            out[se.index] = out[prev[-1].index]
        elif se.starts_with_quote and nxt:
            out[se.index] = out[nxt[0].index]
        elif se.starts_with_quote and se.index > 0:
            out[se.index] = out[se.index - 1]
    return out


def _party_in(span: Span, by_start: dict[int, PartyMention], prefer_person: bool) -> str | None:
    found = [m for m in by_start.values() if span.start_char <= m.char_start < span.end_char]
    if prefer_person:
        found.sort(key=lambda m: (m.party_type != "person", m.char_start))
    return found[0].party_id if found else None
