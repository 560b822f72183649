"""Events: detecting, typing, dating and linking the industrial-action events
an article reports.

What belongs here: sentence-by-sentence trigger detection (lexicon in
`data/event_triggers.yaml`, matched by the `ia_triggers` component), tense and
status, which date expressions belong to which trigger (dependency parse),
coreference inside the article (a re-mention joins the event it re-describes),
and the event attributes (type over all its sentences, occupation, sector,
locations, scope, first_ever, parties with roles).
What does not: date arithmetic (dates.py), numbers (figures.py), names
(parties.py), merging across articles (pipeline.resolve).

Rules worth knowing (documented here because the codebook is silent):
- A mention with its own day joins an event of the same family (strike and
  partial_strike are one family) whose date agrees (a week or month containing
  the day agrees); otherwise it is a new event. A mention with no day joins
  the nearest event of its family, else starts one — except negotiations,
  which are background unless dated ("after 19 months of negotiations").
- An offer with no date only starts an event when something is done with it
  (made, put, rejected, accepted...), not "improve on its current offer".
- Scope (one definition for every event type):
  `national`: the text says so (nationwide, across/around the country, in
  the country, the country's ...), or places in three or more regions;
  `regional`: a city, town or region, or several workplaces;
  `local`: a single workplace (a place named with a site word: "Wellington
  Hospital", "the Kilbirnie depot", "its Balclutha plant", "Lyttelton Port
  Company") or suburbs of one region; a town named without its site counts
  as the site when another action of the article is held at a site there.
  An event whose own sentences give no place or national cue takes the
  dispute's scope and places: those of the main action (first dated strike,
  else first dated action, else an action in the opening two sentences),
  else the places of the first sentence when they lie in one region, else
  the sides: curated union/employer names bound to a place make it local
  (site word in the name) or regional, otherwise curated sides → national;
  no curated side → `unknown`. So bargaining milestones share their
  dispute's scope.
- Locations: New Zealand places named as where the event happens, as
  written. A place followed by a site word is a workplace and stands for its
  place ("Wellington Hospital" → Wellington), unless the site is placed more
  precisely ("Southland Hospital in Invercargill" → Invercargill). A place
  inside an organisation's name ("Wellington Free Ambulance", "Waikato DHB",
  "Foodstuffs North Island") is not a location, nor is the country, nor a
  release dateline ("Wellington, 14 May 2025 - ..."); but when the dispute's
  main action names no place, the place in the name of the workers'
  employer is its place ("Ports of Auckland" → Auckland, local with a site
  word in the name, else regional), never one in a funder's or union's name.
  An event's places come from the first of its sentences (headlines last)
  that names any: re-mentions ("would affect routes to A, B and C", "the
  company, which also runs homes in D") add none. Side
  mentions are dropped: a place that only says where a person works, unless
  those people are the subject or object of the event's clause ("Cleaners at
  Wellington Hospital will picket" counts; "For X, a nurse at Wellington
  Hospital, ..." does not). In a sentence with several events, a place
  belongs to the trigger above it in the parse, else the nearest one.
- Overseas: an article whose first two sentences name an overseas place or
  organisation (extraction_lexicon.yaml) and no New Zealand place or
  curated organisation yields no events at all; elsewhere an event whose
  sentences name only overseas places is dropped.
- Two actions of one family in one sentence are two mentions when a
  subordinator separates them ("will strike twice more this month, after a
  four-hour stoppage on Monday"); each gets its own dates, and the one in
  the subordinate clause is stated by another sentence where there is one.
  A week or month only contains a day of the same time: a planned "this
  month" never absorbs an occurred "Monday".
- Status: tense, then the date against publication; a past verb cannot make
  a period starting after publication happened ("agreed to meet next week"
  → planned); an offer, notice, vote or settlement in the present has
  occurred; a negotiation or ban "since" a date in the perfect, an other_action
  that "started"/"began" or "has locked out" with no end → ongoing;
  cancelling verbs (called off, suspended, postponed, averted, will not go
  ahead) → cancelled.
- Offers: an undated offer is an event when acted on (made, rejected,
  accepted...) or when it is a particular side's offer with its content
  ("the airline's offer of 3.5 percent"); negation of another verb ("the
  offer did not reflect ...") does not negate it. A progressive "is offering
  them less than" only states the offer when nothing clearer does.
- Occupation (codebook: "who takes part"): the workers' noun phrase as
  written in the event's own sentences, lower case ("distribution centre
  workers", "library staff", "paramedics and call handlers"), headlines
  last, the subject or object of the trigger's clause first; a phrase
  whose head is a worker noun (worker_heads in extraction_lexicon.yaml, or
  the last word of an occupation variant); a bare generic head ("staff",
  "union members") is none. With none of its own an event takes the main
  action's phrase, and a one-word form of it ("teachers" among "secondary
  teachers") is it. The lexicon (occupations.yaml) gives the sector, and
  the occupation only where no phrase is written:
  the first occupation named in the event's sentences, else the
  dispute's; a generic form of the dispute's occupation is the dispute's
  ("doctors" in a junior doctors' dispute); a workplace-qualified form wins
  where the workplace is named ("cleaners at ... Hospital" → hospital
  cleaners); staff of a public-service agency with no occupation named are
  public servants. Sector: `health` if the employer or occupation is health,
  else the employer's curated sector, else the occupation's, folded into the
  dataset's short names by `sector_aliases` (ports, aviation → transport;
  corrections → justice).
- workers_involved (set in pipeline.extract.__init__ after figures are
  linked): an absolute headcount of people taking part, never membership, a
  share, or a vague "thousands of".
- Employers: an organisation named as the workers' employer ("employed
  by", "contracted to", "staff at") is the employer whatever its type;
  mediating or regulating bodies (never_employers) never are.
- Worker groups: where one sentence sets two groups apart as subjects of
  two actions of one family ("Orderlies will stop work on Thursday, the same
  day hospital cleaners hold a separate strike"), mentions whose clause
  subject is another of those groups never join each other's event, even on
  one day; each takes its union/employer from the sentences about its group
  (naming it and no other group, or a next sentence opening with "They").
- An action that is only the subject of "follows"/"comes after" ("The strike
  follows a vote last week") is the known action; the date goes to the
  other event of its sentence. A return to work ("will return on Friday")
  ends an action, it is no occurrence. Two multi-day windows of one status
  that overlap ("over the weekend" / "from midnight Thursday until midnight
  Sunday") are one action; the one with a clock time gives the dates.
- A sentence dating several occurrences of one action ("move to Wellington
  tomorrow, followed by Canterbury and Otago on Thursday") gives each
  occurrence only the places written with its own date. A part of an island
  ("the lower North Island") is no location.
- Offers: the verb "offer" needs a bargaining word in its sentence (pay,
  percent, agreement, union, workers ...), and an offer made to customers
  ("passengers would be offered refunds") is none. "backed industrial
  action", "in favour of strike action" are vote results beside a vote word.
- Funders are attached to the article's first strike-family event only; a
  rally with no date of its own takes the date of the article's strike when
  their tenses agree (rallies are held during strikes).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipeline.extract import dates as D
from pipeline.extract import refdata
from pipeline.extract.context import Sentence
from pipeline.extract.nlp import PLACES_KEY, TRIGGERS_KEY, find_places, find_triggers
from pipeline.extract.parties import load_rules as load_party_rules
from pipeline.extract.records import EventMention, EventParty, FigureMention, PartyMention
from pipeline.extract.refdata import Occupation, Place, RefData


def _per_object(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Memoise `fn(obj)` by the object's identity. For tables derived from the
    reference data (loaded once per process): an lru_cache would hash every
    entry of the argument on every call."""
    memo: dict[int, tuple[Any, Any]] = {}

    def cached(obj: Any) -> Any:
        hit = memo.get(id(obj))
        if hit is None or hit[0] is not obj:
            if len(memo) >= 8:
                memo.clear()
            hit = memo[id(obj)] = (obj, fn(obj))
        return hit[1]

    return cached


STRIKE_FAMILY = {"strike", "partial_strike"}
ACTION_REF = "action_ref"  # trigger label of a bare "action" (see event_triggers.yaml)
ACTION_TYPES = {"strike", "partial_strike", "other_action", "rally"}
NEGATABLE = {"settlement", "negotiation", "offer", "strike_notice", "strike_vote"}
OFFER_ACTION_VERBS = {"make", "put", "reject", "accept", "table", "present", "receive", "vote", "turn",
                      "consider", "tabled", "send", "submit", "decline", "ratify", "improve"}  # fmt: skip
FUTURE_VERBS = {
    "set",
    "due",
    "plan",
    "expect",
    "intend",
    "threaten",
    "go",
    "schedule",
    "poise",
    "prepare",
}
CANCEL_VERBS = {
    "cancel",
    "avert",
    "postpone",
    "suspend",
    "scrap",
    "defer",
    "rescind",
    "withdraw",
    "lift",
    "drop",
}


def _family(event_type: str) -> str:
    return "strike" if event_type in STRIKE_FAMILY else event_type


# --------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------


@dataclass
class _Mention:
    event_type: str
    sentence: Sentence
    trigger: Span
    tense: str | None
    status: str
    window: D.DateSpec | None
    day_key: str | None  # resolved date (or day words) that identify the occurrence
    continuation: bool = False
    subordinate: bool = (
        False  # a second action of its family in a sentence ("..., after a stoppage on Monday")
    )
    segment: tuple[int, int] | None = (
        None  # doc char range of its own words, when its sentence dates several occurrences
    )
    group: str | None = (
        None  # the workers taking part, when the article sets groups apart ("orderlies" / "cleaners")
    )
    unions: frozenset[str] = frozenset()  # unions named in its sentence
    scheduled: bool = False  # a line of a timetable ("• Monday, November 12: Auckland")
    separate: bool = (
        False  # one union's share of "are on separate strikes" (its unions are its own)
    )
    context_unions: frozenset[str] = (
        frozenset()
    )  # unions named in the sentence before, same paragraph


@dataclass
class _Event:
    event_type: str
    status: str
    spec: D.DateSpec
    mentions: list[_Mention] = field(default_factory=list)
    day_key: str | None = None

    @property
    def group(self) -> str | None:
        return next((m.group for m in self.mentions if m.group), None)

    @property
    def first(self) -> _Mention:
        """The mention that states the event: the one it was created from."""
        return self.mentions[0]

    @property
    def unions(self) -> frozenset[str]:
        return frozenset().union(*(m.unions for m in self.mentions))


def _anchor_tokens(trigger: Span) -> list[Token]:
    """The trigger's root and the verbs it hangs from, up to its clause verb."""
    tok = trigger.root
    chain = [tok]
    steps = 0
    while tok.head.i != tok.i and steps < 4 and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
        chain.append(tok)
        steps += 1
    return chain


def _clause_verb(trigger: Span) -> Token:
    chain = _anchor_tokens(trigger)
    return next((t for t in chain if t.pos_ in ("VERB", "AUX")), chain[-1])


def tense_of(trigger: Span) -> str | None:
    """future / past / present / None, from the trigger's clause verb and the
    verbs it depends on ("is set to continue", "was able to put")."""
    verb = _clause_verb(trigger)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    # headline infinitive with no verb above it: "Bus drivers to strike"
    if (verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and (verb.dep_ == "ROOT" or verb.head.pos_ not in ("VERB", "AUX"))):  # fmt: skip
        return "future"
    tok = verb
    for _ in range(4):
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        aux_l = {a.lower_ for a in auxes}
        if aux_l & {"will", "'ll", "shall", "wo", "would", "'d"}:
            return "future"
        if (
            tok.lemma_.lower() in FUTURE_VERBS
            and any(c.dep_ == "xcomp" for c in tok.children)
            and tok is not verb
        ):
            return (
                "future" if not ({"was", "were", "had"} & aux_l) and tok.tag_ != "VBD" else "past"
            )
        if (
            tok.lemma_.lower() in ("set", "due", "schedule", "plan")
            and tok.tag_ in ("VBN", "JJ", "VBD")
            and (aux_l & {"is", "are", "'s", "'re", "be"})
        ):
            return "future"
        if any(a.tag_ == "VBD" or a.lower_ in ("had", "has", "have", "'ve") for a in auxes):
            if tok.tag_ == "VBG" and not any(a.tag_ == "VBD" for a in auxes):
                return "past"  # "have been negotiating"
            return "past"
        if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and not aux_l):
            return "past"
        if (tok.dep_ == "advcl" and tok.tag_ in ("VBZ", "VBP")
                and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "after", "before", "until")
                        for c in tok.children)
                and any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in tok.head.children)):  # fmt: skip
            return "future"  # "when nurses walk off the job on Thursday, it will be ...": the present of a future
        if tok.tag_ == "VBG" and aux_l & {"is", "are", "am", "'s", "'re"}:
            return "present"
        if tok.tag_ in ("VBZ", "VBP") or aux_l & {"is", "are", "am"}:
            return "present"
        if (tok.dep_ == "xcomp" and tok.tag_ == "VB" and tok.head.i != tok.i
                and tok.head.lemma_.lower() in _REQUEST_VERBS
                and not any(c.dep_ == "auxpass" for c in tok.head.children)):  # fmt: skip
            return "future"  # "we've asked the unions to come back to the table": still to happen
        if tok.dep_ in ("xcomp", "acomp", "advcl", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return None


_REQUEST_VERBS = {"ask", "urge", "invite", "call", "want", "hope", "intend", "propose", "demand", "tell", "push",
                  "encourage", "challenge", "implore"}  # fmt: skip


def _subject_of(trigger: Span, verb: Token) -> bool:
    """The trigger is the subject of `verb` ("Talks failed to ...")."""
    root = trigger.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.i == verb.i


# a present tense after these speaks of what is to come ("unless talks on Tuesday produce a deal")
_FUTURE_MARKS = {"unless", "if", "until", "once", "before", "after", "when"}
# verbs saying that talks take place at all ("unless talks resume")
_OCCURRENCE_VERBS = {"go", "happen", "occur", "take", "resume", "start", "begin", "continue", "proceed",
                     "be", "get", "open", "reopen", "restart", "convene"}  # fmt: skip


def _is_condition(trigger: Span) -> bool:
    """A milestone named only as a condition ("will go ahead unless an
    agreement is reached", "until a deal is reached")."""
    verb = _clause_verb(trigger)
    root = trigger.root
    if (trigger.label_ == "negotiation" and root.dep_ == "nsubj" and root.head.i == verb.i
            and verb.lemma_.lower() not in _OCCURRENCE_VERBS):  # fmt: skip
        # "will go ahead unless mediation on Tuesday produces an acceptable
        # offer": the talks are held; only what they bring is in doubt
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("unless", "if", "until") for c in verb.children):
        return True
    # "if there is no improved offer by the end of the month, it will ask
    # members to endorse further strikes": a milestone promised on a condition
    return any(
        c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "if" for k in c.children)
        for v in (verb, *list(verb.ancestors)[:2])
        for c in v.children
    )


def _is_negated(trigger: Span) -> bool:
    for tok in _anchor_tokens(trigger):
        if (trigger.label_ == "offer" and tok.i not in range(trigger.start, trigger.end)
                and tok.lemma_.lower() not in OFFER_ACTION_VERBS | {"be"}):  # fmt: skip
            continue  # "the airline's offer did not reflect that": the offer stands
        if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in tok.children):
            # "not due to meet again until 29 August" still schedules a meeting
            return not any(c.lower_ == "until" for c in tok.subtree)
        if (
            tok.lemma_.lower() in ("fail", "refuse")
            and tok is not trigger.root
            and not _subject_of(trigger, tok)
        ):
            return True
    head = trigger.root.head
    for _ in range(3):
        if _subject_of(trigger, head):
            break  # "Mediation on Wednesday failed to resolve the dispute": the mediation was held
        if head.lemma_.lower() in ("fail", "refuse", "point") or any(
            c.lower_ == "no" for c in head.children if c.dep_ == "det"
        ):
            return head.lemma_.lower() in ("fail", "refuse") or any(
                c.lower_ == "no" for c in head.children
            )
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _governing_tokens(trigger: Span) -> list[Token]:
    """The tokens that govern the trigger as its clause: the trigger's root and
    its heads up to (and including) the first verb, and from that verb up
    through xcomp/conj/ccomp links ("has been called off", "decided to
    cancel the strike"). The walk stops at a preposition other than a noun's
    "of": a strike named in "postponed because of the strike" or "during the
    strike" is the reason or the time of something else, not its object."""
    tok = trigger.root
    out = [tok]
    verb_seen = tok.pos_ in ("VERB", "AUX")
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        if tok.dep_ == "pobj":
            prep = tok.head
            if not (
                prep.lower_ == "of"
                and prep.head.pos_ in ("NOUN", "PROPN")
                and prep.head.dep_ != "prep"
            ):
                break
        if verb_seen and tok.dep_ not in ("xcomp", "conj", "ccomp"):
            break
        tok = tok.head
        out.append(tok)
        verb_seen = verb_seen or tok.pos_ in ("VERB", "AUX")
    return out


