# The two commands of the README: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1

.PHONY: demo test browser lint typecheck pytest schema docs data bench bench-quick clean

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

test: $(VENV)/.installed-test browser lint typecheck pytest

# The HTML view's tests drive Debian's chromium (never a downloaded browser): install it where
# it is missing and we may (root with apt-get, as on CI), and fail loudly where it cannot be had.
CHROMIUM ?= /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests (apt-get, about a minute)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	      >/dev/null || { echo "make: apt-get install chromium failed" >&2; exit 1; }; \
	  fi; \
	  test -x $(CHROMIUM) || { echo "make: the browser tests need $(CHROMIUM): install Debian's chromium package (as root: apt-get install chromium)" >&2; exit 1; }; \
	}

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

# The documentation site with its API reference, built strictly (a warning fails) into site/.
docs: $(VENV)/.installed-test
	$(BIN)/mkdocs build --strict

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/validate_throughput.py

bench-quick: $(VENV)/.installed-test
	$(BIN)/python benchmarks/validate_throughput.py --records 200000

clean:
	rm -rf $(VENV) build dist site .pytest_cache .mypy_cache .ruff_cache .hypothesis
