# The two commands of the README: `make dashboard` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV ?= .venv
SOURCE_TEXTS ?= ../shared/sources
BIN = $(VENV)/bin

.PHONY: dashboard test setup-dashboard setup-test chromium lint benchmarks

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

setup-dashboard: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dashboard]"

setup-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

# Debian's Chromium drives the browser tests (never `playwright install`: it downloads).
chromium:
	@command -v chromium >/dev/null || { \
	  [ "$$(id -u)" = 0 ] || { echo "Install Debian's chromium (apt-get install chromium) as root first."; exit 1; }; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Serve the dashboard on the bundled data at http://127.0.0.1:8050
dashboard: setup-dashboard
	$(BIN)/python -m dashboard

# Validate the data (quotes against the source texts when they are there), check that
# datapackage.json is fresh, lint, then run every test, browser tests included.
test: setup-test chromium
	if [ -d "$(SOURCE_TEXTS)" ]; then $(BIN)/sinosoviet validate --source-texts "$(SOURCE_TEXTS)"; \
	  else $(BIN)/sinosoviet validate; fi
	$(BIN)/sinosoviet build --check
	$(BIN)/ruff check src tests build benchmarks dashboard
	$(BIN)/pytest

lint: setup-test
	$(BIN)/ruff check src tests build benchmarks dashboard
	$(BIN)/ruff format --check src tests build benchmarks dashboard

# Every benchmark of benchmarks/README.md (about 15 minutes; wrk drives the load test).
benchmarks: setup-test chromium
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python benchmarks/package.py
	$(BIN)/python benchmarks/dashboard_first_chart.py --rounds 7
	$(BIN)/python benchmarks/dashboard_callbacks.py --calls 40
	$(BIN)/python benchmarks/dashboard_load.py --seconds 30
