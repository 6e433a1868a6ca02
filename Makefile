# The two commands of the README: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1

.PHONY: demo test lint typecheck pytest schema docs data bench bench-quick clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-demo: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	touch $@ $(VENV)/.installed-demo

demo: $(VENV)/.installed-demo
	$(BIN)/newsevents demo

test: $(VENV)/.installed-test lint typecheck pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy --strict newsevents

pytest: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n 2 -q

# Regenerate the committed artefacts from the models and the hand-written sources.
schema: $(VENV)/.installed-test
	$(BIN)/python -m newsevents.tools.regenerate

# Rebuild the reference dataset's files from its hand-written source (make schema does too).
data: $(VENV)/.installed-test
	$(BIN)/python -m newsevents.tools.build_dataset

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/validate_throughput.py

bench-quick: $(VENV)/.installed-test
	$(BIN)/python benchmarks/validate_throughput.py --records 200000

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