def _is_cancelled(trigger: Span, sentence: Sentence, cues) -> bool:
    """The trigger's action is called off: a cancelling verb governs it ("the
    strike was called off", "the union suspended its strike"), or it will
    "not go ahead". A cancelling word inside the trigger itself ("withdraw
    their labour") or in a side clause ("walked off the job, cancelling 300
    services") does not count."""
    inside = range(trigger.start, trigger.end)
    toks = [t for t in _governing_tokens(trigger) if t.i not in inside]
    if trigger.root.pos_ in ("NOUN", "PROPN"):
        toks += [c for c in trigger.root.children if c.dep_ in ("acl", "relcl")]
    for tok in toks:
        lem = tok.lemma_.lower()
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in REQUEST_LEMMAS | DESIRE_LEMMAS:
            # "we'd encourage the PSA to call off the next strike": asked, not done
            return False
        if (
            tok.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "neg" for c in tok.children)
            and lem != "go"
        ):
            return False  # "has not been called off"
        if trigger.root.dep_ == "nsubj" and tok.i == trigger.root.head.i and lem != "go":
            continue  # "the revised offer lifts the pay increase": what it does, not what is done to it
        if lem in ("withdraw", "drop") and trigger.label_ == "partial_strike":
            continue  # "will withdraw the first two hours of each working day": the action itself
        if lem in CANCEL_VERBS and (lem != "avert" or tok.tag_ in ("VBD", "VBN")):
            return True
        if lem == "call" and any(c.lower_ == "off" for c in tok.children):
            return True
        if tok.lower_ in ("cancelled", "canceled", "postponed", "suspended", "averted"):
            return True
        if (
            lem == "go"
            and any(c.lower_ == "ahead" for c in tok.children)
            and any(c.dep_ == "neg" for c in tok.children)
        ):
            return True
    return False


# words that make the event governed by them only a possibility
HYPOTHETICAL_LEMMAS = {"consider", "rule", "contemplate", "weigh", "mull", "possible", "possibility", "option",
                       "willing", "ready", "open", "available", "entitle", "entitled", "right", "free"}  # fmt: skip
# ... and, for an event with no date of its own, also these
HYPOTHETICAL_UNDATED = {"threaten", "warn", "discuss", "debate"}
# a request to someone: what they are asked to do is not done ("urged the union to call off")
REQUEST_LEMMAS = {"encourage", "urge", "ask", "implore", "beg", "invite", "request", "press", "pressure",
                  "push", "challenge", "appeal", "tell", "demand", "call", "plead"}  # fmt: skip
# a wish: the event is the object of one of these ("we want to reach a settlement")
DESIRE_LEMMAS = {"want", "hope", "wish", "keen", "eager", "need", "prefer", "like", "love"}


_TALK_ABOUT = {"talk", "speak", "suggest", "propose", "advocate", "mean", "say"}


def _is_hypothetical(trigger: Span, dated: bool = False) -> bool:
    """An event only talked about as possible ("would consider further action,
    including strikes", "a strike had not been ruled out", "is willing to
    meet the union"), or, when undated, threatened or modal ("could
    strike"): not an event of its own. "Nobody wants to be on a picket line"
    is none either."""
    toks = _governing_tokens(trigger)
    cues = HYPOTHETICAL_LEMMAS if dated else HYPOTHETICAL_LEMMAS | HYPOTHETICAL_UNDATED
    verb = _clause_verb(trigger)
    if not dated and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DESIRE_LEMMAS:
        return True
    # "remained available for talks", "ready for talks"
    root = trigger.root
    if root.dep_ == "pobj" and root.head.head.lemma_.lower() in HYPOTHETICAL_LEMMAS:
        return True
    # "remained available to bargain at any time"
    if root.head.i != root.i and any(
        c.dep_ == "acomp" and c.lemma_.lower() in HYPOTHETICAL_LEMMAS for c in root.head.children
    ):
        return True
    if any(a.lemma_.lower() in _TALK_ABOUT and any(c.dep_ == "neg" for c in a.children)
           for a in [*toks, *list(trigger.root.ancestors)[:4]]):  # fmt: skip
        return True  # "We're not talking about doctors downing tools"
    for tok in toks:
        # "open to talks" is a possibility, "talks opened on Monday" are held
        if (tok.lemma_.lower() in cues and tok.i not in range(trigger.start, trigger.end)
                and not (tok.lemma_.lower() == "open" and tok.pos_ == "VERB")):  # fmt: skip
            return True
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "none")
            for c in tok.children
        ):
            return True
        if any(
            c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in tok.children
        ) and (not dated or any(t.lower_ in ("if", "unless") for t in trigger.sent)):
            # "could strike"; "the strike could be rescheduled for March if
            # the offer is rejected"
            return True
    # "Nobody becomes a nurse hoping to stand on a picket line": a negated
    # generic subject anywhere above the trigger
    for anc in trigger.root.ancestors:
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "none", "noone")
            for c in anc.children
        ):
            return True
    # "including strikes" hangs from the thing considered
    head = trigger.root.head
    return head.lower_ == "including" and any(
        t.lemma_.lower() in HYPOTHETICAL_LEMMAS for t in head.ancestors
    )


def _status(
    tense: str | None, day: dt.date | None, published: dt.date | None, has_day_words: bool = False
) -> str:
    """Status from tense, else from the date against the publication date.
    Present tense with a day we cannot place ("are striking on Tuesday" with no
    publication date) may be today or a future day: unknown."""
    if tense == "future":
        return "planned"
    if tense == "past":
        return "occurred"
    if day is not None and published is not None:
        if day > published:
            return "planned"
        if day < published:
            return "occurred"
        return "ongoing"
    if tense == "present" and not has_day_words:
        return "ongoing"
    return "unknown"


POINT_MILESTONES = {"offer", "strike_notice", "strike_vote", "settlement"}
START_VERBS = {"start", "begin", "launch", "commence", "introduce"}
OPEN_ENDED = {"other_action", "negotiation"}


def _refine_status(etype: str, status: str, trigger: Span, se: Sentence, items: list[D.Temporal],
                   window: D.DateSpec, published: dt.date | None) -> str:  # fmt: skip
    """Status rules beyond the plain tense (documented in the module docstring)."""
    day = window.start_day
    # a past verb cannot make a day after publication happened ("have issued
    # notice of a strike on 22 December", "agreed to meet next week")
    if status == "occurred" and day is not None and published is not None and day > published:
        return "planned"  # (a week or month starting after publication is wholly to come)
    if etype in POINT_MILESTONES and status == "ongoing":
        return "occurred"  # "are being asked to accept an offer": the offer has been made
    if etype in OPEN_ENDED and status == "occurred" and window.end_day is None:
        verb = _clause_verb(trigger)
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        since = any("since" in se.text[: it.end].lower().split()[-3:] for it in items)
        # "have been bargaining since March", "Since December, members have refused ..."
        if since and (
            auxes & {"has", "have", "'ve", "been"} or verb.tag_ == "VBG" or "been" in auxes
        ):
            return "ongoing"
        if etype == "other_action":
            # "started the work-to-rule on Tuesday", "has locked out 300 workers":
            # an open-ended ban or lockout that began and has not been said to end
            # "follows a work-to-rule that began on May 20": the clause
            # describing the action says when it started
            starts = [verb] + [c for c in trigger.root.children if c.dep_ == "relcl"]
            if any(
                v.lemma_.lower() in START_VERBS
                and v.tag_ in ("VBD", "VBN")
                and not {c.lower_ for c in v.children if c.dep_ == "aux"} & {"had"}
                for v in starts
            ):
                return "ongoing"
            if auxes & {"has", "have", "'ve"} and (
                verb.i in range(trigger.start, trigger.end) or trigger.root.head.i == verb.i
            ):
                return "ongoing"
    return status


_RESULT_WORDS = {"back", "support", "in"}
_VOTE_WORDS = {"vote", "voting", "ballot", "poll", "member", "voter", "balloted"}
# words that put an offer in a bargaining context (pay, agreement, to workers)
_BARGAINING_WORDS = {"pay", "wage", "salary", "percent", "%", "increase", "rise", "collective", "agreement",
                     "settlement", "deal", "union", "member", "worker", "staff", "employee", "bargaining",
                     "claim", "lump", "package", "term", "condition", "negotiation", "negotiate", "talk",
                     "improve", "improved", "revise", "revised", "final", "latest", "fair", "reject",
                     "accept", "table", "employer", "hour", "allowance", "redundancy", "contract", "nurse", "teacher", "driver", "doctor"}  # fmt: skip


def _bargaining_offer(tr: Span, sentence: Sentence) -> bool:
    """An offer is a bargaining milestone only in a bargaining context: pay,
    an agreement, a settlement, workers or their union ("passengers would be
    offered refunds" is none). A noun "offer" owned or made by a side keeps
    its benefit of the doubt; the verb "offer" needs a bargaining word in
    its sentence."""
    people = _people_nouns()
    # "passengers would be offered refunds": offered to customers, not workers
    if tr.root.pos_ == "VERB" and any(
            c.dep_ in ("nsubjpass", "dative", "dobj", "iobj")
            and (c.lemma_.lower() in _CONSUMER_WORDS or (c.lemma_.lower() in people and c.lemma_.lower() not in _WORKER_LEMMAS))
            for c in tr.root.children):  # fmt: skip
        return False
    lemmas = sentence.lemmas | sentence.lowers
    if lemmas & _BARGAINING_WORDS or "$" in sentence.text:
        return True
    if tr.root.pos_ == "VERB":
        return False
    # a noun offer to customers ("an offer of free travel for passengers")
    return not any(
        t.lemma_.lower() in people and t.lemma_.lower() not in _WORKER_LEMMAS
        for t in tr.root.subtree
    )


_CONSUMER_WORDS = {"refund", "voucher", "discount", "credit", "ticket", "seat", "alternative", "service", "ride",
                   "travel", "transport", "appointment", "passenger", "customer", "traveller", "commuter", "patient",
                   "student", "parent", "resident", "public", "family", "visitor"}  # fmt: skip
_WORKER_LEMMAS = {
    "worker",
    "member",
    "staff",
    "employee",
    "nurse",
    "doctor",
    "teacher",
    "driver",
    "officer",
}
_DEAL_WORDS = {"offer", "agreement", "settlement", "deal", "proposal", "ratify", "accept"}
_MONTH_WORDS = {"March", "May"}  # month names that are also trigger words


_MEETING_VERBS = {"reject", "accept", "vote", "ratify", "endorse", "approve", "consider", "put", "present", "back",
                  "turn", "decline", "discuss"}  # fmt: skip


def _members_meeting(tr: Span) -> bool:
    """A "meeting" that is only where members act on something ("rejected the
    offer at a meeting on Friday", "will vote on it at meetings this week")."""
    root = tr.root
    if (
        root.lemma_.lower() != "meeting"
        or root.dep_ != "pobj"
        or root.head.lower_ not in ("at", "during")
    ):
        return False
    return root.head.head.lemma_.lower() in _MEETING_VERBS


def _select_triggers(sentence: Sentence, triggers: list[Span], ref: RefData,
                     context_lemmas: frozenset[str] = frozenset()) -> tuple[list[Span], set[int]]:  # fmt: skip
    """Non-overlapping triggers of one sentence, highest priority first, that
    pass their type's requirements; and the starts of strike triggers named
    inside a notice ("issued notice of a strike on ..."), which only count as
    strikes of their own when a date belongs to them.

    `requires_any` may be met by the sentence or by `context_lemmas` (the
    sentence before it in the same paragraph): "Members were balloted on
    strike action. Voting closed on Monday"."""
    by_type = {t.event_type: t for t in ref.triggers.types}
    lemmas = sentence.lemmas | context_lemmas
    cands = []
    # triggers whose words name no action: withdrawn notices, and meetings
    # that are only where a vote was held
    no_action: list[Span] = []
    for tr in triggers:
        if tr.label_ == "strike_vote":
            outcome = _vote_on_deal(tr)
            if outcome == "reject":
                continue  # "voted to reject the offer": the offer's event
            if outcome == "accept":
                # "voted to accept a new collective agreement": ratification
                tr = Span(tr.doc, tr.start, tr.end, label="settlement")
        spec = by_type.get(tr.label_)
        if spec is None:
            continue
        if spec.requires_any and not (spec.requires_any & lemmas):
            continue
        # "since March", "on 4 March": a capitalised month is a date, not a march
        if (
            len(tr) == 1
            and tr[0].text in _MONTH_WORDS
            and (tr.start != sentence.span.start or tr[0].ent_type_ == "DATE")
        ):
            continue
        nxt = tr.doc[tr.end]._.ia_lemma if tr.end < len(tr.doc) else ""
        if tr.start > 0 and tr.doc[tr.start - 1]._.ia_lemma in spec.exclude_before:
            continue
        # "would let passengers ride free in protest at stalled talks": a motive, not a rally
        if (tr.label_ == "rally" and tr.start > 0 and tr.doc[tr.start - 1].lower_ == "in"
                and nxt in ("at", "against", "over", "of")):  # fmt: skip
            continue
        # "an earthquake struck the city", "struck a chord": an industrial
        # strike is intransitive
        if (
            tr.label_ == "strike"
            and len(tr) == 1
            and tr.root.pos_ == "VERB"
            and any(c.dep_ == "dobj" and not _is_clock_or_date(c) for c in tr.root.children)
        ):
            continue
        # "withdrew its strike notice": the strike is called off, no notice is given
        if tr.label_ == "strike_notice" and any(
            a.lemma_.lower() in _WITHDRAW for a in [tr.root, *list(tr.root.ancestors)[:2]]
        ):
            no_action.append(tr)
            continue
        # "voted 91% in favour at a stopwork meeting": where the vote was held
        if tr.label_ == "partial_strike" and tr[-1].lemma_.lower() == "meeting":
            k = tr.start - 1
            while k >= 0 and tr.doc[k].dep_ in ("det", "amod", "nummod", "compound"):
                k -= 1
            if k >= 0 and tr.doc[k].lower_ in ("at", "during"):
                no_action.append(tr)  # its words name no action either ("stop-work")
                continue
        # "the shortage had struck hardest in provincial hospitals": only
        # people, their unions or organisations strike
        if tr.label_ == "strike" and len(tr) == 1 and tr.root.pos_ == "VERB" and _no_agent(tr.root):
            continue
        # "rally in the dollar" is excluded, "rallied in Auckland" is not
        place_after = (
            nxt == "in" and tr.end + 1 < len(tr.doc) and tr.doc[tr.end + 1].pos_ == "PROPN"
        )
        if (
            nxt in spec.exclude_after
            and not place_after
            and not (tr.end < sentence.span.end and tr.doc[tr.end].is_punct)
        ):
            continue
        # "148 backed industrial action", "90 percent in favour of strike
        # action": a vote result only beside a vote word, else the support of others
        if (
            tr.label_ == "strike_vote"
            and tr[0]._.ia_lemma in _RESULT_WORDS
            and not (lemmas & _VOTE_WORDS)
        ):
            continue
        # "refused to cross the picket line": the picket is others' action
        if tr.label_ == "rally" and any(
            a.lemma_.lower() == "cross" for a in list(tr.root.ancestors)[:2]
        ):
            continue
        if tr.label_ == "offer" and not _bargaining_offer(tr, sentence):
            continue
        # "more than 100 strikes and lockouts have been held": a tally, not an event
        if _is_tally(tr):
            continue
        # "rejected the offer at a meeting on 8 November": a members' meeting
        # where something is voted on is where that happens, no bargaining
        if tr.label_ == "negotiation" and _members_meeting(tr):
            continue
        cands.append((spec.priority, len(tr), tr))
    # the strike of a withdrawn notice ("withdrew its strike notice last
    # week") is called off on a day the text does not give
    cands = [c for c in cands if not any(w.start <= c[2].start < w.end or w.root in c[2].root.ancestors
                                         or (w.label_ == "strike_notice" and 0 <= c[2].start - w.end <= 4)
                                         for w in no_action)]  # fmt: skip
    cands.sort(key=lambda c: (-c[0], -c[1], c[2].start))
    chosen: list[Span] = []
    for _, _, tr in cands:
        if all(tr.end <= c.start or tr.start >= c.end for c in chosen):
            chosen.append(tr)
    # a strike named inside a vote ("voted in favour of strike action") is the
    # vote's object, not a strike mention of its own
    votes = [c for c in chosen if c.label_ == "strike_vote"]
    notices = [c for c in chosen if c.label_ == "strike_notice"]

    def inside(c: Span, ms: list[Span]) -> bool:
        return any(0 <= c.start - m.end <= 4 or m.root in c.root.ancestors for m in ms)

    chosen = [
        c for c in chosen if not (c.label_ in STRIKE_FAMILY | {ACTION_REF} and inside(c, votes))
    ]
    notice_objects = {c.start for c in chosen if c.label_ in STRIKE_FAMILY and inside(c, notices)}
    return sorted(chosen, key=lambda c: c.start), notice_objects


