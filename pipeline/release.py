"""Versioned, immutable releases of the published tables.

`make release VERSION=x.y.z` packages the last validated build (the
warehouse's `parquet/` folder) into `warehouse/releases/<version>/`:

- `parquet/<table>.parquet` and `csv/<table>.csv` (lists as JSON arrays,
  timestamps as ISO 8601 with their offset);
- `datapackage.json`: a Frictionless Data Package whose resources are the CSV
  files (Frictionless validates CSV fully; its Parquet reader loses nullable
  integers and lists), each with the schema from `pipeline.schemas` (types,
  descriptions, required/unique/enum/pattern constraints), primary and
  foreign keys, row count, bytes and SHA-256, and its Parquet twin's path,
  bytes and SHA-256 under `parquet`; licence CC-BY-4.0, version, creation time;
- `data_dictionary.md`, generated from the schema;
- `CHANGELOG.md`: events added, removed and changed (by `event_id`) against
  the previous release;
- `data_docs/`: the Great Expectations Data Docs of the release's tables;
- `action_by_month.png`: industrial action over time by sector;
- `accuracy.md`: the extraction accuracy table of `make eval` on every gold set
  in the repository;
- `CITATION.cff`.

A release folder is written aside and renamed into place; an existing version
is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from pathlib import Path

import polars as pl

from pipeline import schemas
from pipeline.settings import REPO_ROOT, Settings, disable_third_party_telemetry

VERSION_PATTERN = re.compile(r"^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$")
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
PACKAGE_NAME = "nz-industrial-action"
TITLE = "New Zealand industrial action dataset"
GOLD_SETS = (
    (
        "seeds",
        REPO_ROOT.parent / "shared" / "seeds",
        REPO_ROOT.parent / "shared" / "gold" / "seeds.json",
    ),
    (
        "dev",
        REPO_ROOT / "tests" / "fixtures" / "eval" / "raw",
        REPO_ROOT / "tests" / "fixtures" / "eval" / "gold.json",
    ),
    (
        "blind",
        REPO_ROOT / "tests" / "fixtures" / "blind" / "raw",
        REPO_ROOT / "tests" / "fixtures" / "blind" / "gold.json",
    ),
)


class ReleaseError(RuntimeError):
    pass


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _version_key(version: str) -> tuple:
    core = version.split("-")[0].split("+")[0]
    return tuple(int(p) for p in core.split("."))


def previous_release(releases_dir: Path, version: str) -> Path | None:
    """The newest existing release older than `version`."""
    if not releases_dir.exists():
        return None
    older = [
        p
        for p in releases_dir.iterdir()
        if p.is_dir()
        and VERSION_PATTERN.match(p.name)
        and _version_key(p.name) < _version_key(version)
    ]
    return max(older, key=lambda p: _version_key(p.name)) if older else None


# --------------------------------------------------------------------------
# Files


def csv_frame(df: pl.DataFrame, table: schemas.Table) -> pl.DataFrame:
    """CSV-safe columns: lists as JSON arrays, timestamps as ISO 8601 with offset."""
    exprs = []
    for c in table.columns:
        if c.type == "list<string>":
            exprs.append(
                pl.col(c.name).map_elements(
                    lambda v: json.dumps(list(v), ensure_ascii=False), return_dtype=pl.String
                )
            )
        elif c.type == "timestamptz":
            exprs.append(pl.col(c.name).dt.strftime("%Y-%m-%dT%H:%M:%S%:z"))
        else:
            exprs.append(pl.col(c.name))
    return df.select(exprs)


def field_descriptor(c: schemas.Column) -> dict:
    field: dict = {"name": c.name, "type": c.frictionless_type, "description": c.description}
    if c.type == "timestamptz":
        field["format"] = "%Y-%m-%dT%H:%M:%S%z"
    constraints: dict = {}
    if not c.nullable:
        constraints["required"] = True
    if c.unique:
        constraints["unique"] = True
    if c.allowed is not None:
        constraints["enum"] = list(c.allowed)
    if c.pattern is not None:
        constraints["pattern"] = c.pattern.removeprefix("^").removesuffix("$")
    if c.min_value is not None:
        constraints["minimum"] = (
            int(c.min_value) if float(c.min_value).is_integer() else c.min_value
        )
    if constraints:
        field["constraints"] = constraints
    return field


def resource_descriptor(
    table: schemas.Table, csv_path: Path, parquet_path: Path, rows: int, root: Path
) -> dict:
    descriptor = {
        "name": table.name,
        "title": table.name,
        "description": table.description,
        "path": csv_path.relative_to(root).as_posix(),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": csv_path.stat().st_size,
        "hash": f"sha256:{_sha256(csv_path)}",
        "rows": rows,
        "schema": {
            "fields": [field_descriptor(c) for c in table.columns],
            "missingValues": [""],
            "primaryKey": list(table.primary_key),
        },
        "parquet": {
            "path": parquet_path.relative_to(root).as_posix(),
            "bytes": parquet_path.stat().st_size,
            "hash": f"sha256:{_sha256(parquet_path)}",
        },
    }
    fks = [
        {
            "fields": [col],
            "reference": {"resource": "" if ref == table.name else ref, "fields": [ref_col]},
        }
        for col, ref, ref_col in table.foreign_keys
    ]
    if fks:
        descriptor["schema"]["foreignKeys"] = fks
    return descriptor


def data_dictionary() -> str:
    lines = [
        f"# {TITLE}: data dictionary",
        "",
        "Generated from `pipeline/schemas.py` (the codebook's tables).",
        "",
    ]
    for table in schemas.TABLES.values():
        lines += [
            f"## {table.name}",
            "",
            table.description,
            "",
            f"Primary key: `{', '.join(table.primary_key)}`",
            "",
        ]
        lines += [
            "| field | type | nullable | description | allowed values / references |",
            "|---|---|---|---|---|",
        ]
        for c in table.columns:
            extra = (
                ", ".join(c.allowed) if c.allowed else (f"→ {c.references}" if c.references else "")
            )
            desc = c.description.replace("|", "\\|")
            lines.append(
                f"| {c.name} | {c.duckdb_type} | {'yes' if c.nullable else 'no'} | {desc} | {extra} |"
            )
        lines.append("")
    return "\n".join(lines)


def changelog(version: str, events: pl.DataFrame, previous: Path | None) -> str:
    lines = [f"# Changes in {version}", ""]
    if previous is None:
        lines += [f"First release: {events.height} events.", ""]
        return "\n".join(lines)
    old = pl.read_parquet(previous / "parquet" / "events.parquet")
    lines[0] = f"# Changes in {version} (since {previous.name})"
    old_ids, new_ids = set(old["event_id"].to_list()), set(events["event_id"].to_list())
    added, removed = sorted(new_ids - old_ids), sorted(old_ids - new_ids)
    old_rows = {r["event_id"]: r for r in old.iter_rows(named=True)}
    changed = []
    for row in events.filter(pl.col("event_id").is_in(sorted(new_ids & old_ids))).iter_rows(
        named=True
    ):
        before = old_rows[row["event_id"]]
        fields = [k for k in row if row[k] != before.get(k)]
        if fields:
            changed.append((row["event_id"], fields))
    lines += [
        f"{len(added)} added, {len(removed)} removed, {len(changed)} changed "
        f"({events.height} events now, {old.height} before).",
        "",
        "## Added",
        "",
    ]
    by_id = {r["event_id"]: r for r in events.iter_rows(named=True)}
    lines += [
        f"- `{e}` {by_id[e]['event_type']} {by_id[e]['start_date'] or '(undated)'}: {by_id[e]['summary'][:120]}"
        for e in added
    ] or ["(none)"]
    lines += ["", "## Removed", ""]
    lines += [
        f"- `{e}` {old_rows[e]['event_type']} {old_rows[e]['start_date'] or '(undated)'}"
        for e in removed
    ] or ["(none)"]
    lines += ["", "## Changed", ""]
    lines += [f"- `{e}`: {', '.join(fields)}" for e, fields in changed] or ["(none)"]
    return "\n".join(lines) + "\n"


def citation(version: str, created: dt.datetime) -> str:
    return (
        "cff-version: 1.2.0\n"
        "message: If you use this dataset, please cite it as below.\n"
        "type: dataset\n"
        f'title: "{TITLE}"\n'
        f"version: {version}\n"
        f"date-released: {created.date().isoformat()}\n"
        "license: CC-BY-4.0\n"
        "authors:\n"
        "  - name: NZ industrial action dataset contributors\n"
        "keywords: [industrial action, strikes, New Zealand, labour, health]\n"
    )


def action_chart(events: pl.DataFrame, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    actions = events.filter(
        pl.col("event_type").is_in(list(schemas.INDUSTRIAL_ACTION_TYPES))
        & pl.col("start_date").is_not_null()
    ).with_columns(
        pl.col("start_date").dt.truncate("1mo").alias("month"),
        pl.col("sector").fill_null("unknown"),
    )
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=100)
    if actions.is_empty():
        ax.text(
            0.5, 0.5, "no dated industrial action", ha="center", va="center", transform=ax.transAxes
        )
    else:
        counts = actions.group_by("month", "sector").len().sort("month")
        months = sorted(counts["month"].unique().to_list())
        bottom = [0] * len(months)
        for sector in sorted(counts["sector"].unique().to_list()):
            per = dict(counts.filter(pl.col("sector") == sector).select("month", "len").iter_rows())
            heights = [per.get(m, 0) for m in months]
            ax.bar([m.strftime("%Y-%m") for m in months], heights, bottom=bottom, label=sector)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ax.legend(title="sector", fontsize=8)
        ax.tick_params(axis="x", rotation=45, labelsize=8)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Industrial action in New Zealand by month started and sector")
    ax.set_ylabel("events (strikes, partial strikes, other action, rallies)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def accuracy_table(spacy_model: str) -> str:
    from pipeline.evaluate import evaluate

    lines = [
        "# Extraction accuracy",
        "",
        "`make eval` on every gold set in the repository at release time (see docs/evaluation.md).",
        "",
        "| set | events F1 | parties F1 | figures F1 | field accuracy |",
        "|---|---|---|---|---|",
    ]
    for name, raw, gold in GOLD_SETS:
        if not (raw.is_dir() and gold.exists()):
            continue
        result = evaluate(raw, gold, spacy_model)
        s = result.scores
        lines.append(
            f"| {name} | {s['events'].f1:.3f} | {s['parties'].f1:.3f} | {s['figures'].f1:.3f} | {result.field_accuracy():.3f} |"
        )
    return "\n".join(lines) + "\n"


def data_docs(frames: dict[str, pl.DataFrame], bodies: dict[str, str] | None, target: Path) -> None:
    """Great Expectations Data Docs for every table of the release."""
    disable_third_party_telemetry()
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    from pipeline.validation import add_check_columns, load_suite

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    site = "release_docs"
    context.add_data_docs_site(
        site_name=site,
        site_config={
            "class_name": "SiteBuilder",
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(target),
            },
        },
    )
    source = context.data_sources.add_pandas("release")
    for name, table in schemas.TABLES.items():
        checked = add_check_columns(table, frames[name], frames, bodies)
        suite = load_suite(name)
        gx_suite = context.suites.add(
            gx.ExpectationSuite(name=name, expectations=suite["expectations"])
        )
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("whole")
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=name, data=batch, suite=gx_suite)
        )
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=f"{name}_release",
                validation_definitions=[definition],
                actions=[UpdateDataDocsAction(name="docs", site_names=[site])],
            )
        )
        checkpoint.run(batch_parameters={"dataframe": checked.to_pandas()})


# --------------------------------------------------------------------------


def make_release(version: str, settings: Settings, with_accuracy: bool = True) -> Path:
    if not VERSION_PATTERN.match(version or ""):
        raise ReleaseError(f"version {version!r} is not x.y.z")
    releases = settings.warehouse_dir / "releases"
    target = releases / version
    if target.exists():
        raise ReleaseError(
            f"release {version} already exists at {target}; releases are never overwritten"
        )
    missing = [n for n in schemas.TABLES if not (settings.parquet_dir / f"{n}.parquet").exists()]
    if missing:
        raise ReleaseError(
            f"no published build to release (missing {missing}); run `make dataset` first"
        )
    frames = {n: pl.read_parquet(settings.parquet_dir / f"{n}.parquet") for n in schemas.TABLES}
    for name, table in schemas.TABLES.items():
        problems = schemas.schema_problems(frames[name], table)
        if problems:
            raise ReleaseError(f"published {name} does not match the schema: {problems}")

    releases.mkdir(parents=True, exist_ok=True)
    work = releases / f".{version}.partial"
    shutil.rmtree(work, ignore_errors=True)
    (work / "parquet").mkdir(parents=True)
    (work / "csv").mkdir()
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        resources = []
        for name, table in schemas.TABLES.items():
            parquet = work / "parquet" / f"{name}.parquet"
            shutil.copyfile(settings.parquet_dir / f"{name}.parquet", parquet)
            csv = work / "csv" / f"{name}.csv"
            csv_frame(frames[name], table).write_csv(csv)
            resources.append(resource_descriptor(table, csv, parquet, frames[name].height, work))
        package = {
            "profile": "data-package",
            "name": PACKAGE_NAME,
            "title": TITLE,
            "description": "Strikes, partial strikes, rallies, strike votes, notices, offers, negotiations and "
            "settlements in New Zealand, with the parties and figures reported, extracted from news articles. "
            "Every value points to the characters of the article it came from.",
            "version": version,
            "created": created.isoformat().replace("+00:00", "Z"),
            "licenses": [LICENSE],
            "keywords": ["industrial action", "strikes", "New Zealand", "labour", "health"],
            "resources": resources,
        }
        (work / "datapackage.json").write_text(
            json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        (work / "data_dictionary.md").write_text(data_dictionary(), encoding="utf-8")
        (work / "CHANGELOG.md").write_text(
            changelog(version, frames["events"], previous_release(releases, version)),
            encoding="utf-8",
        )
        (work / "CITATION.cff").write_text(citation(version, created), encoding="utf-8")
        action_chart(frames["events"], work / "action_by_month.png")
        data_docs(frames, _bodies(settings), work / "data_docs")
        if with_accuracy:
            (work / "accuracy.md").write_text(
                accuracy_table(settings.spacy_model), encoding="utf-8"
            )
        if target.exists():  # another release of this version finished meanwhile
            raise ReleaseError(f"release {version} already exists at {target}")
        work.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _bodies(settings: Settings) -> dict[str, str] | None:
    staged = settings.staging_dir / "article_texts.parquet"
    if not staged.exists():
        return None
    df = pl.read_parquet(staged, columns=["article_id", "body"])
    return dict(zip(df["article_id"].to_list(), df["body"].to_list(), strict=True))
