# Everything the project needs, from a fresh machine that has Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: serve dev setup test install lint fix clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "eventsdb needs Python 3.11; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

setup: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@# A report that fails to load is named above; the site still serves the others.
	-$(BIN)/python manage.py load_reports seeds

# Set up, load the seed reports and serve the site at http://$(HOST):$(PORT)/ with the
# production server (gunicorn.conf.py). HTTPS=0: this local server speaks plain http;
# production keeps the secure default.
serve: setup
	HTTPS=0 BIND=$(HOST):$(PORT) $(BIN)/gunicorn --config gunicorn.conf.py eventsdb.wsgi

# The same, with Django's development server: reloads on code changes, DEBUG on.
dev: setup
	HTTPS=0 DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fix: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The whole suite: lint, migrations in step with the models, then pytest
# (browser tests included; they need Debian's chromium, see README).
test: lint
	$(BIN)/python manage.py makemigrations --check --dry-run --verbosity 1
	# Persistent connections would outlive the live-server thread and block test-db teardown.
	CONN_MAX_AGE=0 $(BIN)/pytest -n 2 $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
