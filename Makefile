# Two commands a newcomer needs: `make demo` and `make test`. Both create .venv,
# install from the hashed lock files, and are quick when nothing changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q
LEDGER := build/example.db

.PHONY: demo test lint browser screenshots install install-test lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Dependencies come only from the lock (every file pinned by sha256); the project
# itself is then installed without dependencies.
$(VENV)/.run-installed: requirements/run.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements/run.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: requirements/test.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements/test.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.run-installed

install: $(VENV)/.run-installed
install-test: $(VENV)/.test-installed

demo: install
	@mkdir -p build
	$(BIN)/consilience build examples --ledger $(LEDGER)
	$(BIN)/consilience show $(LEDGER)
	$(BIN)/consilience export $(LEDGER) --format json -o build/example.json
	$(BIN)/consilience export $(LEDGER) --format csv -o build/example-csv
	$(BIN)/consilience export $(LEDGER) --format events-csv -o build/example-events.csv
	$(BIN)/consilience report $(LEDGER) -o build/example-report.html
	@echo "reports written: build/example.json, build/example-csv/, build/example-events.csv, build/example-report.html"
	@echo "run consilience yourself: $(BIN)/consilience --help  (or first: . $(BIN)/activate, then consilience --help)"

lint: install-test
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

# The browser tests drive Debian's chromium through Playwright (never `playwright install`).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# pytest exits 5 when it collected no tests; make treats any non-zero status as failure.
test: lint browser
	$(BIN)/python -m pytest -q

# The README's screenshots of the example report (needs chromium, as the tests do).
screenshots: install-test browser
	$(BIN)/python scripts/screenshot_report.py

# Regenerate the hashed locks (needs pip-tools; maintainers only). The model wheel
# is pinned to its wheel hash alone.
lock:
	$(BIN)/python -m pip install -q pip-tools
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements/run.lock pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --extra test -o requirements/test.lock pyproject.toml
	$(BIN)/python requirements/pin_model_wheel.py requirements/run.lock requirements/test.lock

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