_WITHDRAW = {"withdraw", "lift", "rescind", "revoke", "retract", "pull", "cancel"}


def _is_clock_or_date(tok: Token) -> bool:
    """ "will strike from 7am to 11am": a time the parser took for an object."""
    return (tok.lower_ in ("am", "pm", "a.m.", "p.m.", "noon", "midday", "midnight")
            or tok.like_num or tok.ent_type_ in ("TIME", "DATE"))  # fmt: skip


_AGENT_NOUNS = {
    "union",
    "unions",
    "association",
    "organisation",
    "branch",
    "crew",
    "workforce",
    "team",
}


def _no_agent(verb: Token) -> bool:
    """The subject of a verb is a thing, not people ("the shortage", "the
    storm"): a common noun that names no workers, people or body of them."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    word = subj.lower_
    return not (
        word in _AGENT_NOUNS
        or subj.lemma_.lower() in _people_nouns()
        or word in _people_nouns()
        or word in _worker_heads(refdata.load_refdata())
        or word.endswith(_AGENT_ENDINGS)
    )


def _is_tally(tr: Span) -> bool:
    """A plural trigger counted by a number of five or more, or by a vague
    quantity ("more than 100 strikes", "dozens of strikes", "hundreds of
    lockouts"): a statistic about many actions."""
    # "more than 100 strikes and lockouts have been notified": the verb's subject is the tally
    args = [c for c in tr.root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
            and c.lemma_.lower() in ("strike", "lockout", "stoppage", "walkout", "rally", "protest")]  # fmt: skip
    return any(_counted_many(t) for t in [tr.root, *args])


def _counted_many(root: Token) -> bool:
    if root.dep_ == "conj" and root.head.tag_ == "NNS":
        root = root.head  # "more than 100 strikes and lockouts"
    if root.tag_ != "NNS":
        return False
    for c in root.children:
        if c.dep_ == "nummod":
            n = c.text.replace(",", "")
            if (n.isdigit() and int(n) >= 5) or any(k.dep_ == "quantmod" for k in c.children):
                return True
    head = root.head
    # "dozens of strikes", "hundreds of lockouts"
    return (head.lower_ == "of" and head.head.lower_ in ("dozens", "hundreds", "thousands", "scores", "number")
            and head.head.tag_ == "NNS")  # fmt: skip


_DEAL_NOUNS = {
    "agreement",
    "deal",
    "settlement",
    "offer",
    "proposal",
    "contract",
    "package",
    "recommendation",
}
_ACCEPT_VERBS = {"accept", "ratify", "endorse", "approve", "back", "support"}
_REJECT_VERBS = {"reject", "decline", "refuse"}


def _vote_on_deal(tr: Span) -> str | None:
    """'accept' or 'reject' where a vote is on a deal rather than on action
    ("voted to accept a new collective agreement", "voted to reject the
    offer"), else None."""
    doc = tr.doc
    verbs = [c for c in tr.root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if tr[-1].lower_ == "to" and tr.end < len(doc) and doc[tr.end].pos_ == "VERB":
        verbs.append(doc[tr.end])
    for v in verbs:
        lem = v.lemma_.lower()
        if lem == "turn" and any(c.lower_ == "down" for c in v.children):
            lem = "reject"
        objects = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if not any(o.lemma_.lower() in _DEAL_NOUNS for o in objects):
            continue
        if lem in _ACCEPT_VERBS:
            return "accept"
        if lem in _REJECT_VERBS:
            return "reject"
    return None


_SUBORDINATORS = {
    "after",
    "before",
    "because",
    "as",
    "when",
    "while",
    "following",
    "once",
    "unless",
    "if",
    "since",
}
_RANGE_LINK = {"to", "until", "till", "through", "and"}
_RANGE_GAP = _RANGE_LINK | {"on", "at", "from", "the", "following", "day", "of", ","}


def _assign_temporals(
    sentence: Sentence, triggers: list[Span], items: list[D.Temporal]
) -> dict[int, list[D.Temporal]]:
    """Which trigger (index) each temporal expression belongs to."""
    out: dict[int, list[D.Temporal]] = {i: [] for i in range(len(triggers))}
    if not triggers:
        return out
    types = {t.label_ for t in triggers}
    anchors = [{a.i for a in _anchor_tokens(t)} | {t.root.i} for t in triggers]
    doc = sentence.span.doc
    prev: tuple[D.Temporal, int] | None = None
    for it in items:
        # the second half of a range ("from 7am on Wednesday to 7am on
        # Friday") goes where the first half went, whatever the parse says
        if prev is not None:
            gap = (
                sentence.text[prev[0].end : it.start]
                .lower()
                .replace("-", " ")
                .replace("–", " ")
                .split()
            )
            if "again" in gap and set(gap) <= {"and", "again", "on", "from", "at", ",", "then"}:
                # "between 11am and 1pm on Wednesday, June 5, and again on
                # Tuesday, June 11": the repeat goes where the first went
                out[prev[1]].append(it)
                prev = (it, prev[1])
                continue
            if (
                gap
                and all(w in _RANGE_GAP for w in gap)
                and (
                    any(w in _RANGE_LINK for w in gap)
                    # "until 8am on Thursday 29 January": a clock time and its day
                    or (prev[0].kind == "time" and it.is_day and set(gap) <= {"on", ","})
                )
            ):
                out[prev[1]].append(it)
                prev = (it, prev[1])
                continue
        span = doc.char_span(
            sentence.start + it.start, sentence.start + it.end, alignment_mode="expand"
        )
        choice = None
        if span is not None and (
            len({_family(t) for t in types}) > 1 or len(triggers) > len(types)
        ):
            # "gave notice on Wednesday of a 48-hour strike": a trigger that
            # hangs from the date word is not what the date dates
            under = {i for i, t in enumerate(triggers)
                     if span.root.i in anchors[i] and span.root.i != t.root.i
                     and not (t.start <= span.root.i < t.end)}  # fmt: skip
            for anc in [span.root, *span.root.ancestors]:
                hits = [i for i, a in enumerate(anchors) if anc.i in a and i not in under]
                if hits:
                    choice = hits[0]
                    break
        if choice is not None and triggers[choice].start_char - sentence.start >= it.end:
            # "will walk off the job later this month after their union rejected
            # the offer": a date before a subordinate clause's conjunction
            # belongs to the main clause, whatever the parse says
            between = (
                sentence.text[it.end : triggers[choice].start_char - sentence.start].lower().split()
            )
            before = [i for i, t in enumerate(triggers) if t.end_char - sentence.start <= it.start]
            if before and set(between) & _SUBORDINATORS:
                choice = before[-1]
        if it.kind == "duration":
            # "a six-hour stoppage": a duration just before a trigger is its length
            nxt = [
                i
                for i, t in enumerate(triggers)
                if 0 <= t.start_char - sentence.start - it.end <= 12
            ]
            if nxt:
                choice = nxt[0]
        if choice is None:
            # nearest trigger before the expression, else the first one
            before = [
                i for i, t in enumerate(triggers) if t.start_char - sentence.start <= it.start
            ]
            choice = before[-1] if before else 0
            if len({_family(t) for t in types}) == 1 and len(triggers) == len(types):
                choice = 0
        out[choice].append(it)
        prev = (it, choice)
    return out


def _voted_on(tr: Span) -> bool:
    """An offer or deal named as what members vote on or consider ("will vote
    online on the offer", "are considering the offer")."""
    root = tr.root
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "over"):
        return root.head.head.lemma_.lower() in ("vote", "ballot", "poll", "decide")
    return root.dep_ == "dobj" and root.head.lemma_.lower() in ("consider", "ratify", "weigh")


def _reassign_notified_for(
    se: Sentence, triggers: list[Span], assigned: dict[int, list[D.Temporal]]
) -> None:
    """A day after "for" in a notice ("notified for Tuesday 1 April", "notice
    for 8 May") is the day of the action notified, if the sentence names one
    with no day of its own."""
    actions = [j for j, t in enumerate(triggers) if t.label_ in ACTION_TYPES
               and not any(x.kind != "duration" for x in assigned.get(j, []))]  # fmt: skip
    if not actions:
        return
    for i, tr in enumerate(triggers):
        if tr.label_ != "strike_notice":
            continue
        moved = [t for t in assigned.get(i, []) if t.kind != "duration"
                 and se.text[: t.start].rstrip().lower().endswith(" for")]  # fmt: skip
        if moved:
            assigned[i] = [t for t in assigned[i] if t not in moved]
            assigned[actions[0]] = sorted(
                assigned.get(actions[0], []) + moved, key=lambda t: t.start
            )


def _is_followed(tr: Span) -> bool:
    """An action named only as what follows or comes after something ("The
    strike follows a vote by members last week", "The stoppage comes after
    months of talks"): the action the article already knows, not one dated
    by the other clause."""
    root = tr.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    lem = verb.lemma_.lower()
    return lem in ("follow", "succeed") or (
        lem == "come" and any(c.lower_ in ("after", "on") for c in verb.children)
    )


def _reassign_followed(triggers: list[Span], assigned: dict[int, list[D.Temporal]]) -> None:
    """The dates of a followed action belong to what it follows (the other
    trigger of its sentence), or to nothing."""
    for i, tr in enumerate(triggers):
        if (
            tr.label_ not in ACTION_TYPES | {ACTION_REF}
            or not assigned.get(i)
            or not _is_followed(tr)
        ):
            continue
        others = [
            j
            for j, t in enumerate(triggers)
            if j != i and t.start > tr.start and not _is_followed(t)
        ]
        if others:
            assigned[others[0]] = sorted(assigned[others[0]] + assigned[i], key=lambda t: t.start)
        assigned[i] = []


_SEPARATE_CLAUSE = {"after", "before", "following"}


def _own_clause_action(se: Sentence, first: Span, other: Span) -> bool:
    """A second action of the same family in one sentence is an occurrence of
    its own when a subordinator ("after", "before", "following") separates
    it from the first and it hangs from another verb than the first: "will
    strike twice more this month, after a four-hour stoppage on Monday"."""
    if other.start <= first.end:
        return False
    doc = se.span.doc
    between = {t.lower_ for t in doc[first.end : other.start]}
    return bool(between & _SEPARATE_CLAUSE)


_HABITUAL = re.compile(
    r"(?i)\b(?:each|every)\s{1,3}time\b|\bevery\s{1,3}(?:few\s{1,3})?(?:years?|decades?)\b|\bby\s{1,3}the\s{1,3}time\b"
    r"|\b(?:usually|typically|generally|invariably|historically)\b|\btends?\s{1,3}to\b"
)


_ANOTHER = {"second", "third", "fourth", "fifth", "another", "separate", "further", "final", "last"}


def _another_dated_occurrence(se: Sentence, tr: Span) -> bool:
    """A second action of one family in a sentence that is named as another
    occurrence ("a second strike", "another stoppage") and dated by words
    of its own ("from 8am on Tuesday 3 February")."""
    root = tr.root
    if not any(c.lower_ in _ANOTHER and c.dep_ in ("amod", "det", "advmod") for c in root.children):
        return False
    doc = se.span.doc
    for it in D.find_temporals(se.text):
        if it.kind == "duration" or not it.is_day:
            continue
        span = doc.char_span(se.start + it.start, se.start + it.end, alignment_mode="expand")
        if span is None:
            continue
        for steps, anc in enumerate(span.root.ancestors):
            if anc.i == root.i:
                return True
            if steps >= 4 or anc.pos_ in ("VERB", "AUX"):
                break
    return False


_END_VERBS = {"finish", "finishes", "end", "ends", "conclude", "concludes", "wrap"}
REPORTING_VERBS = {
    "say",
    "confirm",
    "announce",
    "tell",
    "report",
    "reveal",
    "state",
    "advise",
    "explain",
    "add",
}


def _own_temporals(
    se: Sentence, trigger: Span, items: list[D.Temporal], etype: str
) -> list[D.Temporal]:
    """Drop the date expressions that date something else than the trigger:
    the report ("the union confirmed on Thursday the strike would not go
    ahead": Thursday dates the confirming), and for a named action "since
    2019" ("the first joint strike since 2019" is not a strike in 2019)."""
    if not items:
        return items
    doc = se.span.doc
    own = {t.i for t in _anchor_tokens(trigger)} | set(range(trigger.start, trigger.end))
    out: list[D.Temporal] = []
    ending: D.Temporal | None = None
    for it in items:
        # "the action will finish at 4am on Wednesday": the end of an action
        # whose start is stated elsewhere is no new occurrence
        if not out and etype in ACTION_TYPES:
            if ending is not None and set(
                se.text[ending.end : it.start].lower().replace(",", " ").split()
            ) <= {"on", "at", "of"}:
                ending = it
                continue
            if set(se.text[: it.start].lower().split()[-3:]) & _END_VERBS:
                ending = it
                continue
        # "walked off at 6am and will return on Friday morning": the return
        # to work ends the action, it is no occurrence of its own
        if out and etype in ACTION_TYPES and it.kind != "duration" and _is_return(se, trigger, it):
            continue
        before = se.text[: it.start].rstrip().lower()
        words = (before + " " + se.text[it.start : it.end].lower()).split()
        if (
            etype in ACTION_TYPES
            and trigger.root.pos_ in ("NOUN", "PROPN")
            and "since" in words[-6:]
        ):
            continue
        # "a 4 percent pay rise backdated to April 1": when the content applies
        if it.kind != "duration" and _CONTENT_DATE.search(before):
            continue
        span = doc.char_span(se.start + it.start, se.start + it.end, alignment_mode="expand")
        if span is not None and it.kind != "duration" and _in_other_relative_clause(span, trigger):
            continue
        if span is not None and it.kind != "duration":
            head = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if (head is not None and head.lemma_.lower() in REPORTING_VERBS and head.i not in own
                    and any(a.i == head.i for a in trigger.root.ancestors)):  # fmt: skip
                continue
        out.append(it)
    return _drop_conjunct_dates(se, trigger, out)


_CONTENT_DATE = re.compile(
    r"(?:\bbackdated|\bback-dated|\bretrospective|\beffective|\bwith\s+effect|\bpayable|\bapplying)"
    r"(?:\s{1,3}(?:to|from|on|until|in))?(?:\s{1,3}the)?$"
)


def _in_other_relative_clause(span: Span, trigger: Span) -> bool:
    """ "a company that made more profit than it forecast last year, and it is
    locking out the people": a date inside a relative clause describing a
    noun of another clause is not the trigger's."""
    inside = set(range(trigger.start, trigger.end))
    for a in span.root.ancestors:
        if (
            a.dep_ == "relcl"
            and a.pos_ in ("VERB", "AUX")
            and any(c.tag_ in ("WDT", "WP", "WP$") for c in a.children)
        ):
            if a.head.i in inside or a.left_edge.i <= trigger.root.i <= a.right_edge.i:
                return False
            # "ratified the agreement in a ballot that closed on Tuesday": the
            # clause describes a noun of the trigger's own clause
            owner = next((x for x in a.head.ancestors if x.pos_ in ("VERB", "AUX")), None)
            verb = _clause_verb(trigger)
            return owner is None or not (owner.i == verb.i or verb in owner.ancestors)
    return False


def _date_verb(se: Sentence, it: D.Temporal) -> Token | None:
    span = se.span.doc.char_span(se.start + it.start, se.start + it.end, alignment_mode="expand")
    if span is None:
        return None
    return next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _drop_conjunct_dates(se: Sentence, trigger: Span, items: list[D.Temporal]) -> list[D.Temporal]:
    """ "The union lodged its claim in May and bargaining started on 3 June":
    a date of another coordinated clause is not the trigger's when the
    trigger's own clause has a date of its own."""
    if len(items) < 2:
        return items
    verb = _clause_verb(trigger)
    verbs = [_date_verb(se, it) for it in items if it.kind != "duration"]
    if not any(v is not None and v.i == verb.i for v in verbs):
        return items

    def conjunct(v: Token | None) -> bool:
        return (
            v is not None
            and v.i != verb.i
            and (
                (verb.dep_ == "conj" and verb.head.i == v.i)
                or (v.dep_ == "conj" and v.head.i == verb.i)
            )
        )

    return [it for it in items if it.kind == "duration" or not conjunct(_date_verb(se, it))]


def _window_segments(
    se: Sentence, windows: list[D.DateSpec], place_starts: list[int]
) -> list[tuple[int, int] | None]:
    """For a sentence that dates several occurrences of one action ("move to
    Wellington tomorrow, followed by Canterbury and Otago on Thursday"), the
    words of each: where the sentence names its places before their dates,
    a place belongs to the next date; where it names a date first ("on
    Monday in Auckland and on Tuesday in Wellington"), to the date before it."""
    if (len(windows) < 2 or any(w.text_end <= w.text_start for w in windows)
            or len({(w.text_start, w.text_end) for w in windows}) < len(windows)):  # fmt: skip
        # one list of days ("on 9, 10 and 11 September") shares its words
        return [None] * len(windows)
    ws = sorted(range(len(windows)), key=lambda i: windows[i].text_start)
    here = [p - se.start for p in place_starts if se.start <= p < se.end]
    bounds = [(windows[i].text_start, windows[i].text_end) for i in ws]
    out: list[tuple[int, int] | None] = [None] * len(windows)
    places_first = bool(here) and min(here) < bounds[0][0]
    for k, i in enumerate(ws):
        if places_first:
            lo = bounds[k - 1][1] if k else 0
            hi = bounds[k][1] if k < len(ws) - 1 else len(se.text)
        else:
            lo = bounds[k][0] if k else 0
            hi = bounds[k + 1][0] if k < len(ws) - 1 else len(se.text)
        out[i] = (se.start + lo, se.start + hi)
    return out


_RETURN_WORDS = {"return", "returns", "returning", "back"}


def _is_return(se: Sentence, trigger: Span, it: D.Temporal) -> bool:
    """The date is when the workers go back ("will return on Friday", "back
    at work on Monday"), not said of the action itself ("the strike will
    return on Friday")."""
    if not set(se.text[: it.start].lower().split()[-4:]) & _RETURN_WORDS:
        return False
    doc = se.span.doc
    for tok in doc[se.span.start : se.span.end]:
        if (tok.lower_ in _RETURN_WORDS and se.start + it.start - 40 <= tok.idx < se.start + it.start
                and any(c.dep_ in ("nsubj", "nsubjpass") and trigger.start <= c.i < trigger.end for c in tok.children)):  # fmt: skip
            return False
    return True


def _day_key(spec: D.DateSpec, sentence_text: str) -> str | None:
    if spec.start_day is not None:
        return spec.start_day.isoformat()
    # unresolved (no publication date): the day as written tells occurrences
    # apart; coarser relative words ("this week") do not
    return spec.day_words


_ANAPHOR = re.compile(
    r"(?i)\b(?:(?P<same>(?:that(?:\s+same)?|the\s+same)\s+(?:day|morning|afternoon|evening|night))"
    r"|(?P<next>the\s+(?:next|following)\s+(?:day|morning)|the\s+day\s+after)"
    r"|(?P<week>the\s+(?:next|following)\s+week|the\s+week\s+after)"
    r"|(?P<prev>the\s+(?:previous|preceding)\s+day|the\s+day\s+before))\b"
)


def _with_anaphora(
    se: Sentence,
    items: list[D.Temporal],
    mentions: list[_Mention],
    published: dt.date | None = None,
) -> list[D.Temporal]:
    """ "That day, nurses walked out ...", "an offer tabled the next day", "the
    ban began the following week": the day of (or the day or week after, or
    the day before) a full date written earlier in the sentence, else the
    latest action or milestone dated to the day in the two sentences
    before, written out so that the sentence's triggers can take it like any
    other date."""
    found = [m for m in _ANAPHOR.finditer(se.text)
             if all(m.end() <= t.start or m.start() >= t.end for t in items)]  # fmt: skip
    if not found:
        return items
    before = [m for m in mentions if se.index - 2 <= m.sentence.index < se.index and m.window is not None
              and m.window.start_day is not None and m.window.start_precision == "day"]  # fmt: skip
    earlier = before[-1].window.start_day if before else None
    made = []
    for m in found:
        here = [t for t in items if t.end <= m.start() and t.kind == "date" and t.g("m")]
        anchor = D.resolve_day(here[-1], published, None).start if here else earlier
        if anchor is None:
            continue
        shift = 7 if m.group("week") else 1 if m.group("next") else -1 if m.group("prev") else 0
        day = anchor + dt.timedelta(days=shift)
        groups = (("d", str(day.day)), ("m", day.strftime("%B")), ("y", str(day.year)))
        made.append(
            D.Temporal(
                "week_of" if m.group("week") else "date", m.start(), m.end(), m.group(0), groups
            )
        )
    return sorted([*items, *made], key=lambda t: t.start)


def find_mentions(
    doc: Doc, sents: list[Sentence], published: dt.date | None, ref: RefData
) -> list[_Mention]:
    all_triggers = (
        list(doc.spans[TRIGGERS_KEY]) if TRIGGERS_KEY in doc.spans else find_triggers(doc)
    )
    by_sent: dict[int, list[Span]] = {}
    tok_sent = {}
    for se in sents:
        for i in range(se.span.start, se.span.end):
            tok_sent[i] = se.index
    for tr in all_triggers:
        si = tok_sent.get(tr.start)
        if si is not None and tok_sent.get(tr.end - 1) == si:
            by_sent.setdefault(si, []).append(tr)
    continuation = ref.triggers.continuation_cues
    heads = _worker_heads(ref) - _words().generic_worker_heads
    contrasted: set[str | None] = set()
    place_starts = sorted(
        p.start_char
        for p in (doc.spans[PLACES_KEY] if PLACES_KEY in doc.spans else find_places(doc))
    )
    mentions: list[_Mention] = []
    # a report from the day itself ("are on strike today", live coverage):
    # a clock time with no day, told in the past or present, is that day's
    same_day = published is not None and bool(_SAME_DAY_REPORT.search(doc.text))
    prev: list[Sentence] = []  # the two sentences before
    for se in sents:
        # the two sentences before may supply the industrial context of a trigger,
        # unless this sentence is about an offer or agreement itself
        own = se.lemmas
        context = frozenset()
        if not own & _DEAL_WORDS:
            context = frozenset().union(*(p.lemmas for p in prev))
        prev = [*prev[-1:], se]
        trs, notice_objects = _select_triggers(se, by_sent.get(se.index, []), ref, context)
        if not trs:
            line = _schedule_line(se, mentions, published) or _elided_occurrence(
                se, mentions, published, continuation
            )
            if line is not None:
                mentions.append(line)
            continue
        # one mention per type per sentence: keep the first trigger of each
        # family, except an action in a subordinate clause of its own ("will
        # strike twice more this month, after a four-hour stoppage on Monday")
        firsts: list[Span] = []
        for tr in trs:
            same = [f for f in firsts if _family(f.label_) == _family(tr.label_)]
            if not same or (tr.label_ in ACTION_TYPES and _own_clause_action(se, same[-1], tr)):
                firsts.append(tr)
            elif (
                tr.label_ in ACTION_TYPES
                and same[-1].label_ in ACTION_TYPES
                and _is_followed(same[-1])
            ):
                # "The strikes follow the first national strike in 24 years, on
                # August 15": what is followed is an occurrence of its own
                firsts.append(tr)
            elif tr.label_ in ACTION_TYPES and _another_dated_occurrence(se, tr):
                # "a 48-hour strike from 27 January ..., and a second 48-hour
                # strike from 8am on Tuesday 3 February"
                firsts.append(tr)
            elif tr.label_ in ACTION_TYPES and _other_group(same[-1], tr, heads):
                # "Orderlies will stop work on Thursday, the same day hospital
                # cleaners hold a separate strike": two groups, two actions
                firsts.append(tr)
                contrasted.update({_group_of(same[-1], heads), _group_of(tr, heads)})
        # "will refuse to work the opening three hours of their shifts": the
        # refusal is the partial strike it names, not a refusal of its own
        partial = [t for t in trs if t.label_ == "partial_strike"]
        firsts = [f for f in firsts if not (f.label_ == "other_action"
                  and any(0 <= p.start - f.end <= 3 for p in partial))]  # fmt: skip
        # a bare "action" beside a named action is that action
        if any(f.label_ in ACTION_TYPES for f in firsts):
            firsts = [f for f in firsts if f.label_ != ACTION_REF]
        items = _with_anaphora(se, D.find_temporals(se.text), mentions, published)
        assigned = _assign_temporals(se, firsts, items)
        _reassign_followed(firsts, assigned)
        _reassign_notified_for(se, firsts, assigned)
        released: list[D.Temporal] = []
        for i, tr in enumerate(firsts):
            etype = tr.label_
            # "stopped work for the first two hours of their shifts": the
            # partial form of the family wins
            if etype == "strike" and any(t.label_ == "partial_strike" for t in trs):
                etype = "partial_strike"
            if etype == ACTION_REF:
                # a bare "action" is the latest action named before it
                earlier = [
                    m.event_type for m in mentions if m.event_type in ACTION_TYPES - {"rally"}
                ]
                if not earlier or any(
                    _family(f.label_) == _family(earlier[-1]) for f in firsts if f is not tr
                ):
                    continue
                etype = earlier[-1]
            if etype in NEGATABLE and (_is_negated(tr) or _is_condition(tr)):
                continue
            if etype == "rally" and tr.root.lemma_.lower() == "protest" and tr.start > 0 \
                    and tr.doc[tr.start - 1].lower_ == "in":  # fmt: skip
                continue  # "walked off in protest": how, not a protest of its own
            tense = tense_of(tr)
            if tense == "present" and any(c.dep_ == "mark" and c.lower_ in _FUTURE_MARKS
                                          for c in _clause_verb(tr).children):  # fmt: skip
                tense = "future"  # "unless mediation on Tuesday produces an offer"
            if tr.start in notice_objects and tense == "past":
                # "had given notice of a 12-hour strike from 7am on Friday": the
                # past is the notice's; the strike's day is the nearest one
                tense = None
            if any(f is not tr and _family(f.label_) == _family(etype) and f.start < tr.start
                   and _clause_verb(f).i == _clause_verb(tr).i for f in firsts):  # fmt: skip
                tense = None  # "will strike again, after a stoppage on Monday": the date decides
            its = _own_temporals(se, tr, assigned.get(i, []), etype)
            if etype in ("offer", "settlement") and _voted_on(tr):
                its = []  # "will vote on the offer over the next fortnight": the vote's days
            if (etype == "strike_notice" and len(tr) == 1 and tr.root.tag_ == "VBN" and tr.root.dep_ == "acl"
                    and not any(t.kind != "duration" for t in its)):  # fmt: skip
                continue  # "a second strike, notified for Tuesday 1 April": the strike, described
            if etype in ACTION_TYPES and released and not any(t.kind != "duration" for t in its):
                # "had given notice of further action on Monday 22 August, when
                # members will not work ...": the day the notice cannot have
                # been given is the action's
                its = sorted(released + its, key=lambda t: t.start)
            # a strike named in a notice is that notice's object unless it has its own date
            if tr.start in notice_objects and not any(t.kind != "duration" for t in its):
                continue
            # durations only describe actions
            if etype not in ACTION_TYPES:
                its = [t for t in its if t.kind != "duration"]
            windows = D.build_windows(se.text, its, published, tense, continuation,
                                      until_ends=etype in ACTION_TYPES) or [D.DateSpec()]  # fmt: skip
            # a bargaining milestone happens once: further dates in its
            # sentence ("an offer on Wednesday, adding 0.5 percent from July")
            # describe its content, not repeats
            if etype not in ACTION_TYPES:
                windows = windows[:1]
                # "after drivers voted to walk off the job next Tuesday": a
                # milestone told in the past tense cannot lie ahead; the date
                # is the action's
                if (etype in POINT_MILESTONES and tense == "past" and published
                        and (windows[0].start_day or published) > published):  # fmt: skip
                    windows = [D.DateSpec()]
                    released = [t for t in its if t.kind != "duration"]
            if any(w.start_day is not None for w in windows) and _is_hypothetical(tr, dated=True):
                continue
            # "By the time a union issues notice, its members have usually
            # spent months ...", "Each time, the dispute eventually settled":
            # what happens in general, not an event
            if not any(w.has_day_words for w in windows) and _HABITUAL.search(se.text):
                continue
            cancelled = _is_cancelled(tr, se, ref.triggers.cancel_cues)
            if cancelled and tense == "past":
                # "the strike on Monday has been called off": the day was still to come
                windows = D.build_windows(se.text, its, published, "future", continuation,
                                          until_ends=etype in ACTION_TYPES) or [D.DateSpec()]  # fmt: skip
            if same_day and tense in ("past", "present") and published is not None:
                windows = [
                    replace(w, start_day=published, start_precision="day", has_day_words=True)
                    if w.start_day is None and w.start_time is not None and not w.has_day_words
                    else w
                    for w in windows
                ]
                # "are on separate one-day strikes", told on the day: today's
                if (tense == "present" and etype in ACTION_TYPES and not se.text.rstrip().endswith("?")
                        and len(windows) == 1 and windows[0].start_day is None
                        and not windows[0].has_day_words):  # fmt: skip
                    windows = [replace(windows[0], start_day=published, start_precision="day",
                                       has_day_words=True)]  # fmt: skip
            segments = _window_segments(se, windows, place_starts)
            for w_i, w in enumerate(windows):
                day = w.start_day
                status = (
                    "cancelled" if cancelled else _status(tense, day, published, w.has_day_words)
                )
                if not cancelled:
                    status = _refine_status(etype, status, tr, se, its, w, published)
                cont = w_i > 0 or bool(
                    {t.lower_ for t in tr.root.children} & continuation
                    or se.lowers
                    & {
                        "continue",
                        "continues",
                        "resume",
                        "resumes",
                        "next",
                        "another",
                        "further",
                        "again",
                    }
                )
                sub = any(
                    f is not tr
                    and f.start < tr.start
                    and f.label_ != ACTION_REF
                    and not _is_followed(f)
                    and (
                        _family(f.label_) == _family(etype)
                        or (etype in ACTION_TYPES and _own_clause_action(se, f, tr))
                    )
                    for f in firsts
                )
                mentions.append(_Mention(etype, se, tr, tense, status, w, _day_key(w, se.text),
                                         (cont and w_i > 0) or cont, sub, segments[w_i],
                                         _group_of(tr, heads)))  # fmt: skip
    _dated_by_talks(mentions)
    # worker groups only tell actions apart where the article sets them apart
    contrasted.discard(None)
    for m in mentions:
        if m.group not in contrasted:
            m.group = next((g for g in contrasted if m.group and _same_group(g, m.group)), None)
    return mentions


_MADE_AT = re.compile(
    r"\s{0,2},?\s{0,2}(?:(?:which|that)\s{1,3}(?:was|were)\s{1,3})?"
    r"(?:made|tabled|presented|put\s{1,3}forward|delivered|received|reached|agreed)\s{1,3}"
    r"(?:at|during|in)\s{1,3}(?:the\s{1,3}|a\s{1,3})?(?:\w+\s{1,3}){0,2}"
)


def _dated_by_talks(mentions: list[_Mention]) -> None:
    """ "The DHBs' offer, made at mediation in March, was 2%": an undated
    offer or settlement made at talks dated in its sentence has their date."""
    for m in mentions:
        if m.event_type not in ("offer", "settlement") or (
            m.window is not None and m.window.start_day
        ):
            continue
        doc_text = m.sentence.span.doc.text
        for t in mentions:
            if (t.sentence.index == m.sentence.index and t.event_type == "negotiation" and t.window is not None
                    and t.window.start_day is not None and t.trigger.start_char > m.trigger.end_char
                    and _MADE_AT.fullmatch(doc_text[m.trigger.end_char : t.trigger.start_char])):  # fmt: skip
                m.window, m.day_key = t.window, t.day_key
                break


_SCHEDULE_LINE = re.compile(
    r"\s{0,3}(?:[-•*–—▪●]\s{0,3})?(?P<when>[^:–—]{3,45}?)\s{0,3}[:–—]\s{1,3}(?P<what>\S.*)"
)


def _latest_action(mentions: list[_Mention], se: Sentence, within: int) -> _Mention | None:
    """The last action other than a rally named in the `within` sentences before `se`."""
    return next((p for p in reversed(mentions) if p.event_type in ACTION_TYPES - {"rally"}
                 and 0 < se.index - p.sentence.index <= within), None)  # fmt: skip


def _schedule_line(
    se: Sentence, mentions: list[_Mention], published: dt.date | None
) -> _Mention | None:
    """A line of a timetable under an announced series ("• Monday, November
    12: Auckland"): the date and what follows it, with no verb, is one more
    occurrence of the latest action named in the sentences just before."""
    m = _SCHEDULE_LINE.fullmatch(se.text.rstrip("."))
    if m is None or len(m.group("what").split()) > 16:
        return None
    when = m.group("when")
    items = [t for t in D.find_temporals(when) if t.is_day]
    if not items or sum(t.end - t.start for t in items) < 0.6 * len(when.strip(" ,")):
        return None
    # no clause of its own ("Wellington, including the Wairarapa" has none)
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.is_alpha for t in se.span):
        return None
    prior = _latest_action(mentions, se, within=12)
    if prior is None:
        return None
    (w, *_rest) = D.build_windows(when, items, published, None) or [D.DateSpec()]
    if w.start_day is None:
        return None
    off = se.text.find(when)
    w = replace(w, text_start=off + w.text_start, text_end=off + w.text_end)
    doc = se.span.doc
    first = doc.char_span(se.start + off, se.start + off + len(when), alignment_mode="expand")
    if first is None:
        return None
    trigger = Span(doc, first.start, first.end, label=prior.event_type)
    status = _status(None, w.start_day, published, True)
    return _Mention(prior.event_type, se, trigger, None, status, w, _day_key(w, se.text),
                    continuation=True, group=prior.group, scheduled=True)  # fmt: skip


