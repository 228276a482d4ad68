# sanctionwatch: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SW := $(BIN)/sanctionwatch
HOST ?= 127.0.0.1
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup postgres chromium run test lint typecheck bench docs clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

# PostgreSQL server binaries for the suite's throwaway cluster (Debian package when missing).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql)

# Headless Chromium and its WebDriver for the browser tests (Debian packages when missing).
chromium:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    --no-install-recommends chromium chromium-driver)

run: setup
	$(SW) lists load-bundled
	$(SW) lists status
	$(SW) simulate --seed 1 --hours 72 --vessels 300 --out var/scenario
	$(SW) detect
	$(SW) events list --severity medium --limit 40
	$(SW) demo
	$(SW) serve --host $(HOST) --port $(PORT)

test: setup postgres chromium lint typecheck
	$(BIN)/pytest -n 2 -q

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

bench: setup postgres
	$(BIN)/pip install -q -e ".[bench]"
	$(BIN)/python bench/load_lists.py
	$(BIN)/python bench/screening_quality.py
	$(BIN)/python bench/screening_speed.py
	$(BIN)/python bench/maritime_quality.py
	$(BIN)/python bench/maritime_speed.py
	$(BIN)/python bench/ledger.py
	$(BIN)/python bench/cases_api.py

docs: setup
	$(BIN)/python -m sanctionwatch.docs

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
