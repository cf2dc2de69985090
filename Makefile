# Two commands on a fresh machine:
#   make run   - create .venv, install, prepare offline language data, execute the
#                notebooks and write tables, figures and the HTML report to $(OUT)/
#   make test  - install the dev extras and run the whole test suite (notebooks included)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= output
PIP    := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: install dev run test lab lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[notebooks]'
	$(BIN)/python -m toolkit setup
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.installed-dev

run: $(VENV)/.installed
	TOOLKIT_OUTPUT=$(abspath $(OUT)) $(BIN)/python scripts/run_notebooks.py --out $(OUT)
	$(BIN)/python -m toolkit report data/lavrov_2015_afp.txt data/wikinews_en_2019_2020.jsonl --out $(OUT)/report

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

# JupyterLab refuses to start as root without --allow-root; pass it only when we are root.
lab: $(VENV)/.installed
	$(BIN)/jupyter lab $$(if [ "$$(id -u)" = 0 ]; then echo --allow-root; fi) notebooks/

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check toolkit tests scripts

bench: $(VENV)/.installed-dev
	$(BIN)/python scripts/benchmark.py

eval: $(VENV)/.installed-dev
	$(BIN)/python scripts/evaluate.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