_ORDINALS = {"second", "third", "fourth", "fifth", "next", "last", "final", "other"}


def _elided_occurrence(se: Sentence, mentions: list[_Mention], published: dt.date | None,
                       continuation: frozenset[str]) -> _Mention | None:  # fmt: skip
    """ "The first stoppage will run from 11am to 1pm on Tuesday 14 May. The
    second will run from 7am to 9am on Thursday 16 May.": an ordinal standing
    for the action just named, with a date of its own, is another occurrence."""
    subj = next((t for t in se.span if t.dep_ == "nsubj" and t.lower_ in _ORDINALS
                 and t.head.pos_ in ("VERB", "AUX")), None)  # fmt: skip
    if subj is None or not any(c.lower_ == "the" for c in subj.children):
        return None
    prior = _latest_action(mentions, se, within=2)
    if prior is None:
        return None
    trigger = Span(se.span.doc, subj.i, subj.i + 1, label=prior.event_type)
    tense = tense_of(trigger)
    items = D.find_temporals(se.text)
    windows = D.build_windows(se.text, items, published, tense, continuation)
    w = next((w for w in windows if w.start_day is not None), None)
    if w is None:
        return None
    status = _status(tense, w.start_day, published, w.has_day_words)
    return _Mention(prior.event_type, se, trigger, tense, status, w, _day_key(w, se.text),
                    continuation=True, group=prior.group)  # fmt: skip


