# Voordeur: `make run` serves the demo region, `make test` runs every check.
# Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/voordeur
# The suites run on this many processes (pytest-xdist); 2 fits the 2-core machines CI uses.
TEST_WORKERS ?= 2
STAGE := sh scripts/stage.sh
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install run demo test lint check test-sqlite test-browser test-postgres bench bench-search soak clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $@

demo: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py sync_sites
	$(BIN)/python manage.py setup_demo

# The development server plus publish_scheduled every minute (go-live and expiry dates,
# scheduled revisions); Ctrl-C stops both (scripts/devserver.py).
run: demo
	@echo "Serving the region at http://localhost:8000/ and each site at http://<slug>.localhost:8000/"
	@echo "Scheduled publishing runs every minute beside the server; Ctrl-C stops both."
	$(BIN)/python scripts/devserver.py 127.0.0.1:8000

lint: install
	$(STAGE) "ruff" $(BIN)/ruff check .
	$(STAGE) "ruff format" $(BIN)/ruff format --check .
	$(STAGE) "import-linter (layers)" $(BIN)/lint-imports --no-cache

check: install
	mkdir -p var
	DJANGO_SETTINGS_MODULE=cms.settings.test $(STAGE) "manage.py check" \
		$(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(STAGE) "makemigrations --check" \
		$(BIN)/python manage.py makemigrations --check --dry-run
	SECRET_KEY=check-deploy-$$(date +%s)-not-a-real-secret-but-long-enough-for-the-check \
	ALLOWED_HOSTS=www.kortrijk.be DJANGO_SETTINGS_MODULE=cms.settings.production \
	$(STAGE) "check --deploy (production settings)" \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

test-sqlite: install
	env -u DATABASE_URL $(STAGE) "test suite on SQLite" $(BIN)/pytest -q -n $(TEST_WORKERS)

test-postgres: install
	@if $(BIN)/python scripts/pg_available.py "$(PG_URL)"; then \
		DATABASE_URL="$(PG_URL)" $(STAGE) "test suite on PostgreSQL ($(PG_URL))" \
			$(BIN)/pytest -q -n $(TEST_WORKERS) && \
		$(STAGE) "production smoke test: gunicorn, production settings, PostgreSQL" \
			$(BIN)/pytest -q -m smoke tests/smoke; \
	elif [ "$(REQUIRE_POSTGRES)" = "1" ]; then \
		echo "PostgreSQL is not reachable at $(PG_URL) and REQUIRE_POSTGRES=1: failing."; exit 1; \
	else \
		echo "SKIPPED: the PostgreSQL pass (no server at $(PG_URL)); set REQUIRE_POSTGRES=1 to make this a failure."; \
	fi

# The browser suite: every page type on every municipality's site (so every theme) in
# Debian's Chromium with axe-core, the Nu HTML Checker, a keyboard walk, reflow at 320 px
# and first-party requests only (tests/browser). Installs Chromium, Java and npm with
# apt-get when missing, and node_modules (axe-core, vnu-jar) from package-lock.json.
test-browser: install node_modules/.installed
	sh scripts/browser_deps.sh
	env -u DATABASE_URL $(STAGE) "browser suite in Chromium (tests/browser)" \
		$(BIN)/pytest -q -m browser tests/browser

node_modules/.installed: package.json package-lock.json
	sh scripts/browser_deps.sh
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test: lint check test-sqlite test-browser test-postgres

bench: demo
	$(BIN)/python -m tests.benchmarks.run

# A minute of wrk at 64 connections on a home page, a local service page, a search and a
# form POST, page cache on and off: errors, p50/p99 and each worker's memory before and
# after (tests/benchmarks/soak.py; SOAK_SECONDS=10 make soak for a quick look).
soak: demo
	$(BIN)/python -m tests.benchmarks.soak

# The joint search index at 100,000 synthetic documents, on SQLite and (when PG_URL answers)
# PostgreSQL, beside Wagtail's database search (tests/benchmarks/search_index.py).
bench-search: install
	PG_URL="$(PG_URL)" $(BIN)/python -m tests.benchmarks.search_index

clean:
	rm -rf var $(VENV)
