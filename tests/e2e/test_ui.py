"""End to end in a real browser: the Dagster UI materialises everything.

Starts `python -m pipeline ui` (the same command as `make ui`) against a
temporary raw folder and warehouse, opens the asset graph in Debian's
Chromium driven by Playwright, clicks "Materialize all", waits until the run
succeeds and saves a screenshot of the materialised asset graph to
`tests/artifacts/ui_asset_graph.png`.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.codebook import REPO, SHARED

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path(os.environ.get("PIPELINE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 5) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return resp.read()


def _graphql(base: str, query: str) -> dict:
    req = urllib.request.Request(
        f"{base}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())["data"]


@pytest.fixture
def ui_server(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SHARED / "seeds", raw)
    warehouse = tmp_path / "warehouse"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env.update(PIPELINE_RAW_DIR=str(raw), PIPELINE_WAREHOUSE_DIR=str(warehouse))
    log = (tmp_path / "ui.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "ui", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                _get(f"{base}/server_info")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        "the UI did not start:\n" + (tmp_path / "ui.log").read_text()[-3000:]
                    )
                time.sleep(1)
        yield {"base": base, "warehouse": warehouse}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def _latest_run(base: str) -> tuple[str, str] | None:
    runs = _graphql(base, "{ runsOrError(limit: 1) { ... on Runs { results { runId status } } } }")
    results = runs["runsOrError"]["results"]
    return (results[0]["runId"], results[0]["status"]) if results else None


def test_materialize_all_from_the_ui(ui_server):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    base = ui_server["base"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(f"{base}/asset-groups", wait_until="domcontentloaded")
        button = page.get_by_role("button", name="Materialize all")
        button.wait_for(timeout=90_000)
        button.click()
        page.get_by_text("Launched run").first.wait_for(timeout=60_000)

        deadline = time.monotonic() + 600
        status = None
        while time.monotonic() < deadline:
            latest = _latest_run(base)
            status = latest[1] if latest else None
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                break
            time.sleep(2)
        assert status == "SUCCESS", f"run ended as {status}"

        page.goto(f"{base}/asset-groups", wait_until="domcontentloaded")
        page.wait_for_timeout(8000)  # let the graph lay out and show materialisation status
        shot = ARTIFACTS / "ui_asset_graph.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert shot.stat().st_size > 10_000
    for table in ("articles", "events", "figures"):
        assert (ui_server["warehouse"] / "parquet" / f"{table}.parquet").exists()