def _group_of(tr: Span, heads: frozenset[str]) -> str | None:
    """The workers who are the subject of the trigger's clause ("Orderlies
    ... will stop work", "hospital cleaners hold a separate strike"), as
    their head noun, lower case; None when unnamed or generic."""
    verb = _clause_verb(tr)
    generic = _words().generic_worker_heads
    for tok in (verb, tr.root):
        for c in tok.children:
            if c.dep_ not in ("nsubj", "nsubjpass") or c.lower_ in generic:
                continue
            # a worker noun, or a plural agent noun ("porters", "machinists")
            if c.lower_ in heads or (
                c.tag_ == "NNS" and c.lower_.endswith(_AGENT_ENDINGS) and c.ent_type_ == ""
            ):
                return c.lower_
    return None


_AGENT_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ies")


def _same_group(a: str, b: str) -> bool:
    return a.split()[-1] == b.split()[-1]


def _other_group(a: Span, b: Span, heads: frozenset[str]) -> bool:
    ga, gb = _group_of(a, heads), _group_of(b, heads)
    return ga is not None and gb is not None and not _same_group(ga, gb)


_SAME_DAY_REPORT = re.compile(
    r"(?i)\b(?:(?:on\s+strike|walked\s+(?:out|off)|striking)\s+today|live\s+(?:coverage|updates|blog))\b"
)
_SAME_DAY = re.compile(
    r"(?i)\b(?:the\s+same\s+(?:day|morning|afternoon|evening|night)|that\s+(?:day|morning))\b"
)


def _name_unions(mentions: list[_Mention], parties: list[PartyMention]) -> None:
    """The unions each mention's sentence names (for telling apart strikes by
    different unions on one day)."""
    unions = [p for p in parties if p.party_type == "union"]
    for m in mentions:
        m.unions = frozenset(
            p.party_id for p in unions if m.sentence.start <= p.char_start < m.sentence.end
        )
        before = [p for p in unions if p.char_start < m.sentence.start]
        if before:
            last = max(before, key=lambda p: p.char_start)
            gap = m.sentence.span.doc.text[last.char_start : m.sentence.start]
            if "\n" not in gap.strip("\n ") and gap.count(". ") <= 1:
                m.context_unions = frozenset({last.party_id})


def _split_separate(mentions: list[_Mention]) -> list[_Mention]:
    """ "Secondary teachers (PPTA) and primary teachers (NZEI) are on separate
    one-day strikes": one action per union named."""
    out: list[_Mention] = []
    for m in mentions:
        if m.event_type in ACTION_TYPES and len(m.unions) >= 2 and "separate" in m.sentence.lowers:
            out.extend(replace(m, unions=frozenset({u}), separate=True) for u in sorted(m.unions))
        else:
            out.append(m)
    return out


def _unions_conflict(ev: _Event, m: _Mention) -> bool:
    """Two actions on one day by different unions, each named beside its own
    mention, stay two events (codebook, Identity)."""
    theirs = ev.unions
    return (m.event_type in ACTION_TYPES and bool(theirs) and bool(m.unions)
            and not theirs & m.unions)  # fmt: skip


def _groups_conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and not _same_group(a, b)


# --------------------------------------------------------------------------
# Coreference inside the article
# --------------------------------------------------------------------------


def _dates_agree(a: D.DateSpec, b: D.DateSpec) -> bool:
    if a.start_day is None or b.start_day is None:
        return False
    if a.start_day == b.start_day:
        return True
    coarse, fine = (
        (a, b)
        if D.PRECISION_RANK[a.start_precision] < D.PRECISION_RANK[b.start_precision]
        else (b, a)
    )
    if coarse.start_precision == "week":
        return 0 <= (fine.start_day - coarse.start_day).days < 7
    if coarse.start_precision == "month":
        return (fine.start_day.year, fine.start_day.month) == (
            coarse.start_day.year,
            coarse.start_day.month,
        )
    if coarse.start_precision == "year":
        return fine.start_day.year == coarse.start_day.year
    return False


def _ranges_overlap(a: D.DateSpec, b: D.DateSpec) -> bool:
    """Two windows that both span several days and share at least one."""
    if None in (a.start_day, a.end_day, b.start_day, b.end_day):
        return False
    if a.end_day == a.start_day or b.end_day == b.start_day:
        return False
    return a.start_day < b.end_day and b.start_day < a.end_day


def _offer_is_acted_on(m: _Mention) -> bool:
    """An undated offer is an event when something is done with it, or when
    it is a particular offer: owned by a named side with its content ("the
    airline's offer of 3.5 percent", "Kinetic's offer")."""
    verb = _clause_verb(m.trigger)
    lem = verb.lemma_.lower()
    if m.trigger.root.pos_ == "VERB":
        return True
    if lem in OFFER_ACTION_VERBS:
        return lem != "improve"
    root = m.trigger.root
    owned = any(c.dep_ == "poss" for c in root.children)
    content = any(
        c.dep_ == "prep" and c.lower_ == "of" and any(t.like_num for t in c.subtree)
        for c in root.children
    )
    # "the ministry's offer is a flat increase of $1,500": content by copula
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ == "be":
        content = content or any(
            t.like_num for c in head.children if c.dep_ in ("attr", "acomp") for t in c.subtree
        )
    return owned and content


def _is_vague_offer(m: _Mention) -> bool:
    """ "saying the company is offering them less than its competitor": a
    progressive verb describing the dispute, not the making of an offer."""
    root = m.trigger.root
    return root.pos_ == "VERB" and root.tag_ == "VBG"


def link_mentions(mentions: list[_Mention], ref: RefData) -> list[_Event]:
    needs_date = {t.event_type for t in ref.triggers.types if t.needs_date}
    events: list[_Event] = []
    dated = [m for m in mentions if m.day_key is not None]
    undated = [m for m in mentions if m.day_key is None]
    # actions whose sentence names their union go first, so that a lede naming
    # no union ("teachers, nurses and senior doctors are on strike today")
    # meets the unions' separate actions that day already told apart
    dated.sort(key=_names_no_union)  # stable: each part keeps the article's order
    for m in dated:
        fam = _family(m.event_type)
        match = None
        if _names_no_union(m) and m.group is None and _umbrella(m, events):
            # "The ASMS says ... About 5,000 senior doctors are on strike
            # today": the union of the sentence before, else it stands for
            # several unions' actions, each an event already
            theirs = [ev for ev in events if ev.day_key == m.day_key and m.context_unions
                      and ev.unions == m.context_unions and _family(ev.event_type) == fam]  # fmt: skip
            if theirs:
                _absorb(theirs[0], m)
            continue
        for ev in events:
            if (
                _family(ev.event_type) != fam
                or _groups_conflict(ev.group, m.group)
                or _unions_conflict(ev, m)
            ):
                continue
            # a week or month only contains a day of the same time: the
            # stoppage held on Monday is not the strikes planned for this month
            apart = {ev.status, m.status} == {"planned", "occurred"}
            if ev.day_key == m.day_key or (
                m.window and not apart and _dates_agree(ev.spec, m.window)
            ):
                match = ev
                break
            # "over the weekend" and "from midnight Thursday until midnight
            # Sunday": two spans of days that overlap describe one action
            if (
                m.window
                and ev.status == m.status
                and not m.continuation
                and _ranges_overlap(ev.spec, m.window)
            ):
                match = ev
                break
        if (match is not None and m.window is not None and m.window.start_time is not None
                and match.spec.start_time is None and _ranges_overlap(match.spec, m.window)):  # fmt: skip
            match.spec = D.merge_specs(m.window, match.spec)  # the window stated to the hour wins
        if match is None:
            events.append(_Event(m.event_type, m.status, m.window or D.DateSpec(), [m], m.day_key))
        else:
            _absorb(match, m)
    for ev in events:  # each event is first stated where the article first mentions it
        ev.mentions.sort(key=lambda x: (x.sentence.index, x.trigger.start))
    for m in undated:
        fam = _family(m.event_type)
        hypothetical = _is_hypothetical(m.trigger)
        if hypothetical and (m.event_type in ACTION_TYPES or not events):
            continue
        same = [ev for ev in events if _family(ev.event_type) == fam]
        if m.window is not None and m.window.start_day is None and m.window.end_day is not None:
            # "the strike runs until 7am tomorrow": only an action begun by then
            end = m.window.end_day
            same = [ev for ev in same if ev.spec.start_day is None or ev.spec.start_day <= end]
        if m.group is not None and same:
            mine = [ev for ev in same if ev.group is not None and _same_group(ev.group, m.group)]
            if mine:
                _absorb(mine[0], m)
                continue
            sibling = [ev for ev in same if _groups_conflict(ev.group, m.group)
                       and any(x.sentence.index == m.sentence.index for x in ev.mentions)]  # fmt: skip
            if sibling:
                # "..., the same day hospital cleaners hold a separate strike"
                events.append(
                    _Event(
                        m.event_type, sibling[0].status, sibling[0].spec, [m], sibling[0].day_key
                    )
                )
                continue
            same = [ev for ev in same if not _groups_conflict(ev.group, m.group)]
        if same and m.event_type in ACTION_TYPES and all(_unions_conflict(ev, m) for ev in same):
            # "The same morning, about 70 technicians represented by Apex will
            # stop work": another union's action, on the day named before
            twin = max(same, key=lambda e: e.first.sentence.index)
            same_day = _SAME_DAY.search(m.sentence.text) is not None
            events.append(
                _Event(
                    m.event_type,
                    twin.status if same_day else m.status,
                    D.merge_specs(
                        m.window,
                        D.DateSpec(
                            start_day=twin.spec.start_day, start_precision=twin.spec.start_precision
                        ),
                    )
                    if same_day and m.window
                    else (m.window or D.DateSpec()),
                    [m],
                    twin.day_key if same_day else None,
                )
            )
            continue
        same = [ev for ev in same if not _unions_conflict(ev, m)]
        if same and m.event_type in ACTION_TYPES and _follows_on(m.trigger):
            # "This will be followed by rolling regional strikes": what comes
            # after the action is another one, as the one before it stands
            before = max(same, key=lambda e: e.first.sentence.index)
            events.append(_Event(m.event_type, before.status, m.window or D.DateSpec(), [m], None))
            continue
        if same and m.event_type not in needs_date:
            before = [ev for ev in same if ev.first.sentence.index <= m.sentence.index]
            target = (
                max(before, key=lambda e: e.first.sentence.index)
                if before
                else min(same, key=lambda e: e.first.sentence.index)
            )
            # a strike with the same words as the first one ("the strike") is the first one
            if fam == "strike" and not m.continuation:
                target = (
                    min(same, key=lambda e: e.first.sentence.index) if not before else before[0]
                )
            _absorb(target, m)
            continue
        if m.event_type in needs_date:
            continue
        if m.event_type == "offer" and not _offer_is_acted_on(m):
            continue
        if m.event_type == "settlement" and m.status not in ("occurred", "ongoing", "planned"):
            continue
        if hypothetical:
            continue  # "we want to reach a settlement": talked of, never a new event
        if m.sentence.text.rstrip().rstrip("\"'”’").endswith("?"):
            continue  # "So why are nurses not on the picket line?": asked, not told
        events.append(_Event(m.event_type, m.status, m.window or D.DateSpec(), [m], None))
    events.sort(key=lambda e: (e.first.sentence.index, e.first.trigger.start))
    return events


def _follows_on(tr: Span) -> bool:
    """The action is what something "will be followed by"."""
    return any(
        a.lower_ == "by" and a.head.lemma_.lower() == "follow" for a in list(tr.root.ancestors)[:3]
    )


