"""Command-line entry points behind the Makefile.

- `build`: materialise every asset (and run every check) into the warehouse.
- `ui`: start the Dagster UI on 127.0.0.1 against the same instance.
- `eval`: score extraction against a gold file (see `pipeline.evaluate`).
- `release`: package the published build as `warehouse/releases/<version>/`.
- `bench`: build a synthetic corpus of N articles stage by stage and report throughput.
- `speed`: words per second of spaCy alone and with extraction.
- `expectations`: regenerate `expectations/*.json` from `pipeline/schemas.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from pipeline.settings import ensure_dagster_home, get_settings


def _use_instance_home() -> None:
    settings = get_settings()
    home = ensure_dagster_home(settings)
    os.environ["DAGSTER_HOME"] = str(home)


def build() -> int:
    _use_instance_home()
    from pipeline.definitions import defs
    from pipeline.publish.files import PublishLockTimeout, warehouse_lock

    settings = get_settings()
    print(f"building from {settings.raw_dir} into {settings.warehouse_dir}", flush=True)
    try:
        # One build per warehouse at a time; a second one is refused with a clear message.
        with warehouse_lock(settings.warehouse_dir, name=".build.lock", wait=False):
            return _run(defs.resolve_implicit_global_asset_job_def(), settings)
    except PublishLockTimeout as exc:
        print(f"build refused: {exc}", file=sys.stderr)
        return 2


def _run(job, settings) -> int:
    from dagster import DagsterInstance

    with DagsterInstance.get() as instance:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
        )
    failed_checks = [
        evaluation for evaluation in result.get_asset_check_evaluations() if not evaluation.passed
    ]
    for evaluation in failed_checks:
        print(
            f"FAILED check {evaluation.asset_key.to_user_string()}:{evaluation.check_name}: "
            f"{evaluation.description}",
            file=sys.stderr,
        )
    if not result.success or failed_checks:
        print(
            "build failed; the previously published warehouse (if any) is unchanged",
            file=sys.stderr,
        )
        return 1
    print(f"published {settings.parquet_dir} and {settings.duckdb_path}")
    return 0


def ui(host: str, port: int) -> int:
    _use_instance_home()
    cmd = [
        sys.executable,
        "-m",
        "dagster",
        "dev",
        "-m",
        "pipeline.definitions",
        "-h",
        host,
        "-p",
        str(port),
    ]
    print("starting:", " ".join(cmd), flush=True)
    os.execvp(cmd[0], cmd)
    return 0  # not reached


def expectations() -> int:
    from pipeline.validation import write_suites

    for path in write_suites():
        print(path)
    return 0


def evaluate(raw: str, gold: str, output: str | None, verbose: bool) -> int:
    from pathlib import Path

    from pipeline.evaluate import evaluate as run_evaluation

    result = run_evaluation(Path(raw), Path(gold), get_settings().spacy_model)
    print(result.report(verbose=verbose))
    if output:
        Path(output).write_text(json.dumps(result.as_dict(), indent=2) + "\n", encoding="utf-8")
    return 0


def speed(raw: str, repeat: int) -> int:
    from pathlib import Path

    from pipeline.speed import measure

    print(measure(Path(raw), get_settings().spacy_model, repeat).report())
    return 0


def release(version: str, with_accuracy: bool) -> int:
    from pipeline.release import ReleaseError, make_release

    try:
        path = make_release(version, get_settings(), with_accuracy=with_accuracy)
    except ReleaseError as exc:
        print(f"release failed: {exc}", file=sys.stderr)
        return 1
    print(f"released {path}")
    return 0


def bench(n: int, processes: int, work: str | None) -> int:
    from pathlib import Path

    from pipeline.bench import run, write_results

    settings = get_settings()
    work_dir = Path(work) if work else settings.warehouse_dir / "bench" / f"n{n}"
    result = run(n, work_dir, processes=processes, spacy_model=settings.spacy_model)
    out = settings.warehouse_dir / "bench" / f"results-n{n}.md"
    write_results(result, out)
    print(result.markdown())
    print(f"\nwritten to {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="materialise all assets into the warehouse")
    ui_parser = sub.add_parser("ui", help="start the Dagster UI")
    ui_parser.add_argument("--host", default="127.0.0.1")
    ui_parser.add_argument("--port", type=int, default=3000)
    sub.add_parser("expectations", help="regenerate expectations/*.json from the schema")
    eval_parser = sub.add_parser("eval", help="score extraction against a gold file")
    eval_parser.add_argument("--raw", required=True, help="folder of articles (as raw/)")
    eval_parser.add_argument("--gold", required=True, help="gold file in the format of seeds.json")
    eval_parser.add_argument("--output", help="also write the scores as JSON here")
    eval_parser.add_argument("-v", "--verbose", action="store_true", help="list every difference")
    speed_parser = sub.add_parser(
        "speed", help="words per second of spaCy alone and with extraction"
    )
    speed_parser.add_argument("--raw", required=True, help="folder of articles")
    speed_parser.add_argument("--repeat", type=int, default=5, help="repeat the corpus N times")
    release_parser = sub.add_parser(
        "release", help="package the published build as a versioned release"
    )
    release_parser.add_argument(
        "--version", required=True, help="x.y.z; an existing version is never overwritten"
    )
    release_parser.add_argument(
        "--no-accuracy", action="store_true", help="skip the extraction accuracy table"
    )
    bench_parser = sub.add_parser("bench", help="benchmark a synthetic corpus of N articles")
    bench_parser.add_argument("--n", type=int, default=1000, help="number of articles")
    bench_parser.add_argument("--processes", type=int, default=2, help="spaCy processes")
    bench_parser.add_argument(
        "--work", help="folder for the corpus and warehouse (default warehouse/bench/nN)"
    )
    args = parser.parse_args(argv)
    if args.command == "build":
        return build()
    if args.command == "ui":
        return ui(args.host, args.port)
    if args.command == "bench":
        return bench(args.n, args.processes, args.work)
    if args.command == "release":
        return release(args.version, not args.no_accuracy)
    if args.command == "speed":
        return speed(args.raw, args.repeat)
    if args.command == "eval":
        return evaluate(args.raw, args.gold, args.output, args.verbose)
    return expectations()
