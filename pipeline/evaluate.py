"""Scoring the pipeline's tables against a gold file (the format of seeds.json).

`python -m pipeline eval --raw DIR --gold FILE` builds the tables from DIR in
one process (no Dagster) and prints precision, recall and F1 for events,
parties and figures, and the accuracy of each field over matched rows.

Matching rules (documented so scores can be compared over time):
- events: a predicted event matches a gold event of the same `event_type`
  when one of its `event_sources` rows overlaps one of the gold sources (same
  article, overlapping character spans); one-to-one, best overlap first.
- parties: by `party_id`.
- figures: same article and overlapping span; gold figures with
  `required: false` count neither as misses nor, when found, as false
  positives.
- field accuracy is computed over matched rows, for the fields the gold row
  states (a field absent from a gold row is not scored).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

EVENT_FIELDS = (
    "status",
    "start_date",
    "end_date",
    "start_ts",
    "end_ts",
    "date_precision",
    "duration_hours",
    "workers_involved",
    "occupation",
    "sector",
    "locations",
    "scope",
    "first_ever",
    "unions",
    "employers",
    "funders",
    "n_sources",
)
PARTY_FIELDS = ("name", "party_type", "affiliation_id", "title")
FIGURE_FIELDS = (
    "text",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "period",
    "measure",
    "speaker_id",
    "event",
)
SET_FIELDS = {"locations", "unions", "employers", "funders"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FieldTally:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Evaluation:
    scores: dict[str, Score]
    fields: dict[str, dict[str, FieldTally]]
    errors: list[str]

    def field_accuracy(self) -> float:
        right = sum(t.right for tallies in self.fields.values() for t in tallies.values())
        total = sum(t.total for tallies in self.fields.values() for t in tallies.values())
        return right / total if total else 1.0

    def as_dict(self) -> dict:
        return {
            "scores": {
                k: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for k, s in self.scores.items()
            },
            "field_accuracy": {
                kind: {
                    name: {"accuracy": t.accuracy, "right": t.right, "total": t.total}
                    for name, t in tallies.items()
                }
                for kind, tallies in self.fields.items()
            },
            "overall_field_accuracy": self.field_accuracy(),
        }

    def report(self, verbose: bool = False) -> str:
        lines = [
            "| table | precision | recall | F1 | tp | fp | fn |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, s in self.scores.items():
            lines.append(
                f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"
            )
        lines += ["", "| table | field | accuracy | right / scored |", "|---|---|---|---|"]
        for kind, tallies in self.fields.items():
            for name, t in tallies.items():
                lines.append(f"| {kind} | {name} | {t.accuracy:.3f} | {t.right} / {t.total} |")
        lines.append(f"\noverall field accuracy: {self.field_accuracy():.3f}")
        if verbose:
            lines.append("\nDifferences:")
            lines += [f"- {e}" for e in self.errors]
            for kind, tallies in self.fields.items():
                for name, t in tallies.items():
                    lines += [f"- {kind}.{name}: {m}" for m in t.misses]
        return "\n".join(lines)


# --------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _norm(value):
    """Comparable form of a gold or predicted value."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _same(field_name: str, gold, pred) -> bool:
    if field_name in SET_FIELDS:
        return set(gold or []) == set(pred or [])
    if field_name in ("start_ts", "end_ts") and gold is not None and pred is not None:
        return dt.datetime.fromisoformat(str(gold)) == dt.datetime.fromisoformat(str(pred))
    g, p = _norm(gold), _norm(pred)
    if isinstance(g, (int, float)) and isinstance(p, (int, float)):
        return abs(g - p) < 1e-6 * max(1, abs(g))
    return g == p


def _tally(tallies: dict[str, FieldTally], name: str, gold, pred, where: str) -> None:
    t = tallies.setdefault(name, FieldTally())
    t.total += 1
    if _same(name, gold, pred):
        t.right += 1
    else:
        shown = sorted(pred) if isinstance(pred, set) else pred  # the same report on every run
        t.misses.append(f"{where}: gold {gold!r}, got {shown!r}")


