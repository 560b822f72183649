# Two commands matter: `make dataset` (set up and build everything) and `make test`.
# Paths: PIPELINE_RAW_DIR / PIPELINE_WAREHOUSE_DIR override raw/ and warehouse/.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := $(PYTHON) -m uv
VENV_PY := .venv/bin/python
export UV_PYTHON_DOWNLOADS := never

# `make eval EVAL_RAW=folder EVAL_GOLD=file.json` scores extraction on any folder with a gold file.
EVAL_RAW ?= ../shared/seeds
EVAL_GOLD ?= ../shared/gold/seeds.json

.PHONY: help setup browser dataset release bench test test-fast ui expectations lint eval eval-all speed

help:
	@echo "make dataset       install everything (uv.lock) and build the dataset from raw/ into warehouse/"
	@echo "make test          run the test suite"
	@echo "make release VERSION=x.y.z   package the published build in warehouse/releases/x.y.z/"
	@echo "make ui            start the Dagster UI on http://127.0.0.1:3000"
	@echo "make eval          score extraction: EVAL_RAW=folder EVAL_GOLD=gold.json (default: the seeds)"
	@echo "make eval-all      score on the seeds, the dev set and the six blind sets in tests/fixtures"
	@echo "make bench N=1000  benchmark a synthetic corpus of N articles (results in warehouse/bench/)"
	@echo "make speed         words per second of spaCy alone and with extraction"
	@echo "make expectations  regenerate expectations/*.json from pipeline/schemas.py"
	@echo "make lint          ruff"

setup:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)"
	@$(UV) sync --locked --all-groups --quiet

dataset: setup
	$(VENV_PY) -m pipeline build

# The browser test drives Debian's Chromium (never a browser downloaded by Playwright).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: setup browser
	$(VENV_PY) -m pytest

test-fast: setup
	$(VENV_PY) -m pytest -m "not slow"

# The UI listens on 127.0.0.1 only, unless UI_HOST says otherwise.
UI_HOST ?= 127.0.0.1
UI_PORT ?= 3000
ui: setup
	$(VENV_PY) -m pipeline ui --host $(UI_HOST) --port $(UI_PORT)

expectations: setup
	$(VENV_PY) -m pipeline expectations

lint: setup
	$(VENV_PY) -m ruff check pipeline tests
	$(VENV_PY) -m ruff format --check pipeline tests

eval: setup
	$(VENV_PY) -m pipeline eval --raw "$(EVAL_RAW)" --gold "$(EVAL_GOLD)"

eval-all: setup
	@for set in "../shared/seeds ../shared/gold/seeds.json" "tests/fixtures/eval/raw tests/fixtures/eval/gold.json" "tests/fixtures/blind/raw tests/fixtures/blind/gold.json" "tests/fixtures/blind2/raw tests/fixtures/blind2/gold.json" "tests/fixtures/blind3/raw tests/fixtures/blind3/gold.json" "tests/fixtures/blind4/raw tests/fixtures/blind4/gold.json" "tests/fixtures/blind5/raw tests/fixtures/blind5/gold.json" "tests/fixtures/blind6/raw tests/fixtures/blind6/gold.json" "tests/fixtures/blind7/raw tests/fixtures/blind7/gold.json" "tests/fixtures/blind8/raw tests/fixtures/blind8/gold.json"; do \
		set -- $$set; echo "== $$1"; $(VENV_PY) -m pipeline eval --raw "$$1" --gold "$$2"; done

speed: setup
	$(VENV_PY) -m pipeline speed --raw tests/fixtures/eval/raw --repeat 5

release: setup
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=x.y.z"; exit 2; }
	$(VENV_PY) -m pipeline release --version "$(VERSION)"

N ?= 1000
PROCESSES ?= 2
bench: setup
	$(VENV_PY) -m pipeline bench --n $(N) --processes $(PROCESSES)