def _names_no_union(m: _Mention) -> bool:
    return m.event_type in ACTION_TYPES and not m.unions


def _umbrella(m: _Mention, events: list[_Event]) -> bool:
    """An action naming no union on a day when two or more unions' actions of
    its family are already told apart ("Tens of thousands of teachers, nurses
    and senior doctors are on strike today")."""
    same_day = {ev.unions for ev in events
                if _family(ev.event_type) == _family(m.event_type) and ev.unions and ev.day_key == m.day_key}  # fmt: skip
    return len(same_day) >= 2


def _representative(ev: _Event, dated_sents: dict[int, set[int]]) -> _Mention:
    """The mention that best states the event: the article's earliest one,
    unless a later one pins the day while the earliest only gives a week,
    month or year ("will strike next month" ... "on Friday 9 September"), or
    the earliest is undated and its sentence is where another event gets
    its date ("issued notice of a strike on 22 December" states the strike;
    "served the notice on Wednesday" states the notice)."""
    ordered = sorted(ev.mentions, key=lambda m: (m.sentence.index, m.trigger.start))
    if ev.event_type == "offer":
        # a clear offer sentence states the offer rather than a lede's "is offering them less"
        ordered = [m for m in ordered if not _is_vague_offer(m)] + [
            m for m in ordered if _is_vague_offer(m)
        ]
    # a headline or label line (no closing punctuation) only states the event
    # when nothing else does
    ordered = [m for m in ordered if m.scheduled or not _is_headline(m.sentence)] or ordered
    # an action named in a subordinate clause of another ("..., after a
    # four-hour stoppage on Monday") is stated by a sentence of its own
    ordered = [m for m in ordered if not m.subordinate] or ordered
    # "the strike runs until 7am tomorrow" tells when it ends, not the event
    ordered = [m for m in ordered if not _end_only(m)] or ordered
    # "ending a campaign in which they refused to fill in paperwork": an
    # undated action describing a noun of another clause only states the
    # event when nothing else does
    ordered = [m for m in ordered if not _undated_description(m)] or ordered
    first = ordered[0]
    day_level = [m for m in ordered if m.window is not None and m.window.start_day is not None
                 and D.PRECISION_RANK[m.window.start_precision] >= D.PRECISION_RANK["day"]]  # fmt: skip
    dated = [m for m in ordered if m.window is not None and m.window.start_day is not None]
    # an undated first mention states an action ("has locked out 300 workers")
    # but only refers to a milestone ("its current offer") or to a series ("a
    # dispute that led to the first strikes"), unless nothing is dated
    if (first.window is None or first.window.start_day is None) and dated and (
            ev.event_type not in ACTION_TYPES or dated_sents.get(first.sentence.index, set()) - {id(ev)}
            or _names_a_series(first)):  # fmt: skip
        return dated[0]
    if not day_level or day_level[0] is first:
        return first
    prec = (
        first.window.start_precision
        if first.window is not None and first.window.start_day is not None
        else None
    )
    if prec in ("week", "month", "year"):
        return day_level[0]
    if prec is None and dated_sents.get(first.sentence.index, set()) - {id(ev)}:
        return next(m for m in ordered if m.window is not None and m.window.start_day is not None)
    return first


def _undated_description(m: _Mention) -> bool:
    return (m.window is None or m.window.start_day is None) and _clause_verb(m.trigger).dep_ == "relcl" \
        and _clause_verb(m.trigger).head.i not in range(m.trigger.start, m.trigger.end)  # fmt: skip


def _end_only(m: _Mention) -> bool:
    return m.window is not None and m.window.start_day is None and m.window.end_day is not None


_SERIES = re.compile(
    r"(?i)\b(?:(?:two|three|four|five|six|several|\d+)\s+times|twice|series\s+of|rolling|a\s+(?:wave|round)\s+of)\b"
)


def _names_a_series(m: _Mention) -> bool:
    """ "a dispute that led to the first strikes", "will strike three times in
    the next fortnight": the mention names several occurrences at once."""
    return m.trigger.root.tag_ == "NNS" or bool(_SERIES.search(m.sentence.text))


def _absorb(ev: _Event, m: _Mention) -> None:
    ev.mentions.append(m)
    if m.window is not None:
        ev.spec = D.merge_specs(ev.spec, m.window)
    if m.event_type == "partial_strike":
        ev.event_type = "partial_strike"
    if m.status == "cancelled":
        ev.status = "cancelled"
    elif ev.status == "unknown":
        ev.status = m.status


# --------------------------------------------------------------------------
# Attributes
# --------------------------------------------------------------------------


def _phrase_in(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    for i in range(len(tokens) - n + 1):
        if all(p == "*" or p == tokens[i + j] for j, p in enumerate(phrase)):
            return True
    return False


def _first_ever(ev: _Event, ref: RefData) -> bool | None:
    if ev.event_type not in ACTION_TYPES:
        return None
    for m in ev.mentions:
        toks = [t.lower_ for t in m.sentence.span]
        if any(_phrase_in(toks, p) for p in ref.triggers.first_ever_phrases):
            return True
    return None


@_per_object
def _occupation_index(
    variants: tuple[tuple[str, Occupation], ...],
) -> tuple[re.Pattern[str] | None, dict[str, Occupation]]:
    # longest variants first, so "junior doctors" wins over "doctors" at one position
    forms = [re.escape(v) for v, occ in variants if occ.sector is not None]
    rx = re.compile(rf"\b(?:{'|'.join(forms)})\b") if forms else None
    return rx, dict(variants)


def _occupation(texts: list[str], ref: RefData) -> Occupation | None:
    """The first occupation named in the first text that names one."""
    rx, lookup = _occupation_index(ref.occupation_variants)
    if rx is None:
        return None
    for text in texts:
        m = rx.search(text.lower())
        if m:
            return lookup[m.group(0)]
    return None


@dataclass(frozen=True)
class _Words:
    """Extraction's own word lists from extraction_lexicon.yaml that RefData does not index."""

    overseas_orgs: frozenset[str] = frozenset()
    site_words: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()
    sector_aliases: tuple[tuple[str, str], ...] = ()
    never_employers: frozenset[str] = frozenset()
    commentator_titles: frozenset[str] = frozenset()
    report_settings: frozenset[str] = frozenset()
    worker_heads: frozenset[str] = frozenset()
    generic_worker_heads: frozenset[str] = frozenset()
    not_occupation_modifiers: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def _load_words(path: str) -> _Words:
    raw = refdata._read_yaml(Path(path))
    raw = raw if isinstance(raw, dict) else {}
    aliases = raw.get("sector_aliases") if isinstance(raw.get("sector_aliases"), dict) else {}
    return _Words(
        overseas_orgs=frozenset(refdata._str_list(raw.get("overseas_organisations"))),
        site_words=frozenset(refdata._str_list(raw.get("site_words"))),
        org_words=frozenset(refdata._str_list(raw.get("organisation_words"))),
        sector_aliases=tuple(
            (str(k).lower(), str(v).lower()) for k, v in aliases.items() if k and v
        ),
        never_employers=frozenset(refdata._str_list(raw.get("never_employers"))),
        commentator_titles=frozenset(
            w.lower() for w in refdata._str_list(raw.get("commentator_titles"))
        ),
        report_settings=frozenset(w.lower() for w in refdata._str_list(raw.get("report_settings"))),
        worker_heads=frozenset(w.lower() for w in refdata._str_list(raw.get("worker_heads"))),
        generic_worker_heads=frozenset(
            w.lower() for w in refdata._str_list(raw.get("generic_worker_heads"))
        ),
        not_occupation_modifiers=frozenset(
            w.lower() for w in refdata._str_list(raw.get("not_occupation_modifiers"))
        ),
    )


def _words() -> _Words:
    return _load_words(str(refdata.LEXICON_FILE))


def _sector(name: str | None) -> str | None:
    if not name:
        return name
    return dict(_words().sector_aliases).get(name, name)


_DATELINE = re.compile(
    r",?\s{0,3}(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s{1,3})?(?:\d{1,2}\s{1,3}[A-Z][a-z]+|[A-Z][a-z]+\s{1,3}\d{1,2})"
    r"(?:,?\s{1,3}\d{4})?\s{0,3}(?:\(?[A-Z]{2,6}\)?\s{0,3})?[-–—|]\s"
)


_PART_OF_ISLAND = re.compile(
    r"(?i)\b(?:lower|upper|central|northern|southern|eastern|western|mid|"
    r"(?:top|bottom|tip|north|south|east|west)\s+of\s+the)\s*-?\s*$"
)


@dataclass(frozen=True)
class _PlaceRef:
    text: str  # as written
    place: Place
    site: bool  # named as a workplace ("Wellington Hospital", "the Kilbirnie depot")
    span: Span


def _place_refs(
    doc: Doc, places: list[Span], parties: list[PartyMention], ref: RefData
) -> list[_PlaceRef]:
    """The article's New Zealand places that can be where something happens.

    Rules: a place followed by a site word (hospital, depot, plant, campus,
    port...) is a workplace and keeps its place ("Wellington Hospital" is in
    Wellington), unless the site is then placed more precisely ("Southland
    Hospital in Invercargill": Invercargill); a place inside an organisation's
    name ("Wellington Free Ambulance", "Waikato DHB", "Greater Wellington
    Regional Council", "Foodstuffs North Island") is not a location; nor is
    the country."""
    words = _words()
    text = doc.text  # Doc.text is rebuilt on every access: read it once
    org_spans = [(pm.char_start, pm.char_end) for pm in parties if pm.party_type != "person"]
    out: list[_PlaceRef] = []
    for p in places:
        place = ref.place_by_alias.get(p.text)
        if place is None or place.kind == "country":
            continue
        # "the lower North Island", "the top of the South Island": a part of
        # an island is no place of its own (only island-wide action is)
        if (
            place.kind == "island"
            and place.region is None
            and _PART_OF_ISLAND.search(text[max(0, p.start_char - 20) : p.start_char])
        ):
            continue
        if _THE_SEA.search(
            text[max(0, p.start_char - 30) : p.start_char]
        ) and not _REGION_AFTER.match(text, p.end_char):
            continue  # "across the Tasman": the sea (Australia), not the Tasman District
        if _DATELINE.match(text, p.end_char) and not text[p.sent.start_char : p.start_char].strip():
            continue  # "Wellington, 14 May 2025 - ...": where a release was issued
        nxt = [t.text for t in doc[p.end : min(p.end + 3, len(doc))]]
        # a site word two words on is part of the name only when capitalised
        # ("Auckland City Hospital"; not "Auckland Council library staff")
        site_at = next(
            (
                i
                for i, w in enumerate(nxt[:2])
                if w in words.site_words and (i == 0 or w[:1].isupper())
            ),
            None,
        )
        if site_at is not None:
            after = doc[p.end + site_at + 1 : min(p.end + site_at + 4, len(doc))]
            if (
                len(after) >= 2
                and after[0].lower_ == "in"
                and any(q.start == after[1].i for q in places)
            ):
                continue  # "Southland Hospital in Invercargill"
            out.append(_PlaceRef(p.text, place, True, p))
            continue
        if any(
            a <= p.start_char < b and not (a == p.start_char and b == p.end_char)
            for a, b in org_spans
        ):
            continue
        if nxt and nxt[0] in words.org_words:
            continue
        # "Ōtautahi Christchurch": the Māori and English names of one place
        if out and out[-1].span.end == p.start and out[-1].place == place:
            continue
        # "volume would be diverted to Tauranga", "flights rerouted via
        # Christchurch": where work or traffic goes instead, not where the action is
        if _DESTINATION.search(text[max(0, p.start_char - 40) : p.start_char]):
            continue
        out.append(_PlaceRef(p.text, place, False, p))
    return out


_THE_SEA = re.compile(r"(?i)\b(?:across|over|crossed|cross|beyond|side\s+of)\s+the\s+$")
_REGION_AFTER = re.compile(r"\s+(?:District|region|Region|District\s+Council)\b")
_DESTINATION = re.compile(
    r"(?i)\b(?:divert\w*|re-?rout\w*|redirect\w*|transferr?\w*|sent|send\w*"
    r"|flown|fly\w*|relocat\w*)\s+(?:\w+\s+){0,3}?(?:to|via|through|towards)\s+$"
)


def _is_side_place(tok: Token, trigger: Span) -> bool:
    """A place that only says where a person works or comes from ("For X, a
    nurse at Wellington Hospital, the strike was ...") is not where the event
    happens, unless those people take part ("Cleaners at Wellington Hospital
    will picket", "locked out 300 workers at its Balclutha plant"): the
    subject or object of the trigger's clause."""
    verb = _clause_verb(trigger)
    inside = range(trigger.start, trigger.end)
    people = _people_nouns()
    settings = _words().report_settings
    for anc in tok.ancestors:
        if anc.i in inside or anc.i == verb.i:
            return False
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in settings:
            return True  # "asked about the strike at a press conference in Auckland"
        if anc.dep_ == "appos":
            # "X, a nurse at Wellington Hospital" is a side mention; "Te Whare
            # Ahuru, the mental health unit at Hutt Hospital" places the workplace
            return anc.lemma_.lower() in people or anc.pos_ == "PROPN"
        if anc.pos_ in ("NOUN", "PROPN") and anc.lemma_.lower() in people:
            actor = anc
            while actor.dep_ == "conj" and actor.head.i != actor.i:
                actor = actor.head
            return not (actor.dep_ in ("nsubj", "nsubjpass", "dobj") and actor.head.i == verb.i)
    return False


@lru_cache(maxsize=4)
def _people_nouns_for(base: frozenset[str]) -> frozenset[str]:
    return base | {"nurse", "delegate", "spokesperson", "spokeswoman", "spokesman", "organiser", "secretary",
                   "president", "resident", "commuter", "parent", "manager"}  # fmt: skip


def _people_nouns() -> frozenset[str]:
    return _people_nouns_for(refdata.load_refdata().lexicon.people_nouns)


def _locations(ev: _Event, refs: list[_PlaceRef], owner: dict[int, int]) -> list[_PlaceRef]:
    """The places named as where the event happens: in its sentences, owned
    by its trigger (not by another event's trigger in the same sentence), and
    not a side mention. The first sentence of the event that names a place
    gives its places: later re-mentions ("the strike would affect routes to
    A, B and C", "the company, which also runs homes in D") add none."""
    out: list[_PlaceRef] = []
    triggers = {m.trigger.start for m in ev.mentions}
    prev_index = -1
    for m in _by_statement(ev.mentions):
        if out and m.sentence.index != prev_index:
            break
        prev_index = m.sentence.index
        for r in refs:
            if not (m.sentence.start <= r.span.start_char < m.sentence.end):
                continue
            if m.segment is not None and not (m.segment[0] <= r.span.start_char < m.segment[1]):
                continue  # another occurrence's place ("..., followed by Canterbury on Thursday")
            own = owner.get(r.span.start)
            if own is not None and own not in triggers:
                continue
            if _is_side_place(r.span.root, m.trigger):
                continue
            if all(o.place != r.place for o in out):
                out.append(r)
    return out


def _place_owners(refs: list[_PlaceRef], all_triggers: list[Span]) -> dict[int, int]:
    """For each place (by token start) in a sentence with several event
    triggers, the start of the trigger it belongs to: the nearest trigger
    among its syntactic heads, else the nearest one by distance."""
    out: dict[int, int] = {}
    for r in refs:
        sent = r.span.sent
        here = [t for t in all_triggers if sent.start <= t.start < sent.end]
        if len({t.start for t in here}) < 2:
            continue
        chosen = None
        for anc in r.span.root.ancestors:
            chosen = next((t for t in here if t.start <= anc.i < t.end), None)
            if chosen is not None:
                break
        if chosen is None:
            chosen = min(here, key=lambda t: abs(t.start - r.span.start))
        out[r.span.start] = chosen.start
    return out


def _overseas_article(doc: Doc, sents: list[Sentence], refs: list[_PlaceRef], parties: list[PartyMention],
                      ref: RefData) -> bool:  # fmt: skip
    """An article about an overseas dispute: its opening (first two
    sentences) names an overseas place or organisation and no New Zealand
    place or curated New Zealand organisation."""
    if not sents:
        return False
    lede_end = sents[min(1, len(sents) - 1)].end
    lede = doc.text[:lede_end]
    overseas = _any_word_rx(ref.lexicon.overseas_places | _words().overseas_orgs)
    if overseas is None or not overseas.search(lede):
        return False
    if any(r.span.start_char < lede_end for r in refs):
        return False
    if re.search(r"(?<!\w)(?:New Zealand|Aotearoa|NZ|Kiwi)(?!\w)", lede):
        return False
    return not any(pm.char_start < lede_end and pm.party_id in ref.organisations and pm.party_type != "government"
                   for pm in parties)  # fmt: skip


@lru_cache(maxsize=32)
def _any_word_rx(words: frozenset[str]) -> re.Pattern[str] | None:
    """Any of `words`, standing alone (the same as searching for each in turn)."""
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in sorted(words))})(?!\w)")


