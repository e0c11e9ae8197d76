# Dramatis — everything starts from nothing: the first target that needs the virtual
# environment creates it and installs the project with its development extras.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := seeds/000_dd5b4a6056b2a50f.txt

.PHONY: run test check lint format bench package clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dramatis-gui $(SAMPLE)

test: $(STAMP)
	$(BIN)/ruff check reader ui tests bench packaging
	$(BIN)/mypy reader ui
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --dist loadfile

# The edit-test loop: lint, types and every test not marked slow (under a minute here);
# `make test` runs the slow ones too.
check: $(STAMP)
	$(BIN)/ruff check reader ui tests bench packaging
	$(BIN)/mypy reader ui
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" -n auto

lint: $(STAMP)
	$(BIN)/ruff check reader ui tests bench packaging
	$(BIN)/ruff format --check reader ui tests bench packaging
	$(BIN)/mypy reader ui

format: $(STAMP)
	$(BIN)/ruff format reader ui tests bench packaging
	$(BIN)/ruff check --fix reader ui tests bench packaging

bench: $(STAMP)
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/library_search.py
	$(BIN)/python bench/library_add.py
	$(BIN)/python bench/archive.py
	$(BIN)/python bench/library_check.py
	$(BIN)/python bench/hostile_inputs.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/gui.py

.PHONY: screenshots
screenshots: $(STAMP)
	$(BIN)/python tests/take_screenshots.py

package: $(STAMP)
	$(BIN)/python packaging/build.py

clean:
	rm -rf build dist .pytest_cache .ruff_cache .mypy_cache