def evaluate_tables(tables: dict[str, pl.DataFrame], gold: dict) -> Evaluation:
    """Compare built tables (as from `pipeline.build.build_tables`) with a gold dict."""
    articles = tables["articles"]
    path_to_id = dict(
        zip(articles["source_path"].to_list(), articles["article_id"].to_list(), strict=True)
    )
    scores: dict[str, Score] = {}
    fields: dict[str, dict[str, FieldTally]] = {"events": {}, "parties": {}, "figures": {}}
    errors: list[str] = []

    # ---- events
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in tables["event_parties"].iter_rows(named=True):
        roles[r["event_id"]][r["role"]].add(r["party_id"])
    pred_sources: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for r in tables["event_sources"].iter_rows(named=True):
        pred_sources[r["event_id"]].append((r["article_id"], r["char_start"], r["char_end"]))
    pred_events = {r["event_id"]: r for r in tables["events"].iter_rows(named=True)}

    candidates = []
    for gi, g in enumerate(gold.get("events", [])):
        gsrc = [
            (path_to_id.get(s["article"]), s["char_start"], s["char_end"]) for s in g["sources"]
        ]
        for eid, p in pred_events.items():
            if p["event_type"] != g["event_type"]:
                continue
            best = max(
                (
                    _overlap((gs, ge), (ps, pe))
                    for ga, gs, ge in gsrc
                    for pa, ps, pe in pred_sources[eid]
                    if ga == pa
                ),
                default=0,
            )
            if best > 0:
                # where one sentence states several events of a type ("a strike
                # on 27 January and a second on 3 February"), the dates decide
                same_day = str(p["start_date"]) == str(g.get("start_date"))
                # ... and then the unions ("PPTA and NZEI members are on separate strikes")
                shared = len(roles[eid]["union"] & set(g.get("unions") or ()))
                candidates.append((best, same_day, shared, gi, eid))
    matched_gold: dict[int, str] = {}
    matched_pred: set[str] = set()
    for _, _, _, gi, eid in sorted(candidates, key=lambda c: (-c[0], not c[1], -c[2], c[3], c[4])):
        if gi in matched_gold or eid in matched_pred:
            continue
        matched_gold[gi] = eid
        matched_pred.add(eid)
    gold_events = gold.get("events", [])
    scores["events"] = Score(
        tp=len(matched_gold),
        fp=len(pred_events) - len(matched_pred),
        fn=len(gold_events) - len(matched_gold),
    )
    key_to_event: dict[str, str] = {}
    for gi, g in enumerate(gold_events):
        label = g.get("key") or f"event {gi}"
        if gi not in matched_gold:
            errors.append(
                f"missed event {label} ({g['event_type']}: {g['sources'][0]['text'][:80]!r})"
            )
            continue
        eid = matched_gold[gi]
        key_to_event[g.get("key", "")] = eid
        p = dict(pred_events[eid])
        p["unions"] = roles[eid]["union"]
        p["employers"] = roles[eid]["employer"]
        p["funders"] = roles[eid]["funder"]
        g = {**g, "n_sources": len(g["sources"])}
        for name in EVENT_FIELDS:
            if name in g:
                _tally(fields["events"], name, g[name], p.get(name), label)
    for eid in sorted(set(pred_events) - matched_pred):
        p = pred_events[eid]
        errors.append(f"extra event {p['event_type']} {p['start_date']}: {p['summary'][:80]!r}")

    # ---- parties
    pred_parties = {r["party_id"]: r for r in tables["parties"].iter_rows(named=True)}
    gold_parties = {g["party_id"]: g for g in gold.get("parties", [])}
    scores["parties"] = Score(
        tp=len(set(pred_parties) & set(gold_parties)),
        fp=len(set(pred_parties) - set(gold_parties)),
        fn=len(set(gold_parties) - set(pred_parties)),
    )
    for pid in sorted(set(gold_parties) - set(pred_parties)):
        errors.append(f"missed party {pid}")
    for pid in sorted(set(pred_parties) - set(gold_parties)):
        errors.append(
            f"extra party {pid} ({pred_parties[pid]['name']!r}, {pred_parties[pid]['party_type']})"
        )
    for pid in sorted(set(gold_parties) & set(pred_parties)):
        g, p = gold_parties[pid], pred_parties[pid]
        for name in ("name", "party_type", "affiliation_id"):
            if name in g:
                _tally(fields["parties"], name, g[name], p[name], pid)
        if g.get("titles"):
            t = fields["parties"].setdefault("title", FieldTally())
            t.total += 1
            ok = (p["title"] or "").lower() in {x.lower() for x in g["titles"]}
            t.right += ok
            if not ok:
                t.misses.append(f"{pid}: gold one of {g['titles']!r}, got {p['title']!r}")

    # ---- figures
    pred_figs = tables["figures"].to_dicts()
    by_article: dict[str, list[dict]] = defaultdict(list)
    for f in pred_figs:
        by_article[f["article_id"]].append(f)
    used: set[str] = set()
    tp = fn = 0
    event_of = {v: k for k, v in key_to_event.items()}
    for g in gold.get("figures", []):
        aid = path_to_id.get(g["article"])
        hits = [
            f
            for f in by_article.get(aid, [])
            if f["figure_id"] not in used
            and _overlap((g["char_start"], g["char_end"]), (f["char_start"], f["char_end"])) > 0
        ]
        if not hits:
            if g.get("required", True):
                fn += 1
                errors.append(f"missed figure {g['text']!r} in {g['article']}")
            continue
        f = max(
            hits,
            key=lambda f: _overlap(
                (g["char_start"], g["char_end"]), (f["char_start"], f["char_end"])
            ),
        )
        used.add(f["figure_id"])
        if not g.get("required", True):
            continue
        tp += 1
        pred = dict(f)
        pred["event"] = event_of.get(f["event_id"]) if f["event_id"] else None
        if f["event_id"] and pred["event"] is None:
            pred["event"] = f"unmatched:{f['event_id']}"
        for name in FIGURE_FIELDS:
            if name in g:
                _tally(
                    fields["figures"],
                    name,
                    g[name],
                    pred.get(name),
                    f"{g['article']}:{g['text']!r}",
                )
    fp = len(pred_figs) - len(used)
    for f in pred_figs:
        if f["figure_id"] not in used:
            errors.append(f"extra figure {f['text']!r} ({f['measure']}) in {f['article_id']}")
    scores["figures"] = Score(tp=tp, fp=fp, fn=fn)
    return Evaluation(scores=scores, fields=fields, errors=errors)


def evaluate(raw_dir: Path, gold_path: Path, spacy_model: str) -> Evaluation:
    from pipeline.build import build_tables

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return evaluate_tables(build_tables(raw_dir, spacy_model), gold)