def _overseas_sentences(doc: Doc, sents: list[Sentence], ref: RefData) -> set[int]:
    """Indexes of sentences naming a place outside New Zealand (one pass over
    doc.ents) or an overseas organisation."""
    overseas = ref.lexicon.overseas_places
    starts = [se.start for se in sents]
    out: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "NORP") and ent.text in overseas:
            i = bisect.bisect_right(starts, ent.start_char) - 1
            if i >= 0:
                out.add(sents[i].index)
    # ... or named in the text whatever the tagger made of it ("the first
    # statewide strike in New South Wales"); names that are also New Zealand
    # street, university or place names (Victoria, Wales) only as entities
    written = _any_word_rx(frozenset(p for p in overseas if " " in p or p.isupper()))
    if written is not None:
        out.update(se.index for se in sents if written.search(se.text))
    # ... or an overseas organisation ("called by the British Medical Association")
    orgs = _any_word_rx(_words().overseas_orgs)
    if orgs is not None:
        out.update(se.index for se in sents if orgs.search(se.text))
    # "They walked out again on 18 and 19 January": a sentence going on about
    # the people of an overseas sentence just before is overseas too
    for prev, se in itertools.pairwise(sents):
        if prev.index in out and se.span[0].lower_ in ("they", "their", "it", "its", "there"):
            out.add(se.index)
    return out


def _is_overseas(ev: _Event, overseas_sents: set[int]) -> bool:
    """Stated overseas: a mention that dates the event (else any mention) is
    in a sentence about somewhere else. An undated re-mention in an overseas
    sentence ("nurses walking out in Britain and Australia") does not take a
    New Zealand strike dated elsewhere abroad."""
    dated = [m for m in ev.mentions if m.window is not None and m.window.start_day is not None]
    return any(m.sentence.index in overseas_sents for m in dated or ev.mentions)


def _has_national_phrase(ev: _Event, ref: RefData) -> bool:
    text = " ".join(m.sentence.text for m in ev.mentions).lower()
    return any(p.lower() in text for p in ref.triggers.national_phrases)


def _scope_of_places(locs: list[_PlaceRef]) -> str:
    """national: places in three or more regions; local: one workplace (a
    place named with a site word) or suburbs, in one region; regional: a
    city, town or region, or several workplaces."""
    regions = {r.place.region or r.place.name for r in locs}
    if len(regions) >= 3:
        return "national"
    sites = [r for r in locs if r.site]
    if (
        len(regions) == 1
        and len(sites) <= 1
        and (sites or all(r.place.kind == "suburb" for r in locs))
    ):
        return "local"
    return "regional"


def _party_scope(dispute: _Dispute, ref: RefData) -> str:
    """Scope from the sides when no place says it: a curated side whose name
    is bound to a place ("Lyttelton Port Company", "Auckland One Rail") makes
    the dispute local (a site word in the name) or regional; curated sides
    with no place in their names are national."""
    sides = [
        ref.organisations[p] for p in dispute.unions + dispute.employers if p in ref.organisations
    ]
    if not sides:
        return "unknown"
    words = _words()
    scopes = []
    for org in sides:
        toks = org.name.replace("'", " ").split()
        placed = [
            w
            for w in toks
            if ref.place_by_alias.get(w) is not None and ref.place_by_alias[w].kind != "country"
        ]
        if not placed:
            scopes.append("national")
        elif any(w in words.site_words for w in toks):
            scopes.append("local")
        else:
            scopes.append("regional")
    for sc in ("local", "regional"):
        if sc in scopes:
            return sc
    return "national"


def _employer_place(
    doc: Doc, dispute: _Dispute, parties: list[PartyMention], ref: RefData
) -> tuple[_PlaceRef, str] | None:
    """The New Zealand place in the name of the dispute's first employer, as
    written in the article ("Ports of Auckland" → Auckland), with the scope
    it gives: local when the name is a workplace (a site word: port,
    university, hospital ...), else regional. Places in the names of other
    organisations (funders, unions) do not count."""
    if not dispute.employers:
        return None
    pid = dispute.employers[0]
    words = _words()
    names = [pm for pm in parties if pm.party_id == pid]
    for pm in names:
        toks = pm.text.replace("'", " ").replace("’", " ").split()
        for n in (3, 2, 1):
            for i in range(len(toks) - n + 1):
                cand = " ".join(toks[i : i + n])
                place = ref.place_by_alias.get(cand)
                if place is None or place.kind == "country":
                    continue
                site = any(w in words.site_words or w.rstrip("s") in words.site_words for w in toks)
                span = doc.char_span(pm.char_start, pm.char_end, alignment_mode="expand")
                if span is None:
                    continue
                return _PlaceRef(cand, place, site, span), ("local" if site else "regional")
    return None


_PLACE_PREPS = {
    "to",
    "at",
    "in",
    "into",
    "outside",
    "from",
    "through",
    "down",
    "up",
    "along",
    "past",
    "near",
}


def _is_place_phrase(pm: PartyMention, se: Sentence | None) -> bool:
    """An unknown name that follows "to the", "at the", "outside the" ... is
    where something happens, not a party to the dispute."""
    if se is None or not (se.start <= pm.char_start < se.end):
        return False
    words = se.text[: pm.char_start - se.start].lower().split()
    return len(words) >= 2 and words[-1] == "the" and words[-2] in _PLACE_PREPS


@dataclass
class _Dispute:
    unions: list[str]
    employers: list[str]
    funders: list[str]


_JOINT_GAP = re.compile(r"(?:\s{0,2},)?\s{1,3}(?:and|&)\s{1,3}(?:the\s{1,3})?|\s{0,2}[,/]\s{0,3}")
# "members employed by X", "drivers contracted to X", "staff at X": X employs the workers
_EMPLOYED_BY = re.compile(
    r"(?:\b(?:employed|contracted|engaged|hired)\s+(?:by|to)|\b(?:work|works|working|worked)\s+for"
    r"|\b(?:staff|workers|employees|members|crew|drivers)\s+(?:at|of|for))\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _employer_stated(pm: PartyMention, se: Sentence | None) -> bool:
    """The organisation is named as the workers' employer ("employed by X")."""
    if se is None or not (se.start <= pm.char_start < se.end):
        return False
    return bool(_EMPLOYED_BY.search(se.text[: pm.char_start - se.start]))


def _dispute(
    parties: list[PartyMention], sents: list[Sentence], event_sents: set[int], ref: RefData
) -> _Dispute:
    """The article's sides: unions, employers and funders (in order of first mention).

    An organisation named as the workers' employer ("members employed by X",
    "drivers contracted to X") is an employer whatever its type; mediating,
    judging or regulating institutions (`never_employers` in
    extraction_lexicon.yaml) never are."""
    cues = ref.triggers.funder_cues
    funder_sents = {se.index for se in sents if se.lemmas & cues}
    commentary = _commentary_mentions(parties)
    overseas = _words().overseas_orgs
    starts = [se.start for se in sents]
    never = _words().never_employers
    unions: list[str] = []
    employers: list[str] = []
    agencies: list[str] = []
    funders: list[str] = []
    background_employers: list[str] = []
    stated: list[str] = []
    for pm in parties:
        pos = bisect.bisect_right(starts, pm.char_start) - 1
        si = sents[pos].index if pos >= 0 and pm.char_start < sents[pos].end else None
        if (
            pm.party_id in never
            or pm.party_id in commentary
            or pm.text in overseas
            or pm.name in overseas
        ):
            continue  # ... nor is an overseas organisation a side of a New Zealand dispute
        if (pm.party_type not in ("union", "person", "government") and si is not None
                and _employer_stated(pm, sents[pos]) and pm.party_id not in stated):  # fmt: skip
            stated.append(pm.party_id)
        if pm.party_type == "union" and pm.party_id not in unions:
            unions.append(pm.party_id)
        elif pm.party_type == "employer":
            # an employer only named outside the event sentences (e.g. in a
            # funding sentence) is not this dispute's employer unless no other is
            target = employers if si in event_sents else background_employers
            if pm.party_id not in target:
                target.append(pm.party_id)
        elif pm.party_type == "other" and _is_place_phrase(pm, sents[pos] if pos >= 0 else None):
            continue  # "marched to the Octagon", "gathered at the Basin": a place, not a side
        elif pm.party_type in ("government_agency", "other") and si is not None:
            if si in funder_sents and pm.party_type == "government_agency":
                if pm.party_id not in funders:
                    funders.append(pm.party_id)
            elif pm.party_id not in agencies and (
                pm.party_type == "government_agency" or si in event_sents
            ):
                agencies.append(pm.party_id)
    employers = stated + [e for e in employers if e not in stated]
    # "the DHBs" employ the workers: a DHB named for its spokesperson
    # ("Southern DHB director of midwifery ...") is one of them, not another side
    names = {pm.party_id: pm.name for pm in parties}
    for collective, kind in load_party_rules().bare_references.values():
        if collective in employers:
            employers = [e for e in employers if e == collective or e in stated
                         or not any(k.lower() in names.get(e, "").lower() for k in kind)]  # fmt: skip
    if stated:
        # a side named as the employer rules out agencies merely mentioned
        agencies = [a for a in agencies if a in stated]
    if not employers:
        employers = background_employers[:1]
    if not employers:
        employers = [a for a in agencies if a not in funders and ref.organisations.get(a) is not None] or \
            [a for a in agencies if a not in funders][:1] or funders[:1]  # fmt: skip
    funders = [f for f in funders if f not in employers]
    # the unions the article is about: named at least half as often as the
    # most named one (the others are named for one event of their own, or
    # in passing), in order of first mention
    counts = Counter(pm.party_id for pm in parties)
    top = max((counts[u] for u in unions), default=0)
    main = {u for u in unions if 2 * counts[u] >= top}
    # ... and those named jointly with one of them ("members of the Ambulance
    # Association and First Union")
    named = sorted((pm for pm in parties if pm.party_type == "union"), key=lambda pm: pm.char_start)
    text = sents[0].span.doc.text if sents else ""
    for a, b in itertools.pairwise(named):
        if (a.party_id in main) != (b.party_id in main) and _JOINT_GAP.fullmatch(
            text[a.char_end : b.char_start]
        ):
            main |= {a.party_id, b.party_id}
    return _Dispute([u for u in unions if u in main], employers, funders)


def _commentary_mentions(parties: list[PartyMention]) -> set[str]:
    """Organisations (not unions) named only as the workplace of a commentator
    ("Victoria University employment relations researcher Dr Jane Roe"): each
    mention ends just before such a person's title and name."""
    words = _words().commentator_titles
    people = [pm for pm in parties if pm.party_type == "person" and pm.affiliation_id and pm.title
              and set(pm.title.lower().split()) & words]  # fmt: skip
    out: set[str] = set()
    for org in {p.affiliation_id for p in people}:
        mentions = [pm for pm in parties if pm.party_id == org and pm.party_type != "union"]
        if mentions and all(any(p.affiliation_id == org and 0 <= p.char_start - pm.char_end <= len(p.title or "") + 12
                                for p in people) for pm in mentions):  # fmt: skip
            out.add(org)
    return out


def _group_sentences(group: str, others: set[str], sents: list[Sentence]) -> list[Sentence]:
    """The sentences about one group of workers where the article sets
    several apart: those naming the group and no other ("The orderlies,
    who are members of the PSA"), and a next sentence that goes on with
    "They" ("They are employed by Te Whatu Ora")."""
    out: list[Sentence] = []
    prev_in = False
    for se in sents:
        words = se.lowers
        mine = group in words and not any(o in words for o in others)
        cont = (
            prev_in
            and se.span[0].lower_ in ("they", "their")
            and not (words & others)
            and group not in words
        )
        if mine or cont:
            out.append(se)
        prev_in = mine
    return out


def _event_parties(ev: _Event, dispute: _Dispute, parties: list[PartyMention], speakers: list[str | None],
                   primary: bool, person_aff: dict[str, str | None],
                   group_sents: list[Sentence] | None = None) -> tuple[EventParty, ...]:  # fmt: skip
    own = [
        pm
        for pm in parties
        for m in ev.mentions
        if m.sentence.start <= pm.char_start < m.sentence.end
    ]
    if group_sents:
        # a group's own union and employer: named in the sentences about it
        about = [pm for pm in parties for se in group_sents if se.start <= pm.char_start < se.end]
        own += [pm for pm in about if pm.party_type == "union" or pm.party_id in dispute.employers]
    stated = [pm for pm in own if ev.first.sentence.start <= pm.char_start < ev.first.sentence.end]
    unions = [pm.party_id for pm in own if pm.party_type == "union"]
    if any(m.separate for m in ev.mentions):
        unions = [u for u in unions if u in ev.unions]
    employers = [pm.party_id for pm in own if pm.party_id in dispute.employers]
    out: list[EventParty] = []
    for pid in dict.fromkeys(unions or dispute.unions):
        out.append(EventParty(pid, "union"))
    for pid in dict.fromkeys(employers or dispute.employers):
        out.append(EventParty(pid, "employer"))
    if primary:
        for pid in dispute.funders:
            out.append(EventParty(pid, "funder"))
    if any(pm.party_type == "government" for pm in stated):
        gov = next(pm.party_id for pm in stated if pm.party_type == "government")
        if all(p.party_id != gov for p in out):
            out.append(EventParty(gov, "government"))
    sides = {p.party_id for p in out}
    spoke = {speakers[m.sentence.index] for m in ev.mentions} - {None}
    if group_sents:
        spoke |= {speakers[se.index] for se in group_sents} - {None}
    if primary:
        spoke |= {s for s in speakers if s is not None}
    for pid in sorted(spoke, key=str):
        if pid in person_aff and (
            person_aff[pid] in sides or pid in {speakers[m.sentence.index] for m in ev.mentions}
        ):
            out.append(EventParty(pid, "spokesperson"))
    return tuple(dict.fromkeys(out))


def _main_action(events: list[_Event]) -> _Event | None:
    """The dispute's main action: its first dated strike, else its first
    dated action, else an action named in the opening two sentences."""
    for pick in (lambda e: e.event_type in STRIKE_FAMILY and e.spec.start_day is not None,
                 lambda e: e.event_type in ACTION_TYPES and e.spec.start_day is not None,
                 lambda e: e.event_type in ACTION_TYPES and e.first.sentence.index <= 1):  # fmt: skip
        found = [e for e in events if pick(e)]
        if found:
            return min(found, key=lambda e: (e.first.sentence.index, e.first.trigger.start))
    return None


_BULLET = re.compile(r"\s{0,8}(?:[-•*–—▪●]|\d{1,2}[.)])\s{0,8}")


def _is_headline(se: Sentence) -> bool:
    """A headline or label line: no closing punctuation. A bullet point of
    six words or more ("- Teachers in Otago struck yesterday") is a
    statement, punctuated or not."""
    if se.text.rstrip()[-1:] in ".!?\"”'’":
        return False
    return not (_BULLET.fullmatch(_line_prefix(se)) and len(se.text.split()) >= 6)


def _line_prefix(se: Sentence) -> str:
    """The text between the start of the sentence's line and the sentence,
    read from the tokens before it (Doc.text is rebuilt on every access); a
    prefix longer than any bullet mark is cut short."""
    doc, prefix = se.span.doc, ""
    for k in range(se.span.start - 1, -1, -1):
        piece = doc[k].text_with_ws
        if "\n" in piece:
            return piece.rsplit("\n", 1)[1] + prefix
        prefix = piece + prefix
        if len(prefix.strip()) > 3:
            break
    return prefix


def _by_statement(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions in article order, headlines and label lines last."""
    return sorted(
        mentions, key=lambda m: (_is_headline(m.sentence), m.sentence.index, m.trigger.start)
    )


def _specific_occupation(
    occ: Occupation | None, dispute_occ: Occupation | None
) -> Occupation | None:
    """ "doctors" in an article about junior doctors are the junior doctors."""
    if occ is None:
        return dispute_occ
    if (
        dispute_occ is not None
        and dispute_occ.name != occ.name
        and dispute_occ.name.endswith(" " + occ.name)
    ):
        return dispute_occ
    return occ


def extract_events(
    doc: Doc,
    sents: list[Sentence],
    published: dt.date | None,
    ref: RefData,
    parties: list[PartyMention],
    speakers: list[str | None],
    figures: list[FigureMention],
) -> tuple[list[EventMention], list[frozenset[int]], list[dict[int, tuple[int, int]]]]:
    """The article's events; for each, the indexes of the sentences that
    mention it, and where in each of those sentences it is stated."""
    mentions = find_mentions(doc, sents, published, ref)
    _name_unions(mentions, parties)
    mentions = _split_separate(mentions)
    events = link_mentions(mentions, ref)
    places = list(doc.spans[PLACES_KEY]) if PLACES_KEY in doc.spans else find_places(doc)
    refs = _place_refs(doc, places, parties, ref)
    if _overseas_article(doc, sents, refs, parties, ref):
        return [], [], []
    owner = _place_owners(refs, [m.trigger for ev in events for m in ev.mentions])
    overseas = _overseas_sentences(doc, sents, ref)
    events = [
        ev for ev in events if not (_is_overseas(ev, overseas) and not _locations(ev, refs, owner))
    ]
    if not events:
        return [], [], []
    # the partial form of a strike carries over to its announced continuations,
    # not to another union's strikes nor to strikes of a stated full length
    partials = [ev for ev in events if ev.event_type == "partial_strike"]
    for ev in events:
        if (ev.event_type == "strike" and any(m.continuation for m in ev.mentions)
                and (ev.spec.duration_hours or 0) < 24
                and any(not (p.unions and ev.unions) or p.unions & ev.unions for p in partials)):  # fmt: skip
            ev.event_type = "partial_strike"
    strikes = [ev for ev in events if ev.event_type in STRIKE_FAMILY]
    primary = strikes[0] if strikes else None
    # a rally with no date of its own is held during the article's strike
    for ev in events:
        if (
            ev.event_type == "rally"
            and ev.spec.start_day is None
            and primary
            and primary.spec.start_day
        ):
            same_time = (ev.status == "occurred") == (primary.status in ("occurred", "ongoing"))
            if same_time:
                ev.spec = replace(ev.spec, start_day=primary.spec.start_day, start_precision="day"
                                  if primary.spec.start_precision in ("day", "time") else primary.spec.start_precision)  # fmt: skip
    event_sents = {m.sentence.index for ev in events for m in ev.mentions}
    dispute = _dispute(parties, sents, event_sents, ref)
    person_aff = {pm.party_id: pm.affiliation_id for pm in parties if pm.party_type == "person"}
    employer_org = next(
        (ref.organisations[e] for e in dispute.employers if e in ref.organisations), None
    )
    employer_sector = next((_sector(ref.organisations[e].sector) for e in dispute.employers if e in ref.organisations
                            and ref.organisations[e].sector), None)  # fmt: skip
    all_texts = [se.text for se in sents]
    main = _main_action(events)
    dispute_occ = _occupation(
        [m.sentence.text for s in strikes for m in s.mentions] + all_texts, ref
    )
    if dispute_occ is None and employer_org is not None and employer_org.type == "government_agency" \
            and employer_sector == "public service":  # fmt: skip
        dispute_occ = _public_servants(ref)
    dispute_written = None
    if main is None:
        main = _main_action(events)
    if main is not None:
        dispute_written = next((w for m in _by_statement(main.mentions)
                                if (w := _written_occupation(m.sentence, m.trigger, ref))), None)  # fmt: skip
    dated_sents: dict[int, set[int]] = {}
    for ev in events:
        for m in ev.mentions:
            if m.window is not None and m.window.start_day is not None:
                dated_sents.setdefault(m.sentence.index, set()).add(id(ev))
    # locations and scope: each event's own, else the dispute's (see the docstring)
    own_locs = {id(ev): _locations(ev, refs, owner) for ev in events}
    party_scope = _party_scope(dispute, ref)

    def own_scope(ev: _Event) -> str | None:
        if _has_national_phrase(ev, ref):
            return "national"
        return _scope_of_places(own_locs[id(ev)]) if own_locs[id(ev)] else None

    # a town named without its site is that site when an action of the
    # article is held at a site there ("at Lyttelton" after "Lyttelton Port")
    site_places = {r.place for locs in own_locs.values() for r in locs if r.site}
    for ev in events:
        locs = own_locs[id(ev)]
        if (
            locs
            and not any(r.site for r in locs)
            and len(site_places) == 1
            and {r.place for r in locs} <= site_places
        ):
            own_locs[id(ev)] = [replace(r, site=True) for r in locs]
    main_scope = (own_scope(main) or None) if main is not None else None
    main_locs = own_locs[id(main)] if main is not None else []
    if main_scope is None:
        # no place of its own: the place in the name of the workers' employer
        # ("locked out by Ports of Auckland", "Auckland Council library staff"),
        # else the places the article opens with, when they lie in one region
        lede = [r for r in refs if sents and r.span.start_char < sents[0].end]
        named = _employer_place(doc, dispute, parties, ref)
        if named is not None:
            main_locs, main_scope = [named[0]], named[1]
        elif (
            lede
            and len({r.place.region or r.place.name for r in lede}) == 1
            and sents[0].index in event_sents
        ):
            main_locs, main_scope = lede, _scope_of_places(lede)
        else:
            main_scope = party_scope
    if main_scope not in ("local", "regional"):
        main_locs = []
    groups = {ev.group for ev in events if ev.group}
    out: list[EventMention] = []
    for ev in events:
        res = D.finalize(ev.spec)
        first = _representative(ev, dated_sents)
        status = ev.status
        if status != "cancelled" and first.status != "unknown":
            status = first.status  # the tense of the sentence that states the event
        scope = own_scope(ev)
        locs = [r.text for r in own_locs[id(ev)]]
        if scope is None:
            scope = main_scope
            locs = [r.text for r in main_locs]
        occ = _occupation(
            [m.sentence.text for m in sorted(ev.mentions, key=lambda m: m.sentence.index)], ref
        )
        occ = _specific_occupation(occ, dispute_occ)
        occ = _workplace_occupation(occ, [m.sentence.text for m in ev.mentions], ref)
        occ_sector = _sector(occ.sector) if occ else None
        occ_name = occ.name if occ else None
        written = next((w for m in _by_statement(ev.mentions)
                        if (w := _written_occupation(m.sentence, m.trigger, ref, ev.group))), None)  # fmt: skip
        own_occ = _occupation([m.sentence.text for m in ev.mentions], ref)
        if written is None and (
            own_occ is None or (dispute_occ is not None and own_occ.name == dispute_occ.name)
        ):
            written = dispute_written  # no workers of its own: the dispute's
        elif (
            written is not None
            and " " not in written
            and (dispute_written or occ_name or "").endswith(" " + written)
        ):
            written = dispute_written or occ_name  # "teachers" in a secondary teachers' dispute
        if written is not None:
            occ_name = written
            if occ_sector is None:
                wocc = _occupation([written], ref)
                occ_sector = _sector(wocc.sector) if wocc else None
        sector = (
            "health"
            if (employer_sector == "health" or occ_sector == "health")
            else (employer_sector or occ_sector)
        )
        out.append(
            EventMention(
                event_type=ev.event_type,
                status=status,
                char_start=first.sentence.start,
                char_end=first.sentence.end,
                text=first.sentence.text,
                start_date=res.start_date,
                end_date=res.end_date,
                start_ts=res.start_ts,
                end_ts=res.end_ts,
                date_precision=res.date_precision,
                date_text=res.date_text if res.start_date or ev.spec.has_day_words else None,
                duration_hours=res.duration_hours if ev.event_type in ACTION_TYPES else None,
                workers_involved=None,  # set from the linked figures (pipeline.extract.__init__)
                occupation=occ_name,
                sector=sector,
                locations=tuple(locs),
                scope=scope,
                first_ever=_first_ever(ev, ref),
                summary=first.sentence.text,
                parties=_event_parties(
                    ev,
                    dispute,
                    parties,
                    speakers,
                    ev is primary,
                    person_aff,
                    _group_sentences(ev.group, groups - {ev.group}, sents) if ev.group else None,
                ),
            )
        )
    return (
        out,
        [frozenset(m.sentence.index for m in ev.mentions) for ev in events],
        [_statement_spans(ev) for ev in events],
    )


def _statement_spans(ev: _Event) -> dict[int, tuple[int, int]]:
    """Where each sentence states the event: the words of its dates, else
    its trigger (absolute offsets, by sentence index)."""
    spans: dict[int, tuple[int, int]] = {}
    for m in ev.mentions:
        w = m.window
        if w is not None and w.text_end > w.text_start:
            span = (m.sentence.start + w.text_start, m.sentence.start + w.text_end)
        else:
            span = (m.trigger.start_char, m.trigger.end_char)
        spans.setdefault(m.sentence.index, span)
    return spans


def _worker_heads(ref: RefData) -> frozenset[str]:
    words = _words()
    return _worker_heads_for(words.worker_heads, _variant_names(ref.occupation_variants))


@_per_object
def _variant_names(variants: tuple[tuple[str, Occupation], ...]) -> tuple[str, ...]:
    return tuple(v for v, _ in variants)


@lru_cache(maxsize=4)
def _worker_heads_for(base: frozenset[str], variants: tuple[str, ...]) -> frozenset[str]:
    return base | {v.split()[-1] for v in variants if v.split()[-1].endswith("s")}


_MODIFIER_DEPS = {"compound", "amod", "nmod"}


def _phrase_tokens(head: Token) -> list[Token]:
    """The head noun with the common-noun modifiers written right before it
    ("distribution centre workers", "mental health nurses"): no names,
    numbers, determiners or possessives."""
    toks = [head]
    i = head.i - 1
    doc = head.doc
    while i >= 0:
        t = doc[i]
        if t.pos_ in ("NOUN", "ADJ") and t.dep_ in _MODIFIER_DEPS and t.head.i in {x.i for x in toks} \
                and t.ent_type_ == "" and not t.like_num and t.lower_ not in ("about", "some", "more", "other", "many"):  # fmt: skip
            toks.insert(0, t)
            i -= 1
            continue
        if t.text == "-" and toks and i > 0 and doc[i - 1].pos_ in ("NOUN", "ADJ"):
            toks.insert(0, t)
            i -= 1
            continue
        break
    return toks


def _written_occupation(
    sentence: Sentence, trigger: Span | None, ref: RefData, group: str | None = None
) -> str | None:
    """The workers of a sentence as written, lower case: a noun phrase whose
    head is a worker noun ("About 150 distribution centre workers walked
    off" → distribution centre workers; "paramedics and call handlers"), the
    subject or object of the trigger's clause first. A bare generic head
    ("staff", "workers", "members") is not an occupation."""
    heads = _worker_heads(ref)
    cands: list[tuple[int, str]] = []
    verb = _clause_verb(trigger) if trigger is not None else None
    for tok in sentence.span:
        # a capitalised first word is often tagged a name ("Orderlies at ...")
        if not (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.i == sentence.span.start)):
            continue
        if (
            (tok.lower_ not in heads and tok.lower_ != group)
            or tok.dep_ == "compound"
            or (group is not None and tok.lower_ != group)
        ):
            continue
        if tok.dep_ == "conj" and (tok.head.lower_ in heads or any(
                c.lower_ == "of" and any(g.lower_ in heads for g in c.children) for c in tok.head.children)):  # fmt: skip
            continue  # taken with its first conjunct ("thousands of nurses, midwives and ...")
        text = _phrase_text(tok, sentence, ref)
        if text is None:
            continue
        text = text + _joined_workers(tok, sentence, heads)
        rank = 2
        if verb is not None and any(a.i == verb.i for a in [tok, *tok.ancestors][:4]):
            # "Thousands of nurses walked off": the counted workers are the subject
            counted = (
                tok.dep_ == "pobj"
                and tok.head.lower_ == "of"
                and tok.head.head.dep_ in ("nsubj", "dobj")
            )
            rank = (
                0
                if tok.dep_ in ("nsubj", "nsubjpass", "dobj")
                or tok.head.dep_ in ("nsubj", "dobj")
                or counted
                else 1
            )
        cands.append((rank, text))
    if not cands:
        return None
    return min(cands, key=lambda c: c[0])[1]


def _joined_workers(tok: Token, sentence: Sentence, heads: frozenset[str]) -> str:
    """Further worker phrases listed after a worker noun, read from the
    surface (the parser often makes "call" a verb): "paramedics and call
    handlers", "orderlies, cleaners and kitchen staff". A list ended by
    "and" counts; a bare generic head ("and staff") does not."""
    doc, end = tok.doc, sentence.span.end
    generic = _words().generic_worker_heads
    k, parts = tok.i + 1, []
    while k + 1 < end and doc[k].lower_ in (",", "and", "&"):
        sep = doc[k].lower_
        phrase: list[str] = []
        j = k + 1
        while j < min(k + 6, end) and ((doc[j].is_lower and doc[j].is_alpha) or doc[j].text == "-"):
            phrase.append(doc[j].text)
            if doc[j].lower_ in heads and not (len(phrase) == 1 and doc[j].lower_ in generic):
                break
            j += 1
        else:
            break
        if j >= end or doc[j].lower_ not in heads:
            break
        parts.append((sep, " ".join(phrase).replace(" - ", "-")))
        k = j + 1
        if sep != ",":
            break
    if not parts or parts[-1][0] == ",":
        return ""  # a list must end with "and": "nurses, who ..." is no list
    out = ""
    for sep, phrase in parts:
        out += f", {phrase}" if sep == "," else f" and {phrase}"
    return out


def _phrase_text(head: Token, sentence: Sentence, ref: RefData) -> str | None:
    """A worker phrase as written, lower case, or None for a bare generic head.
    A capitalised modifier counts when the occupation table knows the phrase
    ("Bus drivers", "Mental health nurses" at a sentence start)."""
    toks = _phrase_tokens(head)
    stop = _words().not_occupation_modifiers
    while len(toks) > 1 and toks[0].lower_ in stop:
        toks = toks[1:]
    words = [t.lower_ for t in toks]
    variants = _variant_set(ref.occupation_variants)
    j = toks[0].i - 1
    while (
        j >= sentence.span.start
        and head.doc[j].is_alpha
        and " ".join([head.doc[j].lower_, *words]) in variants
    ):
        words.insert(0, head.doc[j].lower_)
        j -= 1
    if len(words) == 1 and words[0] in _words().generic_worker_heads:
        return None
    return " ".join(words).replace(" - ", "-")


@_per_object
def _variant_set(variants: tuple[tuple[str, Occupation], ...]) -> frozenset[str]:
    return frozenset(v for v, _ in variants)


def _workplace_occupation(
    occ: Occupation | None, texts: list[str], ref: RefData
) -> Occupation | None:
    """ "Cleaners at Wellington Hospital" are hospital cleaners: an occupation
    with a workplace-qualified form in the table takes it when its
    sentences name that workplace."""
    if occ is None:
        return None
    low = " ".join(texts).lower()
    sites = {w.lower() for w in _words().site_words}
    for o in ref.occupations:
        head, _, rest = o.name.partition(" ")
        if rest == occ.name and head in sites and re.search(rf"\b{re.escape(head)}s?\b", low):
            return o
    return occ


def _public_servants(ref: RefData) -> Occupation | None:
    """Staff of a government department, with no occupation named, are public servants."""
    return next((o for o in ref.occupations if o.name == "public servants"), None)
